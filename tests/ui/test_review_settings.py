"""A designer's review of the Workload Settings dialog and a program's Details form.

The dialog: its boxes named and reached by their letter, what each figure means said under
it, impossible figures refused at their box, Cancel changing nothing, OK one undo step that
every page follows. The form's accreditation facts: the issuer country found by typing, the
language stored as its code whatever the designer types, long texts
shown whole, the awarding body the issuer stands in for, the EQF descriptors of the level
chosen, and the Problems panel agreeing with the form.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from window_actions import field, open_page, retype, select

from designer.supplement import supplement_facts
from designer.ui.problems import FINDING_ROLE
from designer.ui.settings_dialog import SettingsDialog

FULL = "Microsoft Full Stack Developer Professional Certificate"
POPUP_WARNINGS = ".*(does not support raise|grabbing the keyboard).*"


def opened_settings(window, qtbot):
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, dialog, button):
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def steps(window):
    return window.document.undo_stack.count()


# ---- the Workload Settings dialog -------------------------------------------------------


def test_the_workload_boxes_are_named_and_reached_by_their_letter(window, qtbot):
    """The labels had no underlined letter and the boxes no name: a screen reader read
    "edit text" three times, and no Alt key led to a box."""
    dialog = opened_settings(window, qtbot)
    boxes = {
        "Hours per ECTS credit": dialog.hours_per_credit.line,
        "Rounding of credits": dialog.rounding,
        "Study hours a week": dialog.weekly_hours.line,
    }
    for name, box in boxes.items():
        assert box.accessibleName() == name
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    assert buddies[dialog.hours_per_credit.line] == "&Hours per ECTS credit"
    assert buddies[dialog.rounding] == "&Rounding of credits"
    assert buddies[dialog.weekly_hours.line] == "Study hours a &week"
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)


def test_the_workload_settings_say_what_each_figure_means(window, qtbot):
    """One line said "1 credit is 25 to 30 hours"; nothing said what the rounding applies
    to, that the published figure is rounded down, or that the weekly hours make the weeks."""
    dialog = opened_settings(window, qtbot)
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    helps = [text for text in shown if len(text) > 60]
    assert len(helps) == 3
    per_credit, rounding, weekly = helps
    assert "25 to 30 hours" in per_credit and "divided by this" in per_credit
    assert "whole program only" in rounding and "whole credits" in rounding
    assert "16.88, published as 16 ECTS (rounded down)" in rounding
    assert "length in weeks" in weekly and "about 10 hours a week" in weekly
    assert dialog.weekly_hours.line.accessibleDescription() == weekly
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)


@pytest.mark.parametrize(
    ("box", "typed", "said"),
    [
        ("hours_per_credit", "24", "The hours per credit must be at least 25 h."),
        ("hours_per_credit", "31", "The hours per credit can be at most 30 h."),
        ("weekly_hours", "0", "The weekly study hours must be at least 0.5 h."),
        ("weekly_hours", "200", "The weekly study hours can be at most 60 h."),
    ],
)
def test_an_impossible_workload_figure_is_explained_and_cancel_keeps_everything(
    window, qtbot, box, typed, said
):
    select(window, qtbot, FULL)
    retype(qtbot, field(window, "awarding_body"), "Microsoft Learn")
    window.document.end_typing()
    before = window.document.catalog.settings.model_copy()
    count = steps(window)
    dialog = opened_settings(window, qtbot)
    number = getattr(dialog, box)
    retype(qtbot, number.line, typed)
    assert number.error.isVisible() and number.error.text() == said
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()  # OK waits until the figure is mended
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible()
    assert window.document.catalog.settings == before
    assert steps(window) == count
    assert window.totals_bar.ects.text() == "422 h = 16 ECTS (16.88 rounded down)"
    assert window.document.catalog.programs[0].awarding_body == "Microsoft Learn"


def test_ok_is_one_undo_step_that_every_page_follows(window, qtbot):
    catalog, totals = window.document.catalog, window.document.totals
    select(window, qtbot, FULL)
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    panel.set_held(["front-end"])
    panel.target.setCurrentIndex(panel.target.findData("full-stack"))
    assert "318 h remain, about 32 weeks at 10 h a week." in panel.summary.text()
    count = steps(window)
    dialog = opened_settings(window, qtbot)
    retype(qtbot, dialog.hours_per_credit.line, "30")
    dialog.rounding.setFocus()
    qtbot.keyClick(dialog.rounding, Qt.Key.Key_Down)  # to the nearest whole credit
    retype(qtbot, dialog.weekly_hours.line, "20")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert steps(window) == count + 1
    assert window.undo_action.text() == "Undo Change workload settings"
    assert window.totals_bar.ects.text() == "422 h = 14 ECTS (14.07 rounded)"
    assert window.totals_bar.pace.text() == "22 weeks at 20 h a week · 12 courses"
    qtbot.waitUntil(lambda: "about 16 weeks at 20 h a week." in panel.summary.text())
    facts = supplement_facts(catalog, totals, "full-stack")
    assert facts.ects_text == "14 ECTS (422 h at 30 h per credit, rounded)"
    assert facts.element("mode_of_study").value == "Online, part-time (about 20 h a week, 22 weeks)"
    window.undo_action.trigger()
    assert window.totals_bar.ects.text() == "422 h = 16 ECTS (16.88 rounded down)"
    assert window.totals_bar.pace.text() == "43 weeks at 10 h a week · 12 courses"
    qtbot.waitUntil(lambda: "about 32 weeks at 10 h a week." in panel.summary.text())


# ---- the program's Details --------------------------------------------------------------


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_a_country_is_found_by_typing_part_of_its_name_or_its_code(window, qtbot):
    """The closed list of 250 countries took every key as a choice: "Ger" made three edits
    (Gabon, Georgia, Germany), and "US" or "Korea" could not be typed at all."""
    program = window.document.catalog.programs[0]
    select(window, qtbot, FULL)
    country = field(window, "issuer_country")
    count = steps(window)
    retype(qtbot, country.lineEdit(), "germ")
    completer = country.completer()
    assert completer.popup().isVisible()
    assert completer.currentCompletion() == "Germany (DE)"
    assert program.issuer_country == "US"  # nothing is chosen while typing
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert program.issuer_country == "DE" and country.currentText() == "Germany (DE)"
    assert steps(window) == count + 1
    retype(qtbot, country.lineEdit(), "korea")
    assert {completer.popup().model().index(r, 0).data() for r in range(2)} == {
        "North Korea (KP)",
        "South Korea (KR)",
    }
    completer.popup().hide()
    retype(qtbot, country.lineEdit(), "us")
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert program.issuer_country == "US" and country.currentText() == "United States (US)"
    assert steps(window) == count + 2
    retype(qtbot, country.lineEdit(), "niger")  # and a pick in the list that comes up
    popup = completer.popup()
    assert [popup.model().index(r, 0).data() for r in range(2)] == ["Niger (NE)", "Nigeria (NG)"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert program.issuer_country == "NG" and country.currentText() == "Nigeria (NG)"
    assert steps(window) == count + 3
    window.undo_action.trigger()
    assert program.issuer_country == "US" and country.currentText() == "United States (US)"


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_a_country_typed_that_names_none_or_several_is_explained(window, qtbot):
    program = window.document.catalog.programs[0]
    select(window, qtbot, FULL)
    country = field(window, "issuer_country")
    error = window.editor.fields["issuer_country"].error
    retype(qtbot, country.lineEdit(), "Atlantis")
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert error.isVisible() and error.text() == "No country matches “Atlantis”."
    assert program.issuer_country == "US"
    retype(qtbot, country.lineEdit(), "united")
    country.completer().popup().hide()
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert error.text() == "“united” matches 4 entries: pick the country in the list."
    assert program.issuer_country == "US"
    retype(qtbot, country.lineEdit(), "Niger")  # its name whole, though Nigeria holds it
    country.completer().popup().hide()
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert not error.isVisible() and program.issuer_country == "NE"


@pytest.mark.parametrize(
    ("typed", "stored", "note"),
    [
        ("english", "en", "English: stored as “en”."),
        ("EN", "en", "English: stored as “en”."),
        ("eng", "en", "English: stored as “en”."),
        ("German", "de", "German: stored as “de”."),
        ("ger", "de", "German: stored as “de”."),
        ("Greek", "el", "Modern Greek (1453-): stored as “el”."),
        ("en-gb", "en-GB", "English: stored as “en-GB”."),
    ],
)
def test_the_language_is_stored_as_its_code_whatever_the_designer_types(
    window, qtbot, typed, stored, note
):
    """The box stored what was typed: "english" reached the supplement as "Language of
    instruction: english" and left the European Learning Model without a language, and
    "EN" named the language En (enc) to pycountry's lookup."""
    program = window.document.catalog.programs[0]
    select(window, qtbot, FULL)
    retype(qtbot, field(window, "language"), "fr")
    window.document.end_typing()
    retype(qtbot, field(window, "language"), typed)
    assert program.language == stored
    assert field(window, "language").text() == typed  # the typing stays as typed
    assert window.editor.language_note.text() == note
    facts = supplement_facts(window.document.catalog, window.document.totals, "full-stack")
    assert facts.language == stored and facts.language_name is not None


