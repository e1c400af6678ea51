"""The raw record a reader makes of one paper sighting, and the field cleaning every reader
shares (control characters out, sizes bounded)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from paperkg.core.ids import title_key

#: A title longer than this is cut (at a space when there is one) with a warning: no real title
#: comes near it, and everything downstream keys on titles.
MAX_TITLE_CHARS = 2_000
#: Author counts above this are not counts (dropped with a warning).
MAX_AUTHORS = 100_000
#: Author names kept per paper, and characters per name.
MAX_AUTHOR_NAMES = 5_000
MAX_NAME_CHARS = 300

_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")


@dataclass
class RawRecord:
    """One paper as one source shows it (before records of the same paper merge)."""

    title: str
    abstract: str
    line: int
    authors: int | None = None
    published: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    id: str | None = None
    author_names: list[str] = field(default_factory=list)
    listing_date: str | None = None
    venue: str | None = None
    warnings: list[str] = field(default_factory=list)
    key: str | None = None  # title_key(title), computed once when first needed

    def title_key(self) -> str:
        """The record's normalised title (computed once)."""
        if self.key is None:
            self.key = title_key(self.title)
        return self.key


def clean_line(line: str) -> str:
    """A field's text on one line: line breaks and no-break spaces become spaces, other control
    and format characters go, outer spaces are trimmed (tabs inside are kept)."""
    line = line.replace("\u00a0", " ")
    if line.isprintable():  # the common case: nothing to remove
        return line.strip()
    line = _LINE_BREAKS.sub(" ", line)
    if line.isprintable():
        return line.strip()
    return "".join(c for c in line if c == "\t" or c.isprintable()
                   or unicodedata.category(c)[0] != "C").strip()


def bounded_title(title: str, warnings: list[str]) -> str:
    """A cleaned title, runs of spaces folded, cut to MAX_TITLE_CHARS (at the last space before
    it) with a warning."""
    title = clean_line(title)
    if "  " in title or "\t" in title:
        title = " ".join(title.split())
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title.rfind(" ", MAX_TITLE_CHARS // 2, MAX_TITLE_CHARS)
    warnings.append(f"title of {len(title):,} characters cut to {MAX_TITLE_CHARS:,}")
    return title[:cut if cut > 0 else MAX_TITLE_CHARS].rstrip()


def author_count(value: object, warnings: list[str]) -> int | None:
    """A bounded author count from a JSON value (int, float or digits), None otherwise; NaN,
    infinities, fractions, negatives and counts past MAX_AUTHORS are dropped with a warning."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isdigit() or not text.isascii():
            return None
        value = int(text) if len(text) <= 12 else 10**12
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            warnings.append(f"author count {value:g} dropped (not a whole number)")
            return None
        if not 0 <= value <= MAX_AUTHORS:
            warnings.append(f"author count {value:g} dropped (outside 0..{MAX_AUTHORS:,})")
            return None
        value = int(value)
    if not isinstance(value, int):
        return None
    if not 0 <= value <= MAX_AUTHORS:
        shown = str(value) if -10**12 < value < 10**12 else f"of {len(str(abs(value)))} digits"
        warnings.append(f"author count {shown} dropped (outside 0..{MAX_AUTHORS:,})")
        return None
    return value


def bounded_names(names: list[str]) -> list[str]:
    """Author names cleaned, empty ones dropped, the list and each name bounded."""
    out = []
    for n in names[:MAX_AUTHOR_NAMES]:
        if not (n.isprintable() and len(n) <= MAX_NAME_CHARS and n.strip() == n):
            n = clean_line(n)[:MAX_NAME_CHARS]
        if n:
            out.append(n)
    return out


__all__ = ["MAX_AUTHORS", "MAX_TITLE_CHARS", "RawRecord", "author_count", "bounded_names",
           "bounded_title", "clean_line"]
