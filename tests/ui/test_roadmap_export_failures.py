"""Exporting the roadmap where it cannot be written says which file and why, and changes
nothing there; no traceback dialog."""

import pytest

CSHARP = "introduction-to-programming-with-csharp"


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_a_folder_or_a_missing_folder_is_reported_and_left_as_it_was(
    window, tmp_path, dialogs, kind
):
    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    view.show_roadmap(CSHARP)
    folder = tmp_path / f"roadmap.{kind}"
    folder.mkdir()
    (folder / "kept.txt").write_text("kept", encoding="utf-8")
    dialogs.answer("OK")
    assert not view.export(folder, kind)
    assert dialogs.seen[-1].startswith("Cannot export")
    assert f"{folder}: cannot write the roadmap: Is a directory" in dialogs.seen[-1]
    assert [path.name for path in folder.iterdir()] == ["kept.txt"]

    missing = tmp_path / "missing" / f"roadmap.{kind}"
    dialogs.answer("OK")
    assert not view.export(missing, kind)
    expected = f"{missing}: cannot write the roadmap: there is no folder {missing.parent}"
    assert expected in dialogs.seen[-1]
    assert not missing.parent.exists()

    # The old picture is replaced whole by the new one.
    old = tmp_path / f"old.{kind}"
    old.write_bytes(b"the previous picture")
    assert view.export(old, kind)
    written = old.read_bytes()
    assert written == view.svg.encode() if kind == "svg" else written.startswith(b"\x89PNG")
    assert len(dialogs.seen) == 2
