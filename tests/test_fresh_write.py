"""The fresh build's plumbing: results sent by the workers as JSON, the store written from
Arrow columns (graph_tables) typed as the row path types them, and a build that releases its
graph before the store's COPYs still writing every node and edge."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from paperkg.core.errors import UserError
from paperkg.extractors import pipeline as xp
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.citations import CITES_INFERRED_KEY
from paperkg.graph.ladybug_store import _coerce, graph_tables, load_graph, replace_graph

TEXTS = [
    "QuillNet: Feathered Networks\nWe propose QuillNet and evaluate it on MNIST and CIFAR-10 "
    "with 93.1% accuracy. Code: https://github.com/acme/quill.",
    "Routing Tokens\nWe compare Slot Attention Routing (SAR) with QuillNet on ImageNet.",
    "",
]


@pytest.fixture
def fast_worker():
    """This process set up as a pool worker running the rules-only pipeline."""
    xp._worker_init(("cache", "fast"))
    yield
    xp._WORKER_NLP = None


def test_worker_json_is_the_json_of_the_plain_results(fast_worker):
    plain = xp._worker_run(TEXTS)
    sent = xp._worker_run(TEXTS, as_json=True)
    assert all(isinstance(s, str) for s in sent)
    assert sent == [json.dumps(r, separators=(",", ":")) for r in plain]
    assert [json.loads(s) for s in sent] == json.loads(json.dumps(plain))
    assert any(json.loads(s)[0] for s in sent)  # entities were found
    # in this process (few texts) as_json gives the same strings
    assert list(xp.raw_extractions(TEXTS, fast=True, as_json=True)) == sent


def test_worker_adds_the_extra_item_as_the_main_process_did(fast_worker):
    from paperkg.graph.citations.cache import paper_features

    args = [tuple(t.split("\n", 1)) if "\n" in t else (t, "") for t in TEXTS]
    sent = xp._worker_run(TEXTS, as_json=True, extra=paper_features, extra_args=args)
    plain = xp._worker_run(TEXTS, as_json=True)
    # what the build's main process used to append to each worker's JSON
    assert sent == [s[:-1] + "," + json.dumps(paper_features(*a), separators=(",", ":")) + "]"
                    for s, a in zip(plain, args, strict=True)]
    assert list(xp.raw_extractions(TEXTS, fast=True, as_json=True, extra=paper_features,
                                   extra_args=args)) == sent
    with pytest.raises(ValueError):
        list(xp.raw_extractions(TEXTS, fast=True, extra=paper_features, extra_args=args[:1]))


def _graph():
    g = empty_graph()
    a = add_node(g, S.PAPER, {"id": "p1", "title": "A", "abstract": "x", "authors": 2,
                              "author_names": ("Ann", "Bo")})
    b = add_node(g, S.PAPER, {"id": "p2", "title": "B"})
    m = add_node(g, S.METHOD, {"id": "quillnet", "name": "QuillNet", "aliases": ["QN"]})
    add_edge(g, a, m, S.INTRODUCES, {"evidence": "We propose QuillNet.", "char_start": 3,
                                     "char_end": 11.0, "confidence": 1, "mentions": True})
    add_edge(g, b, m, S.USES, {"evidence": None, "confidence": 0.5})
    add_edge(g, b, a, S.CITES, {"source": "inferred", "confidence": 0.8})
    return g


def test_graph_tables_type_values_as_rows_are_typed():
    g = _graph()
    tables = {(t, p): tbl for t, p, tbl in graph_tables(g)}
    assert list(tables)[0] == (S.PAPER, None)  # nodes first, in schema order
    papers = tables[(S.PAPER, None)].to_pylist()
    assert [r["id"] for r in papers] == ["p1", "p2"]
    assert papers[0]["author_names"] == ["Ann", "Bo"] and papers[1]["author_names"] == []
    intro = tables[(S.INTRODUCES, (S.PAPER, S.METHOD))].to_pylist()[0]
    d = next(iter(g.get_edge_data("Paper:p1", "Method:quillnet").values()))
    for p in S.REL_TYPES[S.INTRODUCES].props:  # char_end 11.0 -> 11, mentions True -> 1, ...
        assert intro[p.name] == _coerce(d.get(p.name), p.type), p.name
    assert (intro["from"], intro["to"]) == ("p1", "quillnet")
    assert tables[(S.CITES, (S.PAPER, S.PAPER))].num_rows == 1


def test_store_written_from_tables_reads_back_as_the_graph(tmp_path, monkeypatch):
    from paperkg.graph import ladybug_store

    monkeypatch.setattr(ladybug_store, "_REOPEN_BYTES", 0)  # the engine reopened every table
    g = _graph()
    replace_graph(g, tmp_path / "kg.lbug", keep=False)
    back = load_graph(tmp_path / "kg.lbug")
    assert set(back.nodes) == set(g.nodes)
    assert sorted((u, v, k) for u, v, k in back.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in g.edges(keys=True))
    assert back.nodes["Method:quillnet"]["aliases"] == ["QN"]
    intro = next(iter(back.get_edge_data("Paper:p1", "Method:quillnet").values()))
    assert (intro["char_end"], intro["mentions"], intro["confidence"]) == (11, 1, 1.0)


def test_store_written_by_one_engine_thread_reads_back_as_the_graph(tmp_path):
    # a large build's store step COPYs on one engine thread (less memory): same store
    from paperkg.graph.ladybug_store import replace_tables, store_tables, writer_lock

    g = _graph()
    db = tmp_path / "kg.lbug"
    with writer_lock(db):
        tables, existed = store_tables(g, db, keep=False)
        assert replace_tables(tables, db, (), existed, threads=1) == "fresh"
    back = load_graph(db)
    assert set(back.nodes) == set(g.nodes)
    assert sorted((u, v, k) for u, v, k in back.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in g.edges(keys=True))
    assert back.nodes["Method:quillnet"]["aliases"] == ["QN"]
    assert not [f for f in tmp_path.iterdir() if f.name not in ("kg.lbug", ".kg.lbug.writer")]


def test_state_written_first_then_the_tables(tmp_path):
    from paperkg.graph.ladybug_store import (
        begin_fresh,
        discard_begun,
        discard_tables,
        query,
        replace_tables,
        store_tables,
        writer_lock,
    )
    from paperkg.graph.pipeline import StateSpool

    spool = StateSpool(tmp_path / "state.parquet")
    spool.add("p1", "h1", "[[],[],[]]")
    spool.add("p2", "h2", "[[],[],[]]")
    spool.close()
    db = tmp_path / "kg.lbug"
    with writer_lock(db):  # as build holds it
        dropped = begin_fresh(db, spool.path)  # a build that fails afterwards leaves nothing
        discard_begun(dropped)
        assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer",
                                                              "state.parquet"]
        spilled, _ = store_tables(_graph(), db, keep=False)  # each table a file beside db
        assert spilled and all(tbl.exists() for _, _, tbl in spilled)
        discard_tables(spilled)  # a build that fails before its COPYs leaves nothing
        assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer",
                                                              "state.parquet"]
        begun = begin_fresh(db, spool.path)
        tables, existed = store_tables(_graph(), db, keep=False)
        assert replace_tables(tables, db, spool.path, existed, begun=begun) == "fresh"
        assert not begun.exists() and tables == []
        assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer", "kg.lbug",
                                                              "state.parquet"]
    rows = query("MATCH (s:PaperState) RETURN s.id, s.content_hash ORDER BY s.id", db=db)[1]
    assert rows == [["p1", "h1"], ["p2", "h2"]]
    assert query("MATCH (p:Paper) RETURN count(p)", db=db)[1] == [[2]]


def _one_row_for_a_child(tmp_path, monkeypatch):
    """A state spool of one paper, and the store path, with the state COPY made by a child
    process (as a large build's is)."""
    from paperkg.graph import ladybug_store
    from paperkg.graph.pipeline import StateSpool

    monkeypatch.setattr(ladybug_store, "_CHILD_ROWS", 1)
    spool = StateSpool(tmp_path / "state.parquet")
    spool.add("p1", "h1", '[[],[],[],{"key":"k"}]')
    spool.close()
    return spool, tmp_path / "kg.lbug"


def test_state_child_runs_while_the_build_goes_on(tmp_path, monkeypatch):
    from paperkg.graph.ladybug_store import (
        pack_state,
        query,
        read_state,
        replace_tables,
        start_fresh,
        writer_lock,
    )
    from paperkg.graph.pipeline import StateSpool

    spool, db = _one_row_for_a_child(tmp_path, monkeypatch)
    with writer_lock(db):
        # a build that fails while the child still writes: the child is stopped, nothing left
        started = start_fresh(db, spool.path)
        assert started.child is not None
        started.discard()
        assert started.child is None
        assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer",
                                                              "state.parquet"]
        started = start_fresh(db, spool.path)
        assert replace_tables([], db, spool.path, False, begun=started.wait()) == "fresh"
        started.discard()  # what build's clean-up does: the store in place stays
    assert read_state(db) == {"p1": ("h1", '[[],[],[],{"key":"k"}]')}
    # a fresh build's spool holds plain JSON; the child packs it as PaperState keeps it
    # (here with the two threads of a build that waits for it)
    plain = StateSpool(tmp_path / "plain.parquet", packed=False)
    plain.add("p2", "h2", '[[],[],[],{"key":"j"}]')
    plain.add("p3", "h3", '[[],[],[],{"key":"i"}]')
    plain.close()
    assert [x for _, x in plain.extractions()] == [[[], [], [], {"key": "j"}],
                                                   [[], [], [], {"key": "i"}]]
    with writer_lock(db):
        started = start_fresh(db, plain.path, pack=True, threads=2)
        assert replace_tables([], db, plain.path, False, begun=started.wait()) == "fresh"
    assert read_state(db) == {"p2": ("h2", '[[],[],[],{"key":"j"}]'),
                              "p3": ("h3", '[[],[],[],{"key":"i"}]')}
    stored = query("MATCH (s:PaperState) RETURN s.extraction ORDER BY s.id", db=db)[1]
    assert stored == [[pack_state('[[],[],[],{"key":"j"}]')],
                      [pack_state('[[],[],[],{"key":"i"}]')]] and stored[0][0][0] == "y"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer", "kg.lbug",
                                                          "plain.parquet", "state.parquet"]


