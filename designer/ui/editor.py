"""The editor panel: every field of the selected program, course, module or item."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pycountry
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from designer.model import Course, Delivery, Item, ItemKind, Module, Pace, Program
from designer.model.edits import Edit, SetField
from designer.model.eqf import descriptors_for
from designer.model.totals import format_hours, format_number
from designer.model.units import MAX_ITEM_MINUTES, MAX_UNIT_HOURS, Settings
from designer.sharing.pathway import impact
from designer.supplement.facts import language_record
from designer.ui.colours import ERROR, colour, follow_scheme
from designer.ui.document import Document
from designer.ui.fields import (
    CheckField,
    ChoiceField,
    Field,
    FittedLabel,
    NumberField,
    SearchChoiceField,
    TextField,
)
from designer.ui.labels import delivery_label, item_kind_label, pace_label, tr

Unit = Program | Course | Module | Item
EQF_CHOICES = [str(n) for n in range(1, 9)] + ["3-4", "4-5", "5-6", "6-7", "7-8"]


@cache
def _countries() -> list[tuple[Any, str]]:
    """Every country, sorted once: the editor of a program is built on each selection.

    By the name the supplement prints ("Bolivia", not "Bolivia, Plurinational State of")."""
    names = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    countries = sorted(names.items(), key=lambda pair: pair[1])
    return [(None, tr("Not set"))] + [(code, f"{name} ({code})") for code, name in countries]


def parse_language(text: str) -> tuple[str, str]:
    """The code stored for a language typed by its English name or code, or why it is
    refused: "English", "english", "EN" and "eng" give "en"; "en-gb" gives "en-GB"."""
    text = text.strip()
    if not text:
        return "", ""
    refused = tr(
        "“{0}” is not a language: type its English name (English) or its ISO 639 code (en)."
    ).format(text)
    base, _, region = text.replace("_", "-").partition("-")
    if region and not re.fullmatch(r"[A-Za-z]{2}|[0-9]{3}", region):
        return "", refused
    language = _language(base if region else text)
    if language is None:
        return "", refused
    code = getattr(language, "alpha_2", None) or language.alpha_3
    return (f"{code}-{region.upper()}" if region else code), ""


def _language(text: str) -> Any | None:
    """The ISO 639 language a code or an English name names, or None. Not
    pycountry.languages.lookup: "EN" gave the language En (enc), not English."""
    wanted = text.casefold()
    if re.fullmatch(r"[a-z]{2}", wanted):
        return pycountry.languages.get(alpha_2=wanted)
    if re.fullmatch(r"[a-z]{3}", wanted):
        found = pycountry.languages.get(alpha_3=wanted)
        found = found or pycountry.languages.get(bibliographic=wanted)  # "ger", "fre"
        if found is not None:
            return found
    # By name, among the languages with a two-letter code: whole ("Norwegian"), else by a
    # word of it ("Greek" is "Modern Greek (1453-)", "Swahili" "Swahili (macrolanguage)").
    named = [lang for lang in pycountry.languages if hasattr(lang, "alpha_2")]
    for matches in (
        lambda name: wanted in (name, name.split(" (")[0], *name.split("; ")),
        lambda name: wanted in re.findall(r"[^\W\d_]+", name),
    ):
        found_all = [lang for lang in named if matches(lang.name.casefold())]
        if len(found_all) == 1:
            return found_all[0]
    return None


def _note(name: str = "") -> QLabel:
    """A note under a field, wrapped to the form's width."""
    note = QLabel()
    note.setWordWrap(True)
    if name:
        note.setObjectName(name)
    return note


def _fitted_note(name: str) -> FittedLabel:
    """A note under a field that repeats what the designer typed (titles, a language): in
    plain text, wrapped, a word too long for the form elided. A word-wrapped QLabel is as
    wide as its longest word, and made the form wider than its pane, every field cut."""
    note = FittedLabel()
    note.setObjectName(name)
    return note


