"""What the UI tests do in a window: open a page, select a unit, answer a dialog, close."""

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
)

from benchmarks.generate import generate
from designer.appsettings import AppSettings
from designer.storage import save
from designer.ui.main_window import MainWindow
from designer.ui.tree_model import HEADERS, CurriculumTreeModel

LARGE_PROGRAMS = 50  # of the generated portfolio the large-catalog tests open (large_path)


def generated_file(tmp_path_factory, programs, seed=1):
    """A generated portfolio of this many programs (a pool of ten courses each), saved."""
    catalog, _ = generate(programs=programs, courses=10 * programs, seed=seed)
    path = tmp_path_factory.mktemp("portfolio") / f"{programs} programs.curriculum.json"
    save(catalog, path)
    return path


def open_page(window, qtbot, name):
    """Click the window's page tab with this name."""
    bar = window.pages.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == name)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.pages.currentIndex() == index


def opened_window(qtbot, path):
    """A shown window on the catalog at path, closed without saving after the test."""
    # Not qtbot.addWidget: it closes windows before this fixture can discard their changes.
    window = MainWindow(AppSettings())
    assert window.files.open_file(path)
    window.show()
    qtbot.waitExposed(window)
    yield window
    discard_and_close(window)


def discard_and_close(window: MainWindow) -> None:
    """Close without the unsaved-changes question, which would wait for an answer."""
    window.document.undo_stack.setClean()
    assert not window.document.modified
    assert window.close()
    window.deleteLater()


class DialogAnswers:
    """Clicks the named button of the next modal dialog(s), and records what they said."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.seen: list[str] = []

    def answer(self, button_text: str) -> None:
        def click() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or isinstance(dialog, QFileDialog):
                QTimer.singleShot(10, click)  # file dialogs are answered by choose_file
                return
            texts = [dialog.windowTitle()]
            texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
            if hasattr(dialog, "informativeText"):
                texts.append(dialog.text())
                texts.append(dialog.informativeText())
            texts += [label.text() for label in dialog.findChildren(QLabel)]
            texts += [box.toPlainText() for box in dialog.findChildren(QPlainTextEdit)]
            self.seen.append("\n".join(texts))
            for button in dialog.findChildren(QAbstractButton):
                if button.text().replace("&", "") == button_text:
                    button.click()
                    return
            raise AssertionError(f"no button {button_text!r} in {texts}")

        QTimer.singleShot(0, click)


def press_ok_in(shown, wanted, said=QMessageBox.text):
    """Press OK in the message box wanted(box) picks, once it comes (other modal dialogs,
    such as a progress dialog, may come first), and keep what said(box) reads in it."""

    def check():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not wanted(box):
            QTimer.singleShot(10, check)
            return
        shown.append(said(box))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, check)


def answer_problems(shown):
    """Press OK in the dialog that lists a file's problems, once it comes."""
    press_ok_in(
        shown,
        lambda box: box.objectName() == "problemsDialog",
        lambda box: (
            f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}\n{box.detailedText()}"
        ),
    )


def choose_file(path) -> None:
    """Answer the next file dialog with path, as if typed and confirmed."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.selectFile(str(path))
        dialog.accept()

    QTimer.singleShot(0, answer)


def field(window, name):
    """The editing widget of a field of the Details tab."""
    return window.editor.fields[name].editor


def retype(qtbot, editor, text):
    """Select what a box holds and type text over it."""
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def tree_index(window, *titles):
    """The proxy index of the unit reached by following titles from the top."""
    model = window.tree.model()
    index = QModelIndex()
    for title in titles:
        rows = [model.index(r, 0, index) for r in range(model.rowCount(index))]
        matches = [i for i in rows if i.data() == title]
        assert matches, f"{title!r} not among {[i.data() for i in rows]}"
        index = matches[0]
    return index


def select(window, qtbot, *titles):
    index = tree_index(window, *titles)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tree.currentIndex() == index
    return index


def path(index: QModelIndex) -> str:
    """A tree row as its titles from the top: 'Program' > 'Course' > 'Week 1'."""
    titles = []
    while index.isValid():
        titles.insert(0, repr(index.data()))
        index = index.parent()
    return " > ".join(titles)


def assert_tree_shows_what_a_fresh_tree_shows(window: MainWindow) -> None:
    """Every row the window's tree has built shows what a tree built afresh shows there."""
    model = window.tree_model
    fresh = CurriculumTreeModel(window.document)
    try:
        parents = [(QModelIndex(), QModelIndex())]
        while parents:
            shown, built = parents.pop()
            node = model.node(shown)
            if node.children is None:
                continue  # not built yet: nothing on show to compare
            assert [child.unit for child in node.children] == model.child_units(node)
            assert model.rowCount(shown) == fresh.rowCount(built)
            for row in range(model.rowCount(shown)):
                for column in range(len(HEADERS)):
                    assert (
                        model.index(row, column, shown).data()
                        == fresh.index(row, column, built).data()
                    ), (path(model.index(row, 0, shown)), column)
                parents.append((model.index(row, 0, shown), fresh.index(row, 0, built)))
    finally:
        fresh.close()


def click_row(qtbot, view, index) -> None:
    """Click a row of a list or tree, scrolled into sight first, as the mouse does."""
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
