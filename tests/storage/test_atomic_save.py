"""A save either writes the whole new file or leaves the old one exactly as it was."""

import os
import stat
import subprocess
import sys
import tempfile
import textwrap

import pytest

from designer.errors import CatalogError
from designer.storage import dumps, load, save
from designer.storage.save import atomic_file


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
    with pytest.raises(CatalogError, match=f"cannot save: there is no folder {tmp_path / 'gone'}$"):
        save(sample, tmp_path / "gone" / "catalog.curriculum.json")


def test_saving_into_a_folder_that_may_not_be_written_names_the_folder(
    sample, tmp_path, monkeypatch
):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "catalog.curriculum.json"
    save(sample, path)
    os.chmod(folder, 0o555)  # the file may be written, its folder not
    if os.geteuid() == 0:  # root writes anywhere: the folder refuses as it would refuse a user

        def as_a_user(name, mode):
            return not (mode & os.W_OK and not os.stat(name).st_mode & stat.S_IWUSR)

        monkeypatch.setattr(os, "access", as_a_user)
        monkeypatch.setattr(tempfile, "mkstemp", _refused)
    try:
        with pytest.raises(CatalogError) as refused:
            save(edited(sample), path)
    finally:
        os.chmod(folder, 0o755)
    assert str(refused.value).endswith(
        f"cannot save: the folder {folder} may not be written in (permission denied)"
    )
    assert load(path).programs[0].title != "Changed title"


def _refused(*args, **kwargs):
    raise PermissionError(13, "Permission denied")


def test_a_pipe_is_not_replaced_by_a_save(sample, tmp_path):
    pipe = tmp_path / "catalog.curriculum.json"
    os.mkfifo(pipe)
    with pytest.raises(CatalogError, match="cannot save: it is a pipe or a device, not a file"):
        save(sample, pipe)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_file_name_of_up_to_255_bytes_can_be_saved(sample, tmp_path):
    # The temporary file beside it keeps only the start of the name, or it would be too long.
    path = tmp_path / ("L" * (255 - len(".curriculum.json")) + ".curriculum.json")
    save(sample, path)
    save(edited(sample), path)
    assert load(path).programs[0].title == "Changed title"
    assert leftovers(tmp_path) == []


def synced_inodes(monkeypatch):
    """The inodes of the files os.fsync is called on, from now on."""
    synced = []
    real = os.fsync

    def fsync(descriptor):
        synced.append(os.fstat(descriptor).st_ino)
        real(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    return synced


def test_a_file_written_by_name_replaces_the_old_one_synced_with_its_permissions(
    tmp_path, monkeypatch
):
    # What openpyxl's save and Qt's PDF writer do: open the temporary file by its name.
    path = tmp_path / "report.bin"
    path.write_bytes(b"old")
    os.chmod(path, 0o600)
    synced = synced_inodes(monkeypatch)
    with atomic_file(path) as file:
        temporary = file.temporary_path()
        assert temporary.parent == tmp_path and temporary.name.endswith(".tmp")
        temporary.write_bytes(b"new")
        assert path.read_bytes() == b"old"  # until the block ends
    assert path.read_bytes() == b"new"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert path.stat().st_ino in synced  # on the disk before it took the old one's place
    assert leftovers(tmp_path) == []


def test_a_file_written_by_name_is_dropped_when_its_writer_fails_or_gives_up(tmp_path):
    path = tmp_path / "report.bin"
    path.write_bytes(b"old")
    with pytest.raises(OSError, match="No space left"), atomic_file(path) as file:
        file.temporary_path().write_bytes(b"half")
        raise OSError(28, "No space left on device")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []
    with atomic_file(path) as file:
        file.temporary_path().write_bytes(b"half")
        file.discard()  # cancelled
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []
