"""Help: F1 lists every key of the window, read from the menus' own entries, and About says
what the program is, its version and its file format's."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from designer import __version__
from designer.storage import FORMAT_VERSION
from designer.ui.help import KeysDialog


def listed(dialog: KeysDialog) -> list[tuple[str, str, str]]:
    """(group, action, keys) of every row of the dialog, in order."""
    rows = []
    for g in range(dialog.list.topLevelItemCount()):
        group = dialog.list.topLevelItem(g)
        for r in range(group.childCount()):
            rows.append((group.text(0), group.child(r).text(0), group.child(r).text(1)))
    return rows


def open_keys(window, qtbot) -> KeysDialog:
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), KeysDialog))
    return QApplication.activeModalWidget()


def test_f1_lists_every_menu_key_as_the_menus_have_it(window, qtbot):
    dialog = open_keys(window, qtbot)
    rows = listed(dialog)
    native = QKeySequence.SequenceFormat.NativeText
    assert ("Insert", "Add Course", "Ctrl+Shift+C") in rows
    assert ("View", "Go to Problems", "F6, Shift+F6") in rows
    assert ("Help", "Keyboard Shortcuts…", "F1") in rows
    # Not "Ctrl+S, Save": the media keys Linux adds to the standard actions are left out.
    assert ("File", "Save", "Ctrl+S") in rows
    assert ("Edit", "Redo", "Ctrl+Y, Alt+Shift+Backspace, Ctrl+Shift+Z") in rows
    # Each entry with a key in a menu is listed, with every key of the keyboard's own.
    keys_of = {(group, action): keys.split(", ") for group, action, keys in rows}
    for menu in [a.menu() for a in window.menuBar().actions()]:
        for action in menu.actions():
            typed = [k for k in action.shortcuts() if k[0].key() < Qt.Key.Key_Back]
            if typed:
                listed_keys = keys_of[menu.title().replace("&", ""), action.text().replace("&", "")]
                assert listed_keys == [k.toString(native) for k in typed]
    assert ("In one place", "Open the tree's menu on the current row", "Menu, Shift+F10") in rows
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_about_says_the_version_and_the_file_format(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    about = next(a for a in help_menu.actions() if a.text() == "&About Curriculum Designer")
    about.trigger()
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert f"Curriculum Designer {__version__}" in box.text()
    assert f"format version {FORMAT_VERSION}" in box.informativeText()
    assert ".curriculum.json" in box.informativeText()
    box.close()
