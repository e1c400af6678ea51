"""Choose what a view draws (focus, query result or overview) and lay it out."""

from __future__ import annotations

import difflib
import heapq
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema

DEFAULT_HOPS = 2
DEFAULT_MAX_NODES = 300
#: Beyond this a page stops being explorable (and the dense layout needs n^2 memory).
MAX_NODES_LIMIT = 3000
GRAVITY = 0.3  # pull towards the centre in the Python layout (keeps components close)


class EmptyView(UserError):
    """The selection matched nothing worth drawing."""

    exit_code = 3


@dataclass
class View:
    """A subgraph chosen for drawing, with a title and what was left out."""

    graph: nx.MultiDiGraph
    title: str
    focus: str | None = None
    qualifying: int = 0  # nodes that matched before the cap
    left_out: int = 0  # nodes dropped by the cap
    notes: list[str] = field(default_factory=list)
    size: dict[str, int] = field(default_factory=dict)  # node size when not its degree
    size_label: str = "relationships"  # what the size counts
    community: dict[str, int] = field(default_factory=dict)  # node -> index in communities
    communities: list[Community] = field(default_factory=list)


@dataclass
class Community:
    """A group of nodes found by louvain, named after its largest members."""

    index: int
    name: str
    color: str
    nodes: int

# ------------------------------------------------------------------------------ selection


def parse_types(types: str | Iterable[str] | None) -> set[str] | None:
    """Node labels named by --types (comma-separated, any case); None means every type."""
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    by_lower = {label.lower(): label for label in schema.NODE_TYPES}
    out: set[str] = set()
    for item in (i.strip() for i in items):
        if not item:
            continue
        label = by_lower.get(item.lower())
        if label is None:
            known = ", ".join(schema.NODE_TYPES)
            raise UserError(f"unknown node type {item!r} in --types (known: {known})")
        out.add(label)
    if not out:
        raise UserError("--types names no node type")
    return out


def node_label(graph: nx.MultiDiGraph, key: str) -> str:
    """The node's type: its `label` attribute, else the prefix of its key."""
    return graph.nodes[key].get("label") or schema.split_key(key)[0]


def display_name(graph: nx.MultiDiGraph, key: str) -> str:
    """The full caption of a node: its schema display property, else name, title or id."""
    attrs = graph.nodes[key]
    ntype = schema.NODE_TYPES.get(node_label(graph, key))
    for prop in (ntype.display if ntype else None, "name", "title", "url", "id"):
        value = attrs.get(prop) if prop else None
        if value not in (None, ""):
            return str(value)
    return schema.split_key(key)[1] or key


def resolve_node(graph: nx.MultiDiGraph, name_or_id: str) -> tuple[str, list[str]]:
    """The node a --focus value names, and other nodes that matched as well as it did."""
    wanted = name_or_id.strip()
    if not wanted:
        raise UserError("--focus needs a name or id")
    if wanted in graph:
        return wanted, []
    low = wanted.lower()
    tiers: list[list[str]] = [[], [], [], []]
    for key, attrs in graph.nodes(data=True):
        id_ = str(attrs.get("id") or schema.split_key(key)[1])
        if id_ == wanted:
            tiers[0].append(key)
        elif id_.lower() == low or display_name(graph, key).lower() == low:
            tiers[1].append(key)
        elif any(str(a).lower() == low for a in attrs.get("aliases") or ()):
            tiers[2].append(key)
        elif low in display_name(graph, key).lower():
            tiers[3].append(key)
    for tier in tiers:
        if tier:
            tier.sort(key=lambda k: (-graph.degree(k), k))
            return tier[0], tier[1:]
    names: dict[str, str] = {}  # lower-cased name or alias -> as written
    for key, attrs in graph.nodes(data=True):
        for name in (display_name(graph, key), *(attrs.get("aliases") or ())):
            names.setdefault(str(name).lower(), str(name))
    close = [names[n] for n in difflib.get_close_matches(low, names, n=3, cutoff=0.75)]
    hint = f"; did you mean {', '.join(close)}?" if close else \
        " (give a name, a title, an id or Label:id)"
    raise UserError(f"no node matches {name_or_id!r}{hint}")


