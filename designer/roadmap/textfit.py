"""Fitting text into boxes without a font engine: DejaVu Sans advance widths, word wrap.

The widths (in em, for the printable ASCII characters) were measured once from DejaVu Sans,
the first font the roadmap asks for; Verdana, its fallback, is as wide, and narrower fonts
only leave more room. Other characters count as a full em, which errs on the safe side,
except those drawn on or between others (combining marks, joiners, direction isolates):
none.

A word too long for its line is cut between characters as a reader sees them (grapheme
clusters), never inside one: Python's library has no grapheme segmentation, and the rule of
_joins_previous covers accents, vowel signs, emoji sequences and flags.
"""

from __future__ import annotations

import unicodedata

_FIRST = 32  # the space; the tables run to "~" (126)
_REGULAR = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 "
    "636 636 636 636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 "
    "752 295 295 656 557 863 748 787 603 787 695 635 611 732 684 989 685 611 685 390 "
    "337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 "
    "635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
)
_BOLD = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 "
    "696 696 696 696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 "
    "837 372 372 775 637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 "
    "365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 "
    "716 716 493 595 478 712 652 924 645 652 582 712 365 712 838"
)
_WIDTHS = {
    False: [int(w) / 1000 for w in _REGULAR.split()],
    True: [int(w) / 1000 for w in _BOLD.split()],
}
_NARROW = {"\u00b7": 0.38, "\u2019": 0.32, "\u2018": 0.32, "\u201c": 0.52, "\u201d": 0.52}
ELLIPSIS = "\u2026"


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of one line of text at this font size."""
    table = _WIDTHS[bold]
    total = 0.0
    for char in text:
        code = ord(char) - _FIRST
        if 0 <= code < len(table):
            total += table[code]
        elif unicodedata.category(char) in _NO_ADVANCE:
            continue
        else:
            total += _NARROW.get(char, 1.0)
    return total * size


# Marks drawn on another character, and invisible format characters (joiners, direction
# isolates): they take no room of their own. Spacing marks (Mc, Indic vowel signs) do.
_NO_ADVANCE = ("Mn", "Me", "Cf")


def wrap(
    text: str, width: float, size: float, bold: bool = False, max_lines: int | None = None
) -> list[str]:
    """Greedy word wrap into lines no wider than width; a word too long is cut (between
    grapheme clusters: see _cuts).

    With max_lines, the last line kept ends in an ellipsis when text was left out.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, size, bold) > width:
            cut = _longest_prefix(word, width, size, bold)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = ellipsize(kept[-1] + " " + lines[max_lines], width, size, bold, force=True)
        lines = kept
    return _isolates_per_line(lines)


_OPENS = "\u2066\u2067\u2068"  # LEFT-TO-RIGHT, RIGHT-TO-LEFT and FIRST STRONG ISOLATE
_CLOSES = "\u2069"  # POP DIRECTIONAL ISOLATE


def _isolates_per_line(lines: list[str]) -> list[str]:
    """Each line with the direction isolates it is inside of opened and closed on it: a
    line is drawn on its own, so a name isolated (see designer.model.names.isolated) and wrapped
    over two lines lost its isolate on the second, and the text after it was reordered."""
    if not any(mark in line for line in lines for mark in _OPENS + _CLOSES):
        return lines
    balanced = []
    inside = 0  # isolates left open by the lines before
    for line in lines:
        depth = inside
        for char in line:
            if char in _OPENS:
                depth += 1
            elif char in _CLOSES and depth:
                depth -= 1
        balanced.append("\u2068" * inside + line + _CLOSES * depth)
        inside = depth
    return balanced


def ellipsize(text: str, width: float, size: float, bold: bool = False, force: bool = False) -> str:
    """The text, shortened with an ellipsis to fit width (or always ended by one, if force)."""
    if not force and text_width(text, size, bold) <= width:
        return text
    kept = text.rstrip()
    cuts = _cuts(kept)
    while kept and text_width(kept.rstrip(" ,;:.") + ELLIPSIS, size, bold) > width:
        kept = kept[: cuts.pop()] if cuts else ""  # the last whole cluster off
    return kept.rstrip(" ,;:.") + ELLIPSIS


def _longest_prefix(word: str, width: float, size: float, bold: bool) -> int:
    """Where to cut a word too long for its line: after as many clusters as fit, at least
    one (a cluster wider than the line is not cut)."""
    cuts = [*_cuts(word), len(word)]
    fitting = [cut for cut in cuts[1:] if text_width(word[:cut], size, bold) <= width]
    return fitting[-1] if fitting else cuts[1]


def _cuts(text: str) -> list[int]:
    """The places text may be cut, in order, 0 first: between its grapheme clusters."""
    cuts = [0]
    regional = 0  # regional indicators in a row so far: a flag is a pair of them
    for index in range(1, len(text)):
        previous, char = text[index - 1], text[index]
        regional = regional + 1 if _is_regional(previous) else 0
        pair = _is_regional(char) and regional % 2 == 1
        if not (pair or _joins_previous(previous, char)):
            cuts.append(index)
    return cuts


def _joins_previous(previous: str, char: str) -> bool:
    """Whether char belongs to the cluster of the character before it: a mark on it (an
    accent, a Thai or Indic vowel sign), a zero-width joiner or what it joins (the parts of
    a family emoji), a variation selector, a skin tone, or a consonant after a virama (an
    Indic conjunct, such as क्ष), as Unicode's grapheme cluster rules have them."""
    return (
        unicodedata.category(char).startswith("M")
        or char in "\u0e33\u0eb3"  # Thai and Lao SARA AM: vowel signs, though not marks
        or "\u200d" in (previous, char)
        or "\ufe00" <= char <= "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or unicodedata.combining(previous) == _VIRAMA
    )


_VIRAMA = 9  # the canonical combining class of a virama (halant)


def _is_regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"
