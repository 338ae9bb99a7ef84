"""The README's quick start stays true: CI runs exactly its test command."""

from project import ROOT


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def test_quick_start_has_two_commands_and_ci_runs_the_test_one():
    open_sample, run_tests = quick_start_commands()
    assert "samples/microsoft-certificates.curriculum.json" in open_sample
    assert run_tests.endswith("python -m pytest")
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert run_tests in ci_script
