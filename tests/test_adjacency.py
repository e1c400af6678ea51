"""The store's compact arrays (cypher/adjacency.py): co_used_entities, shortest_path,
shared_entities and neighbourhood answered
from them equal the engine running the queries' Cypher, on the seeds, on a graph with parallel
relationships, and after an incremental build and enrichment change the store (that last one
in tests/test_counters.py, which makes those stores)."""

from __future__ import annotations

import random
from pathlib import Path

from paperkg.cypher import adjacency as A
from paperkg.cypher import library as L
from paperkg.graph import schema as S


class Both:
    """One connection to a store; each query answered from the arrays (as `ask` does) and by
    the engine running its Cypher (as the library does without them)."""

    def __init__(self, db: Path):
        self.db, self.key = db, A.store_key(db)
        self._ctx = L.embedded_connection(db)
        self.conn = self._ctx.__enter__()

    def __enter__(self) -> Both:
        return self

    def __exit__(self, *exc) -> None:
        self._ctx.__exit__(*exc)

    def ask(self, name: str, params: dict) -> tuple[list, list]:
        return L.ask_on(self.conn, name, params, self.db, self.key)

    def engine(self, name: str, params: dict) -> tuple[list, list]:
        q = L.get_query(name)

        def run(text, values):
            return L.run_embedded_on(self.conn, text, values)

        params = L.resolve_papers(q, params, run)
        return L.finish(q, params, run(*L.prepare(name, params, L.EMBEDDED,
                                                  L.derive(q, params, L.EMBEDDED, run))))

    def check(self, name: str, params: dict) -> tuple[list, list]:
        got = self.ask(name, params)
        assert got == self.engine(name, params), (name, params)
        return got


def test_queries_with_arrays_declare_them():
    assert {q.name: q.embedded for q in L.list_queries() if q.embedded} == {
        name: name for name in ("co_used_entities", "shortest_path", "shared_entities",
                                "neighbourhood")}


