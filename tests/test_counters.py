"""Stored counters (graph/counters.py: cited-by on papers, introduced-by on entities): right
after a fresh build, an incremental one, enrichment by either service, a later build that keeps
the enrichment, and a rebuild that drops it; `ask most_cited` answers what grouping the CITES
edges answers."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from paperkg.core.errors import UserError
from paperkg.cypher import library as L
from paperkg.graph import schema as S
from paperkg.graph.counters import (
    CITED_BY_PROPS,
    cited_by,
    fill_cited_by,
    fill_counters,
    published_order,
    set_cited_by,
    set_counters,
)
from tests.test_adjacency import assert_arrays_answer
from tests.test_enrich import LISTING, FakeService, _oa_routes, _s2_routes
from tests.test_incremental import assert_same, snapshot

#: most_cited as it was before the counters: every CITES edge grouped by the cited paper.
GROUPED = """MATCH (q:Paper)-[c:CITES]->(p:Paper)
WHERE size($source) = 0 OR c.source = $source
RETURN p.id AS paper, p.title AS title, count(DISTINCT q) AS cited_by
ORDER BY cited_by DESC, paper"""


def assert_counters_right(db: Path) -> dict[str, dict[str, int]]:
    """Every paper's counters are the distinct citing papers of its CITES edges (per source and
    in all), and most_cited answers row for row what grouping the edges answers; returns the
    counters by paper id."""
    from paperkg.cypher import adjacency

    cols = ", ".join(f"p.{name}" for name in CITED_BY_PROPS)
    key = adjacency.store_key(db)  # what L.ask does, taken before opening
    with L.embedded_connection(db) as conn:  # one read-only open for every query here
        def rows(text: str, params: dict | None = None) -> list[list]:
            return L.run_embedded(text, params, conn=conn)[1]

        stored = {r[0]: dict(zip(CITED_BY_PROPS, r[1:], strict=True))
                  for r in rows(f"MATCH (p:Paper) RETURN p.id, {cols}")}
        for published, order in rows("MATCH (p:Paper) RETURN p.published, p.published_order"):
            assert order == published_order(published), published
        expected = {pid: dict.fromkeys(CITED_BY_PROPS, 0) for pid in stored}
        for source in ("", *S.CITATION_SOURCES):
            grouped = rows(GROUPED, {"source": source})
            assert L.ask_on(conn, "most_cited", {"source": source, "limit": 100_000}, db,
                            key)[1] == grouped
            for pid, _, n in grouped:
                expected[pid][S.cited_by_prop(source or None)] = n
        assert stored == expected
        introduced = {(r[0], r[1]): r[2] for r in rows(
            "MATCH (e) WHERE e.introduced_by IS NOT NULL "
            "RETURN head(labels(e)), e.id, e.introduced_by")}
        grouped = {(r[0], r[1]): r[2] for r in rows(
            "MATCH (p:Paper)-[:INTRODUCES]->(e) RETURN head(labels(e)), e.id, count(DISTINCT p)")}
        assert len(introduced) == len(rows(
            "MATCH (e) WHERE head(labels(e)) IN $labels RETURN e.id",
            {"labels": list(S.ENTITY_LABELS)}))  # every entity has one
    assert {k: n for k, n in introduced.items() if n} == grouped
    return stored


def _graph() -> nx.MultiDiGraph:
    from paperkg.graph.build import add_edge, add_node, empty_graph

    g = empty_graph()
    for pid in "abcxy":
        add_node(g, S.PAPER, {"id": pid, "title": pid})
    for a, source in (("a", "inferred"), ("a", "openalex"), ("b", "openalex"), ("c", "other")):
        add_edge(g, f"Paper:{a}", "Paper:x", S.CITES, {"source": source})
    add_edge(g, "Paper:x", "Paper:y", S.CITES, {"source": "semanticscholar"})
    return g


def test_counters_count_distinct_citing_papers_per_source():
    assert cited_by([("a", "inferred"), ("a", "openalex"), ("b", "openalex"), ("c", "x")]) == {
        "cited_by": 3, "cited_by_inferred": 1, "cited_by_openalex": 2,
        "cited_by_semanticscholar": 0}
    g = _graph()
    assert set_cited_by(g, ["Paper:y", "Paper:nowhere"]) == 1  # only the papers asked for
    assert g.nodes["Paper:y"]["cited_by_semanticscholar"] == 1
    assert g.nodes["Paper:x"].get("cited_by") is None
    assert fill_cited_by(g) == 4 and fill_cited_by(g) == 0  # the rest, then nothing to do
    assert {k: g.nodes["Paper:x"][k] for k in CITED_BY_PROPS} == {
        "cited_by": 3, "cited_by_inferred": 1, "cited_by_openalex": 2,
        "cited_by_semanticscholar": 0}
    assert g.nodes["Paper:a"]["cited_by"] == 0


def test_published_order_sorts_as_the_text_does():
    dates = ["--01-02", "--12-31", "1999", "2023", "2023-05", "2023-05-01", "2023-05-02",
             "2023-06", "2024-01-01"]
    orders = [published_order(d) for d in dates]
    assert orders == sorted(orders) and orders[0] == 102 and orders[5] == 20230501
    for other in ("2023-05-01T10:00", "0999", "", None, "May 2023"):
        assert published_order(other) == S.PUBLISHED_ORDER_UNKNOWN > orders[-1]


def test_introduced_by_counts_distinct_introducing_papers():
    from paperkg.graph.build import add_edge, add_node

    g = _graph()
    add_node(g, S.METHOD, {"id": "m", "name": "M"})
    add_node(g, S.TASK, {"id": "t", "name": "T"})
    for pid, rel in (("a", S.INTRODUCES), ("b", S.INTRODUCES), ("c", S.USES)):
        add_edge(g, f"Paper:{pid}", "Method:m", rel, {})
    assert set_counters(g, ["Method:m"]) == 1 and g.nodes["Method:m"]["introduced_by"] == 2
    assert fill_counters(g) == 6  # five papers and the task
    assert g.nodes["Task:t"]["introduced_by"] == 0 and g.nodes["Paper:x"]["cited_by"] == 3


def test_a_graph_written_without_the_build_gets_its_counters(tmp_path: Path):
    from paperkg.graph.ladybug_store import write_graph

    db = tmp_path / "kg.lbug"
    write_graph(_graph(), db)
    assert assert_counters_right(db)["x"]["cited_by"] == 3


@pytest.fixture(scope="module")
def listings(tmp_path_factory) -> tuple[Path, Path]:
    """The enrichment tests' five papers in two listing files (three, then two)."""
    root = tmp_path_factory.mktemp("counters")
    first, second = root / "first.json", root / "second.json"
    first.write_text(json.dumps(LISTING[:3]), encoding="utf-8")
    second.write_text(json.dumps(LISTING[3:]), encoding="utf-8")
    return first, second


