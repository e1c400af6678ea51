"""Thirty-third pass (graph33): the whole graph's counters set in one pass over its edges and
one over its nodes (the code counters with the others), a fresh build's tables made without
looking for counters again, and the tables' rows read by property name with map; every value
the same."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from paperkg.graph import counters
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.counters import set_counters
from paperkg.graph.ladybug_store import discard_tables, graph_tables, store_tables


def _graph():
    """Papers with dates (two alike, one odd, one missing), repositories of two owners and one
    of none, citations from two sources, an introduced method and a dataset."""
    g = empty_graph()
    for pid, published in (("a", "2024-05-01"), ("b", "2024-05-01"), ("c", "--05-01"),
                           ("d", None), ("e", "May 2024")):
        add_node(g, S.PAPER, {"id": pid, "title": pid.upper(), "published": published})
    for rid, owner in (("r1", "o1"), ("r2", "o1"), ("r3", "o2"), ("r4", None)):
        add_node(g, S.REPOSITORY, {"id": rid, "url": f"https://x/{rid}", "owner": owner})
    for pid, rid in (("a", "r1"), ("a", "r2"), ("b", "r1"), ("c", "r3"), ("d", "r4")):
        add_edge(g, f"Paper:{pid}", f"Repository:{rid}", S.HAS_CODE, {})
    add_node(g, S.METHOD, {"id": "m", "name": "M"})
    add_node(g, S.DATASET, {"id": "d", "name": "D"})
    for pid in "ab":
        add_edge(g, f"Paper:{pid}", "Method:m", S.INTRODUCES, {})
    add_edge(g, "Paper:c", "Dataset:d", S.USES, {})
    for a, b, source in (("b", "a", S.CITATION_SOURCES[0]), ("c", "a", S.CITATION_SOURCES[-1]),
                         ("c", "b", S.CITATION_SOURCES[0])):
        add_edge(g, f"Paper:{a}", f"Paper:{b}", S.CITES, {"source": source})
    return g


def test_whole_graph_counters_in_one_node_pass(monkeypatch):
    per_node = _graph()
    set_counters(per_node, list(per_node))  # each counter by its own function
    whole = _graph()
    # the whole-graph path makes the code counters itself, in the same passes
    monkeypatch.setattr(counters, "set_code_counts", lambda g: pytest.fail("second pass"))
    monkeypatch.setattr(counters, "published_order", _counted(counters.published_order))
    assert set_counters(whole) == 7  # five papers and two entities
    assert [(n, list(d.items())) for n, d in whole.nodes(data=True)] == [
        (n, list(d.items())) for n, d in per_node.nodes(data=True)]
    assert counters.published_order.calls == 4  # one per distinct date (None among them)
    assert whole.nodes["Repository:r1"][S.OWNER_REPOS] == 2
    assert whole.nodes["Paper:a"][S.CODE_REPOS] == 2


def _counted(fn):
    """fn, counting its calls in its `calls`."""
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper


def _rows(tables) -> dict:
    """Each table's rows (files read back), by table and label pair."""
    return {(t, pair): pq.read_table(f).to_pylist() for t, pair, f in tables}


def test_counted_tables_skip_the_counters_and_match(tmp_path, monkeypatch):
    g = _graph()
    set_counters(g)
    looked, counted = tmp_path / "a.lbug", tmp_path / "b.lbug"
    want, _ = store_tables(g, looked)
    monkeypatch.setattr(counters, "fill_counters", lambda g: pytest.fail("looked again"))
    got, existed = store_tables(g, counted, counted=True)
    assert not existed
    try:
        assert _rows(got) == _rows(want)
    finally:
        discard_tables(want)
        discard_tables(got)


def test_uncounted_tables_still_get_their_counters(tmp_path):
    g = _graph()  # no set_counters: a graph not made by the build
    spill = tmp_path / "kg.spill"
    tables = graph_tables(g, spill)
    try:
        papers = _rows(t for t in tables if t[0] == S.PAPER)[(S.PAPER, None)]
        assert {r["id"]: r[S.CODE_REPOS] for r in papers} == {
            "a": 2, "b": 1, "c": 1, "d": 1, "e": 0}
        assert {r["id"]: r[S.PUBLISHED_ORDER] for r in papers}["c"] == 501
    finally:
        discard_tables(tables)


def test_entity_surfaces_counted_in_plain_dicts():
    """Each entity node's names and aliases are counted in plain dicts (no Counter made per
    node), with the counts, name, aliases and paper count a Counter gave."""
    from paperkg.core.records import Entity, Mention, Paper, PaperExtraction
    from paperkg.graph.build import build_graph

    def quill(name: str, aliases: list[str]) -> Entity:
        return Entity(name, "METHOD", "used", aliases, [Mention(name, 0, len(name), name)],
                      0.9, "gaz", "quillnet")

    papers = [Paper(id=pid, title=f"Title {pid}", abstract="Text.") for pid in ("p1", "p2")]
    exs = [PaperExtraction("p1", [quill("QuillNet", ["QN", ""]), quill("Quillnet", ["QN"])]),
           PaperExtraction("p2", [quill("QuillNet", ["Quill Net"])])]
    surfaces: dict = {}
    g = build_graph(papers, [], exs, surfaces=surfaces)
    names, aliases = surfaces["names"]["Method:quillnet"], surfaces["aliases"]["Method:quillnet"]
    assert type(names) is dict and type(aliases) is dict
    assert names == {"QuillNet": 2, "Quillnet": 1}
    assert aliases == {"QN": 2, "Quill Net": 1}
    node = g.nodes["Method:quillnet"]
    assert (node["name"], node["aliases"], node["paper_count"]) == (
        "QuillNet", ["QN", "Quill Net", "Quillnet"], 2)
