"""The `roadmap` command, on a parser of its own (designer.cli adds it)."""

import argparse
import resource
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from project import run_python
from PySide6.QtGui import QImage

from designer.roadmap.commands import add_commands


def run(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    args = parser.parse_args(arguments)
    return args.run(args)


def test_a_course_named_by_its_title_in_any_case_as_svg(sample_path, tmp_path, capsys):
    out = tmp_path / "csharp.svg"
    assert run("roadmap", str(sample_path), "--unit", "introduction to programming with c#",
               "-o", str(out)) == 0  # fmt: skip
    title = ET.parse(out).getroot().find("{http://www.w3.org/2000/svg}title").text
    assert title == "Outcome roadmap: Introduction to Programming With C#"
    assert "roadmap of the course Introduction to Programming With C#" in capsys.readouterr().err


def test_a_program_named_by_part_of_its_title_as_png(qapp, sample_path, tmp_path, capsys):
    out = tmp_path / "full-stack.png"
    assert run("roadmap", str(sample_path), "--unit", "full stack", "-o", str(out),
               "--width", "1000") == 0  # fmt: skip
    assert QImage(str(out)).width() == 1000
    err = capsys.readouterr().err
    assert "the program Microsoft Full Stack Developer Professional Certificate" in err


def test_a_name_that_is_nothing_or_several_programs_writes_nothing(sample_path, tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert run("roadmap", str(sample_path), "--unit", "nothing like it", "-o", str(out)) == 2
    assert "nor is it a course's id or title" in capsys.readouterr().err
    assert run("roadmap", str(sample_path), "--unit", "microsoft", "-o", str(out)) == 2
    assert "matches 4 programs" in capsys.readouterr().err
    assert not out.exists()


def test_only_svg_and_png_are_written(sample_path, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert run("roadmap", str(sample_path), "--unit", "full-stack", "-o", str(out)) == 2
    assert "write a .svg or a .png file" in capsys.readouterr().err
    assert not out.exists()


def test_an_unreadable_catalog_is_reported(tmp_path, capsys):
    bad = tmp_path / "bad.curriculum.json"
    bad.write_text("{", encoding="utf-8")
    assert run("roadmap", str(bad), "--unit", "x", "-o", str(tmp_path / "x.svg")) == 2
    assert "bad.curriculum.json" in capsys.readouterr().err


def test_an_svg_roadmap_does_not_load_qt(sample_path, tmp_path):
    code = f"""
        import sys
        from designer.roadmap.commands import run_roadmap
        from argparse import Namespace
        out = {str(tmp_path / "x.svg")!r}
        status = run_roadmap(Namespace(file={str(sample_path)!r}, unit="full-stack",
                                       output=out, width=1600))
        print(status, sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
        """
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 []"


def limited_to_8_kib() -> None:
    """In the child: files may not grow past 8 KiB, as on a disk that fills up."""
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, hard))


@pytest.mark.parametrize("name", ["roadmap.svg", "roadmap.png"])
def test_a_write_that_fails_partway_leaves_the_previous_picture(sample_path, tmp_path, name):
    out = tmp_path / name
    command = [sys.executable, "-m", "designer", "roadmap", str(sample_path), "--unit", "full",
               "-o", str(out)]  # fmt: skip
    assert subprocess.run(command, capture_output=True, timeout=300).returncode == 0
    before = out.read_bytes()
    assert len(before) > 8192
    failed = subprocess.run(
        command, capture_output=True, text=True, timeout=300, preexec_fn=limited_to_8_kib
    )
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert f"{out}: cannot write the roadmap: File too large" in failed.stderr
    assert out.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("name", ["x.svg", "x.png"])
def test_a_folder_or_a_missing_folder_as_output_is_reported(qapp, sample_path, tmp_path, capsys,
                                                            name):  # fmt: skip
    folder = tmp_path / name
    folder.mkdir()
    (folder / "kept.txt").write_text("kept", encoding="utf-8")
    assert run("roadmap", str(sample_path), "--unit", "full", "-o", str(folder)) == 2
    assert f"{folder}: cannot write the roadmap: Is a directory" in capsys.readouterr().err
    assert [path.name for path in folder.iterdir()] == ["kept.txt"]
    assert [path.name for path in tmp_path.iterdir()] == [name]

    missing = tmp_path / "missing" / name
    assert run("roadmap", str(sample_path), "--unit", "full", "-o", str(missing)) == 2
    err = capsys.readouterr().err
    assert f"{missing}: cannot write the roadmap: there is no folder {missing.parent}" in err
    assert not missing.parent.exists()
