"""The problems panel: every quality rule the catalog breaks, kept current while editing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from designer.checks import DEFAULT_PROFILE, PROFILES, Finding, rule_titles, run_checks
from designer.model import Silence
from designer.model.edits import Insert
from designer.ui.document import Document
from designer.ui.labels import tr
from designer.ui.live_view import LiveView

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITIES = ("error", "warning", "info")
COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#3c4043"}


class ProblemsPanel(LiveView):
    """Findings with severity, rule, unit, message and hint; filter by severity and rule.

    Signals:
        finding_chosen(object): the designer double-clicked a finding (to go to its unit).
        counts_changed(str): a summary such as "1 error · 3 warnings · 2 notes".
    """

    finding_chosen = Signal(object)
    counts_changed = Signal(str)

    def __init__(self, document: Document) -> None:
        super().__init__(document, delay_ms=400)
        self.findings: list[Finding] = []
        self.profile = QComboBox()
        self.profile.setObjectName("checkProfile")
        for name, profile in PROFILES.items():
            self.profile.addItem(profile.title, name)
        self.profile.setCurrentIndex(self.profile.findData(DEFAULT_PROFILE))
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(tr("All severities"), None)
        for severity in SEVERITIES:
            self.severity.addItem(tr(severity.capitalize() + "s"), severity)
        self.rule = QComboBox()
        self.rule.setObjectName("ruleFilter")
        self.list = QTreeWidget()
        self.list.setObjectName("problemsList")
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(5)
        self.list.setHeaderLabels(
            [tr("Severity"), tr("Unit"), tr("Problem"), tr("How to fix"), tr("Rule")]
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        header = self.list.header()
        for column, width in ((0, 80), (1, 220), (2, 420), (3, 300)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.silence_button = QPushButton(tr("Silence…"))
        self.silence_button.setObjectName("silenceButton")
        self.silence_button.setToolTip(tr("Switch this rule off for this unit, with a reason"))
        self.silenced_note = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Profile")))
        filters.addWidget(self.profile)
        filters.addWidget(self.severity)
        filters.addWidget(self.rule, 1)
        filters.addWidget(self.silenced_note)
        filters.addWidget(self.silence_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.list)
        self.profile.currentIndexChanged.connect(self.refresh)
        self.severity.currentIndexChanged.connect(self._show)
        self.rule.currentIndexChanged.connect(self._show)
        self.list.itemActivated.connect(self._activated)
        self.silence_button.clicked.connect(lambda: self.silence_selected())

    def refresh(self) -> None:
        catalog, totals = self.document.catalog, self.document.totals
        profile = self.profile.currentData()
        self.findings = run_checks(catalog, totals, profile)
        chosen = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem(tr("All rules"), None)
        titles = rule_titles(profile)
        for rule_id in sorted({f.rule for f in self.findings}):
            self.rule.addItem(f"{titles.get(rule_id, rule_id)} ({rule_id})", rule_id)
        self.rule.setCurrentIndex(max(self.rule.findData(chosen), 0))
        self.rule.blockSignals(False)
        self._show()
        count = len(self.document.catalog.silenced)
        self.silenced_note.setText(tr("{0} silenced").format(count) if count else "")
        self.counts_changed.emit(self.summary())

    def summary(self) -> str:
        counts = {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}
        words = {
            "error": (tr("error"), tr("errors")),
            "warning": (tr("warning"), tr("warnings")),
            "info": (tr("note"), tr("notes")),
        }
        return " · ".join(
            f"{counts[s]} {words[s][0] if counts[s] == 1 else words[s][1]}" for s in SEVERITIES
        )

    def _show(self, *args: Any) -> None:
        severity, rule = self.severity.currentData(), self.rule.currentData()
        self.list.clear()
        catalog = self.document.catalog
        for finding in self.findings:
            if (severity and finding.severity != severity) or (rule and finding.rule != rule):
                continue
            unit = catalog.get_or_none(finding.unit)
            name = getattr(unit, "title", "") or getattr(unit, "text", "") or finding.unit
            item = QTreeWidgetItem(
                [tr(finding.severity), name, finding.message, finding.hint, finding.rule]
            )
            item.setForeground(0, QBrush(QColor(COLOURS.get(finding.severity, "#3c4043"))))
            item.setData(0, FINDING_ROLE, finding)
            for column in (1, 2, 3):
                item.setToolTip(column, item.text(column))
            self.list.addTopLevelItem(item)

    def silence_selected(self, reason: str | None = None) -> bool:
        """Switch the selected finding's rule off for its unit; the reason is kept in the file."""
        item = self.list.currentItem()
        if item is None:
            return False
        finding: Finding = item.data(0, FINDING_ROLE)
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                tr("Silence a rule"),
                tr("Why does “{0}” not apply here?").format(finding.message),
            )
            if not ok:
                return False
        if not reason.strip():
            return False
        silence = Silence(rule=finding.rule, unit=finding.unit, reason=reason.strip())
        silenced = self.document.catalog.silenced
        self.document.push(
            [Insert(None, "silenced", len(silenced), silence)],
            tr("Silence {0}").format(finding.rule),
        )
        self.refresh()
        return True

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        self.finding_chosen.emit(item.data(0, FINDING_ROLE))
