"""Draw a chosen view as one offline pyvis page, and the `viz` API that writes it."""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema
from paperkg.viz.select import (
    DEFAULT_HOPS,
    DEFAULT_MAX_NODES,
    EmptyView,
    View,
    display_name,
    focus_view,
    node_label,
    overview_view,
    query_view,
    spring_positions,
)

HERE = Path(__file__).resolve().parent
#: Above this many nodes the layout is computed in Python and the browser runs no physics.
PYTHON_LAYOUT_ABOVE = 150
OVERVIEW_PHYSICS_MAX = 300
LABEL_CHARS = 32
SAFE_SCHEMES = ("http", "https")
FALLBACK_COLOR = "#999999"


@dataclass
class VizResult:
    """What `viz` wrote: the file, what it holds and a one-line summary."""

    path: Path
    nodes: int
    edges: int
    left_out: int
    message: str



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


def _rel_doc(rtype: str) -> str:
    """The one-line description of a relationship type (drawn-only ones included)."""
    if rtype == schema.CO_USED:
        return schema.CO_USED_DOC
    return schema.REL_TYPES[rtype].doc if rtype in schema.REL_TYPES else ""


def _edge_info(captions: dict[str, str], a: str, b: str, data: dict) -> dict[str, Any]:
    """Tooltip content of a relationship: its type, role, evidence and provenance."""
    rtype = str(data.get("type", ""))
    lines = [["role", role_of(rtype)]]
    if rtype == schema.CO_USED:
        lines = [["named together by", f"{data.get('papers', 0)} papers"]]
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


#: What a result's tooltip shows, in order (Result node properties).
RESULT_LINES = ("value", "kind", "system", "benchmark", "metric", "condition")


def result_of(graph: nx.MultiDiGraph, a: str, b: str) -> dict | None:
    """The Result node's attributes when one end of an edge is a Result, else None."""
    for key in (b, a):
        if node_label(graph, key) == schema.RESULT:
            return graph.nodes[key]
    return None


def _add_result_lines(info: dict[str, Any], result: dict) -> None:
    """Put a result's value, kind, system, benchmark, metric and condition in a tooltip."""
    lines = [[name, shorten(_value_text(result[name]), 200)] for name in RESULT_LINES
             if result.get(name) not in (None, "")]
    info["lines"] = lines + info["lines"]


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element (no <, >, & or line separators)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, esc)
    return text


#: Node shapes by type where colour shows the community (overviews); glyphs for the legend.
TYPE_SHAPES = {schema.PAPER: ("hexagon", "\u2b22"), schema.METHOD: ("dot", "\u25cf"),
               schema.MODEL: ("square", "\u25a0"), schema.DATASET: ("diamond", "\u25c6"),
               schema.BENCHMARK: ("triangle", "\u25b2"), schema.METRIC: ("triangleDown", "\u25bc"),
               schema.TASK: ("star", "\u2605")}


def count_phrase(nodes: int, edges: int) -> str:
    """'1 node, 2 relationships': the counts a page and the command report."""
    return (f"{nodes} node{'s' if nodes != 1 else ''}, "
            f"{edges} relationship{'s' if edges != 1 else ''}")


def count_value(count: int) -> float:
    """The drawn size of a node that stands for `count` papers: logarithmic, so that a few
    very common entities (accuracy, Transformer) do not shrink the rest to dots."""
    return round(1.0 + math.log2(1 + max(0, count)), 3)


