"""Folding texts for comparison, and how alike two titles are with rare words weighing most."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA


# Words that join a title together and say nothing about its subject.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_WORDS = _word_set(
    "a an and are as at be by for from how in into is it its of on or the to using via vs "
    "what when why with your you"
)
# Words any course or week may carry: they say what kind of course it is, not what about.
GENERIC_WORDS = _word_set(
    "introduction intro fundamentals fundamental foundations foundation basics basic "
    "principles essentials essential overview advanced applied beginners beginner "
    "getting started course module week unit lesson part session topics topic practice "
    "practical hands mastering guide primer concepts skills level "
    # Tracks and audiences: 'Foundations of Coding Full-Stack' and '... Back-End' are variants.
    "full stack back front end beginners professionals managers developers"
)
STOP_WEIGHT = 0.05
GENERIC_WEIGHT = 0.3

_WORD = re.compile(r"[^\W_]+[#+]*")
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)")  # "peer's" is one word
# "Week 1:", "Module 2 -", "Course 5:" at the start of a title number a unit, not name it.
_NUMBERING = re.compile(
    r"^(?:week|module|course|unit|lesson|part|session|day|chapter)\s*\d+\s+(?=\S)"
)


def normalize(text: str) -> str:
    """Case, accents, whitespace and punctuation folded: 'Full-Stack  C#!' -> 'full stack c#'."""
    word = _WORD
    if not text.isascii():
        text = _without_accents(unicodedata.normalize("NFKD", text))
        word = _word_with_marks()
    folded = text.casefold().replace("&", " and ")
    return " ".join(word.findall(_APOSTROPHE.sub("", folded)))


def _accented(base: str) -> bool:
    """Whether the marks on this letter are accents, which a title may as well be typed
    without: on Latin, Greek and Cyrillic letters (é, ά, й), and the optional vowel points
    of Hebrew and Arabic. The marks of Indian, Thai and other scripts are their vowels and
    viramas, letters of the word: 'कला' (art) and 'कल' (yesterday) are different titles."""
    code = ord(base)
    return code < 0x0780 or 0x1D00 <= code < 0x2000


def _without_accents(decomposed: str) -> str:
    kept = []
    base = " "
    for character in decomposed:
        if not unicodedata.combining(character):
            base = character
        elif _accented(base):
            continue
        kept.append(character)
    return "".join(kept)


@cache
def _word_with_marks() -> re.Pattern[str]:
    """_WORD for text with marks kept: they belong to the word (\\w has no marks, and cut
    'कंप्यूटर' into 'क', 'पय' and 'टर'). Made once, when a title first needs it."""
    marks = [c for c in range(0x300, 0x20000) if unicodedata.category(chr(c)).startswith("M")]
    spans: list[list[int]] = []
    for code in marks:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    listed = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in spans)
    return re.compile(f"(?:[^\\W_]|[{listed}])+[#+]*")


def comparable_title(title: str) -> str:
    """The normalised title without a leading 'Week 1:' style number."""
    return _NUMBERING.sub("", normalize(title))


def content_words(tokens: Iterable[str]) -> list[str]:
    """The words of a title that say what it is about (all but stop and generic words)."""
    words = [t for t in tokens if t not in STOP_WORDS and t not in GENERIC_WORDS]
    return words or [t for t in tokens if t not in STOP_WORDS]


@dataclass(frozen=True)
class Title:
    """A title ready to compare: its folded text, its words, their weights and initials."""

    text: str
    tokens: tuple[str, ...]
    weights: dict[str, float]
    total: float
    initials: dict[str, tuple[str, ...]]  # 'ml' -> ('machine', 'learning')


class TitleWeights:
    """Weights of the words in a set of titles: rare words weigh most, generic ones little."""

    def __init__(self, titles: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        number = 0
        for title in titles:
            number += 1
            counts.update(set(title.split()))
        self.counts = counts
        self.number = number

    def weight(self, token: str) -> float:
        rarity = 1.0 + math.log((self.number + 1) / (self.counts.get(token, 0) + 1))
        if token in STOP_WORDS:
            return rarity * STOP_WEIGHT
        if token in GENERIC_WORDS or token.isdigit():
            return rarity * GENERIC_WEIGHT
        return rarity

    def title(self, text: str) -> Title:
        tokens = tuple(text.split())
        weights = {t: self.weight(t) for t in tokens}
        return Title(text, tokens, weights, math.fsum(weights.values()), _initials(tokens))


def _initials(tokens: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    words = [t for t in tokens if t not in STOP_WORDS]
    runs: dict[str, tuple[str, ...]] = {}
    for size in range(2, 6):
        for start in range(len(words) - size + 1):
            run = tuple(words[start : start + size])
            runs.setdefault("".join(t[0] for t in run), run)
    return runs


def letter_similarity(a: Title, b: Title) -> float:
    """0..1: how alike the letters are, in order or with the words sorted."""
    if a.text == b.text:
        return 1.0
    return max(fuzz.ratio(a.text, b.text), fuzz.token_sort_ratio(a.text, b.text)) / 100


def title_similarity(a: Title, b: Title) -> float:
    """0..1: half how alike the letters are, half how much of the words' weight is shared.

    The letters catch typos and reordering; the weighted words keep titles that share only
    generic words ('Introduction to ...') apart. Words match when equal, one abbreviates the
    other ('Intro', 'Dev'), they differ by a typo, or one is the initials of the other's
    words ('ML' for 'Machine Learning').
    """
    if a.text == b.text:
        return 1.0
    return (letter_similarity(a, b) + word_similarity(a, b)) / 2


def word_similarity(a: Title, b: Title) -> float:
    """0..1: the share of both titles' word weight that the other title matches."""
    if a.total <= 0 or b.total <= 0:
        return 0.0
    shared, _ = _match_words(a, b)
    return min(1.0, shared / (a.total + b.total))