def test_packed_copy_in_threads_keeps_the_rows(tmp_path):
    import pyarrow.parquet as pq

    from paperkg.graph.ladybug_store import _packed_copy, pack_state
    from paperkg.graph.pipeline import StateSpool

    plain = StateSpool(tmp_path / "plain.parquet", packed=False)
    xs = [f'[[{{"key":"k{i}"}}],[],[],{{}}]' for i in range(7)]
    for i, x in enumerate(xs):
        plain.add(f"p{i}", f"h{i}", x)
    plain.close()
    for threads in (1, 3):
        _packed_copy(plain.path, tmp_path / f"out{threads}.parquet", threads)
        got = pq.read_table(tmp_path / f"out{threads}.parquet").to_pydict()
        assert got["id"] == [f"p{i}" for i in range(7)]
        assert got["extraction"] == [pack_state(x) for x in xs]


def test_state_copied_by_a_child_process(tmp_path, monkeypatch):
    from paperkg.graph.ladybug_store import begin_fresh, read_state, replace_tables, writer_lock

    spool, db = _one_row_for_a_child(tmp_path, monkeypatch)
    with writer_lock(db):
        begun = begin_fresh(db, spool.path)
        assert replace_tables([], db, spool.path, False, begun=begun) == "fresh"
    assert read_state(db) == {"p1": ("h1", '[[],[],[],{"key":"k"}]')}
    # a child that fails (a state file the engine cannot COPY): one line, nothing left behind
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["p1"]}), spool.path)
    with writer_lock(db), pytest.raises(UserError) as err:
        begin_fresh(db, spool.path)
    assert str(err.value).startswith(f"could not write the store {db}: ")
    assert "\n" not in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer", "kg.lbug",
                                                          "state.parquet"]


