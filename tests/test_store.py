"""The embedded LadybugDB store: schema DDL, COPY and MERGE writes, atomic replacement."""

from __future__ import annotations

import hashlib

import pyarrow as pa
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


def test_a_read_of_a_small_store_gets_a_pool_sized_to_it(tmp_path):
    """read_pool: 16 times a small store's size and at least 1 GiB; the engine's default (0)
    for a store of 256 MB or more and for no file; the read answers as before."""
    db = _small_db(tmp_path)
    assert L.read_pool(db) == L.READ_POOL_FLOOR == 1 << 30
    assert L.read_pool(tmp_path / "none.lbug") == 0
    big = tmp_path / "big.lbug"
    with open(big, "wb") as fh:
        fh.truncate(L.SMALL_READ_STORE)  # sparse: its size is what read_pool reads
    assert L.read_pool(big) == 0
    with open(big, "r+b") as fh:
        fh.truncate(L.SMALL_READ_STORE - 1)
    assert L.read_pool(big) in (16 * (L.SMALL_READ_STORE - 1), 0)  # 0 on a machine under 5 GB
    assert L.stats(db)["nodes"]["Paper"] == 1
    assert L.query("MATCH (p:Paper) RETURN p.title", db=db)[1] == [["A"]]


def test_a_second_writer_is_refused_while_one_writes(tmp_path, seed_graph):
    db = tmp_path / "kg.lbug"
    L.write_graph(seed_graph, db)
    with L.staged(db) as conn:
        conn.execute("MATCH (p:Paper) SET p.venue = 'first writer'")
        with pytest.raises(UserError, match="another paperkg process is writing"):
            L.write_graph(seed_graph, db)
    _, rows = L.query("MATCH (p:Paper) RETURN DISTINCT p.venue", db=db)
    assert rows == [["first writer"]]


def _text_graph():
    """Two papers naming entities with evidence (one edge without any), a repository, a CITES."""
    g = build_graph([], [], [])
    for pid in ("a", "b"):
        add_node(g, S.PAPER, {"id": pid, "title": pid.upper()})
    add_node(g, S.METHOD, {"id": "bert", "name": "BERT"})
    add_node(g, S.MODEL, {"id": "bert", "name": "BERT"})
    add_node(g, S.REPOSITORY, {"id": "github.com/x/y", "url": "https://github.com/x/y"})
    add_edge(g, "Paper:a", "Method:bert", S.USES, {
        "evidence": "We fine-tune BERT on it.", "surface": "BERT", "char_start": 13,
        "char_end": 17, "extractor": "rule", "confidence": 0.9, "mentions": 2})
    add_edge(g, "Paper:b", "Model:bert", S.USES, {"surface": "bert", "mentions": 1})
    add_edge(g, "Paper:b", "Method:bert", S.INTRODUCES, {"evidence": "We introduce BERT."})
    add_edge(g, "Paper:a", "Repository:github.com/x/y", S.HAS_CODE, {"evidence": "Code: it."})
    add_edge(g, "Paper:a", "Paper:b", S.CITES, {"source": "inferred", "evidence": "BERT [b]."})
    return g


def _texts(g):
    return {(u, v, k): tuple(d.get(n) for n in S.SIDE_PROPS)
            for u, v, k, d in g.edges(keys=True, data=True)}


