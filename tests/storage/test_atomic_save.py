"""A save either writes the whole new file or leaves the old one exactly as it was."""

import os
import subprocess
import sys
import textwrap

import pytest

from designer.errors import CatalogError
from designer.storage import dumps, load, save


@pytest.fixture
def saved(sample, tmp_path):
    path = tmp_path / "catalog.curriculum.json"
    save(sample, path)
    return path


def edited(sample):
    sample.set_field(sample.programs[0], "title", "Changed title")
    return sample


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_leaves_the_old_file_intact(sample, saved, monkeypatch, failing):
    before = saved.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(CatalogError, match="cannot save: No space left on device"):
        save(edited(sample), saved)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert leftovers(saved.parent) == []


def test_a_crash_in_the_middle_of_a_save_leaves_the_old_file_intact(sample, saved):
    before = saved.read_bytes()
    # Another process dies abruptly after writing the new bytes, before the rename.
    script = textwrap.dedent(
        f"""
        import os
        from designer.storage import load, save
        catalog = load({str(saved)!r})
        catalog.set_field(catalog.programs[0], "title", "Never saved")
        os.fsync = lambda fd: os._exit(9)
        save(catalog, {str(saved)!r})
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == 9, result.stderr
    assert saved.read_bytes() == before
    assert load(saved).programs[0].title != "Never saved"


def test_a_save_replaces_the_file_and_keeps_its_permissions(sample, saved):
    os.chmod(saved, 0o640)
    save(edited(sample), saved)
    assert load(saved).programs[0].title == "Changed title"
    assert saved.read_bytes() == dumps(sample)
    assert oct(saved.stat().st_mode & 0o777) == oct(0o640)
    assert leftovers(saved.parent) == []


def test_saving_into_a_missing_folder_is_a_clear_error(sample, tmp_path):
    with pytest.raises(CatalogError, match="cannot save: No such file or directory"):
        save(sample, tmp_path / "gone" / "catalog.curriculum.json")


def test_a_file_name_of_up_to_255_bytes_can_be_saved(sample, tmp_path):
    # The temporary file beside it keeps only the start of the name, or it would be too long.
    path = tmp_path / ("L" * (255 - len(".curriculum.json")) + ".curriculum.json")
    save(sample, path)
    save(edited(sample), path)
    assert load(path).programs[0].title == "Changed title"
    assert leftovers(tmp_path) == []
