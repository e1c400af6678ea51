"""Thirty-first pass (fast31): a fresh store's small tables are COPYed in one transaction, committed
once it holds _COMMIT_BYTES of table data or the engine is opened again, and the store reads
back the same."""

from __future__ import annotations

import pytest

from paperkg.graph import ladybug_store
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.ladybug_store import load_graph, replace_tables, store_tables, writer_lock


class _Recording:
    """A connection that records every statement before running it."""

    def __init__(self, conn, log: list[str]):
        self._conn, self._log = conn, log

    def execute(self, stmt: str, *args, **kwargs):
        """Record the statement's first word (COPY: with its table), then run it."""
        words = stmt.split()
        self._log.append(" ".join(words[:2]) if words[0] == "COPY" else stmt)
        return self._conn.execute(stmt, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


@pytest.fixture
def statements(monkeypatch):
    """The statements every _Writer's connection runs, in order."""
    log: list[str] = []
    connect = ladybug_store._Writer._connect

    def recording(self) -> None:
        connect(self)
        self.conn = _Recording(self.conn, log)
        log.append("(opened)")

    monkeypatch.setattr(ladybug_store._Writer, "_connect", recording)
    return log


def _graph():
    """Papers that use and introduce invented methods (evidence texts: the side table too)."""
    g = empty_graph()
    ms = [add_node(g, S.METHOD, {"id": f"m{j}", "name": f"Plinth{j}"}) for j in range(3)]
    for i in range(6):
        p = add_node(g, S.PAPER, {"id": f"p{i}", "title": f"Paper {i}", "abstract": "x"})
        for j, m in enumerate(ms):
            rel = S.USES if (i + j) % 2 else S.INTRODUCES
            add_edge(g, p, m, rel, {"evidence": f"We use Plinth{j}.", "surface": f"Plinth{j}",
                                    "confidence": 0.5})
    return g


def _written(g, db, log: list[str]) -> list[list[str]]:
    """Write g as a fresh store; the statements from its first COPY on, cut at each opening."""
    with writer_lock(db):
        tables, existed = store_tables(g, db, keep=False)
        assert replace_tables(tables, db, (), existed, threads=1) == "fresh"
    first = next(i for i, s in enumerate(log) if s.startswith("COPY"))
    start = max(i for i in range(first) if log[i] in ("(opened)", "BEGIN TRANSACTION"))
    runs: list[list[str]] = [[]]
    for s in log[start:]:
        if s == "(opened)":
            runs.append([])
        else:
            runs[-1].append(s)
    return [r for r in runs if r]


def _same_store(g, db) -> None:
    back = load_graph(db)
    assert set(back.nodes) == set(g.nodes)
    assert sorted((u, v, k, d.get("evidence")) for u, v, k, d in back.edges(keys=True, data=True)
                  ) == sorted((u, v, k, d["evidence"]) for u, v, k, d in
                              g.edges(keys=True, data=True))


def _inside_transactions(run: list[str]) -> None:
    """Every COPY of run comes between a BEGIN TRANSACTION and its COMMIT, none nested."""
    open_ = False
    for s in run:
        if s == "BEGIN TRANSACTION":
            assert not open_
            open_ = True
        elif s == "COMMIT":
            assert open_
            open_ = False
        elif s.startswith("COPY"):
            assert open_, s
    assert not open_


def test_copies_of_one_opening_are_one_transaction(tmp_path, statements):
    g = _graph()
    db = tmp_path / "kg.lbug"
    runs = _written(g, db, statements)
    assert len(runs) == 1  # the tables are far below _REOPEN_BYTES and _COMMIT_BYTES
    run = runs[0]
    assert run[0] == "BEGIN TRANSACTION" and run[-1] == "COMMIT"
    copies = [s for s in run if s.startswith("COPY")]
    assert {f"COPY {S.PAPER}", f"COPY {S.METHOD}", f"COPY {S.USES}", f"COPY {S.INTRODUCES}",
            f"COPY {S.EDGE_TEXT}"} <= set(copies)
    assert run.count("BEGIN TRANSACTION") == run.count("COMMIT") == 1
    _same_store(g, db)


def test_each_opening_commits_its_own_copies(tmp_path, statements, monkeypatch):
    monkeypatch.setattr(ladybug_store, "_REOPEN_BYTES", 0)  # reopened after every table
    g = _graph()
    db = tmp_path / "kg.lbug"
    runs = _written(g, db, statements)
    assert len(runs) > 3
    for run in runs:  # each opening's COPYs in transactions, the last committed before it closes
        assert run[0] == "BEGIN TRANSACTION" and run[-1] == "COMMIT", run
        _inside_transactions(run)
    _same_store(g, db)


def test_a_transaction_is_committed_once_it_holds_commit_bytes(tmp_path, statements,
                                                                monkeypatch):
    # _COMMIT_BYTES 0: every COPY committed by itself, all in one opening of the engine
    monkeypatch.setattr(ladybug_store, "_COMMIT_BYTES", 0)
    g = _graph()
    db = tmp_path / "kg.lbug"
    runs = _written(g, db, statements)
    assert len(runs) == 1
    run = runs[0]
    copies = [i for i, s in enumerate(run) if s.startswith("COPY")]
    _inside_transactions(run)
    assert all(run[i + 1] == "COMMIT" for i in copies)
    _same_store(g, db)
