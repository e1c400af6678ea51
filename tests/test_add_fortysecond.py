"""Forty-second pass (add42): an update's citation judging (infer.judge) is made by a child
forked once the graph holds every Paper node (graph/judge_fork.py), whose reads of the
store's citation index are answered by the parent: the same Judged as judging in process,
None (the caller judges) when the child is stopped, and the same store as a fresh build."""

from __future__ import annotations

from tests.test_add_fortieth import _OLD  # the same stored papers
from tests.test_incremental import _line, grown_by_command

_NEW = [_line("2401.00070", "Tissue Images", "We apply ZorbNet to tissue images and compare "
              "it with YodelLM on PTB.")]


def _judging_inputs(tmp_path):
    """A store of _OLD (open), and what an update adding _NEW hands judge: the graph of every
    Paper node, the new paper's entry, the Previous with the store's index."""
    import networkx as nx

    from paperkg.graph.build import add_bare_nodes
    from paperkg.graph.citations import Previous
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.stored import StoredIndex
    from paperkg.graph.ladybug_delta import inferred_citations_in
    from paperkg.graph.pipeline import build
    from paperkg.graph.registry_store import cited_nodes
    from paperkg.readers import read_listings

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(_OLD) + "\n")
    b.write_text("\n".join(_NEW) + "\n")
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    papers = sorted(read_listings([a, b]).papers, key=lambda p: p.id)
    g = nx.MultiDiGraph()
    add_bare_nodes(g, cited_nodes(papers))
    new = papers[-1]
    features = {"Paper:2401.00070": paper_features(new.title, new.abstract)}
    return db, g, features, (Previous, StoredIndex, inferred_citations_in)


def test_the_child_judges_as_this_process_does_and_a_stopped_one_gives_none(tmp_path):
    """ForkedJudge's Judged (its index reads asked of this process) equals judge's in
    process, and names the stored claimant of a name the new paper writes; a child given no
    time is ended and gives None."""
    from paperkg.graph import judge_fork
    from paperkg.graph.citations.infer import judge
    from paperkg.graph.ladybug_store import connect

    db, g, features, (Previous, StoredIndex, inferred_citations_in) = _judging_inputs(tmp_path)
    with connect(db) as conn:
        kept = StoredIndex(conn)
        previous = Previous(inferred_citations_in(conn), {"Paper:2401.00070"}, kept=kept)
        nodes = {n: d for n, d in g.nodes(data=True) if d.get("label") == "Paper"}
        here = judge(nodes, None, features, previous)
        assert ("Paper:2401.00070", "Paper:2401.00010") in {(a, b) for a, b, *_ in here.named}
        child = judge_fork.ForkedJudge(lambda: nodes, features, previous, conn.database)
        made = child.result()
        assert made is not None and made == here
        assert child.result() is None  # handed over once
        stuck = judge_fork.STUCK
        judge_fork.STUCK = 0.0
        try:
            stopped = judge_fork.ForkedJudge(lambda: nodes, features, previous,
                                             conn.database)
            assert stopped.result() is None
        finally:
            judge_fork.STUCK = stuck
        assert judge(nodes, None, features, previous) == here  # nothing here was changed


def test_an_update_judged_by_the_child_is_a_fresh_build(tmp_path):
    """The command with a second worker (the judging forked) grows the store, with a new
    citation of a stored paper, into the fresh build of the union."""
    grown_seen = grown_by_command(tmp_path, _OLD, _NEW)
    assert ("Paper:2401.00070", "Paper:2401.00020") in {  # a new citation of a stored paper
        (u, v) for u, v, k in grown_seen[1] if k.startswith("CITES")}