def test_spool_entities_are_the_first_items(tmp_path):
    from paperkg.graph.pipeline import StateSpool

    rows = ['[[{"key":"a","name":"A [x]"}],[],[],{"words":"a b"}]', "[[],[],[]]",
            ' [ [{"key":"b"}], [] ]']  # the last one not compact: decoded whole
    spool = StateSpool(tmp_path / "state.parquet")
    for i, x in enumerate(rows):
        spool.add(f"p{i}", "h", x)
    spool.close()
    assert list(spool.entities()) == [json.loads(x)[0] for x in rows]
    assert [pid for pid, _ in spool.extractions()] == ["p0", "p1", "p2"]


def test_state_rows_are_stored_compressed(tmp_path):
    """PaperState keeps each extraction compressed (what the engine's COPY of the build state
    takes grows with the strings' bytes); the readers give the JSON back, as they do for the
    plain JSON of older stores and quick updates."""
    from paperkg.graph.ladybug_store import pack_state, query, read_state, replace_tables
    from paperkg.graph.pipeline import StateSpool

    x = json.dumps([[{"name": "Ü-Net \ud800", "key": "u"}] * 40, [], [], {"key": "k"}],
                   ensure_ascii=False, separators=(",", ":"))
    assert pack_state(x)[:1] == "y" and len(pack_state(x)) < len(x) / 4
    assert pack_state(pack_state(x)) == pack_state(x)
    # an earlier store's row: "z" and the base64 of the zlib-compressed JSON
    old = "z" + base64.b64encode(zlib.compress(x.encode("utf-8", "surrogatepass"), 1)).decode()
    spool = StateSpool(tmp_path / "state.parquet")
    spool.add("p1", "h1", x)
    spool.add("p2", "h2", pack_state("[[],[],[]]"))  # a row kept from a store
    spool.add("p3", "h3", old)
    spool.close()
    assert [raw for _, raw in spool.extractions()] == [json.loads(x), [[], [], []],
                                                       json.loads(x)]
    db = tmp_path / "kg.lbug"
    replace_tables([], db, spool.path)
    stored = dict(query("MATCH (s:PaperState) RETURN s.id, s.extraction", db=db)[1])
    assert stored["p1"] == pack_state(x)
    query("MATCH (s:PaperState {id: 'p2'}) SET s.extraction = '[[],[],[]]'", db=db, write=True)
    assert read_state(db) == {"p1": ("h1", x), "p2": ("h2", "[[],[],[]]"), "p3": ("h3", x)}


