"""Loading into a real Neo4j 5 server and asking the library there (one server per session)."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from paperkg.core.errors import UserError
from paperkg.cypher import library as L
from paperkg.graph import schema as S
from paperkg.graph.neo4j_store import (
    Neo4jSettings,
    connect,
    drop_schema,
    load_neo4j,
    run_cypher,
    schema_statements,
)

pytestmark = pytest.mark.neo4j


def _contents(settings: Neo4jSettings) -> tuple[dict, dict]:
    """Every node (by key) and relationship (by (src, dst, key)) stored in Neo4j."""
    _, rows = run_cypher("MATCH (n) RETURN n", {}, settings)
    nodes = {r[0]["_key"]: r[0] for r in rows}
    _, rows = run_cypher("MATCH ()-[e]->() RETURN e", {}, settings)
    rels = {}
    for (e,) in rows:
        key = e["_label"] + (f"|{e['source']}" if e["_label"] == S.CITES else "")
        rels[(e["_src"], e["_dst"], key)] = e
    return nodes, rels


def _expected(G: nx.MultiDiGraph) -> tuple[dict, dict]:
    """The graph's nodes and relationships in the normalised shape (None for missing props)."""
    nodes = {}
    for key, d in G.nodes(data=True):
        nt = S.NODE_TYPES[d["label"]]
        nodes[key] = {"_label": d["label"], "_key": key,
                      **{p: _norm(d.get(p)) for p in nt.prop_names}}
    rels = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        rt = S.REL_TYPES[d["type"]]
        rels[(u, v, k)] = {"_label": d["type"], "_src": u, "_dst": v,
                           **{p: _norm(d.get(p)) for p in rt.prop_names}}
    return nodes, rels


def _norm(value):
    return list(value) if isinstance(value, tuple) else value


def test_load_stores_exactly_the_graph_and_twice_changes_nothing(neo4j_seeds_report, seeds_graph):
    """The load of the seeds graph into an emptied database (the one the `neo4j_seeds` readers
    share: it stores every node and relationship as the graph has it), then a second load of it,
    which creates nothing and leaves the contents as they were (so the readers' graph stays)."""
    neo4j_settings, report = neo4j_seeds_report
    assert report.nodes == report.nodes_created == seeds_graph.number_of_nodes()
    assert report.relationships == report.relationships_created == seeds_graph.number_of_edges()
    got_nodes, got_rels = _contents(neo4j_settings)
    want_nodes, want_rels = _expected(seeds_graph)
    assert got_nodes == want_nodes
    assert got_rels == want_rels
    again = load_neo4j(seeds_graph, neo4j_settings)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert _contents(neo4j_settings) == (got_nodes, got_rels)


def test_a_store_loads_from_its_tables_as_its_graph_would(neo4j_settings, seeds_store):
    """`load neo4j --db` reads the store's tables (no networkx graph): the same rows as the graph
    the store reads back, and the same nodes, relationships and properties in Neo4j."""
    from paperkg.graph.counters import fill_counters
    from paperkg.graph.ladybug_store import load_graph
    from paperkg.graph.neo4j_store import _node_query, _rel_query, graph_rows, store_rows

    G = load_graph(seeds_store)
    fill_counters(G)
    nodes, rels = graph_rows(G)
    tables = store_rows(seeds_store)
    assert tables is not None  # the fast path is taken for a store the build wrote
    for got, want, columns in ((tables[0], nodes, lambda k: _node_query(k)[1]),
                               (tables[1], rels, lambda k: _rel_query(*k)[1])):
        assert set(got) == set(want)
        for name, (table, lists) in got.items():
            cols = columns(name)
            assert table.column_names == cols
            rows = Counter(repr([v if v is not None or i not in lists else [] for i, v in
                                 enumerate(r.values())]) for r in table.to_pylist())
            assert rows == Counter(repr([r[c] for c in cols]) for r in want[name]), name
    # a new database (no constraints yet): nodes first, then the constraints and indexes
    drop_schema(neo4j_settings)
    report = load_neo4j(seeds_store, neo4j_settings, batch_size=200, writers=2)
    assert report.relationships_created == G.number_of_edges()
    assert report.constraints == len(schema_statements())
    assert _contents(neo4j_settings) == _expected(G)
    _, rows = run_cypher("SHOW INDEXES YIELD name RETURN name", {}, neo4j_settings)
    assert {r[0] for r in rows} >= {st.split()[2] for st in schema_statements()}


def test_many_writers_with_small_batches_store_exactly_the_graph(neo4j_settings, seeds_graph):
    """Four sessions writing 50-row batches at once (relationships of one paper or entity in
    batches written side by side, so some wait for or deadlock on the other's node locks and
    are retried): the same nodes, relationships and properties as the graph."""
    report = load_neo4j(seeds_graph, neo4j_settings, batch_size=50, writers=4)
    assert report.relationships_created == seeds_graph.number_of_edges()
    assert _contents(neo4j_settings) == _expected(seeds_graph)


