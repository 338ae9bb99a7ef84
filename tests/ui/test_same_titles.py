"""Courses or certificates with the same title are told apart in the Pathways and Roadmap pages
and in the roadmap's exports; titles no other unit has are listed as they are."""

import argparse
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import Qt
from window_actions import choose_file, open_page, opened_window, select

from designer.model import Bloom, Catalog, Course, Item, ItemKind, Module, Outcome, Program
from designer.roadmap.commands import add_commands
from designer.storage import save

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
CSHARP = "Introduction to Programming With C#"
SVG = "{http://www.w3.org/2000/svg}"


def texts(widget):
    """The rows of a list, or the choices of a combo box, as shown."""
    if hasattr(widget, "itemText"):
        return [widget.itemText(i) for i in range(widget.count())]
    return [widget.item(i).text() for i in range(widget.count())]


def tick(qtbot, panel, text):
    """Tick a holding with the space bar, as a designer does."""
    [item] = panel.holdings.findItems(text, Qt.MatchFlag.MatchExactly)
    panel.holdings.scrollToItem(item)
    panel.holdings.setCurrentItem(item)
    qtbot.keyClick(panel.holdings, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not among {texts(combo)}"
    combo.setCurrentIndex(index)


def svg_words(path):
    """The words a roadmap file shows (its wrapped lines joined), and its title."""
    root = ElementTree.parse(path).getroot()
    shown = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    return shown, root.find(f"{SVG}title").text


def export_svg(qtbot, view, path):
    """Click Export SVG… and answer the file dialog."""
    choose_file(path)
    qtbot.mouseClick(view.export_svg, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(path.exists)


# ---- Make Independent Copy on the sample: the same title and code, in other programs ----


@pytest.fixture
def csharp_copied(window, qtbot):
    """The sample with Back-End's use of the shared C# course made an independent copy."""
    select(window, qtbot, BACK, CSHARP)
    window.independent_action.trigger()
    return window


def test_pathways_say_which_program_each_copy_sits_in(csharp_copied, qtbot):
    window = csharp_copied
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    holdings = texts(panel.holdings)
    assert f"{CSHARP} (in MS-FSD, MS-FED)" in holdings
    assert f"{CSHARP} (in MS-BED)" in holdings
    assert CSHARP not in holdings
    assert "Introduction to Web Development" in holdings  # a title of its own stays bare
    assert FULL in holdings

    # Back-End's copy is not Full Stack's course: that one is still to take.
    tick(qtbot, panel, BACK)
    choose(panel.target, FULL)
    remaining = texts(panel.remaining)
    assert f"{CSHARP} (in MS-FSD, MS-FED)  (30 h)" in remaining
    assert "Foundations of Coding Full-Stack  (39 h)" in remaining
    assert panel.summary.text().startswith("Credited 240 h; 182 h remain")
    assert f"{FULL}: 182 h to go" in texts(panel.ranking)


def test_the_roadmap_and_its_export_name_the_copy(csharp_copied, qtbot, tmp_path):
    window = csharp_copied
    open_page(window, qtbot, "Roadmap")
    view = window.roadmap
    choices = texts(view.unit)
    assert f"Course: {CSHARP} (in MS-FSD, MS-FED)" in choices
    assert f"Course: {CSHARP} (in MS-BED)" in choices
    assert f"Course: {CSHARP}" not in choices
    assert "Course: Introduction to Public Relations" in choices

    choose(view.unit, f"Course: {CSHARP} (in MS-BED)")
    path = tmp_path / "copy.svg"
    export_svg(qtbot, view, path)
    _, title = svg_words(path)
    assert title == f"Outcome roadmap: {CSHARP} (in MS-BED)"


def test_a_copy_in_the_same_program_is_named_by_its_id(window, qtbot):
    select(window, qtbot, PR, "Introduction to Public Relations")
    window.duplicate_action.trigger()  # the same title and code, in the same program
    copy_id = window.selected_node().unit.id
    assert copy_id != "introduction-to-public-relations"
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel.target, PR)
    assert texts(panel.remaining)[:2] == [
        "Introduction to Public Relations (id introduction-to-public-relations)  (26 h)",
        f"Introduction to Public Relations (id {copy_id})  (26 h)",
    ]
    assert panel.summary.text().endswith(
        "Start with “Introduction to Public Relations (id introduction-to-public-relations)”."
    )


# ---- two providers' units of the same title and different codes ---------------------------


def course(course_id, code, title, outcome):
    """A one-week course with an outcome that serves the program outcome "pt-o1"."""
    week = Module(
        id=f"{course_id}-w1",
        title="Week 1",
        outcomes=[
            Outcome(
                id=f"{course_id}-w1-o1",
                text=outcome,
                bloom=Bloom.APPLY,
                supports=[f"{course_id}-o1"],
            )
        ],
        items=[Item(id=f"{course_id}-i1", title="Lab", kind=ItemKind.LAB, minutes=600)],
    )
    own = Outcome(id=f"{course_id}-o1", text=outcome, bloom=Bloom.APPLY, supports=["pt-o1"])
    unit = Course(id=course_id, code=code, title=title, outcomes=[own], module_ids=[week.id])
    return unit, week


@pytest.fixture
def providers_path(tmp_path):
    """Two providers' "Python Basics", each with its "Introduction to Python", and a track
    that takes both introductions and one course of its own."""
    a_intro, a_week = course("a-intro", "PY-101", "Introduction to Python", "Write loops")
    b_intro, b_week = course("b-intro", "INTRO-PY", "Introduction to Python", "Call functions")
    pandas, pandas_week = course("pandas", "PY-102", "Data Analysis with Pandas", "Clean data")
    track_outcome = Outcome(id="pt-o1", text="Write Python programs", bloom=Bloom.APPLY)
    catalog = Catalog(
        programs=[
            Program(id="a-basics", code="A-PY", title="Python Basics", course_ids=["a-intro"]),
            Program(id="b-basics", code="B-PY", title="Python Basics", course_ids=["b-intro"]),
            Program(
                id="track",
                code="PT",
                title="Python Track",
                outcomes=[track_outcome],
                course_ids=["a-intro", "b-intro", "pandas"],
            ),
        ],
        courses=[a_intro, b_intro, pandas],
        modules=[a_week, b_week, pandas_week],
    )
    path = tmp_path / "providers.curriculum.json"
    save(catalog, path)
    return path


@pytest.fixture
def providers(qtbot, providers_path):
    yield from opened_window(qtbot, providers_path)


def test_pathways_add_the_code_to_titles_that_collide(providers, qtbot):
    window = providers
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    assert texts(panel.holdings) == [
        "Python Basics [A-PY]",
        "Python Basics [B-PY]",
        "Python Track",
        "Data Analysis with Pandas",
        "Introduction to Python [INTRO-PY]",
        "Introduction to Python [PY-101]",
    ]
    assert texts(panel.target) == ["Python Basics [A-PY]", "Python Basics [B-PY]", "Python Track"]
    tick(qtbot, panel, "Python Basics [A-PY]")
    choose(panel.target, "Python Track")
    assert texts(panel.remaining) == [
        "Introduction to Python [INTRO-PY]  (10 h)",
        "Data Analysis with Pandas  (10 h)",
    ]
    assert panel.summary.text().endswith("Start with “Introduction to Python [INTRO-PY]”.")
    assert texts(panel.ranking) == ["Python Basics [B-PY]: 10 h to go", "Python Track: 20 h to go"]


def test_the_program_roadmap_and_its_export_tell_the_courses_apart(providers, qtbot, tmp_path):
    window = providers
    open_page(window, qtbot, "Roadmap")
    view = window.roadmap
    assert texts(view.unit) == [
        "Program: Python Basics [A-PY]",
        "Program: Python Basics [B-PY]",
        "Program: Python Track",
        "Course: Data Analysis with Pandas",  # courses by title
        "Course: Introduction to Python [INTRO-PY]",
        "Course: Introduction to Python [PY-101]",
    ]
    choose(view.unit, "Program: Python Track")
    path = tmp_path / "track.svg"
    export_svg(qtbot, view, path)
    shown, title = svg_words(path)
    assert title == "Outcome roadmap: Python Track"
    assert "Introduction to Python [PY-101]" in shown
    assert "Introduction to Python [INTRO-PY]" in shown
    assert "Data Analysis with Pandas" in shown and "Pandas [" not in shown


def test_the_roadmap_command_names_the_course_it_drew(providers_path, tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    out = tmp_path / "b-intro.svg"
    args = parser.parse_args(["roadmap", str(providers_path), "--unit", "b-intro", "-o", str(out)])
    assert args.run(args) == 0
    _, title = svg_words(out)
    assert title == "Outcome roadmap: Introduction to Python [INTRO-PY]"
    assert "the course Introduction to Python [INTRO-PY]" in capsys.readouterr().err
