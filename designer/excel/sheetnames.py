"""Worksheet names that Excel and LibreOffice accept: short, clean and unique."""

from __future__ import annotations

import re

MAX_LENGTH = 31  # Excel refuses longer sheet names
# Excel's forbidden characters, and those XML cannot carry.
FORBIDDEN = re.compile("[\\[\\]:*?/\\\\\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
RESERVED = {"history"}  # Excel keeps this name for its change log
# Words a cut name should not end on ("Public Relations and").
DANGLING = {"and", "or", "of", "for", "the", "a", "an", "to", "in", "with", "&", "und"}


def clean_sheet_name(text: str, fallback: str = "Sheet") -> str:
    """A valid sheet name from any text: forbidden characters replaced, cut at a word."""
    name = FORBIDDEN.sub("-", text)
    name = " ".join(name.split())
    # A name may not begin or end with an apostrophe (Excel quotes names with them).
    name = name.strip("'").strip()
    if len(name) > MAX_LENGTH:
        cut = name[: MAX_LENGTH + 1]
        space = cut.rfind(" ")
        # Cut at a word when that keeps most of the name; otherwise mid-word.
        name = cut[:space] if space >= MAX_LENGTH // 2 else name[:MAX_LENGTH]
        name = name.rstrip(" -,.;'&")
        words = name.split(" ")
        while len(words) > 1 and words[-1].casefold() in DANGLING:
            words.pop()
        name = " ".join(words)
    if not name or name.casefold() in RESERVED:
        name = fallback
    return name


class SheetNames:
    """Hands out valid sheet names, unique regardless of case as Excel requires."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._taken

    def take(self, text: str, fallback: str = "Sheet") -> str:
        """A clean name for text; a name already taken gets ' (2)', ' (3)'... at the end."""
        base = clean_sheet_name(text, fallback)
        name = base
        number = 1
        while name.casefold() in self._taken:
            number += 1
            suffix = f" ({number})"
            name = base[: MAX_LENGTH - len(suffix)].rstrip() + suffix
        self._taken.add(name.casefold())
        return name


def short_titles(titles: list[str]) -> list[str]:
    """Titles without the words that all of them share ("Microsoft ... Professional
    Certificate"), so that sheet names say what tells the programs apart."""
    if len(titles) < 2:
        return list(titles)
    words = [title.split() for title in titles]
    common = set.intersection(*({w.casefold() for w in each} for each in words))
    shortened = []
    for title, each in zip(titles, words, strict=True):
        kept = [w for w in each if w.casefold() not in common]
        shortened.append(" ".join(kept) if kept else title)
    return shortened
