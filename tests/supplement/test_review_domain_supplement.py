"""The supplement as a panel reads it, on what a domain review found.

Hours beside credits that were rounded up into another credit's worth ("425 h ... 16 ECTS,
rounded down"), a final supplement stating the ECTS of a course half detailed, fact numbers
out of order and colliding with the section numbers, and the designer's "Bloom level not set"
printed for learners.
"""

import json
import re

from supplement_helpers import pdf_text, poppler, supplement_of
from test_supplement_command import run
from test_supplement_html import text_of

from designer.storage import save
from designer.supplement import open_badge, supplement_html, write_supplement

FOUNDATIONS = "foundations-of-coding-full-stack"
CSHARP = "introduction-to-programming-with-csharp"


def supplement_command(catalog, tmp_path, fmt, *more):
    """Save the catalog, run `supplement` on its Full Stack certificate: (status, output)."""
    path = tmp_path / "catalog.curriculum.json"
    save(catalog, path)
    out = tmp_path / f"supplement.{fmt}"
    status = run(
        "supplement", str(path), "--program", "full stack", "--format", fmt, "-o", str(out), *more
    )
    return status, out


# ---- D8: the hours stated are the hours the credits are computed from ---------------------


def test_hours_beside_the_credits_are_not_rounded_up_into_another_credit(qapp, sample, tmp_path):
    """424.997 h earn 16 ECTS rounded down; the supplement said "425 h", which is 17 ECTS."""
    sample.set_field(sample.get(FOUNDATIONS), "hours", 41.9967)  # the program: 424.9967 h
    status, out = supplement_command(sample, tmp_path, "html")
    assert status == 0
    text = text_of(out.read_text())
    assert "Notional workload 16 ECTS (424.99 h at 25 h per credit, rounded down)" in text
    assert "Total, 12 courses 424.99 16 ECTS" in text
    assert "Workload: 16 ECTS (424.99 h at 25 h per credit, rounded down);" in text
    assert "425 h" not in text and "courses 425 " not in text
    status, out = supplement_command(sample, tmp_path, "pdf")
    assert status == 0
    text = pdf_text(out)
    assert "16 ECTS (424.99 h at 25 h per credit, rounded down)" in text
    assert "Total, 12 courses 424.99 16 ECTS" in text
    assert "425 h at" not in text and "courses 425 " not in text
    badge = open_badge(supplement_of(sample, "full-stack"))
    assert "Workload 424.99 hours: 16 ECTS credits" in badge["description"]


def test_whole_hours_still_read_whole(sample):
    text = text_of(supplement_html(supplement_of(sample, "full-stack")))
    assert "16 ECTS (422 h at 25 h per credit, rounded down)" in text
    assert "Total, 12 courses 422 16 ECTS" in text


# ---- D9: no final supplement while declared hours disagree with their parts ------------------


def half_detailed(catalog):
    """The C# course declares 30 h, but only its first week (10 h) is written; its week 1
    declares 12 h for items of 10 h."""
    course = catalog.get(CSHARP)
    while len(course.module_ids) > 1:
        catalog.remove(course, "module_ids", 1)
    catalog.set_field(catalog.get("csharp-w1"), "hours", 12.0)
    return catalog


def test_a_final_supplement_is_refused_while_a_course_declares_other_hours(
    sample, tmp_path, capsys
):
    """It stated 15 ECTS (402 h) for the 16 ECTS certificate, without a draft mark."""
    status, out = supplement_command(half_detailed(sample), tmp_path, "html")
    assert status == 2 and not out.exists()
    err = " ".join(capsys.readouterr().err.split())
    assert "lacks 1 required fact: workload in ECTS (" in err
    assert (
        "the course “Introduction to Programming With C#” declares 30 h, but its modules add "
        "up to 10 h; the module “Week 1: C# fundamentals: syntax, types and variables” of "
        "“Introduction to Programming With C#” declares 12 h, but its items add up to 10 h" in err
    )
    assert "--draft" in err


def test_a_draft_marks_the_workload_and_says_which_hours_disagree(qapp, sample, tmp_path):
    status, out = supplement_command(half_detailed(sample), tmp_path, "html", "--draft")
    assert status == 0
    text = text_of(out.read_text())
    assert "DRAFT CERTIFICATE SUPPLEMENT" in text
    assert "Notional workload MISSING: workload in ECTS the course “Introduction to" in text
    assert "Total, 12 courses 402 MISSING: workload in ECTS" in text
    assert (
        "Workload: no credits can be stated while hours declared disagree with their parts: "
        "the course “Introduction to Programming With C#” declares 30 h" in text
    )
    assert "ECTS (" not in text and "15 ECTS" not in text
    status, out = supplement_command(sample, tmp_path, "pdf", "--draft")
    assert status == 0
    text = pdf_text(out)
    assert "MISSING: workload in ECTS" in text and "15 ECTS" not in text
    assert "declares 30 h, but its modules add up to 10 h" in text


def test_the_json_drafts_state_no_credits_while_hours_disagree(sample, tmp_path):
    status, out = supplement_command(half_detailed(sample), tmp_path, "badge", "--draft")
    assert status == 0
    badge = json.loads(out.read_text())
    assert "creditsAvailable" not in badge
    assert badge["name"].startswith("DRAFT: ")


# ---- D12: the six facts marked in reading order, apart from the section numbers -------------


def test_the_six_facts_are_marked_a_to_f_in_the_order_they_are_read(qapp, sample, tmp_path):
    """The badges read 2, 1, 3, 4, 5, 6, beside sections numbered 1, 2, 3."""
    text = text_of(supplement_html(supplement_of(sample, "full-stack")))
    marks = re.findall(
        r"\b([A-F1-6]) (Country of the issuer|Learning outcomes|Notional workload|Level \(EQF\)"
        r"|Type of assessment|Form of participation)",
        text,
    )
    assert [mark for mark, _ in marks] == list("ABCDEF")
    assert (
        "Marked A-F: the six facts the accreditation condition asks for (A issuer country, "
        "B learning outcomes, C workload in ECTS, D EQF level, E type of assessment, "
        "F mode of study)." in text
    )
    status, out = supplement_command(sample, tmp_path, "pdf")
    assert status == 0
    layout = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(out), "-")
    badges = re.findall(
        r"^\s*([A-F1-6])\s+(?:Country|Learning|Notional|Level|Type of a|Form)", layout, re.M
    )
    assert badges == list("ABCDEF")
    assert re.search(r"^\s*1\s+The certificate", layout, re.M)


# ---- D14: "Bloom level not set" is for the designer, not for the final document ------------


def test_a_final_supplement_leaves_out_an_unset_bloom_level(qapp, sample, tmp_path):
    program = sample.program("full-stack")
    sample.set_field(program.outcomes[1], "bloom", None)
    status, out = supplement_command(sample, tmp_path, "html")
    assert status == 0
    text = text_of(out.read_text())
    assert "Bloom level not set" not in text
    assert "into a secure, deployable application. Evaluate" in text  # the next outcome
    status, out = supplement_command(sample, tmp_path, "pdf")
    assert "Bloom level not set" not in pdf_text(out)
    # A draft keeps the note for the designer.
    sample.set_field(program, "issuer_country", None)
    status, out = supplement_command(sample, tmp_path, "html", "--draft")
    assert "into a secure, deployable application. (Bloom level not set)" in text_of(
        out.read_text()
    )
    draft = tmp_path / "draft.pdf"
    write_supplement(supplement_of(sample, "full-stack"), draft, "pdf", draft=True)
    assert "(Bloom level not set)" in pdf_text(draft)
