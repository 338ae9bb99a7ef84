"""The outcomes editor: a unit's outcomes with Bloom levels, verb help and alignment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from designer.bloom import VerbAdvice, analyze
from designer.model import Bloom, Course, Item, Knowledge, Module, Outcome, Program
from designer.model.copying import ID_PREFIX
from designer.model.edits import Insert, Move, Remove, SetField, plan_delete
from designer.ui.colours import ERROR, NOTE, WARNING, colour, follow_scheme, show_check_boxes
from designer.ui.document import Document
from designer.ui.fields import FittedLabel, leaves_undo_to_window, line_edit
from designer.ui.item_outcomes import ItemOutcomes, keep_cursor
from designer.ui.labels import bloom_label, knowledge_label, tr

Owner = Program | Course | Module
TEXT, LEVEL, SUPPORTS, ADVICE = range(4)
# The height the outcomes table keeps at least, in pixels: five rows of a 9 or 10 pt font
# (see show_owner).
TABLE_ROOM = 105
FLAG_WORDS = {
    "non-measurable": "not measurable",
    "too many verbs": "more than two verbs",
    "no verb found": "no action verb",
    "ambiguous": "ambiguous verb",
}


def open_flags(advice: VerbAdvice, chosen: Bloom | None) -> tuple[str, ...]:
    """The flags still open: choosing one of an ambiguous verb's levels settles it."""
    if chosen is not None and chosen in advice.candidates:
        return tuple(flag for flag in advice.flags if flag != "ambiguous")
    return advice.flags


def advice_text(advice: VerbAdvice, chosen: Bloom | None) -> str:
    """A short line for the table: what is wrong, or what the verb says of the level."""
    problems = [tr(FLAG_WORDS.get(flag, flag)) for flag in open_flags(advice, chosen)]
    if problems:
        return "⚠ " + ", ".join(problems)
    if advice.level is None:
        return ""
    if chosen is not None and chosen in advice.candidates:
        return tr("{0}, chosen for “{1}”").format(bloom_label(chosen), advice.verb)
    if chosen is not None and chosen != advice.level:
        return tr("“{0}” suggests {1}").format(advice.verb, bloom_label(advice.level))
    return tr("{0} (from “{1}”)").format(bloom_label(advice.level), advice.verb)


def _severity_colour(flags: tuple[str, ...]) -> str:
    """Red for a defect, amber for a choice the designer must make, grey otherwise."""
    if set(flags) - {"ambiguous"}:
        return colour(ERROR)
    return colour(WARNING if flags else NOTE)


