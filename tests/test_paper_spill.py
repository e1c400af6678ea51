"""A fresh build's papers on disk (graph/paper_spill.py): read back as they were written,
by item, slice and in order."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper, SourceRef
from paperkg.graph import paper_spill
from paperkg.graph.paper_spill import SpilledPapers


def _papers(n: int) -> list[Paper]:
    out = []
    for i in range(n):
        out.append(Paper(
            id=f"p{i:03d}", title=f"Title {i} \u00e9\u4e2d" if i % 3 else "", abstract=(
                "lone \ud800 surrogate" if i == 4 else "" if i % 5 == 0 else f"Abstract {i}."),
            authors=None if i % 2 else i, published="2024-05" if i % 4 else None,
            arxiv_id=f"2401.{i:05d}" if i % 3 == 0 else None, title_key=f"title {i}",
            sources=[SourceRef(f"f{j}.jsonl", i + j, f"s{j}", None if j else "2024-01-02")
                     for j in range(i % 3)],
            venue="NeurIPS" if i == 7 else None, author_names=[f"A. {i}", "B. \u00d6"][: i % 3]))
    return out


def test_papers_come_back_as_written(tmp_path, monkeypatch):
    monkeypatch.setattr(paper_spill, "ROWS", 4)
    papers = _papers(11)
    spilled = SpilledPapers(iter(papers), tmp_path / "p.papers")
    assert len(spilled) == 11
    assert list(spilled) == papers
    assert [spilled[i] for i in range(11)] == papers
    assert spilled[-1] == papers[-1]
    for a, b in ((0, 11), (3, 9), (4, 8), (7, 7), (10, 20), (2, 11)):
        assert spilled[a:b] == papers[a:b]
    assert spilled[::3] == papers[::3]
    with pytest.raises(IndexError):
        spilled[11]
    assert spilled[4].abstract == "lone \ud800 surrogate"
    spilled.remove()
    assert not (tmp_path / "p.papers").exists()


def test_no_papers(tmp_path):
    spilled = SpilledPapers([], tmp_path / "p.papers")
    assert len(spilled) == 0 and list(spilled) == [] and spilled[0:5] == []
    spilled.remove()


def test_packed_texts_and_lists_come_back_as_they_were_and_as_the_store_types_them():
    from paperkg.core.packed import packed, packed_list, unpacked, unpacked_list
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import _coerce

    text, names = "Lone \ud800 surrogate, accents é, " * 20, ["Ana \udc00 Gómez", "Bo Li"]
    assert unpacked(packed(text)) == text and len(packed(text)) < len(text)
    assert unpacked_list(packed_list(names)) == names
    assert packed(None) is None and packed_list([]) == [] and unpacked("plain") == "plain"
    assert _coerce(packed(text), S.STRING) == text
    assert _coerce(packed_list(names), S.STRING_LIST) == names
    assert _coerce(None, S.STRING_LIST) == [] and _coerce(["a"], S.STRING_LIST) == ["a"]


def test_a_paper_node_reads_and_writes_as_the_dict_it_replaces():
    import sys

    from paperkg.graph import schema as S
    from paperkg.graph.build import PaperNode, node_attrs, paper_values
    from paperkg.graph.counters import cited_by, set_counters
    from paperkg.graph.ladybug_store import graph_tables

    for p in _papers(6):
        key = S.node_key(S.PAPER, p.id)
        plain = node_attrs(S.PAPER, paper_values(p, True))
        node = PaperNode(key, plain)
        assert dict(node) == plain and len(node) == len(plain) and node == plain
        assert node["id"] == p.id and node["label"] == S.PAPER and node.get("nope", 3) == 3
        node.update(cited_by([("Paper:x", "inferred")]))
        plain.update(cited_by([("Paper:x", "inferred")]))
        node["extra"], plain["extra"] = [1], [1]
        assert dict(node) == plain and node.get("cited_by") == 1
        del node["extra"], node["venue"]
        assert "extra" not in node and "venue" not in node and node.get("venue") is None
        with pytest.raises(KeyError):
            node["venue"]
        with pytest.raises(KeyError):
            del node["id"]
        node["id"] = "other"  # not the key's: held as given
        assert node["id"] == "other" and node["label"] == S.PAPER
        key_before = node["title_key"]
        assert key_before == p.title_key and node.get("title_key") == p.title_key
        node["title"] = "Another Title"  # the title key stays the one it was
        assert node["title_key"] == key_before
        del node["title"]
        assert node["title_key"] == key_before
    odd = PaperNode("Paper:x", {"title": "A Title", "title_key": "not its key"})
    assert odd["title_key"] == "not its key" and dict(odd)["title_key"] == "not its key"
    made = PaperNode("Paper:x", {"title": "A Title", "title_key": "a title"})
    assert made["title_key"] == "a title" and dict(made) == {
        "label": S.PAPER, "id": "x", "title": "A Title", "title_key": "a title"}
    made["title"] = "Changed"  # the key it was made with stays
    assert made["title_key"] == "a title" and made.get("title_key") == "a title"
    assert sys.getsizeof(node) < sys.getsizeof(plain) / 2
    # a graph holding them writes the tables a graph of dicts writes
    from paperkg.graph.build import empty_graph

    tables = []
    for packed in (False, True):
        g = empty_graph()
        for p in _papers(6)[:4]:  # the fifth's lone surrogate: no Arrow string
            key = S.node_key(S.PAPER, p.id)
            g.add_node(key, **node_attrs(S.PAPER, paper_values(p, True)))
            if packed:
                g._node[key] = PaperNode(key, dict(g.nodes[key]))
        g.add_edge("Paper:p001", "Paper:p002", key="CITES|inferred", type=S.CITES,
                   source="inferred")
        set_counters(g)
        tables.append([(t, pair, tbl.to_pylist()) for t, pair, tbl in graph_tables(g)])
    assert tables[0] == tables[1]


def test_texts_packed_with_a_trained_dictionary_come_back_and_are_smaller():
    import gzip
    import itertools
    import json
    import zlib

    from paperkg.core import packed as P
    from tests.conftest import SHARED

    files = sorted((SHARED / "corpus").glob("papers-*.jsonl.gz"))
    if not files:
        pytest.skip("../shared/corpus is not beside this checkout")
    with gzip.open(files[0], "rt", encoding="utf-8") as fh:
        texts = [json.loads(x).get("abstract") or "" for x in itertools.islice(fh, 600)]
    texts = [t for t in texts if t]
    odd = "Lone \ud800 surrogate, accents é, " * 20
    assert P.trained(["a"]) is None  # too few to train on
    d = P.trained(texts[: len(texts) // 2])
    assert d is not None
    with_dict = [P.packed(t, d) for t in texts]
    assert all(x[:4] == P._ZSTD_MAGIC for x in with_dict) and P.packed(odd)[:1] == b"x"
    assert [P.unpacked(x) for x in with_dict] == texts
    assert P.unpacked(P.packed(odd, d)) == odd
    names = ["Ana \udc00 G", "Bo"]
    assert P.unpacked_list(P.packed_list(names, d)) == names
    assert sum(map(len, with_dict)) < 0.9 * sum(len(zlib.compress(t.encode(), 1))
                                                 for t in texts)
    # and held in less memory too (not only shorter: zstandard's own bytes are not)
    import tracemalloc

    tracemalloc.start()
    try:
        a = tracemalloc.get_traced_memory()[0]
        held = [P.packed(t, d) for t in texts]
        b = tracemalloc.get_traced_memory()[0]
        by_zlib = [P.packed(t) for t in texts]
        c = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(held) == len(by_zlib) and b - a < 0.9 * (c - b)
    # a PackedCites entry held packed reads as the JSON it was
    from paperkg.graph.pipeline import PackedCites

    entry = {"key": "k", "claims": [["X", 1]], "spans": [[0, 5], [6, 3]], "links": []}
    x = json.dumps(entry, separators=(",", ":"))
    got = PackedCites({"p1": P.packed(x, d)}, "Paper:")["Paper:p1"]
    assert got == PackedCites({"p1": x}, "Paper:")["Paper:p1"]
    assert list(got["spans"]) == [0, 5, 6, 3] and got["claims"] == (("X", 1),)


def test_abstracts_and_authors_held_on_disk_read_as_the_packed_bytes_they_were(tmp_path):
    import os
    import tracemalloc

    from paperkg.core.packed import TextFile, packed, unpacked, unpacked_list
    from paperkg.graph import schema as S
    from paperkg.graph.build import PaperNode, empty_graph, node_attrs, paper_values
    from paperkg.graph.counters import set_counters
    from paperkg.graph.ladybug_store import graph_tables

    texts = TextFile(str(tmp_path))
    assert os.listdir(tmp_path) == []  # nameless: nothing to clean up
    places = [texts.add(packed(f"Text {i} \u00e9 \ud800" * i)) for i in range(50)]
    assert all(type(x) is int for x in places)
    assert [unpacked(texts.read(x)) for x in places] == [
        f"Text {i} \u00e9 \ud800" * i for i in range(50)]
    texts.add(b"late")  # written after a read: read again all the same
    assert texts.read(places[7]) == packed("Text 7 \u00e9 \ud800" * 7)
    assert texts.add(b"x" * (1 << TextFile._LEN_BITS)) is None  # too long: kept in memory
    big = b"x" * (1 << TextFile._LEN_BITS)
    node = PaperNode("Paper:b", {"title": "T", "abstract": big}, texts)
    assert node["abstract"] is big
    # a node holding its abstract on disk reads and writes as one holding it in memory
    tables = []
    for on_disk in (False, True):
        disk = TextFile(str(tmp_path)) if on_disk else None
        g = empty_graph()
        for p in _papers(6)[:4]:  # the fifth's lone surrogate: no Arrow string
            key = S.node_key(S.PAPER, p.id)
            g.add_node(key)
            g._node[key] = PaperNode(key, node_attrs(S.PAPER, paper_values(p, True)), disk)
            assert unpacked(g.nodes[key]["abstract"]) == p.abstract
            assert unpacked(g.nodes[key].get("abstract")) == p.abstract
            assert unpacked_list(g.nodes[key]["author_names"]) == p.author_names
            if on_disk:
                assert type(g._node[key].abstract) is int
                assert type(g._node[key].author_names) is (int if p.author_names else list)
        set_counters(g)
        tables.append([(t, pair, tbl.to_pylist()) for t, pair, tbl in graph_tables(g)])
        g.nodes["Paper:p001"]["abstract"] = "set again"
        assert g.nodes["Paper:p001"]["abstract"] == "set again"
    assert tables[0] == tables[1]
    # and it holds far less: a place against the packed bytes
    import random

    letters = "".join(random.Random(5).choices("abcdefghijklmnopqrstuvwxyz ", k=1200))
    texts_in = [letters[i:i + 700] for i in range(200)]  # about 450 bytes packed
    tracemalloc.start()
    try:
        a = tracemalloc.get_traced_memory()[0]
        held = [PaperNode("Paper:x", {"abstract": packed(t)}) for t in texts_in]
        b = tracemalloc.get_traced_memory()[0]
        spilled = [PaperNode("Paper:x", {"abstract": packed(t)}, texts) for t in texts_in]
        c = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(held) == len(spilled) and c - b < 0.5 * (b - a)
    texts.close()
