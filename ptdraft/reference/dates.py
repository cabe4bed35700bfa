"""The place-and-date line, dates in text, and number formatting with Babel's Vietnamese locale.

FORMAT.md §5.1: "<Place>, ngày DD tháng M năm YYYY", with a leading zero on days
1–9 and on months 1 and 2 only. The date forms are digits and fixed words, so they are
written here directly (the same text Babel's patterns "'ngày' dd 'tháng' MM 'năm' yyyy"
give, which tests/test_units.py checks); Babel is loaded only to write numbers.
"""
from __future__ import annotations

import datetime as _dt
import re

LOCALE = "vi_VN"

BLANK_DATE = "ngày      tháng      năm"
_GAP = "    "  # what stands for a blank day or month on the printed line: the records office writes it in


def month_words(month: int) -> str:
    """"01", "02", "6", "11": a month as the date line writes it (FORMAT.md §5.1)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(day: _dt.date | None, month: int | None = None, year: int | None = None, *, blank: str = _GAP) -> str:
    """"ngày 05 tháng 01 năm 2026"; with no date, the blank form the records office fills in, keeping what is known
    of a date whose day is blank ("ngày      tháng 11 năm 2023", "ngày      tháng      năm 2023"). ``blank`` is
    what stands for each part left blank ("…" in an annex's "Kèm theo" line)."""
    if day is not None:
        return f"ngày {day.day:02d} tháng {month_words(day.month)} năm {day.year:04d}"
    gap = f" {blank} "
    shown = f" {month_words(month)} " if month and year else gap
    words = f"ngày{gap}tháng{shown}năm"
    return f"{words} {year:04d}" if year else words


def place_date(place: str, day: _dt.date | None, month: int | None = None, year: int | None = None) -> str:
    """"Hà Nội, ngày 05 tháng 01 năm 2026"; with the day blank, "Hà Nội, ngày      tháng 11 năm 2023"; with nothing
    known, the current year after the blank day and month. Every printed place-date line is made here."""
    words = date_words(day, month, year)
    if day is None and not year:
        words = f"{words} {_dt.date.today().year}"
    return f"{place}, {words}" if place else words


def number(value: float | int) -> str:
    """A number in Vietnamese form: 1.234,5."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)


def short_date(day: _dt.date) -> str:
    """"05/01/2026", for dates inside body text."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


_TYPED = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> _dt.date:
    """The date a clerk typed: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd.

    Exactly that date, never a neighbour: an impossible one ("31/04/2027") raises ValueError
    with a Vietnamese reason, as does anything that is not a date in one of these forms.
    """
    found = _TYPED.match(text)
    if found:
        day, month, year = int(found[1]), int(found[3]), int(found[4])
    else:
        found = _ISO.match(text)
        if not found:
            raise ValueError(f"'{text.strip()}' không phải ngày (gõ dạng ngày/tháng/năm, ví dụ 15/01/2027)")
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    if not 1 <= month <= 12:
        raise ValueError(f"'{text.strip()}': không có tháng {month}")
    if not 1900 <= year <= 2999:
        raise ValueError(f"'{text.strip()}': năm {year} không hợp lệ")
    try:
        return _dt.date(year, month, day)
    except ValueError:
        last = (_dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)).day
        raise ValueError(f"'{text.strip()}': tháng {month} năm {year} chỉ có {last} ngày") from None


_MONTH_YEAR = re.compile(r"^\s*(?:tháng\s*)?(?:(\d{1,2})\s*(?:[/.\-]|\s+năm)\s*)?(\d{4})\s*$", re.I)
_YEAR_ONLY = re.compile(r"^\s*năm\s*(\d{4})\s*$", re.I)


def parse_blank_day(text: str) -> tuple[int | None, int] | None:
    """The month and year of a date whose day is left blank, as a clerk types it: "11/2023", "11-2023",
    "tháng 11/2023", "tháng 11 năm 2023", the year alone ("2023", "năm 2023"): (11, 2023), (None, 2023).

    None for text in none of these forms (a whole date, say); a month or year out of range raises ValueError with a
    Vietnamese reason, as :func:`parse_date` does."""
    found = _MONTH_YEAR.match(text) or _YEAR_ONLY.match(text)
    if not found:
        return None
    month = int(found[1]) if found.re is _MONTH_YEAR and found[1] else None
    year = int(found[found.re.groups])
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text.strip()}': không có tháng {month}")
    if not 1900 <= year <= 2999:
        raise ValueError(f"'{text.strip()}': năm {year} không hợp lệ")
    return month, year


def blank_day_text(month: int | None, year: int) -> str:
    """"11/2023", "2023": how the date box shows a date whose day is blank (what :func:`parse_blank_day` reads)."""
    return f"{month:02d}/{year:04d}" if month else f"{year:04d}"


def as_date(value: object) -> _dt.date | None:
    """A date value as a template sees it: a date, or an ISO text "2027-01-15" (how a draft keeps it); else None."""
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
