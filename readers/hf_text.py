"""Hugging Face "Daily Papers" pages saved as text: the two layouts seen (blank-line separated
blocks, and dense pages with one field per line)."""

from __future__ import annotations

import re

from paperkg.core.dates import LISTING_DATE, read_date
from paperkg.core.ids import ids_from_url
from paperkg.readers.record import RawRecord, bounded_title, clean_line

# Page furniture of Hugging Face papers pages (compared case-insensitively, whole line).
FURNITURE = {
    "new",
    "subscribe",
    "daily papers",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
    "trending papers",
    "papers",
    "previous",
    "next",
    "·",
}
_GLUED_HEADER = re.compile(r"^(?:Subscribe|Daily Papers|byAK and the research community)(?=\S)")
_AUTHORS = re.compile(r"^\s*[•·*-]?\s*(\d{1,5})\s+authors?\s*$", re.I)
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _is_furniture(line: str) -> bool:
    """True for page furniture that is never a paper."""
    return line.lower() in FURNITURE


def _looks_like_abstract(line: str) -> bool:
    """An abstract is long prose; a title is short and rarely ends with a full stop."""
    words = line.split()
    if len(line) >= 300:
        return True
    if len(words) >= 25 and _SENTENCE_BREAK.search(line):
        return True
    return len(words) >= 30


def parse_hf_text(text: str) -> tuple[list[RawRecord], str | None, str, list[str]]:
    """Records of a Hugging Face papers page saved as text, its page date, its layout and the
    warnings (invalid dates kept as text)."""
    raw = text.splitlines()
    blank = sum(1 for ln in raw if not ln.strip())
    layout = "blocks" if blank >= max(2, len(raw) // 10) else "dense"
    records: list[RawRecord] = []
    warnings: list[str] = []
    page_date: str | None = None
    current: RawRecord | None = None
    seen_paper = False
    cleaned = [clean_line(x) for x in raw]
    following: list[str] = [""] * len(cleaned)  # the next non-empty line after each line
    nxt = ""
    for i in range(len(cleaned) - 1, -1, -1):
        following[i] = nxt
        if cleaned[i]:
            nxt = cleaned[i]
    for no, line in enumerate(cleaned, 1):
        if not line:
            continue
        line = _GLUED_HEADER.sub("", line).strip() if not seen_paper else line
        if _is_furniture(line):
            continue
        m = _AUTHORS.match(line)
        if m:
            if current is not None:
                current.authors = int(m.group(1))
            continue
        if len(line) <= 64 and LISTING_DATE.match(line):
            value, warning = read_date(line)
            if warning:
                warnings.append(f"line {no}: {warning}")
            if not seen_paper and page_date is None:
                page_date = value
            elif current is not None and current.published is None:
                current.published = value
            continue
        if following[no - 1] == "·" and current is not None and current.abstract:
            continue  # an organisation shown in place of the author count ("ByteDance ·")
        m = _URL_LINE.match(line)
        if m and current is not None and not current.url:
            current.url = m.group(1)
            current.arxiv_id, current.doi = ids_from_url(current.url)
            continue
        if _looks_like_abstract(line):
            if current is not None and not current.abstract:
                current.abstract = line
            elif current is not None and current.abstract and not current.authors \
                    and not current.published and len(line) < 400:
                current.abstract += " " + line  # an abstract split over two lines
            # else: an abstract with no title before it: not a paper (counted by caller)
            continue
        # a title
        rec_warnings: list[str] = []
        current = RawRecord(title=bounded_title(line, rec_warnings), abstract="", line=no)
        warnings.extend(f"line {no}: {w}" for w in rec_warnings)
        records.append(current)
        seen_paper = True
    return records, page_date, layout, warnings


__all__ = ["FURNITURE", "parse_hf_text"]
