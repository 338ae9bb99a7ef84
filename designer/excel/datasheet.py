"""The hidden "_data" sheet: the exported catalog itself, so that import can restore it.

Cell A1 says what the sheet is, B1 the version of its layout. From A3 down, column A
holds the catalog as a catalog file (.curriculum.json text, compact, written unit by
unit so that a large catalog is never held twice in memory; the two characters XML
cannot carry are escaped) cut into pieces that fit a cell. Everything a workbook does not show (ids,
settings, program fields, alignments, item outcomes) comes back from here; what the
visible sheets show and someone edited there is laid over it on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from designer.excel.cells import Row, Sheet, text
from designer.excel.layout import DATA_MARKER, DATA_SHEET
from designer.model import Catalog
from designer.storage import FORMAT_VERSION, loads
from designer.storage.fileformat import FORMAT_NAME

DATA_VERSION = 1
# Characters per cell: Excel's limit is 32,767 UTF-16 units, which this stays within even
# when every character is one of two units (an emoji).
CHUNK = 16_000


def data_sheet(catalog: Catalog) -> Sheet:
    def rows() -> Iterator[Row]:
        yield [text(DATA_MARKER, "data"), text(str(DATA_VERSION), "data")]
        yield [text("Curriculum Designer reads this sheet back on import; do not edit.", "muted")]
        pending = ""
        for piece in _catalog_json(catalog):
            pending += piece
            while len(pending) >= CHUNK:
                yield [text(pending[:CHUNK], "data")]
                pending = pending[CHUNK:]
        if pending:
            yield [text(pending, "data")]

    return Sheet(DATA_SHEET, rows, hidden=True, id_column=False, fixed_widths={1: 20, 2: 8})


def _catalog_json(catalog: Catalog) -> Iterator[str]:
    """The catalog file's JSON in pieces, one unit at a time."""
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    yield json.dumps(header)[:-1]
    yield ', "settings": ' + catalog.settings.model_dump_json()
    lists: list[tuple[str, Iterable[Any]]] = [
        ("programs", catalog.programs),
        ("courses", catalog.courses.values()),
        ("modules", catalog.modules.values()),
    ]
    for name, units in lists:
        yield f', "{name}": ['
        for number, unit in enumerate(units):
            text = unit.model_dump_json(exclude_none=True)
            # JSON escapes control characters already; these two it may hold, XML may not.
            text = text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
            yield ("," if number else "") + text
        yield "]"
    yield f', "ignored_duplicates": {json.dumps([list(p) for p in catalog.ignored_duplicates])}'
    yield f', "silenced": {json.dumps([s.model_dump() for s in catalog.silenced])}}}'


def is_data_header(first_row: Iterable[object]) -> bool:
    cells = list(first_row)
    return bool(cells) and cells[0] == DATA_MARKER


def read_data(rows: Iterable[Iterable[object]], source: str) -> Catalog:
    """The catalog the sheet holds; raises CatalogError (via loads) when it is damaged."""
    rows = iter(rows)
    header = list(next(rows, ()))
    version = str(header[1]) if len(header) > 1 else ""
    if version != str(DATA_VERSION):
        raise ValueError(
            f"the workbook's data sheet is version {version or '?'}, this Curriculum Designer "
            f"reads version {DATA_VERSION}"
        )
    next(rows, None)
    pieces = [str(row[0]) for row in (list(r) for r in rows) if row and row[0] is not None]
    return loads("".join(pieces).encode("utf-8", errors="replace"), source)