def test_a_language_that_is_none_is_refused_at_the_field(window, qtbot):
    program = window.document.catalog.programs[0]
    select(window, qtbot, FULL)
    language = window.editor.fields["language"]
    count = steps(window)
    retype(qtbot, language.editor, "xx")
    assert language.error.isVisible()
    assert language.error.text() == (
        "“xx” is not a language: type its English name (English) or its ISO 639 code (en)."
    )
    assert program.language == "en"  # as it was before the typing: "x" is no language
    qtbot.keyClick(language.editor, Qt.Key.Key_Tab)
    assert language.editor.text() == "xx" and language.error.isVisible()
    assert steps(window) == count
    assert window.editor.language_note.text() == "English: stored as “en”."


def test_a_long_quality_assurance_text_is_shown_whole_in_its_box(window, qtbot):
    """The box was 3 lines high whatever it held: a quality assurance text of a few
    sentences was read and edited 3 lines at a time."""
    select(window, qtbot, FULL)
    box = field(window, "quality_assurance")
    text = "\n".join(
        [
            "Accredited by FIBAA (2025) as a professional certificate.",
            "Each course is reviewed every year by the provider and its content partner.",
            "Learners rate every module; a module rated under 4 of 5 is revised.",
            "Graded quizzes are checked against the module's outcomes before release.",
            "The capstone project is marked by two reviewers with a shared rubric.",
            "Complaints go to the provider's academic board within 30 days.",
        ]
    )
    box.setFocus()
    box.selectAll()
    box.insertPlainText(text)
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 0)
    assert window.document.catalog.programs[0].quality_assurance == text
    empty = field(window, "prerequisites")
    assert empty.height() < box.height()  # an empty box stays small


