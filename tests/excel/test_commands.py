"""The `export` and `import-xlsx` commands, on a parser of their own (designer.cli adds them)."""

import argparse
import os
import stat

import openpyxl
import pytest

from designer.errors import CatalogError
from designer.excel.commands import add_commands
from designer.model import UnknownName
from designer.storage import dumps, load


def run(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    args = parser.parse_args(arguments)
    return args.run(args)


def test_export_the_programs_asked_for_by_name(sample_path, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    assert run("export", str(sample_path), "--xlsx", str(out), "--program", "full stack") == 0
    names = openpyxl.load_workbook(out).sheetnames
    assert names[1] == "Microsoft Full Stack Developer"
    assert "1 program exported" in capsys.readouterr().err


def test_export_everything(sample_path, tmp_path):
    out = tmp_path / "out.xlsx"
    assert run("export", str(sample_path), "--xlsx", str(out)) == 0
    assert len(openpyxl.load_workbook(out).sheetnames) == 13


def test_an_unknown_program_name_is_left_to_the_command_line(sample_path, tmp_path):
    with pytest.raises(UnknownName):
        run("export", str(sample_path), "--xlsx", str(tmp_path / "o.xlsx"), "--program", "nope")
    assert not (tmp_path / "o.xlsx").exists()


def test_export_then_import_xlsx_gives_the_catalog_back(sample_path, tmp_path, capsys):
    workbook, catalog = tmp_path / "out.xlsx", tmp_path / "back.curriculum.json"
    run("export", str(sample_path), "--xlsx", str(workbook))
    assert run("import-xlsx", str(workbook), "-o", str(catalog)) == 0
    assert dumps(load(catalog)) == dumps(load(sample_path))
    assert "422 h = 16 ECTS" in capsys.readouterr().err


def test_import_xlsx_does_not_replace_a_catalog_unless_forced(sample_path, tmp_path):
    workbook, catalog = tmp_path / "out.xlsx", tmp_path / "kept.curriculum.json"
    run("export", str(sample_path), "--xlsx", str(workbook), "--program", "back-end")
    catalog.write_text("mine")
    with pytest.raises(CatalogError, match="already exists"):
        run("import-xlsx", str(workbook), "-o", str(catalog))
    assert catalog.read_text() == "mine"
    assert run("import-xlsx", str(workbook), "-o", str(catalog), "--force") == 0
    assert [p.id for p in load(catalog).programs] == ["back-end"]


def test_a_bad_workbook_writes_no_catalog(tmp_path):
    workbook, catalog = tmp_path / "bad.xlsx", tmp_path / "new.curriculum.json"
    workbook.write_text("not a workbook")
    with pytest.raises(CatalogError):
        run("import-xlsx", str(workbook), "-o", str(catalog))
    assert not catalog.exists()


def test_an_export_to_a_pipe_is_refused_and_the_pipe_stays(sample_path, tmp_path):
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    with pytest.raises(CatalogError, match="cannot write the workbook: it is a pipe or a device"):
        run("export", str(sample_path), "--xlsx", str(pipe))
    assert stat.S_ISFIFO(pipe.stat().st_mode)
