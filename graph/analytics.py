"""Citation analytics over the graph: most-cited papers, PageRank, most-used and rising entities.

Every ranking is a plain function over the networkx graph (the build contract); `rank` reads
the store when no graph is given and returns (columns, rows) like `query`.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from paperkg.core.dates import date_parts
from paperkg.core.errors import UserError
from paperkg.graph import schema as S

BY = ("citations", "pagerank", "usage", "rising")
#: --source values: one service, every enriched service, or all sources together.
ENRICHED = "enriched"
ALL = "all"
#: Relationship types that count as using an entity (introducing it does not).
USAGE_RELS = (S.USES, S.EVALUATED_ON, S.REPORTS, S.ADDRESSES)
DEFAULT_USAGE_LABELS = (S.DATASET, S.BENCHMARK)


def _source_ok(edge_source: str | None, source: str | None) -> bool:
    """Whether a CITES edge with edge_source counts under the --source filter."""
    src = edge_source or "inferred"
    if source in (None, ALL, "both"):
        return True
    if source == ENRICHED:
        return src != "inferred"
    return src == source


def cites_edges(G: nx.MultiDiGraph, source: str | None = None) -> list[tuple[str, str, dict]]:
    """CITES edges (citing, cited, attrs) between papers, filtered by source."""
    return [(u, v, d) for u, v, d in G.edges(data=True)
            if d.get("type") == S.CITES and _source_ok(d.get("source"), source)]


def citation_sources(G: nx.MultiDiGraph) -> list[str]:
    """Sources of the CITES edges of G ('inferred' first, then services A-Z)."""
    found = {d.get("source") or "inferred" for _, _, d in cites_edges(G)}
    return sorted(found, key=lambda s: (s != "inferred", s))


def _papers(G: nx.MultiDiGraph) -> dict[str, dict]:
    return {n: d for n, d in G.nodes(data=True) if d.get("label") == S.PAPER}


def most_cited(G: nx.MultiDiGraph, source: str | None = None, limit: int = 20
               ) -> tuple[list[str], list[list[Any]]]:
    """Papers by number of distinct citing papers, with a column per citation source."""
    sources = citation_sources(G)
    per: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for u, v, d in cites_edges(G):
        per[v][d.get("source") or "inferred"].add(u)
    papers = _papers(G)
    rows = []
    for p, by_src in per.items():
        counted = set().union(*(c for s, c in by_src.items() if _source_ok(s, source)))
        if not counted:
            continue
        total = set().union(*by_src.values())
        rows.append([S.split_key(p)[1], papers.get(p, {}).get("title") or "", len(counted),
                     *[len(by_src.get(s, ())) for s in sources], len(total)])
    rows.sort(key=lambda r: (-r[2], -r[-1], r[1], r[0]))
    label = "cited_by" if source in (None, ALL, "both") else f"cited_by_{source}"
    cols = ["paper", "title", label, *sources, "cited_by_any"]
    return _ranked(cols, rows, limit)


def _ranked(cols: list[str], rows: list[list[Any]], limit: int
            ) -> tuple[list[str], list[list[Any]]]:
    """Columns and the first `limit` rows, each prefixed by its rank (1-based)."""
    return ["rank", *cols], [[i, *r] for i, r in enumerate(rows[:limit], 1)]


def pagerank(G: nx.MultiDiGraph, source: str | None = None, limit: int = 20,
             alpha: float = 0.85) -> tuple[list[str], list[list[Any]]]:
    """Papers by PageRank over the citation graph (networkx; parallel edges counted once)."""
    papers = _papers(G)
    D = nx.DiGraph()
    D.add_nodes_from(papers)
    for u, v, _ in cites_edges(G, source):
        D.add_edge(u, v)
    if D.number_of_edges() == 0:
        return ["rank", "paper", "title", "pagerank", "cited_by"], []
    scores = _pagerank(D, alpha)
    rows = [[S.split_key(n)[1], papers[n].get("title") or "", round(s, 6), D.in_degree(n)]
            for n, s in scores.items() if D.in_degree(n) > 0]
    rows.sort(key=lambda r: (-r[2], -r[3], r[1], r[0]))
    return _ranked(["paper", "title", "pagerank", "cited_by"], rows, limit)


def _pagerank(D: nx.DiGraph, alpha: float) -> dict[str, float]:
    """networkx PageRank: the SciPy version when SciPy is installed, else networkx's own
    pure-Python power iteration (same algorithm and defaults; no extra dependency)."""
    try:
        import scipy  # noqa: F401
    except ImportError:
        from networkx.algorithms.link_analysis import pagerank_alg

        pure = getattr(pagerank_alg, "_pagerank_python", None)
        if pure is None:
            raise UserError("PageRank needs SciPy with this networkx: pip install scipy") from None
        return pure(D, alpha=alpha)
    return nx.pagerank(D, alpha=alpha)


def _labels(type_: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """Entity labels selected by --type (case-insensitive label or extraction type name)."""
    if not type_:
        return default
    wanted = []
    for t in type_.split(","):
        t = t.strip()
        label = S.ENTITY_TYPES.get(t.upper()) or next(
            (lab for lab in S.ENTITY_LABELS if lab.lower() == t.lower()), None)
        if label is None:
            raise UserError(f"unknown entity type {t!r}: use one of "
                            f"{', '.join(S.ENTITY_LABELS)}")
        wanted.append(label)
    return tuple(wanted)


def most_used(G: nx.MultiDiGraph, type_: str | None = None, limit: int = 20
              ) -> tuple[list[str], list[list[Any]]]:
    """Entities by number of papers that use them; the papers that introduced them (as the
    citation layer judges it) are listed, not counted."""
    from paperkg.graph.citations import credible_introducers

    labels = _labels(type_, DEFAULT_USAGE_LABELS)
    users: dict[str, set[str]] = defaultdict(set)
    introducers = credible_introducers(G)  # the citation layer's view of who introduced it
    for u, v, d in G.edges(data=True):
        if G.nodes[v].get("label") in labels and d.get("type") in USAGE_RELS:
            users[v].add(u)
    rows = []
    for ent, who in users.items():
        who = who - introducers.get(ent, set())
        if not who:
            continue
        label, eid = S.split_key(ent)
        intro = sorted(S.split_key(p)[1] for p in introducers.get(ent, ()))
        rows.append([G.nodes[ent].get("name") or eid, label, len(who), intro])
    rows.sort(key=lambda r: (-r[2], r[0].lower(), r[1]))
    return _ranked(["entity", "type", "papers", "introduced_by"], rows, limit)


_ARXIV_MONTH = re.compile(r"(\d{2})(0[1-9]|1[0-2])\.\d{4,5}")


def _year(attrs: dict, month: int) -> int | None:
    """The year of a listing in this month of a paper: the year of its arXiv id (YYMM) or its
    publication date, the next one when the listing month comes before that month."""
    m = _ARXIV_MONTH.match(str(attrs.get("arxiv_id") or ""))
    if m:
        year, since = 2000 + int(m.group(1)), int(m.group(2))
    else:
        published = date_parts(attrs.get("published"))
        if not published or published[0] is None:
            return None
        year, since = published[0], published[1] or 1
    return year + (month < since)


def _periods(papers: dict[str, dict]) -> dict[str, str]:
    """Paper -> listing date (YYYY-MM-DD). A date printed without a year (--MM-DD, as daily
    pages do) is one day of one page: it takes the year most of its papers point to (see
    _year), and keeps no year when none of them does."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for d in papers.values():
        parts = date_parts(d.get("listing_date"))
        if parts and parts[0] is None and parts[1]:
            year = _year(d, parts[1])
            if year is not None:
                votes[d["listing_date"]][year] += 1
    year_of = {date: min(c, key=lambda y: (-c[y], y)) for date, c in votes.items()}
    out = {}
    for p, d in papers.items():
        date = d.get("listing_date")
        parts = date_parts(date)
        if parts is None or parts[1] is None:
            continue
        if parts[0] is not None:
            out[p] = date
        elif date in year_of:
            out[p] = f"{year_of[date]:04d}{date[1:]}"  # --MM-DD -> YYYY-MM-DD
    return out


