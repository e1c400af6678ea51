"""Twenty-ninth pass (issue 13, adding papers): the judging's stored part made before the wait."""

from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx

from paperkg.graph.citations import Previous, add_citations
from paperkg.graph.citations import infer as I
from paperkg.graph.citations.names import NameIndex
from paperkg.graph.citations.stored import StoredIndex, index_rows
from tests.test_citations import graph_with_kept

#: Invented papers: a name claimed twice (a rival), a longer name under a kept one's first run,
#: a name claimed only by a later paper, users of each, and links by arXiv id.
MIXERS = {
    "zarn": ("Zarnet: Sparse Mixers", "2023-02-01", "2302.00011",
             "We introduce Zarnet, a sparse mixer for tabular data."),
    "zarn_user": ("Tabular Mixing at Scale", "2023-09-01", None,
                  "We build on Zarnet to mix the columns of wide tables."),
    "zarn_rival": ("Zarnet Again", "2023-03-01", None,
                   "We propose Zarnet, a network that draws zebra stripes."),
    "vel": ("VelBench: Judging Velocity Models", "2023-05-05", "2305.00022",
            "We introduce VelBench, a benchmark of velocity models."),
    "vel_user": ("Fast Velocity", "2024-01-10", None,
                 "Our model tops VelBench and is faster than Zarnet on wide tables."),
    "zarn2": ("Zarnet 2: Denser Mixers", "2024-02-02", None,
              "We introduce Zarnet 2, a denser mixer for tabular data."),
    "z2_user": ("Mixers Compared", "2024-06-06", None,
                "We compare against Zarnet 2 on tabular data of shops."),
    "notes": ("Notes on Benchmarks", "2024-03-03", None,
              "Follow-up notes on arxiv.org/abs/2305.00022 and its limits."),
    "kovo": ("Kovo-3: Speech Tokens", "2024-04-04", "2404.00033",
             "We present Kovo-3, a speech tokenizer with small codebooks."),
    "kovo_user": ("Spoken Agents", "2024-09-09", None,
                  "We use Kovo-3 tokens to train a spoken agent on VelBench."),
}


def _graph(tmp_path: Path) -> tuple[nx.MultiDiGraph, list[str], dict[str, dict]]:
    rows = [{"id": k, "title": t, "published": d, "abstract": a,
             **({"arxiv_id": x} if x else {})} for k, (t, d, x, a) in MIXERS.items()]
    return graph_with_kept(tmp_path / "mixers.json", rows)


def _splits(papers: list[str]) -> list[list[list[str]]]:
    out = [[[n for n in papers if n != last], [last]] for last in papers]
    for seed in range(6):
        rnd = random.Random(seed)
        order = papers[:]
        rnd.shuffle(order)
        cuts = sorted(rnd.sample(range(1, len(order)), 2))
        out.append([order[:cuts[0]], order[cuts[0]:cuts[1]], order[cuts[1]:]])
    return out


def test_the_stored_part_judged_ahead_gives_what_judge_makes_of_every_paper(tmp_path, monkeypatch):
    """judge with Previous.ahead (prejudge of the stored papers) returns what judge returns
    without it, in every split of the papers into stored and new ones, and with a stored
    paper replaced too (judged as new, as an update does with a paper whose text changed);
    the claims, valid names, name index and identifiers it makes are judge's own."""
    g, papers, kept = _graph(tmp_path)
    by_id = {n.split(":", 1)[1]: e for n, e in kept.items()}
    used: list[int] = []
    real = I._with_replaced

    def checked(pre, nodes, cites, stats):
        runs = len(pre.by_first)
        by_name, valid, generic, index, lookup, idents = got = real(pre, nodes, cites, stats)
        want_by_name = I._claims_by_name(cites, cites.recorded(nodes))
        assert dict(by_name) == dict(want_by_name)
        want_valid, want_generic = I._valid(want_by_name, nodes, cites, stats)
        assert list(valid.items()) == list(want_valid.items()) and generic == want_generic
        assert index.by_first == NameIndex(want_valid).by_first
        assert lookup == I._lookup(index.by_first)
        assert dict(idents) == dict(I._identifiers(nodes))
        used.append(len(pre.papers))
        grew.append(len(index.by_first) > runs)  # a name valid only through new papers
        return got

    grew: list[bool] = []
    monkeypatch.setattr(I, "_with_replaced", checked)
    judged = 0
    for parts in _splits(papers):
        grown = nx.MultiDiGraph()
        stored_ids: set[str] = set()
        for i, part in enumerate(parts):
            stored = [(u, v, dict(d)) for u, v, d in I.inferred_citations(grown)]
            grown.add_nodes_from((n, g.nodes[n]) for n in part)
            if i:
                nodes = {n: d for n, d in grown.nodes(data=True) if d.get("label") == "Paper"}
                held = StoredIndex(None, index_rows({p: by_id[p] for p in stored_ids}), by_id)
                again = sorted(stored_ids)[:1]  # a stored paper judged as new
                cases = [(set(part), {}, stored),
                         ({*part, *(f"Paper:{p}" for p in again)},
                          {f"Paper:{p}": by_id[p] for p in again},
                          [e for e in stored if e[0][6:] not in again and e[1][6:] not in again])]
                for new, old, edges in cases:
                    features = {n: kept[n] for n in new}
                    plain = I.judge(nodes, None, features, Previous(edges, new, old, kept=held))
                    pre = I.prejudge(nodes, held, new)
                    assert pre is not None
                    ahead = I.judge(nodes, None, features,
                                    Previous(edges, new, old, kept=held, ahead=pre))
                    assert ahead == plain
                    assert pre.used and I._usable(pre, I._Cites(nodes, {}, held, new),
                                                  nodes) is None  # taken over: used once
                    judged += 1
            add_citations(grown, min_confidence=0.0, features=kept)
            stored_ids |= {n.split(":", 1)[1] for n in part}
    assert len(used) == judged and max(used) > 0 and any(grew) and not all(grew)


