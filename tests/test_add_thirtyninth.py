"""Thirty-ninth pass (add39): an update's counts taken by the early write's thread inside the
update's transaction, with only the tables the late rows write counted again
(ladybug_store.stats_in's `then`), instead of every count after the checkpoint."""

from __future__ import annotations

from tests.test_incremental import _tiny


def test_counts_again_only_for_the_tables_written(tmp_path):
    """Inside a write transaction, the counts taken before a write with the written tables
    counted again equal every count taken after it (and differ from the counts before)."""
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import connect, stats_in
    from paperkg.graph.pipeline import build

    a, b = _tiny(tmp_path)
    db = tmp_path / "kg.lbug"
    build([a, b], db=db, fast=True)
    with connect(db, read_only=False) as conn:
        conn.execute("BEGIN TRANSACTION")
        then = stats_in(conn)
        assert then["nodes"][S.PAPER] == 5 and then["relationships"][S.LISTED_IN] >= 5
        conn.execute(f"MATCH (p:{S.PAPER})-[r:{S.LISTED_IN}]->() WHERE p.id = '2401.00050' "
                     "DELETE r")
        conn.execute(f"CREATE (:{S.PAPER} {{id: '2401.00070', title: 'T'}})")
        now = stats_in(conn)
        again = stats_in(conn, then, nodes={S.PAPER}, rels={S.LISTED_IN})
        conn.execute("ROLLBACK")
    assert again == now != then
    assert list(again["nodes"]) == list(now["nodes"])  # the report's order kept
    assert list(again["relationships"]) == list(now["relationships"])
    assert now["nodes"][S.PAPER] == 6
    assert now["relationships"][S.LISTED_IN] == then["relationships"][S.LISTED_IN] - 1


def test_an_update_reports_the_counts_of_the_store_it_leaves(tmp_path):
    """The quick path's report (its counts from the early thread and the late tables) holds
    the counts of the store it leaves, which are those of a fresh build of the union."""
    from paperkg.graph.ladybug_store import stats
    from paperkg.graph.pipeline import build

    a, b = _tiny(tmp_path)
    grown, fresh = tmp_path / "grown.lbug", tmp_path / "fresh.lbug"
    build([a], db=grown, fast=True)
    report = build([b], db=grown, fast=True)
    assert report.mode == "upsert" and report.written is not None  # the quick path
    build([a, b], db=fresh, fast=True)
    told = {"nodes": report.nodes, "relationships": report.relationships}
    assert told == stats(grown) == stats(fresh)
    assert report.relationships["CITES"] > 0  # the late rows wrote some
