"""Optional online enrichment from OpenAlex or Semantic Scholar (opt-in, cached, rate-limited).

Each paper of the store is looked up by arXiv id, then DOI, then title. Authors, venue, DOI and
arXiv id are added to the Paper node; references between papers of the store become CITES edges
with `source` set to the service. Every response is cached on disk before it is used, so a
service error part-way never loses what was already fetched; `offline=True` serves only the
cache. The store is written atomically (copy, upsert, rename).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paperkg.core.errors import UserError
from paperkg.core.ids import (
    arxiv_from_doi,
    normalise_arxiv,
    normalise_doi,
    search_text,
    title_key,
    titles_match,
)

OPENALEX = "openalex"
SEMANTICSCHOLAR = "semanticscholar"
SERVICES = (OPENALEX, SEMANTICSCHOLAR)

DEFAULT_URLS = {OPENALEX: "https://api.openalex.org", SEMANTICSCHOLAR: "https://api.semanticscholar.org"}
URL_ENV = {OPENALEX: "PAPERKG_OPENALEX_URL", SEMANTICSCHOLAR: "PAPERKG_S2_URL"}
#: Seconds between requests (OpenAlex allows 10/s; Semantic Scholar about 1/s without a key).
DEFAULT_INTERVAL = {OPENALEX: 0.12, SEMANTICSCHOLAR: 1.1}
S2_FIELDS = ("title,venue,year,publicationDate,externalIds,authors,"
             "references.paperId,references.externalIds,references.title")
OA_SELECT = ("id,doi,title,display_name,publication_date,publication_year,ids,authorships,"
             "primary_location,referenced_works")
USER_AGENT = "paperkg/0.1 (+https://w3id.org/paperkg; enrichment)"


class ServiceError(UserError):
    """The service failed after the retries (or answered something unreadable)."""

    report: EnrichReport | None = None


# ---------------------------------------------------------------------------------------------
# Records


@dataclass
class Found:
    """What a service says about one paper, in service-neutral form."""

    service_id: str
    title: str = ""
    doi: str | None = None
    arxiv_id: str | None = None
    venue: str | None = None
    published: str | None = None
    author_names: list[str] = field(default_factory=list)
    # References: each a dict of whatever ids the service gives (service_id, doi, arxiv_id, title).
    references: list[dict[str, str]] = field(default_factory=list)


@dataclass
class EnrichReport:
    """What an enrichment run did."""

    source: str
    papers: int = 0
    looked_up: int = 0
    from_cache: int = 0
    fetched: int = 0
    matched: int = 0
    not_found: int = 0
    not_cached: int = 0
    updated: int = 0
    citations: int = 0
    references_outside: int = 0
    temporal_conflicts: int = 0
    all_conflicts: int | None = None  # CITES edges of any source flagged after the update
    error: str | None = None

    def summary(self) -> dict:
        """The figures as a plain dict."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


# ---------------------------------------------------------------------------------------------
# Cache and HTTP


class Cache:
    """Raw service responses on disk, one JSON file per request URL path."""

    def __init__(self, root: str | os.PathLike | None, service: str):
        base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME")
                                            or Path.home() / ".cache") / "paperkg"
        self.dir = base / service
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot use cache folder {self.dir}: {exc.strerror or exc}") from None

    def _path(self, key: str) -> Path:
        return self.dir / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".json")

    def get(self, key: str) -> dict | None:
        """The cached entry for key ({"status": ..., "body": ...}), or None."""
        p = self._path(key)
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a damaged entry is fetched again

    def put(self, key: str, status: int, body: Any) -> None:
        """Store an entry atomically."""
        p = self._path(key)
        fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "status": status, "body": body}, fh, ensure_ascii=False)
        os.replace(tmp, p)


