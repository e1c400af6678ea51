"""Read-only Cypher is an allow-list: every statement kind of the engine, tried on a real store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from paperkg.cypher.readonly import WriteRefused, check_read_only, refusal

# Statements that only read: they run on the real store and return rows.
READS = [
    "MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT 3",
    "OPTIONAL MATCH (p:Paper) RETURN count(p) AS n",
    "MATCH (p:Paper) WHERE p.title CONTAINS 'CREATE' OR p.title = 'set' RETURN count(*) AS n",
    "MATCH (p:Paper) WITH p ORDER BY p.id SKIP 1 LIMIT 2 RETURN p.id AS id",
    "UNWIND [1, 2, 3] AS x RETURN x",
    "RETURN 1 AS one",
    "MATCH (p:Paper) RETURN p.id AS id UNION MATCH (m:Method) RETURN m.id AS id",
    "MATCH (p:Paper) WHERE EXISTS { MATCH (p)-[:USES]->() } RETURN count(p) AS n",
    "MATCH (n) RETURN label(n) AS label, {set: 1, delete: 2} AS map LIMIT 1",
    "MATCH (n:Paper) RETURN n.id AS `DROP` LIMIT 1",
    "MATCH (a:Paper)-[r:USES]->(b) RETURN a.id AS a, b.id AS b LIMIT 2",
    "MATCH (p:Paper) /* CREATE (x) */ RETURN count(p) AS n // DELETE p",
    "CALL show_tables() RETURN *",
    "CALL table_info('Paper') RETURN *",
    "EXPLAIN MATCH (p:Paper) RETURN p.id",
]

# Every other statement kind of Cypher and LadybugDB: refused before the engine sees it.
WRITES = [
    "COPY (MATCH (p:Paper) RETURN p.id) TO 'out.csv'",
    "COPY (MATCH (p:Paper) RETURN p.id) TO 'out.parquet'",
    "COPY Paper FROM 'papers.csv'",
    "CHECKPOINT",
    "INSTALL httpfs",
    "UNINSTALL httpfs",
    "UPDATE httpfs",
    "LOAD EXTENSION httpfs",
    "LOAD httpfs",
    "LOAD FROM 'file.csv' RETURN *",
    "EXPORT DATABASE 'dump'",
    "IMPORT DATABASE 'dump'",
    "ATTACH 'other.lbug' AS other (dbtype lbug)",
    "DETACH other",
    "USE other",
    "BEGIN TRANSACTION",
    "BEGIN TRANSACTION READ ONLY",
    "COMMIT",
    "ROLLBACK",
    "CREATE (:Paper {id: 'x'})",
    "MERGE (:Paper {id: 'x'})",
    "MATCH (p:Paper) SET p.title = 'x'",
    "MATCH (p:Paper) DELETE p",
    "MATCH (p:Paper) DETACH DELETE p",
    "MATCH (p:Paper) REMOVE p.title",
    "MATCH (p:Paper) FOREACH (x IN [1] | SET p.title = 'y')",
    "MATCH (p:Paper) WITH p CREATE (q:Paper {id: p.id + 'x'})",
    "CREATE NODE TABLE T(id INT64 PRIMARY KEY)",
    "CREATE REL TABLE R(FROM Paper TO Paper)",
    "DROP TABLE USES",
    "ALTER TABLE Paper ADD extra INT64",
    "ALTER TABLE Paper RENAME TO Article",
    "COMMENT ON TABLE Paper IS 'x'",
    "CREATE MACRO m(x) AS x",
    "CREATE SEQUENCE s",
    "DROP SEQUENCE s",
    "RETURN nextval('s')",
    "CALL threads = 1",
    "CALL checkpoint_threshold = 1",
    "CALL { MATCH (p:Paper) RETURN p } RETURN 1",
    "CALL db.labels()",
    "CALL project_graph('g', ['Paper'], ['CITES'])",
    "MATCH (p:Paper) RETURN p.id; CHECKPOINT",
    "PROFILE COPY (MATCH (p:Paper) RETURN p.id) TO 'x.csv'",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, examples_built) -> Path:
    """A real store built from the examples (a copy of the session's)."""
    import shutil

    path = tmp_path_factory.mktemp("ro") / "store.csv"  # a store named like an export target
    shutil.copy(examples_built, path)
    return path


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.is_file()}


@pytest.mark.parametrize("text", READS)
def test_reading_statements_run(text, store):
    from paperkg.graph.ladybug_store import query

    assert refusal(text) is None
    columns, rows = query(text, db=store)
    assert columns


@pytest.mark.parametrize("text", WRITES)
def test_other_statements_are_refused_before_the_engine(text, store, monkeypatch):
    from paperkg.graph.ladybug_store import query

    monkeypatch.chdir(store.parent)
    before = _digest(store.parent)
    with pytest.raises(WriteRefused) as info:
        query(text, db=store)
    assert "--write" in str(info.value)
    assert "\n" not in str(info.value)
    assert _digest(store.parent) == before  # no file written, the store untouched


def test_copy_to_the_store_name_cannot_truncate_it(store, monkeypatch):
    from paperkg.graph.ladybug_store import query

    monkeypatch.chdir(store.parent)
    size = store.stat().st_size
    with pytest.raises(WriteRefused):
        query(f"COPY (MATCH (p:Paper) RETURN p.id) TO '{store.name}'", db=store)
    assert store.stat().st_size == size
    assert query("MATCH (p:Paper) RETURN count(p) AS n", db=store)[1][0][0] > 0


def test_words_inside_strings_comments_and_names_are_not_clauses():
    assert refusal("MATCH (p:Paper) WHERE p.title = 'COPY ... TO' RETURN p.set AS s") is None
    assert refusal('MATCH (p:`CREATE`) RETURN p.id AS `DELETE`') is None
    with pytest.raises(WriteRefused, match="CREATE is not a reading clause"):
        check_read_only("MATCH (p:Paper) CREATE (q:Paper {id: 'x'})")


def test_a_store_left_mid_checkpoint_is_recovered_and_read(tmp_path, examples_built):
    """A CHECKPOINT run by another tool on a read-only open leaves .wal/.shadow behind; every
    read verb used to fail on such a store until a --write query ran."""
    import shutil

    import ladybug

    import paperkg
    from paperkg.graph.ladybug_store import query

    db = tmp_path / "kg.lbug"
    shutil.copy(examples_built, db)
    papers = paperkg.stats(db=db)["nodes"]["Paper"]
    database = ladybug.Database(str(db), read_only=True)
    conn = ladybug.Connection(database)
    with pytest.raises(RuntimeError):
        conn.execute("CHECKPOINT")
    conn.close()
    database.close()
    assert (tmp_path / "kg.lbug.wal").exists()
    assert paperkg.stats(db=db)["nodes"]["Paper"] == papers
    assert query("MATCH (p:Paper) RETURN count(p) AS n", db=db)[1] == [[papers]]
    assert not (tmp_path / "kg.lbug.wal").exists()