def test_spool_holds_sentence_spans_flat(tmp_path):
    """The citation results a build holds for every paper keep their sentence spans as one
    flat array, which the inference reads as the [offset, length] pairs it stored."""
    from array import array

    from paperkg.graph.citations.infer import _Cites
    from paperkg.graph.pipeline import StateSpool

    spool = StateSpool(tmp_path / "state.parquet")
    spool.add("p0", "h", '[[],[],[],{"key":"k","spans":[[0,4],[5,4]],"words":"a"}]')
    spool.close()
    list(spool.extractions())
    assert spool.cites["p0"]["spans"] == array("l", [0, 4, 5, 4])
    cites = _Cites({"p0": {"title": "", "abstract": "One. Two."}}, {"p0": spool.cites["p0"]})
    cites._entries["p0"] = spool.cites["p0"]  # as a matching entry
    assert cites.abstract_sentences("p0", "One. Two.") == [(0, "One."), (5, "Two.")]


def test_entity_edges_kept_out_of_the_graph_write_the_same_store(examples, tmp_path):
    """A fresh build hands the edges from papers to entities to files beside the store instead
    of its graph (ladybug_store.EdgeSpill), and counts their introducers itself; the LISTED_IN
    edges and the Result nodes with their edges go there too: the store holds every node and
    edge, with every property, that writing the whole graph gives."""
    from paperkg.graph.ladybug_store import load_graph
    from paperkg.graph.pipeline import assemble, build
    from paperkg.readers import read_listings

    spilled = tmp_path / "spilled.lbug"
    build([examples], db=spilled, fast=True)
    read = read_listings([examples])
    g, _, spool, _ = assemble(read.papers, read.sources, fast=True)
    assert any(d["type"] == S.INTRODUCES for _, _, d in g.edges(data=True))
    replace_graph(g, tmp_path / "whole.lbug", spool.path)
    spool.remove()

    def frozen(db):
        back = load_graph(db)
        nodes = {n: sorted(map(repr, d.items())) for n, d in back.nodes(data=True)}
        edges = {(u, v, k): sorted(map(repr, d.items()))
                 for u, v, k, d in back.edges(keys=True, data=True)}
        return nodes, edges

    a, b = frozen(spilled), frozen(tmp_path / "whole.lbug")
    spilled_types = {k[2] for k in a[1]}
    assert {S.LISTED_IN, S.REPORTS_RESULT, S.USES} <= spilled_types
    assert any(n.startswith(f"{S.RESULT}:") for n in a[0])
    assert a[0] == b[0]
    assert a[1] == b[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".spilled.lbug.writer", ".whole.lbug.writer", "spilled.lbug", "whole.lbug"]


