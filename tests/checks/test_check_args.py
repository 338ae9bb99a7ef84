"""The check command through its own argparse wiring, as designer.cli will call it."""

from __future__ import annotations

import argparse
import json

import pytest
from checks_catalogs import certificate

from designer.checks.commands import add_commands
from designer.errors import CatalogError
from designer.model import Silence
from designer.storage import save


def check(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers())
    args = parser.parse_args(["check", *arguments])
    return int(args.run(args))


def catalog_file(tmp_path, weeks: int = 4, eqf_level: str | None = "6", silenced=()):
    parts = certificate(weeks)
    parts.program().eqf_level = eqf_level
    parts.silenced.extend(silenced)
    catalog, _ = parts.build()
    path = tmp_path / "checked.curriculum.json"
    save(catalog, path)
    return path


def test_the_sample_has_no_errors_so_the_status_is_0(sample_path, capsys):
    # Its four warnings (422 h, three certificates without a capstone course) are silenced in
    # the file with the accreditation's reasons.
    assert check(str(sample_path)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("info     outcomes.bloom-verb     outcome “Integrate front-end")
    assert out[-1] == "0 errors, 0 warnings, 20 info (profile entry-level; 4 silenced)"
    assert out[-2] == ""  # a blank line before the count
    assert all("(" in line and line.endswith(")") for line in out[:-2])


def test_an_error_makes_the_status_1(tmp_path, capsys):
    assert check(str(catalog_file(tmp_path, eqf_level=None))) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("error    supplement.eqf-level  Web Developer Professional")
    assert out[-1] == "1 error, 0 warnings, 0 info (profile entry-level)"


def test_a_clean_catalog_says_so_in_its_count(tmp_path, capsys):
    assert check(str(catalog_file(tmp_path))) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings, 0 info (profile entry-level)\n"


def test_json_lists_the_findings_with_rule_severity_unit_message_and_hint(tmp_path, capsys):
    assert check(str(catalog_file(tmp_path, weeks=11, eqf_level=None)), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["findings"]
    assert [(f["rule"], f["severity"], f["unit"]) for f in report["findings"]] == [
        ("supplement.eqf-level", "error", "cert"),
        ("workload.total-hours", "warning", "cert"),
        *[("workload.course-hours", "info", f"c{n}") for n in range(1, 5)],  # 110 h each
    ]
    for finding in report["findings"]:
        assert list(finding) == ["rule", "severity", "unit", "message", "hint"]


def test_silenced_findings_are_left_out_and_counted(tmp_path, capsys):
    silence = Silence(rule="supplement.eqf-level", unit="cert", reason="level pending")
    assert check(str(catalog_file(tmp_path, eqf_level=None, silenced=[silence]))) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "0 errors, 0 warnings, 0 info (profile entry-level; 1 silenced)"
    )


def test_the_profile_can_be_chosen(tmp_path, capsys):
    path = str(catalog_file(tmp_path, weeks=3))  # 120 h, 4 ECTS
    assert check(path, "--profile", "higher-education", "--json") == 0
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert rules == ["workload.total-hours", "workload.min-ects"]


def test_an_unknown_profile_lists_the_profiles_and_gives_2(sample_path, capsys):
    assert check(str(sample_path), "--profile", "university") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown profile 'university'" in captured.err
    assert "entry-level (Entry-level professional certificate)" in captured.err
    assert "higher-education (Higher-education module)" in captured.err


def test_a_file_that_cannot_be_read_raises_the_catalog_error_the_cli_turns_into_2(tmp_path):
    broken = tmp_path / "broken.curriculum.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError):
        check(str(broken))
    with pytest.raises(CatalogError):
        check(str(tmp_path / "missing.curriculum.json"))
