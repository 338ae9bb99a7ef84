"""Bloom verb help after the domain review: vague verbs joined to a measurable one (D4),
non-observable phrasings (D5), stems with a subject and "know how to" (D11)."""

import subprocess
import sys
from pathlib import Path

import pytest

from designer.bloom import analyze
from designer.model import Catalog, Course, Item, ItemKind, Module, Outcome, Program, Settings
from designer.model.units import Bloom
from designer.storage import save


def bloom(*texts: str) -> list[str]:
    """The `curriculum-designer bloom` lines for these outcomes."""
    result = subprocess.run(
        [sys.executable, "-m", "designer", "bloom", *texts],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def check(path: Path) -> list[str]:
    """The `curriculum-designer check` lines of the file."""
    result = subprocess.run(
        [sys.executable, "-m", "designer", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def catalog_with(path: Path, texts: list[str]) -> Path:
    """A one-course catalog whose week states these outcomes, saved at `path`."""
    outcomes = [Outcome(id=f"w1-o{n}", text=text, bloom="apply") for n, text in enumerate(texts, 1)]
    quiz = Item(
        id="w1-quiz",
        title="Week 1 quiz",
        kind=ItemKind.GRADED_QUIZ,
        minutes=60,
        graded=True,
        outcome_ids=[o.id for o in outcomes],
    )
    week = Module(id="w1", title="Week 1", outcomes=outcomes, items=[quiz])
    course = Course(id="c1", title="C# basics", module_ids=["w1"])
    program = Program(id="p1", title="Back-End Developer", course_ids=["c1"])
    save(Catalog(Settings(), [program], [course], [week], [], []), path)
    return path


# D4: a vague verb joined to a measurable one is flagged; the level is the measurable verb's.


@pytest.mark.parametrize(
    ("text", "verb", "level", "vague"),
    [
        (
            "Declare variables of the built-in C# types and understand how to convert "
            "between them.",
            "declare",
            "remember",
            "understand",
        ),
        ("Explain and know how value types are stored.", "explain", "understand", "know"),
        ("Apply and understand recursion.", "apply", "apply", "understand"),
        ("Design and know recursion.", "design", "create", "know"),
        ("Define and understand recursion.", "define", "remember", "understand"),
        ("Identify risks and be aware of their costs.", "identify", "remember", "be aware of"),
        (
            "Explain recursion and demonstrate an understanding of stacks.",
            "explain",
            "understand",
            "demonstrate understanding of",
        ),
    ],
)
def test_a_vague_verb_joined_to_a_measurable_one_is_flagged(text, verb, level, vague):
    advice = analyze(text)
    assert (advice.verb, advice.level, advice.vague) == (verb, Bloom(level), vague)
    assert "non-measurable" in advice.flags


def test_a_vague_verb_first_takes_the_level_of_the_measurable_one_joined():
    advice = analyze("Understand and apply recursion.")
    assert (advice.verb, advice.level, advice.flags) == (
        "understand",
        Bloom.APPLY,
        ("non-measurable",),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Identify and evaluate risks.",
        "Describe the context and background knowledge of a case.",
        "Apply knowledge of statistics and design a survey.",
    ],
)
def test_measurable_verbs_and_joined_nouns_are_not_flagged(text):
    advice = analyze(text)
    assert "non-measurable" not in advice.flags and advice.vague is None


def test_bloom_command_flags_a_vague_verb_after_and():
    lines = bloom(
        "Declare variables of the built-in C# types and understand how to convert between them.",
        "Explain and know how value types and reference types are stored.",
        "Describe, understand and apply recursion.",
    )
    assert lines[0].split()[:2] == ["remember", "declare"]
    assert "[ambiguous: remember, apply; non-measurable]" in lines[0]
    assert lines[1].split()[:2] == ["understand", "explain"]
    assert "non-measurable" in lines[1]
    assert "non-measurable; too many verbs" in lines[2]


# D5: non-observable phrasings get the warning "be familiar with" gets.


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Gain hands-on experience with Azure.", "gain hands-on experience"),
        ("Gain practical experience in building web apps.", "gain experience"),
        ("Become proficient in C#.", "become proficient"),
        ("Be proficient in SQL.", "be proficient"),
        ("Students will be proficient with Git.", "be proficient"),
        ("Be comfortable with SQL.", "be comfortable"),
        ("Be conversant with research ethics.", "be conversant"),
        ("Be well versed in accessibility rules.", "be well versed"),
        ("Develop a deep understanding that errors matter.", "develop understanding"),
        ("Develop an appreciation of design history.", "develop appreciation of"),
    ],
)
def test_non_observable_phrasings_are_flagged_not_unknown(text, phrase):
    advice = analyze(text)
    assert (advice.verb, advice.vague, advice.flags) == (phrase, phrase, ("non-measurable",))


def test_bloom_command_flags_proficient_and_experience_as_non_measurable():
    lines = bloom("Gain hands-on experience with Azure.", "Be comfortable with SQL.")
    assert all(line.endswith("[non-measurable]") for line in lines), lines
    assert "gain hands-on experience" in lines[0] and "be comfortable" in lines[1]


# D11: stems with a subject are cut; "know how to" and "understand how to" mean the verb after.


@pytest.mark.parametrize(
    "text",
    [
        "This course enables learners to design a schema.",
        "The program prepares learners to design a schema.",
        "This module will help you to design a schema.",
        "This module will help you design a schema.",
        "This introductory course helps students design a schema.",
        "This course is designed to help learners design a schema.",
        "Learners will be able to design a schema.",
    ],
)
def test_stems_with_a_subject_are_cut(text):
    advice = analyze(text)
    assert (advice.verb, advice.level, advice.flags) == ("design", Bloom.CREATE, ())


@pytest.mark.parametrize("vague", ["learn", "know", "understand"])
def test_vague_how_to_suggests_the_level_of_the_verb_after(vague):
    advice = analyze(f"{vague.capitalize()} how to design a schema.")
    assert (advice.verb, advice.level, advice.flags) == (vague, Bloom.CREATE, ("non-measurable",))


def test_bloom_command_finds_the_verb_after_a_course_subject():
    lines = bloom("This course enables learners to evaluate designs.", "Know how to deploy an app.")
    assert lines[0].split()[:2] == ["evaluate", "evaluate"]
    assert lines[1].split()[:2] == ["apply", "know"] and "[non-measurable]" in lines[1]


# The check command says which phrase is vague, wherever it stands.


def test_check_warns_of_vague_verbs_after_and_and_of_non_observable_phrasings(tmp_path):
    path = catalog_with(
        tmp_path / "vague.curriculum.json",
        [
            "Declare variables of the built-in C# types and understand how to convert "
            "between them.",
            "Explain and know how value types and reference types are stored.",
            "Gain hands-on experience with branching and loops.",
            "Be proficient in organizing code into methods.",
            "This course enables learners to debug a console application.",
        ],
    )
    lines = check(path)
    measurable = [line for line in lines if "outcomes.measurable-verb" in line]
    assert len(measurable) == 4, lines
    assert measurable[0].startswith("warning") and "says “understand”" in measurable[0]
    assert "says “know”" in measurable[1]
    assert "says “gain hands-on experience”" in measurable[2]
    assert "says “be proficient”" in measurable[3]
    assert not [line for line in lines if "outcomes.unknown-verb" in line]
