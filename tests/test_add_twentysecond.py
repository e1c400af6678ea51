"""Adding papers to a store, twenty-second pass: fewer store queries for the same rows
(docs/scale.md, "twenty-second pass (helper add22)")."""

from __future__ import annotations

import re
import shutil
from collections import Counter

from tests.test_incremental import _line, _tiny, assert_same, registry_rows, snapshot


def _recorded(monkeypatch) -> list[tuple[str, dict]]:
    """Every (query, parameters) the store's connections run from now on."""
    import ladybug.connection as lc

    seen: list[tuple[str, dict]] = []
    real = lc.Connection.execute

    def execute(self, query, parameters=None):
        seen.append((query if isinstance(query, str) else "", dict(parameters or {})))
        return real(self, query, parameters)

    monkeypatch.setattr(lc.Connection, "execute", execute)
    return seen


def test_an_update_writes_its_edge_texts_at_once_and_reads_no_entity_row_twice(
        tmp_path, monkeypatch):
    """An update into a store: the side texts of all its relationship tables are numbered
    from one scan of EdgeText and created by one query per write (ladybug_delta.
    _add_relationships; one of each per table before), and `_early_tables` takes the touched
    entity nodes' and the touched owners' repositories' stored rows the update read already
    (each id read once), and `_late_tables` the stored inferred citations the build read
    (one scan). The store is a fresh build's, and each relationship's text ref is
    an EdgeText row's."""
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    old, new = _tiny(tmp_path)
    with old.open("a") as fh:  # an owner's repository, and a new paper naming another of it
        fh.write(_line("2401.00040", "Bee Dances", "We study how honey bees dance. Code: "
                       "https://github.com/acme/bees") + "\n")
    more = tmp_path / "more.jsonl"
    more.write_text(_line("2401.00070", "Cells Again", "We propose ZorbNet-2, evaluated on "
                          "CellBench with F1, and compare it with ZorbNet and U-Net for "
                          "cell segmentation. We train HGM models on text.") + "\n"
                    # an old paper's acronym given its long form: that paper assembled again
                    + _line("2401.00080", "Gated Memory", "In this paper we present "
                            "Hierarchical Gated Memory (HGM). HGM outperforms LSTM. Code: "
                            "https://github.com/acme/hgm") + "\n")
    base = tmp_path / "base.lbug"
    build([old], db=base, fast=True)
    db = tmp_path / "kg.lbug"
    shutil.copy(base, db)
    seen = _recorded(monkeypatch)
    report = build([new, more], db=db, fast=True)
    monkeypatch.undo()
    assert report.extracted == 4

    rel_creates = Counter(m.group(1) for q, _ in seen
                          if (m := re.search(r"CREATE \(a\)-\[:(\w+) ", q)))
    with_text = [r for r in rel_creates if S.side_props(r)]
    assert len(with_text) >= 3, rel_creates  # several tables with texts were written
    scans = [q for q, _ in seen if f"MATCH (t:{S.EDGE_TEXT}) RETURN max(t.id)" in q]
    creates = [q for q, _ in seen if f"CREATE (t:{S.EDGE_TEXT} " in q]
    assert 1 <= len(scans) <= 2 and 1 <= len(creates) <= 2  # one per write (early, late)

    # the stored inferred citations are read once (the build's Previous; _late_tables
    # diffs against those rows)
    inferred = [q for q, p in seen if f"-[r:{S.CITES}]->" in q and "r.source = $s" in q
                and p.get("s") == "inferred"]
    assert len(inferred) == 1, inferred

    for label in (*S.ENTITY_LABELS, S.REPOSITORY):
        asked = Counter(i for q, p in seen
                        if q.startswith(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN")
                        for i in p["ids"])
        assert not [i for i, n in asked.items() if n > 1], (label, asked)

    # a touched entity's EntitySurface row is deleted and created only when it changes
    stored = {r[0]: tuple(r) for r in query(f"MATCH (n:{S.ENTITY_SURFACE}) RETURN n.id, "
                                             "n.names, n.aliases", db=base)[1]}
    created = [(r["id"], r["names"], r["aliases"]) for q, p in seen
               if q.startswith(f"UNWIND $rows AS r CREATE (n:{S.ENTITY_SURFACE} ")
               for r in p["rows"]]
    assert created and not [r for r in created if stored.get(r[0]) == r]

    fresh = tmp_path / "fresh.lbug"
    build([old, new, more], db=fresh, fast=True)
    assert_same(snapshot(db), snapshot(fresh))
    assert registry_rows(db) == registry_rows(fresh)
    refs = {r[0] for rel in S.REL_TYPES if S.side_props(rel)
            for r in query(f"MATCH ()-[r:{rel}]->() RETURN r.{S.TEXT_REF}", db=db)[1]}
    texts = {r[0] for r in query(f"MATCH (t:{S.EDGE_TEXT}) RETURN t.id", db=db)[1]}
    assert refs and refs <= texts
    assert len(texts) == len(set(texts)) and max(texts) == len(texts) - 1  # numbered on

