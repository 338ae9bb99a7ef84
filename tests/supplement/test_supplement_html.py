"""The supplement as a self-contained HTML page."""

import base64
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest
from supplement_helpers import (
    ECTS,
    HOURS,
    PROGRAMS,
    supplement_of,
    without_issuer_country_and_assessment,
)

from designer.model import Totals
from designer.supplement import MissingFacts, supplement_facts, supplement_html, write_supplement
from designer.supplement.html import BLANK


def text_of(html: str) -> str:
    """The page's visible text in one line, without tags."""
    body = html.split("<body>", 1)[1]
    body = re.sub(r"</?(span|b|i)\b[^>]*>", "", body)  # inline: no space where they are
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


class _Tags(HTMLParser):
    VOID = {"meta", "br", "img"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_the_page_states_the_six_facts(sample, program_id):
    supplement = supplement_of(sample, program_id)
    text = text_of(supplement_html(supplement))
    for outcome in supplement.outcomes:
        assert outcome.text in text
    assert "Country of the issuer United States (US)" in text
    assert f"{ECTS[program_id]} ECTS ({HOURS[program_id]} h at 25 h per credit" in text
    assert f"EQF level{'s 5 to 6' if program_id == 'front-end' else ' 6'}" in text
    assert f"Type of assessment {supplement.assessment}" in text
    assert "Online, part-time" in text
    assert "MISSING" not in text


def test_the_page_is_a_complete_well_formed_document(sample):
    html = supplement_html(supplement_of(sample, "full-stack"))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in html
    assert "<title>Certificate supplement: Microsoft Full Stack Developer" in html
    tags = _Tags()
    tags.feed(html)
    assert tags.errors == [] and tags.open == []
    assert "<link" not in html and 'src="http' not in html  # nothing to fetch


def test_learner_date_and_grade_are_blank_lines_to_fill_in(sample):
    text = text_of(supplement_html(supplement_of(sample, "full-stack")))
    assert f"Learner {BLANK} to be filled in at issue" in text
    assert f"Date of issue {BLANK} to be filled in at issue" in text
    assert f"Grade achieved {BLANK} to be filled in at issue; pass mark 80 %" in text


def test_both_levels_descriptors_are_shown_for_an_eqf_range(sample):
    supplement = supplement_of(sample, "front-end")
    text = text_of(supplement_html(supplement))
    for descriptor in supplement.eqf_descriptors:
        assert descriptor.knowledge in text
        assert descriptor.skills in text
        assert descriptor.responsibility_autonomy in text
    assert "spans EQF levels 5 to 6" in text
    assert "Council Recommendation of 22 May 2017" in text  # the descriptors' source


def test_the_course_list_and_the_stacking_options_are_on_the_page(sample):
    text = text_of(supplement_html(supplement_of(sample, "front-end")))
    assert "2 Introduction to Programming With C# 30 MS-FSD, MS-BED" in text
    assert "Total, 6 courses 212 8 ECTS" in text
    assert (
        "Shares 104 h with Microsoft Full Stack Developer Professional Certificate (MS-FSD)" in text
    )
    assert "Shares 30 h with Microsoft Back-End Developer Professional Certificate (MS-BED)" in text
    stand_alone = text_of(supplement_html(supplement_of(sample, "pr-communications")))
    assert "Stand-alone: this certificate shares no course" in stand_alone


def test_every_text_from_the_catalog_is_escaped(sample):
    program = sample.program("back-end")
    sample.set_field(program, "title", "R&D <script>alert(1)</script>")
    sample.set_field(program, "prerequisites", 'C# "basics" & <b>SQL</b>')
    html = supplement_html(supplement_facts(sample, Totals(sample), "back-end"))
    assert "<script>" not in html and "<b>SQL</b>" not in html
    assert "R&amp;D &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "C# &quot;basics&quot; &amp; &lt;b&gt;SQL&lt;/b&gt;" in html


def test_missing_facts_refuse_the_page_unless_it_is_a_draft(
    sample,
):
    catalog = without_issuer_country_and_assessment(sample)
    supplement = supplement_facts(catalog, Totals(catalog), "full-stack")
    with pytest.raises(MissingFacts, match="issuer country"):
        supplement_html(supplement)
    text = text_of(supplement_html(supplement, draft=True))
    assert "DRAFT CERTIFICATE SUPPLEMENT" in text
    assert "Draft: 2 required facts are missing (issuer country, type of assessment)" in text
    assert "Country of the issuer MISSING: issuer country" in text
    assert "Type of assessment MISSING: type of assessment" in text


def test_a_complete_draft_is_the_final_page(sample):
    supplement = supplement_of(sample, "back-end")
    assert supplement_html(supplement, draft=True) == supplement_html(supplement)


def test_the_roadmap_is_embedded_as_images_fitted_to_the_page(sample):
    html = supplement_html(supplement_of(sample, "full-stack"))
    assert "5&nbsp;&nbsp;Outcome roadmap" in html
    images = re.findall(
        r'<img class="roadmap" src="data:image/svg\+xml;base64,([^"]+)" ([^>]+)>', html
    )
    # Twelve courses, three to a picture, so that the text stays legible at 640 px.
    assert len(images) == 4
    for number, (data, attributes) in enumerate(images, 1):
        assert 'width="640"' in attributes
        assert f'alt="Outcome roadmap, part {number} of 4"' in attributes
        svg = base64.b64decode(data).decode("utf-8")
        assert f"courses {3 * number - 2}\u2013{3 * number} of 12" in svg


def test_the_roadmap_can_be_left_to_pages_of_its_own(sample):
    html = supplement_html(supplement_of(sample, "full-stack"), roadmap_inline=False)
    assert "<img" not in html
    assert "It follows, on pages of its own." in html


def test_without_a_roadmap_there_is_no_roadmap_section(sample):
    html = supplement_html(replace(supplement_of(sample, "full-stack"), roadmap=None))
    assert "Outcome roadmap" not in html


class _Directions(HTMLParser):
    """Each piece of text in the body, with the direction its nearest element gives it."""

    VOID = _Tags.VOID

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []  # tag, dir
        self.texts: list[tuple[str, str | None, str]] = []  # text, dir, tag giving it

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("dir")))

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        if data.strip() and any(tag == "body" for tag, _ in self.open):
            given = [(tag, d) for tag, d in self.open if d is not None]
            tag, direction = given[-1] if given else ("", None)
            self.texts.append((data.strip(), direction, tag))