def _enrich(db: Path, tmp_path: Path, source: str) -> None:
    from paperkg.graph.enrich import enrich

    routes = _oa_routes() if source == "openalex" else _s2_routes()
    with FakeService(routes) as svc:
        report = enrich(source, db=db, cache=tmp_path / f"cache-{source}", base_url=svc.url,
                        interval=0)
    assert report.citations > 0


def test_fresh_incremental_enriched_and_rebuilt_stores_keep_them_right(listings, tmp_path):
    from paperkg.graph.pipeline import build

    fresh, grown = tmp_path / "fresh.lbug", tmp_path / "grown.lbug"
    build(listings, db=fresh, fast=True)
    build([listings[1]], db=grown, fast=True)
    build([listings[0]], db=grown, fast=True)
    assert_same(snapshot(fresh), snapshot(grown))  # counters included
    before = assert_counters_right(fresh)
    assert sum(c["cited_by_inferred"] for c in before.values()) > 0
    # the compact arrays co_used_entities and shortest_path read (cypher/adjacency.py)
    grown_answers = assert_arrays_answer(grown)
    assert grown_answers == assert_arrays_answer(fresh)

    _enrich(fresh, tmp_path, "openalex")
    enriched = assert_counters_right(fresh)
    assert enriched["2108.07732"]["cited_by_openalex"] == 2
    assert assert_arrays_answer(fresh) != grown_answers  # paths through the new CITES
    _enrich(fresh, tmp_path, "semanticscholar")
    enriched = assert_counters_right(fresh)
    assert enriched["2208.08227"]["cited_by_semanticscholar"] == 1

    # (the paper a service gave an arXiv id is stored under that id by the next build)
    build(listings, db=fresh, fast=True)  # an update keeps what enrichment added
    assert _cited(assert_counters_right(fresh)) == _cited(enriched)
    build(listings, db=fresh, fast=True, rebuild=True)  # a rebuild drops it
    assert _cited(assert_counters_right(fresh)) == _cited(before)


