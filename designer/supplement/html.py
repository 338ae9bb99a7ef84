"""The supplement as one self-contained HTML page, for browsers and for Qt's rich-text engine."""

from __future__ import annotations

import base64
import re
from html import escape

from designer.model import format_hours
from designer.supplement.elements import (
    DELIVERY_WORDS,
    PACE_WORDS,
    Element,
    courses_without_hours,
    not_counted,
    weeks_text,
)
from designer.supplement.facts import EQF_SOURCE, Supplement, require_complete
from designer.supplement.stacking import UNNAMED_SHARE

BLANK = "_" * 34
# The six accreditation facts are marked by letters in the order the page lists them: their
# numbers in the condition (1 learning outcomes, 2 country) read out of order here, and
# beside the numbered sections.
FACT_MARKS = "ABCDEF"
NO_BLOOM = "Bloom level not set"
NO_HOURS = "no hours yet"
ROADMAP_WIDTH = 640  # pixels: the width of the text on an A4 page at 96 dpi
# Each picture of the roadmap in the page, in the drawing's units: three courses wide, it is
# shown 640 px wide, so its smallest text (10.5) stays 7.8 px; a longer roadmap takes more.
ROADMAP_PAGE = (860.0, 1100.0)
ROADMAP_TEXT = (
    "For each learning outcome of the certificate, the highest Bloom level each course "
    "reaches, course by course."
)

# Only what Qt's rich-text engine understands: tables, cell padding and borders, colours, pt
# sizes, class selectors. Browsers show the same page.
STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 9pt;
       color: #1d232b; }