def _check_max(max_nodes: int) -> None:
    """Reject a --max-nodes outside 1..MAX_NODES_LIMIT."""
    if not 1 <= max_nodes <= MAX_NODES_LIMIT:
        raise UserError(f"--max-nodes must be between 1 and {MAX_NODES_LIMIT}")


def _undirected_neighbours(graph: nx.MultiDiGraph, key: str) -> set[str]:
    """Nodes joined to key by a relationship in either direction."""
    return set(graph.successors(key)) | set(graph.predecessors(key))


def _cap(graph: nx.MultiDiGraph, keep: set[str], max_nodes: int,
         seed: str | None) -> set[str]:
    """At most max_nodes of keep: the most connected, grown from seed so the view stays joined."""
    if len(keep) <= max_nodes:
        return keep
    sub = graph.subgraph(keep)
    degree = {k: sub.degree(k) for k in keep}
    if seed is None:
        return set(sorted(keep, key=lambda k: (-degree[k], k))[:max_nodes])
    chosen: set[str] = set()
    heap = [(-degree[seed], seed)]
    queued = {seed}
    while heap and len(chosen) < max_nodes:
        _, key = heapq.heappop(heap)
        chosen.add(key)
        for nb in _undirected_neighbours(sub, key):
            if nb not in queued:
                queued.add(nb)
                heapq.heappush(heap, (-degree[nb], nb))
    return chosen


