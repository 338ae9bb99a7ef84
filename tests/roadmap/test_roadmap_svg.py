"""The roadmap's SVG: well-formed, readable without colour, escaped, deterministic."""

import xml.etree.ElementTree as ET

from designer.model import Bloom, Catalog, Course, Module, Outcome, Program, Totals
from designer.roadmap import roadmap, roadmap_svg, svg_text, write_svg
from designer.roadmap.svg import PALETTE, text_colour
from designer.roadmap.textfit import text_width

SVG = "{http://www.w3.org/2000/svg}"
CSHARP = "introduction-to-programming-with-csharp"


def texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_svg_is_well_formed_and_sized_by_its_view_box(sample):
    root = ET.fromstring(roadmap_svg(sample, Totals(sample), CSHARP))
    assert root.tag == f"{SVG}svg"
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert width > 600 and height > 300


def test_the_legend_names_all_six_levels_and_the_marks(sample):
    drawn = texts(roadmap_svg(sample, Totals(sample), "full-stack"))
    for name in ("Remember", "Understand", "Apply", "Analyze", "Evaluate", "Create"):
        assert name in drawn
    assert "I" in drawn and "M" in drawn
    assert any(text.startswith("introduced") for text in drawn)
    assert any(text.startswith("mastered") for text in drawn)


def test_every_box_names_its_level_in_words_not_only_colour(sample):
    drawn = texts(roadmap_svg(sample, Totals(sample), CSHARP))
    for cell in roadmap(sample, Totals(sample), CSHARP).cells:
        assert f"{cell.label} \u00b7 {cell.bloom.value.capitalize()}" in drawn


def test_columns_and_rows_are_labelled(sample):
    drawn = texts(roadmap_svg(sample, Totals(sample), CSHARP))
    assert {"Week 1 \u00b7 10 h", "Week 2 \u00b7 10 h", "Week 3 \u00b7 10 h"} <= set(drawn)
    assert {"O1", "O2", "O3"} <= set(drawn)


def test_gaps_are_outlined_in_red_dashes_and_said_in_words(sample):
    svg = roadmap_svg(sample, Totals(sample), "full-stack")
    assert 'stroke="#c62828" stroke-width="2" stroke-dasharray="6 4"' in svg
    drawn = texts(svg)
    assert "not addressed by any course" in drawn
    assert "O2 is addressed by no course" in drawn


def test_markup_characters_and_quotes_in_text_are_escaped():
    tricky = "Compare <b>A</b> & \"B\" with 'C'"
    module = Module(
        id="m", title="Week 1: <script>", outcomes=[Outcome(id="mo", text=tricky, supports=["o"])]
    )
    course = Course(
        id="c",
        title='Tom & Jerry\'s "<Course>"',
        module_ids=["m"],
        outcomes=[Outcome(id="o", text="Use \x0b<tags> & more", bloom=Bloom.APPLY)],
    )
    catalog = Catalog(courses=[course], modules=[module])
    svg = roadmap_svg(catalog, Totals(catalog), "c")
    assert "<b>" not in svg and "<script>" not in svg and "<Course>" not in svg
    assert "&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;" in svg
    root = ET.fromstring(svg)  # also: the control character is gone
    assert root.find(f"{SVG}title").text == 'Outcome roadmap: Tom & Jerry\'s "<Course>"'
    assert "Use <tags> & more" in texts(svg)


def test_the_same_roadmap_gives_the_same_bytes(sample):
    first = roadmap_svg(sample, Totals(sample), "full-stack")
    assert roadmap_svg(sample, Totals(sample), "full-stack") == first


def wide_course(weeks: int) -> Catalog:
    modules = [
        Module(
            id=f"w{n}",
            title=f"Week {n}: Topic {n}",
            outcomes=[Outcome(id=f"w{n}o", text=f"Do {n}", bloom=Bloom.APPLY, supports=["o"])],
        )
        for n in range(1, weeks + 1)
    ]
    course = Course(
        id="c",
        title="Wide",
        module_ids=[m.id for m in modules],
        outcomes=[Outcome(id="o", text="Do it all", bloom=Bloom.APPLY)],
    )
    return Catalog(courses=[course], modules=modules, programs=[Program(id="p")])


def test_the_picture_grows_with_its_columns():
    widths = {}
    for weeks in (4, 15):
        catalog = wide_course(weeks)
        svg = roadmap_svg(catalog, Totals(catalog), "c")
        widths[weeks] = float(ET.fromstring(svg).get("width"))
        assert f"Week {weeks} \u00b7 0 h" in texts(svg)
    assert widths[15] > widths[4] * 1.5


def test_text_on_each_level_colour_is_readable():
    for level, fill in PALETTE.items():
        ink = text_colour(fill)
        dark = level in (Bloom.EVALUATE, Bloom.CREATE)
        assert ink == ("#ffffff" if dark else "#1f2933"), level


def test_write_svg_writes_the_svg_text(sample, tmp_path):
    found = roadmap(sample, Totals(sample), CSHARP)
    path = tmp_path / "roadmap.svg"
    write_svg(found, path)
    assert path.read_text(encoding="utf-8") == svg_text(found)


def test_a_program_without_outcomes_says_so_rather_than_no_gaps():
    catalog = Catalog(programs=[Program(id="new", title="New Certificate")])
    shown = " ".join(texts(roadmap_svg(catalog, Totals(catalog), "new")))
    assert "Nothing to check yet: the program has no outcomes." in shown
    assert "No gaps" not in shown


def test_a_program_with_courses_but_no_outcomes_says_so_rather_than_blame_its_courses():
    catalog = Catalog(
        programs=[Program(id="new", title="New Certificate", course_ids=["a", "b"])],
        courses=[Course(id="a", title="A", hours=20), Course(id="b", title="B", hours=10)],
    )
    shown = " ".join(texts(roadmap_svg(catalog, Totals(catalog), "new")))
    assert "Nothing to check yet: the program has no outcomes." in shown
    assert "addressing no outcome" not in shown and "Gaps" not in shown


def test_the_not_served_banner_of_a_one_week_course_fits_in_its_box():
    # A course being written, one week so far, and an outcome no week serves yet.
    week = Module(id="w1", title="Week 1: Start", hours=5)
    course = Course(
        id="c",
        title="New course",
        module_ids=["w1"],
        outcomes=[Outcome(id="o1", text="Create things", bloom=Bloom.CREATE)],
    )
    catalog = Catalog(courses=[course], modules=[week])
    root = ET.fromstring(roadmap_svg(catalog, Totals(catalog), "c"))
    [box] = [
        r
        for r in root.iter(f"{SVG}rect")
        if r.get("fill") == "#fff5f5" and r.get("stroke-dasharray")
    ]
    left, width = float(box.get("x")), float(box.get("width"))
    banner = [
        t
        for t in root.iter(f"{SVG}text")
        if t.get("fill") == "#c62828" and t.get("text-anchor") == "middle"
    ]
    assert " ".join(t.text for t in banner) == "not served by any module outcome"
    for line in banner:
        half = text_width(line.text, float(line.get("font-size")), bold=True) / 2
        middle = float(line.get("x"))
        assert left < middle - half and middle + half < left + width, line.text
