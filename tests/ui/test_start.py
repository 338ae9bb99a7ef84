"""`curriculum-designer FILE` opens the window; the program exits cleanly after a copy."""

import os
import subprocess
import sys
import textwrap


def test_the_command_opens_the_window_on_a_file_and_exits_cleanly(sample_path):
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from designer.cli import main
        from designer.ui.main_window import MainWindow

        app = QApplication(sys.argv[:1])

        def act():
            window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
            print(window.windowTitle())
            print(len(window.document.catalog.programs), "programs")
            window.tree.setCurrentIndex(window.tree.model().index(0, 0))
            window.copy_action.trigger()  # leaves our data on the clipboard at exit
            app.quit()

        QTimer.singleShot(100, act)
        sys.exit(main([{str(sample_path)!r}]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "microsoft-certificates.curriculum.json[*] — Curriculum Designer",
        "4 programs",
    ]


def test_without_a_display_the_window_says_so_instead_of_aborting(sample_path):
    # Qt aborted (status 134) with a message about its platform plugins.
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {name: value for name, value in os.environ.items() if name not in hidden}
    command = [sys.executable, "-m", "designer", str(sample_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2
    assert result.stderr == (
        "curriculum-designer: there is no display to open the window on (neither DISPLAY "
        "nor WAYLAND_DISPLAY is set); the commands work without one: see "
        "curriculum-designer --help\n"
    )
