"""Read paper listings: Hugging Face papers pages saved as text (two layouts), JSON and JSON Lines.

Every record becomes a `Paper`; records of the same paper (same arXiv id, DOI or normalised title)
in one or several files merge into one paper that keeps every source (file, line).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.core.errors import NothingBuilt, UserError
from paperkg.core.records import Paper, SourceFile, SourceRef

#: Files larger than this are refused (a listing is a few MB at most; this guards memory).
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Suffixes read when a folder is given (explicit files are read whatever their suffix).
LISTING_SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson", ".md", ".text"}

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

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
_DATE = re.compile(
    r"^\s*(?:(?:Published|Submitted)\s+(?:on\s+)?)?"
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})"
    r"(?:,\s*(\d{4}))?(?:\s+\d{1,6})?\s*$",
    re.I,
)
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_ARXIV_ID = re.compile(r"(?<![\w.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\w.])")
_ARXIV_OLD = re.compile(r"(?<![\w/])([a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_ARXIV_URL = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|hf\.co/papers/|alphaxiv\.org/abs/)"
    r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})", re.I)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
_DOI_URL = re.compile(r"(?:doi\.org/|doi:\s*)(10\.\d{4,9}/[^\s\"<>]+)", re.I)


@dataclass
class ReadResult:
    """What reading a set of paths produced."""

    papers: list[Paper]
    sources: list[SourceFile]
    records: int = 0  # paper records seen before merging
    merged: int = 0  # records folded into an already-seen paper
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    no_abstract: int = 0

    def summary(self) -> dict:
        """Counts for reports."""
        return {
            "files": len(self.sources),
            "records": self.records,
            "papers": len(self.papers),
            "merged": self.merged,
            "skipped": len(self.skipped),
            "no_abstract": self.no_abstract,
        }


# ---------------------------------------------------------------------------------------------
# Normalisation and identifiers


def title_key(title: str) -> str:
    """A normalised title: NFKC, lower case, no LaTeX commands or punctuation, spaces folded."""
    text = unicodedata.normalize("NFKC", title or "")
    text = re.sub(r"\\[a-zA-Z]+", " ", text)  # \mathcal, \GitChameleon
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def title_id(title: str) -> str:
    """A readable, stable paper id derived from the normalised title."""
    key = title_key(title)
    slug = key.replace(" ", "-") or "untitled"
    if len(slug) <= 96:
        return slug
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return slug[:87].rstrip("-") + "-" + digest


def normalise_arxiv(value: str | None) -> str | None:
    """An arXiv id without version or prefix ("arXiv:2310.01234v2" -> "2310.01234"), or None."""
    if not value:
        return None
    value = str(value).strip()
    m = _ARXIV_URL.search(value)
    if m:
        return m.group(1)
    value = re.sub(r"^arxiv:\s*", "", value, flags=re.I)
    m = _ARXIV_ID.fullmatch(value) or re.fullmatch(
        r"(\d{4}\.\d{4,5})(?:v\d+)?|([a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", value)
    if not m:
        return None
    return m.group(1) or m.group(2)


def normalise_doi(value: str | None) -> str | None:
    """A DOI in lower case without resolver prefix or trailing punctuation, or None."""
    if not value:
        return None
    value = str(value).strip()
    m = _DOI_URL.search(value) or _DOI.search(value)
    if not m:
        return None
    return m.group(1).rstrip(".,;:)]}'\"").lower()


def ids_from_url(url: str | None) -> tuple[str | None, str | None]:
    """(arXiv id, DOI) named by a paper's own URL."""
    if not url:
        return None, None
    m = _ARXIV_URL.search(url)
    arxiv = m.group(1) if m else None
    d = _DOI_URL.search(url)
    doi = d.group(1).rstrip(".,;:)]}'\"").lower() if d else None
    return arxiv, doi


