"""What an item checks: its module's outcomes, ticked where the item assesses them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from designer.model import Item, Module, Outcome
from designer.model.edits import Insert, Remove
from designer.ui.colours import show_check_boxes
from designer.ui.document import Document
from designer.ui.fields import FittedLabel
from designer.ui.labels import bloom_label, tr


class ItemOutcomes(QWidget):
    """The outcomes of an item's module, each ticked if the item checks it.

    A graded item that checks an outcome assesses it (and, through alignment, the outcomes
    it supports): the quality checks look for that. Outcomes of other units the item still
    names (it was moved from another module, or the file says so) are listed after the
    module's, ticked, so that they can be unticked.
    """

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.item: Item | None = None
        self.module: Module | None = None
        self.shown: set[str] = set()  # ids of the outcomes listed
        self.heading = FittedLabel()  # a long title elided, not widening the pane
        self.heading.setStyleSheet("font-weight: 600;")
        self.note = QLabel()
        self.note.setObjectName("itemOutcomesNote")
        self.note.setWordWrap(True)
        self.outcomes = QListWidget()
        self.outcomes.setObjectName("itemOutcomes")
        self.outcomes.setAccessibleName(tr("Outcomes the item checks"))
        show_check_boxes(self.outcomes)
        self.outcomes.setWordWrap(True)
        # Wrapped to the list's width, not scrolled sideways (see OutcomesEditor.supports).
        self.outcomes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.outcomes, 1)
        self.outcomes.itemChanged.connect(self._toggled)
        catalog = document.catalog
        catalog.field_changed.connect(self._on_field_changed)
        catalog.inserted.connect(self._on_list_changed)
        catalog.removed.connect(self._on_list_changed)
        catalog.moved.connect(self._on_list_changed)

    def close_document(self) -> None:
        catalog = self.document.catalog
        catalog.field_changed.disconnect(self._on_field_changed)
        catalog.inserted.disconnect(self._on_list_changed)
        catalog.removed.disconnect(self._on_list_changed)
        catalog.moved.disconnect(self._on_list_changed)

    def show_item(self, item: Item | None, module: Module | None) -> None:
        """Show what an item of this module checks (the tree knows the module: asking the
        catalog would index every item's owner, a tenth of a second on a large catalog)."""
        if item is not self.item:
            self.outcomes.clear()  # another item's list: the cursor starts afresh
        self.item, self.module = item, module
        self._show()

    def _show(self) -> None:
        catalog = self.document.catalog
        item = self.item if self.item is not None and self.item.id in catalog else None
        module = self.module
        kept = keep_cursor(self.outcomes)
        if item is not None and (module is None or not any(i is item for i in module.items)):
            owner = catalog.owner(item.id)  # moved to another module
            self.module = owner if isinstance(owner, Module) else None
        self.outcomes.blockSignals(True)
        self.outcomes.clear()
        self.shown.clear()
        if item is None or self.module is None:
            self.heading.setText("")
            self.note.setText("")
            self.outcomes.blockSignals(False)
            return
        self.heading.setText(tr("Outcomes the item checks: {0}").format(item.title))
        self.note.setText(_note(item, self.module))
        for number, outcome in enumerate(self.module.outcomes, 1):
            self._add(outcome, f"#{number}", outcome.id in item.outcome_ids)
        for outcome_id in item.outcome_ids:
            if outcome_id not in self.shown:
                named = catalog.get(outcome_id)
                unit = catalog.owner(outcome_id)
                assert isinstance(named, Outcome)
                number = unit.outcomes.index(named) + 1
                self._add(named, f"{unit.code or unit.title} #{number}", True)
        self.outcomes.blockSignals(False)
        kept()

    def _add(self, outcome: Outcome, label: str, checked: bool) -> None:
        level = f" ({bloom_label(outcome.bloom)})" if outcome.bloom else ""
        entry = QListWidgetItem(f"{label}{level}: {outcome.text or tr('(no text yet)')}")
        entry.setToolTip(entry.text())
        entry.setData(Qt.ItemDataRole.UserRole, outcome.id)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.outcomes.addItem(entry)
        self.shown.add(outcome.id)

    def _toggled(self, entry: QListWidgetItem) -> None:
        item = self.item
        outcome_id = entry.data(Qt.ItemDataRole.UserRole)
        if item is None:
            return
        checked = entry.checkState() == Qt.CheckState.Checked
        if checked and outcome_id not in item.outcome_ids:
            edit: Insert | Remove = Insert(item, "outcome_ids", len(item.outcome_ids), outcome_id)
        elif not checked and outcome_id in item.outcome_ids:
            edit = Remove(item, "outcome_ids", item.outcome_ids.index(outcome_id))
        else:
            return
        self.document.push([edit], tr("Change what {0} checks").format(item.title))

    def _on_list_changed(self, parent: Any, list_name: str, *args: Any) -> None:
        # The item's ticks, its module's outcomes, or the item moved to another module.
        if self.item is not None and (
            parent is self.item or parent is self.module or list_name == "items"
        ):
            self._show()

    def _on_field_changed(self, node: Any, field: str, *args: Any) -> None:
        if self.item is not None and (node is self.item or getattr(node, "id", None) in self.shown):
            self._show()


def keep_cursor(entries: QListWidget) -> Callable[[], None]:
    """Call before a list of ticks is filled again: the function it returns puts the cursor
    back on the same entry (or the same row), so that ticking one box after another with
    Down and Space does not send the cursor back to the top, where Space would tick another."""
    row = entries.currentRow()
    current = entries.currentItem()
    wanted = None if current is None else current.data(Qt.ItemDataRole.UserRole)

    def restore() -> None:
        if row < 0 or not entries.count():
            return
        same = (
            r
            for r in range(entries.count())
            if entries.item(r).data(Qt.ItemDataRole.UserRole) == wanted
        )
        entries.setCurrentRow(next(same, min(row, entries.count() - 1)))

    return restore


def _note(item: Item, module: Module) -> str:
    if not module.outcomes:
        return tr("Its module has no outcomes yet: select the module to write them.")
    if item.graded:
        return tr("Tick the outcomes of its module that this graded item assesses.")
    return tr(
        "Tick the outcomes of its module that this item checks. It is not graded, so they "
        "count as practised here, not assessed: mark it graded in Details if it is."
    )