def _fields(unit: Unit) -> list[tuple[str, str, Field]]:
    """(field name, label, widget) for each editable field of this kind of unit."""
    if isinstance(unit, Item):
        return [
            ("title", tr("&Title"), TextField()),
            # "Type", as the tree's column and the workbook's header call it (not "Kind").
            ("kind", tr("T&ype"), ChoiceField([(k, item_kind_label(k)) for k in ItemKind])),
            (
                "minutes",
                tr("&Minutes"),
                NumberField("min", 0, MAX_ITEM_MINUTES, optional=False, noun=tr("minutes")),
            ),
            ("graded", "", CheckField(tr("&Graded (counts towards passing)"))),
        ]
    fields: list[tuple[str, str, Field]] = [
        ("title", tr("&Title"), TextField()),
        ("code", tr("C&ode"), TextField()),
        ("description", tr("&Description"), TextField(multiline=True)),
    ]
    if isinstance(unit, Course | Module):
        fields.append(
            (
                "hours",
                tr("Declared &hours"),
                NumberField("h", 0, MAX_UNIT_HOURS, optional=True, noun=tr("declared hours")),
            )
        )
        return fields
    levels = list(EQF_CHOICES)
    if unit.eqf_level is not None and unit.eqf_level not in levels:
        levels.append(unit.eqf_level)  # a range the list lacks ("5-7"): shown, not "Not set"
    eqf = [(None, tr("Not set"))] + [(level, tr("EQF level {0}").format(level)) for level in levels]
    return fields + [
        ("eqf_level", tr("E&QF level"), ChoiceField(eqf)),
        ("issuer_name", tr("I&ssuer"), TextField()),
        (
            "issuer_country",
            tr("Issuer &country"),
            SearchChoiceField(_countries(), noun=tr("country")),
        ),
        # The supplement names the issuer when the awarding body is left empty.
        (
            "awarding_body",
            tr("&Awarding body"),
            TextField(placeholder=tr("the issuer, when left empty")),
        ),
        (
            "delivery",
            tr("&Mode of study"),
            ChoiceField([(None, tr("Not set"))] + [(d, delivery_label(d)) for d in Delivery]),
        ),
        (
            "pace",
            tr("&Pace"),
            ChoiceField([(None, tr("Not set"))] + [(p, pace_label(p)) for p in Pace]),
        ),
        (
            "language",
            tr("&Language"),
            TextField(placeholder=tr("English, or en"), parse=parse_language),
        ),
        (
            "min_passing_score",
            tr("Mi&nimum passing score"),
            NumberField("%", 0, 100, optional=True, noun=tr("passing score")),
        ),
        ("assessment", tr("T&ype of assessment"), TextField(multiline=True)),
        ("prerequisites", tr("P&rerequisites"), TextField(multiline=True)),
        ("quality_assurance", tr("Q&uality assurance"), TextField(multiline=True)),
    ]


