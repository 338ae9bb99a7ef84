"""Candidate pairs for the duplicate search: units that share a rare key, never all pairs.

Each unit gets keys: pairs of its title's rarer words, single words, spellings one typo
away (for short titles), initials ('ml' for 'machine learning'), and content keys such as
its outcome texts. Units that share a key with few holders become candidates. A key held
by many units is only scanned, in rapidfuzz's C code, for titles that are spelled alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations

from rapidfuzz import fuzz, process

from designer.progress import Meter
from designer.sharing.text import STOP_WORDS, TitleWeights, content_words

Key = tuple[Hashable, ...]

SMALL_BLOCK = 24  # holders of one key whose every pair is a candidate
# Keys that say less (a single word, initials, a part's title) must be rarer to count.
SMALL_BLOCKS: dict[Hashable, int] = {"w": 8, "a": 8, "c": 8}
LARGE_BLOCK = 400  # above this a key says nothing: it is not even scanned
SCAN_CUTOFF = 80  # a large block's pairs are candidates when their letters are this alike
MOST_WORDS = 6  # title words taken into word-pair keys, rarest first


def title_keys(text: str, weights: TitleWeights) -> set[Key]:
    """The title keys of one comparable title; equal keys make two units candidates."""
    tokens = text.split()
    words = sorted(set(content_words(tokens)), key=lambda w: (weights.counts.get(w, 0), w))
    keys: set[Key] = {("w", word) for word in words}
    rare = sorted(words[:MOST_WORDS])
    keys.update(("p", a, b) for a, b in combinations(rare, 2))
    if len(words) <= 2:
        # Few words: a typo in one of them would leave nothing shared, so spell them loosely.
        for word in words:
            for variant in _one_deleted(word):
                keys.add(("d", variant, *(w for w in words if w != word)))
            keys.add(("d", word, *(w for w in words if w != word)))
    plain = [t for t in tokens if t not in STOP_WORDS]
    for size in (2, 3, 4):
        for start in range(len(plain) - size + 1):
            keys.add(("a", "".join(t[0] for t in plain[start : start + size])))
    keys.update(("a", word) for word in words if 2 <= len(word) <= 5 and word.isalpha())
    return keys


def item_keys(text: str) -> set[Key]:
    """Strict keys for item titles, which are near-duplicates only with the same words.

    The words' first three letters, and their last three, each sorted: a typo or a short
    form changes one of the two, reordering neither.
    """
    words = [t for t in text.split() if t not in STOP_WORDS] or text.split()
    return {("<", *sorted(w[:3] for w in words)), (">", *sorted(w[-3:] for w in words))}


def _one_deleted(word: str) -> set[str]:
    if len(word) < 5:
        return set()
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def candidate_pairs(
    titles: Sequence[str],
    title_key_sets: Sequence[Iterable[Key]],
    content_key_sets: Sequence[Iterable[Key]] = (),
    meter: Meter | None = None,
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of units that may be duplicates, by their positions in `titles`.

    Small blocks give all their pairs; large blocks of title keys give the pairs whose
    titles are spelled alike; content keys held by many units are left out. The meter, if
    given, counts the rest of its current part as the blocks are gone through.
    """
    meter = meter or Meter(None, 0)
    found: set[tuple[int, int]] = set()
    seen: set[tuple[int, ...]] = set()
    for holders, scan in (
        (list(_blocks(title_key_sets, meter)), True),
        (list(_blocks(content_key_sets, meter)), False),
    ):
        # Title blocks are scanned, content blocks only paired: most of the time goes to the first.
        share = meter.left * 4 // 5 if scan else meter.left
        for key, members in meter.each(holders, share):
            if members in seen:
                continue
            seen.add(members)
            if len(members) <= SMALL_BLOCKS.get(key[0], SMALL_BLOCK):
                found.update(combinations(members, 2))
            elif scan and len(members) <= LARGE_BLOCK:
                found.update(_alike(titles, members))
    return found


def _blocks(
    key_sets: Sequence[Iterable[Key]], meter: Meter
) -> Iterable[tuple[Key, tuple[int, ...]]]:
    index: dict[Key, list[int]] = {}
    for position, keys in enumerate(meter.each(key_sets, 0)):
        for key in keys:
            holders = index.get(key)
            if holders is None:
                index[key] = [position]
            else:
                holders.append(position)
    return ((key, tuple(holders)) for key, holders in index.items() if len(holders) > 1)


def _alike(titles: Sequence[str], members: tuple[int, ...]) -> list[tuple[int, int]]:
    """The pairs of a large block whose titles are spelled alike, found in C, not in Python."""
    choices = [titles[m] for m in members]
    pairs: list[tuple[int, int]] = []
    for n, member in enumerate(members[:-1], 1):
        matches = process.extract(
            titles[member],
            choices[n:],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=SCAN_CUTOFF,
            limit=None,
        )
        pairs.extend((member, members[n + index]) for _, _, index in matches)
    return pairs
