"""Stored counters on Paper nodes: how many distinct papers cite each paper, per citation source.

They are derived from the CITES edges and kept on the node so that ranking queries
(`paperkg ask most_cited`) read one property per paper instead of grouping every CITES edge.
One definition (`cited_by`) serves the networkx graph (the build sets them before any sink
writes, so the embedded store, Neo4j and RDF all carry them) and the stores written in place
(enrich, the MERGE path of the embedded store).
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from paperkg.graph import schema as S

#: The counter properties, in schema order.
CITED_BY_PROPS = tuple(S.cited_by_prop(s) for s in (None, *S.CITATION_SOURCES))


def cited_by(citers: Iterable[tuple[str, str | None]]) -> dict[str, int]:
    """The counters of one paper from its (citing paper, CITES source) pairs: distinct citing
    papers over all sources, and per source (a source outside the schema counts only in all)."""
    every: set[str] = set()
    per: dict[str, set[str]] = {s: set() for s in S.CITATION_SOURCES}
    for citing, source in citers:
        every.add(citing)
        if source in per:
            per[source].add(citing)
    return {S.CITED_BY: len(every), **{S.cited_by_prop(s): len(v) for s, v in per.items()}}


def set_cited_by(g: nx.MultiDiGraph, papers: Iterable[str] | None = None) -> int:
    """Set the cited-by counters of the given Paper node keys (None: every paper) from g's
    CITES edges; returns how many papers were set. After adding or removing CITES edges, call it
    with the keys of the papers those edges point to."""
    keys = ([n for n, d in g.nodes(data=True) if d.get("label") == S.PAPER] if papers is None
            else [n for n in papers if n in g and g.nodes[n].get("label") == S.PAPER])
    for key in keys:
        g.nodes[key].update(cited_by(
            (u, d.get("source")) for u, _, d in g.in_edges(key, data=True)
            if d.get("type") == S.CITES))
    return len(keys)


def cited_by_rows(cites: Iterable[tuple[str, str, str | None]], papers: Iterable[str]
                  ) -> list[dict]:
    """Rows {id, counter: value, ...} for the given paper ids from (citing id, cited id, source)
    triples: the shape a store's UNWIND ... SET takes."""
    citers: dict[str, list[tuple[str, str | None]]] = {p: [] for p in papers}
    for a, b, source in cites:
        if b in citers:
            citers[b].append((a, source))
    return [{"id": pid, **cited_by(pairs)} for pid, pairs in sorted(citers.items())]


def fill_cited_by(g: nx.MultiDiGraph) -> int:
    """Set the counters of every paper that has none yet (a graph assembled without the build,
    e.g. by hand); returns how many papers were set. Sinks call it before writing g."""
    return set_cited_by(g, [n for n, d in g.nodes(data=True) if d.get("label") == S.PAPER
                            and any(d.get(name) is None for name in CITED_BY_PROPS)])