def test_relationship_text_is_kept_beside_the_relationship_tables(tmp_path):
    """The embedded store keeps the relationships' evidence and surface in EDGE_TEXT (not in
    the relationship tables an update rewrites); every read gives them back on the edge."""
    g = _text_graph()
    for mode in ("fresh", "auto"):  # COPY, then the MERGE path into the store just written
        db = tmp_path / "kg.lbug"
        L.write_graph(g, db, mode=mode)
        with L.connect(db) as conn:
            cols = {r[1] for r in conn.execute("CALL TABLE_INFO('USES') RETURN *").get_all()}
            cites = {r[1] for r in conn.execute("CALL TABLE_INFO('CITES') RETURN *").get_all()}
        assert S.TEXT_REF in cols and not cols & set(S.SIDE_PROPS)
        assert "evidence" in cites and S.TEXT_REF not in cites  # CITES keeps its own
        assert _texts(L.load_graph(db)) == _texts(g)
    _, rows = L.query("MATCH (p:Paper {id: $p})-[r:USES]->(e) RETURN label(e), r.evidence, "
                      "r.surface, r ORDER BY label(e)", {"p": "a"}, db=db)
    assert rows[0][:3] == ["Method", "We fine-tune BERT on it.", "BERT"]
    assert rows[0][3]["evidence"] == "We fine-tune BERT on it." and S.TEXT_REF not in rows[0][3]
    _, rows = L.query("MATCH (p:Paper {id: 'b'})-[r:USES|INTRODUCES]->(e) "
                      "RETURN label(r), r.evidence, r.surface ORDER BY label(r)", db=db)
    assert rows == [["INTRODUCES", "We introduce BERT.", None], ["USES", None, "bert"]]
    # one variable over CITES and a type kept beside: each keeps its own evidence
    _, rows = L.query("MATCH (p:Paper {id: 'a'})-[r:CITES|HAS_CODE]->(e) "
                      "RETURN label(r), r ORDER BY label(r)", db=db)
    assert [(t, r["evidence"]) for t, r in rows] == [("CITES", "BERT [b]."),
                                                       ("HAS_CODE", "Code: it.")]
    # ... and so do its property reads, and those of a variable of no type
    for rel in ("r:CITES|HAS_CODE", "r"):
        _, rows = L.query(f"MATCH (p:Paper {{id: 'a'}})-[{rel}]->(e) WHERE label(r) <> "
                          f"'{S.LISTED_IN}' RETURN label(r), r.evidence ORDER BY label(r)",
                          db=db)
        assert rows == [["CITES", "BERT [b]."], ["HAS_CODE", "Code: it."],
                        ["USES", "We fine-tune BERT on it."]][:2 if ":" in rel else 3], rel
    # the whole side table read once (the Neo4j import files): each ref its texts, a null or
    # unknown ref nulls, in the refs' order
    with L.connect(db) as conn:
        stored, texts = L.edge_texts(conn), L.side_texts(conn)
    ref = max(stored)
    cols = texts.columns(pa.chunked_array([[None, ref], [ref + 1000, ref]], pa.int64()))
    got = list(zip(*(cols[n].to_pylist() for n in S.SIDE_PROPS), strict=True))
    assert got == [(None, None), stored[ref], (None, None), stored[ref]]
    assert any(v is not None for v in stored[ref])
    # a few refs that fill their range (a path's relationships) are read by key, the same texts
    with L.connect(db) as conn:
        few = L.edge_texts(conn, [None, *sorted(stored), ref + 1000])
    assert few == stored and len(stored) > 1


def test_side_props_rewrite_reads_the_side_table_before_each_projection():
    from paperkg.cypher.library import side_props

    text = ("MATCH (p)-[r:USES|INTRODUCES]->(e) WITH p, r, e WHERE r.mentions > 1 "
            "RETURN r.evidence AS ev, r.surface ORDER BY ev")
    out = side_props(text)
    assert out.count(f"OPTIONAL MATCH (r_text:{S.EDGE_TEXT} {{id: r.{S.TEXT_REF}}})") == 1
    assert out.endswith("RETURN r_text.evidence AS ev, r_text.surface ORDER BY ev")
    assert "r.mentions > 1" in out  # a stored property is read as it is
    for kept in ("MATCH (p)-[c:CITES]->(q) RETURN c.evidence",  # CITES keeps its own
                 f"MATCH (p)-[r:{S.LISTED_IN}]->(q) RETURN r.evidence"):  # no side props
        assert side_props(kept) == kept
    # no type, or a type that keeps its own among them: the side table's, else the own
    for text in ("MATCH (p)-[r]->(q) RETURN r.evidence, r.surface",
                 "MATCH (p)-[r {weight: 1}]->(q) RETURN r.evidence, r.surface",
                 "MATCH (p)-[r:USES|CITES]->(q) RETURN r.evidence, r.surface"):
        out = side_props(text)
        assert out.endswith("RETURN coalesce(r_text.evidence, r.evidence), r_text.surface"), out