def test_an_empty_awarding_body_says_the_issuer_stands_in(window, qtbot):
    """Problems asks for an awarding body only when the issuer is empty too, and the
    supplement names the issuer; the empty box said nothing of it."""
    select(window, qtbot, FULL)
    retype(qtbot, field(window, "awarding_body"), "")
    qtbot.keyClick(field(window, "awarding_body"), Qt.Key.Key_Backspace)
    assert window.document.catalog.programs[0].awarding_body == ""
    assert field(window, "awarding_body").placeholderText() == "the issuer, when left empty"
    facts = supplement_facts(window.document.catalog, window.document.totals, "full-stack")
    assert facts.element("awarding_body").value == "Microsoft"


def test_the_eqf_note_shows_the_descriptors_of_the_level_chosen(window, qtbot):
    select(window, qtbot, FULL)
    note = window.editor.eqf_note
    assert "<b>Level 6</b>" in note.text()
    assert "critical understanding of theories and principles" in note.text()
    eqf = field(window, "eqf_level")
    eqf.setFocus()
    eqf.setCurrentIndex(eqf.findData("5-6"))
    eqf.activated.emit(eqf.currentIndex())
    assert "<b>Level 5</b>" in note.text() and "<b>Level 6</b>" in note.text()
    assert "creative solutions to abstract problems" in note.text()
    window.undo_action.trigger()
    assert "<b>Level 5</b>" not in note.text() and "<b>Level 6</b>" in note.text()


def problem_rows(window, unit_title):
    model = window.problems.list.model()
    # The texts of its columns, and the rule (the Rule column shows its title).
    found = [
        [*(model.index(r, c).data() for c in range(4)), model.index(r, 0).data(FINDING_ROLE).rule]
        for r in range(model.rowCount())
    ]
    return [row for row in found if row[1] == unit_title]


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_missing_country_problem_leads_to_a_box_that_takes_what_it_asks_for(window, qtbot):
    """Problems asks for "an ISO 3166 code such as US"; the closed list took "U" for
    Uganda and "S" for nothing: the code it asked for could not be typed."""
    program = window.document.catalog.programs[0]
    select(window, qtbot, FULL)
    country = field(window, "issuer_country")
    retype(qtbot, country.lineEdit(), "")
    qtbot.keyClick(country, Qt.Key.Key_Backspace)
    qtbot.keyClick(country, Qt.Key.Key_Return)  # cleared: not set
    assert program.issuer_country is None
    qtbot.waitUntil(
        lambda: any(row[4] == "supplement.issuer-country" for row in problem_rows(window, FULL))
    )
    [row] = [row for row in problem_rows(window, FULL) if row[4] == "supplement.issuer-country"]
    assert row[3] == "Set the issuer's country (an ISO 3166 code such as US)."
    model = window.problems.list.model()
    index = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data(FINDING_ROLE).rule == "supplement.issuer-country"
    )
    window.problems.list.activated.emit(index)  # a double click, or Enter
    assert country.hasFocus()
    qtbot.keyClicks(country, "US")
    qtbot.keyClick(country, Qt.Key.Key_Return)
    assert program.issuer_country == "US"
    qtbot.waitUntil(
        lambda: not any(row[4] == "supplement.issuer-country" for row in problem_rows(window, FULL))
    )