class OutcomesTable(QAbstractTableModel):
    """The outcomes of one unit, following the catalog's changes.

    The rows are the table's own list of the outcomes: the catalog announces an insertion
    or a move once it is made, and Qt wants the rows as they were until the table has said
    which ones change.
    """

    HEADERS = ("Outcome", "Bloom level", "Supports", "Verb check")

    def __init__(self, document: Document, owner: Owner) -> None:
        super().__init__()
        self.document = document
        self.owner = owner
        self.rows: list[Outcome] = list(owner.outcomes)
        catalog = document.catalog
        catalog.inserted.connect(self._on_inserted)
        catalog.about_to_remove.connect(self._on_about_to_remove)
        catalog.removed.connect(self._on_removed)
        catalog.moved.connect(self._on_moved)
        catalog.field_changed.connect(self._on_field_changed)

    def close(self) -> None:
        catalog = self.document.catalog
        catalog.inserted.disconnect(self._on_inserted)
        catalog.about_to_remove.disconnect(self._on_about_to_remove)
        catalog.removed.disconnect(self._on_removed)
        catalog.moved.disconnect(self._on_moved)
        catalog.field_changed.disconnect(self._on_field_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and horizontal:
            return tr(self.HEADERS[section])  # the tooltip: whole where the header elides it
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        outcome = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return outcome.text or tr("(no text yet)")
            if column == LEVEL:
                return bloom_label(outcome.bloom) if outcome.bloom else tr("Not set")
            if column == SUPPORTS:
                return ", ".join(self._short(ref) for ref in outcome.supports)
            return advice_text(analyze(outcome.text), outcome.bloom)
        if role == Qt.ItemDataRole.ForegroundRole and column == ADVICE:
            flags = open_flags(analyze(outcome.text), outcome.bloom)
            return QBrush(QColor(_severity_colour(flags)))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TEXT:
                return outcome.text
            if column == SUPPORTS:
                return "\n".join(self._describe(ref) for ref in outcome.supports)
            return self.data(index)  # a column elided in a narrow pane
        return None

    def _short(self, outcome_id: str) -> str:
        owner = self.document.catalog.owner(outcome_id)
        number = next(i for i, o in enumerate(owner.outcomes, 1) if o.id == outcome_id)
        return f"{owner.code or owner.title[:12]} #{number}"

    def _describe(self, outcome_id: str) -> str:
        outcome = self.document.catalog.get(outcome_id)
        assert isinstance(outcome, Outcome)
        return f"{self._short(outcome_id)}: {outcome.text}"

    def _on_inserted(self, parent: Any, list_name: str, index: int) -> None:
        if parent is self.owner and list_name == "outcomes":
            self.beginInsertRows(QModelIndex(), index, index)
            self.rows.insert(index, self.owner.outcomes[index])
            self.endInsertRows()
        elif list_name == "supports":
            self._refresh(parent)

    def _on_about_to_remove(self, parent: Any, list_name: str, index: int) -> None:
        if parent is self.owner and list_name == "outcomes":
            self.beginRemoveRows(QModelIndex(), index, index)

    def _on_removed(self, parent: Any, list_name: str, index: int, value: Any) -> None:
        if parent is self.owner and list_name == "outcomes":
            del self.rows[index]
            self.endRemoveRows()
        elif list_name == "supports":
            self._refresh(parent)

    def _on_moved(self, parent: Any, list_name: str, old: int, new: int) -> None:
        if parent is self.owner and list_name == "outcomes":
            destination = new + 1 if new > old else new
            self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), destination)
            self.rows.insert(new, self.rows.pop(old))
            self.endMoveRows()

    def _on_field_changed(self, node: Any, field: str, old: Any, new: Any) -> None:
        if isinstance(node, Outcome):
            self._refresh(node)

    def _refresh(self, outcome: Any) -> None:
        """Show an outcome's row again, if it is one of the table's."""
        row = next((i for i, o in enumerate(self.rows) if o is outcome), None)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))


class FieldsArea(QScrollArea):
    """Fields that scroll in a low window, and are shown whole where there is room.

    A plain QScrollArea asks for the height its fields had when first shown (it keeps it):
    a taller list of supports was scrolled under an empty part of the table.
    """

    def sizeHint(self) -> QSize:  # noqa: N802
        fields = self.widget()
        if fields is None:
            return super().sizeHint()
        hint = fields.sizeHint()
        if fields.hasHeightForWidth():
            hint.setHeight(max(hint.height(), fields.heightForWidth(self.viewport().width())))
        return hint + QSize(2 * self.frameWidth(), 2 * self.frameWidth())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the fields changed height: ask for it
        return super().event(event)


