"""The workload settings of a catalog: hours per credit, rounding, weekly pace."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from designer.model.edits import Edit, SetSetting
from designer.ui.document import Document
from designer.ui.fields import NumberField
from designer.ui.labels import tr

ROUNDINGS = [
    ("down", "Round down to whole credits (as published)"),
    ("nearest", "Round to the nearest whole credit"),
    ("half", "Round to the nearest half credit"),
]


class SettingsDialog(QDialog):
    """Changes are one undoable edit, applied on OK; they are saved with the catalog.

    The figures are typed as in the unit form ("27,5" is 27.5): a figure out of range is
    kept as typed and explained under its box, and OK waits until it is mended (spin
    boxes dropped the keys that made it, or put the old figure back without a word).
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Workload settings"))
        self.document = document
        settings = document.catalog.settings
        self.hours_per_credit = NumberField(
            "h", 25, 30, optional=False, noun=tr("hours per credit")
        )
        self.hours_per_credit.line.setObjectName("hoursPerCredit")
        self.hours_per_credit.set_value(settings.hours_per_credit)
        self.rounding = QComboBox()
        self.rounding.setObjectName("rounding")
        for value, label in ROUNDINGS:
            self.rounding.addItem(tr(label), value)
        self.rounding.setCurrentIndex(self.rounding.findData(settings.rounding))
        self.weekly_hours = NumberField("h", 0.5, 60, optional=False, noun=tr("weekly study hours"))
        self.weekly_hours.line.setObjectName("weeklyHours")
        self.weekly_hours.set_value(settings.weekly_hours)
        # The figures as the boxes show them: OK sets only what the designer changed, not a
        # setting the box shows shortened.
        self.shown = (self.hours_per_credit.value(), self.weekly_hours.value())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        # What each figure means, under its box.
        for label, field, help_text in (
            (
                tr("&Hours per ECTS credit"),
                self.hours_per_credit,
                tr(
                    "One ECTS credit is 25 to 30 hours of a learner's work; many providers "
                    "count 25. A program's credits are its hours divided by this."
                ),
            ),
            (
                tr("&Rounding of credits"),
                self.rounding,
                tr(
                    "Credits are given for the whole program only, never per course or "
                    "module, and published in whole credits: 422 h at 25 h a credit is 16.88, "
                    "published as 16 ECTS (rounded down)."
                ),
            ),
            (
                tr("Study hours a &week"),
                self.weekly_hours,
                tr(
                    "The learner's pace, which gives each program's length in weeks: part-time "
                    "study is about 10 hours a week."
                ),
            ),
        ):
            help_label = QLabel(help_text)
            help_label.setWordWrap(True)
            help_label.setObjectName("settingHelp")
            help_label.setStyleSheet("color: palette(placeholder-text);")
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(help_label)
            form.addRow(label, cell)
            box = field.line if isinstance(field, NumberField) else field
            name = form.labelForField(cell)
            assert isinstance(name, QLabel)
            name.setBuddy(box)  # Alt and the letter put the cursor in the box
            box.setAccessibleName(label.replace("&", ""))
            box.setAccessibleDescription(help_text)
        form.addRow(buttons)
        # No narrower than the layout allows (the longest rounding whole), and tall enough
        # for the notes wrapped at that width: Qt holds a window to neither. A fixed 520 px
        # let the notes overlap the boxes below them, and cut the rounding at a 14 pt font.
        # Wider, the notes take fewer lines: every size above the least has room.
        least = self.minimumSizeHint()
        narrowest = least.width()
        self.setMinimumSize(narrowest, max(least.height(), self.heightForWidth(narrowest)))
        width = max(narrowest, 520)  # opened as before: the notes in fewer lines
        self.resize(width, max(least.height(), self.heightForWidth(width)))

    def accept(self) -> None:
        for field in (self.hours_per_credit, self.weekly_hours):
            if field.value() is None:  # what is wrong is said under it
                field.line.setFocus()
                return
        settings = self.document.catalog.settings
        wanted = {"rounding": self.rounding.currentData()}
        for name, field, shown in (
            ("hours_per_credit", self.hours_per_credit, self.shown[0]),
            ("weekly_hours", self.weekly_hours, self.shown[1]),
        ):
            if field.value() != shown:
                wanted[name] = field.value()
        edits: list[Edit] = [
            SetSetting(name, value)
            for name, value in wanted.items()
            if getattr(settings, name) != value
        ]
        if edits:
            self.document.push(edits, tr("Change workload settings"))
        super().accept()
