"""When a paper can have appeared: an interval from its publication date, arXiv id and listing.

A paper's interval is (earliest, latest), each (year, month, day) or None. The publication
date gives both ends at its precision (`2021` is 2021-01-01..2021-12-31); a new-style arXiv id
(YYMM.NNNNN) gives its month; a listing date with a year gives only a latest date (a listing
says when a paper was seen, not when it appeared). A date without a year (`--MM-DD`) says
nothing. Paper A cannot cite paper B when B's earliest date is after A's latest.
"""

from __future__ import annotations

import re

from paperkg.core.dates import date_parts

Day = tuple[int, int, int]
Interval = tuple[Day | None, Day | None]

_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$")
_ARXIV_OLD = re.compile(r"^[a-z-]+(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}(?:v\d+)?$")


def _bounds(parts: tuple | None) -> Interval:
    """First and last day a partial date can stand for."""
    if not parts or parts[0] is None:
        return None, None
    y, m, d = parts
    return (y, m or 1, d or 1), (y, m or 12, d or 31)


def arxiv_month(arxiv_id: str | None) -> tuple[int, int] | None:
    """(year, month) an arXiv id was first submitted (2108.07732 -> (2021, 8))."""
    if not arxiv_id:
        return None
    ident = str(arxiv_id).strip()
    m = _ARXIV_NEW.match(ident) or _ARXIV_OLD.match(ident)
    if not m:
        return None
    yy, mm = int(m.group(1)), int(m.group(2))
    if not 1 <= mm <= 12:
        return None
    return (2000 + yy if yy < 90 else 1900 + yy), mm


def paper_interval(attrs: dict) -> Interval:
    """(earliest, latest) day a paper can have first appeared, from its node attributes."""
    lo, hi = _bounds(date_parts(attrs.get("published")))
    month = arxiv_month(attrs.get("arxiv_id"))
    if month:
        alo, ahi = (*month, 1), (*month, 31)
        lo = alo if lo is None else max(lo, alo)
        hi = ahi if hi is None else min(hi, ahi)
        if lo > hi:  # the two disagree: trust the arXiv month
            lo, hi = alo, ahi
    _, listed = _bounds(date_parts(attrs.get("listing_date")))
    if listed is not None and (lo is None or listed >= lo):
        hi = listed if hi is None else min(hi, listed)
    return lo, hi


def cannot_cite(a: Interval, b: Interval) -> bool:
    """Whether paper A (interval a) certainly appeared before paper B (interval b) did."""
    return a[1] is not None and b[0] is not None and b[0] > a[1]


def dated(a: Interval, b: Interval) -> bool:
    """Whether the two intervals let the order be judged at all (A has a latest, B an
    earliest date)."""
    return a[1] is not None and b[0] is not None


def month_of(day: Day | None) -> str:
    """YYYY-MM of a day, '' for None."""
    return f"{day[0]:04d}-{day[1]:02d}" if day else ""


__all__ = ["arxiv_month", "cannot_cite", "dated", "month_of", "paper_interval"]
