"""The overlaps and pathway commands, run as a designer or a server script would run them."""

import json
import subprocess
import sys

from designer.cli import main
from designer.model import Course
from designer.storage import load, save

CSHARP = "introduction-to-programming-with-csharp"
FOUNDATIONS = {
    "foundations-of-coding-full-stack",
    "foundations-of-coding-back-end",
    "foundations-of-coding-front-end",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "designer", *args], capture_output=True, text=True)


def test_overlaps_json_lists_the_pairs_that_share_hours_and_the_duplicates(sample_path):
    result = run("overlaps", str(sample_path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"pairs", "duplicates"}
    pairs = {(p["from"], p["to"]): p for p in report["pairs"]}
    developers = ("full-stack", "back-end", "front-end")
    assert set(pairs) == {(a, b) for a in developers for b in developers if a != b}
    front_to_full = pairs[("front-end", "full-stack")]
    assert set(front_to_full) == {"from", "to", "shared_hours", "coverage", "relation", "shared"}
    assert front_to_full["relation"] == "overlaps"  # as the table prints it
    assert front_to_full["shared_hours"] == 30 + 39 + 35
    assert front_to_full["coverage"] == round(104 / 422, 4)
    assert front_to_full["shared"] == [
        "introduction-to-programming-with-csharp",
        "introduction-to-web-development",
        "blazor-for-front-end-development",
    ]
    back_to_full = pairs[("back-end", "full-stack")]
    assert (back_to_full["shared_hours"], back_to_full["coverage"]) == (270, round(270 / 422, 4))
    assert pairs[("full-stack", "back-end")]["coverage"] == round(270 / 309, 4)
    duplicates = report["duplicates"]
    assert len(duplicates) == 3
    for group in duplicates:
        assert set(group) == {"kind", "level", "units", "score", "reason"}
        assert group["kind"] == "near" and set(group["units"]) <= FOUNDATIONS
        assert group["level"] == "course"  # the units' kind: course, module or item
        assert "% alike" in group["reason"]


def test_overlaps_prints_a_table_and_the_duplicates(sample_path):
    result = run("overlaps", str(sample_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert ["MS-FED", "MS-FSD", "104", "h", "24.6", "%", "overlaps"] in [
        line.split() for line in lines
    ]
    assert ["MS-BED", "MS-FSD", "270", "h", "64.0", "%", "overlaps"] in [
        line.split() for line in lines
    ]
    assert not any("MS-PRC" in line for line in lines)
    assert "Duplicates (3)" in lines
    assert any(
        "“Foundations of Coding Back-End” / “Foundations of Coding Front-End”" in line
        for line in lines
    )


def test_pathway_json_for_a_front_end_holder_towards_full_stack(sample_path):
    result = run(
        "pathway", str(sample_path), "--have", "front-end", "--target", "full stack", "--json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["target"] == "full-stack"
    assert report["credited_hours"] == 30 + 39 + 35
    assert report["remaining_hours"] == 422 - 104
    assert report["remaining_weeks"] == 32  # 318 h at 10 h a week, rounded up
    assert report["remaining"] == [
        "foundations-of-coding-full-stack",
        "back-end-development-with-dotnet",
        "database-integration-and-management",
        "full-stack-integration",
        "security-and-authentication",
        "performance-optimization-and-scalability",
        "data-structures-and-algorithms",
        "deployment-and-devops",
        "full-stack-developer-capstone-project",
    ]
    # Public Relations: 136 h, nothing shared; Back-End: 309 - 30; Full Stack: 422 - 104.
    assert report["next"] == [
        {"program": "pr-communications", "remaining_hours": 136},
        {"program": "back-end", "remaining_hours": 279},
        {"program": "full-stack", "remaining_hours": 318},
    ]


def test_pathway_says_where_to_start(sample_path, capsys):
    assert main(["pathway", str(sample_path), "--have", "MS-BED", "--target", "MS-FSD"]) == 0
    out = capsys.readouterr().out
    assert "credited 270 h of 422 h" in out
    assert "remaining 152 h, about 16 weeks at 10 h a week" in out
    assert "Start with “Foundations of Coding Full-Stack”." in out


def test_pathway_to_a_certificate_without_courses_says_it_has_none(sample_path, tmp_path, capsys):
    catalog = load(sample_path)
    empty = catalog.program("full-stack").model_copy(
        update={"id": "empty", "code": "EMPTY", "title": "Empty", "outcomes": [], "course_ids": []}
    )
    catalog.insert(None, "programs", 4, empty)
    path = tmp_path / "empty.curriculum.json"
    save(catalog, path)
    assert main(["pathway", str(path), "--have", "MS-BED", "--target", "EMPTY"]) == 0
    out = capsys.readouterr().out
    assert "The certificate has no courses yet: add some to plan a way to it." in out
    assert "Nothing remains" not in out
    # Nor is it the cheapest next certificate, at 0 h to go.
    assert "EMPTY" not in out.split("fewest hours to go first:")[1]


def test_a_holding_may_be_a_course_by_its_title(sample_path, capsys):
    args = ["pathway", str(sample_path), "--have", "introduction to programming with c#"]
    assert main([*args, "--target", "back-end", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["credited_hours"], report["remaining_hours"]) == (30, 309 - 30)


def test_an_ambiguous_holding_lists_the_candidates_and_exits_2(sample_path):
    result = run("pathway", str(sample_path), "--have", "developer", "--target", "full stack")
    assert result.returncode == 2
    assert "'developer' matches 3 programs" in result.stderr
    assert "MS-FSD" in result.stderr and "MS-BED" in result.stderr and "MS-FED" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_an_unknown_name_exits_2_without_a_traceback(sample_path):
    result = run("pathway", str(sample_path), "--have", "astrophysics", "--target", "full stack")
    assert result.returncode == 2
    assert "no program matches 'astrophysics'" in result.stderr
    assert "course" in result.stderr and "Traceback" not in result.stderr
    target = run(
        "pathway",
        str(sample_path),
        "--have",
        "front-end",
        "--target",
        "blazor for front-end development",
    )
    assert target.returncode == 2 and "Traceback" not in target.stderr


def test_pathway_tells_apart_two_courses_of_one_title(sample_path, tmp_path, capsys):
    # The Back-End certificate gets its own copy of the C# course, same title and code.
    catalog = load(sample_path)
    original = catalog.courses[CSHARP]
    copy = original.model_copy(update={"id": "csharp-for-back-end", "outcomes": []})
    catalog.add_unit(copy)
    back_end = catalog.program("back-end")
    row = back_end.course_ids.index(CSHARP)
    catalog.remove(back_end, "course_ids", row)
    catalog.insert(back_end, "course_ids", row, copy.id)
    path = tmp_path / "copied.curriculum.json"
    save(catalog, path)

    args = ["pathway", str(path), "--have", "csharp-for-back-end", "--target", "MS-FSD"]
    assert main(args) == 0
    out = capsys.readouterr().out
    title = "Introduction to Programming With C#"
    assert f"holding the course “{title} (in MS-BED)”" in out
    # The copy shares the original's modules: holding it covers the original.
    assert f"    done  {title} (in MS-FSD, MS-FED)\n" in out


def test_overlaps_json_and_table_list_a_course_shared_before_it_has_hours(
    sample_path, tmp_path, capsys
):
    # A new course, no module yet, put in the Full Stack and the PR certificates.
    catalog = load(sample_path)
    catalog.add_unit(Course(id="portfolio", title="Portfolio Workshop"))
    for program_id in ("full-stack", "pr-communications"):
        program = catalog.program(program_id)
        catalog.insert(program, "course_ids", len(program.course_ids), "portfolio")
    path = tmp_path / "new-course.curriculum.json"
    save(catalog, path)

    assert main(["overlaps", str(path), "--json"]) == 0
    pairs = {(p["from"], p["to"]): p for p in json.loads(capsys.readouterr().out)["pairs"]}
    assert pairs[("pr-communications", "full-stack")]["shared"] == ["portfolio"]
    assert pairs[("pr-communications", "full-stack")]["shared_hours"] == 0
    assert main(["overlaps", str(path)]) == 0
    table = capsys.readouterr().out
    assert any(line.split()[:3] == ["MS-PRC", "MS-FSD", "0"] for line in table.splitlines())


def test_pathway_to_a_certificate_held_says_nothing_remains_without_an_empty_list(
    sample_path, capsys
):
    assert main(["pathway", str(sample_path), "--have", "MS-FSD", "--target", "MS-FSD"]) == 0
    out = capsys.readouterr().out
    assert "credited 422 h of 422 h (12 courses done)" in out
    assert "  Nothing remains: the learner has every course of it." in out
    assert "remaining 0 h" not in out  # "about 0 weeks at 10 h a week:" and no list after
