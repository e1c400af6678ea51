"""Choose a subgraph (focus, query or overview) and draw it as one self-contained pyvis page."""

from __future__ import annotations

import heapq
import html
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema

HERE = Path(__file__).resolve().parent
DEFAULT_HOPS = 2
DEFAULT_MAX_NODES = 300
#: Beyond this a page stops being explorable (and the dense layout needs n^2 memory).
MAX_NODES_LIMIT = 3000
#: Above this many nodes the layout is computed in Python and the browser runs no physics.
PYTHON_LAYOUT_ABOVE = 150
LABEL_CHARS = 32
SAFE_SCHEMES = ("http", "https")
FALLBACK_COLOR = "#999999"
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


@dataclass
class VizResult:
    """What `viz` wrote: the file, what it holds and a one-line summary."""

    path: Path
    nodes: int
    edges: int
    left_out: int
    message: str


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
    raise UserError(f"no node matches {name_or_id!r} (give a name, a title, an id or Label:id)")


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


def overview_view(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """The most connected papers and entities, capped at max_nodes."""
    _check_max(max_nodes)
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
    return View(
        graph=graph.subgraph(kept).copy(),
        title=f"Overview: the {len(kept)} most connected papers and entities",
        qualifying=len(candidates),
        left_out=len(candidates) - len(kept),
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


# ------------------------------------------------------------------------------ page content


def safe_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) link, else None (never javascript:, data:, ...)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if any(c in url for c in "\x00\r\n\t ") or url.startswith("//"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url


def first_sentence(text: Any, limit: int = 300) -> str:
    """The first sentence of a text, shortened to limit characters."""
    if not isinstance(text, str):
        return ""
    flat = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])", flat)
    sentence = flat[: match.start()] if match else flat
    return shorten(sentence, limit)


def shorten(text: str, limit: int) -> str:
    """text cut to at most limit characters, with an ellipsis when cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def role_of(rel_type: str) -> str:
    """A relationship type as a role word: introduced, uses, evaluated on, ..."""
    if rel_type == schema.INTRODUCES:
        return "introduced"
    return rel_type.lower().replace("_", " ")


def _value_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _node_info(graph: nx.MultiDiGraph, key: str, focus: str | None) -> dict[str, Any]:
    """Tooltip and side-panel content of a node (plain text; the page escapes it)."""
    attrs = graph.nodes[key]
    label = node_label(graph, key)
    lines: list[list[str]] = []
    links: list[list[str]] = []
    skip = {"id", "label", "title", "name", "abstract", "url", "title_key"}
    if attrs.get("abstract"):
        lines.append(["abstract", first_sentence(attrs["abstract"])])
    ntype = schema.NODE_TYPES.get(label)
    names = ntype.prop_names if ntype else sorted(attrs)
    for prop in names:
        value = attrs.get(prop)
        if prop in skip or value in (None, "", [], ()):
            continue
        lines.append([prop.replace("_", " "), shorten(_value_text(value), 200)])
    lines.append(["id", shorten(str(attrs.get("id") or schema.split_key(key)[1]), 120)])
    url = attrs.get("url")
    if url:
        good = safe_url(url)
        if good:
            links.append([shorten(good, 80), good])
        else:
            lines.append(["url (not a web link)", shorten(str(url), 120)])
    # how this node is tied into the view: role and evidence, focus first
    ties = []
    for a, b, data in list(graph.in_edges(key, data=True)) + list(graph.out_edges(key, data=True)):
        other = a if b == key else b
        ties.append((other != focus, 0 if data.get("evidence") else 1, other, a == key, data))
    ties.sort(key=lambda t: (t[0], t[1], t[2]))
    rels = []
    for _, _, other, outgoing, data in ties[:3]:
        rtype = str(data.get("type", ""))
        rels.append({
            "role": role_of(rtype),
            "type": rtype,
            "other": shorten(display_name(graph, other), 90),
            "direction": "to" if outgoing else "from",
            "evidence": shorten(str(data.get("evidence") or ""), 400),
        })
    return {
        "kind": label,
        "heading": shorten(display_name(graph, key), 300),
        "lines": lines,
        "links": links,
        "rels": rels,
        "more": max(0, len(ties) - 3),
    }


def _edge_info(captions: dict[str, str], a: str, b: str, data: dict) -> dict[str, Any]:
    """Tooltip content of a relationship: its type, role, evidence and provenance."""
    rtype = str(data.get("type", ""))
    lines = [["role", role_of(rtype)]]
    if data.get("evidence"):
        lines.append(["evidence", shorten(str(data["evidence"]), 400)])
    rel = schema.REL_TYPES.get(rtype)
    names = rel.prop_names if rel else sorted(data)
    for prop in names:
        value = data.get(prop)
        if prop in ("evidence", "type") or value in (None, "", [], ()):
            continue
        lines.append([prop.replace("_", " "), shorten(_value_text(value), 200)])
    return {
        "kind": rtype,
        "heading": f"{captions[a]} \u2192 {captions[b]}",
        "lines": lines,
        "links": [],
        "rels": [],
        "more": 0,
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element (no <, >, & or line separators)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, esc)
    return text


def vis_options(physics: bool, n_nodes: int) -> dict[str, Any]:
    """vis-network options: fast layout, no smooth edges, physics stopped once stable."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"face": "sans-serif", "size": 13, "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 34,
                        "label": {"enabled": True, "min": 11, "max": 20,
                                  "maxVisible": 28, "drawThreshold": 7}},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "color": {"color": "#a0a0a0", "highlight": "#333333", "hover": "#555555"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "font": {"size": 9, "align": "middle", "color": "#555555", "strokeWidth": 2},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140,
                          "springConstant": 0.03, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 50,
                              "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 300,
                        "multiselect": False, "keyboard": False},
    }


