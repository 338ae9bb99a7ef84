"""The supplement written over a file: replaced whole or not at all, its permissions kept,
no temporary file left beside it, and two writes of the same file apart."""

import errno
import os

import pytest
from supplement_helpers import supplement_of

import designer.supplement.pdf
from designer.storage.save import AtomicFile
from designer.supplement import write_supplement

STARTS = {"pdf": b"%PDF-", "html": b"<!DOCTYPE html>", "badge": b"{"}


@pytest.mark.parametrize("fmt", ["pdf", "html", "badge"])
def test_a_supplement_written_over_a_file_keeps_its_permissions(qapp, sample, tmp_path, fmt):
    # It got the mode of a new file: readable by all where the old one was private.
    path = tmp_path / f"front-end.{fmt}"
    path.write_bytes(b"last year's supplement")
    os.chmod(path, 0o600)
    write_supplement(supplement_of(sample, "front-end"), path, fmt)
    assert path.read_bytes().startswith(STARTS[fmt])
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_a_supplement_whose_rename_fails_leaves_the_old_file(
    qapp, sample, tmp_path, monkeypatch, fmt
):
    path = tmp_path / f"front-end.{fmt}"
    path.write_bytes(b"last year's supplement")

    def full_disk(source, target):
        raise OSError(errno.ENOSPC, "No space left on device", source)

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError) as raised:
        write_supplement(supplement_of(sample, "front-end"), path, fmt)
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(path)
    assert path.read_bytes() == b"last year's supplement"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_write_that_fails_half_way_names_the_file_and_leaves_the_old_one(
    sample, tmp_path, monkeypatch
):
    path = tmp_path / "front-end.html"
    path.write_bytes(b"last year's supplement")
    real_write = AtomicFile.write

    def half_then_full(self, data):
        real_write(self, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device", self.temporary)

    monkeypatch.setattr(AtomicFile, "write", half_then_full)
    with pytest.raises(OSError) as raised:
        write_supplement(supplement_of(sample, "front-end"), path, "html")
    assert raised.value.filename == str(path) and ".tmp" not in str(raised.value)
    assert path.read_bytes() == b"last year's supplement"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_two_writes_of_the_same_file_at_once_do_not_collide(qapp, sample, tmp_path, monkeypatch):
    """Both wrote to the one ".front-end.pdf.part": the second took the first's file and
    deleted it, and the first failed on its rename."""
    path = tmp_path / "front-end.pdf"
    supplement = supplement_of(sample, "front-end")
    real_write_pdf = designer.supplement.pdf.write_pdf

    def and_another_meanwhile(html, target, **kwargs):
        real_write_pdf(html, target, **kwargs)
        monkeypatch.setattr(designer.supplement.pdf, "write_pdf", real_write_pdf)
        write_supplement(supplement, path, "pdf")  # done while the first is not yet

    monkeypatch.setattr(designer.supplement.pdf, "write_pdf", and_another_meanwhile)
    write_supplement(supplement, path, "pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
