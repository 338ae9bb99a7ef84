"""Whether there is a screen to draw on, for the window and for the PDF and PNG writers."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """Windows and macOS always draw; elsewhere a window needs an X or Wayland display."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def offscreen_without_display() -> None:
    """Let Qt draw in memory when there is no display (a server, a CI job), unless a
    platform is chosen already: the PDF and PNG writers need fonts, not a screen."""
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
