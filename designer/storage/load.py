"""Loading a catalog file, reporting every problem in it at once with its location."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from designer.bulk import collector_paused
from designer.errors import CatalogError, Problem
from designer.model.catalog import Catalog
from designer.storage import fileformat
from designer.storage.fileformat import FORMAT_NAME, CatalogFile

# The kind of unit that each list of the file holds.
LIST_KINDS = {
    "programs": "program",
    "courses": "course",
    "modules": "module",
    "items": "item",
    "outcomes": "outcome",
}
# What each kind of object in the file is, as a problem with its shape names it.
SHAPES = {
    "Settings": "the settings",
    "Program": "a program",
    "Course": "a course",
    "Module": "a module",
    "Item": "an item",
    "Outcome": "an outcome",
    "Silence": "a silenced rule",
}
# What a value of the wrong type should have been, by pydantic's type of error.
VALUE_TYPES = {
    "string_type": "must be text, in quotes",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "finite_number": "must be a finite number",
    "list_type": "must be a list, written [...]",
    "tuple_type": "must be a list, written [...]",
}
# Where units refer to others by id: (kind of the referring unit, list, kind referred to).
REFERENCES = [
    ("program", "course_ids", "course"),
    ("course", "module_ids", "module"),
    ("outcome", "supports", "outcome"),
    ("item", "outcome_ids", "outcome"),
]
# pydantic's errors for a pair of ids with one id too few: said as what a pair is.
PAIR_ERRORS = ("missing", "missing_argument")
UTF8_MARK = b"\xef\xbb\xbf"  # the byte order mark, as UTF-8
# How deep [ ] and { } may nest before a file is refused as too deep (a catalog uses 6).
DEPTH_LIMIT = 100
# A JSON string (skipped whole) or a bracket, to find where nesting goes too deep.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
# Half of a UTF-16 pair, in a JSON escape (\ud800) and once read: json reads a half alone,
# but it is no character, and no file can store it.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def load(path: str | Path) -> Catalog:
    """Read a catalog file; raise CatalogError listing every problem. Never writes."""
    return loads(read(path), path)


def read(path: str | Path) -> bytes:
    """The bytes of a file; CatalogError saying why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CatalogError(path, [Problem("", f"cannot read the file: {error.strerror}")]) from None


def loads(raw: bytes, path: str | Path = "<catalog>") -> Catalog:
    """Parse and check a catalog file's bytes; raise CatalogError listing every problem.

    The collector is paused throughout: a large file makes millions of objects (JSON
    values, then units), none of them in reference cycles, and with the collector running
    each of its full collections would sweep everything made so far again; on a
    150,000-item catalog that more than doubled the time of the load (6.5 s against
    3.0 s: see benchmarks/README.md).
    """
    with collector_paused():
        return _loads(raw, path)


def _loads(raw: bytes, path: str | Path) -> Catalog:
    # The mark some editors (Windows Notepad) put before UTF-8 text: the file was refused,
    # "Unexpected UTF-8 BOM (decode using utf-8-sig)".
    return _sound_catalog(raw.removeprefix(UTF8_MARK)) or _checked_catalog(raw, path)


def _sound_catalog(raw: bytes) -> Catalog | None:
    """The catalog of a sound file of the current version; None if anything is off.

    The fast way, for the files Curriculum Designer writes: pydantic parses and validates
    the bytes in one go (no Python objects for the JSON in between) and the Catalog checks
    the references as it indexes. Anything it refuses goes the careful way, which finds
    and words every problem (tests/storage checks that the fast way refuses every bad
    file the careful way reports).
    """
    try:
        document = CatalogFile.model_validate_json(raw)
    except ValueError:  # pydantic's ValidationError is one
        return None
    if document.version != fileformat.FORMAT_VERSION:
        return None  # an older file: the careful way migrates it
    try:
        return _catalog(document)
    except (KeyError, ValueError):
        return None


def _checked_catalog(raw: bytes, path: str | Path) -> Catalog:
    """Parse, migrate and check step by step; raise CatalogError naming every problem."""
    try:
        # The byte is counted in the file as it is, with its mark if it has one; the mark
        # is no character an editor shows, so lines and columns are counted without it.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        problem = Problem(f"byte {error.start}", "the file is not UTF-8 text")
        raise CatalogError(path, [problem]) from None
    try:
        return _checked_text(text, path)
    except RecursionError:  # json and the checks below go one call deeper for each level
        message = f"nested too deeply: more than {DEPTH_LIMIT} levels of [ ] and {{ }}"
        raise CatalogError(path, [Problem(_too_deep(text), message)]) from None