def parse_date(value: str | None) -> str | None:
    """ISO 8601 from a listing or JSON date; a date printed without a year stays --MM-DD."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$", text)
    if m:
        y, mo, d = m.groups()
        return "-".join(p for p in (y, mo, d) if p)
    m = re.match(r"^--(\d{2})-(\d{2})$", text)
    if m:
        return text
    m = _DATE.match(text)
    if m:
        mon = MONTHS[m.group(1)[:3].lower()]
        day = int(m.group(2))
        if not 1 <= day <= 31:
            return None
        return f"{m.group(3)}-{mon:02d}-{day:02d}" if m.group(3) else f"--{mon:02d}-{day:02d}"
    m = re.match(r"^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$", text)
    if m and m.group(2)[:3].lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2)[:3].lower()]:02d}-{int(m.group(1)):02d}"
    return None


def _date_rank(value: str | None) -> int:
    """How complete a date is: full date 3, year-month 2, year 1, no year 0, none -1."""
    if not value:
        return -1
    if value.startswith("--"):
        return 0
    return value.count("-") + 1


# ---------------------------------------------------------------------------------------------
# Raw records


@dataclass
class _Record:
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


def _clean_line(line: str) -> str:
    """A line without control characters and with outer spaces trimmed."""
    line = line.replace("\u00a0", " ")
    line = "".join(c for c in line if c == "\t" or unicodedata.category(c)[0] != "C")
    return line.strip()


def _is_furniture(line: str) -> bool:
    """True for page furniture that is never a paper."""
    return line.lower() in FURNITURE


def _looks_like_abstract(line: str) -> bool:
    """An abstract is long prose; a title is short and rarely ends with a full stop."""
    words = line.split()
    if len(line) >= 300:
        return True
    if len(words) >= 25 and re.search(r"[.!?]\s+[A-Z]", line):
        return True
    return len(words) >= 30


def parse_hf_text(text: str) -> tuple[list[_Record], str | None, str]:
    """Records of a Hugging Face papers page saved as text, its page date, and its layout."""
    raw = text.splitlines()
    blank = sum(1 for ln in raw if not ln.strip())
    layout = "blocks" if blank >= max(2, len(raw) // 10) else "dense"
    records: list[_Record] = []
    page_date: str | None = None
    current: _Record | None = None
    seen_paper = False
    cleaned = [_clean_line(x) for x in raw]
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
        if _DATE.match(line):
            iso = parse_date(line)
            if not seen_paper and page_date is None:
                page_date = iso
            elif current is not None and current.published is None:
                current.published = iso
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
        current = _Record(title=line, abstract="", line=no)
        records.append(current)
        seen_paper = True
    return records, page_date, layout


def _first(obj: dict, *names: str):
    """The first present, non-empty value among names."""
    for n in names:
        v = obj.get(n)
        if v not in (None, "", [], {}):
            return v
    return None


def _record_from_json(obj: dict, line: int) -> _Record | None:
    """A record from one JSON paper object (also the Hugging Face API `{"paper": {...}}` shape)."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("paper"), dict):
        obj = {**{k: v for k, v in obj.items() if k != "paper"}, **obj["paper"]}
    title = _first(obj, "title", "name")
    if not isinstance(title, str) or not title.strip():
        return None
    abstract = _first(obj, "abstract", "summary", "description") or ""
    authors = obj.get("authors", obj.get("author_count", obj.get("num_authors")))
    names: list[str] = []
    count: int | None = None
    if isinstance(authors, list):
        for a in authors:
            if isinstance(a, str):
                names.append(a)
            elif isinstance(a, dict) and isinstance(a.get("name"), str):
                names.append(a["name"])
        count = len(authors)
    elif isinstance(authors, (int, float)) and not isinstance(authors, bool):
        count = int(authors)
    elif isinstance(authors, str) and authors.strip().isdigit():
        count = int(authors.strip())
    url = _first(obj, "url", "link", "arxiv_url", "pdf_url")
    url = url if isinstance(url, str) else None
    raw_id = _first(obj, "id", "paper_id")
    raw_id = str(raw_id) if raw_id is not None else None
    url_arxiv, url_doi = ids_from_url(url)
    arxiv = normalise_arxiv(_first(obj, "arxiv_id", "arxivId", "arxiv")) or url_arxiv \
        or normalise_arxiv(raw_id)
    doi = normalise_doi(_first(obj, "doi", "DOI")) or url_doi
    if raw_id and not arxiv and not doi:
        doi = normalise_doi(raw_id) if raw_id.lower().startswith("10.") else None
    published = parse_date(_first(obj, "published", "publishedAt", "published_at", "date",
                                  "publication_date"))
    venue = _first(obj, "venue")
    return _Record(
        title=_clean_line(title),
        abstract=_clean_line(str(abstract)) if abstract else "",
        line=line,
        authors=count,
        published=published,
        arxiv_id=arxiv,
        doi=doi,
        url=url,
        id=raw_id,
        author_names=names,
        listing_date=parse_date(_first(obj, "listing_date")),
        venue=venue if isinstance(venue, str) else None,
    )


