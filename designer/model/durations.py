"""A duration typed as text, in hours or minutes: "39", "1,5", "90 min", "1 h 30", "1:30".

Read the same way in the unit form and in a workbook's cells (designer.excel.reading).
"""

from __future__ import annotations

import re

# Numbers, each with its unit or none ("90", "1.5 h", "1 h 30", "1h30m", "2 hours 15 min"),
# or a clock time ("1:30", hours and minutes).
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[.,]\d+"
_PART = re.compile(rf"\s*({_NUMBER})\s*([^\W\d_]+\.?)?\s*")
_CLOCK = re.compile(r"(\d+):([0-5]\d)(?::([0-5]\d))?")
_UNITS = {
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"], 60.0),
    **dict.fromkeys(["m", "min", "mins", "minute", "minutes", "minuten"], 1.0),
}


def text_duration(text: str, what: str) -> float | None:
    """The duration a text gives, in `what` ("hours" or "minutes"); None if it is not one.

    A plain number is in `what`; a unit named is converted ("90 min" is 1.5 hours), and a
    clock time is hours and minutes ("1:30" is 90 minutes).
    """
    text = text.replace("\u00a0", " ").strip()
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.removeprefix("-")
    per_minute = 1 / 60 if what == "hours" else 1.0
    if clock := _CLOCK.fullmatch(text):
        hours, minutes, seconds = clock.groups()
        total = int(hours) * 60 + int(minutes) + int(seconds or 0) / 60
        return _signed(sign, total * per_minute)
    parts = []
    position = 0
    while position < len(text):
        part = _PART.match(text, position)
        if part is None:
            return None
        parts.append(part.groups())
        position = part.end()
    if len(parts) == 1 and parts[0][1] is None:  # a plain number, in the column's unit
        return _signed(sign, _decimal(parts[0][0]))
    total = 0.0
    scale: float | None = None  # of the part before: 60 for hours, 1 for minutes
    for digits, unit in parts:
        after_hours = scale == 60.0
        if unit is not None:
            named = _UNITS.get(unit.rstrip(".").lower())
            # Each unit once, hours before minutes: "1h30h" is a slip, not 31 hours.
            if named is None or (scale is not None and named >= scale):
                return None
            scale = named
        elif after_hours:  # "1 h 30": the minutes after the hours
            scale = 1.0
        else:
            return None
        value = _decimal(digits)
        if after_hours and value >= 60:  # "1 h 90": an hour has no 90th minute
            return None
        total += value * scale
    return _signed(sign, total * per_minute) if parts else None


def _signed(sign: float, value: float) -> float:
    """The value with its sign; "-0" is 0, not the -0.0 that a file would keep."""
    return sign * value if value else 0.0


def _decimal(digits: str) -> float:
    if "," in digits and "." in digits or digits.count(",") > 1:
        digits = digits.replace(",", "")  # 1,500.5: a thousands separator
    elif re.fullmatch(r"\d{1,3},\d{3}", digits):
        digits = digits.replace(",", "")  # 1,500: read as fifteen hundred, as before
    return float(digits.replace(",", "."))
