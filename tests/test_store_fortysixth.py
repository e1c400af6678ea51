"""A fresh build's Paper, Source and Result nodes and every relationship but CITES COPYed by
EarlyTables before the citation step (pipeline.PAPERS_EARLY), then CITES and the changed Paper
counters in the store step: the same store as writing them all in the store step."""

from __future__ import annotations

import pytest

from paperkg.graph import ladybug_store
from paperkg.graph import pipeline as gp
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.citations import CITES_INFERRED_KEY
from paperkg.graph.ladybug_store import graph_tables, load_graph, query


def _frozen(db) -> tuple:
    """Every node and edge of a store with every property, and its registry tables."""
    back = load_graph(db)
    nodes = {n: sorted(map(repr, d.items())) for n, d in back.nodes(data=True)}
    edges = sorted((u, v, k, repr(sorted(d.items())))
                   for u, v, k, d in back.edges(keys=True, data=True))
    registry = {t: sorted(map(tuple, query(f"MATCH (n:{t}) RETURN n.*", db=db)[1]))
                for t in (*S.REGISTRY_TABLES, S.EDGE_TEXT)}
    return nodes, edges, registry


@pytest.mark.parametrize("alone", [False, True])
def test_papers_copied_early_write_the_same_store(examples, tmp_path, monkeypatch, alone):
    """With the papers' tables COPYed early, the store step COPYs only CITES and the registry
    tables left, and SETs the counters of the papers the inferred citations point to; the
    store is the one the store step writes whole, with the citations judged in this process
    or (`alone`, as from STATE_ALONE_FROM papers) by a child."""
    if alone:
        monkeypatch.setattr(gp, "STATE_ALONE_FROM", 1)
        monkeypatch.setattr(ladybug_store, "_CHILD_ROWS", 1)
    monkeypatch.setattr(gp, "PAPERS_EARLY", False)
    whole = tmp_path / "whole.lbug"
    gp.build([examples], db=whole, fast=True)
    monkeypatch.setattr(gp, "PAPERS_EARLY", True)
    replace, late = ladybug_store.replace_tables, []

    def noted(tables, *args, **kw):
        late.append(([t for t, _, _ in tables], list(kw.get("paper_counters") or ())))
        return replace(tables, *args, **kw)

    monkeypatch.setattr(ladybug_store, "replace_tables", noted)
    early = tmp_path / "early.lbug"
    gp.build([examples], db=early, fast=True)
    (names, counters), = late
    assert set(names) - set(S.REGISTRY_TABLES) == {S.CITES}
    assert counters and all(r[S.CITED_BY] > 0 for r in counters)
    a, b = _frozen(early), _frozen(whole)
    assert any(k == CITES_INFERRED_KEY for _, _, k, _ in a[1])
    assert a == b
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".early.lbug.writer", ".whole.lbug.writer", "early.lbug", "whole.lbug"]


def _graph():
    g = empty_graph()
    m = add_node(g, S.METHOD, {"id": "quillnet", "name": "QuillNet"})
    p, q = (add_node(g, S.PAPER, {"id": i, "title": i}) for i in ("p1", "p2"))
    add_edge(g, p, m, S.USES, {"confidence": 0.5})
    add_edge(g, p, q, S.CITES, {"source": "inferred", "confidence": 0.9})
    return g


def test_graph_tables_keep_or_leave_out_relationship_types():
    """`rels` keeps only those relationship types' tables, `without_rels` leaves them out;
    the node tables are as without either."""
    g = _graph()
    every = [(t, pair) for t, pair, _ in graph_tables(g)]
    assert (S.CITES, (S.PAPER, S.PAPER)) in every and (S.USES, (S.PAPER, S.METHOD)) in every
    only = [(t, pair) for t, pair, _ in graph_tables(g, rels=(S.CITES,))]
    assert only == [k for k in every if k[1] is None or k[0] == S.CITES]
    left = [(t, pair) for t, pair, _ in graph_tables(g, without_rels=(S.CITES,))]
    assert left == [k for k in every if k[0] != S.CITES]
