"""Review: titles, codes and outcomes written in the world's languages, and unusual text
(pasted line breaks and control characters), through the window, the file and the commands."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from window_actions import select

from designer.cli import main
from designer.model import Catalog, Course, Program
from designer.storage import load, save

PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
PR_INTRO = "Introduction to Public Relations"


def paste(qtbot, box, text):
    """Select what a box holds and paste text over it with Ctrl+V."""
    box.setFocus()
    box.selectAll()
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


# ---- one-line fields keep one line -------------------------------------------------------


def test_a_title_pasted_with_line_breaks_tabs_and_control_characters_is_one_line(
    window, qtbot, tmp_path
):
    # Copied from a Greek syllabus in a word processor: a tab, a line break and a stray
    # control character came along. The title box showed them, the tree cut the row at the
    # line break, and the file, the workbook (as '�') and the commands' tables got them.
    select(window, qtbot, PR, PR_INTRO)
    title = window.editor.fields["title"].editor
    paste(qtbot, title, "Εισαγωγή\tστις\r\nΔημόσιες Σχέσεις\x01")
    wanted = "Εισαγωγή στις Δημόσιες Σχέσεις"
    assert title.text() == wanted
    assert window.tree.currentIndex().data() == wanted
    saved = tmp_path / "saved.curriculum.json"
    save(window.document.catalog, saved)
    assert load(saved).courses["introduction-to-public-relations"].title == wanted


def test_an_outcome_pasted_with_a_line_break_is_one_line(window, qtbot):
    select(window, qtbot, PR, PR_INTRO)
    window.add_outcome_action.trigger()
    outcomes = window.outcomes
    assert window.tabs.currentWidget() is outcomes
    paste(qtbot, outcomes.text, "Analyser les relations\navec les médias\x0b")
    wanted = "Analyser les relations avec les médias"
    assert outcomes.text.text() == wanted
    assert outcomes.owner.outcomes[-1].text == wanted


def test_a_title_pasted_with_a_line_break_when_renaming_in_place_is_one_line(window, qtbot):
    select(window, qtbot, PR, PR_INTRO)
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and window.tree.isAncestorOf(box)
    paste(qtbot, box, "Wstęp do\npublic relations\t")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.state() == QAbstractItemView.State.NoState)
    wanted = "Wstęp do public relations"
    assert window.document.catalog.courses["introduction-to-public-relations"].title == wanted
    assert window.tree.currentIndex().data() == wanted


def test_spaces_typed_inside_a_title_are_kept_as_typed(window, qtbot):
    # Only line breaks and control characters change: the spaces a designer types stay,
    # the one at the end too (the next word follows it).
    select(window, qtbot, PR, PR_INTRO)
    title = window.editor.fields["title"].editor
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Intro  to PR ")
    assert window.document.catalog.courses["introduction-to-public-relations"].title == (
        "Intro  to PR "
    )


# ---- duplicates in scripts whose vowels are marks ------------------------------------------


def two_courses(first, second, tmp_path):
    courses = [Course(id="c1", title=first, hours=30), Course(id="c2", title=second, hours=30)]
    programs = [
        Program(id="p1", title="P1", course_ids=["c1"]),
        Program(id="p2", title="P2", course_ids=["c2"]),
    ]
    path = tmp_path / "two.curriculum.json"
    save(Catalog(programs=programs, courses=courses), path)
    return path


def duplicates(path, capsys):
    assert main(["overlaps", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["duplicates"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("கலை அறிமுகம்", "கல் அறிமுகம்"),  # Tamil: Introduction to art / to stone
        ("कला का इतिहास", "कल का इतिहास"),  # Hindi: history of art / of yesterday
        ("दिन", "दान"),  # Hindi: day / donation
    ],
    ids=["tamil", "hindi", "hindi word"],
)
def test_titles_that_differ_in_their_vowel_signs_are_not_identical_copies(
    first, second, tmp_path, capsys
):
    # The vowel signs of Indian scripts are letters, not accents: dropping them made these
    # titles one, and the Duplicates page offered to merge "2 separate copies".
    found = duplicates(two_courses(first, second, tmp_path), capsys)
    assert [group for group in found if group["kind"] == "identical"] == []


def test_the_same_title_typed_composed_or_decomposed_is_an_identical_copy(tmp_path, capsys):
    # "é" as one character or as e and an accent: the same title, whatever the keyboard.
    found = duplicates(
        two_courses("Réseaux et sécurité", "Re\u0301seaux et se\u0301curite\u0301", tmp_path),
        capsys,
    )
    assert [group["kind"] for group in found] == ["identical"]


def test_words_of_indian_scripts_are_compared_whole():
    from designer.sharing.text import normalize

    assert normalize("कंप्यूटर विज्ञान") == "कंप्यूटर विज्ञान"
    assert normalize("Ελληνική Ιστορία") == "ελληνικη ιστορια"


# ---- the tree's filter finds an accent however it was typed ------------------------------


def test_the_filter_finds_a_title_whose_accents_were_typed_as_separate_marks(window, qtbot):
    # A title pasted from a PDF or a Mac file name often holds "e" and a combining accent
    # (U+0301) where a keyboard types "é": both look the same, but the filter found none.
    catalog = window.document.catalog
    course = catalog.courses["media-relations-and-crisis-management"]
    window.document.catalog.set_field(course, "title", "Relations presse et ge\u0301rer une crise")
    window.filter.setFocus()
    window.filter.insert("gérer")  # as typed on a French keyboard
    model = window.tree.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [PR]
    found = model.index(0, 0, model.index(0, 0)).data()
    assert found == "Relations presse et ge\u0301rer une crise"