def _checked_text(text: str, path: str | Path) -> Catalog:
    try:
        # NaN and Infinity, which JSON does not allow, are read as numbers: the schema
        # refuses them at their place, where a refusal here could not say where they are.
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogError(path, [_json_problem(text, error)]) from None
    except ValueError:  # a whole number longer than Python reads (sys.get_int_max_str_digits)
        digits = sys.get_int_max_str_digits()
        message = f"a number of more than {digits} digits, too long to read"
        raise CatalogError(path, [Problem(_too_long(text, digits), message)]) from None

    data = _check_header(data, path)
    problems = _half_characters(data) if _SURROGATE_ESCAPE.search(text) else []
    try:
        document = CatalogFile.model_validate(data)
    except ValidationError as error:
        document = None
        # A field name holding half a character is reported above, by _half_characters.
        details = [d for d in error.errors() if d["type"] != "string_unicode"]
        problems.extend(_describe(detail, data) for detail in details)
    problems.extend(_reference_problems(data))
    if problems or document is None:
        # A field written twice may be why: JSON keeps the last one, and the problems
        # that follow from it ("programs": [] again, and every reference dangles) did
        # not say so.
        # Each said once: an empty pair of ids is two ids missing, one problem.
        raise CatalogError(path, list(dict.fromkeys(_written_twice(text) + problems)))
    try:
        return _catalog(document)
    except (KeyError, ValueError) as error:  # what the checks above should have found
        raise CatalogError(path, [Problem("", str(error).strip("'\""))]) from None


def _written_twice(text: str) -> list[Problem]:
    """Each field written twice in one object, where it is: read again, the text keeps
    every field's name as it goes."""
    repeated: dict[int, list[str]] = {}  # id of an object -> its names written twice

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(found)
        if len(value) < len(found):
            names = Counter(name for name, _ in found)
            repeated[id(value)] = [name for name, count in names.items() if count > 1]
        return value

    data = json.loads(text, object_pairs_hook=pairs)
    if not repeated:
        return []
    problems = []
    for value, loc in _values(data):
        for name in repeated.get(id(value), []) if isinstance(value, dict) else []:
            message = f"the field {_shown(name)} is written twice: only the last is read"
            problems.append(Problem(_json_path(loc), message, _unit_at(data, loc)))
    return problems


