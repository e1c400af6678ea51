"""The explorer's HTML pages, written on the server: every value goes through `esc` (or `attr`).

No page has inline script: scripts come from /static (the Content-Security-Policy allows
'self' only), and the data a graph page draws is fetched from the JSON API.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

from paperkg.graph import schema
from paperkg.viz.page import first_sentence, safe_url, shorten

TITLE = "paperkg explorer"


def esc(value: Any) -> str:
    """Text as HTML (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def node_href(key: str) -> str:
    """The explorer URL of a node page."""
    return "/node?key=" + quote(key, safe="")


def graph_href(key: str) -> str:
    """The explorer URL of a node's graph view."""
    return "/graph?key=" + quote(key, safe="")


def link(key: str, text: str, cls: str = "") -> str:
    """An escaped link to a node page."""
    klass = f' class="{esc(cls)}"' if cls else ""
    return f'<a href="{esc(node_href(key))}"{klass}>{esc(text)}</a>'


def external(url: str | None, text: str) -> str:
    """An escaped link out (http/https only; anything else is shown as text)."""
    good = safe_url(url)
    if not good:
        return esc(text)
    return f'<a href="{esc(good)}" rel="noopener noreferrer" target="_blank">{esc(text)}</a>'


def type_tag(label: str) -> str:
    """A small coloured tag naming a node type."""
    ntype = schema.NODE_TYPES.get(label)
    cls = "t-" + "".join(c for c in label.lower() if c.isalnum())
    return f'<span class="tag {cls}" title="{esc(ntype.doc if ntype else "")}">{esc(label)}</span>'


def layout(title: str, body: str, query: str = "", scripts: Iterable[str] = ()) -> str:
    """A whole page: header with search and navigation, the body, the scripts (by URL)."""
    scripts = tuple(scripts) or ("/static/explorer.js",)  # search suggestions on every page
    tags = "".join(f'<script src="{esc(s)}" defer></script>' for s in scripts)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(shorten(title, 120))} - {TITLE}</title>
<link rel="stylesheet" href="/static/explorer.css">{tags}
</head><body>
<header class="top"><a class="brand" href="/">paperkg</a>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="{esc(query)}" placeholder="Search papers, methods, datasets..."
 aria-label="search" autocomplete="off" id="q"><button type="submit">Search</button>
<ul id="suggest" class="suggest" hidden></ul></form>
<nav><a href="/">Overview</a><a href="/cypher">Cypher</a><a href="/sparql">SPARQL</a></nav>
</header>
<main>{body}</main>
</body></html>"""


def error_page(status: int, message: str) -> str:
    """A page for a missing node or a bad request."""
    return layout(f"{status}", f'<h1>{status}</h1><p class="error">{esc(message)}</p>'
                               '<p><a href="/">Back to the overview</a></p>')


def _dl(pairs: Iterable[list[str]]) -> str:
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in pairs)
    return f'<dl class="facts">{items}</dl>' if items else ""


def _legend_types(counts: dict[str, int]) -> str:
    rows = "".join(f"<tr><td>{type_tag(label)}</td><td class=num>{n:,}</td></tr>"
                   for label, n in counts.items())
    return f'<table class="counts"><tbody>{rows}</tbody></table>'


def home_page(counts: dict[str, int], overview: dict[str, Any]) -> str:
    """The overview: counts, the entity map with its communities, and where to go next."""
    comms = "".join(
        f'<li><span class="swatch" data-color="{esc(c["color"])}"></span>'
        f'<span class="cname">{esc(c["name"])}</span><span class="num">{c["count"]}</span></li>'
        for c in overview.get("communities", [])[:12])
    more = len(overview.get("communities", [])) - 12
    if more > 0:
        comms += f'<li class="muted">+ {more} smaller communities (grey)</li>'
    notes = "".join(f"<p class=muted>{esc(n)}</p>" for n in overview.get("notes", []))
    left = ""
    if overview.get("left_out"):
        left = (f'<p class="muted">{overview["left_out"]:,} of {overview["qualifying"]:,} '
                "entities named by papers are left out (the most used are shown).</p>")
    shapes = " ".join(f"{glyph} {esc(label)}" for label, glyph in SHAPE_GLYPHS.items()
                      if label in counts)
    body = f"""<div class="split">