def test_entity_and_paper_queries_equal_the_cypher_on_the_seeds(seeds_graph, seeds_store):
    mention = set(L.macros()["MENTION_RELS"].split("|"))
    named = sorted({v for _, v, d in seeds_graph.edges(data=True) if d["type"] in mention})
    picks = named[::max(1, len(named) // 25)] + ["Method:no-such-entity"]
    papers = sorted(n for n, d in seeds_graph.nodes(data=True) if d["label"] == S.PAPER)
    with Both(seeds_store) as both:
        for key in picks:
            entity = S.split_key(key)[1]
            for limit in (20, 3, 0):
                both.check("co_used_entities", {"entity": entity, "limit": limit})
            for depth, limit in ((1, 200), (2, 200), (3, 7)):
                both.check("neighbourhood", {"entity": entity, "depth": depth, "limit": limit})
        for key in papers[::max(1, len(papers) // 25)] + ["Paper:no-such-paper"]:
            for shared, limit in ((2, 25), (1, 5), (4, 1000)):
                both.check("shared_entities", {"paper": S.split_key(key)[1],
                                                "min_shared": shared, "limit": limit})
    assert A.read_side_key(A.side_path(seeds_store)) == A.store_key(seeds_store)


def test_shortest_path_equals_the_cypher_on_the_seeds(seeds_graph, seeds_store):
    papers = sorted(n for n, d in seeds_graph.nodes(data=True) if d["label"] == S.PAPER)
    rng = random.Random(7)
    pairs = [tuple(rng.sample(papers, 2)) for _ in range(12)] + [(papers[0], papers[0])]
    found = 0
    with Both(seeds_store) as both:
        for a, b in pairs:
            for hops, limit in ((6, 10), (3, 2), (10, 1000)):
                found += bool(both.check("shortest_path", {
                    "source": S.split_key(a)[1], "target": S.split_key(b)[1],
                    "max_hops": hops, "limit": limit})[1])
        p = {"source": "no-such-paper", "target": S.split_key(papers[1])[1]}
        assert both.check("shortest_path", p) == (["hops", "path"], [])
    assert found >= 6  # many of the 39 checks find a path (the comparison is not vacuous)


def test_parallel_relationships_are_paths_of_their_own(tmp_path):
    """Two relationships between the same nodes (two types; two CITES of other sources) are
    two paths, ordered as the library orders them, the same as the engine's."""
    from paperkg.graph.build import add_edge, add_node, empty_graph
    from paperkg.graph.ladybug_store import write_graph

    g = empty_graph()
    add_node(g, S.DATASET, {"id": "d", "name": "D"})
    add_node(g, S.METHOD, {"id": "m", "name": "M"})
    for pid in ("a", "b", "c"):
        add_node(g, S.PAPER, {"id": pid, "title": pid.upper()})
    add_edge(g, "Paper:a", "Dataset:d", S.USES, {"evidence": "a uses d"})
    add_edge(g, "Paper:a", "Dataset:d", S.INTRODUCES, {"evidence": "a introduces d"})
    add_edge(g, "Paper:b", "Dataset:d", S.EVALUATED_ON, {"evidence": "b on d"})
    add_edge(g, "Paper:b", "Method:m", S.USES, {})
    add_edge(g, "Paper:c", "Method:m", S.USES, {})
    for source in ("openalex", "inferred"):
        add_edge(g, "Paper:c", "Paper:a", S.CITES, {"source": source, "kind": "uses"})
    db = tmp_path / "kg.lbug"
    write_graph(g, db)
    with Both(db) as both:
        for s, t in (("a", "b"), ("c", "a"), ("a", "c"), ("b", "c"), ("c", "b")):
            for limit in (1, 2, 10):
                both.check("shortest_path", {"source": s, "target": t, "limit": limit})
        _, rows = both.check("shortest_path", {"source": "a", "target": "b"})
        assert [[r["_label"] for r in path["_rels"]] for _, path in rows] == [
            ["INTRODUCES", "EVALUATED_ON"], ["USES", "EVALUATED_ON"]]
        _, rows = both.check("shortest_path", {"source": "c", "target": "a"})
        assert sorted(path["_rels"][0]["source"] for _, path in rows) == ["inferred",
                                                                          "openalex"]
        assert both.check("co_used_entities", {"entity": "d"})[1]
    # a deleted node leaves a gap in its table's offsets: the arrays keep the slot empty
    from paperkg.graph.ladybug_store import connect

    with connect(db, read_only=False) as conn:
        conn.execute("MATCH (p:Paper {id: 'a'}) DETACH DELETE p")
    with Both(db) as both:
        assert both.check("shortest_path", {"source": "b", "target": "c"})[1]
        assert both.check("shortest_path", {"source": "a", "target": "c"})[1] == []
        assert both.check("co_used_entities", {"entity": "m"})[1]
        assert both.check("neighbourhood", {"entity": "d", "depth": 3})[1]
        assert both.check("shared_entities", {"paper": "b", "min_shared": 1})[1]


def assert_arrays_answer(db: Path) -> list:
    """Both queries over every two papers and every named entity of the store at db: the
    arrays answer what the engine answers, and they are kept under the store's current key.
    tests/test_counters.py calls it after a fresh build, an incremental one and enrichment
    (each write makes the kept arrays stale: the next query reads the store again)."""
    with Both(db) as both:
        papers = [r[0] for r in L.run_embedded_on(
            both.conn, "MATCH (p:Paper) RETURN p.id ORDER BY p.id", {})[1]]
        entities = [r[0] for r in L.run_embedded_on(
            both.conn, "MATCH (:Paper)-[:USES|INTRODUCES|EVALUATED_ON]->(e) "
            "RETURN DISTINCT e.id ORDER BY e.id", {})[1]]
        answers = ([both.check("shortest_path", {"source": a, "target": b, "limit": 100})
                    for i, a in enumerate(papers) for b in papers[i + 1:]]
                   + [both.check("shared_entities", {"paper": a, "min_shared": 1})
                      for a in papers]
                   + [both.check(name, {"entity": e}) for e in entities
                      for name in ("co_used_entities", "neighbourhood")])
    assert A.read_side_key(A.side_path(db)) == A.store_key(db)
    return answers


def test_a_stale_or_broken_side_file_is_read_again(seeds_store, tmp_path):
    import shutil

    db = tmp_path / "seeds.lbug"
    shutil.copyfile(seeds_store, db)
    side = A.side_path(db)
    side.write_bytes(b"not arrays")
    with Both(db) as both:
        both.check("co_used_entities", {"entity": "transformer"})
    assert A.read_side_key(side) == A.store_key(db)
    A._LOADED.clear()
    assert A.read_side(side, A.store_key(db)) is not None
    assert A.read_side(side, [[0, 0, 0, 0], None]) is None  # another store's arrays


def test_a_killed_writers_staged_side_file_is_removed(seeds_store, tmp_path):
    import shutil
    import subprocess

    db = tmp_path / "seeds.lbug"
    shutil.copyfile(seeds_store, db)
    gone = subprocess.Popen(["true"])
    gone.wait()  # a process id that no longer runs
    left = tmp_path / f".{A.side_path(db).name}.{gone.pid}.abc123.tmp"
    left.write_bytes(b"half written")
    A._LOADED.clear()
    with Both(db) as both:
        both.check("co_used_entities", {"entity": "transformer"})
    assert not left.exists()
    assert A.read_side_key(A.side_path(db)) == A.store_key(db)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # nor ours


def test_a_hub_at_the_last_hop_is_one_row(tmp_path):
    """A task many papers name, two hops from an entity, is one row of its depth-2
    neighbourhood whatever its size (its papers are three hops away), by the engine's fixed-
    length patterns and by the arrays alike; at depth 3 its papers come in."""
    from paperkg.graph.build import add_edge, add_node, empty_graph
    from paperkg.graph.ladybug_store import write_graph

    answers = []
    for size in (3, 60):
        g = empty_graph()
        add_node(g, S.TASK, {"id": "hub", "name": "Hub"})
        add_node(g, S.METHOD, {"id": "rare", "name": "Rare"})
        for i in range(size):
            add_node(g, S.PAPER, {"id": f"p{i:02d}", "title": f"P{i}"})
            add_edge(g, f"Paper:p{i:02d}", "Task:hub", S.ADDRESSES, {})
        add_edge(g, "Paper:p00", "Method:rare", S.USES, {})
        db = tmp_path / f"hub{size}.lbug"
        write_graph(g, db)
        with Both(db) as both:
            answers.append(both.check("neighbourhood", {"entity": "rare", "depth": 2}))
            deep = both.check("neighbourhood", {"entity": "rare", "depth": 3, "limit": 1000})
            assert len(deep[1]) == size + 1  # every paper and the hub
    assert answers[0] == answers[1] == (["type", "id"], [["Paper", "p00"], ["Task", "hub"]])
