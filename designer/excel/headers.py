"""Recognising the columns of a curriculum table by their headers, in the words people use."""

from __future__ import annotations

import re

from designer.model import ItemKind

NUMBER, COURSE, MODULE, ITEM, KIND = "number", "course", "module", "item", "kind"
HOURS, MINUTES, ECTS, OUTCOME, BLOOM = "hours", "minutes", "ects", "outcome", "bloom"

# Header texts, normalised (lower case, punctuation as spaces), for each column role.
SYNONYMS: dict[str, set[str]] = {
    NUMBER: {"no", "nr", "number", "num", "#", "pos", "lfd nr", "nummer", "n", "item no"},
    COURSE: {
        "course",
        "course title",
        "course name",
        "courses",
        "title",
        "name",
        "subject",
        "kurs",
        "kurstitel",
        "lehrveranstaltung",
        "course module",
    },
    MODULE: {
        "module",
        "module title",
        "module name",
        "modules",
        "modul",
        "modultitel",
        "week",
        "weekly module",
        "unit",
        "lektion",
    },
    ITEM: {
        "item",
        "item title",
        "items",
        "lesson",
        "lesson title",
        "activity",
        "element",
        "learning activity",
        "content",
        "inhalt",
    },
    KIND: {"type", "kind", "item type", "activity type", "format", "typ", "art"},
    HOURS: {
        "hours",
        "learning hours",
        "workload",
        "stunden",
        "h",
        "hrs",
        "study hours",
        "student workload",
        "arbeitsaufwand",
        "workload hours",
        "total hours",
        "learning time",
        "study time",
        "duration hours",
        "zeitaufwand",
        "lernstunden",
        "aufwand",
        "hours total",
        "workload in hours",
        "learning hours h",
    },
    MINUTES: {"minutes", "min", "mins", "minuten", "duration", "duration minutes", "length"},
    ECTS: {
        "ects",
        "credits",
        "ects credits",
        "cp",
        "credit points",
        "leistungspunkte",
        "ects points",
        "ects cp",
        "lp",
    },
    OUTCOME: {
        "outcome",
        "outcomes",
        "learning outcome",
        "learning outcomes",
        "objective",
        "objectives",
        "learning objective",
        "learning objectives",
        "lernziel",
        "lernziele",
        "lernergebnis",
        "lernergebnisse",
        "competence",
        "skill",
    },
    BLOOM: {
        "bloom",
        "bloom level",
        "blooms level",
        "bloom s level",
        "blooms",
        "cognitive level",
        "taxonomy level",
        "bloom taxonomy",
        "blooms taxonomy level",
        "bloom stufe",
    },
}
_DURATION_WORDS = {"workload", "duration", "time", "length", "effort", "aufwand", "dauer"}
_HOUR_UNITS = {"h", "hrs", "hr", "hours", "std", "stunden"}
_MINUTE_UNITS = {"min", "mins", "minutes", "minuten"}
# Labels of the rows that close a table (a total, the credits); a subtotal is passed over.
TOTAL_WORDS = (
    "total",
    "sum",
    "summe",
    "gesamt",
    "insgesamt",
    "overall",
    "ects",
    "credits",
    "workload total",
    "grand total",
)
SUBTOTAL_WORDS = ("subtotal", "sub total", "zwischensumme")

ITEM_KINDS: dict[str, ItemKind] = {kind.value.replace("_", " "): kind for kind in ItemKind}
ITEM_KINDS.update(
    {
        "quiz": ItemKind.GRADED_QUIZ,
        "graded assessment": ItemKind.GRADED_QUIZ,
        "assessment": ItemKind.GRADED_QUIZ,
        "exam": ItemKind.GRADED_QUIZ,
        "test": ItemKind.GRADED_QUIZ,
        "practice": ItemKind.PRACTICE_QUIZ,
        "text": ItemKind.READING,
        "article": ItemKind.READING,
        "lecture": ItemKind.VIDEO,
        "assignment": ItemKind.PROGRAMMING_ASSIGNMENT,
        "exercise": ItemKind.LAB,
        "discussion": ItemKind.DISCUSSION_PROMPT,
        "peer graded assignment": ItemKind.PEER_REVIEW,
        "capstone": ItemKind.PROJECT,
    }
)


def normalise(text: str) -> str:
    """'Workload (h)' -> 'workload h'; 'No.' -> 'no'; 'Bloom's level' -> 'bloom s level'."""
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[()\[\]{}/:.,;_\-'\"*]+", " ", text)
    return " ".join(text.split())


def column_role(header: object) -> str | None:
    """What a column holds, from its header; None when the header says nothing we know."""
    if not isinstance(header, str):
        return None
    key = normalise(header)
    if not key:
        return None
    for role, names in SYNONYMS.items():
        if key in names:
            return role
    words = key.split()
    if len(words) > 1:
        head, unit = " ".join(words[:-1]), words[-1]
        known = head in _DURATION_WORDS or head in SYNONYMS[HOURS] or head in SYNONYMS[MINUTES]
        if unit in _HOUR_UNITS and known:
            return HOURS
        if unit in _MINUTE_UNITS and known:
            return MINUTES
        if words[0] in ("bloom", "blooms"):
            return BLOOM
    return None


def item_kind(label: str) -> tuple[ItemKind, bool] | None:
    """An item's kind and whether it is graded, from a label such as 'Graded quiz, graded'.
    A graded quiz is graded, whether or not its label says so."""
    key = normalise(label)
    graded = key.endswith(" graded") and key != "graded quiz"
    if graded:
        key = key.removesuffix(" graded").strip()
    kind = ITEM_KINDS.get(key)
    return None if kind is None else (kind, graded or kind is ItemKind.GRADED_QUIZ)


# Words that may follow a total's label ("Total workload (h)") without making it a title.
_TOTAL_TAIL = {
    "workload",
    "hours",
    "h",
    "learning",
    "credits",
    "credit",
    "ects",
    "points",
    "cp",
    "lp",
    "program",
    "programme",
    "certificate",
    "stunden",
    "of",
    "the",
    "in",
    "all",
    "modules",
    "courses",
}


def is_total_label(text: str) -> bool:
    """'Total', 'Total workload (h)', 'ECTS credits' close a table; 'Total Quality' does not."""
    return _label_of(text, TOTAL_WORDS)


def is_subtotal_label(text: str) -> bool:
    return _label_of(text, SUBTOTAL_WORDS)


def _label_of(text: str, words: tuple[str, ...]) -> bool:
    key = normalise(text)
    for word in words:
        if key == word:
            return True
        if key.startswith(word + " "):
            rest = key[len(word) + 1 :].split()
            if all(each in _TOTAL_TAIL for each in rest):
                return True
    return False
