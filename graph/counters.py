"""Stored counters: how many distinct papers cite each paper (per citation source) and how many
introduce each entity; how many repositories each paper names, and per repository owner, how
many repositories papers name and how many papers name them.

They are derived from the CITES and INTRODUCES edges and kept on the nodes so that ranking
queries (`paperkg ask most_cited`, `entities_by_introducers`) read one property per node instead
of grouping every edge.
One definition (`cited_by`) serves the networkx graph (the build sets them before any sink
writes, so the embedded store, Neo4j and RDF all carry them) and the stores written in place
(enrich, the MERGE path of the embedded store).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from paperkg.graph import schema as S

#: The counter properties, in schema order.
CITED_BY_PROPS = tuple(S.cited_by_prop(s) for s in (None, *S.CITATION_SOURCES))

#: Every counter set_counters keeps on a Paper node.
PAPER_COUNTER_PROPS = (*CITED_BY_PROPS, S.PUBLISHED_ORDER, S.CODE_REPOS)


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


def set_introduced_by(g: nx.MultiDiGraph, entities: Iterable[str] | None = None) -> int:
    """Set the introduced-by counter (distinct papers introducing it) of the given entity node
    keys (None: every entity) from g's INTRODUCES edges; returns how many were set."""
    labels = set(S.ENTITY_LABELS)
    keys = ([n for n, d in g.nodes(data=True) if d.get("label") in labels] if entities is None
            else [n for n in entities if n in g and g.nodes[n].get("label") in labels])
    for key in keys:
        g.nodes[key][S.INTRODUCED_BY] = len({u for u, _, d in g.in_edges(key, data=True)
                                             if d.get("type") == S.INTRODUCES})
    return len(keys)


def published_order(published: str | None) -> int:
    """`published` as an integer that sorts as the text does: YYYYMMDD (0 for a missing month
    or day), MMDD for --MM-DD; S.PUBLISHED_ORDER_UNKNOWN (above every date) for no date or
    another form. Dates a < b give order(a) <= order(b), so a query may keep the rows at or
    above the n-th largest known order (and the unknown ones) before sorting by the text."""
    m = _ISO.fullmatch(published or "")
    if m:
        return int(m.group(1)) * 10000 + int(m.group(2) or 0) * 100 + int(m.group(3) or 0)
    m = _MONTH_DAY.fullmatch(published or "")
    return int(m.group(1)) * 100 + int(m.group(2)) if m else S.PUBLISHED_ORDER_UNKNOWN


_ISO = re.compile(r"([1-9]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")


def set_published_order(g: nx.MultiDiGraph, papers: Iterable[str] | None = None) -> int:
    """Set the published_order of the given Paper node keys (None: every paper)."""
    keys = ([n for n, d in g.nodes(data=True) if d.get("label") == S.PAPER] if papers is None
            else [n for n in papers if n in g and g.nodes[n].get("label") == S.PAPER])
    for key in keys:
        g.nodes[key][S.PUBLISHED_ORDER] = published_order(g.nodes[key].get("published"))
    return len(keys)


def code_counts(has_code: Iterable[tuple[str, str, str | None]]
                ) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """From (paper id, repository id, owner) of HAS_CODE edges: the distinct repositories each
    paper names, and for each owner its first repository's id (the smallest) -> (distinct
    repositories, distinct papers naming them)."""
    named: dict[str, set[str]] = {}
    repos: dict[str, set[str]] = {}
    papers: dict[str, set[str]] = {}
    for paper, repo, owner in has_code:
        named.setdefault(paper, set()).add(repo)
        if owner is not None:
            repos.setdefault(owner, set()).add(repo)
            papers.setdefault(owner, set()).add(paper)
    return ({p: len(rs) for p, rs in named.items()},
            {min(rs): (len(rs), len(papers[owner])) for owner, rs in repos.items()})


def set_code_counts(g: nx.MultiDiGraph) -> int:
    """Set code_repos on every Paper and owner_repos, owner_papers on every Repository of g from
    its HAS_CODE edges (an owner's figures on its first repository, 0 on the others, so that a
    query reads one row per owner); returns how many nodes were set."""
    def ident(n: str) -> str:
        return g.nodes[n].get("id") or S.split_key(n)[1]

    per_paper, per_owner = code_counts(
        (ident(u), ident(v), g.nodes[v].get("owner"))
        for u, v, d in g.edges(data=True) if d.get("type") == S.HAS_CODE)
    count = 0
    for n, d in g.nodes(data=True):
        if d.get("label") == S.PAPER:
            d[S.CODE_REPOS] = per_paper.get(ident(n), 0)
        elif d.get("label") == S.REPOSITORY:
            d[S.OWNER_REPOS], d[S.OWNER_PAPERS] = per_owner.get(ident(n), (0, 0))
        else:
            continue
        count += 1
    return count


