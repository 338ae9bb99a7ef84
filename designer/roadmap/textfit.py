"""Fitting text into boxes without a font engine: DejaVu Sans advance widths, word wrap.

The widths (in em, for the printable ASCII characters) were measured once from DejaVu Sans,
the first font the roadmap asks for; Verdana, its fallback, is as wide, and narrower fonts
only leave more room. Other characters count as a full em, which errs on the safe side.
"""

from __future__ import annotations

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
        else:
            total += _NARROW.get(char, 1.0)
    return total * size


def wrap(
    text: str, width: float, size: float, bold: bool = False, max_lines: int | None = None
) -> list[str]:
    """Greedy word wrap into lines no wider than width; a word too long is cut.

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
        return kept
    return lines


def ellipsize(text: str, width: float, size: float, bold: bool = False, force: bool = False) -> str:
    """The text, shortened with an ellipsis to fit width (or always ended by one, if force)."""
    if not force and text_width(text, size, bold) <= width:
        return text
    kept = text.rstrip()
    while kept and text_width(kept.rstrip(" ,;:.") + ELLIPSIS, size, bold) > width:
        kept = kept[:-1]
    return kept.rstrip(" ,;:.") + ELLIPSIS


def _longest_prefix(word: str, width: float, size: float, bold: bool) -> int:
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], size, bold) <= width:
        cut += 1
    return cut