class Client:
    """A polite HTTP client: cache first, rate limit, retries with exponential backoff."""

    def __init__(self, service: str, base_url: str | None = None, cache: Cache | None = None,
                 offline: bool = False, interval: float | None = None, retries: int = 4,
                 backoff: float = 0.5, timeout: float = 20.0, api_key: str | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.service = service
        self.base = (base_url or os.environ.get(URL_ENV[service]) or DEFAULT_URLS[service])
        self.base = self.base.rstrip("/")
        self.cache = cache
        self.offline = offline
        env_interval = os.environ.get("PAPERKG_ENRICH_INTERVAL")
        self.interval = (interval if interval is not None else
                         float(env_interval) if env_interval else DEFAULT_INTERVAL[service])
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.api_key = api_key
        self.sleep = sleep
        self._last = 0.0
        self.fetched = 0
        self.from_cache = 0

    def get(self, path: str, params: dict[str, str] | None = None) -> tuple[int, Any] | None:
        """(status, JSON body) for a GET, from the cache when there; None offline and uncached."""
        params = dict(params or {})
        if self.service == OPENALEX and os.environ.get("PAPERKG_MAILTO"):
            params["mailto"] = os.environ["PAPERKG_MAILTO"]  # polite pool; not in the cache key
        keyed = sorted((k, v) for k, v in params.items() if k != "mailto")
        key = path + ("?" + urllib.parse.urlencode(keyed) if keyed else "")
        url = self.base + path + ("?" + urllib.parse.urlencode(sorted(params.items()))
                                  if params else "")
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                self.from_cache += 1
                return hit["status"], hit["body"]
        if self.offline:
            return None
        status, body = self._fetch(url)
        self.fetched += 1
        if self.cache is not None and status in (200, 404):
            self.cache.put(key, status, body)
        return status, body

    def _wait(self) -> None:
        """Keep at least `interval` seconds between requests."""
        gap = self.interval - (time.monotonic() - self._last)
        if gap > 0:
            self.sleep(gap)
        self._last = time.monotonic()

    def _fetch(self, url: str) -> tuple[int, Any]:
        """GET url; 200 and 404 are answers, 429/5xx/network errors are retried with backoff."""
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self.api_key and self.service == SEMANTICSCHOLAR:
            headers["x-api-key"] = self.api_key
        problem = ""
        for attempt in range(self.retries + 1):
            self._wait()
            retry_after = None
            try:
                req = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    raw = resp.read()
                try:
                    return 200, json.loads(raw.decode("utf-8"))
                except ValueError:
                    raise ServiceError(f"{self.service} returned something that is not JSON "
                                       f"for {_short(url)}") from None
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return 404, None
                if exc.code not in (408, 429, 500, 502, 503, 504):
                    raise ServiceError(f"{self.service} refused {_short(url)}: HTTP {exc.code} "
                                       f"{exc.reason}") from None
                problem = f"HTTP {exc.code} {exc.reason}"
                retry_after = _retry_after(exc.headers.get("Retry-After"))
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                problem = f"{type(exc).__name__}: {reason}"
            if attempt < self.retries:
                delay = self.backoff * (2 ** attempt)
                self.sleep(min(60.0, max(delay, retry_after or 0.0)))
        raise ServiceError(f"{self.service} unavailable after {self.retries + 1} attempts "
                           f"({problem}) at {_short(url)}")


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(url: str) -> str:
    """A URL cut to a readable length."""
    return url if len(url) <= 120 else url[:117] + "..."


# ---------------------------------------------------------------------------------------------
# Services


def _oa_found(work: dict) -> Found:
    """A Found from an OpenAlex Work object."""
    doi = normalise_doi(work.get("doi") or (work.get("ids") or {}).get("doi"))
    loc = work.get("primary_location") or {}
    venue = ((loc.get("source") or {}).get("display_name")
             or (work.get("host_venue") or {}).get("display_name"))
    authors = [((a.get("author") or {}).get("display_name") or "").strip()
               for a in work.get("authorships") or []]
    published = work.get("publication_date") or (str(work["publication_year"])
                                                  if work.get("publication_year") else None)
    arxiv = arxiv_from_doi(doi)
    if arxiv is None:
        for loc in work.get("locations") or []:
            arxiv = normalise_arxiv(loc.get("landing_page_url")) if "arxiv.org" in str(
                loc.get("landing_page_url")) else None
            if arxiv:
                break
    return Found(
        service_id=str(work.get("id") or "").rsplit("/", 1)[-1],
        title=work.get("title") or work.get("display_name") or "",
        doi=doi,
        arxiv_id=arxiv,
        venue=venue,
        published=published,
        author_names=[a for a in authors if a],
        references=[{"service_id": str(r).rsplit("/", 1)[-1]}
                    for r in work.get("referenced_works") or []],
    )


def _s2_found(paper: dict) -> Found:
    """A Found from a Semantic Scholar Graph API paper object."""
    ext = paper.get("externalIds") or {}
    refs = []
    for ref in paper.get("references") or []:
        rext = ref.get("externalIds") or {}
        entry = {"service_id": ref.get("paperId") or "", "title": ref.get("title") or "",
                 "doi": normalise_doi(rext.get("DOI")) or "",
                 "arxiv_id": normalise_arxiv(rext.get("ArXiv")) or ""}
        refs.append({k: v for k, v in entry.items() if v})
    published = paper.get("publicationDate") or (str(paper["year"]) if paper.get("year")
                                                  else None)
    return Found(
        service_id=paper.get("paperId") or "",
        title=paper.get("title") or "",
        doi=normalise_doi(ext.get("DOI")),
        arxiv_id=normalise_arxiv(ext.get("ArXiv")),
        venue=paper.get("venue") or None,
        published=published,
        author_names=[a.get("name", "").strip() for a in paper.get("authors") or []
                      if a.get("name")],
        references=refs,
    )


def _check(body: Any, service: str, what: str) -> dict:
    """The body as a dict, or a clear error when the service answered another shape."""
    if not isinstance(body, dict):
        raise ServiceError(f"{service} answered {what} with an unexpected {type(body).__name__}")
    return body


def lookup(client: Client, paper: dict) -> tuple[Found | None, bool]:
    """Look a paper up by arXiv id, DOI, then title: (what was found or None, cached/answered)."""
    service = client.service
    tries: list[tuple[str, dict[str, str] | None, str]] = []
    arxiv, doi, title = paper.get("arxiv_id"), paper.get("doi"), paper.get("title") or ""
    words = search_text(title)
    if service == OPENALEX:
        select = {"select": OA_SELECT}
        if arxiv:
            tries.append((f"/works/doi:10.48550/arXiv.{arxiv}", select, "one"))
        if doi:
            tries.append((f"/works/doi:{urllib.parse.quote(doi, safe='/')}", select, "one"))
        if words:
            tries.append(("/works", {"search": words, "per-page": "5", **select}, "many"))
        parse = _oa_found
    else:
        fields = {"fields": S2_FIELDS}
        if arxiv:
            tries.append((f"/graph/v1/paper/arXiv:{arxiv}", fields, "one"))
        if doi:
            tries.append((f"/graph/v1/paper/DOI:{urllib.parse.quote(doi, safe='/')}", fields,
                          "one"))
        if words:
            tries.append(("/graph/v1/paper/search", {"query": words, "limit": "5", **fields},
                          "many"))
        parse = _s2_found
    answered = False
    memo_key = f"resolved:{paper.get('id')}"
    memo = client.cache.get(memo_key) if client.cache is not None else None
    if memo and isinstance(memo.get("body"), list):  # the request that found it last time
        path, params, shape = memo["body"]
        tries.insert(0, (path, params, shape))
    for path, params, shape in tries:
        got = client.get(path, params)
        if got is None:
            continue
        answered = True
        status, body = got
        if status != 200 or body is None:
            continue
        body = _check(body, service, path)
        try:
            if shape == "one":
                found = parse(body)
                hit = found if found.service_id else None
            else:
                items = body.get("results") if service == OPENALEX else body.get("data")
                hit = next((c for c in map(parse, items or []) if titles_match(c.title, title)),
                           None)
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            raise ServiceError(f"{service} answered {path} in an unexpected shape "
                               f"({type(exc).__name__}: {exc})") from None
        if hit is not None:
            if client.cache is not None and memo is None:
                client.cache.put(memo_key, 200, [path, params, shape])
            return hit, True
    return None, answered


# ---------------------------------------------------------------------------------------------
# Store


def _store_papers(db) -> list[dict]:
    """Paper rows (id, title, arxiv_id, doi, published, listing_date, ...) of the store."""
    from paperkg.graph.ladybug_store import query

    cols, rows = query("MATCH (p:Paper) RETURN p.id, p.title, p.arxiv_id, p.doi, p.published, "
                       "p.listing_date, p.venue, p.author_names, p.authors ORDER BY p.id",
                       db=db)
    names = ["id", "title", "arxiv_id", "doi", "published", "listing_date", "venue",
             "author_names", "authors"]
    return [dict(zip(names, r, strict=True)) for r in rows]


def _write(db, paper_rows: list[dict], cite_rows: list[dict]) -> int:
    """Upsert paper properties and CITES edges in a copy of the store, then swap it in;
    returns the number of CITES edges (any source) flagged temporal_conflict afterwards."""
    from paperkg.graph.ladybug_store import staged

    with staged(db) as conn:
        if paper_rows:
            conn.execute(
                "UNWIND $rows AS r MATCH (p:Paper {id: r.id}) SET "
                "p.venue = coalesce(r.venue, p.venue), "
                "p.author_names = CASE WHEN size(r.author_names) > 0 THEN r.author_names "
                "ELSE p.author_names END, "
                "p.authors = coalesce(p.authors, r.authors), "
                "p.doi = coalesce(p.doi, r.doi), "
                "p.arxiv_id = coalesce(p.arxiv_id, r.arxiv_id), "
                "p.published = coalesce(r.published, p.published)",
                {"rows": paper_rows})
        if cite_rows:
            conn.execute(
                "UNWIND $rows AS r MATCH (a:Paper {id: r.a}) MATCH (b:Paper {id: r.b}) "
                "MERGE (a)-[c:CITES {source: r.source}]->(b) "
                "ON CREATE SET c.kind = r.kind, c.entity = r.entity, "
                "c.evidence = r.evidence, c.temporal_conflict = r.conflict "
                "ON MATCH SET c.evidence = r.evidence, c.temporal_conflict = r.conflict",
                {"rows": cite_rows})
        return _refresh_conflicts(conn)


def _refresh_conflicts(conn) -> int:
    """Recompute temporal_conflict of every CITES edge from the (now enriched) paper dates."""
    from paperkg.core.dates import later_than, paper_date

    res = conn.execute("MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, a.published, "
                       "a.listing_date, b.id, b.published, b.listing_date, c.source")
    rows = []
    for aid, apub, alist, bid, bpub, blist, src in res.get_all():
        later = later_than(paper_date({"published": bpub, "listing_date": blist}),
                           paper_date({"published": apub, "listing_date": alist}))
        rows.append({"a": aid, "b": bid, "source": src, "conflict": bool(later)})
    if rows:
        conn.execute("UNWIND $rows AS r MATCH (a:Paper {id: r.a})-[c:CITES]->(b:Paper {id: r.b}) "
                     "WHERE c.source = r.source SET c.temporal_conflict = r.conflict",
                     {"rows": rows})
    return sum(r["conflict"] for r in rows)


# ---------------------------------------------------------------------------------------------
# Entry point


def enrich(source: str = OPENALEX, db: str | os.PathLike | None = None, offline: bool = False,
           cache: str | os.PathLike | None = None, base_url: str | None = None,
           interval: float | None = None, retries: int = 4, backoff: float = 0.5,
           timeout: float = 20.0, limit: int | None = None,
           progress: Callable[[int], None] | None = None) -> EnrichReport:
    """Enrich the store's papers from OpenAlex or Semantic Scholar; returns what was done.

    A service failure stops the lookups, writes what was already found, then raises
    ServiceError (its message says how far the run got)."""
    from paperkg.core.dates import later_than, paper_date

    if source not in SERVICES:
        raise UserError(f"unknown enrichment source {source!r}: use one of {', '.join(SERVICES)}")
    papers = _store_papers(db)
    if limit is not None:
        papers = papers[:limit]
    client = Client(source, base_url=base_url, cache=Cache(cache, source), offline=offline,
                    interval=interval, retries=retries, backoff=backoff, timeout=timeout,
                    api_key=os.environ.get("PAPERKG_S2_API_KEY"))
    report = EnrichReport(source=source, papers=len(papers))
    found: dict[str, Found] = {}
    for paper in papers:
        try:
            hit, answered = lookup(client, paper)
        except ServiceError as exc:
            report.error = str(exc)
            break
        except OSError as exc:  # the cache could not be written (disk full, permissions)
            report.error = f"cache write failed: {exc.strerror or exc}"
            break
        report.looked_up += 1
        if progress:
            progress(1)
        if hit is None:
            if answered:
                report.not_found += 1
            else:
                report.not_cached += 1
            continue
        found[paper["id"]] = hit
    report.fetched, report.from_cache = client.fetched, client.from_cache
    report.matched = len(found)

    # Map every identifier the services use to our paper ids.
    by_sid = {f.service_id: pid for pid, f in found.items() if f.service_id}
    by_doi: dict[str, str] = {}
    by_arxiv: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for p in papers:
        f = found.get(p["id"])
        for d in (normalise_doi(p.get("doi")), f.doi if f else None):
            if d:
                by_doi.setdefault(d, p["id"])
        for a in (normalise_arxiv(p.get("arxiv_id")), f.arxiv_id if f else None):
            if a:
                by_arxiv.setdefault(a, p["id"])
        by_title.setdefault(title_key(p.get("title")), p["id"])
    info = {p["id"]: p for p in papers}

    paper_rows, cite_rows = [], []
    for pid, f in found.items():
        stored = info[pid]
        published = None
        if f.published and (not stored.get("published") or
                            str(stored["published"]).startswith("--")):
            published = f.published
        paper_rows.append({"id": pid, "venue": f.venue, "author_names": f.author_names,
                           "authors": len(f.author_names) or None, "doi": f.doi,
                           "arxiv_id": f.arxiv_id, "published": published})
        if published:
            stored["published"] = published
        for ref in f.references:
            target = (by_sid.get(ref.get("service_id", ""))
                      or by_doi.get(ref.get("doi", ""))
                      or by_arxiv.get(ref.get("arxiv_id", ""))
                      or (by_title.get(title_key(ref["title"])) if ref.get("title") else None))
            if target is None or target == pid:
                report.references_outside += target is None
                continue
            cite_rows.append({"a": pid, "b": target, "source": source, "kind": None,
                              "entity": None, "conflict": False,
                              "evidence": f"{source} lists {_ref_label(ref)} among the "
                                          f"references of {f.service_id}"})
    for row in cite_rows:
        later = later_than(paper_date(info[row["b"]]), paper_date(info[row["a"]]))
        row["conflict"] = bool(later)
        report.temporal_conflicts += bool(later)
    report.citations = len(cite_rows)
    report.updated = len(paper_rows)
    if paper_rows or cite_rows:
        report.all_conflicts = _write(db, paper_rows, cite_rows)
    if report.error:
        err = ServiceError(f"{report.error}; kept {report.matched} enriched paper(s) "
                           f"({report.looked_up} of {report.papers} looked up) - run again to "
                           f"continue from the cache")
        err.report = report
        raise err
    return report


def _ref_label(ref: dict[str, str]) -> str:
    """A short name for a reference: its service id, DOI or arXiv id."""
    for k in ("service_id", "doi", "arxiv_id", "title"):
        if ref.get(k):
            return ref[k]
    return "a reference"


__all__ = ["Cache", "Client", "EnrichReport", "Found", "ServiceError", "enrich", "lookup",
           "titles_match"]
