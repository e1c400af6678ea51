"""Semantic Scholar Graph API: how to ask for a paper and how to read its answer."""

from __future__ import annotations

import os
import urllib.parse

from paperkg.core.ids import normalise_arxiv, normalise_doi
from paperkg.graph.enrich.records import Found

NAME = "semanticscholar"
DEFAULT_URL = "https://api.semanticscholar.org"
URL_ENV = "PAPERKG_S2_URL"
#: Seconds between requests (about one a second without an API key).
INTERVAL = 1.1
FIELDS = ("title,venue,year,publicationDate,externalIds,authors,"
          "references.paperId,references.externalIds,references.title")


def extra(params: dict[str, str], headers: dict[str, str]) -> None:
    """Send $PAPERKG_S2_API_KEY as x-api-key when it is set."""
    if os.environ.get("PAPERKG_S2_API_KEY"):
        headers["x-api-key"] = os.environ["PAPERKG_S2_API_KEY"]


def requests_for(arxiv: str | None, doi: str | None,
                 words: str) -> list[tuple[str, dict[str, str], str]]:
    """(path, params, "one" | "many") to try in order: arXiv id, DOI, then title search."""
    fields = {"fields": FIELDS}
    tries = []
    if arxiv:
        tries.append((f"/graph/v1/paper/arXiv:{arxiv}", fields, "one"))
    if doi:
        tries.append((f"/graph/v1/paper/DOI:{urllib.parse.quote(doi, safe='/')}", fields, "one"))
    if words:
        tries.append(("/graph/v1/paper/search", {"query": words, "limit": "5", **fields}, "many"))
    return tries


def results(body: dict) -> list:
    """The candidate objects of a search answer."""
    return body.get("data") or []


def parse(paper: dict) -> Found:
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
