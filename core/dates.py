"""Dates: one parser and validator (ISO 8601 text out, `--MM-DD` when no year is printed) and
the comparisons the citation rules make.

A value that is not a valid date ("Feb 30, 2024", "2024-13-01") is never stored as a date:
`read_date` keeps it as text and says why, `parse_date` gives None.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

#: A listing line holding a date ("Published on Oct 4, 2023", "May 6", "Feb 14 5").
LISTING_DATE = re.compile(
    r"^\s*(?:(?:Published|Submitted)\s+(?:on\s+)?)?"
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})"
    r"(?:,\s*(\d{4}))?(?:\s+\d{1,6})?\s*$",
    re.I,
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-(\d{2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$")
_PARTS = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")
#: Dates longer than this are not dates (keeps every pattern here linear and cheap).
_MAX_LEN = 64


class InvalidDate(ValueError):
    """A value shaped like a date that names no real day (the message says why)."""


def _iso(year: int | None, month: int | None, day: int | None, text: str) -> str:
    """ISO text of validated parts (year may be None: --MM-DD), or InvalidDate."""
    if month is not None and not 1 <= month <= 12:
        raise InvalidDate(f"no month {month} in {text!r}")
    if day is not None:
        # Feb 29 exists in some year: without a year it is valid, with one it must be a leap year
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            raise InvalidDate(f"no day {day} in month {month} in {text!r}")
    if year is None:
        return f"--{month:02d}-{day:02d}"
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _strict(value: object) -> str | None:
    """ISO text of a date, None when the value is empty or not date-shaped, InvalidDate when
    it is shaped like a date but names no real day."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text or len(text) > _MAX_LEN:
        return None
    return _strict_text(text)


@lru_cache(maxsize=8192)
def _strict_text(text: str) -> str | None:
    """_strict of stripped text of at most _MAX_LEN characters (cached: dates repeat)."""
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        return _iso(y, mo, d, text)
    m = _NO_YEAR.match(text)
    if m:
        return _iso(None, int(m.group(1)), int(m.group(2)), text)
    m = LISTING_DATE.match(text)
    if m:
        year = int(m.group(3)) if m.group(3) else None
        return _iso(year, MONTHS[m.group(1)[:3].lower()], int(m.group(2)), text)
    m = _DAY_MONTH_YEAR.match(text)
    if m and m.group(2)[:3].lower() in MONTHS:
        return _iso(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)), text)
    return None


def parse_date(value: object) -> str | None:
    """ISO 8601 text of a listing or JSON date (`--MM-DD` when no year is printed); None when
    the value is empty, not a date, or not a valid date."""
    try:
        return _strict(value)
    except InvalidDate:
        return None


def read_date(value: object) -> tuple[str | None, str | None]:
    """(value to store, warning) for a date read from a source: ISO text of a valid date; the
    text itself, with a warning, for anything else that is not empty (never stored as a date)."""
    try:
        iso = _strict(value)
    except InvalidDate as exc:
        return str(value).strip(), f"invalid date kept as text: {exc}"
    if iso is not None or value is None or isinstance(value, bool):
        return iso, None
    text = str(value).strip()
    if not text:
        return None, None
    shown = text if len(text) <= 40 else text[:40] + "..."
    return text[:_MAX_LEN * 4], f"not a date, kept as text: {shown!r}"


def is_date(value: str | None) -> bool:
    """Whether a stored value is ISO date text (as parse_date writes it)."""
    return bool(value) and date_parts(value) is not None


def date_rank(value: str | None) -> int:
    """How complete a stored date is: full date 3, year-month 2, year 1, no year 0, text or
    none -1."""
    parts = date_parts(value)
    if parts is None:
        return -1
    if parts[0] is None:
        return 0
    return sum(1 for p in parts if p is not None)


def date_parts(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of ISO 8601 text: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (no year)."""
    if not value:
        return None
    value = str(value).strip()
    m = _NO_YEAR.fullmatch(value)
    if m:
        return (None, int(m.group(1)), int(m.group(2)))
    m = _PARTS.fullmatch(value)
    if not m:
        return None
    return tuple(int(g) if g else None for g in m.groups())  # type: ignore[return-value]


def paper_date(attrs: dict) -> tuple[tuple | None, tuple | None]:
    """(publication date, listing date) of a paper, each (year, month, day) or None; a date
    without a year (--MM-DD) counts as unknown: a listing page can mix years."""
    out = []
    for name in ("published", "listing_date"):
        d = date_parts(attrs.get(name))
        out.append(d if d and d[0] is not None else None)
    return out[0], out[1]


def later_than(b: tuple, a: tuple) -> bool | None:
    """Whether paper b appeared after paper a (dates from paper_date): publication dates when
    both have one, else listing dates when both have one, never one against the other (a
    listing date says when a paper was seen, not when it appeared); None when undecidable."""
    if a[0] and b[0]:
        return appeared_after(b[0], a[0])
    if a[1] and b[1]:
        return appeared_after(b[1], a[1])
    return None


def appeared_after(b: tuple | None, a: tuple | None) -> bool | None:
    """Whether date b is strictly later than date a, compared only at their common precision;
    None when that cannot be decided (a date missing or without a year)."""
    if not a or not b or a[0] is None or b[0] is None:
        return None
    for x, y in zip(b, a, strict=True):
        if x is None or y is None:
            return False
        if x != y:
            return x > y
    return False


def listing_sort(value: str) -> str:
    """Sort key that puts dated listings before undated (--MM-DD) ones."""
    return ("1" + value) if value.startswith("--") else ("0" + value)


__all__ = ["LISTING_DATE", "MONTHS", "InvalidDate", "appeared_after", "date_parts", "date_rank",
           "is_date", "later_than", "listing_sort", "paper_date", "parse_date", "read_date"]