def rising(G: nx.MultiDiGraph, type_: str | None = None, limit: int = 20
           ) -> tuple[list[str], list[list[Any]]]:
    """Entities whose paper count grows across listing dates (latest date vs earlier mean)."""
    labels = _labels(type_, S.ENTITY_LABELS)
    papers = _papers(G)
    period_of = _periods(papers)
    periods = sorted({x for x in period_of.values() if x})
    yearless = {p: d["listing_date"] for p, d in papers.items()
                if str(d.get("listing_date") or "").startswith("--")}
    if len(periods) < 2 and len(set(yearless.values())) >= 2:
        period_of = yearless  # no year to be had: the month-days, in calendar order
        periods = sorted(set(yearless.values()))
    if len(periods) < 2:
        raise UserError(f"rising needs papers from at least two listing dates; the graph has "
                        f"{len(periods)} (listing dates come from the listing files)")
    latest, earlier = periods[-1], periods[:-1]
    counts: dict[str, Counter] = defaultdict(Counter)
    for u, v, d in G.edges(data=True):
        if u in papers and G.nodes[v].get("label") in labels and d.get("type") in (
                S.INTRODUCES, *USAGE_RELS) and period_of.get(u):
            counts[v][period_of[u]] += 1
    rows = []
    for ent, c in counts.items():
        before = sum(c[p] for p in earlier) / len(earlier)
        growth = c[latest] - before
        if growth <= 0:
            continue
        label, eid = S.split_key(ent)
        rows.append([G.nodes[ent].get("name") or eid, label, c[latest], round(before, 3),
                     round(growth, 3), {p: c[p] for p in periods if c[p]}])
    rows.sort(key=lambda r: (-r[4], -r[2], r[0].lower()))
    return _ranked(["entity", "type", f"papers_{latest}", "mean_before", "growth", "by_date"],
                   rows, limit)


def rank(by: str = "citations", type: str | None = None, source: str | None = None,  # noqa: A002
         db: str | os.PathLike | None = None, limit: int = 20,
         graph: nx.MultiDiGraph | None = None) -> tuple[list[str], list[list[Any]]]:
    """Rank papers (citations, pagerank) or entities (usage, rising); returns (columns, rows)."""
    if by not in BY:
        raise UserError(f"unknown ranking {by!r}: use one of {', '.join(BY)}")
    if limit < 1:
        raise UserError("--limit must be at least 1")
    if type and by in ("citations", "pagerank"):
        raise UserError(f"--type applies to entity rankings (usage, rising), not {by}")
    if graph is None:
        from paperkg.graph.ladybug_store import load_graph

        graph = load_graph(db)
    if source not in (None, ALL, "both", ENRICHED):
        known = citation_sources(graph)
        if source not in known and source not in ("inferred", "openalex", "semanticscholar"):
            raise UserError(f"unknown citation source {source!r}: use inferred, openalex, "
                            f"semanticscholar, enriched or all")
    if by == "citations":
        return most_cited(graph, source, limit)
    if by == "pagerank":
        return pagerank(graph, source, limit)
    if by == "usage":
        return most_used(graph, type, limit)
    return rising(graph, type, limit)
