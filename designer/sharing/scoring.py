"""How alike two courses, modules or items are: the near-duplicate score and its reason.

A near pair's score, 0..0.99 (1.0 is kept for identical copies, so 100 % means no difference):

    (0.40 x titles + 0.45 x content + 0.15 x hours) x workload gap

- titles: how alike the titles are, letters and weighted words (text.title_similarity);
- content: the share of outcomes and parts (a course's modules, a module's items, by title)
  both hold, as a credit: the share x 5/3 up to half (0.83), then rising evenly to 1 when all
  is shared. Unrelated units share next to nothing word for word, near-copies about half, so
  half already says much, but only a pair with nothing different gets it all;
- hours: the smaller over the larger (39 h vs 40 h: 0.975). Without content on both sides,
  titles and hours share the whole weight, 0.40 : 0.15;
- workload gap: 1 while neither unit has more than twice the other's hours, then lower with
  the ratio, 0.8 at ten times, about 0.5 at a hundred: a 4 h week is no copy of a 40 h course
  however alike the titles. The reason then says how far apart the hours are.

A title of its own that is all but the same can carry a pair by itself, up to 0.9 (see
score_unit): only the content can say more.
Items have no content: their score is the titles' likeness x (0.8 + 0.2 x minutes ratio) x
workload gap, and only titles with the same words count.
"""

from __future__ import annotations

import math
from collections import Counter

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
HALF_SHARED_CREDIT = 5 / 6  # what sharing half of the outcomes and parts earns (0.83)
NEAR_MOST = 0.99  # a near pair differs in something: it never shows as 100 %
TITLE_ALONE_MOST = 0.9  # what a title can say by itself; only the content can say more
GAP_FREE = 2.0  # a workload up to this many times the other's is left to the hours term
GAP_AT_TENFOLD = 0.8  # what the workload gap leaves of the score at ten times the hours
HOURS_FLAGGED = 1.2  # hours this many times apart are named in the reason


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

    The score is the one the module docstring defines. A title of its own ('specific': not
    one many units carry, like 'Final Project') that is all but the same (a typo, a short
    form, reordered words) is enough by itself, unless the contents have nothing in common.
    The cheap parts come first; the words are compared only when the pair can still pass.
    """
    content, reasons = _content(a, b, level)
    hours = hours_closeness(a.hours, b.hours)
    gap = workload_gap(a.hours, b.hours)
    weight = TITLE_WEIGHT + HOURS_WEIGHT
    rest = HOURS_WEIGHT * hours
    if content is not None:
        weight += CONTENT_WEIGHT
        rest += CONTENT_WEIGHT * content_credit(content)
    # A title of its own speaks for itself, unless the contents have nothing in common.
    alone = specific and content != 0.0

    def combined(title: float) -> float:
        linear = (rest + TITLE_WEIGHT * title) / weight
        if alone:
            linear = max(linear, _title_alone(title, hours))
        return min(NEAR_MOST, linear * gap)

    letters = letter_similarity(a_title, b_title)
    if combined((letters + 1) / 2) < threshold:
        return None
    title = (letters + word_similarity(a_title, b_title)) / 2 if letters < 1 else 1.0
    score = round(combined(title), 4)
    if score < threshold:
        return None
    reasons.insert(0, f"titles {round(100 * title)} % alike")
    reordered = _reordered(a, b, level)
    if reordered:
        reasons.append(reordered)
    reasons.append(f"hours {format_hours(a.hours)} vs {format_hours(b.hours)}")
    reasons.extend(_hours_apart(a.hours, b.hours, "hours"))
    return score, "; ".join(reasons)


def content_credit(share: float) -> float:
    """What sharing this much content earns: HALF_SHARED_CREDIT at half, 1 only for all.

    Near-copies keep about half of the outcomes and items word for word, unrelated units next
    to nothing, so the first half earns most; the rest is what tells a copy from a variant.
    """
    if share <= 0.5:
        return HALF_SHARED_CREDIT * share / 0.5
    return HALF_SHARED_CREDIT + (1 - HALF_SHARED_CREDIT) * min(1.0, (share - 0.5) / 0.5)


def workload_gap(a: float, b: float) -> float:
    """What a large gap in hours leaves of the score: 1 up to GAP_FREE times the other's,
    GAP_AT_TENFOLD at ten times, falling on with the logarithm of the ratio (0 at most).

    Units of 0 hours have no workload entered yet: nothing to compare.
    """
    small, large = min(a, b), max(a, b)
    if small <= 0 or large <= GAP_FREE * small:
        return 1.0
    steps = math.log(large / (GAP_FREE * small)) / math.log(10 / GAP_FREE)
    return max(0.0, 1.0 - (1.0 - GAP_AT_TENFOLD) * steps)


def _hours_apart(a: float, b: float, unit: str) -> list[str]:
    """The reason's word on hours (or minutes) far apart: a share, or a number of times."""
    small, large = min(a, b), max(a, b)
    if small <= 0 or large < HOURS_FLAGGED * small:
        return []
    if large < GAP_FREE * small:
        return [f"{unit} differ by {round(100 * (large - small) / small)} %"]
    return [f"one has {format_hours(round(large / small, 1))} times the other's {unit}"]


def _reordered(a: Profile, b: Profile, level: str) -> str:
    """'same items in another order' when that is how two units' parts differ."""
    parts_a, parts_b = a.signature[-1], b.signature[-1]
    if not (isinstance(parts_a, tuple) and isinstance(parts_b, tuple)) or parts_a == parts_b:
        return ""
    if Counter(parts_a) != Counter(parts_b):
        return ""
    return f"same {'modules' if level == 'course' else 'items'} in another order"


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
    """What an all but equal title says by itself: 0 up to 67 % alike, rising to
    TITLE_ALONE_MOST (a same title with other outcomes and items is no copy)."""
    return min(TITLE_ALONE_MOST, max(0.0, 3 * title - 2) * (0.85 + 0.15 * hours))


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
    minutes = (0.8 + 0.2 * hours_closeness(a.hours, b.hours)) * workload_gap(a.hours, b.hours)
    letters = letter_similarity(a_title, b_title)
    if (letters + 1) / 2 * minutes < threshold:
        return None
    if not same_words(a_title, b_title):
        return None
    title = (letters + word_similarity(a_title, b_title)) / 2
    score = round(min(NEAR_MOST, title * minutes), 4)
    if score < threshold:
        return None
    a_minutes, b_minutes = format_hours(a.hours * 60), format_hours(b.hours * 60)
    reasons = [f"titles {round(100 * title)} % alike", f"minutes {a_minutes} vs {b_minutes}"]
    return score, "; ".join(reasons + _hours_apart(a.hours, b.hours, "minutes"))