def focus_view(graph: nx.MultiDiGraph, name_or_id: str, hops: int = DEFAULT_HOPS,
               types: str | Iterable[str] | None = None,
               max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The neighbourhood of one node within `hops`, through nodes of the allowed types only
    (by default every type but Source)."""
    if hops < 0:
        raise UserError("--hops must be 0 or more")
    _check_max(max_nodes)
    # listing files (Source) join every paper of a listing: left out unless asked for
    allowed = parse_types(types) or {label for label in schema.NODE_TYPES
                                      if label != schema.SOURCE}
    focus, others = resolve_node(graph, name_or_id)
    seen = {focus}
    frontier = [focus]
    for _ in range(hops):
        nxt = []
        for key in frontier:
            for nb in _undirected_neighbours(graph, key):
                if nb in seen or node_label(graph, nb) not in allowed:
                    continue
                seen.add(nb)
                nxt.append(nb)
        frontier = nxt
    kept = _cap(graph, seen, max_nodes, focus)
    name = display_name(graph, focus)
    view = View(
        graph=graph.subgraph(kept).copy(),
        title=f"{node_label(graph, focus)}: {name} ({hops} hop{'s' if hops != 1 else ''})",
        focus=focus,
        qualifying=len(seen),
        left_out=len(seen) - len(kept),
    )
    if others:
        shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
        view.notes.append(f"{len(others)} other node(s) also matched {name_or_id!r}: {shown}")
    return view


#: Community colours (Tableau 10 without grey, then a few more); later communities are grey.
COMMUNITY_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                    "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c564b")
OTHER_COMMUNITY_COLOR = "#b0b0b0"
#: In an entity overview each entity keeps its strongest co-use links only (the rest is noise).
CO_USE_PARTNERS = 3


def papers_by_entity(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """For each entity, the papers that name it (in any role)."""
    out: dict[str, set[str]] = {}
    entity_labels = set(schema.ENTITY_LABELS)
    for key in graph:
        if node_label(graph, key) not in entity_labels:
            continue
        out[key] = {p for p in graph.predecessors(key) if node_label(graph, p) == schema.PAPER}
    return out


def co_use(papers_of: dict[str, set[str]], kept: Sequence[str],
           partners: int = CO_USE_PARTNERS) -> dict[tuple[str, str], int]:
    """Pairs of kept entities named by the same papers, each entity's strongest few only."""
    by_paper: dict[str, list[str]] = {}
    for key in kept:
        for p in papers_of[key]:
            by_paper.setdefault(p, []).append(key)
    weight: dict[tuple[str, str], int] = {}
    for names in by_paper.values():
        names.sort()
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                weight[(a, b)] = weight.get((a, b), 0) + 1
    best: dict[str, list[tuple[int, str, tuple[str, str]]]] = {}
    for pair, w in weight.items():
        for end, other in (pair, pair[::-1]):
            best.setdefault(end, []).append((-w, other, pair))
    chosen: set[tuple[str, str]] = set()
    for items in best.values():
        items.sort()
        chosen.update(pair for _, _, pair in items[:partners])
    return {pair: weight[pair] for pair in sorted(chosen)}


def find_communities(graph: nx.MultiDiGraph, size: dict[str, int]
                     ) -> tuple[dict[str, int], list[Community]]:
    """Louvain communities of a view (weighted by `papers` on edges), largest first."""
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for a, b, data in graph.edges(data=True):
        if a != b:
            w = float(data.get("papers", 1))
            simple.add_edge(a, b, weight=simple.get_edge_data(a, b, {}).get("weight", 0) + w)
    groups = nx.community.louvain_communities(simple, weight="weight", seed=7)
    groups = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
    member: dict[str, int] = {}
    found: list[Community] = []
    for i, keys in enumerate(groups):
        for key in keys:
            member[key] = i
        top = sorted(keys, key=lambda k: (-size.get(k, 0), k))[:2]
        color = COMMUNITY_COLORS[i] if i < len(COMMUNITY_COLORS) else OTHER_COMMUNITY_COLOR
        found.append(Community(i, ", ".join(display_name(graph, k) for k in top), color,
                               len(keys)))
    return member, found


def overview_view(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES,
                  papers: bool = False) -> View:
    """The most used entities (sized by papers, coloured by community, joined by co-use); with
    papers=True, the most connected papers and entities instead."""
    _check_max(max_nodes)
    if papers:
        return _busiest_view(graph, max_nodes)
    papers_of = papers_by_entity(graph)
    ranked = sorted((k for k, ps in papers_of.items() if ps),
                    key=lambda k: (-len(papers_of[k]), k))
    if not ranked:
        raise EmptyView("the graph has no entities named by papers to draw (is the store "
                        "built? try `paperkg build`)")
    # an entity named by one paper only, or named with none of the others, would float alone
    used = [k for k in ranked if len(papers_of[k]) > 1] or ranked
    kept = used[:max_nodes]
    pairs = co_use(papers_of, kept)
    joined = {k for pair in pairs for k in pair}
    alone = 0
    if joined:
        alone = len(kept) - len(joined)
        kept = [k for k in kept if k in joined]
    view_graph = nx.MultiDiGraph()
    for key in kept:
        view_graph.add_node(key, **graph.nodes[key])
    for (a, b), w in pairs.items():
        view_graph.add_edge(a, b, key=schema.CO_USED, type=schema.CO_USED, papers=w)
    size = {k: len(papers_of[k]) for k in kept}
    member, communities = find_communities(view_graph, size)
    n_papers = len(set().union(*(papers_of[k] for k in kept)))
    notes = [f"named by {n_papers} papers; size follows the number of papers, colour the "
             f"community, a line joins entities named together"]
    if len(used) < len(ranked):
        notes.append(f"{len(ranked) - len(used)} entities named by one paper only are not drawn")
    if alone:
        notes.append(f"{alone} entities named with none of the others drawn are left out")
    return View(
        graph=view_graph,
        title=f"Overview: the {len(kept)} most used entities",
        qualifying=len(used),
        left_out=max(0, len(used) - max_nodes),
        notes=notes,
        size=size,
        size_label="papers",
        community=member,
        communities=communities,
    )


def _busiest_view(graph: nx.MultiDiGraph, max_nodes: int) -> View:
    """The most connected papers and entities, capped at max_nodes."""
    wanted = {schema.PAPER, *schema.ENTITY_LABELS}
    # connections among papers and entities only (not to listings, repositories or links)
    among = graph.subgraph([k for k in graph if node_label(graph, k) in wanted])
    candidates = [k for k in among if among.degree(k) > 0]
    if not candidates:
        raise EmptyView("the graph has no connected papers or entities to draw (is the store "
                        "built? try `paperkg build`)")
    candidates.sort(key=lambda k: (-among.degree(k), k))
    kept = candidates[:max_nodes]
    # a node whose partners all fell below the cut would float alone: swap in the next ones
    rejected: set[str] = set()
    for _ in range(10):
        sub = among.subgraph(kept)
        alone = {k for k in kept if sub.degree(k) == 0}
        if not alone or len(kept) <= 1:
            break
        rejected |= alone
        chosen = set(kept)
        pool = [c for c in candidates if c not in chosen and c not in rejected]
        kept = [k for k in kept if k not in alone] + pool[: len(alone)]
    view_graph = graph.subgraph(kept).copy()
    member, communities = find_communities(view_graph, dict(view_graph.degree()))
    return View(
        graph=view_graph,
        title=f"Overview: the {len(kept)} most connected papers and entities",
        qualifying=len(candidates),
        left_out=len(candidates) - len(kept),
        community=member,
        communities=communities,
    )


def _field(item: dict, name: str) -> Any:
    """A reserved field of a result node/relationship (`_id` or `_ID` spelling)."""
    if name in item:
        return item[name]
    return item.get(name.upper())


def _ident(value: Any) -> str:
    """A hashable form of an engine's internal id."""
    return json.dumps(value, sort_keys=True, default=str)


def _has(item: dict, name: str) -> bool:
    """Whether a result item carries a reserved field (in either spelling)."""
    return name in item or name.upper() in item


def _is_path(v: Any) -> bool:
    return isinstance(v, dict) and (_has(v, "_nodes") or _has(v, "_rels"))


def _is_rel(v: Any) -> bool:
    return isinstance(v, dict) and _has(v, "_src") and _has(v, "_dst") and not _is_path(v)


def _is_node(v: Any) -> bool:
    return isinstance(v, dict) and _has(v, "_label") and not _is_rel(v) and not _is_path(v)


def _props(item: dict) -> dict[str, Any]:
    """The properties of a result item, without reserved fields and nulls."""
    return {k: v for k, v in item.items() if not k.startswith("_") and v is not None}


def graph_from_rows(rows: Sequence[Sequence[Any]]) -> tuple[nx.MultiDiGraph, int]:
    """The nodes, relationships and paths in query rows as a graph; also rels without endpoints."""
    nodes: dict[str, tuple[str, dict]] = {}  # internal id or key -> (node key, attrs)
    rels: list[dict] = []

    def visit(value: Any) -> None:
        if _is_path(value):
            for n in _field(value, "_nodes") or ():
                visit(n)
            for r in _field(value, "_rels") or ():
                visit(r)
        elif _is_rel(value):
            rels.append(value)
        elif _is_node(value):
            label = str(_field(value, "_label"))
            props = _props(value)
            internal = _field(value, "_id")
            key = _field(value, "_key") or schema.node_key(
                label, str(props.get("id", _ident(internal))))
            # the same node may come back several times with different columns: merge them
            entry = nodes.get(_ident(key)) or (str(key), {"label": label})
            entry[1].update(props)
            # relationships name their ends by the engine's internal id (embedded store) or by
            # the node key (normalised Neo4j rows): index both
            nodes[_ident(key)] = entry
            if internal is not None:
                nodes[_ident(internal)] = entry
        elif isinstance(value, (list, tuple)):
            for v in value:
                visit(v)

    for row in rows:
        for value in row:
            visit(value)
    graph = nx.MultiDiGraph()
    for key, attrs in nodes.values():
        if key not in graph:
            graph.add_node(key, **attrs)
    dangling = 0
    seen_rels: set[str] = set()
    for rel in rels:
        src = nodes.get(_ident(_field(rel, "_src")))
        dst = nodes.get(_ident(_field(rel, "_dst")))
        if src is None or dst is None:
            dangling += 1
            continue
        rtype = str(_field(rel, "_label"))
        props = _props(rel)
        internal = _field(rel, "_id")
        # the same relationship may come back in several rows or paths: draw it once
        rid = _ident(internal if internal is not None else [src[0], dst[0], rtype, props])
        if rid in seen_rels:
            continue
        seen_rels.add(rid)
        ekey = f"{rtype}|{props['source']}" if rtype == schema.CITES and "source" in props \
            else rtype
        graph.add_edge(src[0], dst[0], key=ekey, type=rtype, **props)
    return graph, dangling


def query_view(columns: Sequence[str], rows: Sequence[Sequence[Any]], query: str,
               max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The nodes, relationships and paths a query returned, capped at max_nodes."""
    _check_max(max_nodes)
    graph, dangling = graph_from_rows(rows)
    if graph.number_of_nodes() == 0:
        what = "no rows" if not rows else f"{len(rows)} row(s) but no nodes or paths"
        hint = " (relationships need their nodes too: RETURN a, r, b)" if dangling else ""
        raise EmptyView(f"nothing to draw: the query returned {what}{hint}")
    kept = _cap(graph, set(graph), max_nodes, None)
    short = " ".join(query.split())
    view = View(
        graph=graph.subgraph(kept).copy(),
        title=f"Query: {short[:120]}{'...' if len(short) > 120 else ''}",
        qualifying=graph.number_of_nodes(),
        left_out=graph.number_of_nodes() - len(kept),
    )
    if dangling:
        view.notes.append(f"{dangling} relationship(s) skipped because their nodes were not "
                          "returned (RETURN a, r, b draws them)")
    return view


# ------------------------------------------------------------------------------ layout


def spring_positions(graph: nx.MultiDiGraph, iterations: int = 50,
                     seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions in pixels (numpy, dense), for views too big for physics."""
    import numpy as np

    keys = sorted(graph)
    n = len(keys)
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {k: i for i, k in enumerate(keys)}
    adj = np.zeros((n, n), dtype=np.float32)
    for a, b in graph.edges():
        if a != b:
            adj[index[a], index[b]] = adj[index[b], index[a]] = 1.0
    rng = np.random.default_rng(seed)
    x = rng.random(n, dtype=np.float32)
    y = rng.random(n, dtype=np.float32)
    k2 = np.float32(1.0 / n)
    inv_k = np.float32(np.sqrt(n))
    temp = 0.1
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist2 = dx * dx + dy * dy
        np.maximum(dist2, np.float32(1e-4), out=dist2)
        # repulsion k^2/d along the unit vector (k^2/d^2 * delta), attraction d^2/k (d/k * delta)
        force = k2 / dist2 - adj * np.sqrt(dist2) * inv_k
        # a weak pull to the centre keeps separate components on screen
        mx = (dx * force).sum(axis=1) - (x - 0.5) * GRAVITY
        my = (dy * force).sum(axis=1) - (y - 0.5) * GRAVITY
        length = np.sqrt(mx * mx + my * my)
        np.maximum(length, np.float32(0.01), out=length)
        step = np.minimum(length, temp) / length
        x += mx * step
        y += my * step
        temp -= cool
    pos = np.stack([x, y], axis=1)
    pos -= pos.mean(axis=0)
    span = float(np.abs(pos).max()) or 1.0
    scale = 45.0 * np.sqrt(n) / span
    return {key: (float(pos[i, 0] * scale), float(pos[i, 1] * scale)) for i, key in enumerate(keys)}