def directions(html: str) -> _Directions:
    parser = _Directions()
    parser.feed(html)
    return parser


ARABIC = "شهادة مطوّر الواجهات الأمامية"  # "Front-end developer certificate"
HEBREW = "מבוא לפיתוח אתרים"  # "Introduction to web development"


def test_text_in_a_right_to_left_script_takes_its_own_direction(sample, tmp_path):
    program = sample.program("front-end")
    sample.set_field(program, "title", ARABIC)
    sample.set_field(program, "description", "وصف البرنامج (2025).")
    sample.set_field(sample.courses_of(program)[0], "title", HEBREW)
    sample.set_field(program.outcomes[0], "text", "بناء واجهات ويب تفاعلية")
    page = tmp_path / "front-end.html"
    write_supplement(supplement_of(sample, "front-end"), page, "html")
    found = directions(page.read_text(encoding="utf-8"))

    def holders(text):
        return [(direction, tag) for data, direction, tag in found.texts if text in data]

    # The banner's title, the element's value, the footer; the course; the outcome.
    assert holders(ARABIC) == [("auto", "h1"), ("auto", "div"), ("auto", "span")]
    assert holders("وصف البرنامج (2025).") == [("auto", "div")]
    assert holders(HEBREW) == [("auto", "td")]
    assert holders("بناء واجهات ويب تفاعلية") == [("auto", "li")]
    # The page's own words stay left to right, in no element of their own direction.
    assert holders("Title of the certificate") == [(None, "")]
    assert holders("Certificate supplement of") == [(None, "")]
    # Another certificate's page names it inside its own sentence: isolated there.
    other = directions(supplement_html(supplement_of(sample, "full-stack")))
    [(text, direction, tag)] = [t for t in other.texts if ARABIC in t[0]]
    assert (text, direction, tag) == (ARABIC, "auto", "span")
    assert any(t[0] == "Shares 104 h with" and t[1] is None for t in other.texts)
