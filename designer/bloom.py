"""Bloom verb help: a level suggested from an outcome's leading action verb, and weak phrasing."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from designer.model.units import Bloom

NON_MEASURABLE = "non-measurable"
TOO_MANY_VERBS = "too many verbs"
NO_VERB = "no verb found"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class VerbAdvice:
    """What the leading action verb of one outcome suggests, and what is weak about it."""

    text: str
    level: Bloom | None
    verb: str | None
    candidates: tuple[Bloom, ...] = ()
    flags: tuple[str, ...] = ()
    vague: str | None = None  # the non-measurable phrase, leading or joined to the verb

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "level": None if self.level is None else self.level.value,
            "verb": self.verb,
            "candidates": [level.value for level in self.candidates],
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class _Lexicon:
    levels: dict[str, tuple[Bloom, ...]]  # entry -> its levels, most usual first
    vague: frozenset[str]  # non-measurable entries
    intended: dict[str, Bloom]  # a word of a non-measurable phrase -> the level it means
    entries: dict[str, list[tuple[str, ...]]]  # first word -> entries, longest first
    nouns: frozenset[str]  # "knowledge", "understanding", ...
    noun_links: frozenset[str]  # the words after them: "of", "with", "into", ...
    light_verbs: frozenset[str]  # "gain", "demonstrate", ... before one of those nouns
    fillers: frozenset[str]
    irregular: dict[str, str]
    spellings: dict[str, str]
    words: frozenset[str]  # every word of every entry: what a lemma may be


@cache
def _lexicon() -> _Lexicon:
    resource = files("designer.resources").joinpath("bloom_verbs.json")
    data = json.loads(resource.read_text(encoding="utf-8"))
    levels: dict[str, tuple[Bloom, ...]] = {
        verb: (Bloom(level),) for level, verbs in data["levels"].items() for verb in verbs
    }
    levels |= {verb: tuple(map(Bloom, named)) for verb, named in data["ambiguous"].items()}
    vague = data["non_measurable"]
    entries: dict[str, list[tuple[str, ...]]] = {}
    for entry in [*levels, *vague["phrases"]]:
        entries.setdefault(entry.split()[0], []).append(tuple(entry.split()))
    for same_start in entries.values():
        same_start.sort(key=len, reverse=True)
    every = [*levels, *vague["phrases"], *vague["nouns"], *vague["light_verbs"]]
    return _Lexicon(
        levels=levels,
        vague=frozenset(vague["phrases"]),
        intended={word: Bloom(level) for level, ws in vague["intended"].items() for word in ws},
        entries=entries,
        nouns=frozenset(noun.split()[0] for noun in vague["nouns"]),
        noun_links=frozenset(noun.split()[-1] for noun in vague["nouns"]),
        light_verbs=frozenset(vague["light_verbs"]),
        fillers=frozenset(data["fillers"]),
        irregular=data["irregular"],
        spellings=data["spellings"],
        words=frozenset(word for entry in every for word in entry.split()),
    )


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ing", "e"))


def _forms(word: str) -> Iterator[str]:
    """Possible lemmas of a word form, likeliest first: designs, designed, designing -> design."""
    for base in dict.fromkeys([word, word.replace("-", "")]):
        yield base
        for suffix, ending in _SUFFIXES:
            if not base.endswith(suffix) or len(base) <= len(suffix) + 1:
                continue
            stem = base[: -len(suffix)]
            yield stem
            if ending:
                yield stem + ending  # created -> create, applied -> apply
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # planned -> plan, modelling -> model


@lru_cache(maxsize=4096)  # bounded: any text can come in
def lemma(word: str) -> str:
    """The lexicon's lemma for a word form (analyses -> analyze), or the word unchanged."""
    lex = _lexicon()
    if word in lex.irregular:
        return lex.irregular[word]
    for form in _forms(word):
        form = lex.spellings.get(form, form)
        if form in lex.words:
            return form
        if form.endswith(("ise", "yse")) and form[:-2] + "ze" in lex.words:
            return form[:-2] + "ze"  # British organise, analyse
    return word


