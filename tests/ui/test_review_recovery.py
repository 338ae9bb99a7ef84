"""Starting again after a crash, with damaged settings, a lock a power cut emptied, a full
disk: the window opens, and the unsaved work is offered and never lost."""

import json

import pytest
from test_files import crashed_window
from window_actions import discard_and_close

from designer.appsettings import AppSettings, load_settings, save_settings, settings_path
from designer.errors import CatalogError
from designer.storage import load, loads
from designer.storage.save import AtomicFile, atomic_file
from designer.ui.app import start_window


def test_a_damaged_window_layout_in_the_settings_is_passed_over(qtbot, sample_copy):
    # Edited by hand: the window did not open, every start ("binascii.Error: Incorrect
    # padding"), and unsaved work was never offered.
    save_settings(AppSettings(recent_files=[str(sample_copy)], window_geometry="abc"))
    window = start_window([])
    try:
        window.show()
        assert window.document.path == sample_copy and window.isVisible()
    finally:
        discard_and_close(window)


def test_one_wrong_entry_in_the_settings_loses_only_itself(sample_copy, tmp_path):
    other = tmp_path / "other.curriculum.json"
    good = AppSettings(recent_files=[str(sample_copy), str(other)], window_state="AAAA")
    data = json.loads(good.model_dump_json())
    data["recent_files"].insert(1, 5)
    data["window_geometry"] = ["not", "a", "text"]
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    assert settings.recent_files == [str(sample_copy), str(other)]
    assert settings.window_state == "AAAA" and settings.window_geometry == ""


def test_a_lock_a_power_cut_emptied_does_not_hide_the_work(qtbot, sample_copy, dialogs):
    window = crashed_window(qtbot, sample_copy, " before the power cut")
    lock = window.files.recovery_path.with_suffix(".lock")
    lock.write_bytes(b"")  # it names no process now; Qt never took such a lock as stale
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        course = restored.document.catalog.courses["introduction-to-public-relations"]
        assert course.title.endswith(" before the power cut")
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_work_restored_on_a_full_disk_keeps_its_old_copy(qtbot, sample_copy, dialogs, monkeypatch):
    window = crashed_window(qtbot, sample_copy, " kept twice")
    old_copy = window.files.recovery_path
    kept = old_copy.read_bytes()

    def disk_full(self, data):
        raise OSError(28, "No space left on device")

    # The restored window's own copy cannot be written: the old one was deleted all the same.
    monkeypatch.setattr(AtomicFile, "write", disk_full)
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        assert restored.statusBar().currentMessage() == (
            "Could not write the recovery copy: No space left on device"
        )
        assert not restored.files.recovery_path.exists()
        assert old_copy.read_bytes() == kept  # offered again at the next start
        title = loads(kept).courses["introduction-to-public-relations"].title
        assert title.endswith(" kept twice")
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_the_file_asked_for_is_named_when_restored_work_takes_the_window(
    qtbot, sample_copy, sample_path, dialogs, tmp_path
):
    window = crashed_window(qtbot, sample_copy, " (revised)")
    asked = tmp_path / "asked.curriculum.json"
    asked.write_bytes(sample_path.read_bytes())
    dialogs.answer("Restore")
    restored = start_window([str(asked)])  # curriculum-designer asked.curriculum.json
    try:
        assert restored.document.path == sample_copy  # the work restored, as asked
        message = restored.statusBar().currentMessage()
        assert message == (
            "The unsaved work is restored here; asked.curriculum.json is under File > Open Recent."
        )
        assert restored.recent_menu.actions()[0].text() == str(asked)
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_a_save_that_fails_as_it_closes_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "catalog.curriculum.json"
    target.write_bytes(b"as it was")

    def full_on_close(self):
        raise OSError(28, "No space left on device")  # the last of the buffer, flushed

    with pytest.raises(OSError, match="No space left"), atomic_file(target) as file:
        file.write(b"new")
        monkeypatch.setattr(AtomicFile, "sync", full_on_close)
        real_file = file.file
        monkeypatch.setattr(file, "file", _FailsToClose(real_file))
    assert target.read_bytes() == b"as it was"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.curriculum.json"]


class _FailsToClose:
    """A file whose close fails, as a flush does on a full disk (closing it for real)."""

    def __init__(self, file):
        self._file = file
        self.closed = False

    def close(self):
        self._file.close()
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("version", ['"3"', "3.0"])
def test_a_version_that_is_no_whole_number_is_refused_as_the_careful_way_refuses_it(
    sample_path, version
):
    text = sample_path.read_text(encoding="utf-8").replace('"version": 3', f'"version": {version}')
    with pytest.raises(CatalogError, match="version: missing or not a whole number"):
        loads(text.encode("utf-8"))
    assert load(sample_path).programs  # the sample itself is read as before
