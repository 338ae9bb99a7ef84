"""The duplicates view: identical and near-duplicate units, to merge or to ignore."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.model.edits import Edit, Insert
from designer.model.totals import format_hours
from designer.progress import ProgressCallback
from designer.sharing.duplicates import DuplicateGroup, find_duplicates
from designer.sharing.merge import plan_merge, preview_merge
from designer.ui.background import Work
from designer.ui.document import Document
from designer.ui.labels import tr
from designer.ui.live_view import BackgroundView

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class MergeDialog(QDialog):
    """Choose which unit survives, and see what differs before merging."""

    def __init__(self, document: Document, group: DuplicateGroup, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge into one shared unit"))
        self.setObjectName("mergeDialog")
        self.resize(640, 420)
        self.document = document
        self.group = group
        catalog, totals = document.catalog, document.totals
        self.survivor = QComboBox()
        self.survivor.setObjectName("survivor")
        for unit_id in group.units:
            unit = catalog.get(unit_id)
            users = ", ".join(
                getattr(catalog.get(u), "code", "") or u for u in catalog.users(unit_id)
            )
            hours = format_hours(totals.hours(unit))
            label = f"{unit.title}  ({hours} h; used by {users or tr('nothing')})"  # type: ignore[union-attr]
            self.survivor.addItem(label, unit_id)
        self.differences = QPlainTextEdit()
        self.differences.setObjectName("mergeDifferences")
        self.differences.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Keep this one; every use of the others will use it instead:")))
        layout.addWidget(self.survivor)
        layout.addWidget(QLabel(tr("What differs:")))
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)
        self.survivor.currentIndexChanged.connect(self._show_preview)
        self._show_preview()

    def survivor_id(self) -> str:
        return str(self.survivor.currentData())

    def others(self) -> list[str]:
        return [u for u in self.group.units if u != self.survivor_id()]

    def _show_preview(self) -> None:
        preview = preview_merge(self.document.catalog, self.survivor_id(), self.others())
        lines = list(preview.differences) or [tr("No differences: the units are identical.")]
        if preview.dropped_alignments:
            lines += ["", tr("Alignments that cannot be kept:"), *preview.dropped_alignments]
        self.differences.setPlainText("\n".join(lines))

    def accept(self) -> None:
        edits = plan_merge(self.document.catalog, self.survivor_id(), self.others())
        title = getattr(self.document.catalog.get(self.survivor_id()), "title", "")
        self.document.push(edits, tr("Merge into {0}").format(title))
        super().accept()


class DuplicatesView(BackgroundView):
    """Groups of duplicates with their score and reason.

    The search runs in the background (a large catalog takes seconds): see BackgroundView.
    """

    def __init__(self, document: Document) -> None:
        super().__init__(
            document,
            delay_ms=500,
            cancelled_text=tr("Search cancelled — the groups below may be out of date."),
            failed_text=tr("The search for duplicates failed: {0}"),
        )
        self.groups: list[DuplicateGroup] = []
        self.list = QTreeWidget()
        self.list.setObjectName("duplicateGroups")
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([tr("Units"), tr("Level"), tr("Score"), tr("Why")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 460)
        header.resizeSection(1, 170)
        header.resizeSection(2, 60)
        self.summary = QLabel()
        self.merge_button = QPushButton(tr("Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.ignore_button = QPushButton(tr("Not duplicates: ignore"))
        self.ignore_button.setObjectName("ignoreButton")
        self.refresh_button = QPushButton(tr("Look again"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.merge_button, self.ignore_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.grey_while_working(self.list)
        self.merge_button.clicked.connect(self.merge_selected)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.itemDoubleClicked.connect(self._open_unit)
        self.list.itemExpanded.connect(self._list_units)
        self.list.currentItemChanged.connect(self.update_actions)
        self.update_actions()

    def work(self) -> tuple[Work, str]:
        catalog, totals = self.document.catalog, self.document.totals

        def search(progress: ProgressCallback) -> list[DuplicateGroup]:
            return find_duplicates(catalog, totals, progress=progress)

        units = len(catalog.courses) + len(catalog.modules)
        units += sum(len(module.items) for module in catalog.modules.values())
        return search, tr("Looking for duplicates among {0} units…").format(f"{units:,}")

    def show_result(self, result: list[DuplicateGroup]) -> None:
        self.groups = result
        self._show_groups()

    def _show_groups(self) -> None:
        catalog = self.document.catalog
        self.list.clear()
        items = []
        for group in self.groups:
            titles = [getattr(catalog.get_or_none(u), "title", u) for u in group.units]
            kind = tr("identical") if group.kind == "identical" else tr("near-duplicate")
            top = QTreeWidgetItem(
                [
                    " | ".join(titles),
                    f"{tr(group.level)}, {kind}",
                    f"{100 * group.score:.0f} %",
                    group.reason,
                ]
            )
            top.setData(0, GROUP_ROLE, group)
            top.setToolTip(3, group.reason)
            # Its units (where each is used) are listed when the group is opened: a large
            # catalog has thousands of groups, and describing every unit took 0.1 s more.
            top.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(top)
        self.list.addTopLevelItems(items)  # in one go: much quicker than one by one
        self._show_summary()

    def _list_units(self, top: QTreeWidgetItem) -> None:
        """Fill an opened group with its units, once."""
        group = top.data(0, GROUP_ROLE)
        if group is None or top.childCount():
            return
        for unit_id in group.units:
            child = QTreeWidgetItem([self._describe(unit_id), "", "", ""])
            child.setData(0, Qt.ItemDataRole.UserRole, unit_id)
            top.addChild(child)

    def _show_summary(self) -> None:
        identical = sum(g.kind == "identical" for g in self.groups)
        self.summary.setText(
            tr("{0} identical groups, {1} near-duplicate pairs").format(
                identical, len(self.groups) - identical
            )
        )
        self.update_actions()

    def _describe(self, unit_id: str) -> str:
        catalog = self.document.catalog
        unit = catalog.get_or_none(unit_id)
        if unit is None:
            return unit_id  # removed since the search: it runs again shortly
        where = [getattr(catalog.get(u), "title", u) for u in catalog.users(unit_id)]
        if not where and unit_id not in catalog.courses and unit_id not in catalog.modules:
            where = [getattr(catalog.owner(unit_id), "title", "")]
        return f"{getattr(unit, 'title', unit_id)} — {tr('in')} {', '.join(where) or tr('nothing')}"

    def selected_group(self) -> DuplicateGroup | None:
        top = self._selected_row()
        return top.data(0, GROUP_ROLE) if top is not None else None

    def _selected_row(self) -> QTreeWidgetItem | None:
        """The selected group's row (the group's, when one of its units is selected)."""
        item = self.list.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def update_actions(self, *args: Any) -> None:
        """Merge and ignore act on a selected group, and not on groups that may be stale."""
        group = None if self.greyed else self.selected_group()
        self.ignore_button.setEnabled(group is not None)
        self.merge_button.setEnabled(group is not None and group.level != "item")
        self.merge_button.setToolTip(
            tr("Items belong to their module and cannot be shared; edit them instead.")
            if group is not None and group.level == "item"
            else ""
        )

    def merge_selected(self) -> None:
        group = self.selected_group()
        if group is None or group.level == "item":
            return
        if any(self.document.catalog.get_or_none(u) is None for u in group.units):
            return  # found before an edit removed one of them; the search runs again
        MergeDialog(self.document, group, self).exec()

    def ignore_selected(self) -> None:
        row = self._selected_row()
        group = row.data(0, GROUP_ROLE) if row is not None else None
        if row is None or group is None:
            return
        ignored = self.document.catalog.ignored_duplicates
        pairs = {tuple(sorted((a, b))) for a in group.units for b in group.units if a < b}
        new = [p for p in sorted(pairs) if p not in ignored]
        edits: list[Edit] = [
            Insert(None, "ignored_duplicates", len(ignored) + n, pair) for n, pair in enumerate(new)
        ]
        if edits:
            self.document.push(edits, tr("Ignore duplicates"))
        # The group goes at once (its row alone: filling the list again takes a fifth of a
        # second on a large catalog); the search runs again when edits pause, as after any
        # edit, and may then find parts of it that are still alike.
        self.groups = [g for g in self.groups if g != group]
        self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(row))
        self._show_summary()

    def _open_unit(self, item: QTreeWidgetItem, column: int) -> None:
        unit_id = item.data(0, Qt.ItemDataRole.UserRole)
        if unit_id:
            self.unit_chosen.emit(unit_id)