def build_network(view: View) -> tuple[Any, dict[str, Any]]:
    """The pyvis Network for a view (offline, in-line resources) and the page's own data."""
    from pyvis.network import Network

    graph = view.graph
    n = graph.number_of_nodes()
    physics = n <= PYTHON_LAYOUT_ABOVE
    positions = {} if physics else spring_positions(graph)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    ids = {key: f"n{i}" for i, key in enumerate(sorted(graph))}
    node_info: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for key in sorted(graph):
        label = node_label(graph, key)
        counts[label] = counts.get(label, 0) + 1
        ntype = schema.NODE_TYPES.get(label)
        color = ntype.color if ntype else FALLBACK_COLOR
        degree = graph.degree(key)
        options: dict[str, Any] = {
            "color": {"background": color, "border": "#333333" if key == view.focus else color,
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}},
            "value": degree + 1,
            "ptype": label,
            "fullname": display_name(graph, key),
            "nkey": key,
        }
        if key == view.focus:
            options["borderWidth"] = 3
            options["font"] = {"size": 16}
        if not physics:
            options["x"], options["y"] = positions[key]
        net.add_node(ids[key], label=shorten(display_name(graph, key), LABEL_CHARS), **options)
        node_info[ids[key]] = _node_info(graph, key, view.focus)
    edge_info: dict[str, Any] = {}
    edge_types: dict[str, int] = {}
    short_names = {key: shorten(display_name(graph, key), 60) for key in graph}
    for i, (a, b, data) in enumerate(sorted(graph.edges(data=True),
                                            key=lambda e: (e[0], e[1], str(e[2].get("type"))))):
        rtype = str(data.get("type", ""))
        edge_types[rtype] = edge_types.get(rtype, 0) + 1
        eid = f"e{i}"
        net.add_edge(ids[a], ids[b], id=eid, label=rtype, rtype=rtype,
                     width=2 if rtype == schema.INTRODUCES else 1)
        edge_info[eid] = _edge_info(short_names, a, b, data)
    net.options = vis_options(physics, n)
    legend = [
        {"label": label, "color": nt.color, "count": counts[label], "doc": nt.doc}
        for label, nt in schema.NODE_TYPES.items() if label in counts
    ] + [
        {"label": label, "color": FALLBACK_COLOR, "count": c, "doc": ""}
        for label, c in sorted(counts.items()) if label not in schema.NODE_TYPES
    ]
    summary = f"{n} node{'s' if n != 1 else ''}, {graph.number_of_edges()} relationship" \
              f"{'s' if graph.number_of_edges() != 1 else ''}"
    if view.left_out:
        summary += (f"; {view.left_out} of {view.qualifying} matching nodes left out "
                    "(the most connected are kept)")
    page = {
        "title": view.title,
        "summary": summary,
        "notes": view.notes,
        "legend": legend,
        "edgeTypes": [{"type": t, "count": c, "doc": schema.REL_TYPES[t].doc
                       if t in schema.REL_TYPES else ""} for t, c in sorted(edge_types.items())],
        "focus": ids.get(view.focus) if view.focus else None,
        "physics": physics,
        "expected": {"nodes": n, "edges": graph.number_of_edges()},
        "leftOut": view.left_out,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
    }
    return net, page


_EXTERNAL_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.IGNORECASE,
)
_EXTERNAL_REF = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*"
    r"\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//|@import",
    re.IGNORECASE,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
