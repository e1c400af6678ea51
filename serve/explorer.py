"""What the explorer shows, read from the graph held in memory: papers, entities, neighbourhoods.

Every function returns plain data (dicts and lists of text and numbers); the pages escape it and
the JSON API returns it as it is.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema
from paperkg.serve.search import SearchIndex, build_index
from paperkg.viz.page import count_value, safe_url
from paperkg.viz.select import View, display_name, node_label, overview_view, spring_positions

ENTITY_LABELS = frozenset(schema.ENTITY_LABELS)
#: Relationships a paper has with the entities it names, in the order a page lists them.
MENTION_RELS = (schema.INTRODUCES, schema.USES, schema.EVALUATED_ON, schema.ADDRESSES,
                schema.REPORTS)
RESULT = getattr(schema, "RESULT", None)  # Result nodes, when the schema has them
DEFAULT_NEIGHBOURS = 60
MAX_NEIGHBOURS = 500
OVERVIEW_NODES = 150
#: Above this many nodes the graph view gets positions from the server (no browser physics).
BROWSER_LAYOUT_MAX = 150
PAPERS_SHOWN = 200


class NotFound(UserError):
    """No node with that key."""

    exit_code = 4


@dataclass
class Explorer:
    """The graph of one store, its search index, RDF store and overview, built at start-up."""

    graph: nx.MultiDiGraph
    index: SearchIndex
    db: Path | None = None
    overview: View | None = None
    rdf: Any = None  # pyoxigraph.Store
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def node(self, key: str) -> dict[str, Any]:
        """The attributes of the node with this key (NotFound when there is none)."""
        if key not in self.graph:
            raise NotFound(f"no node {key!r} in the graph")
        return self.graph.nodes[key]


def open_explorer(db: str | os.PathLike | None = None, graph: nx.MultiDiGraph | None = None,
                  rdf: bool = True) -> Explorer:
    """Load the store (or take the graph given), build the search index, RDF store, overview."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    path = None
    if graph is None:
        from paperkg.graph.ladybug_store import db_path, load_graph

        graph = load_graph(db)
        path = db_path(db)
    timings["load"] = time.perf_counter() - t
    t = time.perf_counter()
    index = build_index(graph)
    timings["index"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        overview = overview_view(graph, OVERVIEW_NODES)
    except UserError:
        overview = None
    timings["overview"] = time.perf_counter() - t
    store = None
    if rdf:
        from paperkg.graph.rdf import to_store

        t = time.perf_counter()
        store = to_store(graph)
        timings["rdf"] = time.perf_counter() - t
    counts = Counter(node_label(graph, k) for k in graph)
    return Explorer(graph=graph, index=index, db=path, overview=overview, rdf=store,
                    counts={label: counts[label] for label in schema.NODE_TYPES
                            if counts.get(label)},
                    timings=timings)


# ------------------------------------------------------------------------------ small helpers


def label_of(g: nx.MultiDiGraph, key: str) -> str:
    """A node's label."""
    return node_label(g, key)


def ref(g: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """How a page names and links one node."""
    return {"key": key, "type": label_of(g, key), "name": display_name(g, key)}


def paper_date(attrs: dict) -> str:
    """A paper's date for ordering and display: published, else its listing date."""
    return str(attrs.get("published") or attrs.get("listing_date") or "")


def _edges(g: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    """Every relationship from a to b (a multigraph may hold several)."""
    return list((g.get_edge_data(a, b) or {}).values())


def _roles(g: nx.MultiDiGraph, paper: str, entity: str) -> list[dict[str, Any]]:
    """The roles a paper gives an entity, with their evidence, in page order."""
    out = []
    for data in sorted(_edges(g, paper, entity),
                       key=lambda d: MENTION_RELS.index(d.get("type"))
                       if d.get("type") in MENTION_RELS else 99):
        rtype = str(data.get("type", ""))
        out.append({"rel": rtype, "role": role_word(rtype),
                    "evidence": str(data.get("evidence") or "")})
    return out


def role_word(rtype: str) -> str:
    """A relationship type as a role: introduced, uses, evaluated on, ..."""
    return "introduced" if rtype == schema.INTRODUCES else rtype.lower().replace("_", " ")


def props(g: nx.MultiDiGraph, key: str, skip: tuple[str, ...] = ()) -> list[list[str]]:
    """The node's schema properties that have a value, as [name, text] pairs."""
    attrs = g.nodes[key]
    ntype = schema.NODE_TYPES.get(label_of(g, key))
    names = ntype.prop_names if ntype else sorted(attrs)
    out = []
    for name in names:
        value = attrs.get(name)
        if name in skip or value in (None, "", [], ()):
            continue
        text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        out.append([name.replace("_", " "), text])
    return out


# ------------------------------------------------------------------------------ pages' data


def paper_data(ex: Explorer, key: str) -> dict[str, Any]:
    """A paper: metadata, links, entities with role and evidence, code, cites and cited-by."""
    g = ex.graph
    attrs = ex.node(key)
    if label_of(g, key) != schema.PAPER:
        raise NotFound(f"{key} is not a paper")
    entities, repos, links, sources, results = [], [], [], [], []
    cites: dict[str, list[dict]] = {}
    for other in sorted(g.successors(key)):
        label = label_of(g, other)
        if label in ENTITY_LABELS:
            entities.append({**ref(g, other), "roles": _roles(g, key, other)})
        elif label == schema.REPOSITORY:
            o = g.nodes[other]
            repos.append({**ref(g, other), "url": safe_url(o.get("url")),
                          "kind": str(o.get("kind") or "")})
        elif label == schema.LINK:
            links.append({"url": safe_url(g.nodes[other].get("url")),
                          "text": display_name(g, other)})
        elif label == schema.SOURCE:
            for data in _edges(g, key, other):
                sources.append({"name": display_name(g, other), "line": data.get("line"),
                                "listing_date": data.get("listing_date")})
        elif label == schema.PAPER:
            for data in _edges(g, key, other):
                if data.get("type") == schema.CITES:
                    cites.setdefault(str(data.get("source") or "inferred"), []).append(
                        _citation(g, other, data))
        elif RESULT and label == RESULT:
            results.append(result_row(g, other))
    cited_by: dict[str, list[dict]] = {}
    for other in sorted(g.predecessors(key)):
        if label_of(g, other) != schema.PAPER:
            continue
        for data in _edges(g, other, key):
            if data.get("type") == schema.CITES:
                cited_by.setdefault(str(data.get("source") or "inferred"), []).append(
                    _citation(g, other, data))
    entities.sort(key=lambda e: (min(MENTION_RELS.index(r["rel"]) if r["rel"] in MENTION_RELS
                                     else 99 for r in e["roles"]), e["type"], e["name"].lower()))
    links_out = []
    if safe_url(attrs.get("url")):
        links_out.append({"text": "paper page", "url": safe_url(attrs.get("url"))})
    if attrs.get("arxiv_id"):
        links_out.append({"text": f"arXiv {attrs['arxiv_id']}",
                          "url": safe_url(f"https://arxiv.org/abs/{attrs['arxiv_id']}")})
    if attrs.get("doi"):
        links_out.append({"text": f"doi:{attrs['doi']}",
                          "url": safe_url(f"https://doi.org/{attrs['doi']}")})
    return {
        **ref(g, key),
        "title": str(attrs.get("title") or ""),
        "abstract": str(attrs.get("abstract") or ""),
        "date": paper_date(attrs),
        "facts": props(g, key, skip=("title", "abstract", "title_key", "url")),
        "links": links_out + links,
        "entities": entities,
        "repositories": repos,
        "cites": _by_source(cites),
        "cited_by": _by_source(cited_by),
        "sources": sources,
        "results": sorted(results, key=lambda r: r["id"]),
    }


def _citation(g: nx.MultiDiGraph, other: str, data: dict) -> dict[str, Any]:
    """One citation as a page shows it: the other paper, kind, entity named, evidence."""
    via = str(data.get("entity") or "")
    return {**ref(g, other), "date": paper_date(g.nodes[other]),
            "kind": str(data.get("kind") or ""),
            "via": ref(g, via) if via in g else None,
            "evidence": str(data.get("evidence") or "")}


def _by_source(groups: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """Citation groups by source (inferred first), newest paper first within each."""
    order = {"inferred": 0}
    return [{"source": src, "papers": sorted(items, key=lambda c: (c["date"], c["key"]),
                                            reverse=True)}
            for src, items in sorted(groups.items(), key=lambda kv: (order.get(kv[0], 1), kv[0]))]


def result_row(g: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """One Result node as a leaderboard row: system, benchmark, metric, value, paper."""
    attrs = g.nodes[key]
    row: dict[str, Any] = {"id": str(attrs.get("id") or key), "key": key,
                           "value": str(attrs.get("value") or ""),
                           "number": attrs.get("number"),
                           "unit": str(attrs.get("unit") or ""),
                           "kind": str(attrs.get("kind") or ""),
                           "condition": str(attrs.get("condition") or "")}
    for field_name, rel_name in (("system", "OF"), ("benchmark", "MEASURED_ON"),
                                 ("metric", "MEASURED_BY")):
        rel = getattr(schema, rel_name, rel_name)
        linked = [b for b in g.successors(key)
                  if any(d.get("type") == rel for d in _edges(g, key, b))]
        row[field_name] = ref(g, linked[0]) if linked else None
        row[field_name + "_text"] = str(attrs.get(field_name) or "")
    papers = [p for p in g.predecessors(key) if label_of(g, p) == schema.PAPER]
    row["paper"] = ref(g, papers[0]) if papers else None
    return row


def entity_data(ex: Explorer, key: str, limit: int = PAPERS_SHOWN) -> dict[str, Any]:
    """An entity: type, aliases, introducers, papers naming it newest first, co-used entities,
    and its results (leaderboard rows) when the graph has any."""
    g = ex.graph
    attrs = ex.node(key)
    if label_of(g, key) not in ENTITY_LABELS:
        raise NotFound(f"{key} is not an entity")
    papers, introducers, results = [], [], []
    for p in g.predecessors(key):
        label = label_of(g, p)
        if label == schema.PAPER:
            roles = _roles(g, p, key)
            item = {**ref(g, p), "date": paper_date(g.nodes[p]), "roles": roles}
            papers.append(item)
            if any(r["rel"] == schema.INTRODUCES for r in roles):
                introducers.append(item)
        elif RESULT and label == RESULT:
            results.append(result_row(g, p))
    papers.sort(key=lambda x: (x["date"], x["key"]), reverse=True)
    introducers.sort(key=lambda x: (x["date"] or "9999", x["key"]))  # the first introducer first
    co: Counter = Counter()
    for item in papers:
        for other in g.successors(item["key"]):
            if other != key and label_of(g, other) in ENTITY_LABELS:
                co[other] += 1
    co_used = [{**ref(g, o), "papers": n}
               for o, n in sorted(co.items(), key=lambda kv: (-kv[1], kv[0]))[:30]]
    results.sort(key=lambda r: ((r["metric"] or {}).get("name") or r["metric_text"],
                                -(r["number"] if isinstance(r["number"], int | float) else 0)))
    return {
        **ref(g, key),
        "aliases": [str(a) for a in attrs.get("aliases") or ()],
        "doc": schema.NODE_TYPES[label_of(g, key)].doc,
        "paper_count": len(papers),
        "introducers": introducers,
        "papers": papers[:limit],
        "papers_left_out": max(0, len(papers) - limit),
        "co_used": co_used,
        "results": results,
    }


def other_data(ex: Explorer, key: str) -> dict[str, Any]:
    """Any other node (repository, link, listing, result): its properties and neighbours."""
    g = ex.graph
    ex.node(key)
    near = sorted({*g.successors(key), *g.predecessors(key)},
                  key=lambda k: (label_of(g, k), display_name(g, k).lower()))
    return {**ref(g, key), "facts": props(g, key), "url": safe_url(g.nodes[key].get("url")),
            "neighbours": [ref(g, k) for k in near[:PAPERS_SHOWN]],
            "neighbours_left_out": max(0, len(near) - PAPERS_SHOWN)}


# ------------------------------------------------------------------------------ graph JSON


def vis_node(g: nx.MultiDiGraph, key: str, size: float | None = None,
             color: str | None = None) -> dict[str, Any]:
    """A node as the graph view draws it (plain text only; the page sets it as text)."""
    label = label_of(g, key)
    ntype = schema.NODE_TYPES.get(label)
    name = display_name(g, key)
    return {"id": key, "type": label, "name": name,
            "color": color or (ntype.color if ntype else "#999999"),
            "value": round(size if size is not None else (g.degree(key) + 1) ** 0.5, 3)}


def vis_edge(a: str, b: str, data: dict) -> dict[str, Any]:
    """A relationship as the graph view draws it."""
    rtype = str(data.get("type", ""))
    return {"id": f"{a}|{rtype}|{data.get('source', '')}|{b}", "from": a, "to": b,
            "type": rtype, "papers": data.get("papers"),
            "evidence": str(data.get("evidence") or "")[:400]}


def neighbours(ex: Explorer, key: str, limit: int = DEFAULT_NEIGHBOURS,
               exclude: frozenset[str] = frozenset({schema.SOURCE})) -> dict[str, Any]:
    """A node and up to `limit` of its neighbours (the most connected first), with the
    relationships among them, for the graph view to add."""
    g = ex.graph
    ex.node(key)
    limit = max(1, min(int(limit), MAX_NEIGHBOURS))
    near = {*g.successors(key), *g.predecessors(key)} - {key}
    near = {k for k in near if label_of(g, k) not in exclude}
    ranked = sorted(near, key=lambda k: (-g.degree(k), k))
    kept = [key, *ranked[:limit]]
    keep = set(kept)
    edges = []
    for a in kept:
        for b in g.successors(a):
            if b in keep:
                edges.extend(vis_edge(a, b, d) for d in _edges(g, a, b))
    out = [vis_node(g, k) for k in kept]
    if len(kept) > BROWSER_LAYOUT_MAX:  # too many for browser physics: place them here
        _place(out, g.subgraph(kept))
    return {"center": key, "nodes": out, "edges": edges,
            "total": len(near), "left_out": max(0, len(near) - limit)}


def _place(nodes: list[dict[str, Any]], graph: nx.MultiDiGraph) -> None:
    """Give each node x and y from the Python spring layout."""
    positions = spring_positions(graph)
    for node in nodes:
        node["x"], node["y"] = (round(v, 1) for v in positions[node["id"]])


def overview_data(ex: Explorer) -> dict[str, Any]:
    """The explorer home's graph: the entity overview with its communities and counts."""
    view = ex.overview
    if view is None:
        return {"nodes": [], "edges": [], "communities": [], "notes": []}
    g = view.graph
    nodes = [vis_node(g, k, size=count_value(view.size.get(k, 1)),
                      color=view.communities[view.community[k]].color) for k in sorted(g)]
    for node in nodes:
        node["papers"] = view.size.get(node["id"], 0)
    if len(nodes) > BROWSER_LAYOUT_MAX:
        _place(nodes, g)
    edges = [vis_edge(a, b, d) for a, b, d in sorted(g.edges(data=True), key=lambda e: e[:2])]
    return {"nodes": nodes, "edges": edges, "title": view.title,
            "left_out": view.left_out, "qualifying": view.qualifying,
            "communities": [{"name": c.name, "color": c.color, "count": c.nodes}
                            for c in view.communities],
            "notes": view.notes}
