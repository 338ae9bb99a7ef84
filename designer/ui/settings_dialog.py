"""The workload settings of a catalog: hours per credit, rounding, weekly pace."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from designer.model.edits import Edit, SetSetting
from designer.ui.document import Document
from designer.ui.labels import tr

ROUNDINGS = [
    ("down", "Round down to whole credits (as published)"),
    ("nearest", "Round to the nearest whole credit"),
    ("half", "Round to the nearest half credit"),
]


class SettingsDialog(QDialog):
    """Changes are one undoable edit, applied on OK; they are saved with the catalog."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Workload settings"))
        self.document = document
        settings = document.catalog.settings
        self.hours_per_credit = QDoubleSpinBox()
        self.hours_per_credit.setObjectName("hoursPerCredit")
        self.hours_per_credit.setRange(25, 30)
        self.hours_per_credit.setDecimals(2)
        self.hours_per_credit.setSuffix(" h")
        self.hours_per_credit.setValue(settings.hours_per_credit)
        self.rounding = QComboBox()
        self.rounding.setObjectName("rounding")
        for value, label in ROUNDINGS:
            self.rounding.addItem(tr(label), value)
        self.rounding.setCurrentIndex(self.rounding.findData(settings.rounding))
        self.weekly_hours = QDoubleSpinBox()
        self.weekly_hours.setObjectName("weeklyHours")
        self.weekly_hours.setRange(0.5, 60)
        self.weekly_hours.setDecimals(2)
        self.weekly_hours.setSuffix(" h")
        self.weekly_hours.setValue(settings.weekly_hours)
        # The figures as the boxes show them: OK sets only what the designer changed, not a
        # setting the box shows rounded (27.125 h per credit must not become 27.13).
        self.shown = (self.hours_per_credit.value(), self.weekly_hours.value())
        note = QLabel(
            tr(
                "ECTS: 1 credit is 25 to 30 hours of work; credits are given "
                "for whole programs only."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Hours per ECTS credit"), self.hours_per_credit)
        form.addRow(tr("Program credits"), self.rounding)
        form.addRow(tr("Study pace per week"), self.weekly_hours)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = self.document.catalog.settings
        wanted = {"rounding": self.rounding.currentData()}
        for field, box, shown in (
            ("hours_per_credit", self.hours_per_credit, self.shown[0]),
            ("weekly_hours", self.weekly_hours, self.shown[1]),
        ):
            if box.value() != shown:
                wanted[field] = box.value()
        edits: list[Edit] = [
            SetSetting(field, value)
            for field, value in wanted.items()
            if getattr(settings, field) != value
        ]
        if edits:
            self.document.push(edits, tr("Change workload settings"))
        super().accept()
