"""Numbers a designer types or pastes into the hours and minutes cells of an exported
workbook, read back: figures, times, text with units, percentages, negative figures.

LibreOffice Calc keeps a time typed into a cell as its fraction of a day under the number
format the export gave the cell ('0" h"'), so "6:00" and "0.25", or "64:00" and a pasted
160/60, are the same number in the file Calc saves (checked below). Where the number may as
well be a time as a figure, the cell is named with what to type; in a workbook saved by
Excel (which gives a typed time a time format), such a number is the figure. The
workbooks are edited in LibreOffice Calc itself (lo_edit.py), and with openpyxl as Excel
saves them.
"""

import openpyxl
import pytest
from xlsx_helpers import edit, problems_of, sample_edited_in_calc

from designer.excel import import_workbook

FS = "Full Stack Developer"
FOUNDATIONS = "foundations-of-coding-full-stack"  # C5: hours typed, no modules
WEB = "introduction-to-web-development"  # C7: hours typed, no modules
WEEK_1 = "csharp-w1"  # its items' minutes in D31 to D38


@pytest.fixture(scope="module")
def in_calc(tmp_path_factory):
    edits = {
        # 160/60 pasted with its full precision, and 64:00 typed.
        "pasted": [("type", FS, "C5", "2.6666666666666665"), ("type", FS, "C7", "64:00")],
        "six": [("type", FS, "C5", "6:00")],
        "half": [("type", FS, "D31", "0.5")],
        # What the messages say to type.
        "advised": [
            ("type", FS, "C5", "160 min"),
            ("type", FS, "C7", "6 h"),
            ("type", FS, "D31", "0.5 min"),
            ("type", FS, "D32", "12 h"),
        ],
        "forms": [
            ("type", FS, "C5", "1,5"),
            ("type", FS, "C7", "90 min"),
            ("type", FS, "C8", "1h30"),
            ("type", FS, "D31", "45,5"),
            ("type", FS, "D32", "1.5 h"),
            ("type", FS, "D33", "0.33"),  # a third of a minute: no time is that
        ],
        "refused": [
            ("type", FS, "C5", "-3"),
            ("type", FS, "C7", "25%"),
            ("type", FS, "C8", "tbd"),
            ("type", FS, "D31", "-0:30"),
            ("type", FS, "D32", "50%"),
        ],
    }
    return sample_edited_in_calc(tmp_path_factory.mktemp("calc"), edits)


def stored(path, cells):
    """The value and number format Calc saved in each of these cells of FS."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [(book[FS][cell].value, book[FS][cell].number_format) for cell in cells]
    finally:
        book.close()


def either(value, clock, unit, figure, what, time_typed, figure_typed):
    return (
        f"{value} may be the time {clock} typed, which LibreOffice Calc keeps as its fraction "
        f"of a day in a cell formatted for {what}, or the figure {figure} {unit}: type "
        f"{time_typed} for the time, or {figure_typed} for the figure"
    )


def minutes(catalog, index):
    return catalog.modules[WEEK_1].items[index].minutes


# ---- defect 1: a figure pasted with its full precision -----------------------------------


def test_a_figure_pasted_in_calc_with_full_precision_is_not_read_as_a_time(in_calc):
    # 2.6666666666666665 was read as 64:00, 64 hours. Calc saves it as it saves 64:00 typed:
    # the same number, under the cell's own format, so the cell is named.
    (pasted, pasted_format), (typed, typed_format) = stored(in_calc["pasted"], ["C5", "C7"])
    assert pasted == typed == pytest.approx(160 / 60)
    assert pasted_format == typed_format == '0" h"'
    said = either("2.66666666666667", "64:00", "h", "2.67", "hours", "64 h", "160 min")
    assert problems_of(in_calc["pasted"]) == [
        f"Sheet '{FS}', C5: {said}",
        f"Sheet '{FS}', C7: {said}",
    ]


def test_a_figure_pasted_with_full_precision_in_a_workbook_excel_saved_is_the_figure(exported):
    edit(exported, [(FS, "C5", 160 / 60), (FS, "D31", 10 / 3)])  # were read as 64 h, 4800 min
    catalog = import_workbook(exported)
    assert catalog.courses[FOUNDATIONS].hours == pytest.approx(160 / 60)
    assert minutes(catalog, 0) == pytest.approx(10 / 3)


# ---- defect 2: a time typed into a course's or module's hours ------------------------------


def test_six_oclock_typed_into_a_courses_hours_in_calc_is_named_with_what_to_type(in_calc):
    # Read as 0.25 h: Calc keeps 6:00 as 0.25 of a day, as it keeps 0.25.
    assert stored(in_calc["six"], ["C5"]) == [(0.25, '0" h"')]
    assert problems_of(in_calc["six"]) == [
        f"Sheet '{FS}', C5: " + either("0.25", "6:00", "h", "0.25", "hours", "6 h", "15 min")
    ]
    # What the messages say to type is read so.
    catalog = import_workbook(in_calc["advised"])
    assert catalog.courses[FOUNDATIONS].hours == pytest.approx(160 / 60)
    assert catalog.courses[WEB].hours == 6


# ---- defect 3: an item of less than a minute -------------------------------------------


def test_half_a_minute_typed_in_calc_is_named_and_typed_with_its_unit_is_read(in_calc):
    # Read as 12:00, 720 minutes: Calc saves 0.5 as it saves 12:00 typed.
    assert stored(in_calc["half"], ["D31"]) == [(0.5, '0" min"')]
    assert problems_of(in_calc["half"]) == [
        f"Sheet '{FS}', D31: " + either("0.5", "12:00", "min", "0.5", "minutes", "12 h", "0.5 min")
    ]
    catalog = import_workbook(in_calc["advised"])
    assert (minutes(catalog, 0), minutes(catalog, 1)) == (0.5, 720)


def test_a_figure_below_one_in_a_workbook_excel_saved_is_the_figure(exported):
    edit(exported, [(FS, "D31", 0.5), (FS, "D32", 0.25), (FS, "C5", 0.25)])
    catalog = import_workbook(exported)
    assert (minutes(catalog, 0), minutes(catalog, 1)) == (0.5, 0.25)  # were 720 and 360
    assert catalog.courses[FOUNDATIONS].hours == 0.25


# ---- other forms -------------------------------------------------------------------------


def test_figures_typed_in_calc_as_text_with_a_comma_or_a_unit_are_read(in_calc):
    catalog = import_workbook(in_calc["forms"])
    hours = [catalog.courses[FOUNDATIONS].hours, catalog.courses[WEB].hours]
    hours.append(catalog.courses["blazor-for-front-end-development"].hours)
    assert hours == [1.5, 1.5, 1.5]
    assert [minutes(catalog, index) for index in range(3)] == [45.5, 90, 0.33]


def test_negative_figures_text_and_percentages_typed_in_calc_are_named(in_calc):
    # A percentage was read as a time (50% as 12:00, 720 minutes) or as a quarter hour.
    assert problems_of(in_calc["refused"]) == [
        f"Sheet '{FS}', C5: hours must not be negative, found -3",
        f"Sheet '{FS}', C8: hours must be a number (such as 12, 12.5, 12 h, 90 min or 1:30), "
        "found 'tbd'",
        f"Sheet '{FS}', C7: " + either("0.25", "6:00", "h", "0.25", "hours", "6 h", "15 min"),
        f"Sheet '{FS}', D31: minutes must not be negative, found -30",
        f"Sheet '{FS}', D32: " + either("0.5", "12:00", "min", "0.5", "minutes", "12 h", "0.5 min"),
    ]