def test_constraints_and_indexes_come_from_the_schema(neo4j_seeds):
    _, rows = run_cypher("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                         "RETURN labelsOrTypes[0] AS l, properties[0] AS p, type AS t",
                         {}, neo4j_seeds)
    unique = {(r[0], r[1]) for r in rows if r[2] == "UNIQUENESS"}
    assert unique == {(label, nt.key) for label, nt in S.NODE_TYPES.items()}
    _, rows = run_cypher("SHOW INDEXES YIELD name RETURN name", {}, neo4j_seeds)
    names = {r[0] for r in rows}
    for statement in schema_statements():
        assert statement.split()[2] in names


def test_overlapping_loads_add_only_what_is_new(neo4j_settings, seeds_graph):
    edges = list(seeds_graph.edges(keys=True))
    cut_a, cut_b = int(len(edges) * 0.6), int(len(edges) * 0.4)
    first = seeds_graph.edge_subgraph(edges[:cut_a]).copy()
    second = seeds_graph.edge_subgraph(edges[cut_b:]).copy()
    second.add_nodes_from((n, seeds_graph.nodes[n]) for n in nx.isolates(seeds_graph))
    a = load_neo4j(first, neo4j_settings, batch_size=97)  # many small transactions
    b = load_neo4j(second, neo4j_settings)
    assert a.relationships_created == cut_a
    assert b.relationships_created == len(edges) - cut_a
    assert b.nodes_created == len(set(second) - set(first))
    got_nodes, got_rels = _contents(neo4j_settings)
    assert set(got_nodes) == set(seeds_graph) and set(got_rels) == set(edges)


def test_a_later_load_keeps_values_it_does_not_carry(neo4j_seeds_changed, seeds_graph):
    neo4j_settings = neo4j_seeds_changed  # the seeds graph loaded, to change here
    key, data = next((k, d) for k, d in seeds_graph.nodes(data=True) if d["label"] == S.PAPER)
    partial = nx.MultiDiGraph()
    partial.add_node(key, label=S.PAPER, id=data["id"], title=None, venue="Some Venue")
    load_neo4j(partial, neo4j_settings)
    _, rows = run_cypher("MATCH (p:Paper {id: $id}) RETURN p.title AS t, p.venue AS v",
                         {"id": data["id"]}, neo4j_settings)
    assert rows == [[data["title"], "Some Venue"]]


def test_listing_text_is_data_never_query_text(neo4j_settings):
    nasty = "x'}) MATCH (n) DETACH DELETE n //\"`$rows"
    g = nx.MultiDiGraph()
    g.add_node(S.node_key(S.PAPER, nasty), label=S.PAPER, id=nasty, title="{{ENTITY}} $limit")
    g.add_node(S.node_key(S.PAPER, "ok"), label=S.PAPER, id="ok", title="fine")
    g.add_edge(S.node_key(S.PAPER, "ok"), S.node_key(S.PAPER, nasty), key="CITES|inferred",
               type=S.CITES, source="inferred", evidence="') RETURN 1 //")
    load_neo4j(g, neo4j_settings)
    nodes, rels = _contents(neo4j_settings)
    assert nodes[S.node_key(S.PAPER, nasty)]["title"] == "{{ENTITY}} $limit"
    assert len(nodes) == 2 and len(rels) == 1
    _, rows = L.ask("cited_by", {"paper": nasty}, neo4j=neo4j_settings)
    assert [r[0] for r in rows] == ["ok"]


def _params_for(G: nx.MultiDiGraph) -> dict[str, dict]:
    """Parameters that give every library query a non-trivial answer on the seeds graph."""
    def busiest(edge_types, end="dst", labels=None):
        c = Counter()
        for u, v, d in G.edges(data=True):
            n = v if end == "dst" else u
            if d["type"] in edge_types and (labels is None or G.nodes[n]["label"] in labels):
                c[n] += 1
        return c.most_common(1)[0][0].split(":", 1)[1]

    entity_rels = set(L.macros()["MENTION_RELS"].split("|"))
    cites = [(u, v) for u, v, d in G.edges(data=True) if d["type"] == S.CITES]
    owners = Counter(d.get("owner") for _, d in G.nodes(data=True)
                     if d["label"] == S.REPOSITORY and d.get("owner"))
    return {
        "papers_on_benchmark": {"benchmark": busiest({S.EVALUATED_ON})},
        "paper_introduces": {"paper": busiest({S.INTRODUCES}, "src")},
        "shared_entities": {"paper": busiest(entity_rels, "src")},
        "co_used_entities": {"entity": busiest(entity_rels)},
        "inferred_references": {"paper": busiest({S.CITES}, "src")},
        "cited_by": {"paper": busiest({S.CITES})},
        "neighbourhood": {"entity": busiest(entity_rels), "depth": 2, "limit": 100_000},
        "shortest_path": {"source": cites[0][0].split(":", 1)[1],
                          "target": cites[-1][1].split(":", 1)[1], "limit": 1000},
        "repos_by_owner": {"owner": owners.most_common(1)[0][0]},
        "papers_with_code": {"limit": 100_000},
        "top_datasets": {"limit": 100_000},
        "entities_by_introducers": {"limit": 100_000},
        "most_cited": {"limit": 100_000},
        "top_repo_owners": {"limit": 100_000},
        "leaderboard": {"benchmark": busiest({S.MEASURED_ON}), "limit": 100_000},
        "paper_results": {"paper": busiest({S.REPORTS_RESULT}, "src")},
    }


