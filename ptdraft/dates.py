"""The place-and-date line and number formatting, with Babel's Vietnamese locale.

FORMAT.md §5.1: "<Place>, ngày DD tháng M năm YYYY", with a leading zero on days
1–9 and on months 1 and 2 only.
"""
from __future__ import annotations

import datetime as _dt

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi_VN"

# Month 1 and 2 keep a leading zero ("tháng 01"), months 3–9 do not ("tháng 6").
_PATTERN_SHORT_MONTH = "'ngày' dd 'tháng' MM 'năm' yyyy"
_PATTERN_LONG_MONTH = "'ngày' dd 'tháng' M 'năm' yyyy"

BLANK_DATE = "ngày      tháng      năm"


def date_words(day: _dt.date | None) -> str:
    """"ngày 05 tháng 01 năm 2026"; with no date, the blank form the records office fills in."""
    if day is None:
        return BLANK_DATE
    pattern = _PATTERN_SHORT_MONTH if day.month <= 2 else _PATTERN_LONG_MONTH
    return format_date(day, pattern, locale=LOCALE)


def place_date(place: str, day: _dt.date | None) -> str:
    """"Hà Nội, ngày 05 tháng 01 năm 2026"."""
    words = date_words(day)
    if day is None:
        words = f"{words} {_dt.date.today().year}"
    return f"{place}, {words}" if place else words


def number(value: float | int) -> str:
    """A number in Vietnamese form: 1.234,5."""
    return format_decimal(value, locale=LOCALE)


def short_date(day: _dt.date) -> str:
    """"05/01/2026", for dates inside body text."""
    return format_date(day, "dd/MM/yyyy", locale=LOCALE)