def test_early_tables_then_the_rest_write_the_same_store(tmp_path):
    """A fresh build COPYs its entity nodes and registry tables in a thread while it infers
    citations (ladybug_store.EarlyTables), the other tables after: the store is the same; a
    failed early COPY is one line, and the staged store goes with nothing left behind."""
    import pyarrow as pa

    from paperkg.graph.ladybug_store import (
        EarlyTables,
        begin_fresh,
        discard_begun,
        replace_tables,
        store_tables,
        writer_lock,
    )
    from paperkg.graph.pipeline import StateSpool

    spool = StateSpool(tmp_path / "state.parquet")
    spool.add("p1", "h1", "[[],[],[]]")
    spool.close()
    db, g = tmp_path / "kg.lbug", _graph()
    with writer_lock(db):
        begun = begin_fresh(db, spool.path)
        early = EarlyTables(begun, graph_tables(g, only={S.METHOD}), db)
        tables, existed = store_tables(g, db, keep=False, without={S.METHOD})
        assert S.METHOD not in {t for t, _, _ in tables}
        early.join()
        assert replace_tables(tables, db, spool.path, existed, begun=begun) == "fresh"
    back = load_graph(db)
    assert set(back.nodes) == set(g.nodes)
    assert back.nodes["Method:quillnet"]["aliases"] == ["QN"]
    assert sorted((u, v, k) for u, v, k in back.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in g.edges(keys=True))
    with writer_lock(db):
        begun = begin_fresh(db, spool.path)
        early = EarlyTables(begun, [(S.METHOD, None, pa.table({"nope": [1]}))], db)
        with pytest.raises(UserError) as err:
            early.join()
        assert str(err.value).startswith(f"could not write the store {db}: ")
        assert "\n" not in str(err.value)
        discard_begun(begun)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg.lbug.writer", "kg.lbug",
                                                          "state.parquet"]


def test_the_spilled_paper_table_is_in_small_row_groups(tmp_path):
    """The Paper table's spilled file is written in row groups of _PAPER_CHUNK rows (the
    engine's COPY of it takes less memory than with _CHUNK's), with the rows of the table
    made in memory, in order; the other tables keep _CHUNK's."""
    import pyarrow.parquet as pq

    from paperkg.graph import ladybug_store

    g = empty_graph()
    m = add_node(g, S.METHOD, {"id": "quillnet", "name": "QuillNet"})
    for i in range(ladybug_store._PAPER_CHUNK + 5):
        p = add_node(g, S.PAPER, {"id": f"p{i}", "title": f"Paper {i}"})
        add_edge(g, p, m, S.USES, {"confidence": 0.5})
    spill = tmp_path / "kg.lbug.spill"
    files = {(t, pair): f for t, pair, f in graph_tables(g, spill)}
    made = {(t, pair): tbl for t, pair, tbl in graph_tables(g)}
    assert files.keys() == made.keys()
    for key, f in files.items():
        meta = pq.ParquetFile(f).metadata
        first = meta.row_group(0).num_rows
        assert first == (ladybug_store._PAPER_CHUNK if key[0] == S.PAPER else meta.num_rows)
        assert pq.read_table(f).to_pylist() == made[key].to_pylist(), key
        f.unlink()


def test_side_texts_copied_a_batch_at_a_time_stay_with_their_edges(tmp_path, monkeypatch):
    """A relationship table's file is split into its rows and their side texts a batch of
    _CHUNK rows at a time (the table is never whole in memory): every edge reads back with its
    own evidence and surface, across batches and tables, and no file is left beside the store."""
    from paperkg.graph import ladybug_store
    from paperkg.graph.ladybug_store import replace_tables, store_tables, writer_lock

    monkeypatch.setattr(ladybug_store, "_CHUNK", 3)
    g = empty_graph()
    ms = [add_node(g, S.METHOD, {"id": f"m{j}", "name": f"M{j}"}) for j in range(2)]
    for i in range(8):
        p = add_node(g, S.PAPER, {"id": f"p{i}", "title": f"Paper {i}"})
        for j, m in enumerate(ms):
            rel = S.USES if (i + j) % 3 else S.INTRODUCES
            add_edge(g, p, m, rel, {"evidence": f"paper {i} on method {j}", "surface": f"M{j}",
                                    "confidence": 0.5})
    db = tmp_path / "kg.lbug"
    with writer_lock(db):
        tables, existed = store_tables(g, db, keep=False)
        assert replace_tables(tables, db, (), existed, threads=1) == "fresh"
    back = load_graph(db)
    edges = sorted((u, v, k, d.get("evidence"), d.get("surface"))
                   for u, v, k, d in back.edges(keys=True, data=True))
    assert edges == sorted((u, v, k, d["evidence"], d["surface"])
                           for u, v, k, d in g.edges(keys=True, data=True))
    assert len(edges) == 16
    assert not [f for f in tmp_path.iterdir() if f.name not in ("kg.lbug", ".kg.lbug.writer")]