def _values(data: Any) -> Iterator[tuple[Any, tuple[int | str, ...]]]:
    """Each value of the JSON data with its path, in the order of the text."""
    pending: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while pending:
        value, loc = pending.pop()
        yield value, loc
        if isinstance(value, dict):
            pending.extend((each, (*loc, key)) for key, each in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend((value[i], (*loc, i)) for i in reversed(range(len(value))))


def _json_problem(text: str, error: json.JSONDecodeError) -> Problem:
    """Where and what the JSON error is, in words: a file that stops midway (a copy or a
    download cut short) said "Unterminated string starting at", and an empty one
    "Expecting value"."""
    if not text.strip():
        return Problem("line 1, column 1", "the file is empty: it holds no catalog")
    # json gives up at the end of the text, or at a text in quotes that never ends.
    if not text[error.pos :].strip() or error.msg.startswith("Unterminated string"):
        message = "the file stops here, in the middle of the catalog: it may have been cut short"
        end = _line_and_column(text, len(text.rstrip()))
        return Problem(end, f"not valid JSON: {message}")
    where = f"line {error.lineno}, column {error.colno}"
    # Some of json's messages end "… at", for the position it adds to them.
    return Problem(where, f"not valid JSON: {error.msg.removesuffix(' at')}")


def _half_characters(data: Any) -> list[Problem]:
    """Each text (or field name) holding half of a character pair without its other half."""
    problems: list[Problem] = []

    def check(text: str, loc: tuple[int | str, ...], what: str) -> None:
        found = _SURROGATE.search(text)
        if found:
            half = _escaped(found.group())
            message = f"{what} holds {half}, half of a character pair without its other half"
            problems.append(Problem(_json_path(loc), message, _unit_at(data, loc)))

    for value, loc in _values(data):
        if isinstance(value, str):
            check(value, loc, "the text")
        elif isinstance(value, dict):
            for key in value:
                check(key, loc, f"the field name {_shown(key)}")
    return problems


def _escaped(text: str) -> str:
    """The text with each half character written as its JSON escape: printable anywhere."""
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _too_deep(text: str) -> str:
    """Where [ and { first nest more than DEPTH_LIMIT levels deep, as line and column."""
    depth = 0
    for found in _STRING_OR_BRACKET.finditer(text):
        if found.group() in ("[", "{"):
            depth += 1
            if depth > DEPTH_LIMIT:
                return _line_and_column(text, found.start())
        elif found.group() in ("]", "}"):
            depth -= 1
    return ""


def _too_long(text: str, digits: int) -> str:
    """Where the first run of more than `digits` digits is, as line and column."""
    found = re.search(rf"-?\d{{{digits + 1},}}", text)
    return _line_and_column(text, found.start()) if found else ""


def _line_and_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return f"line {line}, column {column}"


def _catalog(document: CatalogFile) -> Catalog:
    return Catalog(
        document.settings,
        document.programs,
        document.courses,
        document.modules,
        document.ignored_duplicates,
        document.silenced,
    )


def _check_header(data: Any, path: str | Path) -> dict[str, Any]:
    """Check that this is a catalog file of a version we read, and migrate it if older."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        message = f'not a Curriculum Designer catalog (no "format": "{FORMAT_NAME}")'
        raise CatalogError(path, [Problem("$", message)])
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CatalogError(path, [Problem("version", "missing or not a whole number")])
    current = fileformat.FORMAT_VERSION
    if version > current:
        message = (
            f"the file is format version {version}, but this Curriculum Designer reads "
            f"versions up to {current}: open it with a newer Curriculum Designer"
        )
        raise CatalogError(path, [Problem("version", message)])
    if any(v not in fileformat.MIGRATIONS for v in range(version, current)) or version < 1:
        message = f"format version {version} is not one Curriculum Designer ever wrote"
        raise CatalogError(path, [Problem("version", message)])
    return fileformat.migrate(data, version)


def _json_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return _escaped(text) or "$"


def _unit_at(data: Any, loc: tuple[int | str, ...]) -> str:
    """Name the innermost unit on the path, e.g. 'course "Introduction to C#"'."""
    found = ""
    node = data
    kind = ""
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, str):
            kind = LIST_KINDS.get(part, "")
        elif kind and isinstance(node, dict):
            found = _name(kind, node)
    return found


def _name(kind: str, unit: dict[str, Any]) -> str:
    label = unit.get("text") if kind == "outcome" else unit.get("title")
    if isinstance(label, str) and label.strip():
        label = label if len(label) <= 100 else label[:97] + "..."
        return f'{kind} "{_escaped(label)}"'
    unit_id = unit.get("id")
    return f"{kind} {_escaped(unit_id)}" if isinstance(unit_id, str) else kind


def _describe(detail: ErrorDetails, data: Any) -> Problem:
    loc = tuple(detail["loc"])
    # Pydantic adds the member of a union or a validator to the path; drop what is not data.
    loc = tuple(p for p in loc if isinstance(p, int) or not p.startswith(("function-", "lax-")))
    kind = detail["type"]
    ctx = detail.get("ctx", {})
    given = detail.get("input")
    field = loc[-1] if loc else ""
    if loc[:1] == ("ignored_duplicates",) and len(loc) > 2 and kind in PAIR_ERRORS:
        # Of a pair too short or too long, pydantic spoke of a "missing field 1" or a tuple.
        loc = loc[:2]
        pair = _at(data, loc)
        message = f'must be a pair of unit ids, written ["id", "other-id"] (got {_shown(pair)})'
    elif kind == "too_long" and loc[:1] == ("ignored_duplicates",):
        message = f'must be a pair of unit ids, written ["id", "other-id"] (got {_shown(given)})'
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model, a dataclass
        message = f"unknown field {field!r}"
    elif kind in ("missing", "missing_argument"):
        message = f"missing field {field!r}"
    elif kind == "greater_than_equal" and ctx.get("ge") == 0:
        message = f"must not be negative (got {given})"
    elif kind in ("less_than_equal", "less_than") and field in ("minutes", "hours"):
        unit = "minutes" if field == "minutes" else "hours"
        message = f"{given} {unit} is not a plausible duration here (at most {ctx.get('le', 0):g})"
    elif kind in ("model_type", "dataclass_type"):
        what = SHAPES.get(ctx.get("class_name", ""), "a unit")
        message = f'must be {what}, written {{"field": value, ...}} (got {_shown(given)})'
    elif kind == "string_pattern_mismatch":  # only ids have a pattern
        message = (
            "an id starts with a letter or a digit and holds only letters, digits, "
            f"'.', '_' and '-', at most 100 characters (got {_shown(given)})"
        )
    elif kind in ("literal_error", "enum") and "expected" in ctx:
        message = f"must be one of {ctx['expected']} (got {_shown(given)})"
    elif kind.endswith("_type") or kind == "finite_number":
        message = f"{VALUE_TYPES.get(kind, detail['msg'])} (got {_shown(given)})"
    else:
        message = detail["msg"].removeprefix("Value error, ")
        if not isinstance(given, dict | list):
            message += f" (got {_shown(given)})"
    return Problem(_json_path(loc), message, _unit_at(data, loc))


def _at(data: Any, loc: tuple[int | str, ...]) -> Any:
    """The value at loc in data; None where there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _shown(value: Any) -> str:
    return _escaped(json.dumps(value, ensure_ascii=False)[:60])


def _reference_problems(data: dict[str, Any]) -> list[Problem]:
    """Duplicate ids and references to missing, wrong or containing units, from the raw data."""
    problems: list[Problem] = []
    units: list[tuple[str, str, dict[str, Any]]] = []  # (kind, JSON path, unit)

    def collect(kind: str, path: str, value: Any) -> None:
        if not isinstance(value, list):
            return
        for index, unit in enumerate(value):
            if not isinstance(unit, dict):
                continue
            unit_path = f"{path}[{index}]"
            units.append((kind, unit_path, unit))
            if kind != "outcome":
                collect("outcome", f"{unit_path}.outcomes", unit.get("outcomes"))
            if kind == "module":
                collect("item", f"{unit_path}.items", unit.get("items"))

    for list_name in ("programs", "courses", "modules"):
        collect(LIST_KINDS[list_name], list_name, data.get(list_name))

    kind_of: dict[str, str] = {}
    first_path: dict[str, str] = {}
    for kind, path, unit in units:
        unit_id = unit.get("id")
        if not isinstance(unit_id, str):
            continue
        if unit_id in kind_of:
            message = f"duplicate id {unit_id!r}: already used at {first_path[unit_id]}"
            problems.append(Problem(f"{path}.id", message, _name(kind, unit)))
        else:
            kind_of[unit_id] = kind
            first_path[unit_id] = path

    for kind, path, unit in units:
        for owner_kind, list_name, target_kind in REFERENCES:
            refs = unit.get(list_name)
            if owner_kind != kind or not isinstance(refs, list):
                continue
            # Most lists hold each id once: count only those that repeat one.
            seen = Counter(r for r in refs if isinstance(r, str)) if _repeats(refs) else None
            for index, ref in enumerate(refs):
                if not isinstance(ref, str):
                    continue  # the schema reports the wrong type
                where = f"{path}.{list_name}[{index}]"
                if ref == unit.get("id"):
                    message = f"the {kind} contains itself"
                elif ref not in kind_of:
                    message = f"refers to {ref!r}, but there is no {target_kind} with that id"
                elif kind_of[ref] != target_kind:
                    found, wanted = _a(kind_of[ref]), _a(target_kind)
                    message = f"refers to {ref!r}, which is {found}, not {wanted}"
                elif seen is not None and seen[ref] > 1 and refs.index(ref) != index:
                    message = f"{ref!r} is listed more than once"
                else:
                    continue
                problems.append(Problem(where, message, _name(kind, unit)))
    return problems


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _repeats(refs: list[Any]) -> bool:
    try:
        return len(set(refs)) != len(refs)
    except TypeError:  # an unhashable value, which the schema reports
        return True