_TOKEN = re.compile(r"[a-z]+(?:[-'][a-z]+)*|[,;/&.:]")
_JOINERS = frozenset({",", ";", "/", "&", ".", ":", "and", "or", "then", "plus"})
_SKIPPED = frozenset({"also", "then", "further", "both", "and", "or", "to", "as", "well"})
_SUBJECTS = (
    r"students?|learners?|participants?|trainees?|graduates?|candidates?|pupils?|attendees?|"
    r"delegates?|apprentices?|individuals?|professionals?|you|we|they|i|he|she"
)
_BULLET = re.compile(  # "-", "•", "1.", "(b)", "iv)", "LO2:", "1.3 -"
    r"^\s*(?:[-–—*•·▪◦‣>]+|\(?(?:\d+|[a-z]|[ivx]+)[.):]"
    r"|[a-z]{0,4}\s?\d+(?:\.\d+)*\s*[:.)–-])\s*"
)
_INTRO = re.compile(
    r"^(?:by|at|upon|on|after|following|through|with|when|once|having|in|within|using|given|"
    r"for|as)\b[^,:;]{0,150}[,:;]\s*"
)
_ABLE = re.compile(
    r"^(?:.{0,150}?\b(?:be|are|is|am|being|been|become|becomes)\s+(?:\w+\s+)?)?able\s+to\b[\s:]*"
)
_MODAL = re.compile(r"\b(?:will|shall|should|can|could|must|may|would)\b[\s:]*")
_SUBJECT = re.compile(rf"^(?:(?:the|each|all|every|our|successful)\s+)*(?:{_SUBJECTS})\b\s*")
_STEM_SUBJECT = re.compile(rf"\b(?:{_SUBJECTS}|course|module|program|programme|unit)\b")
_STEMS = [  # cut wherever they start the text
    re.compile(
        r"^(?:also\s+)?(?:be|are|is|am)\s+(?:\w+\s+)?"
        r"(?:expected|required|prepared|equipped|ready|encouraged)\s+to\s+"
    ),
    re.compile(
        r"^(?:(?:have|has|gain|develop|demonstrate|demonstrates|show|shows|possess|acquire)\s+)?"
        r"(?:(?:the|an|a)\s+)?"
        r"(?:ability|capacity|competence|competency|skills?|opportunity|confidence)\s+to\s+"
    ),
    re.compile(  # "(This course) enables learners to", "(This module is designed to) help you"
        r"^(?:(?:this|the|our|each)\s+(?:\w+\s+)?(?:course|module|program|programme|unit|lesson)"
        r"\s+(?:is\s+designed\s+to\s+)?)?"
        rf"(?:(?:enables?|allows?|prepares?|equips?|empowers?)\s+(?:{_SUBJECTS}|them)\s+to"
        rf"|helps?\s+(?:{_SUBJECTS}|them)(?:\s+to)?)\s+"
    ),
    re.compile(r"^(?:how\s+)?to\s+"),
    re.compile(r"^(?:will|shall|should|can|must|may)\s+(?:also\s+)?"),  # "Can write ..."
]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)[:2000]  # an outcome is a sentence or two
    return text.replace("’", "'").replace("‘", "'").lower().strip()


def _strip_stems(text: str) -> str:
    """The outcome without its stem: "By the end, students will be able to design" -> "design"."""
    for _ in range(10):
        before = text
        text = _BULLET.sub("", text, count=1)
        intro = _INTRO.match(text)
        if intro and not _MODAL.search(intro.group()) and "able to" not in intro.group():
            text = text[intro.end() :]
        tokens = _TOKEN.findall(text)
        start = _first_word(tokens)
        if start >= len(tokens) or _lead(tokens, start) is None:
            # Not after a verb: "Design systems able to scale" keeps "design".
            text = _ABLE.sub("", text, count=1)
            modal = _MODAL.search(text, 0, 150)
            if modal and _STEM_SUBJECT.search(text, 0, modal.start()):
                text = text[modal.end() :]
            text = _SUBJECT.sub("", text, count=1)
        for stem in _STEMS:
            text = stem.sub("", text, count=1)
        if text == before:
            break
    return text


def _is_adverb(token: str) -> bool:
    return token.endswith("ly") and lemma(token) not in _lexicon().words  # not "apply"


def _is_filler(token: str) -> bool:
    return token in _lexicon().fillers or _is_adverb(token)


def _first_word(tokens: list[str], start: int = 0) -> int:
    """Skips joiners and adverbs: "critically evaluate", "and then design"."""
    while start < len(tokens) and (
        tokens[start] in _JOINERS or tokens[start] in _SKIPPED or _is_adverb(tokens[start])
    ):
        start += 1
    return start


def _match(tokens: list[str], start: int, phrase: tuple[str, ...]) -> int | None:
    """The index after `phrase` matched at `start`, describing words allowed between its words."""
    at = start
    for number, word in enumerate(phrase):
        while number and at < len(tokens) and word not in (tokens[at], lemma(tokens[at])):
            if not _is_filler(tokens[at]):
                return None
            at += 1
        if at >= len(tokens) or word not in (tokens[at], lemma(tokens[at])):
            return None
        at += 1
    return at


def _entry_at(tokens: list[str], start: int) -> tuple[str, int] | None:
    """The verb or non-measurable phrase at `start`, longest first, with the index after it."""
    entries = _lexicon().entries
    for key in dict.fromkeys([tokens[start], lemma(tokens[start])]):
        for phrase in entries.get(key, []):
            end = _match(tokens, start, phrase)
            if end is not None:
                return " ".join(phrase), end
    return None