def parse_json_text(text: str, path: str) -> tuple[list[_Record], int, str]:
    """Records of a JSON document (list, {"papers": [...]}, or one paper), skips, layout."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Skip(f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if isinstance(data, dict):
        for key in ("papers", "data", "results", "items"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise _Skip("JSON holds no list of papers")
    # json does not report where each object starts: an object's "line" is its position
    records, bad = _records(enumerate(data, 1))
    return records, bad, "json"


def _records(numbered: Iterable[tuple[int, object]]) -> tuple[list[_Record], int]:
    """Records of (line, JSON object) pairs, and how many were not papers."""
    records, bad = [], 0
    for line, obj in numbered:
        rec = _record_from_json(obj, line)
        if rec is None:
            bad += 1
        else:
            records.append(rec)
    return records, bad


def parse_jsonl_text(text: str) -> tuple[list[_Record], int, str]:
    """Records of a JSON Lines document; bad lines are counted, not fatal."""
    objects, bad = [], 0
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            objects.append((no, json.loads(line)))
        except json.JSONDecodeError:
            bad += 1
    records, unusable = _records(objects)
    return records, bad + unusable, "jsonl"


class _Skip(Exception):
    """A file that is not a readable listing (reason in the message)."""


def _decode(data: bytes) -> str:
    """UTF-8 text of a file, or _Skip with the reason."""
    if not data.strip():
        raise _Skip("empty file")
    head = data[:8192]
    if b"\x00" in head:
        raise _Skip("binary file (NUL bytes), not a listing")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Skip(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > 8:
        raise _Skip("binary file (control bytes), not a listing")
    return text


def read_file(path: Path) -> tuple[list[_Record], SourceFile, int]:
    """Records of one file, its SourceFile, and the count of unusable records in it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Skip(f"file too large ({size / 2**20:.0f} MB > {MAX_FILE_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise _Skip(f"cannot read ({exc.strerror or exc})") from None
    text = _decode(data)
    digest = hashlib.sha256(data).hexdigest()[:16]
    stripped = text.lstrip()
    suffix = path.suffix.lower()
    page_date = None
    if suffix in (".jsonl", ".ndjson"):
        records, bad, layout = parse_jsonl_text(text)
    elif suffix == ".json":
        records, bad, layout = parse_json_text(text, str(path))
    elif stripped.startswith("["):
        records, bad, layout = parse_json_text(text, str(path))
    elif stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        if first.endswith("}") and len(stripped.splitlines()) > 1:
            records, bad, layout = parse_jsonl_text(text)
        else:
            records, bad, layout = parse_json_text(text, str(path))
    else:
        records, page_date, layout = parse_hf_text(text)
        bad = 0
    source = SourceFile(id=digest, path=str(path), name=path.name, layout=layout,
                        listing_date=page_date, paper_count=len(records))
    for r in records:
        r.listing_date = r.listing_date or page_date
    if not records:
        raise _Skip("no papers found in it" + (f" ({bad} unusable records)" if bad else ""))
    return records, source, bad


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, or found by suffix under folders; UserError for a missing path."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UserError(f"no such file or folder: {raw}")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and
                           f.suffix.lower() in LISTING_SUFFIXES and
                           not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise NothingBuilt(f"no listing files (*.txt, *.json, *.jsonl) in folder {raw}")
            files.extend(found)
        else:
            files.append(p)
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique


# ---------------------------------------------------------------------------------------------
# Merging


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge_records(items: Sequence[tuple[_Record, SourceRef]]) -> list[Paper]:
    """Papers from records: same arXiv id, DOI or normalised title means the same paper."""
    uf = _UnionFind()
    first_by: dict[tuple[str, str], int] = {}
    for i, (rec, _) in enumerate(items):
        uf.find(i)
        keys = [("t", title_key(rec.title))]
        if rec.arxiv_id:
            keys.append(("a", rec.arxiv_id))
        if rec.doi:
            keys.append(("d", rec.doi))
        for k in keys:
            if not k[1]:
                continue
            if k in first_by:
                uf.union(first_by[k], i)
            else:
                first_by[k] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(uf.find(i), []).append(i)
    papers = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        papers.append(_merge_group([items[i] for i in members]))
    return papers


def _merge_group(group: list[tuple[_Record, SourceRef]]) -> Paper:
    """One paper from the records of one group (first seen wins, fuller data fills gaps)."""
    recs = [r for r, _ in group]
    first = recs[0]
    arxiv = next((r.arxiv_id for r in recs if r.arxiv_id), None)
    doi = next((r.doi for r in recs if r.doi), None)
    published = max((r.published for r in recs), key=_date_rank, default=None)
    listing_dates = [r.listing_date for r in recs if r.listing_date]
    sources: list[SourceRef] = []
    seen = set()
    for _rec, s in group:
        key = (s.source_id, s.line)
        if key not in seen:
            seen.add(key)
            sources.append(s)
    explicit = next((r.id for r in recs if r.id and not normalise_arxiv(r.id)
                     and not normalise_doi(r.id)), None)
    pid = arxiv or doi or explicit or title_id(first.title)
    return Paper(
        id=pid,
        title=first.title,
        abstract=max((r.abstract for r in recs), key=len, default=""),
        authors=next((r.authors for r in recs if r.authors is not None), None),
        published=published,
        listing_date=min(listing_dates, key=_listing_sort) if listing_dates else None,
        arxiv_id=arxiv,
        doi=doi,
        url=next((r.url for r in recs if r.url), None),
        title_key=title_key(first.title),
        sources=sources,
        venue=next((r.venue for r in recs if r.venue), None),
        author_names=next((r.author_names for r in recs if r.author_names), []),
    )


def _listing_sort(value: str) -> str:
    """Sort key that puts dated listings before undated (--MM-DD) ones."""
    return ("1" + value) if value.startswith("--") else ("0" + value)


def merge_papers(papers: Sequence[Paper]) -> tuple[list[Paper], int]:
    """Merge already-built papers (e.g. a store's and a new read's); returns papers and merges."""
    items = []
    for p in papers:
        for s in p.sources or [SourceRef(path="", line=0)]:
            rec = _Record(title=p.title, abstract=p.abstract, line=s.line, authors=p.authors,
                          published=p.published, arxiv_id=p.arxiv_id, doi=p.doi, url=p.url,
                          id=p.id if p.id != title_id(p.title) else None,
                          author_names=list(p.author_names), listing_date=p.listing_date,
                          venue=p.venue)
            items.append((rec, s))
    merged = merge_records(items)
    for m in merged:
        m.sources = [s for s in m.sources if s.path or s.line]
    return merged, len(papers) - len(merged)


# ---------------------------------------------------------------------------------------------
# Entry point


def read_listings(paths: Iterable[str | os.PathLike], strict: bool = False) -> ReadResult:
    """Read every listing under paths into merged papers; unreadable files are counted skips."""
    files = expand_paths(paths)
    items: list[tuple[_Record, SourceRef]] = []
    sources: list[SourceFile] = []
    skipped: list[tuple[str, str]] = []
    for f in files:
        try:
            records, source, _bad = read_file(f)
        except _Skip as exc:
            skipped.append((str(f), str(exc)))
            continue
        sources.append(source)
        for r in records:
            items.append((r, SourceRef(path=str(f), line=r.line, source_id=source.id,
                                       listing_date=r.listing_date)))
    if not items:
        if len(skipped) == 1:
            path, reason = skipped[0]
            raise NothingBuilt(f"nothing to read: {path}: {reason}")
        reasons = "; ".join(f"{Path(p).name}: {r}" for p, r in skipped[:3])
        more = f" (+{len(skipped) - 3} more)" if len(skipped) > 3 else ""
        raise NothingBuilt(f"nothing to read in {len(skipped)} files: {reasons}{more}")
    if strict and skipped:
        path, reason = skipped[0]
        raise UserError(f"{path}: {reason}")
    papers = merge_records(items)
    return ReadResult(
        papers=papers,
        sources=sources,
        records=len(items),
        merged=len(items) - len(papers),
        skipped=skipped,
        no_abstract=sum(1 for p in papers if not p.abstract),
    )