def same_words(a: Title, b: Title) -> bool:
    """Whether every word of each title has its match in the other, but stop words."""
    return _match_words(a, b)[1] == 0


def _match_words(a: Title, b: Title) -> tuple[float, int]:
    """The weight of the words that match, and how many words other than stop words do not.

    Each word is used once: equal words first, then short forms and typos, then initials
    ('nlp' against 'natural language processing').
    """
    left = [t for t in a.weights if t not in b.weights]
    right = [t for t in b.weights if t not in a.weights]
    found = math.fsum(a.weights[t] + b.weights[t] for t in a.weights if t in b.weights)
    unmatched = []
    for word in sorted(left, key=a.weights.__getitem__, reverse=True):
        best, credit = "", 0.0
        for other in right:
            score = _word_match(word, other)
            if score > credit:
                best, credit = other, score
        if credit:
            right.remove(best)
            found += credit * (a.weights[word] + b.weights[best])
        else:
            unmatched.append(word)
    for short_words, short, long_words, long in (
        (unmatched, a, right, b),
        (right, b, unmatched, a),
    ):
        for word in list(short_words):
            run = long.initials.get(word) if 2 <= len(word) <= 5 else None
            if run and all(t in long_words for t in run):
                found += 0.9 * (short.weights[word] + math.fsum(long.weights[t] for t in run))
                short_words.remove(word)
                for t in run:
                    long_words.remove(t)
    missing = sum(1 for t in (*unmatched, *right) if t not in STOP_WORDS)
    return found, missing


def _word_match(word: str, other: str) -> float:
    if word[0] != other[0]:
        return 0.0  # abbreviations keep the first letter, and so do nearly all typos
    shorter, longer = (word, other) if len(word) <= len(other) else (other, word)
    if len(shorter) >= 3 and longer.startswith(shorter) and shorter.isalpha():
        return 0.9
    if len(shorter) >= 4:
        # One slip of the keyboard (two in a long word); a swap of letters counts as one.
        allowed = 1 if len(shorter) < 8 else 2
        if len(longer) - len(shorter) <= allowed and OSA.distance(word, other) <= allowed:
            return 0.85
    return 0.0


def hours_closeness(a: float, b: float) -> float:
    """1 for equal hours, falling towards 0 as one becomes a small part of the other."""
    largest = max(a, b)
    return 1.0 if largest <= 0 else 1.0 - abs(a - b) / largest


def dice(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    """How many members two sets share, and that as a share of their sizes (0..1)."""
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, 2 * shared / (len(a) + len(b))
