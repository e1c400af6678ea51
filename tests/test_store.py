"""The embedded LadybugDB store: schema DDL, COPY and MERGE writes, atomic replacement."""

from __future__ import annotations

import hashlib

import pytest

from paperkg.core.errors import UserError
from paperkg.graph import ladybug_store as L
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, build_graph
from paperkg.readers import read_listings


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def seed_graph(seeds):
    r = read_listings([seeds])
    return build_graph(r.papers, r.sources, [])


def test_ddl_covers_every_label_and_type():
    stmts = "\n".join(L.ddl())
    for label in S.NODE_TYPES:
        assert f"NODE TABLE IF NOT EXISTS {label}(" in stmts
    for rel, rt in S.REL_TYPES.items():
        assert f"REL TABLE IF NOT EXISTS {rel}(" in stmts
        for a, b in rt.pairs:
            assert f"FROM {a} TO {b}" in stmts


def test_fresh_write_then_upsert_is_idempotent(tmp_path, seed_graph):
    db = tmp_path / "kg.lbug"
    assert L.write_graph(seed_graph, db) == "fresh"
    first = L.stats(db)
    assert first["nodes"]["Paper"] == 471 and first["relationships"]["LISTED_IN"] == 503
    assert L.write_graph(seed_graph, db) == "upsert"
    assert L.stats(db) == first
    back = L.load_graph(db)
    assert back.number_of_nodes() == seed_graph.number_of_nodes()
    assert back.number_of_edges() == seed_graph.number_of_edges()
    node = back.nodes["Paper:actor-critics-can-achieve-optimal-sample-efficiency"]
    assert node["authors"] == 3 and node["published"] == "--05-06"


def test_upsert_keeps_what_the_new_graph_does_not_know(tmp_path, seed_graph):
    db = tmp_path / "kg.lbug"
    L.write_graph(seed_graph, db)
    L.query("MATCH (p:Paper {id: $id}) SET p.venue = $v",
            {"id": "actor-critics-can-achieve-optimal-sample-efficiency", "v": "NeurIPS"},
            db=db, write=True)
    L.write_graph(seed_graph, db)
    cols, rows = L.query("MATCH (p:Paper {id: $id}) RETURN p.venue",
                         {"id": "actor-critics-can-achieve-optimal-sample-efficiency"}, db=db)
    assert rows == [["NeurIPS"]]


def test_failed_write_leaves_the_store_untouched(tmp_path, seed_graph):
    db = tmp_path / "kg.lbug"
    L.write_graph(seed_graph, db)
    before = digest(db)
    broken = seed_graph.copy()
    add_node(broken, S.METRIC, {"id": "f1", "name": "F1"})
    add_edge(broken, "Metric:f1", "Source:" + next(
        d["id"] for _, d in broken.nodes(data=True) if d["label"] == S.SOURCE), S.CITES, {})
    for mode in ("auto", "fresh"):
        with pytest.raises(ValueError, match="CITES cannot join Metric to Source"):
            L.write_graph(broken, db, mode=mode)
        assert digest(db) == before
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".kg.lbug.writer", "kg.lbug"]  # the writer lock, and no temp files
    assert L.stats(db)["nodes"]["Paper"] == 471


def test_hostile_values_are_parameters_not_query_text(tmp_path):
    g = build_graph([], [], [])
    evil = "x'}) DETACH DELETE n //\"; MATCH (m) DELETE m"
    add_node(g, S.PAPER, {"id": evil, "title": evil, "abstract": "<script>1</script>"})
    add_node(g, S.PAPER, {"id": "ok", "title": "ok"})
    db = tmp_path / "kg.lbug"
    L.write_graph(g, db)
    L.write_graph(g, db)  # the MERGE path too
    _, rows = L.query("MATCH (p:Paper) WHERE p.id = $id RETURN p.title", {"id": evil}, db=db)
    assert rows == [[evil]]
    assert L.stats(db)["nodes"]["Paper"] == 2


def test_missing_or_bad_store_is_one_clear_error(tmp_path):
    with pytest.raises(UserError, match="no store at"):
        L.stats(tmp_path / "none.lbug")
    junk = tmp_path / "junk.lbug"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError, match="cannot open store"):
        L.stats(junk)
    with pytest.raises(UserError, match="query failed"):
        L.query("MATCH (n:NoSuchLabel) RETURN n", db=_small_db(tmp_path))


def _small_db(tmp_path):
    g = build_graph([], [], [])
    add_node(g, S.PAPER, {"id": "a", "title": "A"})
    db = tmp_path / "small.lbug"
    L.write_graph(g, db)
    return db


def test_a_second_writer_is_refused_while_one_writes(tmp_path, seed_graph):
    db = tmp_path / "kg.lbug"
    L.write_graph(seed_graph, db)
    with L.staged(db) as conn:
        conn.execute("MATCH (p:Paper) SET p.venue = 'first writer'")
        with pytest.raises(UserError, match="another paperkg process is writing"):
            L.write_graph(seed_graph, db)
    _, rows = L.query("MATCH (p:Paper) RETURN DISTINCT p.venue", db=db)
    assert rows == [["first writer"]]
