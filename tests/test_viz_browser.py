"""viz pages in a real headless Chromium with networking off: drawn counts, escaping, search,
type filter, links, and a 1,000-node view (its time to stable is printed, never asserted)."""

from __future__ import annotations

import json

import pytest

from paperkg.graph import schema as S
from paperkg.viz import page as R
from tests.vizgraphs import (
    ALERT_IMG,
    ALERT_SCRIPT,
    MARKER_IMG,
    MARKER_SCRIPT,
    small_graph,
    synthetic_graph,
)

pytestmark = pytest.mark.browser

STABLE = "window.paperkgViz && window.paperkgViz.stable"
STATE = ("JSON.stringify({s: paperkgViz, data: [network.body.data.nodes.length, "
         "network.body.data.edges.length], drawn: paperkgViz.count()})")
# pixels on the canvas that are not background: proves something was painted
INKED = """(() => { const c = document.querySelector('#mynetwork canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i+3] > 0 && (d[i] < 240 || d[i+1] < 240 ||
  d[i+2] < 240)) { n++; } } return n; })()"""


def open_view(page, path, artifacts=None, shot=None):
    """Load a page, wait until it is stable, and return its state."""
    page.goto(path.resolve().as_uri())
    page.wait_for(STABLE, timeout=60)
    state = json.loads(page.evaluate(STATE))
    if artifacts is not None and shot:
        page.screenshot(artifacts / shot)
    return state


def node_id(page, fullname: str) -> str:
    return page.evaluate(
        f"nodes.get({{filter: n => n.fullname === {json.dumps(fullname)}}})[0].id")


def hover(page, vis_id: str) -> None:
    """Move the real mouse over a node (vis only shows tooltips on real pointer events)."""
    x, y = page.evaluate(f"""(() => {{ const p = network.getPositions([{json.dumps(vis_id)}])
      [{json.dumps(vis_id)}]; const d = network.canvasToDOM(p);
      const r = document.getElementById('mynetwork').getBoundingClientRect();
      return [d.x + r.left, d.y + r.top]; }})()""")
    for dx in (8, 3, 0):
        page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y})


def test_focus_view_draws_every_node_and_edge_offline(page, tmp_path, artifacts):
    g = small_graph()
    out = tmp_path / "focus.html"
    res = R.viz(out, focus="lora-x", graph=g)
    state = open_view(page, out, artifacts, "viz-focus.png")
    assert state["data"] == [g.number_of_nodes(), g.number_of_edges()] == [res.nodes, res.edges]
    assert state["drawn"] == state["data"]
    assert state["s"]["physics"] is True
    assert page.evaluate("network.physics.physicsEnabled") is False  # stopped once stable
    assert page.evaluate(INKED) > 2000
    assert page.external_requests() == []
    assert page.exceptions == [] and page.console_errors == []
    # size by degree: the method (3 relationships) is drawn larger than GLUE (1)
    radius = "network.body.nodes[{}].shape.radius"
    m, d = node_id(page, "LoRA-X " + MARKER_IMG), node_id(page, "GLUE")
    assert page.evaluate(radius.format(json.dumps(m))) > page.evaluate(radius.format(json.dumps(d)))
    # colours and edge labels come from the schema
    assert page.evaluate(f"nodes.get({json.dumps(d)}).color.background") == \
        S.NODE_TYPES[S.DATASET].color
    assert sorted(page.evaluate("edges.get().map(e => e.label)")) == sorted(
        d["type"] for _, _, d in g.edges(data=True))
    legend = page.evaluate("[...document.querySelectorAll('#pkg-legend li')].map(l => "
                           "[l.querySelector('label').textContent.trim(), getComputedStyle("
                           "l.querySelector('.pkg-swatch')).backgroundColor])")
    labels = [S.PAPER, S.METHOD, S.DATASET, S.BENCHMARK, S.REPOSITORY]
    assert legend == [[label, rgb(S.NODE_TYPES[label].color)] for label in labels]


