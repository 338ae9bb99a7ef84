"""export_workbook tells how far it is, sheet by sheet, and stops cleanly when told to."""

import sys
import zipfile

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from designer.excel import export_workbook
from designer.excel.layout import selected_catalog
from designer.model import Catalog


@pytest.mark.parametrize("programs", ["all", "one", "none", "no overlap module"])
def test_progress_counts_every_sheet_up_to_the_total(sample, tmp_path, monkeypatch, programs):
    catalog = {
        "all": sample,
        "one": selected_catalog(sample, [sample.programs[0].id]),
        "none": Catalog(),
        "no overlap module": sample,
    }[programs]
    if programs == "no overlap module":
        monkeypatch.setitem(sys.modules, "designer.sharing.overlap", None)
    calls = []
    path = tmp_path / "out.xlsx"
    assert export_workbook(catalog, path, progress=lambda *call: calls.append(call) or True)
    sheets = len(openpyxl.load_workbook(path, read_only=True).sheetnames)
    assert [done for done, _ in calls] == list(range(sheets + 1))
    assert {total for _, total in calls} == {sheets}


def test_progress_does_not_change_the_workbook(sample, tmp_path):
    plain, watched = tmp_path / "plain.xlsx", tmp_path / "watched.xlsx"
    assert export_workbook(sample, plain) is True
    assert export_workbook(sample, watched, progress=lambda done, total: True)
    with zipfile.ZipFile(plain) as a, zipfile.ZipFile(watched) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":  # the time of the export
                assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("stop_at", [0, 3, "last"])
@pytest.mark.parametrize("existing", [False, True])
def test_returning_false_stops_and_leaves_no_file(sample, tmp_path, stop_at, existing):
    path = tmp_path / "out.xlsx"
    if existing:
        path.write_bytes(b"the workbook of yesterday")
    temporary_sheets = list(openpyxl_writer.ALL_TEMP_FILES)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done != (total if stop_at == "last" else stop_at)

    assert export_workbook(sample, path, progress=progress) is False
    done, total = calls[-1]
    assert done == (total if stop_at == "last" else stop_at)  # the last call: nothing after
    assert [d for d, _ in calls] == list(range(done + 1))
    if existing:
        assert path.read_bytes() == b"the workbook of yesterday"
    else:
        assert not path.exists()
    assert [p.name for p in tmp_path.iterdir()] == (["out.xlsx"] if existing else [])
    # The sheets already written are deleted too, not left until the program ends.
    assert temporary_sheets == openpyxl_writer.ALL_TEMP_FILES
