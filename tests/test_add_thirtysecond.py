"""Thirty-second pass (add32): an in-place update folds its commit itself, so the database's close
does not checkpoint a second time; what is committed after it on that database is still kept."""

from __future__ import annotations

import ladybug

from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.ladybug_delta import in_place
from paperkg.graph.ladybug_store import (
    _open,
    load_graph,
    replace_tables,
    store_tables,
    writer_lock,
)


def _store(db) -> None:
    """A fresh store of invented papers that use an invented method."""
    g = empty_graph()
    m = add_node(g, S.METHOD, {"id": "m0", "name": "Quillnet"})
    for i in range(4):
        p = add_node(g, S.PAPER, {"id": f"p{i}", "title": f"Paper {i}", "abstract": "x"})
        add_edge(g, p, m, S.USES, {"evidence": "We use Quillnet.", "surface": "Quillnet",
                                   "confidence": 0.5})
    with writer_lock(db):
        tables, existed = store_tables(g, db, keep=False)
        replace_tables(tables, db, (), existed, threads=1)


def _setting(conn) -> str:
    """The open database's force_checkpoint_on_close setting ('True' or 'False')."""
    res = conn.execute("CALL current_setting('force_checkpoint_on_close') RETURN *")
    return res.get_all()[0][0]


def _titles(db) -> dict[str, str]:
    g = load_graph(db)
    return {n: d["title"] for n, d in g.nodes(data=True) if d.get("label") == S.PAPER}


def test_an_in_place_update_leaves_its_database_no_checkpoint_to_make_on_close(tmp_path):
    db = tmp_path / "kg.lbug"
    _store(db)
    seen: list[str] = []
    database = _open(db, read_only=False)
    try:
        assert _setting(ladybug.Connection(database)) == "True"  # the engine's default
        with in_place(db, after=lambda conn: seen.append(_setting(conn)),
                      database=database) as conn:
            conn.execute("MATCH (p:Paper {id: 'p1'}) SET p.title = 'Renamed'")
    finally:
        database.close()
    assert seen == ["False"]
    assert not (tmp_path / "kg.lbug.wal").exists()  # folded by the update's own checkpoint
    assert _titles(db)[S.node_key(S.PAPER, "p1")] == "Renamed"


def test_a_commit_after_the_update_on_the_same_database_is_kept(tmp_path):
    db = tmp_path / "kg.lbug"
    _store(db)
    database = _open(db, read_only=False)
    try:
        with in_place(db, database=database) as conn:
            conn.execute("MATCH (p:Paper {id: 'p1'}) SET p.title = 'Renamed'")
        # written after the update's checkpoint: left in the log by the close, replayed on open
        ladybug.Connection(database).execute("MATCH (p:Paper {id: 'p2'}) SET p.title = 'Later'")
    finally:
        database.close()
    titles = _titles(db)
    assert titles[S.node_key(S.PAPER, "p1")] == "Renamed"
    assert titles[S.node_key(S.PAPER, "p2")] == "Later"