def _knowledge_noun(tokens: list[str], start: int, after_verb: bool) -> tuple[str, int] | None:
    """ "(an in-depth) knowledge (and understanding) of" at `start`: phrase, index after it."""
    lex = _lexicon()
    described = 0  # "an immersive understanding": a couple of describing words we do not list
    while start < len(tokens) and tokens[start] not in lex.nouns:
        if not _is_filler(tokens[start]):
            if described == 2 or tokens[start] in _JOINERS or _entry_at(tokens, start):
                return None
            described += 1
        start += 1
    if start >= len(tokens):
        return None
    at = start + 1
    while at < len(tokens) and at < start + 4:
        if tokens[at] in lex.noun_links:
            return f"{tokens[start]} {tokens[at]}", at + 1
        if tokens[at] not in lex.nouns and not _is_filler(tokens[at]):  # "and" is a filler
            break
        at += 1
    ends = at >= len(tokens) or tokens[at] in {".", ",", ";", ":"}
    return None if after_verb and not ends else (tokens[start], at)


def _lead(tokens: list[str], start: int, joined: bool = False) -> tuple[str, int, bool] | None:
    """The leading verb or phrase at `start`: (entry, index after it, non-measurable?).

    Joined to a verb, a knowledge noun counts after a light verb only: "and demonstrate an
    understanding of" is a verb, "and background knowledge of" a noun.
    """
    lex = _lexicon()
    light = lemma(tokens[start]) in lex.light_verbs
    noun = (
        _knowledge_noun(tokens, start + 1 if light else start, after_verb=light)
        if light or not joined
        else None
    )
    if noun:
        phrase, end = noun
        return (f"{lemma(tokens[start])} {phrase}" if light else phrase), end, True
    entry = _entry_at(tokens, start)
    if entry:
        return entry[0], entry[1], entry[0] in lex.vague
    return None


def _form(token: str) -> str:
    """base, s, ed or ing: coordinated verbs share the leading verb's form, nouns mostly do not."""
    if token == lemma(token):
        return "base"
    if token.endswith("ing"):
        return "ing"
    if token.endswith("ed") or token in _lexicon().irregular:
        return "ed"
    return "s" if token.endswith("s") else "base"


def _joined_verbs(tokens: list[str], lead: int, end: int) -> list[tuple[str, bool]]:
    """Action verbs joined to the leading one, and whether each is non-measurable:
    "identify, describe and understand" -> describe, understand (non-measurable)."""
    form = _form(tokens[lead])
    joined: dict[int, tuple[str, bool]] = {}
    for after in range(end, len(tokens)):
        if tokens[after - 1] not in _JOINERS:
            continue
        at = _first_word(tokens, after)
        if at == lead or at in joined or at >= len(tokens) or _form(tokens[at]) != form:
            continue
        verb = _lead(tokens, at, joined=True)
        if verb and (verb[1] >= len(tokens) or tokens[verb[1]] != "of"):  # "the design of"
            joined[at] = verb[0], verb[2]
    return list(joined.values())


def _meant_after(tokens: list[str], end: int) -> Bloom | None:
    """The level of the measurable verb a vague one leads to: "learn (how) to design" is
    to design, at its most usual level."""
    at = end + 1 if tokens[end : end + 1] == ["how"] else end
    if tokens[at : at + 1] != ["to"]:
        return None
    at = _first_word(tokens, at + 1)
    lead = _lead(tokens, at) if at < len(tokens) else None
    if lead is None or lead[2]:
        return None
    return _lexicon().levels[lead[0]][0]


def analyze(text: str) -> VerbAdvice:
    """Suggest a Bloom level from an outcome's leading action verb and flag weak phrasing."""
    original = text if isinstance(text, str) else ("" if text is None else str(text))
    tokens = _TOKEN.findall(_strip_stems(_normalise(original)))
    start = _first_word(tokens)
    lead = _lead(tokens, start) if start < len(tokens) else None
    if lead is None:
        return VerbAdvice(original, None, None, (), (NO_VERB,))
    entry, end, vague = lead
    joined = _joined_verbs(tokens, start, end)
    too_many = (TOO_MANY_VERBS,) if len(joined) > 1 else ()
    if vague:
        # "Understand X" is not measurable, but it says which level the designer means;
        # "know how to design" and "understand and apply" mean the measurable verb's.
        lex = _lexicon()
        measurable = next((lex.levels[verb][0] for verb, is_vague in joined if not is_vague), None)
        meant = next((lex.intended[w] for w in entry.split() if w in lex.intended), None)
        level = _meant_after(tokens, end) or measurable or meant
        return VerbAdvice(original, level, entry, (), (NON_MEASURABLE, *too_many), entry)
    # "Declare ... and understand ...": the level is the measurable verb's, the vague one
    # is flagged all the same.
    joined_vague = next((verb for verb, is_vague in joined if is_vague), None)
    weak = (NON_MEASURABLE,) if joined_vague else ()
    levels = _lexicon().levels[entry]
    if len(levels) > 1:
        return VerbAdvice(
            original, levels[0], entry, levels, (AMBIGUOUS, *weak, *too_many), joined_vague
        )
    return VerbAdvice(original, levels[0], entry, (), (*weak, *too_many), joined_vague)
