"""The `supplement` command, on a parser of its own (designer.cli adds it)."""

import argparse
import json

import pytest
from supplement_helpers import without_issuer_country_and_assessment

from designer.model import UnknownName
from designer.storage import save
from designer.supplement.commands import add_commands


def run(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    args = parser.parse_args(arguments)
    return args.run(args)


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("pdf", b"%PDF-"), ("html", b"<!DOCTYPE html>"), ("badge", b"{"), ("elm", b"{")],
)
def test_each_format_writes_its_file(qapp, sample_path, tmp_path, capsys, fmt, start):
    out = tmp_path / f"supplement.{fmt}"
    assert (
        run(
            "supplement",
            str(sample_path),
            "--program",
            "full stack",
            "--format",
            fmt,
            "-o",
            str(out),
        )
        == 0
    )
    assert out.read_bytes().startswith(start)
    err = capsys.readouterr().err
    assert f"{out}: certificate supplement of Microsoft Full Stack Developer" in err
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_the_json_exports_are_the_badge_and_the_elm_specification(sample_path, tmp_path):
    badge, elm = tmp_path / "a.badge.json", tmp_path / "a.elm.jsonld"
    run(
        "supplement", str(sample_path), "--program", "MS-FED", "--format", "badge", "-o", str(badge)
    )
    run("supplement", str(sample_path), "--program", "MS-FED", "--format", "elm", "-o", str(elm))
    assert json.loads(badge.read_text())["type"] == ["Achievement"]
    assert json.loads(elm.read_text())["type"] == "LearningAchievementSpecification"
    assert badge.read_text().endswith("}\n")


@pytest.fixture
def incomplete(sample, tmp_path):
    path = tmp_path / "incomplete.curriculum.json"
    save(without_issuer_country_and_assessment(sample), path)
    return path


def test_missing_facts_are_named_and_nothing_is_written(incomplete, tmp_path, capsys):
    out = tmp_path / "out.html"
    code = run(
        "supplement", str(incomplete), "--program", "full-stack", "--format", "html", "-o", str(out)
    )
    assert code == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "lacks 2 required facts: issuer country" in err
    assert "type of assessment" in err
    assert "--draft" in err


def test_a_draft_marks_the_missing_facts(incomplete, tmp_path, capsys):
    out = tmp_path / "draft.html"
    code = run(
        "supplement",
        str(incomplete),
        "--program",
        "full-stack",
        "--format",
        "html",
        "-o",
        str(out),
        "--draft",
    )
    assert code == 0
    assert "MISSING: issuer country" in out.read_text()
    assert "draft: 2 missing, marked: issuer country, type of assessment" in capsys.readouterr().err


def test_an_unknown_program_is_left_to_the_command_line(sample_path, tmp_path):
    with pytest.raises(UnknownName):
        run(
            "supplement",
            str(sample_path),
            "--program",
            "nope",
            "--format",
            "html",
            "-o",
            str(tmp_path / "o.html"),
        )


def test_the_format_must_be_one_of_the_four(sample_path, tmp_path, capsys):
    with pytest.raises(SystemExit):
        run(
            "supplement",
            str(sample_path),
            "--program",
            "back-end",
            "--format",
            "docx",
            "-o",
            str(tmp_path / "o.docx"),
        )
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_a_folder_or_a_missing_folder_as_output_is_reported(
    qapp, sample_path, tmp_path, capsys, fmt
):
    def write_to(out):
        return run("supplement", str(sample_path), "--program", "full stack", "--format", fmt,
                   "-o", str(out))  # fmt: skip

    folder = tmp_path / f"supplement.{fmt}"
    folder.mkdir()
    assert write_to(folder) == 2
    assert f"{folder}: cannot write the supplement: Is a directory" in capsys.readouterr().err
    assert folder.is_dir() and not any(folder.iterdir())
    assert [path.name for path in tmp_path.iterdir()] == [folder.name]

    missing = tmp_path / "missing" / f"supplement.{fmt}"
    assert write_to(missing) == 2
    err = capsys.readouterr().err
    assert f"{missing}: cannot write the supplement: there is no folder {missing.parent}" in err
    assert not missing.parent.exists()