def rgb(hex_colour: str) -> str:
    """#rrggbb as the browser reports a computed colour."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_injected_markup_in_abstracts_shows_as_text_and_never_runs(page, tmp_path, artifacts):
    out = tmp_path / "hostile.html"
    R.viz(out, focus="lora-x", graph=small_graph())
    open_view(page, out)
    title = "LoRA for everyone " + ALERT_IMG
    paper = node_id(page, title)
    hover(page, paper)
    tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip'); "
                        "return t && t.style.visibility !== 'hidden' && t.textContent; })()",
                        timeout=10)
    assert title in tip and ALERT_SCRIPT in tip and MARKER_IMG in tip
    page.screenshot(artifacts / "viz-tooltip.png")
    # the method's tooltip shows the role and the (hostile) evidence sentence as text
    method = node_id(page, "LoRA-X " + MARKER_IMG)
    hover(page, method)
    tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip'); "
                        "return t && t.textContent.includes('introduced') && t.textContent; })()",
                        timeout=10)
    assert "<script>window.__pwned=2</script>" in tip
    # an edge's tooltip: role and evidence sentence, as text
    edge = page.evaluate("edges.get().find(e => e.rtype === 'INTRODUCES').id")
    x, y = page.evaluate(f"""(() => {{ const e = edges.get({json.dumps(edge)});
      const p = network.getPositions([e.from, e.to]);
      const d = network.canvasToDOM({{x: (p[e.from].x + p[e.to].x) / 2,
                                      y: (p[e.from].y + p[e.to].y) / 2}});
      const r = document.getElementById('mynetwork').getBoundingClientRect();
      return [d.x + r.left, d.y + r.top]; }})()""")
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 4, "y": y})
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    tip = page.wait_for("(() => { const t = document.querySelector('div.vis-tooltip'); "
                        "return t && t.textContent.startsWith('INTRODUCES') && t.textContent; "
                        "})()", timeout=10)
    assert "roleintroduced" in tip and "We introduce LoRA-X " + MARKER_SCRIPT in tip
    # click it: the side panel shows the same text, and search finds it
    assert page.evaluate(f"paperkgViz.find({json.dumps('lora for everyone')})") == [paper]
    panel = page.evaluate("document.getElementById('pkg-info').textContent")
    assert ALERT_IMG in panel and "We introduce LoRA-X" in panel
    page.evaluate("paperkgViz.find('Evaluating adapters')")
    panel_links = page.evaluate("[...document.querySelectorAll('#pkg-info a')].map(a => a.href)")
    assert panel_links == []  # its url is javascript:..., shown as text only
    assert "javascript:alert(3)" in page.evaluate(
        "document.getElementById('pkg-info').textContent")
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("window.__pwned === undefined && document.title") == \
        "paperkg: Method: LoRA-X " + MARKER_IMG + " (2 hops)"
    assert page.dialogs == []
    assert page.exceptions == []
    assert page.external_requests() == []


def test_search_type_filter_and_live_links(page, tmp_path):
    out = tmp_path / "ui.html"
    R.viz(out, focus="lora-x", graph=small_graph())
    state = open_view(page, out)
    total = state["drawn"][0]
    # the search box: type, press Enter
    page.evaluate("(() => { const s = document.getElementById('pkg-search'); s.value = 'glu'; "
                  "s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()")
    glue = node_id(page, "GLUE")
    assert page.evaluate("network.getSelectedNodes()") == [glue]
    assert page.evaluate("document.getElementById('pkg-found').textContent") == "1 match."
    page.evaluate("paperkgViz.find('no such node at all')")
    assert page.evaluate("document.getElementById('pkg-found').textContent").startswith(
        "No node matches")
    # the legend's checkbox hides a type, and brings it back
    box = "document.querySelector('#pkg-legend input[data-type=\"Paper\"]')"
    page.evaluate(f"{box}.click()")
    # two papers hidden; every relationship touches a paper, so none is drawn
    assert page.evaluate("paperkgViz.count()") == [total - 2, 0]
    page.evaluate(f"{box}.click()")
    assert page.evaluate("paperkgViz.count()")[0] == total
    # repository links are live in the panel: http(s) only, opened safely
    page.evaluate("paperkgViz.find('lorax')")
    links = page.evaluate("[...document.querySelectorAll('#pkg-info a')].map(a => "
                          "[a.href, a.rel, a.target])")
    assert links == [["https://github.com/acme/lorax", "noopener noreferrer", "_blank"]]
    assert page.external_requests() == [] and page.exceptions == []


def test_thousand_nodes_stabilise_quickly_with_python_layout(page, tmp_path, artifacts):
    g = synthetic_graph(1000)
    out = tmp_path / "big.html"
    res = R.viz(out, overview=True, papers=True, graph=g, max_nodes=1000)
    assert res.nodes == 1000
    state = open_view(page, out, artifacts, "viz-1000.png")
    assert state["s"]["physics"] is False
    assert state["drawn"] == state["data"] == [1000, g.number_of_edges()]
    assert page.evaluate("network.physics.physicsEnabled") is False
    assert page.evaluate(INKED) > 5000
    assert page.external_requests() == [] and page.exceptions == []
    print(f"\n1000 nodes: stable {state['s']['stableMs']} ms after navigation start")


def test_query_view_from_the_store(page, tmp_path, artifacts):
    from paperkg.graph.ladybug_store import write_graph

    db = tmp_path / "kg.lbug"
    write_graph(small_graph(), db)
    out = tmp_path / "q.html"
    res = R.viz(out, query="MATCH p=(a:Paper)-[:CITES]->(b:Paper)-[r]->(c) RETURN p", db=str(db))
    state = open_view(page, out, artifacts, "viz-query.png")
    # paper 2 cites paper 1, which introduces, is evaluated on and has code: 3 paths
    assert (res.nodes, res.edges) == (5, 4)
    assert state["drawn"] == [5, 4]


def test_real_seed_graph_overview_and_focus(page, seeds_graph, tmp_path, artifacts):
    g = seeds_graph  # built from ../shared/seeds once per session (tests/neo4j_server.py)
    out = tmp_path / "overview.html"
    res = R.viz(out, overview=True, graph=g, max_nodes=250)
    assert 100 < res.nodes <= 250 and "named by one paper only are not drawn" in res.message
    state = open_view(page, out, artifacts, "viz-seeds-overview.png")
    assert state["drawn"] == [res.nodes, res.edges]
    # entities only, coloured by community, with a community legend; nothing behind the bar
    assert S.PAPER not in set(page.evaluate("nodes.get().map(n => n.ptype)"))
    assert page.evaluate("document.querySelectorAll('#pkg-communities li').length") >= 3
    assert page.evaluate("""(() => { const bar = document.getElementById('pkg-bar')
      .getBoundingClientRect().right; const box = document.getElementById('mynetwork')
      .getBoundingClientRect(); return Object.values(network.getPositions()).every(p => {
      const d = network.canvasToDOM(p); return d.x + box.left >= bar; }); })()""")
    assert page.external_requests() == [] and page.exceptions == [] and page.dialogs == []
    # the busiest method, two hops, papers and benchmarks only
    method = max((k for k in g if g.nodes[k]["label"] == S.METHOD), key=g.degree)
    out = tmp_path / "focus.html"
    res = R.viz(out, focus=method, types="Paper,Method,Benchmark", max_nodes=80, graph=g)
    state = open_view(page, out, artifacts, "viz-seeds-focus.png")
    assert state["drawn"] == [res.nodes, res.edges]
    labels = set(page.evaluate("nodes.get().map(n => n.ptype)"))
    assert labels <= {S.PAPER, S.METHOD, S.BENCHMARK} and S.PAPER in labels
    assert page.evaluate("network.getSelectedNodes().length") == 1  # the focus is selected
    assert page.external_requests() == [] and page.exceptions == [] and page.dialogs == []
