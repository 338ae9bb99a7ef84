"""Files damaged at random: each one loads, or is refused with every problem placed; never a crash.

A file is damaged by a few edits, as a hand-edit or a broken copy would: a value replaced
by any JSON value or by another value of the same file (an id where another id was), a
field or list entry deleted, one repeated, a field added, or bytes cut off or changed.
Loading goes two ways (designer.storage.load): the fast way for sound files, and the
careful way that words every problem. Both must agree on every damaged file.
"""

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from project import SAMPLE
from strategies import catalogs

from designer.errors import CatalogError
from designer.storage import dumps, fileformat, loads
from designer.storage.load import _checked_catalog, _sound_catalog

SAMPLE_DATA = json.loads(SAMPLE.read_text(encoding="utf-8"))

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and infinity too, which json.dumps writes and JSON does not allow
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def places(value, found=None):
    """Every (container, key or index) in a JSON value, outermost first."""
    found = [] if found is None else found
    keys = value.keys() if isinstance(value, dict) else range(len(value))
    for key in keys:
        found.append((value, key))
        if isinstance(value[key], dict | list):
            places(value[key], found)
    return found


def strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


class Damaged(bytes):
    """A damaged file's bytes, shown by the edits that damaged it (the file is too long)."""

    edits: list[str]

    def __repr__(self) -> str:
        return f"<file damaged by {'; '.join(self.edits)}>"


def path_of(data, container, key):
    """The JSON path to container[key] in data, as the loader names places."""
    for parent, inner in places(data):
        if parent[inner] is container:
            return f"{path_of(data, parent, inner)}{_step(key)}"
    return _step(key).lstrip(".")


def _step(key):
    return f"[{key}]" if isinstance(key, int) else f".{key}"


@st.composite
def damaged(draw, data):
    """data, damaged by one to three edits, as the bytes of a file."""
    data = json.loads(json.dumps(data))
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        spots = places(data)
        if not spots:
            break
        container, key = draw(st.sampled_from(spots))
        edit = draw(
            st.sampled_from(["any value", "another value", "delete", "repeat", "unknown field"])
        )
        edits.append(f"{edit} at {path_of(data, container, key)}")
        if edit == "any value":
            container[key] = draw(json_values)
            edits[-1] += f": {container[key]!r:.60}"
        elif edit == "another value":
            container[key] = draw(st.sampled_from(strings(data) or [""]))
            edits[-1] += f": {container[key]!r:.60}"
        elif edit == "delete":
            del container[key]
        elif edit == "repeat" and isinstance(container, list):
            container.insert(key, json.loads(json.dumps(container[key])))
        elif edit == "unknown field" and isinstance(container[key], dict):
            name = draw(st.text(min_size=1, max_size=8))
            container[key][name] = draw(json_values)
            edits[-1] += f": {name!r}"
    raw = json.dumps(data, indent=2, ensure_ascii=draw(st.booleans())).encode()
    cut = draw(st.sampled_from(["none", "none", "none", "truncate", "byte"]))
    if cut == "truncate":
        end = draw(st.integers(0, len(raw) - 1))
        raw = raw[:end]
        edits.append(f"cut after byte {end}")
    elif cut == "byte":
        at, byte = draw(st.integers(0, len(raw) - 1)), draw(st.integers(0, 255))
        raw = raw[:at] + bytes([byte]) + raw[at + 1 :]
        edits.append(f"byte {at} set to {byte}")
    file = Damaged(raw)
    file.edits = edits
    return file


def check(raw):
    fast = _sound_catalog(raw)
    try:
        careful = _checked_catalog(raw, "damaged.curriculum.json")
    except CatalogError as error:
        assert fast is None, "the fast way took a file the careful way refuses"
        assert error.problems
        for problem in error.problems:
            assert problem.message.strip() and problem.location, problem
        return
    if fast is None:  # an older version, which only the careful way migrates
        assert json.loads(raw)["version"] != fileformat.FORMAT_VERSION
    else:
        assert dumps(fast) == dumps(careful)
    saved = dumps(careful)
    assert dumps(loads(saved)) == saved


@settings(max_examples=300, deadline=None)
@given(raw=damaged(SAMPLE_DATA))
@example(raw=json.dumps(SAMPLE_DATA).encode())
def test_a_damaged_sample_loads_or_is_refused_with_placed_problems(raw):
    check(raw)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_generated_catalog_loads_or_is_refused_with_placed_problems(data):
    catalog = data.draw(catalogs())
    check(data.draw(damaged(json.loads(dumps(catalog)))))
