"""The problems panel: every quality rule the catalog breaks, kept current while editing."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.checks import (
    DEFAULT_PROFILE,
    PROFILES,
    Finding,
    rule_titles,
    run_checks,
    unit_title,
)
from designer.model import Silence
from designer.model.edits import Insert, Remove
from designer.progress import ProgressCallback
from designer.ui.background import Work
from designer.ui.colours import ERROR, NOTE, WARNING, qcolour
from designer.ui.document import Document
from designer.ui.labels import tr
from designer.ui.live_view import BackgroundView

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITIES = ("error", "warning", "info")
# What the window calls each severity, one and several: "info" is a note, in the column,
# the filter and the status bar alike (the `check` command's output keeps the rule's word).
WORDS = {
    "error": ("error", "errors"),
    "warning": ("warning", "warnings"),
    "info": ("note", "notes"),
}
COLOURS = {"error": ERROR, "warning": WARNING, "info": NOTE}  # light and dark (colours)
TIPS = (1, 2, 3)  # the columns whose full text shows as a tooltip
RULE_COLUMN = 4


def all_rule_titles() -> dict[str, str]:
    """Rule id -> its title, over every profile: a finding of any profile is named."""
    return {rule: title for p in PROFILES for rule, title in rule_titles(p).items()}


Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    """The findings shown, one a row: severity, unit, problem, how to fix, rule.

    A model rather than list items: a large catalog has tens of thousands of findings,
    which a model shows at once, and items would take seconds to make and to clear. A
    unit's name is looked up when its row is shown, so a renamed unit shows its new name.
    """

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.rows: list[Finding] = []
        self.faded = False  # out of date: the severities lose their colours too
        self.headers = [tr("Severity"), tr("Unit"), tr("Problem"), tr("How to fix"), tr("Rule")]
        self.titles = all_rule_titles()

    def set_rows(self, rows: list[Finding]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_faded(self, faded: bool) -> None:
        """Grey the rows or not. No dataChanged: over every row it made the view measure
        all of them again (word wrap), seconds for 54,000 findings; the panel repaints
        what is shown instead, and data() reads the flag when painting."""
        self.faded = faded

    def finding(self, index: Index) -> Finding | None:
        return self.rows[index.row()] if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.rows[index.row()]
        column = index.column()
        if column == RULE_COLUMN and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            # The rule by its title, as in the Silenced rules dialog; its id in the tooltip.
            title = self.titles.get(finding.rule, finding.rule)
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            return f"{title} ({finding.rule})"
        if role == Qt.ItemDataRole.DisplayRole or (
            role == Qt.ItemDataRole.ToolTipRole and column in TIPS
        ):
            if column == 1:
                return self.unit_name(finding.unit)
            severity = tr(WORDS.get(finding.severity, (finding.severity,))[0])
            return (severity, "", finding.message, finding.hint)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and not self.faded:
            # Read as the rows are painted: the colours follow a change to or from dark mode.
            return QBrush(qcolour(COLOURS.get(finding.severity, NOTE)))
        if role == FINDING_ROLE:
            return finding
        return None

    def unit_name(self, unit_id: str) -> str:
        unit = self.document.catalog.get_or_none(unit_id)
        if unit is None:  # deleted since the checks ran: they run again shortly
            return tr("{0} (deleted)").format(unit_id)
        return getattr(unit, "title", "") or getattr(unit, "text", "") or unit_id

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class SilencedDialog(QDialog):
    """The rules silenced for a unit, each with its reason; one can be switched on again
    (undoably, as any edit), long after the Silence… that switched it off."""

    def __init__(self, document: Document, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Silenced rules"))
        self.setObjectName("silencedDialog")
        self.resize(760, 320)
        self.document = document
        self.titles = all_rule_titles()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("silencedList")
        self.table.setAccessibleName(tr("Silenced rules"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons, not cell by cell
        self.table.setHorizontalHeaderLabels([tr("Rule"), tr("Unit"), tr("Reason")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.lift_button = buttons.addButton(
            tr("Unsilence"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.lift_button.setObjectName("liftSilence")
        self.lift_button.setToolTip(tr("Switch the rule on again for this unit"))
        buttons.rejected.connect(self.reject)
        self.lift_button.clicked.connect(self.lift_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Rules switched off for one unit, and why:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_button)
        self._fill()

    def _fill(self) -> None:
        catalog = self.document.catalog
        self.table.setRowCount(len(catalog.silenced))
        for row, silence in enumerate(catalog.silenced):
            rule = self.titles.get(silence.rule, silence.rule)
            texts = (f"{rule} ({silence.rule})", unit_title(catalog, silence.unit), silence.reason)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._update_button()

    def _update_button(self) -> None:
        self.lift_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def lift_selected(self) -> None:
        """Switch the selected silenced rule on again: one undoable edit."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        silence = self.document.catalog.silenced[row]
        self.document.push(
            [Remove(None, "silenced", row)], tr("Unsilence {0}").format(silence.rule)
        )
        self._fill()
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))


