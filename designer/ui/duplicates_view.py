"""The duplicates view: identical and near-duplicate units, to merge or to ignore."""

from __future__ import annotations

import heapq
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.model.edits import Edit, Insert, Remove
from designer.model.totals import format_hours
from designer.progress import ProgressCallback
from designer.sharing.duplicates import LEVELS, DuplicateGroup, find_duplicates
from designer.sharing.merge import plan_merge, preview_merge
from designer.ui.background import Work
from designer.ui.colours import LOSS, colour, follow_scheme
from designer.ui.document import Document
from designer.ui.fields import fit_columns
from designer.ui.labels import tr
from designer.ui.live_view import BackgroundView

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ROLE = Qt.ItemDataRole.UserRole  # a unit row's unit id
UNITS_WIDTH = 460  # the Units column's width until the list has its room (see _share_width)
NO_GROUP = 0xFFFFFFFF  # the internal id of a group's row; a unit's row holds its group's key
AnyIndex = QModelIndex | QPersistentModelIndex


def level_text(level: str, kind: str) -> str:
    """What the Level column says of a group: "course, near-duplicate"."""
    return f"{tr(level)}, {tr('identical') if kind == 'identical' else tr('near-duplicate')}"


class MergeDialog(QDialog):
    """Choose which unit survives, and see what differs before merging."""

    def __init__(self, document: Document, group: DuplicateGroup, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge into one shared unit"))
        self.setObjectName("mergeDialog")
        self.resize(680, 520)
        self.document = document
        self.group = group
        catalog, totals = document.catalog, document.totals
        self.survivor = QComboBox()
        self.survivor.setObjectName("survivor")
        # As wide as the dialog, however long the titles: the whole label is its tooltip.
        self.survivor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.survivor.setMinimumContentsLength(40)
        for unit_id in group.units:
            unit = catalog.get(unit_id)
            users = ", ".join(
                getattr(catalog.get(u), "code", "") or u for u in catalog.users(unit_id)
            )
            hours = format_hours(totals.hours(unit))
            label = f"{unit.title}  ({hours} h; used by {users or tr('nothing')})"  # type: ignore[union-attr]
            self.survivor.addItem(label, unit_id)
            self.survivor.setItemData(self.survivor.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.differences = QPlainTextEdit()
        self.differences.setObjectName("mergeDifferences")
        self.differences.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        keep = QLabel(tr("Keep this one; every use of the others will use it instead:"))
        keep.setBuddy(self.survivor)  # a screen reader names the list by it
        differs = QLabel(tr("What differs:"))
        differs.setBuddy(self.differences)
        # A loss of workload changes certificates' hours and credits: said above the details.
        self.warning = QLabel()
        self.warning.setObjectName("mergeWarning")
        self.warning.setWordWrap(True)
        self._colour_warning()
        follow_scheme(self._colour_warning)
        layout = QVBoxLayout(self)
        layout.addWidget(keep)
        layout.addWidget(self.survivor)
        layout.addWidget(self.warning)
        layout.addWidget(differs)
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)
        self.survivor.currentIndexChanged.connect(self._show_preview)
        self._show_preview()

    def _colour_warning(self) -> None:
        self.warning.setStyleSheet(f"color: {colour(LOSS)}; font-weight: bold")

    def survivor_id(self) -> str:
        return str(self.survivor.currentData())

    def others(self) -> list[str]:
        return [u for u in self.group.units if u != self.survivor_id()]

    def _show_preview(self) -> None:
        document = self.document
        preview = preview_merge(
            document.catalog, self.survivor_id(), self.others(), document.totals
        )
        lines = list(preview.differences) or [tr("No differences: the units are identical.")]
        if preview.inside:
            heading = tr("Deleted with the merged course's modules, or different in them:")
            lines += ["", heading, *preview.inside]
        if preview.dropped_alignments:
            lines += ["", tr("Alignments that cannot be kept:"), *preview.dropped_alignments]
        if preview.lost_units or preview.workload:
            heading = tr("Workload before and after the merge:")
            lines += ["", heading, *preview.lost_units, *preview.workload]
        self.differences.setPlainText("\n".join(lines))
        if preview.lost_units:
            self.warning.setText(
                tr("Warning: this merge takes hours off the workload (totals below):")
                + "\n"
                + "\n".join(preview.lost_units)
            )
        self.warning.setVisible(bool(preview.lost_units))

    def accept(self) -> None:
        edits = plan_merge(self.document.catalog, self.survivor_id(), self.others())
        title = getattr(self.document.catalog.get(self.survivor_id()), "title", "")
        self.document.push(edits, tr("Merge into {0}").format(title))
        super().accept()


class GroupsModel(QAbstractItemModel):
    """The groups found, each with its units beneath it.

    A large catalog has thousands of groups: what a row shows is worked out when the view
    asks for it, for the rows on screen, rather than for every row when a search ends
    (filling a list of items took a fifth of a second then, and froze the window).
    """

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.groups: list[DuplicateGroup] = []
        # A group's key is its place in the search's result; its row changes when a group
        # above it is taken out, so a unit's row names its group by key.
        self._keys: list[int] = []
        self._rows: dict[int, int] = {}  # key -> row

    def set_groups(self, groups: list[DuplicateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self._keys = list(range(len(groups)))
        self._rows = {key: key for key in self._keys}
        self.endResetModel()

    def remove_groups(self, rows: Collection[int]) -> None:
        """Take these rows' groups out, a run of adjacent rows at a time, from the last: a
        merge takes out the groups of every module the merged course had, and the list of
        a large catalog was made again for each (a tenth of a second)."""
        runs: list[list[int]] = []  # each run's rows, from its last
        for row in sorted(set(rows), reverse=True):
            if runs and runs[-1][-1] == row + 1:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in runs:
            first, last = run[-1], run[0]
            self.beginRemoveRows(QModelIndex(), first, last)
            for key in self._keys[first : last + 1]:
                del self._rows[key]
            del self.groups[first : last + 1], self._keys[first : last + 1]
            for place in range(first, len(self._keys)):
                self._rows[self._keys[place]] = place
            self.endRemoveRows()

    def group_row(self, index: AnyIndex) -> int:
        """The row of a row's group (its own row, when it is a group's); -1 for none."""
        if not index.isValid():
            return -1
        if index.internalId() == NO_GROUP:
            return index.row()
        return self._rows.get(index.internalId(), -1)  # -1: its group has gone

    def group_of(self, index: AnyIndex) -> DuplicateGroup | None:
        """The group of a row: its own, or the one a unit's row belongs to."""
        row = self.group_row(index)
        return self.groups[row] if row >= 0 else None

    # ---- QAbstractItemModel -------------------------------------------------------------

    # The view asks for every group's row as the list is laid out: these answer without
    # going through the generic checks (hasIndex, rowCount), which took twice as long.

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < 4:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, NO_GROUP)
                if 0 <= row < len(self.groups)
                else QModelIndex()
            )
        if parent.internalId() != NO_GROUP or parent.column() != 0:
            return QModelIndex()
        if not 0 <= row < len(self.groups[parent.row()].units):
            return QModelIndex()
        return self.createIndex(row, column, self._keys[parent.row()])

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        if not parent.isValid():
            return bool(self.groups)
        return parent.internalId() == NO_GROUP and parent.column() == 0

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        row = self.group_row(index)
        if row < 0 or index.internalId() == NO_GROUP:
            return QModelIndex()
        return self.createIndex(row, 0, NO_GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == NO_GROUP and parent.column() == 0:
            return len(self.groups[parent.row()].units)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 4  # units, level, score, why

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Units"), tr("Level"), tr("Score"), tr("Why"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group_of(index)
        if group is None:
            return None
        # Long titles are cut short in the list: the tooltips hold the whole text.
        tip = role == Qt.ItemDataRole.ToolTipRole
        if index.internalId() != NO_GROUP:  # a unit of the group
            unit_id = group.units[index.row()]
            if role == UNIT_ROLE:
                return unit_id
            if (role == Qt.ItemDataRole.DisplayRole or tip) and index.column() == 0:
                return self._describe(unit_id)
            return None
        if role == GROUP_ROLE:
            return group
        if tip and index.column() == 0:
            catalog = self.document.catalog
            return "\n".join(getattr(catalog.get_or_none(u), "title", u) for u in group.units)
        if tip and index.column() == 3:
            return group.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            catalog = self.document.catalog
            return " | ".join(getattr(catalog.get_or_none(u), "title", u) for u in group.units)
        if index.column() == 1:
            return level_text(group.level, group.kind)
        if index.column() == 2:
            return f"{100 * group.score:.0f} %"
        return group.reason

    def _describe(self, unit_id: str) -> str:
        catalog = self.document.catalog
        unit = catalog.get_or_none(unit_id)
        if unit is None:
            return unit_id  # removed since the search: it runs again shortly
        where = [getattr(catalog.get(u), "title", u) for u in catalog.users(unit_id)]
        if not where and unit_id not in catalog.courses and unit_id not in catalog.modules:
            where = [getattr(catalog.owner(unit_id), "title", "")]
        return f"{getattr(unit, 'title', unit_id)} — {tr('in')} {', '.join(where) or tr('nothing')}"


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
        self.model = GroupsModel(document)
        self.list = QTreeView()
        self.list.setObjectName("duplicateGroups")
        self.list.setAccessibleName(tr("Duplicate groups"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, UNITS_WIDTH)  # titles, elided: the tooltip holds them whole
        # The Units column shares the room with Why (see _share_width) until the designer
        # drags it.
        self._units_dragged = False
        self._sharing = False
        header.sectionResized.connect(self._note_drag)
        self.list.viewport().installEventFilter(self)
        # The Level and Score columns as wide as their header and their longest value in the
        # list's font.
        levels = [level_text(level, kind) for level in LEVELS for kind in ("identical", "near")]
        fit_columns(self.list, [(1, 170, levels), (2, 60, ["100 %"])])
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a narrow window keeps its buttons
        self.merge_button = QPushButton(tr("Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.ignore_button = QPushButton(tr("Not duplicates: ignore"))
        self.ignore_button.setObjectName("ignoreButton")
        self.refresh_button = QPushButton(tr("Look again"))
        # The pairs marked not duplicates, saved with the catalog: listed on demand, so that
        # one marked by mistake (in this session or an earlier one) can be taken back.
        self.show_ignored_button = QPushButton()
        self.show_ignored_button.setObjectName("showIgnoredButton")
        self.show_ignored_button.setCheckable(True)
        self.ignored_list = QListWidget()
        self.ignored_list.setObjectName("ignoredPairs")
        self.ignored_list.setAccessibleName(tr("Pairs marked not duplicates"))
        self.ignored_list.setMaximumHeight(140)
        self.take_back_button = QPushButton(tr("Take back: consider again"))
        self.take_back_button.setObjectName("takeBackButton")
        self.ignored_panel = QWidget()
        self.ignored_panel.setObjectName("ignoredPanel")
        ignored_heading = QLabel(tr("Pairs marked not duplicates:"))
        ignored_heading.setBuddy(self.ignored_list)
        ignored_row = QHBoxLayout()
        ignored_row.addWidget(ignored_heading, 1)
        ignored_row.addWidget(self.take_back_button)
        ignored_layout = QVBoxLayout(self.ignored_panel)
        ignored_layout.setContentsMargins(0, 0, 0, 0)
        ignored_layout.addLayout(ignored_row)
        ignored_layout.addWidget(self.ignored_list)
        self.ignored_panel.hide()
        # The search's progress takes the summary's place while it shows, in a line of one
        # height: on a line of its own it left an empty band once it had shown. Its sentence
        # takes the room beside the buttons, and wraps in a narrow window.
        self.status.label.setWordWrap(True)
        status_row = self.status.layout()
        assert isinstance(status_row, QHBoxLayout)
        status_row.setStretchFactor(self.status.bar, 0)
        self.summary_line = QStackedWidget()
        self.summary_line.addWidget(self.summary)
        self.summary_line.addWidget(self.status)
        # Not the progress strip's width: the page fits a narrow window, as before.
        self.summary_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.shown_changed.connect(self._show_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_line, 1)
        for button in (
            self.merge_button,
            self.ignore_button,
            self.refresh_button,
            self.show_ignored_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.ignored_panel)
        self.grey_while_working(self.list)
        self.merge_button.clicked.connect(self.merge_selected)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_ignored_button.toggled.connect(self._show_ignored)
        self.take_back_button.clicked.connect(self.take_back_selected)
        self.ignored_list.currentRowChanged.connect(self._update_take_back)
        self._show_ignored()
        # A double click, or Enter (as in the Problems panel), finds a unit in the tree.
        self.list.activated.connect(self._open_unit)
        self.list.expanded.connect(self._span_units)
        self.list.selectionModel().currentChanged.connect(self.update_actions)
        self.update_actions()

    @property
    def groups(self) -> list[DuplicateGroup]:
        """The groups listed: those the last search found, less those ignored since."""
        return self.model.groups

    def work(self) -> tuple[Work, str]:
        catalog, totals = self.document.catalog, self.document.totals

        def search(progress: ProgressCallback) -> list[DuplicateGroup]:
            return find_duplicates(catalog, totals, progress=progress)

        units = len(catalog.courses) + len(catalog.modules)
        units += sum(len(module.items) for module in catalog.modules.values())
        text = tr("Looking for duplicates among {0} courses, modules and items…")
        return search, text.format(f"{units:,}")

    def refresh(self) -> None:
        """Search again; the actions wait for the result."""
        super().refresh()
        self.update_actions()

    def show_result(self, result: list[DuplicateGroup]) -> None:
        # The group selected stays selected when the search finds it again: the designer
        # who chose it before an edit can act on it once the list is current.
        selected = self.selected_group()
        self.model.set_groups(result)
        if selected is not None:
            units = set(selected.units)
            for row, group in enumerate(result):
                if set(group.units) == units:
                    self.list.setCurrentIndex(self.model.index(row, 0))
                    break
        self._show_summary()
        self._share_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def _note_drag(self, column: int) -> None:
        if column == 0 and not self._sharing:
            self._units_dragged = True

    def _share_width(self) -> None:
        """Units take the room that Level, Score and the reasons (Why) leave: a fixed width
        cut every reason short in a narrow window at a 14 pt font, and elided titles
        beside an empty Why in a wide one. The titles keep half their usual width."""
        header = self.list.header()
        if self._units_dragged or header.count() < 4:
            return
        room = self.list.viewport().width() - header.sectionSize(1) - header.sectionSize(2)
        # The longest reasons by their letters: a large catalog lists a thousand groups.
        texts = heapq.nlargest(20, (group.reason for group in self.groups), key=len)
        texts.append(str(self.model.headerData(3, Qt.Orientation.Horizontal)))
        why = max(map(self.list.fontMetrics().horizontalAdvance, texts)) + 16
        self._sharing = True
        try:
            header.resizeSection(0, max(UNITS_WIDTH // 2, room - why))
        finally:
            self._sharing = False

    def _show_status(self, shown: bool) -> None:
        self.summary_line.setCurrentWidget(self.status if shown else self.summary)

    def _show_summary(self) -> None:
        identical = sum(g.kind == "identical" for g in self.groups)
        near = len(self.groups) - identical
        groups = tr("1 identical group") if identical == 1 else tr("{0} identical groups")
        pairs = tr("1 near-duplicate pair") if near == 1 else tr("{0} near-duplicate pairs")
        self.summary.setText(f"{groups.format(identical)}, {pairs.format(near)}")
        self.update_actions()

    def selected_group(self) -> DuplicateGroup | None:
        """The selected group (the group of a selected unit)."""
        return self.model.group_of(self.list.currentIndex())

    def update_actions(self, *args: Any) -> None:
        """Merge and ignore act on a selected group of a current list whose units all exist:
        after an edit the list is stale until the search has run again (a merged unit may be
        gone, an edited one may be alike no more)."""
        selected = self.selected_group()
        group = selected if self.can_act_on(selected) else None
        self.ignore_button.setEnabled(group is not None)
        self.merge_button.setEnabled(group is not None and group.level != "item")
        if selected is not None and group is None:
            tip = tr("The list is being brought up to date after an edit.")
        elif group is not None and group.level == "item":
            tip = tr("Items belong to their module and cannot be shared; edit them instead.")
        else:
            tip = ""
        self.merge_button.setToolTip(tip)
        self.ignore_button.setToolTip(tip if group is None else "")

    def can_act_on(self, group: DuplicateGroup | None) -> bool:
        """The group is listed as the catalog is now, and each of its units is still there."""
        if group is None or self.greyed or not self.up_to_date:
            return False
        return all(unit_id in self.document.catalog for unit_id in group.units)

    def _schedule(self, *args: Any) -> None:
        """An edit: groups naming a unit it removed go at once, and the actions wait for
        the search to run again."""
        super()._schedule(*args)
        catalog = self.document.catalog
        gone = {u for group in self.groups for u in group.units if u not in catalog}
        if gone:
            self._remove_groups(
                [row for row, group in enumerate(self.groups) if not gone.isdisjoint(group.units)]
            )
        self._show_summary()
        self._show_ignored()

    def _remove_groups(self, rows: list[int]) -> None:
        """Take the rows' groups out of the list; the row that takes the selected one's
        place is selected, as a view selects it.

        The selection leaves first and comes back once they are out: a view told its
        selected row goes lays out every row to find the next one, and lays them out again
        after the removal (a tenth of a second for a large catalog's 6,600 groups)."""
        current = self.list.currentIndex()
        row = self.model.group_row(current)
        if row not in rows:
            self.model.remove_groups(rows)
            return
        self.list.setCurrentIndex(QModelIndex())
        self.model.remove_groups(rows)
        place = min(row - sum(r < row for r in rows), len(self.groups) - 1)
        if place >= 0:
            self.list.setCurrentIndex(self.model.index(place, 0))

    def _not_now(self) -> None:
        """Asked to act on a stale group: say so, and look again now."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                tr("This pair may have changed since the search; looking again."), 8000
            )
        self.refresh()

    def merge_selected(self) -> None:
        group = self.selected_group()
        if group is None or group.level == "item":
            return
        if not self.can_act_on(group):
            self._not_now()
            return
        row = self.model.group_row(self.list.currentIndex())
        if MergeDialog(self.document, group, self).exec() == QDialog.DialogCode.Accepted:
            # Its units are one now: the group goes at once, as an ignored one does.
            if 0 <= row < len(self.groups) and self.groups[row] is group:
                self._remove_groups([row])
            self._show_summary()

    def ignore_selected(self) -> None:
        row = self.model.group_row(self.list.currentIndex())
        if row < 0:
            return
        group = self.model.groups[row]
        if not self.can_act_on(group):
            self._not_now()
            return
        catalog = self.document.catalog
        ignored = catalog.ignored_duplicates
        known = {frozenset(pair) for pair in ignored}
        pairs = {
            (a, b)
            for a in group.units
            for b in group.units
            if a < b and a in catalog and b in catalog
        }
        new = [p for p in sorted(pairs) if frozenset(p) not in known]
        edits: list[Edit] = [
            Insert(None, "ignored_duplicates", len(ignored) + n, pair) for n, pair in enumerate(new)
        ]
        # The group goes first (its row alone: the list keeps its place); the search runs
        # again when edits pause, as after any edit, and may then find parts of it that are
        # still alike.
        self._remove_groups([row])
        if edits:
            self.document.push(edits, tr("Ignore duplicates"))
        self._show_summary()

    # ---- the pairs marked not duplicates ------------------------------------------------

    def _show_ignored(self, *args: Any) -> None:
        """Count the pairs marked not duplicates on the toggle; list them when it is on."""
        catalog = self.document.catalog
        pairs = catalog.ignored_duplicates
        self.show_ignored_button.setText(tr("Marked not duplicates ({0})").format(len(pairs)))
        shown = self.show_ignored_button.isChecked()
        self.ignored_panel.setVisible(shown)
        if not shown:
            return
        row = self.ignored_list.currentRow()
        self.ignored_list.clear()
        for index, pair in enumerate(pairs):
            item = QListWidgetItem(" | ".join(self._unit_title(u) for u in pair))
            item.setData(UNIT_ROLE, (index, tuple(pair)))
            item.setToolTip("\n".join(pair))
            self.ignored_list.addItem(item)
        if pairs:
            self.ignored_list.setCurrentRow(min(max(row, 0), len(pairs) - 1))
        self._update_take_back()

    def _unit_title(self, unit_id: str) -> str:
        unit = self.document.catalog.get_or_none(unit_id)
        if unit is None:
            return tr("{0} (not in the catalog)").format(unit_id)
        return str(getattr(unit, "title", "") or unit_id)

    def _update_take_back(self, *args: Any) -> None:
        self.take_back_button.setEnabled(self.ignored_list.currentItem() is not None)

    def take_back_selected(self) -> None:
        """The selected pair is no longer marked: the search may list it again."""
        item = self.ignored_list.currentItem()
        if item is None:
            return
        index, pair = item.data(UNIT_ROLE)
        pairs = self.document.catalog.ignored_duplicates
        if index >= len(pairs) or tuple(pairs[index]) != pair:
            return  # listed before an edit; the list follows every edit, so not reached
        self.document.push(
            [Remove(None, "ignored_duplicates", index)], tr("Take back not duplicates")
        )

    def _span_units(self, group: QModelIndex) -> None:
        """A unit's row has one text, where it is used: it takes the whole width."""
        for row in range(self.model.rowCount(group)):
            self.list.setFirstColumnSpanned(row, group, True)

    def _open_unit(self, index: QModelIndex) -> None:
        unit_id = index.siblingAtColumn(0).data(UNIT_ROLE)
        if unit_id:
            self.unit_chosen.emit(unit_id)
