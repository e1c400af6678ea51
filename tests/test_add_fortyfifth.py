"""Session 45 (add45): the update's scan of the stored papers that may write a sought name
(citations.infer._scanned_by_key) decodes each stored abstract from the store's column for
its test and keeps only those of the papers it keeps: the same papers and spellings as with
every abstract read."""

from __future__ import annotations

from tests.test_add_fortieth import _OLD
from tests.test_add_fortysecond import _NEW as _NAMING
from tests.test_incremental import _line

_MORE = [_line("2401.00030", "Counting Yodels", "YodelLM and ZorbNet count yodels; ZorbNet-2 "
               "is ours."),
         _line("2401.00040", "Na\u00efve Zorbs", "A na\u00efve ZorbNet for cells, "
               "with YodelLM.")]


def test_the_scan_keeps_only_the_texts_of_the_papers_it_keeps(tmp_path):
    """_scanned_by_key on Paper nodes holding unread stored abstracts (the column read whole
    beside) gives the papers and spellings it gives on the nodes with every abstract read;
    of the stored abstracts it tests, only those of the papers it keeps are then held."""
    import networkx as nx

    from paperkg.graph.build import add_bare_nodes
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.infer import _Cites, _scanned_by_key
    from paperkg.graph.citations.stored import StoredIndex
    from paperkg.graph.ladybug_store import connect, papers_in
    from paperkg.graph.pipeline import build
    from paperkg.graph.registry_store import cited_nodes
    from paperkg.graph.stored_text import StoredTexts
    from paperkg.readers import read_listings

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join([*_OLD, *_MORE]) + "\n")
    b.write_text("\n".join(_NAMING) + "\n")
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    new = read_listings([b]).papers
    key = "Paper:2401.00070"
    features = {key: paper_features(new[0].title, new[0].abstract)}

    def nodes_of(papers) -> dict:
        g = nx.MultiDiGraph()
        add_bare_nodes(g, cited_nodes(sorted(papers, key=lambda p: p.id)))
        return {n: d for n, d in g.nodes(data=True) if d.get("label") == "Paper"}

    names = {"ZorbNet", "YodelLM", "ZorbNet-2"}
    with connect(db) as conn:
        kept = StoredIndex(conn)
        whole = nodes_of([*papers_in(conn)[0], *new])
        scanned, spelled = _scanned_by_key(names, whole, _Cites(whole, dict(features), kept,
                                                                {key}))
        assert {"Paper:2401.00010", "Paper:2401.00030", "Paper:2401.00040", key} <= set(scanned)
        assert spelled["Paper:2401.00030"] == ["YodelLM", "ZorbNet", "ZorbNet-2"]
        assert "Paper:2401.00020" in scanned and "ZorbNet" not in spelled["Paper:2401.00020"]
        texts = StoredTexts(conn.database)
        texts.start()
        lazy = nodes_of([*papers_in(conn, texts)[0], *new])
        texts.ready()
        assert texts.column is not None
        got = _scanned_by_key(names, lazy, _Cites(lazy, dict(features), kept, {key}))
        assert list(got[0]) == list(scanned) and got[1] == spelled
        stored = {p.split(":", 1)[1] for p in scanned} - {new[0].id}
        assert texts.got == {pid: whole[f"Paper:{pid}"]["abstract"] for pid in stored}
        # a name whose key run (ZorbNet) four stored papers write and one its spelling:
        # the four tested, one kept and its text held
        texts.got.clear()
        one = _scanned_by_key({"ZorbNet-2"}, lazy, _Cites(lazy, dict(features), kept, {key}))
        two = _scanned_by_key({"ZorbNet-2"}, whole, _Cites(whole, dict(features), kept, {key}))
        assert list(one[0]) == list(two[0]) and one[1] == two[1]
        assert one[1] == {"Paper:2401.00030": ["ZorbNet-2"]}
        assert texts.got == {"2401.00030": whole["Paper:2401.00030"]["abstract"]}