def test_registry_made_while_the_build_waits_for_its_state(examples, tmp_path, monkeypatch):
    """A build that waits for its state's writer (a child process) makes what needs only the
    registry's counts meanwhile (the registry, the RegistryVote, RegistryLong and
    RegistryStamp tables), and the graph's part that reads no extraction (paper_graph); the
    judging child is started then too (it makes ready beside the state's writer), and the
    early tables' COPYs start before it is waited for (its CiteIndex table goes with the store
    step's): its store is the one a build that does not wait writes, registry tables and
    graph alike."""
    from paperkg.graph import ladybug_store
    from paperkg.graph import pipeline as gp
    from paperkg.graph.ladybug_store import connect, load_graph

    build_one = tmp_path / "beside.lbug"
    gp.build([examples], db=build_one, fast=True)
    marks = tmp_path / "marks.txt"
    monkeypatch.setenv(gp.MARKS_ENV, str(marks))
    monkeypatch.setattr(gp, "STATE_ALONE_FROM", 1)
    monkeypatch.setattr(ladybug_store, "_CHILD_ROWS", 1)
    paper_graph, made = gp.paper_graph, []

    def noted(*args, **kw):  # the steps ended when the papers' graph is made
        made.append([line.split()[0] for line in marks.read_text().splitlines()])
        return paper_graph(*args, **kw)

    monkeypatch.setattr(gp, "paper_graph", noted)
    result, judged, order = gp._Judging.result, [], []

    def child_judged(self, g):  # CiteIndex and the citations judged in a child process
        order.append("judged")
        judged.append(result(self, g))
        return judged[-1]

    monkeypatch.setattr(gp._Judging, "result", child_judged)
    early = ladybug_store.EarlyTables

    def started(*args, **kw):
        order.append("early")
        return early(*args, **kw)

    monkeypatch.setattr(ladybug_store, "EarlyTables", started)
    child, begun = gp._Judging.__init__, []

    def begins(self, *args, **kw):
        begun.append([line.split()[0] for line in marks.read_text().splitlines()])
        child(self, *args, **kw)

    monkeypatch.setattr(gp._Judging, "__init__", begins)
    waited = tmp_path / "waited.lbug"
    gp.build([examples], db=waited, fast=True)
    steps = [line.split()[0] for line in marks.read_text().splitlines()]
    assert steps[:4] == ["read", "extract", "state", "graph"]
    assert made == [["read", "extract"]]  # once, before the state's wait ended
    assert len(judged) == 1 and judged[0][0][2].num_rows and judged[0][1].named
    assert order == ["early", "judged"]
    assert begun == [["read", "extract"]]  # the child started before the state's wait ended

    def registry(db):
        with connect(db) as conn:  # one open of the store for its five tables
            return {t: sorted(map(tuple, conn.execute(f"MATCH (n:{t}) RETURN n.*").get_all()))
                    for t in S.REGISTRY_TABLES}

    def frozen(db):
        back = load_graph(db)
        return ({n: sorted(map(repr, d.items())) for n, d in back.nodes(data=True)},
                sorted((u, v, k, repr(sorted(d.items())))
                       for u, v, k, d in back.edges(keys=True, data=True)))

    got, want = registry(waited), registry(build_one)
    assert got[S.REGISTRY_VOTE] and got[S.REGISTRY_LONG] and got[S.ENTITY_SURFACE]
    assert got == want
    assert frozen(waited) == frozen(build_one)
    assert any(k == CITES_INFERRED_KEY for _, _, k in load_graph(waited).edges(keys=True))