class UnitEditor(QScrollArea):
    """Shows the fields of one unit; each change is one undoable edit."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        # No stop of its own in the Tab order (nothing shows it has the cursor): Tab goes
        # from the Details tab to the first field, and a field scrolls into view. Not
        # NoFocus: Qt orders no widget after one that takes no focus (see show_unit).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.document = document
        self.unit: Unit | None = None
        self.fields: dict[str, Field] = {}
        self.impact_note: FittedLabel | None = None
        self.hours_note = _note()
        self.eqf_note = _note("eqfDescriptors")
        self.language_note = _fitted_note("languageNote")
        self._show_empty()
        document.catalog.field_changed.connect(self._on_field_changed)
        document.totals.changed.connect(self._on_totals_changed)
        follow_scheme(self._update_notes)  # their red, for the scheme now shown

    def close_document(self) -> None:
        self.document.catalog.field_changed.disconnect(self._on_field_changed)
        self.document.totals.changed.disconnect(self._on_totals_changed)

    def _show_empty(self) -> None:
        label = QLabel(tr("Select a program, course, module or item to edit it."))
        label.setWordWrap(True)
        page = QWidget()
        QVBoxLayout(page).addWidget(label)
        self.setWidget(page)

    def show_unit(self, unit: Unit | None) -> None:
        if unit is self.unit:
            return
        self.unit = unit
        self.fields = {}
        self.impact_note = None
        if unit is None:
            self._show_empty()
            return
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        heading = QLabel(f"<b>{tr(type(unit).__name__)}</b>")
        form.addRow(heading)
        for name, label, field in _fields(unit):
            field.set_value(getattr(unit, name))
            field.setObjectName(f"field_{name}")
            field.edited.connect(lambda value, name=name: self._edit(name, value))
            field.finished.connect(self.document.end_typing)
            self.fields[name] = field
            form.addRow(label, field)
            if label:  # the tick box has its own
                self._name_by_label(form, field)
            if name == "hours":
                self.hours_note = _note()
                form.addRow("", self.hours_note)
                self._add_usage_rows(form, unit)  # type: ignore[arg-type]
            if name == "eqf_level":
                self.eqf_note = _note("eqfDescriptors")
                form.addRow("", self.eqf_note)
            if name == "language":
                self.language_note = _fitted_note("languageNote")
                form.addRow("", self.language_note)
        self.setWidget(page)
        # Made after the rest of the window, the fields came last in the Tab order, after
        # the Problems panel: they follow the Details tab, as they do on screen.
        previous: QWidget = self
        for field in page.findChildren(Field):
            QWidget.setTabOrder(previous, field.editor)
            previous = field.editor
        self._update_notes()

    def _add_usage_rows(self, form: QFormLayout, unit: Course | Module) -> None:
        """Where a course or module is used, and what a change of its hours would do."""
        catalog = self.document.catalog
        users = [getattr(catalog.get(u), "title", u) for u in catalog.users(unit.id)]
        self.usage_note = _fitted_note("usageNote")
        self.usage_note.setText(", ".join(users) or tr("Not used by any program yet."))
        form.addRow(tr("Used by"), self.usage_note)
        if not users:
            return
        # A what-if figure, not an edit: typing in it changes nothing, so it is no step of
        # Undo, and Ctrl+Z in it takes back its own typing.
        delta = NumberField(
            "h", -MAX_UNIT_HOURS, MAX_UNIT_HOURS, optional=False, noun=tr("change in hours")
        )
        delta.undo_in_window = False
        delta.setObjectName("impactDelta")
        delta.set_value(5.0)
        delta.edited.connect(self._update_impact)
        self.impact_delta = delta
        self.impact_note = _fitted_note("impactNote")  # a program without a code: its title
        form.addRow(tr("If its hours change &by"), delta)
        self._name_by_label(form, delta)
        form.addRow("", self.impact_note)

    def _name_by_label(self, form: QFormLayout, field: Field) -> None:
        """The label's Alt+letter puts the cursor in the field's box, and a screen reader
        names the box by it (the form made the label the buddy of the field around it)."""
        label = form.labelForField(field)
        assert isinstance(label, QLabel)
        label.setBuddy(field.editor)
        field.editor.setAccessibleName(label.text().replace("&", ""))

    def _update_impact(self, *args: Any) -> None:
        unit = self.unit
        if not isinstance(unit, Course | Module) or self.impact_note is None:
            return
        catalog, totals = self.document.catalog, self.document.totals
        field = self.impact_delta
        delta, error = field.parse(field.line.text())  # an error is shown by the field
        hours = totals.hours(unit)
        if delta is not None and delta < -hours - 1e-9:
            # impact would count the unit down to 0 h only: say so rather than show that
            if isinstance(unit, Course):
                error = tr("This course has {0} h: a change of {1} h would take it below 0 h.")
            else:
                error = tr("This module has {0} h: a change of {1} h would take it below 0 h.")
            error = error.format(format_hours(hours), format_hours(delta))
            field.show_error(error)
        elif delta is not None:
            field.show_error("")  # a change that was too large a decrease before an edit
        if delta is None or error:
            self.impact_note.setText(tr("Nothing to show until the change above is corrected."))
            return
        lines = []
        for change in impact(catalog, totals, unit.id, delta):
            program = catalog.program(change.program)
            lines.append(
                tr("{0}: {1} h → {2} h, {3} → {4} ECTS").format(
                    program.code or program.title,
                    format_hours(change.hours_before),
                    format_hours(change.hours_after),
                    format_number(change.ects_before),
                    format_number(change.ects_after),
                )
            )
        self.impact_note.setText("\n".join(lines))

    def _edit(self, name: str, value: Any) -> None:
        unit = self.unit
        assert unit is not None
        if getattr(unit, name) == value:
            return
        label = tr("Edit {0}").format(name.replace("_", " "))
        # Typing is one step a field; a choice or a tick is a step of its own: merged, a
        # tick and an untick made no step, and Undo took back the edit before them.
        typed = isinstance(self.fields[name], TextField | NumberField)
        key = self.document.merge_key(unit.id, name) if typed else None
        edits: list[Edit] = [SetField(unit, name, value)]
        graded_quiz = name == "kind" and value == ItemKind.GRADED_QUIZ
        if isinstance(unit, Item) and graded_quiz and not unit.graded:
            # A graded quiz counts towards passing: ticked with it, undone with it.
            edits.append(SetField(unit, "graded", True))
        self.document.push(edits, label, key)

    def _on_field_changed(self, node: Any, name: str, old: Any, new: Any) -> None:
        if node is self.unit and name in self.fields:
            self.fields[name].set_value(new)
            self._update_notes()
        elif isinstance(node, Settings):  # the credits a change of hours would give
            self._update_notes()

    def _on_totals_changed(self, unit_ids: set[str]) -> None:
        if self.unit is not None and self.unit.id in unit_ids:
            self._update_notes()

    def _update_notes(self) -> None:
        unit = self.unit
        if isinstance(unit, Course | Module):
            self.hours_note.setText(self._hours_text(unit))
            self._update_impact()
        if isinstance(unit, Program):
            self.eqf_note.setText(self._eqf_text(unit.eqf_level))
            self._show_language(unit.language)

    def _hours_text(self, unit: Course | Module) -> str:
        totals = self.document.totals
        computed = totals.computed_hours(unit)
        parts = tr("modules") if isinstance(unit, Course) else tr("items")
        if computed is None:
            if unit.hours is None:
                return tr("No {0} and no declared hours: counts 0 h.").format(parts)
            return tr("No {0} yet: the declared hours count.").format(parts)
        text = tr("Its {0} add up to {1} h.").format(parts, format_hours(computed))
        if unit.hours is not None and abs(unit.hours - computed) > 1e-6:
            warning = tr("Declared {0} h does not match: the {1} count.").format(
                format_hours(unit.hours), parts
            )
            return f'{text} <span style="color:{colour(ERROR)}">⚠ {warning}</span>'
        return text

    def _show_language(self, language: str) -> None:
        """What the language field stores, as the supplement reads it; in red, a code it
        does not know (from the file: the field refuses one)."""
        found = language_record(language)
        if found is None:
            text = tr("“{0}” is no language code the supplement knows: retype it (English, or en).")
            self.language_note.setText(text.format(language))
        else:
            self.language_note.setText(tr("{0}: stored as “{1}”.").format(found.name, language))
        self.language_note.setStyleSheet("" if found is not None else f"color: {colour(ERROR)};")
        self.language_note.setVisible(bool(language))

    def _eqf_text(self, level: str | None) -> str:
        if not level:
            return tr("Pick a level to see its descriptors.")
        rows = []
        for d in descriptors_for(level):
            rows.append(
                f"<p><b>{tr('Level')} {d.level}</b><br>"
                f"<i>{tr('Knowledge')}:</i> {d.knowledge}<br>"
                f"<i>{tr('Skills')}:</i> {d.skills}<br>"
                f"<i>{tr('Responsibility and autonomy')}:</i> {d.responsibility_autonomy}</p>"
            )
        return "".join(rows)