class OutcomesEditor(QWidget):
    """Table of a unit's outcomes, with the selected one's text, level and alignment below."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.owner: Owner | None = None
        self.table_model: OutcomesTable | None = None

        # A title too long for the pane is elided (whole in the tooltip): a heading as wide as
        # a 120-letter title moved the splitter each time its unit was shown.
        self.heading = FittedLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.table = QTableView()
        self.table.setObjectName("outcomesTable")
        self.table.setAccessibleName(tr("Outcomes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # One line an outcome, so that the table shows several in the room it has: the whole
        # text is in the Outcome box below, and in each row's tooltip.
        self.table.setWordWrap(False)
        # Nothing in the table is edited in place: Tab goes on to the buttons and the fields
        # below, rather than from cell to cell, which kept keyboard users in the table.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The outcome's text has the width first: the other columns elide (their whole
        # text in the tooltip) rather than squeeze it to "…" in a narrow pane.
        self.table.horizontalHeader().setMinimumSectionSize(24)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.viewport().installEventFilter(self)

        self.add_button = QPushButton(tr("Add outcome"))
        self.remove_button = QPushButton(tr("Remove"))
        self.up_button = QPushButton(tr("Move up"))
        self.down_button = QPushButton(tr("Move down"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()

        self.text = line_edit()
        self.text.setObjectName("outcomeText")
        self.text.setPlaceholderText(tr("Start with a measurable action verb, e.g. “Design …”"))
        self.advice = QLabel()
        self.advice.setObjectName("verbAdvice")
        self.advice.setWordWrap(True)
        # At least as tall as its lines: squeezed by the table above, the pane cut the
        # advice's third line (the level a vague verb means) off.
        policy = self.advice.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.advice.setSizePolicy(policy)
        self._advice_flags: tuple[str, ...] = ()  # the advice's, for its colour
        follow_scheme(self._colour_advice)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptSuggestion")
        self.level = QComboBox()
        self.level.setObjectName("outcomeLevel")
        self.level.setAccessibleName(tr("Bloom level"))
        self.level.addItem(tr("Not set"), None)
        for level in Bloom:
            self.level.addItem(bloom_label(level), level)
        self.knowledge = QComboBox()
        self.knowledge.setAccessibleName(tr("Knowledge"))
        self.knowledge.addItem(tr("Not set"), None)
        for dimension in Knowledge:
            self.knowledge.addItem(knowledge_label(dimension), dimension)
        self.supports = QListWidget()
        self.supports.setObjectName("supportsList")
        self.supports.setAccessibleName(tr("Supports"))
        show_check_boxes(self.supports)
        self.supports.setMaximumHeight(130)
        self.supports.setWordWrap(True)
        # Wrapped to the list's width (a title without spaces broken where it must be),
        # not scrolled sideways; the whole entry is in its tooltip.
        self.supports.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Each label has its Alt letter and its box (its buddy): Alt+letter puts the cursor
        # there, and a screen reader reads the box as labelled by it. The letters are taken
        # by nothing else the Design page shows with this tab (the menu bar has F, E, I, V).
        self.supports_label = QLabel(tr("&Supports"))
        self.supports_label.setBuddy(self.supports)
        # Says why the list is empty: a first course or module has parents without outcomes.
        self.supports_note = FittedLabel()  # titles shown as typed
        self.supports_note.setObjectName("supportsNote")
        self.supports_note.hide()
        supports_box = QVBoxLayout()
        supports_box.setContentsMargins(0, 0, 0, 0)
        supports_box.addWidget(self.supports_note)
        supports_box.addWidget(self.supports)

        advice_row = QHBoxLayout()
        advice_row.addWidget(self.advice, 1)
        advice_row.addWidget(self.accept_button)
        text_label = QLabel(tr("&Outcome"))
        text_label.setBuddy(self.text)
        level_label = QLabel(tr("&Bloom level"))
        level_label.setBuddy(self.level)
        knowledge_name = QLabel(tr("&Knowledge"))
        knowledge_name.setBuddy(self.knowledge)
        levels = QHBoxLayout()
        levels.addWidget(self.level)
        levels.addWidget(knowledge_name)
        levels.addWidget(self.knowledge)
        levels.addStretch()
        self.detail = QWidget()
        form = QFormLayout(self.detail)
        form.setContentsMargins(0, 0, 0, 0)
        # A row too wide for the pane puts its label above it: beside it, the Bloom level
        # and Knowledge boxes made the fields wider than the pane at a 14 pt font (or in
        # the window's smallest size), scrolled sideways, the Outcome box cut at the right.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(text_label, self.text)
        form.addRow("", advice_row)
        form.addRow(level_label, levels)
        form.addRow(self.supports_label, supports_box)

        # The selected outcome's fields scroll when the window is low (a 1024 x 640 screen):
        # their heights added to the table's made the window taller than the screen, and
        # the table, squeezed, showed two rows.
        details = FieldsArea()
        details.setObjectName("outcomeDetails")
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setWidgetResizable(True)
        details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        details.setWidget(self.detail)
        details.setMinimumHeight(2 * self.fontMetrics().lineSpacing())
        owner_page = QWidget()
        layout = QVBoxLayout(owner_page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(details)
        # An item has no outcomes of its own: the page says which of its module's it checks.
        self.item_page = ItemOutcomes(document)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(owner_page)
        self.pages.addWidget(self.item_page)

        self.add_button.clicked.connect(self.add_outcome)
        self.remove_button.clicked.connect(self.remove_outcome)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.text.textEdited.connect(self._text_edited)
        self.text.installEventFilter(self)
        # The table's own keys: Delete removes the selected outcome, Ctrl+Up and Ctrl+Down
        # move it (in the tree the same keys act on units).
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_outcome),
            ("Ctrl+Up", lambda: self._move(-1)),
            ("Ctrl+Down", lambda: self._move(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.text.editingFinished.connect(document.end_typing)
        self.level.activated.connect(lambda i: self._set("bloom", self.level.itemData(i)))
        self.knowledge.activated.connect(
            lambda i: self._set("knowledge", self.knowledge.itemData(i))
        )
        self.accept_button.clicked.connect(self._accept_suggestion)
        self.supports.itemChanged.connect(self._support_toggled)
        document.catalog.field_changed.connect(self._on_field_changed)
        document.catalog.inserted.connect(self._on_list_changed)
        document.catalog.removed.connect(self._on_list_changed)
        self.show_owner(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
            return False
        return leaves_undo_to_window(event)

    def _fit_columns(self) -> None:
        """The Bloom level, Supports and Verb check columns at their compact widths, or,
        in a narrow pane, sharing half of it: the Outcome column keeps the other half. The
        Bloom level keeps its width first (the others' whole text is in the Supports list
        and the advice below): shared alike, "Understand" was cut to "Unders…" in the
        window as it opens."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        bold = header.fontMetrics()  # the headers' font, bold in some styles
        levels = [bloom_label(level) for level in Bloom] + [tr("Not set")]
        compact = {
            LEVEL: max(metrics.horizontalAdvance(text) for text in levels),
            SUPPORTS: metrics.horizontalAdvance("MS-FSD #1, MS-BED #1"),
            ADVICE: metrics.horizontalAdvance("Create (from “design”)"),
        }
        for column in compact:
            title = tr(OutcomesTable.HEADERS[column])
            compact[column] = max(compact[column], bold.horizontalAdvance(title) + 8) + 12
        shown = {c: w for c, w in compact.items() if not self.table.isColumnHidden(c)}
        room = self.table.viewport().width() / 2
        if LEVEL in shown:
            level = min(shown.pop(LEVEL), int(room))
            header.resizeSection(LEVEL, level)
            room -= level
        share = min(1.0, room / max(sum(shown.values()), 1))
        for column, width in shown.items():
            header.resizeSection(column, int(width * share))

    def close_document(self) -> None:
        self.item_page.close_document()
        self.document.catalog.field_changed.disconnect(self._on_field_changed)
        self.document.catalog.inserted.disconnect(self._on_list_changed)
        self.document.catalog.removed.disconnect(self._on_list_changed)
        if self.table_model is not None:
            self.table_model.close()

    # ---- what is shown ------------------------------------------------------------------

    def show_unit(self, unit: Owner | Item | None, parent: Owner | Item | None = None) -> None:
        """A program's, course's or module's outcomes; for an item, those of its module
        (parent) that it checks."""
        self.show_owner(unit if isinstance(unit, Program | Course | Module) else None)
        item = unit if isinstance(unit, Item) else None
        self.item_page.show_item(item, parent if item and isinstance(parent, Module) else None)
        self.pages.setCurrentIndex(0 if item is None else 1)

    def show_owner(self, owner: Owner | None) -> None:
        if self.table_model is not None:
            self.table_model.close()
            self.table_model = None
        if owner is not self.owner:
            self.supports.clear()  # another unit's list: the cursor starts afresh
        self.owner = owner
        enabled = owner is not None
        for widget in (
            self.table,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.detail,
        ):
            widget.setEnabled(enabled)
        if owner is None:
            self.heading.setText(tr("Select a program, course or module to edit its outcomes."))
            self.table.setModel(None)
            self._show_outcome()
            return
        self._show_heading()
        self.table_model = OutcomesTable(self.document, owner)
        self.table.setModel(self.table_model)
        header = self.table.horizontalHeader()
        # Five rows at least: the room the fields below took left it two or three. Fewer
        # (three at least) as the font grows: five rows of a 14 pt font made the window
        # taller than a 1280 x 720 screen, its Problems panel and status bar off it.
        row = self.table.fontMetrics().height() + 5
        rows = max(3, min(5, TABLE_ROOM // row)) * row
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header.sizeHint().height() + rows + frame)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (LEVEL, SUPPORTS, ADVICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # A program's outcomes are the top level: they support nothing, so no column or
        # list of what they support takes the room the table needs.
        top = isinstance(owner, Program)
        self.table.setColumnHidden(SUPPORTS, top)
        self._fit_columns()
        self.supports.setHidden(top)
        self.supports_label.setHidden(top)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_outcome())
        if owner.outcomes:
            self.table.selectRow(0)
        self._show_outcome()

    def _show_heading(self) -> None:
        assert self.owner is not None
        kind = tr(type(self.owner).__name__.lower())
        self.heading.setText(tr("Outcomes of the {0}: {1}").format(kind, self.owner.title))

    def current(self) -> Outcome | None:
        if self.owner is None:
            return None
        row = self.table.currentIndex().row()
        return self.owner.outcomes[row] if 0 <= row < len(self.owner.outcomes) else None

    def select(self, outcome: Outcome) -> None:
        assert self.owner is not None
        row = next(i for i, o in enumerate(self.owner.outcomes) if o is outcome)
        self.table.selectRow(row)

    def _show_outcome(self) -> None:
        outcome = self.current()
        self.detail.setEnabled(outcome is not None)
        if self.text.text() != (outcome.text if outcome else ""):
            self.text.setText(outcome.text if outcome else "")
            self.text.setCursorPosition(0)  # a long outcome shows its start, its verb
        self.level.setCurrentIndex(max(self.level.findData(outcome.bloom if outcome else None), 0))
        self.knowledge.setCurrentIndex(
            max(self.knowledge.findData(outcome.knowledge if outcome else None), 0)
        )
        self._show_advice()
        self._show_supports()

    def _show_advice(self) -> None:
        outcome = self.current()
        advice = analyze(self.text.text()) if outcome is not None else None
        self.accept_button.hide()
        if advice is None or not self.text.text().strip():
            self.advice.setText("")
            self.text.setAccessibleDescription("")
            return
        lines = []
        if "non-measurable" in advice.flags:
            lines.append(
                tr(
                    "⚠ Not measurable: learners cannot show “{0}”. Use an action verb "
                    "such as describe, apply or design."
                ).format(advice.verb or "")
            )
        if "too many verbs" in advice.flags:
            lines.append(tr("⚠ More than two action verbs: keep one, at most two."))
        if "no verb found" in advice.flags:
            lines.append(tr("⚠ No action verb found at the start."))
        assert outcome is not None
        flags = open_flags(advice, outcome.bloom)
        if advice.level is not None:
            names = ", ".join(bloom_label(c) for c in advice.candidates)
            if "ambiguous" in flags:
                lines.append(
                    tr("“{0}” is ambiguous: it can be {1}. Choose the level you mean.").format(
                        advice.verb, names
                    )
                )
            elif advice.candidates:
                lines.append(
                    tr("“{0}” can be {1}; you chose {2}.").format(
                        advice.verb, names, bloom_label(outcome.bloom) if outcome.bloom else ""
                    )
                )
            elif "non-measurable" in advice.flags:  # "understand", "learn to design"
                lines.append(tr("The level it means: {0}.").format(bloom_label(advice.level)))
            else:
                lines.append(
                    tr("“{0}” suggests {1}.").format(advice.verb, bloom_label(advice.level))
                )
            unsettled = "ambiguous" in flags or not advice.candidates
            if unsettled and outcome.bloom != advice.level:
                self.accept_button.setText(tr("Use {0}").format(bloom_label(advice.level)))
                self.accept_button.show()
        self.advice.setText("<br>".join(lines))
        self.text.setAccessibleDescription("\n".join(lines))  # read by a screen reader in the box
        self._advice_flags = flags
        self._colour_advice()

    def _colour_advice(self) -> None:
        self.advice.setStyleSheet(f"color: {_severity_colour(self._advice_flags)};")

    def _show_supports(self) -> None:
        """The parents' outcomes, ticked where the current outcome supports them, then any
        other outcome it still supports (its unit no longer uses this one), ticked, so that
        it can be unticked."""
        kept = keep_cursor(self.supports)
        self.supports.blockSignals(True)
        self.supports.clear()
        outcome, owner = self.current(), self.owner
        parents = self._parents(owner) if owner is not None else []
        listed: set[str] = set()
        for parent in parents:
            for number, candidate in enumerate(parent.outcomes, 1):
                checked = outcome is not None and candidate.id in outcome.supports
                self._add_support(parent, number, candidate, checked)
                listed.add(candidate.id)
        catalog = self.document.catalog
        for outcome_id in outcome.supports if outcome is not None else []:
            if outcome_id not in listed:
                named, unit = catalog.get(outcome_id), catalog.owner(outcome_id)
                assert isinstance(named, Outcome)
                self._add_support(unit, unit.outcomes.index(named) + 1, named, True)
        self.supports.blockSignals(False)
        kept()
        self.supports_note.setText(self._supports_hint(parents))
        self.supports_note.setVisible(bool(self.supports_note.text()))

    def _supports_hint(self, parents: list[Program | Course]) -> str:
        """Why there is nothing to tick: the units this one is part of have no outcomes."""
        if not parents or any(parent.outcomes for parent in parents):
            return ""
        names = ", ".join(f"“{parent.title}”" for parent in parents)
        if len(parents) == 1:
            text = tr("Nothing to tick yet: {0} has no outcomes. Select it to write them.")
        else:
            text = tr("Nothing to tick yet: {0} have no outcomes. Select them to write them.")
        return text.format(names)

    def _add_support(self, parent: Owner, number: int, candidate: Outcome, checked: bool) -> None:
        label = f"{parent.code or parent.title} #{number}: {candidate.text}"
        item = QListWidgetItem(label)
        item.setToolTip(label)
        item.setData(Qt.ItemDataRole.UserRole, candidate.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.supports.addItem(item)

    def _parents(self, owner: Owner) -> list[Program | Course]:
        catalog = self.document.catalog
        parents = [catalog.get(u) for u in catalog.users(owner.id)]
        return [p for p in parents if isinstance(p, Program | Course)]

    # ---- edits --------------------------------------------------------------------------

    def add_outcome(self) -> None:
        if self.owner is None:
            return
        outcome = Outcome(id=self.document.catalog.new_id(ID_PREFIX[Outcome]))
        index = len(self.owner.outcomes)
        self.document.push([Insert(self.owner, "outcomes", index, outcome)], tr("Add outcome"))
        self.table.selectRow(index)
        self.text.setFocus()

    def remove_outcome(self) -> None:
        outcome = self.current()
        if outcome is None or self.owner is None:
            return
        row = self.owner.outcomes.index(outcome)
        self.document.push(
            plan_delete(self.document.catalog, self.owner, "outcomes", row), tr("Remove outcome")
        )

    def _move(self, step: int) -> None:
        outcome = self.current()
        if outcome is None or self.owner is None:
            return
        row = self.owner.outcomes.index(outcome)
        if 0 <= row + step < len(self.owner.outcomes):
            self.document.push([Move(self.owner, "outcomes", row, row + step)], tr("Move outcome"))
            self.table.selectRow(row + step)

    def _set(self, field: str, value: Any) -> None:
        outcome = self.current()
        if outcome is not None and getattr(outcome, field) != value:
            key = self.document.merge_key(outcome.id, field) if field == "text" else None
            self.document.push([SetField(outcome, field, value)], tr("Edit outcome"), key)

    def _text_edited(self, text: str) -> None:
        self._set("text", text)
        self._show_advice()

    def _accept_suggestion(self) -> None:
        advice = analyze(self.text.text())
        if advice.level is not None:
            self._set("bloom", advice.level)

    def _support_toggled(self, item: QListWidgetItem) -> None:
        outcome = self.current()
        target = item.data(Qt.ItemDataRole.UserRole)
        if outcome is None or target is None:
            return
        if item.checkState() == Qt.CheckState.Checked and target not in outcome.supports:
            edit: Insert | Remove = Insert(outcome, "supports", len(outcome.supports), target)
        elif item.checkState() == Qt.CheckState.Unchecked and target in outcome.supports:
            edit = Remove(outcome, "supports", outcome.supports.index(target))
        else:
            return
        self.document.push([edit], tr("Change alignment"))

    def _on_field_changed(self, node: Any, field: str, old: Any, new: Any) -> None:
        if node is self.current():
            if field == "text" and self.text.text() != new:
                self.text.setText(new)
            self._show_outcome()
        elif node is self.owner and field == "title":
            self._show_heading()

    def _on_list_changed(self, parent: Any, list_name: str, *args: Any) -> None:
        if list_name == "supports" and parent is self.current():
            self._show_supports()
