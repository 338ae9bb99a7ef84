"""How alike two courses, modules or items are: the near-duplicate score and its reason."""

from __future__ import annotations

from designer.model.totals import format_hours
from designer.sharing.profiles import Profile
from designer.sharing.text import (
    Title,
    dice,
    hours_closeness,
    letter_similarity,
    same_words,
    word_similarity,
)

TITLE_WEIGHT = 0.4
HOURS_WEIGHT = 0.15
CONTENT_WEIGHT = 0.45
FULL_CONTENT = 0.6  # sharing this much of the outcomes and parts counts as sharing all


def score_unit(
    a: Profile,
    b: Profile,
    a_title: Title,
    b_title: Title,
    threshold: float,
    level: str,
    specific: bool,
) -> tuple[float, str] | None:
    """A course or module pair's score and reason, or None below the threshold.

    The score weighs how alike the titles are, how much of the content (outcomes, and the
    modules' or items' titles) is the same, and how close the hours are. Sharing 60 % of
    the content word for word counts as sharing all of it: unrelated units share next to
    nothing word for word. A title of its own ('specific': not one many units carry, like
    'Final Project') that is all but the same (a typo, a short form, reordered words) is
    enough by itself, unless the contents have nothing in common. The cheap parts come
    first; the words are compared only when the pair can still pass.
    """
    content, reasons = _content(a, b, level)
    hours = hours_closeness(a.hours, b.hours)
    weight = TITLE_WEIGHT + HOURS_WEIGHT
    rest = HOURS_WEIGHT * hours
    if content is not None:
        weight += CONTENT_WEIGHT
        rest += CONTENT_WEIGHT * min(1.0, content / FULL_CONTENT)
    # A title of its own speaks for itself, unless the contents have nothing in common.
    alone = specific and content != 0.0

    def combined(title: float) -> float:
        linear = (rest + TITLE_WEIGHT * title) / weight
        return max(linear, _title_alone(title, hours)) if alone else linear

    letters = letter_similarity(a_title, b_title)
    if combined((letters + 1) / 2) < threshold:
        return None
    title = (letters + word_similarity(a_title, b_title)) / 2 if letters < 1 else 1.0
    score = round(combined(title), 4)
    if score < threshold:
        return None
    reasons.insert(0, f"titles {round(100 * title)} % alike")
    reasons.append(f"hours {format_hours(a.hours)} vs {format_hours(b.hours)}")
    return score, "; ".join(reasons)


def _content(a: Profile, b: Profile, level: str) -> tuple[float | None, list[str]]:
    """How much of their outcomes and parts two units share (None: nothing to compare)."""
    if not ((a.outcomes or a.parts) and (b.outcomes or b.parts)):
        return None, []
    reasons = []
    shares = []
    if a.outcomes and b.outcomes:
        shared, share = dice(a.outcomes, b.outcomes)
        most = max(len(a.outcomes), len(b.outcomes))
        reasons.append(f"{shared} of {most} outcomes identical")
        shares.append(share)
    if a.parts and b.parts:
        shared, share = dice(a.parts, b.parts)
        most = max(len(a.parts), len(b.parts))
        reasons.append(f"{shared} of {most} {'modules' if level == 'course' else 'items'} alike")
        shares.append(share)
    return (sum(shares) / len(shares) if shares else 0.0), reasons


def _title_alone(title: float, hours: float) -> float:
    """What an all but equal title says by itself: 0 up to 67 % alike, 1 when equal."""
    return max(0.0, 3 * title - 2) * (0.85 + 0.15 * hours)


def score_item(
    a: Profile,
    b: Profile,
    a_title: Title,
    b_title: Title,
    threshold: float,
    level: str,
    specific: bool,
) -> tuple[float, str] | None:
    """An item pair's score and reason, or None below the threshold.

    Items have no content to compare and short titles coincide, so only titles with the
    same words (give or take a typo or an abbreviation) make two items near-duplicates.
    """
    minutes = hours_closeness(a.hours, b.hours)
    letters = letter_similarity(a_title, b_title)
    if (letters + 1) / 2 * (0.8 + 0.2 * minutes) < threshold:
        return None
    if not same_words(a_title, b_title):
        return None
    title = (letters + word_similarity(a_title, b_title)) / 2
    score = round(title * (0.8 + 0.2 * minutes), 4)
    if score < threshold:
        return None
    a_minutes, b_minutes = format_hours(a.hours * 60), format_hours(b.hours * 60)
    return score, f"titles {round(100 * title)} % alike; minutes {a_minutes} vs {b_minutes}"