<aside class="side">
<h1>{esc(overview.get("title") or "Overview")}</h1>{notes}{left}
<h2>Communities</h2><ul class="communities">{comms}</ul>
<h2>Shapes</h2><p class="shapes">{shapes}</p>
<h2>In the graph</h2>{_legend_types(counts)}
<p class="muted">Click an entity to see it; scroll to zoom (smaller labels appear as you
zoom in).</p>
</aside>
<section class="canvas"><div id="graph" class="graph" data-src="/api/overview"
 data-mode="overview" aria-label="entity overview"></div>
<aside id="info" class="info" hidden></aside></section>
</div>"""
    return layout("Overview", body, scripts=("/static/vis-network.min.js",
                                             "/static/explorer.js"))


SHAPE_GLYPHS = {schema.PAPER: "\u2b22", schema.METHOD: "\u25cf", schema.MODEL: "\u25a0",
                schema.DATASET: "\u25c6", schema.BENCHMARK: "\u25b2", schema.METRIC: "\u25bc",
                schema.TASK: "\u2605"}


def search_page(query: str, hits: list[Any], seconds: float,
                details: dict[str, str] | None = None) -> str:
    """Ranked search results, each with a line of detail (a paper's date and first sentence,
    an entity's aliases) when given."""
    if not query.strip():
        body = "<h1>Search</h1><p>Type a paper title, a method, a dataset or any other name.</p>"
        return layout("Search", body)
    items = []
    for h in hits:
        extra = ""
        if h.matched != h.name:
            extra = f' <span class="muted">(as \u201c{esc(h.matched)}\u201d)</span>'
        count = (f' <span class="muted">{h.papers} paper{"s" if h.papers != 1 else ""}</span>'
                 if h.kind != schema.PAPER else "")
        more = (details or {}).get(h.key)
        more = f'<div class="detail muted">{esc(more)}</div>' if more else ""
        items.append(f'<li class="hit">{type_tag(h.kind)} {link(h.key, h.name, "hit-link")}'
                     f"{extra}{count}{more}</li>")
    found = f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if hits else "Nothing found"
    body = (f'<h1>Search: \u201c{esc(query)}\u201d</h1><p class="muted" id="found">{found} '
            f"({seconds * 1000:.1f} ms)</p><ol class=\"hits\">{''.join(items)}</ol>")
    return layout(f"Search {query}", body, query=query)


def _roles_html(roles: list[dict]) -> str:
    out = []
    for r in roles:
        ev = f'<div class="evidence">{esc(r["evidence"])}</div>' if r["evidence"] else ""
        out.append(f'<span class="role">{esc(r["role"])}</span>{ev}')
    return "".join(out)


def _citations(groups: list[dict], empty: str) -> str:
    if not groups:
        return f'<p class="muted">{esc(empty)}</p>'
    out = []
    for g in groups:
        rows = []
        for c in g["papers"]:
            via = f' via {link(c["via"]["key"], c["via"]["name"])}' if c["via"] else ""
            kind = f'<span class="role">{esc(c["kind"])}</span>' if c["kind"] else ""
            ev = f'<div class="evidence">{esc(c["evidence"])}</div>' if c["evidence"] else ""
            rows.append(f'<li>{link(c["key"], c["name"])} <span class="muted">{esc(c["date"])}'
                        f"</span> {kind}{via}{ev}</li>")
        out.append(f'<h3>{esc(g["source"])} <span class="num">{len(g["papers"])}</span></h3>'
                   f'<ul class="cites">{"".join(rows)}</ul>')
    return "".join(out)


def _results_table(results: list[dict], paper_column: bool, own: str | None = None) -> str:
    """A leaderboard table; the column that would only repeat the page's own entity is left
    out."""
    if not results:
        return ""
    names = [n for n in ("system", "benchmark", "metric")
             if not own or any((r.get(n) or {}).get("key") != own for r in results)]
    head = "".join(f"<th>{n}</th>" for n in names) + "<th>value</th>"
    head += "<th>condition</th>" + ("<th>paper</th>" if paper_column else "")
    rows = []
    for r in results:
        cells = []
        for name in names:
            linked = r.get(name)
            cells.append(link(linked["key"], linked["name"]) if linked
                         else esc(r.get(name + "_text") or ""))
        kind = f' <span class="muted">({esc(r["kind"])})</span>' \
            if r["kind"] and r["kind"] != "score" else ""
        cells.append(esc(r["value"]) + kind)
        cells.append(esc(r["condition"]))
        if paper_column:
            cells.append(link(r["paper"]["key"], shorten(r["paper"]["name"], 70))
                         if r.get("paper") else "")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<h2>Results <span class="num">{len(results)}</span></h2>'
            f'<table class="grid results"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def paper_page(d: dict[str, Any]) -> str:
    """A paper: metadata and links, entities with role and evidence, code, cites, cited-by."""
    links = " \u00b7 ".join(external(x["url"], x["text"]) for x in d["links"]) or \
        '<span class="muted">no links in the listing</span>'

    ents = "".join(
        f'<tr><td>{type_tag(e["type"])}</td><td>{link(e["key"], e["name"])}</td>'
        f'<td>{_roles_html(e["roles"])}</td></tr>' for e in d["entities"])
    ents = (f'<table class="grid entities"><thead><tr><th>type</th><th>name</th>'
            f'<th>role and evidence</th></tr></thead><tbody>{ents}</tbody></table>'
            if ents else '<p class="muted">No entities found in this paper.</p>')
    repos = "".join(f'<li>{external(r["url"], r["name"])} <span class="muted">{esc(r["kind"])}'
                    f"</span> ({link(r['key'], 'page')})</li>" for r in d["repositories"])
    repos = f"<ul>{repos}</ul>" if repos else '<p class="muted">No repository named.</p>'
    sources = "".join(f'<li>{esc(s["name"])} line {esc(s["line"])}</li>' for s in d["sources"])
    body = f"""<article class="page paper">
<p>{type_tag(d["type"])} <span class="muted">{esc(d["key"])}</span>
<a class="graph-link" href="{esc(graph_href(d["key"]))}">graph view</a></p>
<h1 id="title">{esc(d["title"])}</h1>
<p class="links">{links}</p>
{_dl(d["facts"])}
<h2>Abstract</h2><p class="abstract">{esc(d["abstract"]) or '<span class="muted">none</span>'}</p>
<h2>Entities <span class="num">{len(d["entities"])}</span></h2>{ents}
{_results_table(d["results"], paper_column=False)}
<h2>Code</h2>{repos}
<h2>Cites</h2>{_citations(d["cites"], "It cites no paper in the graph.")}
<h2>Cited by</h2>{_citations(d["cited_by"], "No paper in the graph cites it.")}
<h2>Read from</h2><ul class="muted">{sources}</ul>
</article>"""
    return layout(d["title"], body)


def entity_page(d: dict[str, Any]) -> str:
    """An entity: type, aliases, introducers, papers newest first, co-used, results."""
    aliases = ", ".join(esc(a) for a in d["aliases"]) or '<span class="muted">none</span>'
    intro = "".join(f'<li>{link(p["key"], p["name"])} <span class="muted">{esc(p["date"])}'
                    f'</span>{_roles_html([r for r in p["roles"] if r["role"] == "introduced"])}'
                    "</li>" for p in d["introducers"])
    intro = f"<ul>{intro}</ul>" if intro else '<p class="muted">No paper in the graph ' \
                                              "introduces it.</p>"
    papers = "".join(
        f'<tr><td class="date">{esc(p["date"])}</td><td>{link(p["key"], p["name"])}</td>'
        f'<td>{_roles_html(p["roles"])}</td></tr>' for p in d["papers"])
    more = (f'<p class="muted">{d["papers_left_out"]} older papers are not listed.</p>'
            if d["papers_left_out"] else "")
    co = "".join(f'<li>{type_tag(c["type"])} {link(c["key"], c["name"])} '
                 f'<span class="num">{c["papers"]}</span></li>' for c in d["co_used"])
    co = f'<ul class="co">{co}</ul>' if co else '<p class="muted">None.</p>'
    body = f"""<article class="page entity">
<p>{type_tag(d["type"])} <span class="muted">{esc(d["key"])}</span>
<a class="graph-link" href="{esc(graph_href(d["key"]))}">graph view</a></p>
<h1 id="title">{esc(d["name"])}</h1>
<p class="muted">{esc(d["doc"])}</p>
<dl class="facts"><dt>aliases</dt><dd>{aliases}</dd><dt>papers</dt><dd>{d["paper_count"]}</dd></dl>
<h2>Introduced by</h2>{intro}
{_results_table(d["results"], paper_column=True, own=d["key"])}
<h2>Papers <span class="num">{d["paper_count"]}</span></h2>
<table class="grid papers"><thead><tr><th>date</th><th>paper</th><th>role and evidence</th>
</tr></thead><tbody>{papers}</tbody></table>{more}
<h2>Named together with</h2>{co}
</article>"""
    return layout(d["name"], body)


def other_page(d: dict[str, Any]) -> str:
    """A repository, link, listing or result: its properties and neighbours."""
    near = "".join(f'<li>{type_tag(n["type"])} {link(n["key"], n["name"])}</li>'
                   for n in d["neighbours"])
    url = f'<p class="links">{external(d["url"], d["url"])}</p>' if d["url"] else ""
    body = f"""<article class="page other">
<p>{type_tag(d["type"])} <span class="muted">{esc(d["key"])}</span>
<a class="graph-link" href="{esc(graph_href(d["key"]))}">graph view</a></p>
<h1 id="title">{esc(d["name"])}</h1>{url}{_dl(d["facts"])}
<h2>Connected to</h2><ul>{near}</ul></article>"""
    return layout(d["name"], body)


def graph_page(key: str, name: str, label: str, limit: int) -> str:
    """The graph view of a node's neighbourhood; clicking a node expands it."""
    src = "/api/neighbours?" + urlencode({"key": key, "limit": limit})
    body = f"""<div class="split">
<aside class="side"><p>{type_tag(label)}</p><h1>{link(key, name)}</h1>
<p class="muted">Click a node to open its neighbours (and its details on the right),
double-click it to go to its page. The size of a node follows its number of
relationships.</p>
<p id="graph-status" class="muted" aria-live="polite"></p>
<h2>Node types</h2><ul id="legend" class="legend"></ul></aside>
<section class="canvas"><div id="graph" class="graph" data-src="{esc(src)}" data-mode="focus"
 data-center="{esc(key)}" aria-label="graph"></div>
<aside id="info" class="info" hidden></aside></section></div>"""
    return layout(f"Graph: {name}", body, scripts=("/static/vis-network.min.js",
                                                   "/static/explorer.js"))


# ------------------------------------------------------------------------------ console


def cell(value: Any) -> str:
    """One console result value as escaped HTML (nodes link to their pages)."""
    if value is None:
        return '<span class="muted">null</span>'
    if isinstance(value, dict) and value.get("_key"):
        key = str(value["_key"])
        name = value.get("title") or value.get("name") or value.get("url") or key
        return link(key, shorten(str(name), 90))
    if isinstance(value, dict) and "_nodes" in value:
        return " \u2192 ".join(cell(n) for n in value.get("_nodes") or [])
    if isinstance(value, dict) and "_label" in value:
        return f'<span class="role">{esc(value["_label"])}</span>'
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return esc(json.dumps(value, ensure_ascii=False, default=str))
    return esc(shorten(str(value), 500))


def console_page(queries: list[dict[str, Any]], chosen: str | None, values: dict[str, str],
                 text: str, answer: Any = None, error: str | None = None) -> str:
    """The read-only Cypher console: library queries with their parameters, and free Cypher."""
    options = "".join(
        f'<option value="{esc(q["name"])}"{" selected" if q["name"] == chosen else ""}>'
        f'{esc(q["name"])}</option>' for q in queries)
    lib = "".join(f'<li><a href="/cypher?{esc(urlencode({"name": q["name"]}))}">'
                  f'{esc(q["name"])}</a> <span class="muted">{esc(q["description"])}</span></li>'
                  for q in queries)
    fields = ""
    current = next((q for q in queries if q["name"] == chosen), None)
    if current:
        for p in current["params"]:
            value = values.get(p["name"], "" if p["default"] is None else str(p["default"]))
            need = ", required" if p["required"] else ""
            fields += (f'<label>{esc(p["name"])} <span class="muted">{esc(p["type"])}{need}'
                       f'</span><input name="p.{esc(p["name"])}" value="{esc(value)}"></label>')
        fields = (f'<p class="muted">{esc(current["description"])}</p>'
                  f'<div class="params">{fields}</div>')
    result = ""
    if error:
        result = f'<p class="error" id="console-error">{esc(error)}</p>'
    elif answer is not None:
        head = "".join(f"<th>{esc(c)}</th>" for c in answer.columns)
        rows = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
                       for row in answer.rows)
        capped = (f" (showing the first {len(answer.rows):,} of {answer.total:,})"
                  if answer.capped else "")
        result = (f'<p class="muted" id="console-count">{answer.total:,} row'
                  f'{"s" if answer.total != 1 else ""}{capped} in {answer.seconds * 1000:.0f} ms'
                  f'</p><table class="grid" id="console-result"><thead><tr>{head}</tr></thead>'
                  f"<tbody>{rows}</tbody></table>")
    body = f"""<h1>Cypher console <span class="muted">(read-only)</span></h1>
<div class="console">
<form method="get" action="/cypher" id="named-form"><h2>A library query</h2>
<select name="name" id="named" aria-label="library query">{options}</select>
<button type="submit" name="run" value="1" id="run-named">Run</button>{fields}</form>
<form method="post" action="/cypher" id="cypher-form"><h2>Your own query</h2>
<textarea name="query" rows="4" id="cypher-text" spellcheck="false"
 placeholder="MATCH (p:Paper)-[:INTRODUCES]->(e) RETURN p.title, e.name LIMIT 20"
>{esc(text)}</textarea>
<p class="muted">Only reading clauses (MATCH, WITH, UNWIND, RETURN ...); a timeout and a row cap
apply.</p><button type="submit" id="run-cypher">Run</button></form>
</div>
<section class="answer">{result}</section>
<h2>The library</h2><ul class="library">{lib}</ul>"""
    return layout("Cypher console", body, scripts=("/static/explorer.js",))


