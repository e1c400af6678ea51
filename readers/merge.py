"""Merging sightings: records of the same paper (same arXiv id, DOI or normalised title), in one
file or several, become one Paper that keeps every source (file, line)."""

from __future__ import annotations

from collections.abc import Sequence

from networkx.utils import UnionFind

from paperkg.core.dates import date_rank, listing_sort
from paperkg.core.ids import (
    merge_key,
    normalise_arxiv,
    normalise_doi,
    paper_id,
    title_id,
)
from paperkg.core.records import Paper, SourceRef
from paperkg.readers.record import RawRecord


def merge_records(items: Sequence[tuple[RawRecord, SourceRef]]) -> list[Paper]:
    """Papers from records: same arXiv id, DOI or normalised title means the same paper; papers
    come in the order their first record came."""
    uf = UnionFind()
    first_by: dict[tuple[str, str], int] = {}
    for i, (rec, _) in enumerate(items):
        uf[i]  # noqa: B018 (registers i as its own set)
        keys = [("t", merge_key(rec.title, rec.title_key()))]
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
        groups.setdefault(uf[i], []).append(i)
    return [merge_group([items[i] for i in members])
            for members in sorted(groups.values(), key=lambda m: m[0])]


def merge_group(group: list[tuple[RawRecord, SourceRef]]) -> Paper:
    """One paper from the records of one group (first seen wins, fuller data fills gaps)."""
    if len(group) == 1:
        return _single(*group[0])
    recs = [r for r, _ in group]
    first = recs[0]
    arxiv = next((r.arxiv_id for r in recs if r.arxiv_id), None)
    doi = next((r.doi for r in recs if r.doi), None)
    published = max((r.published for r in recs), key=date_rank, default=None)
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
    return Paper(
        id=paper_id(arxiv, doi, explicit, first.title, first.title_key()),
        title=first.title,
        abstract=max((r.abstract for r in recs), key=len, default=""),
        authors=next((r.authors for r in recs if r.authors is not None), None),
        published=published,
        listing_date=min(listing_dates, key=listing_sort) if listing_dates else None,
        arxiv_id=arxiv,
        doi=doi,
        url=next((r.url for r in recs if r.url), None),
        title_key=first.title_key(),
        sources=sources,
        venue=next((r.venue for r in recs if r.venue), None),
        author_names=next((r.author_names for r in recs if r.author_names), []),
    )


def _single(rec: RawRecord, ref: SourceRef) -> Paper:
    """The paper of a record seen once (merge_group's result for a group of one)."""
    explicit = rec.id if rec.id and not normalise_arxiv(rec.id) and not normalise_doi(rec.id) \
        else None
    key = rec.title_key()
    return Paper(
        id=paper_id(rec.arxiv_id, rec.doi, explicit, rec.title, key), title=rec.title,
        abstract=rec.abstract, authors=rec.authors, published=rec.published,
        listing_date=rec.listing_date, arxiv_id=rec.arxiv_id, doi=rec.doi, url=rec.url,
        title_key=key, sources=[ref], venue=rec.venue, author_names=rec.author_names)


def record_of(p: Paper, line: int = 0) -> RawRecord:
    """A paper as a record again (to merge it with others)."""
    key = p.title_key or None  # "" may just mean "not filled in": computed again then
    return RawRecord(title=p.title, abstract=p.abstract, line=line, authors=p.authors,
                     published=p.published, arxiv_id=p.arxiv_id, doi=p.doi, url=p.url,
                     id=p.id if p.id != title_id(p.title, key) else None,
                     author_names=list(p.author_names), listing_date=p.listing_date,
                     venue=p.venue, key=key)


def merge_papers(papers: Sequence[Paper]) -> tuple[list[Paper], int]:
    """Merge already-built papers (e.g. a store's and a new read's); returns papers and merges."""
    items = []
    for p in papers:
        for s in p.sources or [SourceRef(path="", line=0)]:
            items.append((record_of(p, s.line), s))
    merged = merge_records(items)
    for m in merged:
        m.sources = [s for s in m.sources if s.path or s.line]
    return merged, len(papers) - len(merged)


__all__ = ["merge_group", "merge_papers", "merge_records", "record_of"]