class ProblemsPanel(BackgroundView):
    """Findings with severity, rule, unit, message and hint; filter by severity and rule.

    The checks run in the background (a large catalog takes seconds): see BackgroundView.

    Signals:
        finding_chosen(object): the designer double-clicked a finding (to go to its unit).
        counts_changed(str): a summary such as "1 error · 3 warnings · 2 notes", or
            "Checking…" until the checks have run (see counts_text).
    """

    finding_chosen = Signal(object)
    counts_changed = Signal(str)

    def __init__(self, document: Document) -> None:
        super().__init__(
            document,
            delay_ms=400,
            cancelled_text=tr("Checks cancelled — the problems below may be out of date."),
            failed_text=tr("The checks failed: {0}"),
        )
        self.findings: list[Finding] = []
        self._summary: tuple[list[Finding] | None, str] = (None, "")  # summary()'s last
        self.checked = False  # the checks have run once: self.findings are theirs
        self.counts = self.counts_text()  # as last told by counts_changed
        self.profile = QComboBox()
        self.profile.setObjectName("checkProfile")
        self.profile.setAccessibleName(tr("Profile"))
        for name, profile in PROFILES.items():
            self.profile.addItem(profile.title, name)
        self.profile.setCurrentIndex(self.profile.findData(DEFAULT_PROFILE))
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.setAccessibleName(tr("Severities shown"))
        self.severity.addItem(tr("All severities"), None)
        for severity in SEVERITIES:
            self.severity.addItem(tr(WORDS[severity][1].capitalize()), severity)
        self.rule = QComboBox()
        self.rule.setObjectName("ruleFilter")
        self.rule.setAccessibleName(tr("Rules shown"))
        self.rule.addItem(tr("All rules"), None)  # until the checks say which rules found any
        self.model = FindingsModel(document)
        # A table, not a tree view: a tree lays out every row again whenever the findings
        # change (a seventh of a second for 54,000 of them), a table only the rows shown.
        # Rows are two lines high; the tooltips hold the whole text of longer ones.
        self.list = QTableView()
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName(tr("Problems"))
        # Tab leaves the list, rather than going from cell to cell through every finding:
        # it kept keyboard users in the panel. The arrows go from one finding to the next.
        self.list.setTabKeyNavigation(False)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setShowGrid(False)
        self.list.setWordWrap(True)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 6)
        header = self.list.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The problem and its fix share what the window's width leaves: at 1024 px as at
        # 1920 px no column is pushed off to the right, and the short ones stay narrow.
        for column, width in ((0, 80), (1, 200), (RULE_COLUMN, 180)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.silence_button = QPushButton(tr("Silence…"))
        self.silence_button.setObjectName("silenceButton")
        self.silence_button.setToolTip(tr("Switch this rule off for this unit, with a reason"))
        self.silence_button.setEnabled(False)  # until a problem is selected
        # "2 silenced": click it to see the silenced rules and their reasons.
        self.silenced_note = QPushButton()
        self.silenced_note.setObjectName("silencedButton")
        self.silenced_note.setToolTip(tr("The rules silenced, and why; switch one on again"))
        self.silenced_note.hide()
        filters = QHBoxLayout()
        profile_label = QLabel(tr("Profile"))  # its buddy: a screen reader names the box
        profile_label.setBuddy(self.profile)
        filters.addWidget(profile_label)
        filters.addWidget(self.profile)
        filters.addWidget(self.severity)
        filters.addWidget(self.rule, 1)
        filters.addWidget(self.silenced_note)
        filters.addWidget(self.silence_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.grey_while_working(self.list)
        self.profile.currentIndexChanged.connect(self.refresh)
        self.severity.currentIndexChanged.connect(self._show)
        self.rule.currentIndexChanged.connect(self._show)
        self.list.activated.connect(self._activated)
        self.list.selectionModel().selectionChanged.connect(self._update_silence_button)
        self.silence_button.clicked.connect(lambda: self.silence_selected())
        self.silenced_note.clicked.connect(self.show_silenced)
        # The count follows an undo or a redo at once, not when the checks have run again.
        document.undo_stack.indexChanged.connect(self._count_silenced)

    def work(self) -> tuple[Work, str]:
        catalog, totals = self.document.catalog, self.document.totals
        profile = self.profile.currentData()

        def check(progress: ProgressCallback) -> list[Finding]:
            return run_checks(catalog, totals, profile, progress=progress)

        units = len(catalog.programs) + len(catalog.courses) + len(catalog.modules)
        return check, tr("Checking {0} programs, courses and modules…").format(f"{units:,}")

    def refresh(self) -> None:
        super().refresh()
        self._tell_counts()

    def show_result(self, result: list[Finding]) -> None:
        self.findings = result
        self.checked = True
        self._show_findings()

    def update_actions(self) -> None:
        self._update_silence_button()
        self.model.set_faded(self.greyed)
        self.list.viewport().update()
        self._tell_counts()

    def _update_silence_button(self, *args: Any) -> None:
        """Silence… acts on the selected problem: off with none selected, or while greyed."""
        selected = self.list.selectionModel().hasSelection()
        self.silence_button.setEnabled(selected and not self.greyed)

    def _show_findings(self) -> None:
        """Show self.findings: the rule filter offers the rules that found something."""
        profile = self.profile.currentData()
        chosen = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem(tr("All rules"), None)
        titles = rule_titles(profile)
        for rule_id in sorted(set(map(attrgetter("rule"), self.findings))):
            self.rule.addItem(titles.get(rule_id, rule_id), rule_id)
            self.rule.setItemData(self.rule.count() - 1, rule_id, Qt.ItemDataRole.ToolTipRole)
        self.rule.setCurrentIndex(max(self.rule.findData(chosen), 0))
        self.rule.blockSignals(False)
        self._show()
        self._count_silenced()
        self._tell_counts()

    def _count_silenced(self, *args: Any) -> None:
        count = len(self.document.catalog.silenced)
        self.silenced_note.setText(tr("{0} silenced").format(count))
        self.silenced_note.setVisible(bool(count))

    def show_silenced(self) -> None:
        SilencedDialog(self.document, self).exec()

    def summary(self) -> str:
        """ "1 error · 3 warnings · 2 notes": counted once for each list of findings (a
        large catalog has tens of thousands, and the status bar asks at each edit)."""
        counted, text = self._summary
        if counted is not self.findings:
            counts = Counter(map(attrgetter("severity"), self.findings))
            text = " · ".join(
                f"{counts[s]} {tr(WORDS[s][0] if counts[s] == 1 else WORDS[s][1])}"
                for s in SEVERITIES
            )
            self._summary = self.findings, text
        return text

    def counts_text(self) -> str:
        """The counts for the status bar, which may show while the panel is closed: never
        "0 errors" for a catalog not checked yet, and the last counts marked while the
        checks run again (greyed, as the list is) or were stopped."""
        if not self.checked:
            return tr("Checking…") if self.task is not None else tr("Not checked yet")
        if not self.greyed:
            return self.summary()
        if self.task is not None:
            return tr("{0} (checking again…)").format(self.summary())
        return tr("{0} (may be out of date)").format(self.summary())

    def _tell_counts(self) -> None:
        counts = self.counts_text()
        if counts != self.counts:
            self.counts = counts
            self.counts_changed.emit(counts)

    def _show(self, *args: Any) -> None:
        """Show the findings the filters let through (tens of thousands on a large catalog:
        no more is done for each than the filters' test)."""
        severity, rule = self.severity.currentData(), self.rule.currentData()
        rows = self.findings
        if severity:
            rows = [f for f in rows if f.severity == severity]
        if rule:
            rows = [f for f in rows if f.rule == rule]
        chosen, row = self.selected_finding(), self.list.currentIndex().row()
        scrolled = self.list.verticalScrollBar().value()
        self.model.set_rows(list(rows))
        if chosen is not None:
            self._choose_again(chosen, row, scrolled)
        self._update_silence_button()

    def _choose_again(self, chosen: Finding, row: int, scrolled: int) -> None:
        """Once the checks ran again (after each edit), the list as the designer left it:
        the finding they had selected, or, if the edit fixed it, the one now in its row
        (the next), and the list scrolled where it was. Each run lost their place."""
        key = (chosen.rule, chosen.unit)
        rows = self.model.rows
        found = next((i for i, f in enumerate(rows) if (f.rule, f.unit) == key), None)
        if found is None:
            found = min(row, len(rows) - 1)
        self.list.verticalScrollBar().setValue(scrolled)
        if found >= 0:
            self.list.setCurrentIndex(self.model.index(found, 0))

    def selected_finding(self) -> Finding | None:
        return self.model.finding(self.list.currentIndex())

    def silence_selected(self, reason: str | None = None) -> bool:
        """Switch the selected finding's rule off for its unit; the reason is kept in the file."""
        finding = self.selected_finding()
        if finding is None:
            return False
        if reason is None:
            reason = self._ask_reason(finding)
            if reason is None:
                return False
        if not reason.strip():
            return False
        silence = Silence(rule=finding.rule, unit=finding.unit, reason=reason.strip())
        silenced = self.document.catalog.silenced
        self.document.push(
            [Insert(None, "silenced", len(silenced), silence)],
            tr("Silence {0}").format(finding.rule),
        )
        # Known without checking again: the silenced finding goes at once. The checks run
        # again when edits pause, as after any edit.
        self.findings = [
            f for f in self.findings if (f.rule, f.unit) != (silence.rule, silence.unit)
        ]
        self._show_findings()
        return True

    def _ask_reason(self, finding: Finding) -> str | None:
        """The reason typed for silencing the finding, or None if the designer cancelled."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Silence a rule"))
        dialog.setLabelText(tr("Why does “{0}” not apply here?").format(finding.message))
        # The question quotes the whole finding: on one line it made the dialog 1,500 px
        # wide at a 12 pt font, wider than a laptop's screen, with OK and Cancel off it.
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
            # Wrapped, a label is as narrow as Qt likes: lines of 50 letters or so, and a
            # box as wide for the reason.
            label.setMinimumWidth(50 * label.fontMetrics().averageCharWidth())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        reason = dialog.textValue()
        dialog.setParent(None)  # released now: see MainWindow._build_views on deleteLater
        return reason if accepted else None

    def _activated(self, index: QModelIndex) -> None:
        self.finding_chosen.emit(self.model.finding(index))
