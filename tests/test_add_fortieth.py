"""Fortieth pass (add40): an update reads the stored rows of the nodes its graph step touches
beside the graph's making (registry_store._touched_rows, _part_rows), and its extraction
worker, idle after the wait, makes the canonical keys of the stored names the kept citations'
check and the citations ask for (pipeline.Ahead.canon, infer.canon_made): the same answers
and the same store as a fresh build."""

from __future__ import annotations

from tests.test_incremental import _line, grown_by_command

_OLD = [_line("2401.00010", "ZorbNet: Segmenting Cells", "We propose ZorbNet, a new method "
              "for cell segmentation."),
        _line("2401.00020", "Yodel Models", "We propose YodelLM, a speech model. YodelLM "
              "improves accuracy on PTB."),
        _line("2401.00050", "On Cell Counting", "We build on ZorbNet for cell counting with "
              "YodelLM.")]
_NEW = [_line("2401.00070", "On Cell Counting in Tissue", "We build on U-Net for cell "
              "counting in tissue. ZorbNets are not used.")]


def test_the_worker_makes_the_canonical_keys_the_kept_citations_check_asks_for(tmp_path):
    """The names _reached_names gives for a stored citation's touched node hold its stored
    name; the worker's keys of them are canonical_key's, and _steady with them handed to
    infer._canon (and its reach made before) answers as it does without them."""
    import networkx as nx

    from paperkg.extractors.canonical import canonical_key
    from paperkg.graph.citations import infer
    from paperkg.graph.ladybug_delta import inferred_citations_in
    from paperkg.graph.ladybug_store import connect
    from paperkg.graph.pipeline import Ahead, build
    from paperkg.graph.registry_store import (
        _reached_names,
        _steady,
        _steady_reach,
        _steady_rows,
        _Store,
        _take_canon,
    )
    from paperkg.readers import read_listings

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(_OLD) + "\n")
    b.write_text("\n".join(_NEW) + "\n")
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    pair = ("Paper:2401.00050", "Paper:2401.00010")
    node = "Task:cellcounting"
    papers = read_listings([b]).papers
    names: list[str] = []
    ahead = Ahead(papers, fast=True)
    try:
        assert ahead.raws(papers, fast=True, keep_open=True)
        with connect(db) as conn:
            store = _Store(conn)
            edges = inferred_citations_in(conn)
            assert [(u, v) for u, v, _ in edges] == [pair]
            row = store.node_rows("Task", ["cellcounting"])["cellcounting"]
            touched = {node: row}
            rows = _steady_rows(store, ["2401.00010", "2401.00020", "2401.00050"])
            reach = _steady_reach(edges, set(), touched, rows)
            assert reach == {"2401.00050": {node}}
            contrib = {"2401.00070": {node: ({"ZorbNets": 1}, {}, False)}}
            names = _reached_names(reach, touched, {}, {}, contrib)
            assert "ZorbNets" in names and any(n.lower() == "cell counting" for n in names)
            future = ahead.canon(names)
            assert future is not None
            assert future.result(timeout=60) == {n: canonical_key(n) for n in names}
            assert _take_canon(future) is None and set(names) <= infer._CANON_MADE.keys()
            g = nx.MultiDiGraph()
            g.add_node(node, label="Task", id="cellcounting", name="Cell Counting",
                       aliases=["ZorbNets"])
            # "ZorbNets" keys as the citation's name "ZorbNet": the edge is not kept as it is
            assert _steady(store, g, edges, set(), touched, reach=reach) == set()
            assert _steady(store, g, edges, set(), touched, rows=rows) == set()
            g.nodes[node]["aliases"] = []
            assert _steady(store, g, edges, set(), touched, reach=reach) == {pair}
    finally:
        ahead.close()
        for name in names:
            infer._CANON_MADE.pop(name, None)
        infer._canon.cache_clear()
    assert ahead.canon(["ZorbNet"]) is None  # the worker stopped


def test_an_update_by_the_command_with_a_worker_is_a_fresh_build(tmp_path):
    """The command with a second worker (the papers extracted ahead, the touched rows read
    beside, the canonical keys made by the worker) grows a store with a stored inferred
    citation into the fresh build of the union."""
    grown_by_command(tmp_path, _OLD, _NEW)