def test_a_prejudged_part_made_for_other_papers_is_not_used(tmp_path):
    """judge ignores what prejudge made for another index, other replaced papers or other
    stored papers (it makes everything itself then)."""
    g, papers, kept = _graph(tmp_path)
    by_id = {n.split(":", 1)[1]: e for n, e in kept.items()}
    nodes = {n: dict(g.nodes[n]) for n in papers}
    held = StoredIndex(None, index_rows({p[6:]: by_id[p[6:]] for p in papers[1:]}), by_id)
    new = {papers[0]}
    pre = I.prejudge(nodes, held, new)
    cites = I._Cites(nodes, {}, held, new)
    assert I._usable(pre, cites, nodes) is pre
    other = StoredIndex(None, index_rows({p[6:]: by_id[p[6:]] for p in papers[1:]}), by_id)
    assert I._usable(pre, I._Cites(nodes, {}, other, new), nodes) is None
    assert I._usable(pre, I._Cites(nodes, {}, held, {*new, papers[1]}), nodes) is None
    recorded = f"Paper:{next(iter(held.records))}"  # a paper the index keeps claims of
    fewer = {n: d for n, d in nodes.items() if n != recorded}
    assert I._usable(pre, I._Cites(fewer, {}, held, new), fewer) is None
    more = {**nodes, "Paper:zz_extra": {"label": "Paper", "title": "Extra"}}
    assert I._usable(pre, I._Cites(more, {}, held, new), more) is None
    # a paper of the index missing from the nodes: nothing is made ahead
    assert I.prejudge(fewer, held, new) is None


def test_an_update_hands_the_citations_its_stored_part_judged_ahead(tmp_path, monkeypatch):
    """A quick update (registry_store.quick_update) makes the stored part before it waits for
    its papers' extraction and the judging uses it; the grown store's citations are a fresh
    build's."""
    from paperkg.graph.ladybug_store import load_graph
    from paperkg.graph.pipeline import build

    rows = [{"id": k, "title": t, "published": d, "abstract": a,
             **({"arxiv_id": x} if x else {})} for k, (t, d, x, a) in MIXERS.items()]
    first, more = tmp_path / "first.json", tmp_path / "more.json"
    first.write_text(json.dumps(rows[:-3]), encoding="utf-8")
    more.write_text(json.dumps(rows[-3:]), encoding="utf-8")
    db, fresh = tmp_path / "kg.lbug", tmp_path / "fresh.lbug"
    build([first], db=db, fast=True)
    real = I._with_replaced
    log = tmp_path / "used.txt"  # (the judging may be a forked child's: graph/judge_fork.py)

    def counting(pre, *args):
        with log.open("a") as fh:
            fh.write(f"{len(pre.papers)}\n")
        return real(pre, *args)

    monkeypatch.setattr(I, "_with_replaced", counting)
    report = build([more], db=db, fast=True)
    assert report.mode == "upsert" and report.extracted == 3
    used = [int(x) for x in log.read_text().split()] if log.exists() else []
    assert len(used) == 1 and used[0] > 0
    build([first, more], db=fresh, fast=True)

    def cites(path: Path) -> list:
        grown = load_graph(path)
        return sorted((u, v, sorted(d.items())) for u, v, d in grown.edges(data=True)
                      if d.get("type") == "CITES")

    assert cites(db) == cites(fresh) and len(cites(db)) >= 3
