"""Edits made at random in the cells import reads come back as exactly those edits.

The exported sample is edited as a designer would edit it in Excel: titles, codes, EQF
levels, hours, minutes, outcome texts and Bloom levels, in any of the visible sheets that
show them, each unit's field in one place. The import must give the sample with those
fields changed, and nothing else.
"""

import shutil
from dataclasses import dataclass

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project import SAMPLE

from designer.excel import export_workbook, import_workbook
from designer.model import Bloom, Course, Item, Module, Outcome, Program
from designer.storage import dumps, load

ID_COLUMN = 8  # column H, hidden: the unit each row shows
HEADER_ROW = 4


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int
    column: int
    unit_id: str
    field: str


class Places(list):
    """The editable cells, shown short when a test fails (their list is long)."""

    def __repr__(self) -> str:
        return f"<{len(self)} editable cells>"


def editable_places(path, catalog):
    """Every cell the import reads back, with the unit and field it shows."""
    places = Places()
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" or sheet.cell(HEADER_ROW, ID_COLUMN).value is None:
            continue
        for row in range(1, sheet.max_row + 1):
            unit_id = sheet.cell(row, ID_COLUMN).value
            if row == HEADER_ROW or unit_id not in catalog:
                continue
            node = catalog.get(unit_id)
            if row < HEADER_ROW:  # a syllabus sheet's title: the program's
                fields = {1: "title"}
            elif isinstance(node, Program):
                fields = {1: "code", 2: "title", 3: "eqf_level"}
            elif isinstance(node, Course):
                fields = {2: "title"} if node.module_ids else {2: "title", 3: "hours"}
            elif isinstance(node, Module):
                fields = {2: "title"} if node.items else {2: "title", 3: "hours"}
            elif isinstance(node, Item):
                fields = {2: "title", 4: "minutes"}
            else:
                assert isinstance(node, Outcome)
                fields = {2: "text", 3: "bloom"}
            places += [Place(sheet.title, row, c, unit_id, f) for c, f in fields.items()]
    return places


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "sample.xlsx"
    export_workbook(load(SAMPLE), path)
    return path


@pytest.fixture(scope="module")
def places(exported):
    return editable_places(exported, load(SAMPLE))


# Text as typed in a cell: no control characters, no surrounding blanks, not a formula.
texts = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s == s.strip() and s and not s.startswith(("=", "+", "-", "@")))
# An item's minutes below 1 (but 0) may be a time typed in Calc (0.25 is 6:00): named there
# (reading.typed_time), so the minutes typed here are whole or have one decimal.
durations = {
    "hours": st.integers(0, 2000) | st.decimals(0, 2000, places=2).map(float),
    "minutes": st.integers(0, 6000) | st.decimals(1, 6000, places=1).map(float),
}
# What a cell shows for a value (left) and the value the field takes (right).
values = {
    "title": texts.map(lambda s: (s, s)),
    "text": texts.map(lambda s: (s, s)),
    "code": texts.map(lambda s: (s, s)),
    "eqf_level": st.sampled_from(["4", "5", "6", "5-6", "6-7"]).map(lambda s: (s, s)),
    "bloom": st.tuples(st.sampled_from(list(Bloom)), st.booleans()).map(
        lambda pair: (pair[0].value.capitalize() if pair[1] else pair[0].value, pair[0])
    ),
    "hours": durations["hours"].map(lambda n: (n, n)),
    "minutes": durations["minutes"].map(lambda n: (n, n)),
}


@st.composite
def edits(draw, places):
    chosen = draw(
        st.lists(
            st.sampled_from(places),
            min_size=1,
            max_size=8,
            unique_by=lambda p: (p.unit_id, p.field),
        )
    )
    return [(place, *draw(values[place.field])) for place in chosen]


def test_every_field_import_reads_has_a_place(places):
    assert {p.field for p in places} == set(values)
    assert {p.sheet for p in places} >= {"Overview", "Outcomes", "Full Stack Developer"}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_cells_edited_in_excel_come_back_as_those_edits_and_nothing_else(
    exported, places, tmp_path, data
):
    expected = load(SAMPLE)
    changes = data.draw(edits(places))
    path = tmp_path / "edited.xlsx"
    shutil.copyfile(exported, path)
    book = openpyxl.load_workbook(path)
    for place, shown, value in changes:
        book[place.sheet].cell(place.row, place.column).value = shown
        setattr(expected.get(place.unit_id), place.field, value)
    book.save(path)
    assert dumps(import_workbook(path)) == dumps(expected)
