"""viz selection and page assembly (no browser): focus, caps, query rows, escaping, CLI errors."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from paperkg.core.errors import UserError
from paperkg.graph import schema as S
from paperkg.viz import page as R
from paperkg.viz import select as V
from tests.vizgraphs import ALERT_IMG, ALERT_SCRIPT, MARKER_IMG, small_graph, star_graph


def test_resolve_prefers_key_then_id_then_name_then_alias_then_substring():
    g = small_graph()
    assert V.resolve_node(g, "Dataset:glue")[0] == "Dataset:glue"
    assert V.resolve_node(g, "2401.00001")[0] == "Paper:2401.00001"
    assert V.resolve_node(g, "mmlu")[0] == "Benchmark:mmlu"  # name, any case
    assert V.resolve_node(g, "low-rank x")[0] == "Method:lora-x"  # alias
    assert V.resolve_node(g, "adapters")[0] == "Paper:2402.00002"  # part of a title
    with pytest.raises(UserError, match="no node matches 'nothing-like-it'"):
        V.resolve_node(g, "nothing-like-it")
    with pytest.raises(UserError, match=r"no node matches 'Low-Rank Y'; did you mean Low-Rank X\?"):
        V.resolve_node(g, "Low-Rank Y")  # a near miss is offered the close names


def test_focus_hops_and_types():
    g = small_graph()
    one = V.focus_view(g, "lora-x", hops=1)
    assert set(one.graph) == {"Method:lora-x", "Paper:2401.00001", "Paper:2402.00002"}
    # the CITES edge between the two papers comes along: the view is induced
    assert one.graph.number_of_edges() == 3
    two = V.focus_view(g, "lora-x", hops=2)
    assert set(two.graph) == set(g)
    only = V.focus_view(g, "lora-x", hops=2, types="paper,METHOD")
    assert {V.node_label(only.graph, k) for k in only.graph} == {S.PAPER, S.METHOD}
    # the walk goes through allowed types only: GLUE -> paper 2 -> (CITES) paper 1
    assert set(V.focus_view(g, "glue", hops=3, types="Paper").graph) == {
        "Dataset:glue", "Paper:2402.00002", "Paper:2401.00001"}
    # and never through an excluded type: MMLU's only neighbour is a paper
    assert set(V.focus_view(g, "mmlu", hops=3, types="Dataset").graph) == {"Benchmark:mmlu"}
    assert two.focus == "Method:lora-x" and two.left_out == 0
    with pytest.raises(UserError, match="unknown node type 'Papers'"):
        V.focus_view(g, "glue", types="Papers")


def test_cap_keeps_the_most_connected_and_says_how_many_left_out():
    g = star_graph(20)
    view = V.focus_view(g, "Hub", hops=2, max_nodes=6)
    assert view.graph.number_of_nodes() == 6
    assert view.qualifying == g.number_of_nodes()
    assert view.left_out == g.number_of_nodes() - 6
    kept_papers = sorted(k for k in view.graph if k.startswith("Paper:"))
    # papers with three datasets (degree 4) win over the rest
    assert all(g.degree(k) == 4 for k in kept_papers) and kept_papers
    assert "Method:hub" in view.graph
    assert nx.is_weakly_connected(view.graph)


def test_overview_ranks_papers_and_entities_by_degree():
    g = small_graph()
    g.add_node("Source:abc", label=S.SOURCE, id="abc", name="listing.txt")
    for p in ("Paper:2401.00001", "Paper:2402.00002"):
        g.add_edge(p, "Source:abc", key=S.LISTED_IN, type=S.LISTED_IN, line=1)
    view = V.overview_view(g, max_nodes=3, papers=True)
    assert set(view.graph) == {"Paper:2401.00001", "Paper:2402.00002", "Method:lora-x"}
    assert view.left_out == 2  # GLUE and MMLU; Source and Repository never compete
    with pytest.raises(V.EmptyView, match="no connected papers or entities"):
        V.overview_view(nx.MultiDiGraph(), papers=True)
    with pytest.raises(V.EmptyView, match="no entities named by papers"):
        V.overview_view(nx.MultiDiGraph())


def _co_use_graph() -> nx.MultiDiGraph:
    """Six papers: A, B, C named together (one group), X and Y together (another), Z once."""
    g = nx.MultiDiGraph()
    names = {"a": "Alpha", "b": "Beta", "c": "Gamma", "x": "Xi", "y": "Psi", "z": "Zeta"}
    for id_, name in names.items():
        g.add_node(f"Method:{id_}", label=S.METHOD, id=id_, name=name, aliases=[])
    uses = {"p1": "abc", "p2": "abc", "p3": "ab", "p4": "xy", "p5": "xy", "p6": "z"}
    for pid, ents in uses.items():
        g.add_node(f"Paper:{pid}", label=S.PAPER, id=pid, title=f"Paper {pid}")
        for e in ents:
            g.add_edge(f"Paper:{pid}", f"Method:{e}", key=S.USES, type=S.USES)
    return g


def test_entity_overview_sizes_by_papers_colours_communities_and_leaves_out_papers():
    view = V.overview_view(_co_use_graph())
    # Zeta is named by one paper: it would float alone
    assert set(view.graph) == {"Method:a", "Method:b", "Method:c", "Method:x", "Method:y"}
    assert view.size == {"Method:a": 3, "Method:b": 3, "Method:c": 2, "Method:x": 2,
                         "Method:y": 2}
    assert view.left_out == 0 and view.qualifying == 5
    assert view.notes[-1] == "1 entities named by one paper only are not drawn"
    weights = {(a, b): d["papers"] for a, b, d in view.graph.edges(data=True)}
    assert weights[("Method:a", "Method:b")] == 3 and weights[("Method:x", "Method:y")] == 2
    assert {d["type"] for _, _, d in view.graph.edges(data=True)} == {S.CO_USED}
    # two communities, the larger first and named after its most used members
    assert [c.nodes for c in view.communities] == [3, 2]
    assert view.communities[0].name == "Alpha, Beta"
    assert view.community["Method:c"] == 0 and view.community["Method:x"] == 1
    with_papers = V.overview_view(_co_use_graph(), papers=True)
    assert any(k.startswith("Paper:") for k in with_papers.graph)
    page = R.render_html(view)
    assert "Alpha, Beta" in page and "CO_USED" in page


LADYBUG_ROWS = [
    [{"_ID": {"offset": 0, "table": 0}, "_LABEL": "Paper", "id": "p1", "title": "One",
      "name": None},
     {"_SRC": {"offset": 0, "table": 0}, "_DST": {"offset": 0, "table": 1}, "_LABEL": "USES",
      "_ID": {"offset": 0, "table": 2}, "evidence": "uses M"},
     {"_ID": {"offset": 0, "table": 1}, "_LABEL": "Method", "id": "m", "name": "M"}],
    [{"_NODES": [{"_ID": {"offset": 0, "table": 0}, "_LABEL": "Paper", "id": "p1"},
                 {"_ID": {"offset": 0, "table": 1}, "_LABEL": "Method", "id": "m"}],
      "_RELS": [{"_SRC": {"offset": 0, "table": 0}, "_DST": {"offset": 0, "table": 1},
                 "_LABEL": "USES", "_ID": {"offset": 0, "table": 2}, "evidence": "uses M"}]}],
    [{"_SRC": {"offset": 5, "table": 0}, "_DST": {"offset": 0, "table": 1}, "_LABEL": "USES",
      "_ID": {"offset": 9, "table": 2}}],
]

NEO4J_ROWS = [
    [{"_label": "Paper", "_key": "Paper:p1", "id": "p1", "title": "One"},
     {"_label": "CITES", "_src": "Paper:p1", "_dst": "Paper:p2", "kind": "uses",
      "source": "inferred", "evidence": "e"},
     {"_label": "Paper", "_key": "Paper:p2", "id": "p2", "title": "Two"}],
    [{"_nodes": [{"_label": "Paper", "_key": "Paper:p1", "id": "p1"},
                 {"_label": "Paper", "_key": "Paper:p2", "id": "p2"}],
      "_rels": [{"_label": "CITES", "_src": "Paper:p1", "_dst": "Paper:p2", "kind": "uses",
                 "source": "inferred", "evidence": "e"}]}],
]


def test_rows_from_both_engines_become_one_graph_each():
    g, dangling = V.graph_from_rows(LADYBUG_ROWS)
    assert sorted(g) == ["Method:m", "Paper:p1"]
    assert g.number_of_edges() == 1 and dangling == 1  # same rel twice; one without its nodes
    assert g.nodes["Paper:p1"]["title"] == "One" and "name" not in g.nodes["Paper:p1"]
    g, dangling = V.graph_from_rows(NEO4J_ROWS)
    assert sorted(g) == ["Paper:p1", "Paper:p2"] and dangling == 0
    assert list(g.edges(keys=True)) == [("Paper:p1", "Paper:p2", "CITES|inferred")]


def test_query_view_empty_and_scalar_results_are_clear_errors():
    with pytest.raises(V.EmptyView, match="returned no rows"):
        V.query_view(["n"], [], "MATCH (n) RETURN n")
    with pytest.raises(V.EmptyView, match="2 row"):
        V.query_view(["t"], [["a"], ["b"]], "MATCH (n) RETURN n.title")
    with pytest.raises(V.EmptyView, match="RETURN a, r, b"):
        V.query_view(["r"], [LADYBUG_ROWS[2]], "MATCH ()-[r]->() RETURN r")


def test_urls_only_http_and_https():
    assert R.safe_url("https://github.com/a/b") == "https://github.com/a/b"
    assert R.safe_url("http://x.org/p?q=1") == "http://x.org/p?q=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>",
                "//evil.org/x", "https://a b", "ftp://x.org", "https:///nohost", "", None, 3):
        assert R.safe_url(bad) is None, bad


def test_first_sentence():
    assert R.first_sentence("We do A. Then B.") == "We do A."
    assert R.first_sentence("e.g. we do it, i.e. well") == "e.g. we do it, i.e. well"
    assert len(R.first_sentence("x" * 1000)) == 300


def _page_data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="paperkg-data">(.*?)</script>',
                    page, re.S).group(1)
    return json.loads(raw)


def test_page_is_offline_escaped_and_schema_coloured():
    page = R.render_html(V.focus_view(small_graph(), "lora-x", hops=2))
    assert R.external_references(page) == []
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=", page, re.I)
    assert not re.search(r"bootstrap|jsdelivr|cdnjs|cloudflare|unpkg", page, re.I)
    for hostile in (ALERT_IMG, ALERT_SCRIPT, MARKER_IMG, "<img", "onerror=\"document"):
        assert hostile not in page
    raw = re.search(r'id="paperkg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert R.script_json({"a": "</script><b>&\u2028"}) == \
        '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}'
    data = _page_data(page)
    assert {e["label"]: e["color"] for e in data["legend"]} == {
        label: S.NODE_TYPES[label].color
        for label in (S.PAPER, S.METHOD, S.DATASET, S.BENCHMARK, S.REPOSITORY)}
    assert data["expected"] == {"nodes": 6, "edges": 6}
    paper = next(i for i in data["nodeInfo"].values() if i["heading"].startswith("LoRA for"))
    lines = dict(map(tuple, paper["lines"]))
    assert lines["abstract"].startswith("We introduce LoRA-X, a method <img src=x")
    assert "second sentence" not in lines["abstract"]
    assert paper["links"] == [["https://arxiv.org/abs/2401.00001",
                               "https://arxiv.org/abs/2401.00001"]]
    other = next(i for i in data["nodeInfo"].values() if i["heading"] == "Evaluating adapters")
    assert other["links"] == []  # javascript: is shown as text, never as a link
    method = next(i for i in data["nodeInfo"].values() if i["kind"] == S.METHOD)
    assert method["rels"][0]["role"] == "introduced"
    assert "We introduce LoRA-X" in method["rels"][0]["evidence"]
    edge_kinds = sorted(i["kind"] for i in data["edgeInfo"].values())
    assert edge_kinds == sorted(["INTRODUCES", "USES", "EVALUATED_ON", "EVALUATED_ON",
                                 "HAS_CODE", "CITES"])
    # a big view gets positions from Python and no physics in the browser
    big = R.render_html(V.focus_view(star_graph(200), "Hub", hops=2, max_nodes=400))
    assert _page_data(big)["physics"] is False and '"physics": {"enabled": false' in big


def test_viz_api_writes_atomically_and_keeps_old_file_on_failure(tmp_path):
    out = tmp_path / "v.html"
    res = R.viz(out, focus="GLUE", hops=1, graph=small_graph())
    assert res.nodes == 2 and res.edges == 1 and out.read_text().startswith("<html>")
    before = out.read_bytes()
    with pytest.raises(UserError):
        R.viz(out, focus="not there", graph=small_graph())
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.html"]  # no temp file left
    res = R.viz(tmp_path / "cap.html", focus="Hub", max_nodes=5, graph=star_graph(12))
    assert res.left_out == star_graph(12).number_of_nodes() - 5
    assert f"left out {res.left_out} of" in res.message
    with pytest.raises(UserError, match="exactly one"):
        R.viz(out, focus="x", overview=True, graph=small_graph())
    with pytest.raises(UserError, match=".html"):
        R.viz(tmp_path / "v.txt", overview=True, graph=small_graph())


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    from paperkg.graph.ladybug_store import write_graph

    db = tmp_path_factory.mktemp("vizstore") / "kg.lbug"
    write_graph(small_graph(), db)
    return db


def test_cli_focus_query_overview_on_a_real_store(cli, small_store, tmp_path):
    out = tmp_path / "f.html"
    r = cli("viz", "--focus", "lora-x", "-o", str(out), "--db", str(small_store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out}: 6 nodes, 6 relationships"
    r = cli("viz", "--query", "MATCH p=(a:Paper)-[:USES|EVALUATED_ON]->(b) RETURN p",
            "-o", str(tmp_path / "q.html"), "--db", str(small_store))
    assert r.returncode == 0, r.stderr
    assert "5 nodes, 3 relationships" in r.stdout
    r = cli("viz", "--query", "MATCH (p:Paper) WHERE p.id = $id RETURN p", "-p", "id=2402.00002",
            "-o", str(tmp_path / "one.html"), "--db", str(small_store))
    assert r.returncode == 0 and "1 node, 0 relationships" in r.stdout, r.stderr
    r = cli("viz", "--overview", "--papers", "--max-nodes", "2", "-o", str(tmp_path / "o.html"),
            "--db", str(small_store))
    assert r.returncode == 0, r.stderr
    assert "2 nodes" in r.stdout and "left out 3 of 5 matching nodes" in r.stdout
    r = cli("viz", "--overview", "-o", str(tmp_path / "e.html"), "--db", str(small_store))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"wrote {tmp_path / 'e.html'}: 1 node, 0 relationships")


@pytest.mark.parametrize("args, message, code", [
    (["--query", "MATCH (p:Paper) WHERE p.id = 'none' RETURN p"],
     "nothing to draw: the query returned no rows", 3),
    (["--query", "MATCH (p:Paper) RETURN p.title"], "but no nodes or paths", 3),
    (["--query", "MATCH (p:Paper RETURN p"], "query failed", 1),
    (["--focus", "no such thing"], "no node matches 'no such thing'", 1),
    (["--focus", "glue", "--types", "Paper,Gadget"], "unknown node type 'Gadget'", 1),
    (["--overview", "--focus", "glue"], "choose exactly one", 1),
    (["--overview", "--neo4j"], "--neo4j applies to --query only", 1),
    (["--focus", "glue", "--papers"], "--papers goes with --overview", 1),
])
def test_cli_bad_input_is_one_line_and_writes_nothing(cli, small_store, tmp_path, args, message,
                                                      code):
    out = tmp_path / "bad.html"
    r = cli("viz", *args, "-o", str(out), "--db", str(small_store))
    assert r.returncode == code, r.stderr
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli_missing_store_and_folder(cli, tmp_path):
    r = cli("viz", "--overview", "-o", str(tmp_path / "x.html"), "--db", str(tmp_path / "no.lbug"))
    assert r.returncode == 1 and "no store at" in r.stderr
    r = cli("viz", "--overview", "-o", str(tmp_path / "nowhere" / "x.html"))
    assert r.returncode == 1 and "does not exist" in r.stderr


EMBEDDED_AND_NEO4J_QUERY = ("MATCH p=(a:Paper)-[:CITES]->(b:Paper)-[r]->(c) "
                            "WHERE c.id <> 'github.com/acme/lorax' RETURN p")


@pytest.mark.neo4j
def test_query_on_neo4j_draws_what_the_embedded_store_draws(cli, small_store, neo4j_settings,
                                                            tmp_path):
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.neo4j_store import load_neo4j, run_cypher

    load_neo4j(small_graph(), neo4j_settings)
    embedded = V.query_view(*query(EMBEDDED_AND_NEO4J_QUERY, db=small_store),
                            EMBEDDED_AND_NEO4J_QUERY)
    remote = V.query_view(*run_cypher(EMBEDDED_AND_NEO4J_QUERY, {}, neo4j_settings),
                          EMBEDDED_AND_NEO4J_QUERY)
    assert sorted(remote.graph) == sorted(embedded.graph) == [
        "Benchmark:mmlu", "Method:lora-x", "Paper:2401.00001", "Paper:2402.00002"]
    assert sorted(remote.graph.edges(keys=True)) == sorted(embedded.graph.edges(keys=True))
    out = tmp_path / "neo.html"
    s = neo4j_settings
    r = cli("viz", "--query", EMBEDDED_AND_NEO4J_QUERY, "--neo4j", "--uri", s.uri, "--user",
            s.user, "--password", s.password, "--database", s.database, "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out}: 4 nodes, 3 relationships"
    r = cli("viz", "--query", "MATCH (n:Paper {id: 'none'}) RETURN n", "--neo4j", "--uri", s.uri,
            "--user", s.user, "--password", s.password, "-o", str(tmp_path / "none.html"))
    assert r.returncode == 3 and "returned no rows" in r.stderr
    assert not (tmp_path / "none.html").exists()


def test_python_api_verb_is_draw_and_the_package_is_a_plain_package(tmp_path):
    import types

    import paperkg
    import paperkg.viz.page

    assert type(paperkg.viz) is types.ModuleType and paperkg.draw is paperkg.viz.page.viz
    res = paperkg.draw(tmp_path / "api.html", focus="GLUE", hops=1, graph=small_graph())
    assert (res.nodes, res.edges) == (2, 1) and (tmp_path / "api.html").is_file()
