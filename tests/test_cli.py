"""The command line, run as a designer or a server script would run it."""

import json
import subprocess
import sys

import pytest

from designer.cli import main


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", *args], capture_output=True, text=True, input=stdin
    )


def test_totals_prints_each_program_and_its_courses(sample_path):
    result = run("totals", str(sample_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Microsoft Full Stack Developer Professional Certificate [MS-FSD]" in out
    assert "422 h = 16 ECTS (16.88 rounded down) · 43 weeks · 12 courses" in out
    assert "309 h = 12 ECTS (12.36 rounded down) · 31 weeks · 8 courses" in out
    assert "212 h = 8 ECTS (8.48 rounded down) · 22 weeks · 6 courses" in out
    assert "136 h = 5 ECTS (5.44 rounded down) · 14 weeks · 5 courses" in out
    lines = out.splitlines()
    csharp = [line for line in lines if "Introduction to Programming With C#" in line]
    assert csharp[0].split()[-6:] == ["30", "h", "shared", "with", "MS-BED,", "MS-FED"]


def test_totals_json_has_the_documented_shape(sample_path):
    result = run("totals", str(sample_path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["hours_per_credit"] == 25
    summary = {p["code"]: (p["hours"], p["ects"], p["weeks"]) for p in report["programs"]}
    assert summary == {
        "MS-FSD": (422, 16, 43),
        "MS-BED": (309, 12, 31),
        "MS-FED": (212, 8, 22),
        "MS-PRC": (136, 5, 14),
    }
    full_stack = report["programs"][0]
    assert set(full_stack) == {"id", "code", "title", "hours", "ects", "weeks", "courses"}
    web = next(c for c in full_stack["courses"] if c["title"] == "Introduction to Web Development")
    assert web == {
        "id": "introduction-to-web-development",
        "title": web["title"],
        "hours": 39,
        "shared_with": ["front-end"],
    }


def test_totals_for_named_programs(sample_path, capsys):
    assert (
        main(
            ["totals", str(sample_path), "--program", "full stack", "--program", "MS-PRC", "--json"]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in report["programs"]] == ["full-stack", "pr-communications"]


def test_an_ambiguous_program_name_lists_the_candidates_and_exits_2(sample_path):
    result = run("totals", str(sample_path), "--program", "developer")
    assert result.returncode == 2
    assert "'developer' matches 3 programs" in result.stderr
    assert "MS-FSD" in result.stderr and "MS-BED" in result.stderr and "MS-FED" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_validate_a_good_file(sample_path):
    result = run("validate", str(sample_path))
    assert result.returncode == 0
    assert "loads without problems (4 programs, 21 courses, 6 modules, 46 items)" in result.stdout
    assert result.stderr == ""


def test_validate_reports_a_declared_hours_mismatch_as_a_warning(sample_path, tmp_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["modules"][0]["hours"] = 12
    path = tmp_path / "mismatch.curriculum.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 0
    assert (
        "warning: module 'Week 1: C# fundamentals: syntax, types and variables' (csharp-w1): "
        "declared 12 h, its items add up to 10 h"
    ) in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{ not json", "line 1, column 3: not valid JSON"),
        (
            b'{"format": "curriculum-designer", "version": 1, "programs": [{"id": "p", '
            b'"course_ids": ["x"]}]}',
            "programs[0].course_ids[0] (program p): refers to 'x'",
        ),
        (
            b'{"format": "curriculum-designer", "version": 3, "programs": '
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}",
            "line 1, column 160: nested too deeply: more than 100 levels",
        ),
        (
            b'{"format": "curriculum-designer", "version": ' + b"9" * 5000 + b"}",
            "line 1, column 46: a number of more than 4300 digits, too long to read",
        ),
        (
            b'{"format": "curriculum-designer", "version": 3, "programs": [{"id": "p", '
            b'"title": "Data \\ud800"}]}',
            'programs[0].title (program "Data \\ud800"): the text holds \\ud800, half of',
        ),
    ],
)
def test_validate_a_bad_file_exits_2_with_messages_and_no_traceback(tmp_path, content, message):
    path = tmp_path / "bad.curriculum.json"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_validate_a_missing_file(tmp_path):
    result = run("validate", str(tmp_path / "nothing.curriculum.json"))
    assert result.returncode == 2
    assert "cannot read the file" in result.stderr and "Traceback" not in result.stderr