def test_every_library_query_answers_the_same_on_both_engines(neo4j_seeds, seeds_graph,
                                                               seeds_store):
    params = _params_for(seeds_graph)
    queries = L.list_queries()
    assert {q.name for q in queries} <= set(params), "give new queries parameters here"
    for q in queries:
        embedded = L.ask(q.name, params[q.name], db=seeds_store)
        on_neo4j = L.ask(q.name, params[q.name], neo4j=neo4j_seeds)
        assert embedded[1], f"{q.name} found nothing: pick better parameters"
        assert embedded == on_neo4j, q.name


def test_run_cypher_normalises_nodes_relationships_and_paths(neo4j_seeds):
    cols, rows = run_cypher(
        "MATCH p = (a:Paper)-[r:CITES]->(b:Paper) RETURN a, r, p, b.id AS id LIMIT 1",
        {}, neo4j_seeds)
    assert cols == ["a", "r", "p", "id"]
    a, r, p, id_ = rows[0]
    assert a["_label"] == S.PAPER and a["_key"] == S.node_key(S.PAPER, a["id"])
    assert r["_label"] == S.CITES and r["_src"] == a["_key"]
    assert r["_dst"] == S.node_key(S.PAPER, id_)
    assert [n["_key"] for n in p["_nodes"]] == [r["_src"], r["_dst"]] and p["_rels"] == [r]
    # A relationship returned without its end nodes still names them.
    _, rows = run_cypher("MATCH ()-[r:CITES]->() RETURN r LIMIT 1", {}, neo4j_seeds)
    assert rows[0][0]["_src"].startswith("Paper:") and rows[0][0]["_dst"].startswith("Paper:")


def test_routing_uri_works(neo4j_server, neo4j_settings, seeds_graph):
    """A load and a library query over a routing URI (neo4j://). The seeds' CITES edges and
    their papers are enough for both: the whole graph's load is checked over bolt:// above."""
    routed = Neo4jSettings(f"neo4j://127.0.0.1:{neo4j_server.port}", neo4j_server.user,
                           neo4j_server.password, "neo4j")
    cites = seeds_graph.edge_subgraph(
        e for e in seeds_graph.edges(keys=True) if seeds_graph.edges[e]["type"] == S.CITES)
    assert cites.number_of_edges() > 0
    report = load_neo4j(cites.copy(), routed)
    assert report.relationships_created == cites.number_of_edges()
    assert report.nodes_created == cites.number_of_nodes()
    assert L.ask("most_cited", {"limit": 3}, neo4j=routed)[1]


def test_connection_problems_are_user_errors(neo4j_server):
    good = dict(uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    with pytest.raises(UserError, match="wrong user or password"):
        connect(Neo4jSettings(**{**good, "password": "wrong"}))
    with pytest.raises(UserError, match="has no database 'nowhere'"):
        connect(Neo4jSettings(**good, database="nowhere"))
    with pytest.raises(UserError, match="cannot reach"):
        connect(Neo4jSettings(**{**good, "uri": "bolt://127.0.0.1:9"}))
    with pytest.raises(UserError, match="bad Neo4j URI"):
        connect(Neo4jSettings(**{**good, "uri": "http://127.0.0.1:7474"}))


def test_cli_load_and_ask_on_neo4j(cli, neo4j_server, neo4j_settings, seeds_store, seeds_graph,
                                   tmp_path):
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.user,
           "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": "neo4j"}
    out = cli("load", "neo4j", "--db", str(seeds_store), "--json", env=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["relationships_created"] == seeds_graph.number_of_edges()
    out = cli("load", "neo4j", "--db", str(seeds_store), env=env)
    assert out.returncode == 0 and "(0 new)" in out.stdout, out.stdout + out.stderr
    out = cli("ask", "most_cited", "--param", "limit=2", "--neo4j", "--format", "json", env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(
        cli("ask", "most_cited", "--param", "limit=2", "--format", "json", "--db",
            str(seeds_store)).stdout)


@pytest.mark.parametrize("extra, message", [
    (["--password", "wrong"], "wrong user or password"),
    (["--database", "nowhere"], "has no database 'nowhere'"),
    (["--uri", "bolt://127.0.0.1:9"], "cannot reach Neo4j"),
])
def test_cli_load_errors_are_one_line(cli, neo4j_server, seeds_store, extra, message):
    args = ["load", "neo4j", "--db", str(seeds_store), "--uri", neo4j_server.uri,
            "--password", neo4j_server.password, *extra]
    out = cli(*args)
    assert out.returncode == 1
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr

