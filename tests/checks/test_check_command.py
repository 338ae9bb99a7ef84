"""`curriculum-designer check` run as a designer or a CI script runs it.

These go through designer.cli: they run once `check` is one of its commands. Before that,
`python -m designer check FILE` would open the window on a file called "check".
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from checks_catalogs import certificate

from designer import cli
from designer.storage import save

pytestmark = pytest.mark.skipif(
    "check" not in cli.COMMANDS, reason="the check command is not wired into designer.cli yet"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", "check", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_sample_checks_with_status_0_and_its_warnings_silenced(sample_path):
    result = run(str(sample_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "workload.total-hours" not in result.stdout  # 422 h: silenced, accredited so
    assert lines[-1] == "0 errors, 0 warnings, 20 info (profile entry-level; 4 silenced)"


def test_json_has_the_findings_and_an_error_gives_status_1(tmp_path):
    parts = certificate()
    parts.program().issuer_country = None
    catalog, _ = parts.build()
    path = tmp_path / "no-country.curriculum.json"
    save(catalog, path)
    result = run(str(path), "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report == {
        "findings": [
            {
                "rule": "supplement.issuer-country",
                "severity": "error",
                "unit": "cert",
                "message": report["findings"][0]["message"],
                "hint": report["findings"][0]["hint"],
            }
        ]
    }
    assert "issuer country" in report["findings"][0]["message"]


def test_a_file_that_cannot_be_read_gives_status_2(tmp_path):
    broken = tmp_path / "broken.curriculum.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run(str(broken))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert result.stdout == ""


def test_an_unknown_profile_gives_status_2_and_lists_the_profiles(sample_path):
    result = run(str(sample_path), "--profile", "university")
    assert result.returncode == 2
    assert "entry-level" in result.stderr and "higher-education" in result.stderr
