"""Forty-fourth pass (add44): the forked judging's result is taken as soon as it has come
through the pipe, and the child's exit is waited for by the thread that answered it
(graph/judge_fork.py), not by the caller: the same Judged, and no child left unreaped."""

from __future__ import annotations

import os

import pytest

from tests.test_add_fortysecond import _judging_inputs


def test_the_result_comes_before_the_reaping_and_no_child_is_left(tmp_path):
    """ForkedJudge.result gives the in-process Judged; once close() returns the child has
    been reaped by this process (waitpid finds no such child, not a zombie), whether the
    answering thread or close reaped it."""
    from paperkg.graph import judge_fork
    from paperkg.graph.citations.infer import judge
    from paperkg.graph.ladybug_store import connect

    db, g, features, (Previous, StoredIndex, inferred_citations_in) = _judging_inputs(tmp_path)
    with connect(db) as conn:
        kept = StoredIndex(conn)
        previous = Previous(inferred_citations_in(conn), {"Paper:2401.00070"}, kept=kept)
        nodes = {n: d for n, d in g.nodes(data=True) if d.get("label") == "Paper"}
        here = judge(nodes, None, features, previous)
        for _ in range(3):
            child = judge_fork.ForkedJudge(lambda: nodes, features, previous, conn.database)
            pid = child._pid
            assert pid > 0
            assert child.result() == here
            child.close()
            assert child._pid == 0
            with pytest.raises(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)


def test_a_child_that_fails_gives_none_and_is_reaped(tmp_path):
    """A child whose judging raises (its Paper nodes cannot be made) sends "failed": result
    gives None at once (the caller judges in process) and the child is reaped."""
    from paperkg.graph import judge_fork
    from paperkg.graph.ladybug_store import connect

    db, g, features, (Previous, StoredIndex, inferred_citations_in) = _judging_inputs(tmp_path)
    with connect(db) as conn:
        kept = StoredIndex(conn)
        previous = Previous(inferred_citations_in(conn), {"Paper:2401.00070"}, kept=kept)

        def no_nodes() -> dict:
            raise ValueError("no Paper nodes")

        child = judge_fork.ForkedJudge(no_nodes, features, previous, conn.database)
        pid = child._pid
        assert child.result() is None
        child.close()
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