def sparql_page(prefixes: dict[str, str], example: str) -> str:
    """What /sparql speaks, with a form for a query (answers as the browser accepts)."""
    pfx = "".join(f"<li><code>{esc(p)}:</code> {esc(iri)}</li>" for p, iri in prefixes.items())
    body = f"""<h1>SPARQL endpoint</h1>
<p>This address speaks the SPARQL 1.1 Protocol: <code>GET /sparql?query=...</code>, or
<code>POST</code> with a <code>query=</code> form or an <code>application/sparql-query</code>
body. SELECT and ASK answer as JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle,
N-Triples, RDF/XML or JSON-LD (by the Accept header, or <code>format=</code>). Updates and
SERVICE are refused; a timeout and a row cap apply.</p>
<form method="get" action="/sparql">
<textarea name="query" rows="6" spellcheck="false">{esc(example)}</textarea>
<p><label>format <select name="format"><option>json</option><option>xml</option>
<option>csv</option><option>tsv</option><option>turtle</option></select></label>
<button type="submit">Run</button> <span class="muted">(for CONSTRUCT and DESCRIBE: json is
JSON-LD, xml is RDF/XML, or turtle)</span></p></form>
<h2>Prefixes known without a PREFIX line</h2><ul>{pfx}</ul>"""
    return layout("SPARQL", body)


def first_line(text: str) -> str:
    """The first sentence of a text (for short previews)."""
    return first_sentence(text, 200)
