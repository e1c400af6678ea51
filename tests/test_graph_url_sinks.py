"""URLs written with LaTeX or Markdown debris, on review hosts, account pages and bare project
pages reach the graph, the store and the exports as clean Repository and Link nodes."""

from __future__ import annotations

import json

import pytest

from paperkg.graph import schema as S
from paperkg.graph.pipeline import build_graph_from_paths
from tests.conftest import run_cli

PAPERS = [
    {"title": "Widget: Fast Widgets for Everyone",
     "abstract": "We propose Widget, a fast widget. Code is available at "
                 "\\href{https://github.com/acme/widget}{https://github.com/acme/widget}$ and "
                 "the anonymous code at https://anonymous.4open.science/r/Widget-1A2B/README.md."},
    {"title": "Gadget: Better Gadgets",
     "abstract": "We propose Gadget. Project page: gadget-lab.github.io/gadget. Code at "
                 "github.com/gadgetlab and [https://git.tu-berlin.de/rsim/gadget]"
                 "(https://git.tu-berlin.de/rsim/gadget)."},
]
REPOS = {
    "https://github.com/acme/widget": ("acme", "widget"),
    "https://anonymous.4open.science/r/Widget-1A2B": (None, "Widget-1A2B"),
    "https://github.com/gadgetlab": ("gadgetlab", None),
    "https://git.tu-berlin.de/rsim/gadget": ("rsim", "gadget"),
}


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    path = tmp_path_factory.mktemp("urls") / "papers.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAPERS), encoding="utf-8")
    return path


def test_graph_nodes_and_edges(listing):
    g = build_graph_from_paths([listing])
    repos = {d["id"]: (d["owner"], d["name"]) for _, d in g.nodes(data=True)
             if d["label"] == S.REPOSITORY}
    links = {d["id"] for _, d in g.nodes(data=True) if d["label"] == S.LINK}
    assert repos == REPOS
    assert links == {"https://gadget-lab.github.io/gadget"}
    has_code = [(u, v) for u, v, d in g.edges(data=True) if d["type"] == S.HAS_CODE]
    assert len(has_code) == 4 and len({u for u, _ in has_code}) == 2


def test_store_and_export(listing, tmp_path):
    db = tmp_path / "kg.lbug"
    r = run_cli("build", str(listing), "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "kg.graphml"
    r = run_cli("export", "--format", "graphml", "-o", str(out), "--db", str(db))
    assert r.returncode == 0, r.stderr
    import networkx as nx

    nodes = [d for _, d in nx.read_graphml(out).nodes(data=True)]
    repos = {d["id"] for d in nodes if d.get("label") == S.REPOSITORY}
    links = {d["id"] for d in nodes if d.get("label") == S.LINK}
    assert repos == set(REPOS) and links == {"https://gadget-lab.github.io/gadget"}
