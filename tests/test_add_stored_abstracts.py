"""Session 44 (read44): an add reads the stored papers without their abstracts; each stored
paper holds a StoredAbstract read from the store when asked for (graph/stored_text.py), by
the judging child through its parent: the same texts, the same Judged and the same store."""

from __future__ import annotations

from tests.test_add_fortieth import _OLD
from tests.test_add_fortysecond import _NEW as _NAMING
from tests.test_incremental import _line, assert_same, snapshot


def test_the_stored_abstracts_are_read_when_asked_for(tmp_path):
    """papers_in with a StoredTexts gives the papers papers_in gives, each abstract read only
    once asked for (str, an f-string), and `resolved` puts the texts in their place."""
    from paperkg.graph.ladybug_store import connect, papers_in
    from paperkg.graph.pipeline import build
    from paperkg.graph.stored_text import StoredAbstract, StoredTexts, resolved

    a = tmp_path / "old.jsonl"
    a.write_text("\n".join(_OLD) + "\n")
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    with connect(db) as conn:
        whole, sources = papers_in(conn)
        texts = StoredTexts(conn.database)
        lazy, lazy_sources = papers_in(conn, texts)
        assert lazy_sources == sources
        assert [p.id for p in lazy] == [p.id for p in whole]
        assert all(isinstance(p.abstract, StoredAbstract) for p in lazy)
        assert texts.got == {}
        assert str(lazy[0].abstract) == whole[0].abstract
        assert list(texts.got) == [whole[0].id]
        assert f"{lazy[1].title}\n{lazy[1].abstract}" == whole[1].text
        resolved(lazy)
        assert lazy == whole
        assert texts.got == {p.id: p.abstract for p in whole}
        # the column read whole beside: the same texts, taken from its buffers
        texts = StoredTexts(conn.database)
        texts.start()
        lazy, _ = papers_in(conn, texts)
        texts.ready()
        assert texts.column is not None and texts.got == {}
        assert [str(p.abstract) for p in lazy] == [p.abstract for p in whole]


def test_the_child_reads_the_stored_abstracts_through_its_parent(tmp_path):
    """Paper nodes holding unread stored abstracts are judged by the forked child as the
    in-process judge judges the nodes with every abstract read, whether the child asks its
    parent for them or takes them from the column read before the fork; the parent's
    StoredTexts holds none taken."""
    import networkx as nx

    from paperkg.graph import judge_fork
    from paperkg.graph.build import add_bare_nodes
    from paperkg.graph.citations import Previous
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.infer import judge
    from paperkg.graph.citations.stored import StoredIndex
    from paperkg.graph.ladybug_delta import inferred_citations_in
    from paperkg.graph.ladybug_store import connect, papers_in
    from paperkg.graph.pipeline import build
    from paperkg.graph.registry_store import cited_nodes
    from paperkg.graph.stored_text import StoredTexts
    from paperkg.readers import read_listings

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(_OLD) + "\n")
    b.write_text("\n".join(_NAMING) + "\n")
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    new = read_listings([b]).papers
    features = {"Paper:2401.00070": paper_features(new[0].title, new[0].abstract)}

    def nodes_of(papers) -> dict:
        g = nx.MultiDiGraph()
        add_bare_nodes(g, cited_nodes(sorted(papers, key=lambda p: p.id)))
        return {n: d for n, d in g.nodes(data=True) if d.get("label") == "Paper"}

    with connect(db) as conn:
        kept = StoredIndex(conn)
        previous = Previous(inferred_citations_in(conn), {"Paper:2401.00070"}, kept=kept)
        here = judge(nodes_of([*papers_in(conn)[0], *new]), None, features, previous)
        assert ("Paper:2401.00070", "Paper:2401.00010") in {(x, y) for x, y, *_ in here.named}
        for started in (False, True):  # read through the parent; taken from the column
            texts = StoredTexts(conn.database)
            if started:
                texts.start()
            lazy = nodes_of([*papers_in(conn, texts)[0], *new])
            child = judge_fork.ForkedJudge(lambda lazy=lazy: lazy, features, previous,
                                           conn.database, texts)
            assert child.result() == here
            child.close()
            assert texts.got == {} and (texts.column is not None) == started


def test_an_add_that_takes_the_whole_path_reads_every_abstract(tmp_path):
    """An add given a citation threshold judges every citation anew on the whole path (not
    the quick update that reads abstracts when asked for): every stored abstract is read
    before the store is closed, and the store equals a fresh build of both listings (a new
    record of a stored paper's title merged into it)."""
    from paperkg.graph.citations import DEFAULT_MIN_CONFIDENCE
    from paperkg.graph.pipeline import build

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(_OLD) + "\n")
    b.write_text("\n".join([
        _line("2401.00020", "Yodel Models", "We propose YodelLM, a speech model trained on "
              "PTB and WSJ."),
        *_NAMING]) + "\n")
    grown = tmp_path / "grown.lbug"
    build([a], db=grown, fast=True)
    report = build([b], db=grown, fast=True, workers=2,
                   min_citation_confidence=DEFAULT_MIN_CONFIDENCE)
    assert report.mode == "upsert" and report.new_papers == 1
    build([a, b], db=tmp_path / "fresh.lbug", fast=True)
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(grown))