def _cited(counters: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {pid: c for pid, c in counters.items() if c["cited_by"]}


def test_enrich_adds_the_counters_to_a_store_from_before_them(listings, tmp_path):
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    db = tmp_path / "old.lbug"
    build([listings[0]], db=db, fast=True)
    for name in (*CITED_BY_PROPS, S.PUBLISHED_ORDER, S.CODE_REPOS):
        query(f"ALTER TABLE Paper DROP {name}", db=db, write=True)
    for name in (S.OWNER_REPOS, S.OWNER_PAPERS):
        query(f"ALTER TABLE Repository DROP {name}", db=db, write=True)
    for name in ("most_cited", "top_repo_owners"):
        with pytest.raises(UserError, match="older paperkg without that property: build it"):
            L.ask(name, db=db)
    _enrich(db, tmp_path, "openalex")
    assert assert_counters_right(db)["2108.07732"]["cited_by_openalex"] == 2
    assert_code_counters_right(db)


def test_every_citation_source_has_its_counter():
    from paperkg.graph.citations import SOURCE_INFERRED
    from paperkg.graph.enrich.http import SERVICES

    assert {SOURCE_INFERRED, *SERVICES} == set(S.CITATION_SOURCES)
    assert set(CITED_BY_PROPS) <= set(S.NODE_TYPES[S.PAPER].prop_names)


def test_papers_with_code_cut_keeps_undated_and_odd_dates(tmp_path: Path):
    """Papers with no date or a date in another form are never cut: the rows match sorting
    every row by the text, at every limit."""
    from paperkg.graph.build import add_edge, add_node, empty_graph
    from paperkg.graph.ladybug_store import write_graph

    g = empty_graph()
    dates = [None, "May 2023", "2023", "--05-01", "2024-01-02", "2024-01-02", "2023-05",
             "0999", "2024-01-02T10:00"]
    for i, published in enumerate(dates):
        add_node(g, S.PAPER, {"id": f"p{i}", "title": f"P{i}", "published": published})
        for repo in ("a", "b")[: 1 + i % 2]:
            add_node(g, S.REPOSITORY, {"id": f"{repo}{i}", "url": f"https://x/{repo}{i}"})
            add_edge(g, f"Paper:p{i}", f"Repository:{repo}{i}", S.HAS_CODE, {})
    db = tmp_path / "kg.lbug"
    write_graph(g, db)
    every = """MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
        RETURN p.id AS paper, p.title AS title, p.published AS published, r.url AS repo,
               r.kind AS kind
        ORDER BY published DESC, paper, repo LIMIT $limit"""
    for limit in range(15):
        want = L.run_embedded(every, {"limit": limit}, db=db)
        assert L.ask("papers_with_code", {"limit": limit}, db=db) == want, limit


def test_an_entity_id_in_two_tables_is_found_in_both(tmp_path: Path):
    """co_used_entities and neighbourhood look the entity up by key in the tables that hold its
    id: an id held by a Method and a Dataset still matches both, a missing id matches none."""
    from paperkg.graph.build import add_edge, add_node, empty_graph
    from paperkg.graph.ladybug_store import write_graph

    g = empty_graph()
    for label, eid in ((S.METHOD, "x"), (S.DATASET, "x"), (S.TASK, "t"), (S.METRIC, "m")):
        add_node(g, label, {"id": eid, "name": eid.upper()})
    for i, targets in enumerate((["Method:x", "Task:t"], ["Dataset:x", "Metric:m"],
                                 ["Method:x", "Dataset:x", "Task:t"])):
        add_node(g, S.PAPER, {"id": f"p{i}", "title": f"P{i}"})
        for t in targets:
            rel = {"Task:t": S.ADDRESSES, "Metric:m": S.REPORTS}.get(t, S.USES)
            add_edge(g, f"Paper:p{i}", t, rel, {})
    db = tmp_path / "kg.lbug"
    write_graph(g, db)
    def narrowed(name: str, params: dict) -> str:
        return L.prepare(name, params, L.EMBEDDED, L.derive(
            L.get_query(name), params, L.EMBEDDED, lambda t, v: L.run_embedded(t, v, db=db)))[0]

    # the engine finds a node by key in one table only: two labels' nodes by their internal
    # ids (found by key), and a union's branch once per label
    assert "MATCH (e:Method|Dataset) WHERE id(e) IN [internal_id(" in narrowed(
        "co_used_entities", {"entity": "x"})
    branches = narrowed("neighbourhood", {"entity": "x", "depth": 2}).split("\nUNION\n")
    assert [b.count("(e:Method {id: $entity})") for b in branches] == [1, 0, 1, 0, 1, 0]
    assert [b.count("(e:Dataset {id: $entity})") for b in branches] == [0, 1, 0, 1, 0, 1]
    q = L.get_query("neighbourhood")
    for params in ({"entity": "x", "depth": d} for d in (1, 2, 3)):
        engine = L.run_embedded(*L.to_dialect(narrowed("neighbourhood", params), L.EMBEDDED,
                                              {"entity": "x"}), db=db)
        assert L.finish(q, params, engine) == L.ask("neighbourhood", params, db=db)
    for name, params in (("co_used_entities", {"entity": "x"}),
                         ("co_used_entities", {"entity": "none"}),
                         ("neighbourhood", {"entity": "x", "depth": 2}),
                         ("neighbourhood", {"entity": "none"})):
        q = L.get_query(name)
        bound = L.bind(q, params)
        text, values = L.to_dialect(L.expand(q.text, q, bound), L.EMBEDDED, {
            k: v for k, v in bound.items() if f"${k}" in q.text})
        every_table = L.finish(q, params, L.run_embedded(text, values, db=db))
        assert L.ask(name, params, db=db) == every_table, name
        assert bool(every_table[1]) == (params["entity"] == "x")


def test_the_whole_graph_pass_equals_the_per_node_one():
    from paperkg.graph.build import add_edge, add_node

    g = _graph()
    add_node(g, S.METHOD, {"id": "m", "name": "M"})
    add_node(g, S.DATASET, {"id": "d", "name": "D"})
    for pid in "abx":
        add_edge(g, f"Paper:{pid}", "Method:m", S.INTRODUCES, {})
    add_edge(g, "Paper:a", "Dataset:d", S.USES, {})
    g.nodes["Paper:a"]["published"] = "--05-01"
    whole, per_node = g.copy(), g.copy()
    assert set_counters(whole) == set_counters(per_node, list(per_node)) == 7
    assert dict(whole.nodes(data=True)) == dict(per_node.nodes(data=True))
    assert whole.nodes["Paper:a"]["published_order"] == 501


#: top_repo_owners as it was before the owner counters: every HAS_CODE edge grouped by owner.
OWNERS_GROUPED = """MATCH (p:Paper)-[:HAS_CODE]->(r:Repository)
WHERE r.owner IS NOT NULL
RETURN r.owner AS owner, count(DISTINCT r) AS repos, count(DISTINCT p) AS papers
ORDER BY repos DESC, papers DESC, owner
LIMIT $limit"""


def _code_graph(extra: bool = False) -> nx.MultiDiGraph:
    """Papers naming repositories: an owner with two (one named by two papers, a paper naming
    both), owners with one, a repository with no owner and one no paper names; with extra, a
    paper naming three more."""
    from paperkg.graph.build import add_edge, add_node, empty_graph

    g = empty_graph()
    repos = {"r1": "o1", "r2": "o1", "r3": "o2", "r4": None, "r5": "o3", "r6": "o4",
             "r0": "o2"}
    for rid, owner in repos.items():
        add_node(g, S.REPOSITORY, {"id": rid, "url": f"https://x/{rid}", "owner": owner})
    named = {"a": ["r1", "r2"], "b": ["r1"], "c": ["r3", "r4"], "e": ["r6"]}
    if extra:
        named["d"] = ["r2", "r0", "r5"]
    for pid, rids in named.items():
        add_node(g, S.PAPER, {"id": pid, "title": pid.upper()})
        for rid in rids:
            add_edge(g, f"Paper:{pid}", f"Repository:{rid}", S.HAS_CODE, {})
    return g


def assert_code_counters_right(db: Path) -> None:
    """Each paper's code_repos is its distinct repositories, and top_repo_owners answers, at
    every limit, what grouping the HAS_CODE edges answers."""
    from paperkg.graph.ladybug_store import query

    grouped = dict(query("MATCH (p:Paper)-[:HAS_CODE]->(r:Repository) "
                         "RETURN p.id, count(DISTINCT r)", db=db)[1])
    stored = dict(query("MATCH (p:Paper) RETURN p.id, p.code_repos", db=db)[1])
    assert stored == {pid: grouped.get(pid, 0) for pid in stored}
    for limit in range(6):
        want = L.run_embedded(OWNERS_GROUPED, {"limit": limit}, db=db)
        assert L.ask("top_repo_owners", {"limit": limit}, db=db) == want, limit


def test_code_counters_per_paper_and_owner(tmp_path: Path):
    from paperkg.graph.counters import code_counts
    from paperkg.graph.ladybug_store import write_graph

    per_paper, per_owner = code_counts([("a", "r1", "o1"), ("a", "r2", "o1"),
                                        ("b", "r1", "o1"), ("c", "r4", None)])
    assert per_paper == {"a": 2, "b": 1, "c": 1}
    assert per_owner == {"r1": (2, 2)}  # once per owner, on its first repository

    g = _code_graph()
    set_counters(g)
    assert [g.nodes[f"Repository:{r}"][S.OWNER_REPOS] for r in ("r0", "r1", "r2", "r5")] == [
        0, 2, 0, 0]  # o2's first repository r0 has no paper: r3 carries o2's figures
    assert g.nodes["Repository:r3"][S.OWNER_REPOS] == 1
    db = tmp_path / "kg.lbug"
    write_graph(_code_graph(), db)  # a graph not made by the build gets them
    assert_code_counters_right(db)
    write_graph(_code_graph(extra=True), db)  # merged into the store: recounted there
    assert_code_counters_right(db)
    assert L.ask("top_repo_owners", {"limit": 1}, db=db)[1] == [["o1", 2, 3]]

    whole, per_node = _code_graph(extra=True), _code_graph(extra=True)
    set_counters(whole)
    set_counters(per_node, ["Repository:r5"])  # one repository given: every owner recounted
    names = (S.CODE_REPOS, S.OWNER_REPOS, S.OWNER_PAPERS)
    assert [[d.get(k) for k in names] for _, d in whole.nodes(data=True)] == [
        [d.get(k) for k in names] for _, d in per_node.nodes(data=True)]
