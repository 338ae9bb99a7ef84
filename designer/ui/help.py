"""The Help menu's windows: every key of the window, and what the program is."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer import __version__
from designer.storage import EXTENSION, FORMAT_VERSION
from designer.ui.labels import tr

# The keys that belong to no menu entry: they work in one place of the window only.
# (The menus' keys are read from their entries, so they are never out of date.)
PLACED_KEYS = [
    ("Open the tree's menu on the current row", "Menu, Shift+F10"),
    ("Open every row below the current one", "*"),
    ("Put the cursor in a field", "Alt+its label's underlined letter"),
    ("Take back what was typed in a field", "Ctrl+Z, in the field"),
    ("Delete or move the selected outcome", "Del, Ctrl+Up, Ctrl+Down, in the outcomes table"),
    ("Zoom the Stackability graph", "Ctrl+=, Ctrl+-, Ctrl+0 (whole), Ctrl+wheel"),
]


def shown_text(text: str) -> str:
    """A menu's or an entry's text as a reader sees it: no letter marks, "&&" an ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(action: QAction) -> str:
    """The action's keys, as the platform writes them: "Ctrl+W, Ctrl+F4". The media keys
    some platforms add to the standard actions (a "New", "Save" or "Undo" key, on few
    keyboards) are left out: listed as "Ctrl+S, Save", they read as a riddle."""
    keys = [key for key in action.shortcuts() if not _media_key(key)]
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def _media_key(key: QKeySequence) -> bool:
    """Whether the key is one of a keyboard's special keys (Back, New, Save, Undo...): Qt
    numbers them from Key_Back on, after the function, arrow and editing keys."""
    return key.count() == 1 and key[0].key().value >= Qt.Key.Key_Back.value  # type: ignore[index]


class KeysDialog(QDialog):
    """Every key of the window, by menu, then the keys that work in one place only."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.list = QTreeWidget()
        self.list.setObjectName("keysList")
        self.list.setAccessibleName(tr("Keyboard shortcuts"))
        self.list.setHeaderLabels([tr("Action"), tr("Keys")])
        self.list.setRootIsDecorated(False)
        for menu in menus:
            rows = [
                (shown_text(action.text()), keys)
                for action in menu.actions()
                if (keys := keys_text(action))
            ]
            self._add_group(shown_text(menu.title()), rows)
        self._add_group(tr("In one place"), [(tr(what), tr(keys)) for what, keys in PLACED_KEYS])
        self.list.expandAll()
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _add_group(self, title: str, rows: list[tuple[str, str]]) -> None:
        if not rows:
            return
        group = QTreeWidgetItem(self.list, [title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        for what, keys in rows:
            QTreeWidgetItem(group, [what, keys])


def about_box(parent: QWidget) -> QMessageBox:
    """What the program is, its version and its file format's, and what it runs on."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("About Curriculum Designer"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(tr("<b>Curriculum Designer {0}</b>").format(__version__))
    box.setInformativeText(
        tr(
            "Design stackable online certificates: programs, courses, modules and items, "
            "their learning outcomes and Bloom levels, workload and ECTS credits, what the "
            "certificates share, syllabi in Excel and the certificate supplement.<br><br>"
            "Catalog files: {0}, format version {1}.<br>"
            "Python {2} · Qt {3} · PySide6 {4}"
        ).format(
            EXTENSION, FORMAT_VERSION, platform.python_version(), qVersion(), PySide6.__version__
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
