"""OpenAlex (api.openalex.org): how to ask for a paper and how to read a Work."""

from __future__ import annotations

import os
import urllib.parse

from paperkg.core.ids import arxiv_from_doi, normalise_arxiv, normalise_doi
from paperkg.graph.enrich.records import Found

NAME = "openalex"
DEFAULT_URL = "https://api.openalex.org"
URL_ENV = "PAPERKG_OPENALEX_URL"
#: Seconds between requests (OpenAlex allows 10 a second).
INTERVAL = 0.12
SELECT = ("id,doi,title,display_name,publication_date,publication_year,ids,authorships,"
          "primary_location,referenced_works")


def extra(params: dict[str, str], headers: dict[str, str]) -> None:
    """Join the polite pool when $PAPERKG_MAILTO is set (not part of the cache key)."""
    if os.environ.get("PAPERKG_MAILTO"):
        params["mailto"] = os.environ["PAPERKG_MAILTO"]


def requests_for(arxiv: str | None, doi: str | None,
                 words: str) -> list[tuple[str, dict[str, str], str]]:
    """(path, params, "one" | "many") to try in order: arXiv DOI, DOI, then title search."""
    select = {"select": SELECT}
    tries = []
    if arxiv:
        tries.append((f"/works/doi:10.48550/arXiv.{arxiv}", select, "one"))
    if doi:
        tries.append((f"/works/doi:{urllib.parse.quote(doi, safe='/')}", select, "one"))
    if words:
        tries.append(("/works", {"search": words, "per-page": "5", **select}, "many"))
    return tries


def results(body: dict) -> list:
    """The candidate objects of a search answer."""
    return body.get("results") or []


def parse(work: dict) -> Found:
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
