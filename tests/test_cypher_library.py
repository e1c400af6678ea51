"""The named query library on the embedded store: headers, dialect rewrites, answers, CLI."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from paperkg.core.errors import UserError
from paperkg.cypher import library as L
from paperkg.graph import schema as S
from paperkg.graph.neo4j_store import schema_script

ISSUE_QUESTIONS = {  # every question issue 4 asks for, answered by at least these queries
    "papers_on_benchmark", "top_datasets", "paper_introduces", "papers_with_code",
    "shared_entities", "co_used_entities", "inferred_references", "cited_by", "most_cited",
    "neighbourhood", "shortest_path", "entities_by_introducers", "repos_by_owner",
}


# --- headers and schema ----------------------------------------------------------------------

def test_library_has_every_question_with_a_description():
    queries = {q.name: q for q in L.list_queries()}
    assert ISSUE_QUESTIONS <= set(queries)
    for q in queries.values():
        assert q.description and len(q.description) < 110 and "\n" not in q.description
        assert q.path.read_text().startswith("// description: ")


def test_every_parameter_is_declared_and_used_and_nothing_is_spliced():
    for q in L.list_queries():
        declared = {p.name for p in q.params}
        derived = {name for name, _ in q.derived}
        text = "\n".join([q.text, *(first for _, first in q.derived)])
        in_text = set(re.findall(r"\$(\w+)", text))
        templated = set(re.findall(r"\{\{\s*(\w+)\s*\}\}", text)) - set(L.macros())
        sorted_here = {"limit"} if q.sort_rows else set()
        assert in_text | templated | sorted_here == declared | derived, q.name
        assert not derived & declared, q.name
        for name in templated - derived:  # only ranged ints may be written into the text
            p = next(p for p in q.params if p.name == name)
            assert p.type == "int" and p.low is not None and p.high is not None, (q.name, name)
        assert "'" not in text and '"' not in text, f"{q.name}: literals belong in params"


def test_labels_types_and_properties_in_queries_exist_in_the_schema():
    labels, types = set(S.NODE_TYPES), set(S.REL_TYPES)
    props = {p for nt in S.NODE_TYPES.values() for p in nt.prop_names}
    props |= {p for rt in S.REL_TYPES.values() for p in rt.prop_names}
    for q in L.list_queries():
        text = L.expand("\n".join([q.text, *(first for _, first in q.derived)]), q,
                        L.bind(q, _some_params(q)))
        for group in re.findall(r"\(\w*:([\w|]+)", text):
            assert set(group.split("|")) <= labels, (q.name, group)
        for group in re.findall(r"\[\w*:([\w|]+)", text):
            assert set(group.split("|")) <= types, (q.name, group)
        for prop in re.findall(r"\b[a-z]\w*\.([a-z_]+)\b", text):
            assert prop in props, (q.name, prop)


def test_schema_cypher_is_generated_from_the_schema_module():
    text = (L.HERE / "schema.cypher").read_text()
    assert text == schema_script()
    for label, nt in S.NODE_TYPES.items():
        assert f"FOR (n:{label}) REQUIRE n.{nt.key} IS UNIQUE" in text


def test_macros_come_from_the_schema():
    m = L.macros()
    assert m["ENTITY"].split("|") == list(S.ENTITY_LABELS)
    assert S.INTRODUCES in m["MENTION_RELS"].split("|")
    assert S.INTRODUCES not in m["USE_RELS"].split("|")
    assert S.LISTED_IN not in m["GRAPH_RELS"] and S.CITES in m["GRAPH_RELS"]


# --- parameters ------------------------------------------------------------------------------

def test_parameters_are_typed_defaulted_and_checked():
    q = L.get_query("neighbourhood")
    assert L.bind(q, {"entity": "bert"}) == {"entity": "bert", "depth": 2, "limit": 200}
    assert L.bind(q, {"entity": 2401.5, "depth": "3"})["entity"] == "2401.5"
    with pytest.raises(UserError, match="needs --param entity"):
        L.bind(q, {})
    with pytest.raises(UserError, match="between 1 and 3"):
        L.bind(q, {"entity": "x", "depth": 4})
    with pytest.raises(UserError, match="must be int"):
        L.bind(q, {"entity": "x", "depth": "2; MATCH (n) DETACH DELETE n"})
    with pytest.raises(UserError, match="takes no parameter 'colour'"):
        L.bind(q, {"entity": "x", "colour": "red"})
    with pytest.raises(UserError, match="did you mean most_cited"):
        L.get_query("most_cted")


def test_only_ranged_ints_are_written_into_the_text():
    text, params = L.prepare("neighbourhood", {"entity": "x'}) DETACH DELETE n //", "depth": 3},
                             L.NEO4J)
    assert "WHERE 3 >= 3" in text and "LIMIT 200" in text and "DETACH" not in text
    assert params == {"entity": "x'}) DETACH DELETE n //"}  # depth and limit: ranged ints


# --- the dialect layer -----------------------------------------------------------------------

@pytest.mark.parametrize("neo4j, ladybug", [
    ("RETURN type(r) AS t", "RETURN label(r) AS t"),
    ("RETURN head(labels(n)) AS l", "RETURN label(n) AS l"),
    ("RETURN labels(n) AS ls", "RETURN [label(n)] AS ls"),
    ("MATCH p = shortestPath((a)-[:CITES*1..5]-(b)) RETURN p",
     "MATCH p = (a)-[:CITES* SHORTEST 1..5]-(b) RETURN p"),
    ("MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN p",
     "MATCH p = (a)-[* ALL SHORTEST 1..4]-(b) RETURN p"),
    ("RETURN [x IN xs | x.id] AS ids", "RETURN list_transform(xs, x -> x.id) AS ids"),
    ("RETURN [x IN xs WHERE x > 1] AS big", "RETURN list_filter(xs, x -> x > 1) AS big"),
    ("RETURN [x IN xs WHERE x > 1 | x * 2] AS d",
     "RETURN list_transform(list_filter(xs, x -> x > 1), x -> x * 2) AS d"),
    ("MATCH (n:Paper|Method) RETURN count(n) AS c", "MATCH (n:Paper|Method) RETURN count(n) AS c"),
])
def test_dialect_rewrites(neo4j, ladybug):
    assert L.to_dialect(neo4j, L.EMBEDDED)[0] == ladybug
    assert L.to_dialect(neo4j, L.NEO4J)[0] == neo4j


def test_set_plus_map_becomes_one_set_per_key():
    text, params = L.to_dialect("MATCH (n:Paper {id: $id}) SET n += $props", L.EMBEDDED,
                                {"id": "p", "props": {"venue": "ICML", "authors": 3}})
    assert text == ("MATCH (n:Paper {id: $id}) "
                    "SET n.venue = $props__venue, n.authors = $props__authors")
    assert params["props__venue"] == "ICML" and params["props__authors"] == 3
    with pytest.raises(UserError, match="not a property name"):
        L.to_dialect("SET n += $m", L.EMBEDDED, {"m": {"a b": 1}})


def test_call_subqueries_are_refused_on_the_embedded_store():
    with pytest.raises(UserError, match="CALL"):
        L.to_dialect("CALL { MATCH (n) RETURN n } RETURN 1", L.EMBEDDED)


def test_rewritten_constructs_run_on_the_embedded_store(seeds_store):
    cols, rows = L.run_embedded(
        "MATCH (p:Paper)-[r:INTRODUCES]->(e) RETURN type(r) AS t, head(labels(e)) AS l, "
        "labels(p) AS ls, [x IN [1, 2, 3] WHERE x > 1 | x * 10] AS xs LIMIT 1", db=seeds_store)
    assert cols == ["t", "l", "ls", "xs"]
    assert rows[0][0] == "INTRODUCES" and rows[0][1] in S.ENTITY_LABELS
    assert rows[0][2] == ["Paper"] and rows[0][3] == [20, 30]


# --- answers on the real seeds ---------------------------------------------------------------

def _some_params(q):
    return {p.name: ("x" if p.type == "str" else p.default) for p in q.params if p.required}


def test_most_cited_matches_the_graph(seeds_graph, seeds_store):
    citing: dict[str, set] = {}
    for u, v, d in seeds_graph.edges(data=True):
        if d["type"] == S.CITES:
            citing.setdefault(v.split(":", 1)[1], set()).add(u)
    cols, rows = L.ask("most_cited", {"limit": 1000}, db=seeds_store)
    assert cols == ["paper", "title", "cited_by"]
    assert {r[0]: r[2] for r in rows} == {k: len(v) for k, v in citing.items()}
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)


#: Queries that narrow what they sort with a `// derive:` cut, as they were: every row sorted.
SORTED_ALL = {
    "entities_by_introducers": """MATCH (p:Paper)-[:INTRODUCES]->(e)
        RETURN head(labels(e)) AS type, e.id AS id, e.name AS name,
               count(DISTINCT p) AS introduced_by
        ORDER BY introduced_by DESC, type, id LIMIT $limit""",
    "papers_with_code": """MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
        RETURN p.id AS paper, p.title AS title, p.published AS published, r.url AS repo,
               r.kind AS kind
        ORDER BY published DESC, paper, repo LIMIT $limit""",
    "top_datasets": """MATCH (d:Dataset|Benchmark) WHERE d.paper_count > 0
        RETURN head(labels(d)) AS type, d.id AS id, d.name AS name, d.paper_count AS papers
        ORDER BY papers DESC, type, id LIMIT $limit""",
}


@pytest.mark.parametrize("name", sorted(SORTED_ALL))
def test_a_derived_cut_answers_what_sorting_every_row_answers(name, seeds_store):
    from paperkg.cypher import adjacency

    assert L.get_query(name).derived
    key = adjacency.store_key(seeds_store)  # what L.ask does, on one connection for every limit
    with L.embedded_connection(seeds_store) as conn:
        for limit in (0, 1, 2, 3, 5, 8, 20, 10_000):
            want = L.run_embedded(SORTED_ALL[name], {"limit": limit}, conn=conn)
            assert L.ask_on(conn, name, {"limit": limit}, seeds_store, key) == want, limit
            assert want[1] or not limit


def test_top_datasets_and_introducers_match_the_graph(seeds_graph, seeds_store):
    mention = set(L.macros()["MENTION_RELS"].split("|"))
    papers, introducers = {}, Counter()
    for u, v, d in seeds_graph.edges(data=True):
        label = seeds_graph.nodes[v]["label"]
        if d["type"] in mention and label in (S.DATASET, S.BENCHMARK):
            papers.setdefault((label, v.split(":", 1)[1]), set()).add(u)
        if d["type"] == S.INTRODUCES:
            introducers[(label, v.split(":", 1)[1])] += 1
    _, rows = L.ask("top_datasets", {"limit": 10_000}, db=seeds_store)
    # The stored counter (paper_count) is the number of distinct papers naming the entity.
    assert {(r[0], r[1]): r[3] for r in rows} == {k: len(v) for k, v in papers.items()}
    assert all(seeds_graph.nodes[S.node_key(r[0], r[1])]["paper_count"] == r[3] for r in rows)
    _, rows = L.ask("entities_by_introducers", {"limit": 10_000}, db=seeds_store)
    assert {(r[0], r[1]): r[3] for r in rows} == dict(introducers)


def test_paper_queries_on_the_seeds(seeds_graph, seeds_store):
    intro = Counter(u for u, v, d in seeds_graph.edges(data=True) if d["type"] == S.INTRODUCES)
    paper_key = intro.most_common(1)[0][0]
    paper = paper_key.split(":", 1)[1]
    _, rows = L.ask("paper_introduces", {"paper": paper}, db=seeds_store)
    expected = sorted((seeds_graph.nodes[v]["label"], v.split(":", 1)[1])
                      for _, v, d in seeds_graph.out_edges(paper_key, data=True)
                      if d["type"] == S.INTRODUCES)
    assert [(r[0], r[1]) for r in rows] == expected
    _, rows = L.ask("shared_entities", {"paper": paper, "min_shared": 1, "limit": 1000},
                    db=seeds_store)
    assert all(r[2] >= 1 for r in rows) and paper not in {r[0] for r in rows}
    _, none = L.ask("paper_introduces", {"paper": "no-such-paper"}, db=seeds_store)
    assert none == []


def test_shortest_path_rows_are_paths_in_the_normalised_shape(seeds_graph, seeds_store):
    cites = [(u, v) for u, v, d in seeds_graph.edges(data=True) if d["type"] == S.CITES]
    (a, _), (_, b) = cites[0], cites[-1]
    cols, rows = L.ask("shortest_path", {"source": a.split(":", 1)[1],
                                         "target": b.split(":", 1)[1]}, db=seeds_store)
    assert cols == ["hops", "path"] and rows
    for hops, path in rows:
        keys = [n["_key"] for n in path["_nodes"]]
        assert keys[0] == a and keys[-1] == b and len(path["_rels"]) == hops
        for rel, (x, y) in zip(path["_rels"], zip(keys, keys[1:], strict=False), strict=True):
            assert {rel["_src"], rel["_dst"]} == {x, y}
            assert seeds_graph.has_edge(rel["_src"], rel["_dst"])
            assert set(rel) == {"_label", "_src", "_dst", *S.REL_TYPES[rel["_label"]].prop_names}
        for node in path["_nodes"]:
            assert set(node) == {"_label", "_key", *S.NODE_TYPES[node["_label"]].prop_names}
    assert len({r[0] for r in rows}) == 1  # all the same (shortest) length


def test_shortest_path_searched_from_the_cheaper_end_gives_the_same_rows(seeds_graph,
                                                                         seeds_store):
    """The embedded store searches from the paper whose entities fewer papers name (`// ends:`)
    and the library turns the paths back: the rows are those of the search from the source."""
    mention = set(L.macros()["MENTION_RELS"].split("|"))
    fan, named = Counter(), {}
    for u, v, d in seeds_graph.edges(data=True):
        if d["type"] in mention:
            fan[u] += seeds_graph.nodes[v].get("paper_count") or 0
            named.setdefault(v, set()).add(u)
    hub = fan.most_common(1)[0][0]
    near = {u for _, v, d in seeds_graph.out_edges(hub, data=True) if d["type"] in mention
            for u in named[v]} - {hub}  # two hops away: a path exists
    target = min(near, key=lambda u: (fan[u], u))
    assert fan[target] < fan[hub]
    p = {"source": S.split_key(hub)[1], "target": S.split_key(target)[1], "limit": 1000}
    q = L.get_query("shortest_path")
    with L.embedded_connection(seeds_store) as conn:
        def run(text, values):
            return L.run_embedded_on(conn, text, values)

        def answer(p, derived):
            return L.finish(q, p, run(*L.prepare(q.name, p, L.EMBEDDED, derived)))

        derived = L.derive(q, p, L.EMBEDDED, run)
        assert derived.get(L._SEARCH_FROM_END)  # the target's side is the cheaper one
        rows = answer(p, derived)
        assert rows == answer(p, {}) and rows[1]
        assert all(path["_nodes"][0]["id"] == p["source"] for _, path in rows[1])
        back = {**p, "source": p["target"], "target": p["source"]}
        assert not L.derive(q, back, L.EMBEDDED, run).get(L._SEARCH_FROM_END)
        turned = [[h, {"_nodes": path["_nodes"][::-1], "_rels": path["_rels"][::-1]}]
                  for h, path in answer(back, {})[1]]
        assert sorted(map(str, turned)) == sorted(map(str, rows[1]))


# --- CLI -------------------------------------------------------------------------------------

def test_cli_ask_list_and_run(cli, seeds_store):
    out = cli("ask", "--list", "--format", "json")
    assert out.returncode == 0, out.stderr
    names = {q["query"] for q in json.loads(out.stdout)}
    assert ISSUE_QUESTIONS <= names
    out = cli("ask", "most_cited", "--param", "limit=2", "--format", "json", "--db",
              str(seeds_store))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 2 and set(rows[0]) == {"paper", "title", "cited_by"}


@pytest.mark.parametrize("args, message", [
    (["ask", "nope"], "no query called 'nope'"),
    (["ask", "neighbourhood", "--param", "entity=x", "--param", "depth=7"], "between 1 and 3"),
    (["ask", "cited_by"], "needs --param paper"),
    (["ask", "cited_by", "--param", "paper"], "--param takes K=V"),
    (["ask", "most_cited", "--db", "/nonexistent/x.lbug"], "no store at"),
])
def test_cli_ask_errors_are_one_line(cli, args, message, tmp_path):
    out = cli(*args, cwd=tmp_path)
    assert out.returncode != 0
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_nested_list_comprehensions_and_quoted_brackets():
    text = "RETURN [x IN [y IN ys | y + 1] WHERE x <> '[|]' | size([z IN x.zs | z])] AS v"
    assert L.to_dialect(text, L.EMBEDDED)[0] == (
        "RETURN list_transform(list_filter(list_transform(ys, y -> y + 1), x -> x <> '[|]'), "
        "x -> size(list_transform(x.zs, z -> z))) AS v")


def test_set_plus_map_runs_on_the_embedded_store(tmp_path):
    import ladybug

    from paperkg.graph.build import add_node, empty_graph
    from paperkg.graph.ladybug_store import write_graph

    g = empty_graph()
    add_node(g, S.PAPER, {"id": "p1", "title": "T"})
    write_graph(g, tmp_path / "kg.lbug")
    text, params = L.to_dialect("MATCH (n:Paper {id: $id}) SET n += $props", L.EMBEDDED,
                                {"id": "p1", "props": {"venue": "ICML", "authors": 3}})
    db = ladybug.Database(str(tmp_path / "kg.lbug"))
    conn = ladybug.Connection(db)
    conn.execute(text, params)
    _, rows = L.run_embedded_on(conn, "MATCH (n:Paper) RETURN n.venue, n.authors, n.title", {})
    conn.close()
    db.close()
    assert rows == [["ICML", 3, "T"]]


def test_cli_prints_paths_with_their_nodes_and_relationships(cli, seeds_graph, seeds_store):
    u, v = next((u, v) for u, v, d in seeds_graph.edges(data=True) if d["type"] == S.CITES)
    out = cli("ask", "shortest_path", "--param", f"source={u.split(':', 1)[1]}",
              "--param", f"target={v.split(':', 1)[1]}", "--format", "json", "--db",
              str(seeds_store))
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)
    assert row["hops"] == 1
    assert [n["key"] for n in row["path"]["nodes"]] == [u, v]
    (rel,) = row["path"]["relationships"]
    assert (rel["type"], rel["from"], rel["to"]) == (S.CITES, u, v)
