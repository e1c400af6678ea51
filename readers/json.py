"""JSON and JSON Lines listings: plain paper objects, the Hugging Face API shape
(`{"paper": {...}}`), Semantic Scholar papers (`externalIds`), the arXiv metadata snapshot shape
and OpenAlex works.

Lines are parsed with orjson (fast, depth-limited: a line nested 100,000 deep is one bad line,
not a crash); a line orjson refuses is tried once more with the standard library, which reads
NaN, Infinity and integers of any size (then bounded by the record cleaning).
"""

from __future__ import annotations

import email.utils
import json
from collections.abc import Iterable, Iterator

import orjson

from paperkg.core.dates import read_date
from paperkg.core.ids import arxiv_from_doi, ids_from_url, normalise_arxiv, normalise_doi
from paperkg.readers.files import MAX_LINE_BYTES, SkipFile, latin_text
from paperkg.readers.record import (
    RawRecord,
    author_count,
    bounded_names,
    bounded_title,
    clean_line,
)

#: Words rebuilt from an OpenAlex inverted index at most (a real abstract has a few hundred).
MAX_INVERTED_WORDS = 100_000
#: Longer ids and URLs are not ids or URLs (dropped with a warning).
MAX_ID_CHARS = 200
MAX_URL_CHARS = 2_000

_ARXIV_SNAPSHOT_KEYS = ("versions", "update_date", "authors_parsed", "submitter")


def loads(data: bytes | str) -> object:
    """A JSON value: orjson first, the standard library for what orjson refuses (NaN,
    Infinity, huge integers); ValueError for invalid or too deeply nested JSON."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if "depth limit" in str(exc):
            raise ValueError("nested too deeply (over 1,024 levels)") from None
        first = exc
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except (ValueError, TypeError):
        raise ValueError(str(first).split(":")[0]) from None


def _first(obj: dict, *names: str):
    """The first present, non-empty value among names."""
    for n in names:
        v = obj.get(n)
        if v not in (None, "", [], {}):
            return v
    return None


def _text(value: object) -> str:
    """A text field: strings and numbers as text, anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _inverted_abstract(index: object) -> str:
    """The abstract an OpenAlex inverted index ({word: [positions]}) spells, bounded."""
    if not isinstance(index, dict):
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            continue
        for pos in positions:
            if isinstance(pos, int) and not isinstance(pos, bool) and \
                    0 <= pos < MAX_INVERTED_WORDS:
                slots[pos] = str(word)
        if len(slots) >= MAX_INVERTED_WORDS:
            break
    return " ".join(slots[k] for k in sorted(slots))


def _snapshot_authors(obj: dict) -> list[str]:
    """Author names of an arXiv snapshot record: authors_parsed, else the authors string."""
    parsed = obj.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        names = []
        for p in parsed:
            if isinstance(p, list) and p and all(isinstance(x, str) for x in p):
                last, first = p[0], p[1] if len(p) > 1 else ""
                names.append(f"{first} {last}".strip())
        if names:
            return names
    text = obj.get("authors")
    if not isinstance(text, str):
        return []
    text = " ".join(text.replace(" and ", ", ").split())
    return [n.strip() for n in text.split(",") if n.strip()]


def _snapshot_date(obj: dict) -> object:
    """The first version's date of an arXiv snapshot record ('Mon, 2 Apr 2007 19:18:42 GMT'),
    else its update_date."""
    versions = obj.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if isinstance(created, str) and len(created) < 64:
            try:
                return email.utils.parsedate_to_datetime(created).date().isoformat()
            except (TypeError, ValueError, IndexError):
                pass
    return obj.get("update_date")


def _openalex(obj: dict) -> dict:
    """Plain fields of an OpenAlex work."""
    ids = obj.get("ids") if isinstance(obj.get("ids"), dict) else {}
    doi = normalise_doi(_text(obj.get("doi")) or _text(ids.get("doi")))
    arxiv = arxiv_from_doi(doi) or normalise_arxiv(_text(ids.get("arxiv")))
    locations = obj.get("locations") if isinstance(obj.get("locations"), list) else []
    for loc in [obj.get("primary_location"), *locations[:50]]:
        if arxiv or not isinstance(loc, dict):
            continue
        url = _text(loc.get("landing_page_url"))
        if "arxiv.org" in url:
            arxiv = normalise_arxiv(url)
    names = []
    authorships = obj.get("authorships")
    for a in authorships if isinstance(authorships, list) else []:
        author = a.get("author") if isinstance(a, dict) else None
        if isinstance(author, dict) and isinstance(author.get("display_name"), str):
            names.append(author["display_name"])
    venue = None
    primary = obj.get("primary_location")
    if isinstance(primary, dict) and isinstance(primary.get("source"), dict):
        venue = primary["source"].get("display_name")
    raw_id = _text(obj.get("id"))
    short = raw_id.rsplit("/", 1)[-1] if "openalex.org/" in raw_id else raw_id
    return {
        "abstract": _inverted_abstract(obj.get("abstract_inverted_index")),
        "doi": doi, "arxiv": arxiv, "names": names, "venue": venue, "id": short or None,
        "count": len(authorships) if isinstance(authorships, list) else None,
    }


def _bounded(value: object, limit: int, name: str, warnings: list[str]) -> str | None:
    """A short text field cleaned, None when it is not text or longer than limit (warned)."""
    if not isinstance(value, str) or not value:
        return None
    if len(value) > limit:
        warnings.append(f"{name} of {len(value):,} characters dropped (over {limit:,})")
        return None
    return clean_line(value) or None


def record_from_json(obj: object, line: int) -> RawRecord | None:
    """A record from one JSON paper object, None when it holds no paper (no title)."""
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("paper"), dict):
        obj = {**{k: v for k, v in obj.items() if k != "paper"}, **obj["paper"]}
    title = _first(obj, "title", "name", "display_name")
    if not isinstance(title, str) or not title.strip():
        return None
    warnings: list[str] = []
    title = bounded_title(title, warnings)
    if not title:
        return None
    url = _first(obj, "url", "link", "arxiv_url", "pdf_url")
    url = _bounded(url, MAX_URL_CHARS, "url", warnings)
    url_arxiv, url_doi = ids_from_url(url)
    raw_id = _bounded(_text(_first(obj, "id", "paper_id")), MAX_ID_CHARS, "id", warnings)
    venue = _first(obj, "venue")
    names: list[str] = []
    count: int | None = None
    if "abstract_inverted_index" in obj or "authorships" in obj:  # an OpenAlex work
        oa = _openalex(obj)
        abstract = oa["abstract"] or _text(_first(obj, "abstract"))
        arxiv, doi = oa["arxiv"], oa["doi"]
        raw_id = _bounded(oa["id"], MAX_ID_CHARS, "id", warnings)
        names, count, venue = oa["names"], oa["count"], oa["venue"] or venue
        published = _first(obj, "publication_date", "publication_year")
    elif any(k in obj for k in _ARXIV_SNAPSHOT_KEYS):  # an arXiv metadata snapshot record
        abstract = _text(obj.get("abstract"))
        arxiv = normalise_arxiv(raw_id) or url_arxiv
        doi = normalise_doi(_text(obj.get("doi")).split(" ")[0]) or url_doi
        names = _snapshot_authors(obj)
        count = len(names) or None
        published = _snapshot_date(obj)
        venue = venue or _first(obj, "journal-ref")
    else:
        abstract = _text(_first(obj, "abstract", "summary", "description"))
        authors = obj.get("authors", obj.get("author_count", obj.get("num_authors")))
        if isinstance(authors, list):
            for a in authors:
                if isinstance(a, str):
                    names.append(a)
                elif isinstance(a, dict) and isinstance(a.get("name"), str):
                    names.append(a["name"])
            count = author_count(len(authors), warnings)
        else:
            count = author_count(authors, warnings)
        ext = _first(obj, "externalIds", "externalids")  # Semantic Scholar papers
        ext = ext if isinstance(ext, dict) else {}
        arxiv = normalise_arxiv(_first(obj, "arxiv_id", "arxivId", "arxiv")) or url_arxiv \
            or normalise_arxiv(_text(ext.get("ArXiv"))) or normalise_arxiv(raw_id)
        doi = normalise_doi(_first(obj, "doi", "DOI")) or url_doi \
            or normalise_doi(_text(ext.get("DOI")))
        if raw_id and not arxiv and not doi:
            doi = normalise_doi(raw_id) if raw_id.lower().startswith("10.") else None
        published = _first(obj, "published", "publishedAt", "published_at", "date",
                           "publication_date", "publicationDate", "publicationdate", "year")
    if isinstance(published, bool) or not isinstance(published, (str, int, type(None))):
        warnings.append(f"published: a JSON {type(published).__name__}, not a date: dropped")
        published = None
    published, warning = read_date(published)
    if warning:
        warnings.append(f"published: {warning}")
    listed = _first(obj, "listing_date")
    listing_date, warning = read_date(listed if isinstance(listed, (str, int)) else None)
    if warning:
        warnings.append(f"listing_date: {warning}")
    return RawRecord(
        title=title,
        abstract=clean_line(abstract) if abstract else "",
        line=line,
        authors=count,
        published=published,
        arxiv_id=arxiv,
        doi=doi,
        url=url,
        id=raw_id,
        author_names=bounded_names(names),
        listing_date=listing_date,
        venue=clean_line(venue)[:500] if isinstance(venue, str) else None,
        warnings=warnings,
    )


def papers_in_document(data: object) -> list:
    """The paper objects of a JSON document: a list, {"papers"|"data"|"results"|"items": [...]},
    or one paper object."""
    if isinstance(data, dict):
        for key in ("papers", "data", "results", "items"):
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    if not isinstance(data, list):
        raise SkipFile("JSON holds no list of papers")
    return data


def parse_json_text(text: str) -> tuple[list[RawRecord], list[tuple[int, str]]]:
    """Records of a JSON document and its bad entries as (position, reason); SkipFile when
    the document is not valid JSON."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        try:
            data = json.loads(text)
        except RecursionError:
            raise SkipFile("invalid JSON (nested too deeply)") from None
        except json.JSONDecodeError as exc2:
            raise SkipFile(f"invalid JSON (line {exc2.lineno}, column {exc2.colno}: "
                           f"{exc2.msg})") from None
        except ValueError:
            raise SkipFile(f"invalid JSON ({exc})") from None
    # json does not report where each object starts: an object's "line" is its position
    return _records(enumerate(papers_in_document(data), 1))


def _records(numbered: Iterable[tuple[int, object]]) -> tuple[list[RawRecord],
                                                                 list[tuple[int, str]]]:
    """Records of (position, JSON object) pairs and the positions that held no paper."""
    records, bad = [], []
    for line, obj in numbered:
        rec = record_from_json(obj, line)
        if rec is None:
            bad.append((line, "no paper (no title)"))
        else:
            records.append(rec)
    return records, bad


def iter_jsonl(lines: Iterable[tuple[int, bytes | str | None]], latin: list[int] | None = None
               ) -> Iterator[tuple[int, RawRecord | None, str | None]]:
    """(line, record, None) for each paper line and (line, None, reason) for each bad one of
    numbered JSON Lines lines (None stands for an over-long line); blank lines are passed over.
    Lines that are not UTF-8 are read as Windows-1252/Latin-1 and their numbers added to
    latin."""
    for no, line in lines:
        if line is None:
            yield no, None, f"longer than {MAX_LINE_BYTES // 2**20} MB"
            continue
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except ValueError as exc:
            if isinstance(line, bytes) and _not_utf8(line):
                try:
                    obj = loads(latin_text(line))
                except ValueError as exc2:
                    yield no, None, f"invalid JSON: {exc2}"
                    continue
                if latin is not None:
                    latin.append(no)
            else:
                yield no, None, f"invalid JSON: {exc}"
                continue
        rec = record_from_json(obj, no)
        if rec is None:
            yield no, None, "no paper (no title)" if isinstance(obj, dict) else "not an object"
        else:
            yield no, rec, None


def _not_utf8(data: bytes) -> bool:
    """Whether bytes are not valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


__all__ = ["iter_jsonl", "loads", "papers_in_document", "parse_json_text",
           "record_from_json"]
