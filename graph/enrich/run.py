"""Enrichment runs: look each paper up (arXiv id, DOI, then title), then write what was found.

Authors, venue, DOI and arXiv id go on the Paper node; references between papers of the store
become CITES edges with `source` set to the service. A service failure stops the lookups, keeps
what was already found (the store write is atomic) and raises ServiceError.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from paperkg.core.errors import UserError
from paperkg.core.ids import normalise_arxiv, normalise_doi, search_text, title_key, titles_match
from paperkg.graph.enrich.http import SERVICES, Cache, Client
from paperkg.graph.enrich.records import EnrichReport, Found, ServiceError
from paperkg.graph.enrich.store import store_papers, write
from paperkg.graph.ladybug_store import holds_writer_lock


def _check(body: object, service: str, what: str) -> dict:
    """The body as a dict, or a clear error when the service answered another shape."""
    if not isinstance(body, dict):
        raise ServiceError(f"{service} answered {what} with an unexpected {type(body).__name__}")
    return body


def lookup(client: Client, paper: dict) -> tuple[Found | None, bool]:
    """Look a paper up by arXiv id, DOI, then title: (what was found or None, cached/answered)."""
    service, api = client.service, client.api
    arxiv, doi, title = paper.get("arxiv_id"), paper.get("doi"), paper.get("title") or ""
    tries = api.requests_for(arxiv, doi, search_text(title))
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
                found = api.parse(body)
                hit = found if found.service_id else None
            else:
                hit = next((c for c in map(api.parse, api.results(body))
                            if titles_match(c.title, title)), None)
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            raise ServiceError(f"{service} answered {path} in an unexpected shape "
                               f"({type(exc).__name__}: {exc})") from None
        if hit is not None:
            if client.cache is not None and memo is None:
                client.cache.put(memo_key, 200, [path, params, shape])
            return hit, True
    return None, answered


@holds_writer_lock
def enrich(source: str = "openalex", db: str | os.PathLike | None = None, offline: bool = False,
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
    papers = store_papers(db)
    if limit is not None:
        papers = papers[:limit]
    client = Client(source, base_url=base_url, cache=Cache(cache, source), offline=offline,
                    interval=interval, retries=retries, backoff=backoff, timeout=timeout)
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
        report.all_conflicts = write(db, paper_rows, cite_rows)
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
