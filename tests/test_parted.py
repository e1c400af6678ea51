"""A fresh build's canonicalisation made by forked children (graph/parted.py): the rows are
the ones the main process makes, in paper order, whoever makes each block; a child that
fails leaves its blocks to the main process; the graph, surfaces and spilled rows are the
ones _add_extractions makes from the canonical extractions."""

from __future__ import annotations

import os
from array import array

import pytest

from paperkg.graph import parted as PT
from paperkg.graph import pipeline as gp
from paperkg.graph import schema as S
from paperkg.graph.build import _Made, build_graph, paper_graph, paper_rows
from paperkg.graph.registry_store import Counts, Finished
from paperkg.readers import read_listings


@pytest.fixture(scope="module")
def spooled(examples, tmp_path_factory):
    """The examples' papers, their state spool in blocks of one paper, and their registry."""
    monkey = pytest.MonkeyPatch()
    monkey.setattr(gp.StateSpool, "_BATCH", 1)
    try:
        read = read_listings([examples])
        papers = sorted(read.papers, key=lambda p: p.id)
        folder = tmp_path_factory.mktemp("parted")
        counts = Counts()
        _, spool, _ = gp.extract_all(papers, fast=True, store=folder / "kg.lbug",
                                     counts=counts, packed=False)
    finally:
        monkey.undo()
    finished = Finished(counts, spool.extractions, lambda: ())
    reg = finished.registry()
    yield papers, read.sources, spool, reg, finished
    spool.remove()


def _ends(papers) -> array:
    return array("q", [len(p.title or "") for p in papers])


def _in_process(papers, finished) -> list[tuple]:
    ends = {p.id: len(p.title or "") for p in papers}
    return [paper_rows(ex, ends[ex.paper_id]) for ex in finished]


def test_children_make_every_block_as_this_process_does(spooled):
    papers, _, spool, reg, finished = spooled
    rows = PT.PartedRows(spool.path, reg, _ends(papers), children=1)
    assert rows._n >= 3  # several blocks
    os.waitpid(rows._pids[0], 0)  # the child took every block and made it
    got = list(rows.records())
    assert rows.made_here == 0
    want = _in_process(papers, Finished(finished._counts, spool.extractions, lambda: ()))
    assert got == want
    assert [r[0] for r in got] == [p.id for p in papers]
    assert any(r[3] for r in got) and any(r[1] for r in got)  # results and entities


def test_blocks_nobody_took_are_made_here(spooled):
    papers, _, spool, reg, finished = spooled
    rows = PT.PartedRows(spool.path, reg, _ends(papers), children=0)
    got = list(rows.records())
    assert rows.made_here == rows._n
    assert got == _in_process(papers, Finished(finished._counts, spool.extractions,
                                               lambda: ()))


def test_a_child_that_fails_leaves_its_blocks_here(spooled, monkeypatch):
    papers, _, spool, reg, finished = spooled
    made = PT.PartedRows._made

    def failing(self, pf, b):  # the child fails on its second block (the fork has this)
        if b == 1 and os.getpid() != here:
            raise RuntimeError("a child's failure")
        return made(self, pf, b)

    here = os.getpid()
    monkeypatch.setattr(PT.PartedRows, "_made", failing)
    rows = PT.PartedRows(spool.path, reg, _ends(papers), children=1)
    os.waitpid(rows._pids[0], 0)  # it made block 0, took block 1 and died
    got = list(rows.records())
    assert rows.made_here == rows._n - 1
    assert got == _in_process(papers, Finished(finished._counts, spool.extractions,
                                               lambda: ()))


def test_graph_from_parted_rows_is_the_graph_from_extractions(spooled):
    """build_graph with a PartedRows (entity_edges and rows given) makes the graph, the
    surfaces, the entity edges and the spilled rows that the canonical extractions make."""
    papers, sources, spool, reg, finished = spooled

    def made(extractions):
        edges, rows, surfaces = [], _Made(), {}
        g = build_graph(papers, sources, extractions, surfaces=surfaces,
                        entity_edges=lambda *a: edges.append(a), rows=rows,
                        g=paper_graph(papers, sources, rows=rows))
        nodes = [(n, sorted(map(repr, d.items()))) for n, d in g.nodes(data=True)]
        return nodes, sorted(g.edges(keys=True)), surfaces, edges, rows.rows

    want = made(Finished(finished._counts, spool.extractions, lambda: ()))
    got = made(PT.PartedRows(spool.path, reg, _ends(papers), children=1))
    assert any(n.startswith(f"{S.REPOSITORY}:") or n.startswith(f"{S.LINK}:")
               for n, _ in want[0])
    assert got == want