def set_counters(g: nx.MultiDiGraph, nodes: Iterable[str] | None = None) -> int:
    """Set every stored counter of the given node keys (None: the whole graph): cited-by,
    published order and repositories named on papers, introduced-by on entities, owner figures
    on repositories; returns how many papers and entities were set. The build calls it once its
    graph is complete; an update that adds or removes edges calls it with the keys of the nodes
    those edges point to (and of the papers whose date changed); a paper or repository among
    them recounts the code counters of the whole graph (one pass over the edges)."""
    if nodes is None:
        return _set_all(g)
    nodes = list(nodes)
    set_published_order(g, nodes)
    if any(n in g and g.nodes[n].get("label") in _CODE_LABELS for n in nodes):
        set_code_counts(g)
    return set_cited_by(g, nodes) + set_introduced_by(g, nodes)


_CODE_LABELS = (S.PAPER, S.REPOSITORY)


def _set_all(g: nx.MultiDiGraph) -> int:
    """set_counters over the whole graph (set_code_counts' counters too) in one pass over its
    edges and one over its nodes (a node's in-edge view per node costs about 30x more at 100k
    papers; a second pass for the code counters cost 0.1 CPU s at 20,000 papers); returns how
    many papers and entities were set."""
    citers: dict[str, list[tuple[str, str | None]]] = {}
    introducers: dict[str, set[str]] = {}
    has_code: list[tuple[str, str, str | None]] = []
    nodes = g.nodes

    def ident(n: str) -> str:
        return nodes[n].get("id") or S.split_key(n)[1]

    for u, v, d in g.edges(data=True):
        kind = d.get("type")
        if kind == S.CITES:
            citers.setdefault(v, []).append((u, d.get("source")))
        elif kind == S.INTRODUCES:
            introducers.setdefault(v, set()).add(u)
        elif kind == S.HAS_CODE:
            has_code.append((ident(u), ident(v), nodes[v].get("owner")))
    per_paper, per_owner = code_counts(has_code)
    del has_code
    uncited = cited_by(())
    entities = set(S.ENTITY_LABELS)
    orders: dict[str | None, int] = {}  # published -> its order (papers share dates)
    count = 0
    for n, d in g.nodes(data=True):
        label = d.get("label")
        if label == S.PAPER:
            d[S.CODE_REPOS] = per_paper.get(d.get("id") or S.split_key(n)[1], 0)
            d.update(cited_by(citers[n]) if n in citers else uncited)
            published = d.get("published")
            order = orders.get(published)
            if order is None:
                order = orders[published] = published_order(published)
            d[S.PUBLISHED_ORDER] = order
        elif label in entities:
            d[S.INTRODUCED_BY] = len(introducers.get(n, ()))
        elif label == S.REPOSITORY:
            d[S.OWNER_REPOS], d[S.OWNER_PAPERS] = per_owner.get(
                d.get("id") or S.split_key(n)[1], (0, 0))
            continue
        else:
            continue
        count += 1
    return count


def fill_counters(g: nx.MultiDiGraph) -> int:
    """Set the counters of every node that has none yet (a graph assembled without the build,
    e.g. by hand); returns how many papers (cited-by) and entities were set. Sinks call it
    before writing g. The code counters are recounted for the whole graph when any paper or
    repository lacks them (an owner's figures depend on all its repositories)."""
    labels = set(S.ENTITY_LABELS)
    set_published_order(g, [n for n, d in g.nodes(data=True) if d.get("label") == S.PAPER
                            and d.get(S.PUBLISHED_ORDER) is None])
    if any((d.get("label") == S.REPOSITORY and d.get(S.OWNER_REPOS) is None)
           or (d.get("label") == S.PAPER and d.get(S.CODE_REPOS) is None)
           for _, d in g.nodes(data=True)):
        set_code_counts(g)
    return fill_cited_by(g) + set_introduced_by(g, [
        n for n, d in g.nodes(data=True)
        if d.get("label") in labels and d.get(S.INTRODUCED_BY) is None])


def fill_cited_by(g: nx.MultiDiGraph) -> int:
    """Set the counters of every paper that has none yet (a graph assembled without the build,
    e.g. by hand); returns how many papers were set. Sinks call it before writing g."""
    return set_cited_by(g, [n for n, d in g.nodes(data=True) if d.get("label") == S.PAPER
                            and any(d.get(name) is None for name in CITED_BY_PROPS)])
