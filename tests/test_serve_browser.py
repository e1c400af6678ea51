"""The explorer in a real headless Chromium against the real uvicorn server (tests/serving.py):
search for a seed paper, open it, go to an entity, expand the graph, run a library query; and
hostile titles never run. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from paperkg.graph import schema as S

pytestmark = pytest.mark.browser

READY = "document.readyState === 'complete'"
STABLE = "window.paperkgGraph && window.paperkgGraph.stable"
PWNED = "window.__pwned === undefined && document.title !== 'PWNED'"


def _local_only(page, base: str) -> None:
    """Every request the page made went to the explorer itself."""
    assert [u for u in page.requests if not u.startswith(base + "/")] == []
    assert page.exceptions == [] and page.console_errors == [] and page.dialogs == []
    assert page.log_errors == []  # no Content-Security-Policy violation, no failed load


def _navigate(page, action: str) -> None:
    """Run JavaScript that navigates (a click or a form submit) and wait for the next page."""
    page.loaded.clear()
    page.evaluate(action)
    assert page.loaded.wait(30), action
    page.wait_for(READY)


def _click_node(page, key: str) -> None:
    """Click a node of the graph view with the real mouse."""
    pos = page.evaluate(f"window.paperkgGraph.positionOf({json.dumps(key)})")
    box = page.evaluate("(() => { const r = document.getElementById('graph')"
                        ".getBoundingClientRect(); return [r.left, r.top]; })()")
    x, y = pos["x"] + box[0], pos["y"] + box[1]
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                               "button": "left", "clickCount": 1})


def test_search_paper_entity_graph_and_console(page, explorer_server, served_graph, artifacts):
    base = explorer_server.base
    g = served_graph
    page.goto(base + "/")
    page.wait_for(STABLE, timeout=60)
    shown = page.evaluate("window.paperkgGraph.nodes")
    assert shown > 50
    types = set(page.evaluate("window.paperkgNetwork.body.data.nodes.get()"
                              ".map(n => n.ptype)"))
    assert types and S.PAPER not in types
    # no node is drawn behind the side bar
    assert page.evaluate("""(() => { const side = document.querySelector('.side')
      .getBoundingClientRect().right; const box = document.getElementById('graph')
      .getBoundingClientRect(); const net = window.paperkgNetwork;
      return Object.values(net.getPositions()).every(p => net.canvasToDOM(p).x + box.left
      >= side); })()""")
    page.screenshot(artifacts / "serve-home.png")

    # search for a seed paper by its title, as a person would type it
    cited = [b for a, b, d in g.edges(data=True) if d.get("type") == S.CITES
             and g.nodes[b].get("label") == S.PAPER and not b.startswith("Paper:240")]
    key = max(set(cited), key=lambda k: (g.degree(k), k))
    title = g.nodes[key]["title"]
    # typing shows suggestions from the JSON API
    page.evaluate("document.getElementById('q').focus()")
    page.send("Input.insertText", {"text": title[:24]})
    page.wait_for("!document.getElementById('suggest').hidden", timeout=30)
    suggested = page.evaluate("[...document.querySelectorAll('#suggest a')]"
                              ".map(a => a.getAttribute('href'))")
    assert "/node?key=" + quote(key, safe="") in suggested
    page.screenshot(artifacts / "serve-suggest.png")
    _navigate(page, f"document.getElementById('q').value = {json.dumps(title)}; "
                    "document.querySelector('form.search').submit()")
    first = page.evaluate("document.querySelector('a.hit-link').getAttribute('href')")
    assert first == "/node?key=" + quote(key, safe="")
    page.screenshot(artifacts / "serve-search.png")
    _navigate(page, "document.querySelector('a.hit-link').click()")
    assert page.evaluate("document.getElementById('title').textContent") == title
    page.screenshot(artifacts / "serve-paper.png")

    # from the paper to one of its entities
    entity_href = page.evaluate("document.querySelector('table.entities a').getAttribute('href')")
    _navigate(page, "document.querySelector('table.entities a').click()")
    entity = entity_href.split("key=", 1)[1]
    from urllib.parse import unquote

    entity = unquote(entity)
    assert page.evaluate("document.getElementById('title').textContent") == \
        g.nodes[entity]["name"]
    page.screenshot(artifacts / "serve-entity.png")

    # its graph view, then open a neighbour: new nodes arrive from the JSON API
    _navigate(page, "document.querySelector('a.graph-link').click()")
    page.wait_for(STABLE, timeout=60)
    before = page.evaluate("window.paperkgGraph.nodes")
    ids = page.evaluate("window.paperkgNetwork.body.data.nodes.getIds()")
    others = [i for i in ids if i != entity]
    target = max(others, key=lambda k: (g.degree(k), k))
    _click_node(page, target)
    page.wait_for(f"window.paperkgGraph.expanded.indexOf({json.dumps(target)}) >= 0 && "
                  f"window.paperkgGraph.nodes > {before}", timeout=30)
    assert page.evaluate("document.getElementById('info').hidden") is False
    assert page.evaluate("document.querySelector('#info h2').textContent") == \
        g.nodes[target].get("title") or g.nodes[target].get("name")
    page.screenshot(artifacts / "serve-graph.png")

    # a library query from the console
    _navigate(page, "document.querySelector('nav a[href=\"/cypher\"]').click()")
    _navigate(page, "const s = document.getElementById('named'); s.value = 'top_datasets'; "
                    "s.dispatchEvent(new Event('change'))")
    assert page.evaluate("document.querySelector('.params input').name") == "p.limit"
    _navigate(page, "document.getElementById('run-named').click()")
    rows = page.evaluate("document.querySelectorAll('#console-result tbody tr').length")
    assert rows > 0
    page.screenshot(artifacts / "serve-console.png")
    _local_only(page, base)


def test_hostile_titles_never_run(page, explorer_server, artifacts):
    base = explorer_server.base
    for path in ("/node?key=" + quote("Paper:2401.00001", safe=""),
                 "/node?key=" + quote("Paper:2402.00002", safe=""),
                 "/node?key=" + quote("Method:lora-x", safe=""),
                 "/search?q=" + quote("LoRA-X <img src=x onerror=alert(1)>")):
        page.goto(base + path)
        page.wait_for(READY)
        assert page.evaluate(PWNED), path
        assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    page.screenshot(artifacts / "serve-hostile-entity.png")
    page.goto(base + "/graph?key=" + quote("Method:lora-x", safe=""))
    page.wait_for(STABLE, timeout=60)
    _click_node(page, "Paper:2401.00001")
    page.wait_for("window.paperkgGraph.expanded.indexOf('Paper:2401.00001') >= 0 && "
                  "!document.getElementById('info').hidden", timeout=30)
    heading = page.evaluate("document.querySelector('#info h2').textContent")
    assert "<img src=x onerror=alert(1)>" in heading  # shown as text
    assert page.evaluate(PWNED)
    page.screenshot(artifacts / "serve-hostile-graph.png")
    _local_only(page, base)