def vis_options(physics: bool, n_nodes: int, sparse_labels: bool = False) -> dict[str, Any]:
    """vis-network options: fast layout, no smooth edges, physics stopped once stable.

    With sparse_labels, label size follows node size and small labels appear only when zoomed.
    """
    label_scaling = {"enabled": True, "min": 11, "max": 20, "maxVisible": 28, "drawThreshold": 7}
    if sparse_labels:
        label_scaling = {"enabled": True, "min": 7, "max": 30, "maxVisible": 40,
                         "drawThreshold": 8}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"face": "sans-serif", "size": 13, "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 40, "label": label_scaling},
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
    by_community = bool(view.communities)
    # an overview spreads better under browser physics, which is quick enough up to 300 nodes
    physics = n <= (OVERVIEW_PHYSICS_MAX if by_community else PYTHON_LAYOUT_ABOVE)
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
        if by_community:
            color = view.communities[view.community[key]].color
        degree = graph.degree(key)
        options: dict[str, Any] = {
            "color": {"background": color, "border": "#333333" if key == view.focus else color,
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}},
            "value": count_value(view.size[key]) if key in view.size
            else round((degree + 1) ** 0.5, 3),
            "ptype": label,
            "fullname": display_name(graph, key),
            "nkey": key,
        }
        if by_community:
            options["shape"] = TYPE_SHAPES.get(label, ("dot", ""))[0]
            options["community"] = view.community[key]
        if key == view.focus:
            options["borderWidth"] = 3
            options["font"] = {"size": 16}
        if not physics:
            options["x"], options["y"] = positions[key]
        net.add_node(ids[key], label=shorten(display_name(graph, key), LABEL_CHARS), **options)
        node_info[ids[key]] = _node_info(graph, key, view.focus)
        if key in view.size:
            node_info[ids[key]]["lines"].insert(0, [view.size_label, str(view.size[key])])
    edge_info: dict[str, Any] = {}
    edge_types: dict[str, int] = {}
    short_names = {key: shorten(display_name(graph, key), 60) for key in graph}
    for i, (a, b, data) in enumerate(sorted(graph.edges(data=True),
                                            key=lambda e: (e[0], e[1], str(e[2].get("type"))))):
        rtype = str(data.get("type", ""))
        edge_types[rtype] = edge_types.get(rtype, 0) + 1
        eid = f"e{i}"
        if rtype == schema.CO_USED:  # many of them: no label, width by shared papers
            net.add_edge(ids[a], ids[b], id=eid, rtype=rtype, arrows={"to": False},
                         width=min(6, 0.5 + int(data.get("papers", 1)) ** 0.5),
                         color={"color": "#c4c4c4", "highlight": "#333333"})
        else:
            result = result_of(graph, a, b)
            label = rtype if result is None else shorten(f"{rtype} {result.get('value')}", 40)
            net.add_edge(ids[a], ids[b], id=eid, label=label, rtype=rtype,
                         width=2 if rtype == schema.INTRODUCES else 1)
        edge_info[eid] = _edge_info(short_names, a, b, data)
        result = result_of(graph, a, b)
        if result is not None:  # result edges carry the value in their tooltip
            _add_result_lines(edge_info[eid], result)
    net.options = vis_options(physics, n, sparse_labels=by_community)
    legend = [
        {"label": label, "color": nt.color, "count": counts[label], "doc": nt.doc}
        for label, nt in schema.NODE_TYPES.items() if label in counts
    ] + [
        {"label": label, "color": FALLBACK_COLOR, "count": c, "doc": ""}
        for label, c in sorted(counts.items()) if label not in schema.NODE_TYPES
    ]
    if by_community:  # colour shows the community: the type legend shows shapes instead
        for entry in legend:
            entry["glyph"] = TYPE_SHAPES.get(entry["label"], ("dot", "\u25cf"))[1]
    summary = count_phrase(n, graph.number_of_edges())
    if view.left_out:
        best = "most used" if view.size_label == "papers" else "most connected"
        summary += (f"; {view.left_out} of {view.qualifying} matching nodes left out "
                    f"(the {best} are kept)")
    page = {
        "title": view.title,
        "summary": summary,
        "notes": view.notes,
        "legend": legend,
        "edgeTypes": [{"type": t, "count": c, "doc": _rel_doc(t)}
                      for t, c in sorted(edge_types.items())],
        "communities": [{"name": c.name, "color": c.color, "count": c.nodes}
                        for c in view.communities],
        "sizeLabel": view.size_label,
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
        overview: bool = False, papers: bool = False, db: str | None = None,
        graph: nx.MultiDiGraph | None = None, neo4j: Any = None) -> VizResult:
    """Draw a focus neighbourhood, a query's result or an overview as an offline HTML page.

    The graph comes from `graph` when given, else from the embedded store `db` (or, for a
    query, from Neo4j when `neo4j` holds its settings). An overview draws entities only unless
    `papers` is set.
    """
    chosen = [bool(focus), bool(query), bool(overview)]
    if sum(chosen) != 1:
        raise UserError("choose exactly one of --focus, --query or --overview")
    if papers and not overview:
        raise UserError("--papers goes with --overview")
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
            else overview_view(graph, max_nodes, papers=papers)
    page = render_html(view)
    write_atomic(page, out)
    n, m = view.graph.number_of_nodes(), view.graph.number_of_edges()
    message = f"wrote {out}: {count_phrase(n, m)}"
    if view.left_out:
        best = "most used" if view.size_label == "papers" else "most connected"
        message += (f"; left out {view.left_out} of {view.qualifying} matching nodes "
                    f"(kept the {n} {best}; raise --max-nodes to see more)")
    for note in view.notes:
        message += f"\nnote: {note}"
    return VizResult(path=out, nodes=n, edges=m, left_out=view.left_out, message=message)