h1 { font-size: 16pt; font-weight: bold; color: #ffffff; margin-top: 3px; margin-bottom: 5px; }
h2 { font-size: 11.5pt; font-weight: bold; color: #1f3a5f; margin-top: 21px; margin-bottom: 8px; }
p { margin-top: 0; margin-bottom: 7px; }
table { border-collapse: collapse; }
td, th { vertical-align: top; padding-left: 5px; padding-right: 5px; padding-top: 3px;
         padding-bottom: 3px; }
th { background-color: #e8edf4; color: #1f3a5f; font-weight: bold; text-align: left;
     border-bottom: 1px solid #9aa9bd; }
td { border-bottom: 1px solid #d5dce6; }
ol, ul { margin-top: 0; margin-bottom: 0; margin-left: 0; }
li { margin-bottom: 3px; }
.banner td { background-color: #1f3a5f; color: #ffffff; border-bottom: none; padding-left: 14px;
             padding-right: 14px; padding-top: 12px; padding-bottom: 12px; }
.kicker { font-size: 8pt; font-weight: bold; color: #b9cbe3; margin-bottom: 0; }
.subtitle { font-size: 9.5pt; color: #dfe8f3; margin-bottom: 0; }
.intro { color: #46505c; margin-top: 11px; }
.group td { background-color: #f3f5f8; color: #1f3a5f; font-weight: bold; font-size: 8.5pt;
            border-bottom: 1px solid #9aa9bd; }
.fact { color: #ffffff; background-color: #2f6db5; font-weight: bold; font-size: 8pt;
        text-align: center; }
.nofact { font-size: 8pt; }
.label { font-weight: bold; color: #2b3540; }
.hint { color: #6b7682; font-size: 8pt; }
.blank { color: #8a96a3; }
.bloom { color: #6b7682; font-size: 8pt; }
.missing { color: #b00020; background-color: #fde7ea; font-weight: bold; }
.draft td { background-color: #fde7ea; color: #7a0015; border: 1px solid #e4a2ad; }
.total td { font-weight: bold; border-top: 1px solid #9aa9bd; border-bottom: none; }
.note { color: #5a6470; font-size: 8pt; margin-top: 5px; }
.stack { margin-bottom: 9px; }
.stackhead { font-weight: bold; color: #1f3a5f; }
.roadmap { width: 100%; height: auto; }
.footer { color: #8a96a3; font-size: 7.5pt; margin-top: 24px; }
"""


def _own(text: str) -> str:
    """Text a designer typed, inside the page's English: isolated, in the direction of its
    own script (an Arabic or Hebrew title reads right to left, the sentence around it not)."""
    return f'<span dir="auto">{escape(text)}</span>'


def supplement_html(
    supplement: Supplement, draft: bool = False, *, roadmap_inline: bool = True
) -> str:
    """A complete HTML document; raises MissingFacts when a fact is missing, unless `draft`.

    In a draft, each missing fact shows a marked placeholder ("MISSING: issuer country").
    With `roadmap_inline` False the outcome roadmap is left to pages of its own (the PDF
    draws it there in landscape, where its text stays legible) and the section says so.
    The roadmap shows the design's gaps only in a draft: a final supplement is for learners.

    The page is English, left to right; what designers typed may be in any script, so each
    element that holds it has dir="auto" (a block takes the direction of its own text) and
    a title inside a sentence of the page is isolated (see _own).
    """
    if not draft:
        require_complete(supplement)
    s = supplement
    missing = [e for e in s.elements if e.missing]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Certificate supplement: {escape(s.title or s.program_id)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        _banner(s, bool(missing)),
    ]
    if missing:
        parts.append(_draft_notice(missing))
    parts += [
        '<p class="intro">This supplement describes the certificate as the curriculum defines it, '
        "element by element as the EU standard for micro-credentials lists them (Council "
        "Recommendation 2022/C 243/02, Annex I). The learner, the date of issue and the grade are "
        "left blank, to be filled in when a certificate is issued.</p>",
        "<h2>1&nbsp;&nbsp;The certificate</h2>",
        _elements_table(s, bool(missing)),
        f'<p class="note">Marked {FACT_MARKS[0]}-{FACT_MARKS[5]}: the six facts the '
        f"accreditation condition asks for ({_fact_list(s)}).</p>",
        # The elements make the first page; the details follow on the next when printed.
        '<h2 style="page-break-before: always">2&nbsp;&nbsp;Level: EQF descriptors</h2>',
        _descriptors(s),
        "<h2>3&nbsp;&nbsp;Courses and workload</h2>",
        _courses(s),
        "<h2>4&nbsp;&nbsp;Stacking options</h2>",
        _stacking(s),
    ]
    if s.roadmap is not None:
        parts.append("<h2>5&nbsp;&nbsp;Outcome roadmap</h2>")
        if roadmap_inline:
            parts.append(_roadmap(roadmap_pictures(s, ROADMAP_PAGE, bool(missing))))
        else:
            parts.append(f"<p>{ROADMAP_TEXT} It follows, on pages of its own.</p>")
    parts += [
        f'<p class="footer">Certificate supplement of {_own(s.title or s.program_id)}'
        f"{' (' + _own(s.code) + ')' if s.code else ''}, written by Curriculum Designer "
        "from the curriculum catalog.</p>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _banner(s: Supplement, is_draft: bool) -> str:
    typed = [s.code, s.awarding_body]
    facts = [_own(fact) for fact in typed if fact] + [escape(s.country_name or "")]
    if s.eqf_level:
        facts.append(escape(f"EQF level {s.eqf_level}"))
    if s.states_credits:  # under one credit there is no workload in ECTS to state (a draft says so)
        facts.append(escape(f"{format_hours(s.ects)} ECTS"))
    if s.delivery is not None and s.pace is not None:
        facts.append(escape(f"{DELIVERY_WORDS[s.delivery]}, {PACE_WORDS[s.pace]}"))
    subtitle = " &nbsp;·&nbsp; ".join(fact for fact in facts if fact)
    kicker = "DRAFT CERTIFICATE SUPPLEMENT" if is_draft else "CERTIFICATE SUPPLEMENT"
    title = escape(s.title) if s.title else _missing("title")
    return (
        '<table class="banner" width="100%" cellspacing="0" bgcolor="#1f3a5f"><tr><td>'
        f'<p class="kicker">{kicker}</p><h1 dir="auto">{title}</h1>'
        f'<p class="subtitle">{subtitle}</p></td></tr></table>'
    )


def _draft_notice(missing: list[Element]) -> str:
    names = ", ".join(escape(e.name) for e in missing)
    count = len(missing)
    return (
        '<table class="draft" width="100%" cellspacing="0"><tr><td>'
        f"<b>Draft: {count} required fact{'s are' if count != 1 else ' is'} missing</b> "
        f"({names}). The places are marked below; this document is not a complete supplement."
        "</td></tr></table>"
    )


def _missing(name: str) -> str:
    return f'<span class="missing">&nbsp;MISSING: {escape(name)}&nbsp;</span>'


def _fact_marks(s: Supplement) -> dict[str, str]:
    """Each accreditation fact's mark by its element's key, in the order the page lists them."""
    facts = [element.key for element in s.elements if element.fact is not None]
    return dict(zip(facts, FACT_MARKS, strict=True))


def _fact_list(s: Supplement) -> str:
    """ "A country of the issuer, B learning outcomes, ..."."""
    marks = _fact_marks(s)
    return ", ".join(f"{marks[e.key]} {e.name}" for e in s.elements if e.key in marks)


def _elements_table(s: Supplement, is_draft: bool) -> str:
    marks = _fact_marks(s)
    rows = [
        '<table class="elements" width="100%" cellspacing="0">',
        '<tr class="group"><td colspan="3">Mandatory elements</td></tr>',
    ]
    optional_started = False
    for element in s.elements:
        if not element.mandatory and not optional_started:
            rows.append('<tr class="group"><td colspan="3">Optional elements</td></tr>')
            optional_started = True
        marker = (
            f'<td class="fact" width="18" align="center">{marks[element.key]}</td>'
            if element.key in marks
            else '<td class="nofact" width="18"></td>'
        )
        rows.append(
            f'<tr>{marker}<td class="label" width="30%">{escape(element.label)}</td>'
            f"<td>{_value(s, element, is_draft)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _value(s: Supplement, element: Element, is_draft: bool) -> str:
    if element.at_issue:
        hint = "to be filled in at issue"
        if element.hint:
            hint += f"; {element.hint}"
        return f'<span class="blank">{BLANK}</span><br><span class="hint">{escape(hint)}</span>'
    if element.value is None:
        if not element.required:
            return '<span class="hint">not stated</span>'
        problem = f'<div class="hint">{escape(element.problem)}</div>' if element.problem else ""
        return _missing(element.name) + problem
    if element.key == "learning_outcomes":
        return _outcomes(s, is_draft)
    # A line each, in its own direction: "Language of instruction: English", then a
    # description in Arabic.
    lines = "".join(f'<div dir="auto">{escape(line)}</div>' for line in element.value.split("\n"))
    if element.hint:
        lines += f'<div class="hint">{escape(element.hint)}</div>'
    return lines


def _outcomes(s: Supplement, is_draft: bool) -> str:
    items = []
    for outcome in s.outcomes:
        # "Bloom level not set" is a note to the designer: a final supplement leaves it out.
        level = outcome.bloom or (NO_BLOOM if is_draft else "")
        bloom = f' <span class="bloom">({escape(level)})</span>' if level else ""
        items.append(f'<li dir="auto">{escape(outcome.text)}{bloom}</li>')
    return f"<ol>{''.join(items)}</ol>"


def _descriptors(s: Supplement) -> str:
    if not s.eqf_descriptors:
        return f"<p>{_missing('EQF level')}</p>"
    rows = [
        '<table width="100%" cellspacing="0">',
        "<thead><tr><th>Level</th><th>Knowledge</th><th>Skills</th>"
        "<th>Responsibility and autonomy</th></tr></thead>",
    ]
    for d in s.eqf_descriptors:
        rows.append(
            f"<tr><td><b>{d.level}</b></td><td>{escape(d.knowledge)}</td>"
            f"<td>{escape(d.skills)}</td><td>{escape(d.responsibility_autonomy)}</td></tr>"
        )
    rows.append("</table>")
    if len(s.eqf_descriptors) > 1:
        levels = f"{s.eqf_descriptors[0].level} to {s.eqf_descriptors[-1].level}"
        rows.append(
            f'<p class="note">The certificate spans EQF levels {levels}; the descriptors of '
            "each level are given.</p>"
        )
    rows.append(f'<p class="note">{escape(EQF_SOURCE)}</p>')
    return "\n".join(rows)


def _courses(s: Supplement) -> str:
    if not s.courses:
        return f"<p>{_missing('workload in ECTS')} (the certificate has no courses)</p>"
    rows = [
        '<table width="100%" cellspacing="0">',
        '<thead><tr><th align="right" width="6%">#</th><th>Course</th>'
        '<th align="right" width="12%">Hours</th><th width="26%">Also in</th></tr></thead>',
    ]
    for course in s.courses:
        hours = (
            format_hours(course.hours)
            if course.hours > 0
            else f'<span class="hint">{NO_HOURS}</span>'
        )
        rows.append(
            f'<tr><td align="right">{course.number}</td>'
            f'<td dir="auto">{escape(course.title)}</td>'
            f'<td align="right">{hours}</td>'
            f"<td>{', '.join(_own(title) for title in course.shared_with)}</td></tr>"
        )
    count = len(s.courses)
    # Under one credit there is no workload to state: marked missing, as in the elements.
    ects = escape(s.ects_text.split(" (")[0]) if s.states_credits else _missing("workload in ECTS")
    rows.append(
        f'<tr class="total"><td></td><td>Total, {count} course{"s" if count != 1 else ""}</td>'
        f'<td align="right">{s.hours_text}</td><td>{ects}</td></tr>'
    )
    rows.append("</table>")
    if s.states_credits:
        workload = (
            f"Workload: {escape(s.ects_text)}; credits are given for the whole certificate "
            f"only. About {weeks_text(s.weeks)} at {format_hours(s.weekly_hours)} h a week."
        )
    elif s.unequal_hours:
        workload = (
            "Workload: no credits can be stated while hours declared disagree with their "
            f"parts: {escape('; '.join(s.unequal_hours))}."
        )
    elif s.hours > 0:
        workload = (
            f"Workload: {s.hours_text} h, less than one credit "
            f"({format_hours(s.hours_per_credit)} h), so no credits can be stated."
        )
    else:
        workload = "Workload: the courses have no hours yet, so no credits can be stated."
    uncounted = not_counted(s)
    if uncounted and s.hours > 0:
        workload += f" {uncounted}: {'; '.join(map(_own, courses_without_hours(s)))}."
    rows.append(
        f'<p class="note">{workload} Also in: the other certificates that include the same '
        "course.</p>"
    )
    return "\n".join(rows)


def _stacking(s: Supplement) -> str:
    if not s.stacking:
        return (
            "<p>Stand-alone: this certificate shares no course or module with another "
            "certificate.</p>"
        )
    parts = []
    for line in s.stacking:
        code = f" ({_own(line.code)})" if line.code else ""
        # "Shares 104 h with " and the other certificate's title, isolated.
        lead = escape(line.headline().removesuffix(line.title))
        units = "; ".join(_own(title) for title in (*line.courses, *line.modules))
        parts.append(
            f'<p class="stack"><span class="stackhead">{lead}{_own(line.title)}{code}</span>'
            f"<br>{units or UNNAMED_SHARE}. {escape(line.route())}</p>"
        )
    return "\n".join(parts)


def roadmap_pictures(s: Supplement, page: tuple[float, float], diagnostics: bool) -> list[str]:
    """The roadmap as SVG pictures of at most `page` (width, height in the drawing's units),
    its columns shared out among them; with `diagnostics` (a draft) they show its gaps."""
    if s.roadmap is None:
        return []
    from designer.roadmap.svg import svg_pages  # the roadmap is there, so is its drawing

    return svg_pages(s.roadmap, page[0], page[1], diagnostics)


def _roadmap(pictures: list[str]) -> str:
    parts = [f"<p>{ROADMAP_TEXT}</p>"]
    count = len(pictures)
    for number, svg in enumerate(pictures, 1):
        # Qt sizes images by their attributes only; browsers follow the class and the width.
        width, height = _svg_size(svg)
        if width > ROADMAP_WIDTH:
            width, height = ROADMAP_WIDTH, height * ROADMAP_WIDTH / width
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        alt = "Outcome roadmap" + (f", part {number} of {count}" if count > 1 else "")
        parts.append(
            f'<p><img class="roadmap" src="data:image/svg+xml;base64,{data}" '
            f'width="{round(width)}" height="{round(height)}" alt="{alt}"></p>'
        )
    return "\n".join(parts)


def _svg_size(svg: str) -> tuple[float, float]:
    """The drawing's size in pixels, from its width and height, else its viewBox."""
    tag = re.search(r"<svg\b[^>]*>", svg)
    head = tag.group(0) if tag else ""
    sizes = []
    for name in ("width", "height"):
        match = re.search(rf'\b{name}="([0-9.]+)(px)?"', head)
        sizes.append(float(match.group(1)) if match else 0.0)
    if all(sizes):
        return sizes[0], sizes[1]
    box = re.search(r'viewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"', head)
    if box:
        return float(box.group(1)), float(box.group(2))
    return float(ROADMAP_WIDTH), ROADMAP_WIDTH * 0.5