# pyvis leaves a commented-out <link>/<script> pair pointing at node_modules: drop it too
_DEAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*node_modules(?:(?!-->).)*-->", re.S)


def external_references(page: str) -> list[str]:
    """Markup in a page that would fetch something from the network (should be none)."""
    return [m.group(0)[:120] for m in _EXTERNAL_REF.finditer(page)]


def render_html(view: View) -> str:
    """The complete, offline HTML page for a view."""
    if view.graph.number_of_nodes() == 0:
        raise EmptyView("nothing to draw: the selection is empty")
    net, page = build_network(view)
    raw = net.generate_html(name="view.html")
    raw = _EXTERNAL_TAG.sub("", raw)
    raw = _EMPTY_HEADING.sub("", raw)
    raw = _DEAD_COMMENT.sub("", raw)
    css = (HERE / "viz.css").read_text(encoding="utf-8")
    js = (HERE / "viz.js").read_text(encoding="utf-8")
    panel = (HERE / "panel.html").read_text(encoding="utf-8")
    head = (f"<title>paperkg: {html.escape(shorten(view.title, 120))}</title>\n"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<style>{css}</style>\n")
    body_end = (f'<script type="application/json" id="paperkg-data">{script_json(page)}</script>\n'
                f"<script>{js}</script>\n")
    if raw.count("</head>") != 1 or raw.count("<body>") != 1 or raw.count("</body>") != 1:
        raise RuntimeError("unexpected pyvis template: cannot place the page's own parts")
    raw = raw.replace("</head>", head + "</head>")
    raw = raw.replace("<body>", "<body>\n" + panel)
    raw = raw.replace("</body>", body_end + "</body>")
    left = external_references(raw)
    if left:
        raise RuntimeError(f"page would load from the network: {left[0]}")
    return raw


def write_atomic(text: str, path: Path) -> None:
    """Write text to path atomically (a temp file beside it, then a rename)."""
    from paperkg.graph.export import atomic_output

    with atomic_output(path) as fh:
        fh.write(text.encode("utf-8"))


# ------------------------------------------------------------------------------ API


def viz(output: str | os.PathLike[str], *, focus: str | None = None, hops: int = DEFAULT_HOPS,
        types: str | Iterable[str] | None = None, max_nodes: int = DEFAULT_MAX_NODES,
        query: str | None = None, params: dict[str, Any] | None = None,
        overview: bool = False, db: str | None = None,
        graph: nx.MultiDiGraph | None = None, neo4j: Any = None) -> VizResult:
    """Draw a focus neighbourhood, a query's result or an overview as an offline HTML page.

    The graph comes from `graph` when given, else from the embedded store `db` (or, for a
    query, from Neo4j when `neo4j` holds its settings).
    """
    chosen = [bool(focus), bool(query), bool(overview)]
    if sum(chosen) != 1:
        raise UserError("choose exactly one of --focus, --query or --overview")
    out = Path(output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UserError(f"output must be an .html file, got {str(output)!r}")
    if out.is_dir():
        raise UserError(f"output {out} is a folder")
    if not out.parent.is_dir():
        raise UserError(f"cannot write {out}: folder {out.parent} does not exist")
    if query:
        if neo4j is not None:
            from paperkg.graph.neo4j_store import run_cypher

            columns, rows = run_cypher(query, params or {}, neo4j)
        elif graph is not None:
            raise UserError("--query runs on a store, not on an in-memory graph")
        else:
            from paperkg.graph.ladybug_store import query as run_query

            columns, rows = run_query(query, params or {}, db=db)
        view = query_view(columns, rows, query, max_nodes)
    else:
        if graph is None:
            from paperkg.graph.ladybug_store import load_graph

            graph = load_graph(db=db)
        if graph.number_of_nodes() == 0:
            raise EmptyView("the graph is empty: nothing to draw (build it with `paperkg build`)")
        view = focus_view(graph, focus, hops, types, max_nodes) if focus \
            else overview_view(graph, max_nodes)
    page = render_html(view)
    write_atomic(page, out)
    n, m = view.graph.number_of_nodes(), view.graph.number_of_edges()
    message = f"wrote {out}: {n} node{'s' if n != 1 else ''}, {m} relationship" \
              f"{'s' if m != 1 else ''}"
    if view.left_out:
        message += (f"; left out {view.left_out} of {view.qualifying} matching nodes "
                    f"(kept the {n} most connected; raise --max-nodes to see more)")
    for note in view.notes:
        message += f"\nnote: {note}"
    return VizResult(path=out, nodes=n, edges=m, left_out=view.left_out, message=message)
