"""Whether there is a screen to draw on, for the window and for the PDF and PNG writers; and
text from a catalog made safe to print on a terminal, in the commands' plain-text output."""

from __future__ import annotations

import os
import re
import sys
import unicodedata

from designer.errors import CatalogError


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


# Line breaks and tabs of every kind: each one space, so that a title stays in its row.
_BREAK = re.compile("\r\n|[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
# What else a terminal must not get raw: control characters (C0, DEL and C1, among them
# ESC and CSI, which start the sequences that clear, retitle or reprogram a terminal) and
# the bidirectional embeddings, overrides and isolates, which can make a line read in
# another order than it is written.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """Text from a catalog (a title, a code, an outcome) as a command prints it on a line.

    A line break or a tab is a space: it was a break between words, and a row of a table
    must stay one row. Any other control character is written as its escape ("\\x1b",
    "\\u202e") rather than dropped or shown as "�": the reader sees that something odd is in
    the file, and which character, to mend it; and a terminal gets plain ASCII it cannot
    act on. Everything else (accents, any script, emoji) is printed as it is.
    """
    if text.isprintable():  # the common case, quickly: nothing here is a control character
        return text
    text = _BREAK.sub(" ", text)
    return _HIDDEN.sub(_escaped, text)


def terminal_message(error: Exception) -> str:
    """An error's message as a command prints it: one line made harmless by terminal_text
    (it may quote titles, as the programs a name matches), or a file's problems
    (CatalogError) a line each."""
    if not isinstance(error, CatalogError):
        return terminal_text(str(error))
    head = str(error).split("\n", 1)[0]
    return "\n".join([terminal_text(head), *(f"  {terminal_text(str(p))}" for p in error.problems)])


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def cell_width(text: str) -> int:
    """How many terminal columns the text takes: East Asian wide and full-width characters
    (CJK, most emoji) two, combining marks and invisible format characters none, others
    one. The standard library's approximation of wcwidth, which is not a dependency."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def padded(text: str, width: int) -> str:
    """The text with spaces after it to fill `width` terminal columns (see cell_width):
    str.ljust counts characters, so a Chinese title pushed the next column to the right."""
    return text + " " * max(0, width - cell_width(text))
