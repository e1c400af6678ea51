"""Incremental builds: a store grown file by file is the same graph as a fresh build of all the
files together, whatever the split, the file order and PYTHONHASHSEED; old papers are not
extracted again.

The sample is real corpus papers (../shared/corpus), a quarter from each corpus file;
PAPERKG_INCREMENTAL_SAMPLE sets its size (150 by default to keep the suite quick; the figure
for 2,000 papers is in docs/scale.md).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED, run_cli

CORPUS = SHARED / "corpus"
SIZE = int(os.environ.get("PAPERKG_INCREMENTAL_SAMPLE", "150"))


def _line(arxiv_id: str, title: str, abstract: str) -> str:
    """One JSON Lines record of a small hand-written paper (published on a day its id gives)."""
    return json.dumps({"arxiv_id": arxiv_id, "title": title, "abstract": abstract,
                       "published": "2024-01-0" + arxiv_id[-2]})


def _sample(n: int) -> list[str]:
    """n corpus lines, an equal share from the start of each corpus file."""
    files = sorted(CORPUS.glob("papers-*.jsonl.gz"))
    if not files:
        pytest.skip("../shared/corpus is not beside this checkout")
    share = -(-n // len(files))
    lines: list[str] = []
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            lines += [line.rstrip("\n") for line in itertools.islice(fh, share)]
    return lines[:n]


def grown_by_command(tmp_path: Path, old: list[str], new: list[str]) -> tuple[dict, dict]:
    """Grow a store of `old` by `paperkg build NEW --workers 2` in a process, as a fresh build."""
    from paperkg.graph.pipeline import build
    from tests.conftest import run_cli_process

    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(old) + "\n")
    b.write_text("\n".join(new) + "\n")
    grown = tmp_path / "grown.lbug"
    build([a], db=grown, fast=True)
    ran = run_cli_process("build", str(b), "--db", str(grown), "--workers", "2", "--fast",
                          "--json")
    assert ran.returncode == 0, ran.stderr
    told = json.loads(ran.stdout)
    assert told["mode"] == "upsert" and told["written"] is not None and told["extracted"] == 1
    build([a, b], db=tmp_path / "fresh.lbug", fast=True)
    seen = snapshot(grown)
    assert_same(snapshot(tmp_path / "fresh.lbug"), seen)
    return seen


@pytest.fixture(scope="module")
def parts(tmp_path_factory) -> list[Path]:
    """The sample in three JSON Lines files (interleaved, so each spans the corpus)."""
    root = tmp_path_factory.mktemp("incremental")
    lines = _sample(SIZE)
    out = []
    for i in range(3):
        path = root / f"part{i}.jsonl"
        path.write_text("\n".join(lines[i::3]) + "\n", encoding="utf-8")
        out.append(path)
    return out


def snapshot(db: Path) -> tuple[dict, dict]:
    """Every node and edge of a store with all its properties, in comparable form."""
    from paperkg.graph.ladybug_store import load_graph

    def freeze(d: dict) -> tuple:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items()))

    g = load_graph(db)
    nodes = {n: freeze(d) for n, d in g.nodes(data=True)}
    edges = {(u, v, k): freeze(d) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def assert_same(a: tuple[dict, dict], b: tuple[dict, dict]) -> None:
    """Two snapshots hold the same nodes and edges with the same properties."""
    for what, x, y in (("nodes", a[0], b[0]), ("edges", a[1], b[1])):
        missing, extra = sorted(set(x) - set(y))[:5], sorted(set(y) - set(x))[:5]
        differ = sorted(k for k in set(x) & set(y) if x[k] != y[k])[:5]
        assert not (missing or extra or differ), (what, missing, extra, differ)


@pytest.fixture(scope="module")
def fresh_db(parts, tmp_path_factory) -> Path:
    """A fresh build of all three files."""
    from paperkg.graph.pipeline import build

    db = tmp_path_factory.mktemp("fresh") / "kg.lbug"
    report = build(parts, db=db)
    assert report.extracted == report.total_papers > 0.9 * SIZE
    return db


@pytest.fixture(scope="module")
def fresh(fresh_db) -> tuple[dict, dict]:
    """The graph of a fresh build of all three files."""
    return snapshot(fresh_db)


@pytest.fixture(scope="module")
def part0_fast(parts, tmp_path_factory):
    """A fresh build of the first file with the rules alone (fast), in this process and
    without a pool, made once: (store, the build's report, its graph); a test that changes
    the store takes its own copy (copied)."""
    from paperkg.graph.pipeline import build

    db = tmp_path_factory.mktemp("part0-fast") / "kg.lbug"
    report = build([parts[0]], db=db, fast=True)
    return db, report, snapshot(db)


def copied(db: Path, tmp_path: Path) -> Path:
    """A copy of the store file db in tmp_path, as kg.lbug, for a test to change."""
    import shutil

    return Path(shutil.copyfile(db, tmp_path / "kg.lbug"))


def test_split_in_two_reversed_order(parts, fresh, fresh_db, tmp_path):
    """The second build is an update with a second worker: its new papers are extracted in
    another process while the store is read (pipeline.Ahead); the store is a fresh build's.
    (An update extracted in this process: test_one_file_at_a_time_other_hash_seed's last.)"""
    from paperkg.graph.pipeline import build

    db = tmp_path / "kg.lbug"
    first = build([parts[1]], db=db)
    second = build([parts[2], parts[0]], db=db, workers=2)
    assert second.mode == "upsert"
    assert second.extracted == second.total_papers - first.total_papers  # old ones kept
    assert second.written is not None and second.written["added"] > 0  # only the difference
    assert "diff" in second.seconds  # assembled only what it touched (registry_store.py)
    assert_same(fresh, snapshot(db))
    assert registry_rows(db) == registry_rows(fresh_db)
    again = build(parts, db=db)  # nothing new: nothing extracted, nothing written
    assert again.extracted == 0 and again.new_papers == 0
    assert again.written == {"added": 0, "changed": 0, "removed": 0, "state": 0}
    assert_same(fresh, snapshot(db))


def test_update_extracts_its_papers_ahead(parts):
    """pipeline.Ahead (an update's new papers extracted in another process while the store is
    read; the update with it: test_split_in_two_reversed_order): a paper whose text is not
    the one sent is extracted in this process, with the results raw_extractions gives."""
    import dataclasses

    from paperkg.extractors.pipeline import raw_extractions
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.pipeline import Ahead
    from paperkg.readers import read_listings

    papers = read_listings([parts[2]]).papers[:4]
    ahead = Ahead(papers, fast=False)
    other = dataclasses.replace(papers[1], abstract=papers[1].abstract + " It uses BERT.")
    todo = [papers[2], other, papers[0]]
    done: list[int] = []
    got = ahead.raws(todo, progress=done.append)
    assert got == list(raw_extractions([p.text for p in todo], as_json=True,
                                       extra=paper_features,
                                       extra_args=[(p.title, p.abstract) for p in todo]))
    assert sum(done) == 3
    ahead.close()  # closed already: nothing to do


def test_update_canonicalises_without_spacy():
    """An update's main process counts, canonicalises and reads kept extractions without
    importing spaCy (extractors/registry.py; the import took about 0.9 CPU s): spaCy is
    imported there only when that process extracts papers itself. Run in a fresh process."""
    import subprocess

    code = """
import sys
from paperkg.graph import pipeline, registry_store as R
ent = {"name": "BERT", "type": "MODEL", "role": "used", "aliases": [], "confidence": 0.9,
       "mentions": [["BERT", 0, 4, 0]], "extractor": "rules", "key": "bert",
       "evaluated": False}
counts = R.Counts()
counts.add([ent])
ex = R.canonical(counts.registry(), "p1", [[ent], [], []])
plain = R.from_plain("p1", '[[], [[0, 5, "https://github.com/a/b", 0]], []]')
print([e.key for e in ex.entities], len(plain.repos),
      sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['bert'] 1 []"


def test_one_file_at_a_time_other_hash_seed(parts, fresh, fresh_db, tmp_path):
    """Three builds, each with another PYTHONHASHSEED, files in another order: two in processes
    started with a fixed seed (the update extracts ahead in a second process, pipeline.Ahead),
    the last in this process (whose seed is random, or whatever PYTHONHASHSEED says: the two
    fixed ones are chosen to differ from it), an update extracted in this process."""
    db = tmp_path / "kg.lbug"
    ours = os.environ.get("PYTHONHASHSEED")
    seeds = [s for s in ("1", "77", "4242") if s != ours][:2]
    for seed, part in zip((*seeds, None), (parts[2], parts[0], parts[1]), strict=True):
        done = run_cli("build", part, "--db", db, "--json", "--workers", "2" if seed else "1",
                       env=seed and {"PYTHONHASHSEED": seed})  # a PYTHON* variable: a process
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["extracted"] <= len(part.read_text().splitlines())
    assert_same(fresh, snapshot(db))
    assert registry_rows(db) == registry_rows(fresh_db)


def test_changed_text_is_extracted_again(parts, part0_fast, tmp_path):
    """A paper whose stored extraction no longer matches its text is extracted again; the
    others keep theirs (the rules alone: an update with the default pipeline extracted in this
    process is test_one_file_at_a_time_other_hash_seed's last build)."""
    from paperkg.graph import ladybug_store as L
    from paperkg.graph.pipeline import build

    db = copied(part0_fast[0], tmp_path)
    first = part0_fast[1]
    state = L.read_state(db)
    assert len(state) == first.total_papers
    pid = sorted(state)[0]
    L.query("MATCH (s:PaperState {id: $id}) SET s.content_hash = $h", {"id": pid, "h": "stale"},
            db=db, write=True)
    again = build([parts[0]], db=db, fast=True)
    assert again.extracted == 1
    assert L.read_state(db)[pid] == state[pid]
    # PaperState changed behind the kept registry's back (its stamp no longer matches): the
    # next update takes the whole path, which writes the registry again; the one after is quick
    from paperkg.graph.registry_store import read_counts, stamp

    L.query("MATCH (s:PaperState {id: $id}) SET s.content_hash = $h", {"id": pid, "h": "stale"},
            db=db, write=True)
    whole = build([parts[0]], db=db, fast=True)
    assert whole.extracted == 1 and "diff" not in whole.seconds
    with L.connect(db) as conn:
        assert read_counts(conn)[1] == stamp((i, h) for i, (h, _) in L.read_state(db).items())
    assert "diff" in build([parts[0]], db=db, fast=True).seconds


def test_build_cli_reports_what_it_extracted(parts, part0_fast, tmp_path):
    db = copied(part0_fast[0], tmp_path)  # the file built fresh once (the fixture)
    ran = run_cli("build", parts[0], "--db", db, "--json", "--fast")
    report = json.loads(ran.stdout)
    assert report["extracted"] == 0 and report["mode"] == "upsert"
    assert report["written"] == {"added": 0, "changed": 0, "removed": 0, "state": 0}
    human = run_cli("build", parts[0], "--db", db, "-q", "--fast")
    assert human.returncode == 0, human.stderr
    assert ("wrote only the difference: 0 rows added, 0 changed, 0 removed (0 paper states)"
            in human.stdout)


if __name__ == "__main__":  # pragma: no cover - `python tests/test_incremental.py` = pytest
    sys.exit(pytest.main([__file__, "-q"]))


def test_enrich_citations_survive_an_update_not_a_rebuild(parts, part0_fast, tmp_path):
    from paperkg.graph import ladybug_store as L
    from paperkg.graph.pipeline import build

    db = copied(part0_fast[0], tmp_path)
    _, rows = L.query("MATCH (p:Paper) RETURN p.id ORDER BY p.id LIMIT 2", db=db)
    (a,), (b,) = rows
    L.query("MATCH (a:Paper {id: $a}) MATCH (b:Paper {id: $b}) "
            "CREATE (a)-[:CITES {source: $s, kind: $k}]->(b)",
            {"a": a, "b": b, "s": "openalex", "k": "cites"}, db=db, write=True)
    count = "MATCH ()-[c:CITES]->() WHERE c.source = $s RETURN count(c)"
    build([parts[1]], db=db, fast=True)
    assert L.query(count, {"s": "openalex"}, db=db)[1] == [[1]]
    build([parts[0]], db=db, fast=True, rebuild=True)  # a and b are the first file's
    assert L.query(count, {"s": "openalex"}, db=db)[1] == [[0]]


def _state_file(db: Path, tmp_path: Path) -> Path:
    """The store's PaperState rows as the spool file a build hands to update_store."""
    from paperkg.graph import ladybug_store as L
    from paperkg.graph.pipeline import StateSpool

    spool = StateSpool(tmp_path / "state.parquet")
    for pid, (h, x) in sorted(L.read_state(db).items()):
        spool.add(pid, h, x)
    spool.close()
    return spool.path


def test_failed_partial_write_leaves_the_store_as_it_was(part0_fast, tmp_path):
    """A partial write that fails half-way (a relationship to a node nobody wrote) changes
    nothing: it ran on a staged copy."""
    from paperkg.core.errors import UserError
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_delta import update_store
    from paperkg.graph.ladybug_store import load_graph

    db = copied(part0_fast[0], tmp_path)
    before = snapshot(db)
    g = load_graph(db)
    paper = min(n for n, d in g.nodes(data=True) if d["label"] == S.PAPER)
    g.nodes[paper]["title"] = "A changed title"  # written before the failing relationship
    g.add_edge(paper, S.node_key(S.METHOD, "nowhere"), key=S.USES, type=S.USES)
    with pytest.raises(UserError, match="previous store is unchanged"):
        update_store(g, db, _state_file(db, tmp_path))
    assert_same(before, snapshot(db))
    assert sorted(f.name for f in tmp_path.iterdir() if f.name.startswith("kg.lbug")) == [
        "kg.lbug"]


def test_partial_write_declines_a_large_difference(part0_fast, tmp_path):
    """More than max_share of the graph changed: nothing is written, the caller rewrites."""
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_delta import update_store
    from paperkg.graph.ladybug_store import load_graph

    db = copied(part0_fast[0], tmp_path)
    before = snapshot(db)
    g = load_graph(db)
    gone = min(n for n, d in g.nodes(data=True) if d["label"] == S.METHOD)
    g.remove_node(gone)
    assert update_store(g, db, _state_file(db, tmp_path), max_share=0.0) is None
    assert_same(before, snapshot(db))
    delta = update_store(g, db, _state_file(db, tmp_path))
    assert delta is not None and delta.summary()["removed"] > 0
    assert delta.summary()["state"] == 0  # same papers, same hashes
    assert gone not in load_graph(db)


def test_a_paper_listed_twice_in_one_file_counts_once(tmp_path):
    """Two lines of one file are one sighting per file: a fresh build and a build that reads
    the paper back from the store agree (the count used to drop from 2 to 1 on update)."""
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    twice = {"title": "TwiceNet: Networks Listed Twice", "arxiv_id": "2401.00001",
             "abstract": "We propose TwiceNet, a network evaluated on ImageNet (top-1 accuracy)."}
    other = {"title": "Another Look at Listings", "arxiv_id": "2401.00002",
             "abstract": "We study TwiceNet on CIFAR-10 and compare it with ResNet-50."}
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps(twice) + "\n" + json.dumps(twice) + "\n")
    b.write_text(json.dumps(other) + "\n" + json.dumps(twice) + "\n")
    build([a, b], db=tmp_path / "fresh.lbug")
    build([a], db=tmp_path / "grown.lbug")
    build([b], db=tmp_path / "grown.lbug")
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(tmp_path / "grown.lbug"))
    rows = query("MATCH (p:Paper {id: $id}) RETURN p.source_count", {"id": "2401.00001"},
                 db=tmp_path / "grown.lbug")[1]
    assert rows == [[2]]  # a.jsonl (twice) and b.jsonl


def test_rows_of_other_citation_code_keep_their_extraction(parts, part0_fast, tmp_path):
    """A PaperState row written by other citation code (the second part of its hash differs)
    keeps its extraction: only its per-paper citation results are made again, and the row is
    rewritten as a fresh build writes it."""
    from paperkg.graph import ladybug_store as L
    from paperkg.graph.pipeline import build

    db = copied(part0_fast[0], tmp_path)
    before, state = snapshot(db), L.read_state(db)
    pid = sorted(state)[0]
    h, x = state[pid]
    assert len(json.loads(x)) == 4
    L.query("MATCH (s:PaperState {id: $id}) SET s.content_hash = $h, s.extraction = $x",
            {"id": pid, "h": h.split(".")[0] + ".older", "x": json.dumps(json.loads(x)[:3])},
            db=db, write=True)
    again = build([parts[0]], db=db, fast=True)
    assert again.extracted == 0 and again.written == {"added": 0, "changed": 0, "removed": 0,
                                                      "state": 1}
    assert L.read_state(db) == state
    assert_same(before, snapshot(db))


def test_rows_all_of_other_extraction_and_citation_code_take_the_whole_path(parts, part0_fast,
                                                                             tmp_path):
    """Stored rows of both other extraction and other citation code (a store of an older
    tree, consistent with its registry): every paper is extracted again, and the update takes
    the whole path, which makes the citation index again from every paper (the quick path
    renews only the new papers' index rows: here an older index without pair rows)."""
    from paperkg.graph import ladybug_store as L
    from paperkg.graph import schema as S
    from paperkg.graph.pipeline import build
    from paperkg.graph.registry_store import stamp

    db = copied(part0_fast[0], tmp_path)
    want = registry_rows(db)
    assert any(r[0].startswith("p\t") for r in want[S.CITE_INDEX])
    ids = list(L.read_state(db))
    L.query("MATCH (s:PaperState) SET s.content_hash = 'other.older'", db=db, write=True)
    L.query(f"MATCH (n:{S.CITE_INDEX}) WHERE n.id STARTS WITH $p DELETE n", {"p": "p\t"},
            db=db, write=True)
    L.query(f"MATCH (n:{S.REGISTRY_STAMP} {{id: 'state'}}) SET n.value = $v",
            {"v": stamp((i, "other.older") for i in ids)}, db=db, write=True)
    again = build([parts[0]], db=db, fast=True)
    assert again.extracted == len(ids) and "diff" not in again.seconds
    assert registry_rows(db) == want


def registry_rows(db: Path) -> dict[str, list]:
    """Every row of the registry tables a store keeps (graph/registry_store.py), read on one
    read-only connection (an open of the store costs more than these reads)."""
    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import connect

    out = {}
    with connect(db) as conn:
        for table, props in S.REGISTRY_TABLES.items():
            cols = ", ".join(f"n.{p.name}" for p in props)
            rows = conn.execute(f"MATCH (n:{table}) RETURN {cols}").get_all()
            out[table] = sorted(map(tuple, rows))
    return out


def test_the_kept_registry_is_the_one_the_state_rows_make(fresh_db):
    """The registry tables of a store hold what a Registry fed from its PaperState rows holds,
    and per entity node the names and aliases its papers' canonical entities give (the
    identity tests above check that an update's tables are a fresh build's)."""
    from collections import Counter, defaultdict

    from paperkg.extractors.registry import Registry
    from paperkg.graph import ladybug_store as L
    from paperkg.graph import schema as S
    from paperkg.graph.registry_store import canonical, read_counts, stamp

    db = fresh_db
    state = L.read_state(db)
    fed = Registry()
    for _, x in state.values():
        fed.add_raw(json.loads(x)[0])
    with L.connect(db) as conn:
        counts, kept_stamp = read_counts(conn)
    made = counts.registry()
    assert made.votes == fed.votes and len(made.votes) > 100
    assert dict(made.long_forms) == dict(fed.long_forms) and fed.long_forms
    assert kept_stamp == stamp((pid, h) for pid, (h, _) in state.items())
    names, aliases = defaultdict(Counter), defaultdict(Counter)
    for pid, (_, x) in sorted(state.items()):
        for e in canonical(fed, pid, json.loads(x)).entities:
            label = S.ENTITY_TYPES.get(e.type)
            if label:
                ek = S.node_key(label, e.key or e.name.lower())
                names[ek][e.name] += 1
                aliases[ek].update(a for a in e.aliases if a)
    rows = registry_rows(db)
    assert rows[S.ENTITY_SURFACE] == sorted(
        (node, json.dumps(dict(sorted(c.items())), separators=(",", ":")),
         json.dumps(dict(sorted(aliases[node].items())), separators=(",", ":")))
        for node, c in names.items())


def test_an_update_assembles_the_old_papers_a_new_vote_changes(tmp_path):
    """New papers that retype an old paper's entity its rules left at METHOD (two votes against
    one; the vote moves no paper's own introduced name), give an acronym
    an old paper uses its long form, and name an old paper's repository from an id that sorts
    first, and a new abstract of an old paper: the update assembles only those papers again,
    and the store is a fresh build's."""
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    old = [_line("2401.00010", "Segmenting Cells Quickly", "We apply ZorbNet to cell "
                 "segmentation. Code: https://github.com/acme/zorb"),
           _line("2401.00020", "Yodel Models", "We train HGM models on speech. HGM improves "
                 "accuracy on PTB."),
           _line("2401.00030", "Other Cells", "We compare U-Net with attention models on "
                 "cell counting.")]
    new = [_line("2401.00050", "On Cell Counting", "We evaluate on the ZorbNet dataset and "
                 "report accuracy on ZorbNet."),
           _line("2401.00060", "More Cells", "We report accuracy on the ZorbNet dataset."),
           _line("2401.00001", "Gated Memory", "We build on Hierarchical Gated Memory (HGM), "
                 "a recurrent model. HGM outperforms LSTM on PTB. See "
                 "https://github.com/Acme/zorb"),
           _line("2401.00030", "Other Cells", "We compare U-Net with nested U-Net models and "
                 "attention models on cell counting in microscopy images of tissue.")]
    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(old) + "\n")
    b.write_text("\n".join(new) + "\n")
    build([a, b], db=tmp_path / "fresh.lbug", fast=True)
    grown = tmp_path / "grown.lbug"
    build([a], db=grown, fast=True)
    q = "MATCH (p:Paper {id: $id})-[]->(e) RETURN e.id"
    assert ["zorbnet"] in query(q.replace("(e)", "(e:Method)"), {"id": "2401.00010"},
                                db=grown)[1]
    assert ["hgm"] in query(q, {"id": "2401.00020"}, db=grown)[1]
    report = build([b], db=grown, fast=True)
    assert "diff" in report.seconds and report.extracted == 4
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(grown))
    assert registry_rows(grown) == registry_rows(tmp_path / "fresh.lbug")
    assert ["zorbnet"] in query(q.replace("(e)", "(e:Dataset)"), {"id": "2401.00010"},
                                db=grown)[1]
    assert ["hierarchicalgatedmemory"] in query(q, {"id": "2401.00020"}, db=grown)[1]


def test_an_update_keys_acronyms_as_a_fresh_build_when_a_new_name_is_used(tmp_path):
    """A bare acronym keeps its key while the one long form defined for it is only another
    paper's own new name (registry.OWN), and the paper's own acronym keeps its key whatever
    others spell out; a new paper that uses the long form moves the old bare acronym to it:
    the update is a fresh build's either way."""
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    old = [_line("2401.00010", "Ranking Fast", "In this paper we present Quorbic Rank Fusion "
                 "(QRF). QRF outperforms BM25 on MS MARCO."),
           _line("2401.00020", "Other Ranking", "We compare QRF with BM25 on retrieval."),
           _line("2401.00030", "HGM: Gated Heads for Graphs", "We propose HGM, a new graph "
                 "network. HGM outperforms GCN on Cora.")]
    new = [_line("2401.00040", "Fusion Baselines", "We use Quorbic Rank Fusion (QRF) as a "
                 "baseline for passage retrieval."),
           _line("2401.00050", "Gated Memory", "We build on Hierarchical Gated Memory (HGM), "
                 "a recurrent model. HGM outperforms LSTM on PTB.")]
    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(old) + "\n")
    b.write_text("\n".join(new) + "\n")
    q = "MATCH (p:Paper {id: $id})-[]->(e) RETURN e.id"
    grown = tmp_path / "grown.lbug"
    build([a], db=grown, fast=True)
    assert ["qrf"] in query(q, {"id": "2401.00020"}, db=grown)[1]
    assert "diff" in build([b], db=grown, fast=True).seconds
    build([a, b], db=tmp_path / "fresh.lbug", fast=True)
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(grown))
    assert registry_rows(grown) == registry_rows(tmp_path / "fresh.lbug")
    assert ["quorbicrankfusion"] in query(q, {"id": "2401.00020"}, db=grown)[1]
    assert ["hgm"] in query(q, {"id": "2401.00030"}, db=grown)[1]


def test_citations_of_a_paper_whose_text_changed_equal_a_full_run(tmp_path):
    """A stored paper whose abstract changed is judged as a new paper, with the names its old
    text touched (citations.Previous.old, what registry_store hands an update): every edge is
    a full run's, for each paper of the citation tests changed either way."""
    from paperkg.graph.build import build_graph
    from paperkg.graph.citations import Previous, add_citations, inferred_citations
    from paperkg.graph.citations.cache import paper_features
    from paperkg.readers import read_listings
    from tests.test_citations import UPDATE_PAPERS, _edges

    def graph(texts: dict, name: str):
        rows = [{"id": k, "title": t, "abstract": a, **({"published": d} if d else {}),
                 **({"arxiv_id": "2403.01234"} if k == "loop" else {})}
                for k, (t, d, a) in texts.items()]
        listing = tmp_path / name
        listing.write_text(json.dumps(rows), encoding="utf-8")
        result = read_listings([listing])
        g = build_graph(result.papers, result.sources, [])
        kept = {n: json.loads(json.dumps(paper_features(d["title"], d.get("abstract") or "")))
                for n, d in g.nodes(data=True) if d.get("label") == "Paper"}
        return g, kept, {k: next(n for n, d in g.nodes(data=True) if d.get("title") == t)
                         for k, (t, _, _) in texts.items()}

    for key, (title, date, abstract) in UPDATE_PAPERS.items():
        bland = (title, date, "We discuss unrelated matters of no consequence briefly.")
        for before, after in (((title, date, abstract), bland), (bland, (title, date, abstract))):
            g_old, kept_old, ids = graph({**UPDATE_PAPERS, key: before}, "old.json")
            add_citations(g_old, min_confidence=0.0, features=kept_old)
            pk = ids[key]
            stored = [(u, v, dict(d)) for u, v, d in inferred_citations(g_old) if pk not in (u, v)]
            g_new, kept_new, _ = graph({**UPDATE_PAPERS, key: after}, "new.json")
            full = g_new.copy()
            add_citations(full, min_confidence=0.0, features=kept_new)
            add_citations(g_new, min_confidence=0.0, features=kept_new,
                          previous=Previous(stored, {pk}, old={pk: kept_old[pk]}))
            assert sorted(_edges(g_new).items()) == sorted(_edges(full).items()), key


def _tiny(tmp_path: Path) -> tuple[Path, Path]:
    """Two small listings: three old papers and two new ones that cite and retype them."""
    old = [_line("2401.00010", "ZorbNet: Segmenting Cells", "We propose ZorbNet, a new method "
                 "for cell segmentation."),
           _line("2401.00020", "Yodel Models", "We train HGM models on speech."),
           _line("2401.00030", "Other Cells", "We compare U-Net with attention models.")]
    new = [_line("2401.00050", "On Cell Counting", "We build on ZorbNet for cell counting."),
           _line("2401.00060", "More Cells", "We report accuracy on the ZorbNet dataset.")]
    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(old) + "\n")
    b.write_text("\n".join(new) + "\n")
    return a, b


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory) -> tuple[Path, Path, Path]:
    """A store of `_tiny`'s old papers (built once; tests copy it), and the two listings."""
    from paperkg.graph.pipeline import build

    root = tmp_path_factory.mktemp("tiny")
    a, b = _tiny(root)
    build([a], db=root / "kg.lbug", fast=True)
    return root / "kg.lbug", a, b


def test_a_quick_write_that_fails_is_rolled_back(tiny_store, tmp_path, monkeypatch):
    """The registry path writes in one transaction on the store itself
    (ladybug_delta.in_place): a failure after the graph's rows were written leaves the store
    as it was, and nothing beside it."""
    import shutil

    from paperkg.core.errors import UserError
    from paperkg.graph import registry_store
    from paperkg.graph.pipeline import build

    db = tmp_path / "kg.lbug"
    shutil.copy(tiny_store[0], db)
    before, rows = snapshot(db), registry_rows(db)
    real = registry_store._write_registry

    def failing(conn, changes):
        real(conn, changes)
        raise RuntimeError("No space left on device")

    monkeypatch.setattr(registry_store, "_write_registry", failing)
    with pytest.raises(UserError, match="previous store is unchanged"):
        build([tiny_store[2]], db=db, fast=True)
    assert_same(before, snapshot(db))
    assert registry_rows(db) == rows
    assert sorted(f.name for f in tmp_path.iterdir()) == [".kg.lbug.writer", "kg.lbug"]


def test_an_update_sets_the_registry_counts_it_changes_where_they_are(tiny_store, tmp_path):
    """A registry row whose count alone an update changes has it set where it is (same
    internal id): deleting and creating it again would touch the primary key's index twice
    and append every column, pages the checkpoint then copies. The registry is a fresh
    build's."""
    import shutil

    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_store import query
    from paperkg.graph.pipeline import build

    def places(db: Path) -> dict[tuple[str, str], tuple]:
        return {(t, i): (n["offset"], n["table"]) for t in (S.REGISTRY_VOTE, S.REGISTRY_LONG)
                for i, n in query(f"MATCH (n:{t}) RETURN n.id, ID(n)", db=db)[1]}

    db = tmp_path / "kg.lbug"
    shutil.copy(tiny_store[0], db)
    before, rows = places(db), registry_rows(db)
    more = tmp_path / "more.jsonl"  # names the old papers' entities again
    more.write_text(_line("2401.00070", "Cells Again", "We propose ZorbNet-2 and compare it "
                          "with ZorbNet and U-Net. We train HGM models on text.") + "\n")
    build([tiny_store[2], more], db=db, fast=True)
    after = registry_rows(db)
    counted = {(S.REGISTRY_VOTE, r[0]) for r in set(after[S.REGISTRY_VOTE])
               - set(rows[S.REGISTRY_VOTE]) if (S.REGISTRY_VOTE, r[0]) in before}
    assert len(counted) >= 2
    now = places(db)
    assert {k: now[k] for k in counted} == {k: before[k] for k in counted}
    fresh_db = tmp_path / "fresh.lbug"
    build([tiny_store[1], tiny_store[2], more], db=fresh_db, fast=True)
    assert after == registry_rows(fresh_db)


_KILLED = """
import os, sys
from pathlib import Path
from paperkg.graph import ladybug_delta
db, where = Path(sys.argv[1]), sys.argv[2]
if where == "after":  # committed, not folded into the store file
    ladybug_delta._checkpoint_now = lambda conn: os._exit(9)
with ladybug_delta.in_place(db) as conn:
    conn.execute("MATCH (p:Paper) SET p.title = 'Changed'")
    conn.execute("MATCH (:Paper)-[r:USES]->() DELETE r")
    if where == "before":  # every row written, not committed
        os._exit(9)
"""


def test_an_update_takes_the_stored_hashes_of_a_store_under_its_own_key(tiny_store, tmp_path):
    """A build keeps the key its PaperState hashes are made under (pipeline.extraction_key:
    the extraction's and the citation code's fingerprints and the mode; RegistryStamp row
    "extraction"). An update of a store under its own key takes the stored hash of a paper
    it reads back untouched, without hashing the text again (so an abstract changed behind
    paperkg's back is not seen); one of a store without the row (older) or under another key
    hashes every text. Either way the store it leaves equals a fresh build and keeps the key."""
    import shutil

    from paperkg.graph import ladybug_store as L
    from paperkg.graph import schema as S
    from paperkg.graph.pipeline import build, extraction_key
    from paperkg.graph.registry_store import read_stamp

    db, a, b = tiny_store
    with L.connect(db) as conn:
        assert read_stamp(conn, "extraction") == extraction_key(True) != extraction_key(False)
    fresh = tmp_path / "fresh.lbug"
    build([a, b], db=fresh, fast=True)
    want, want_rows = snapshot(fresh), registry_rows(fresh)  # read once for the three stores
    for kept in (extraction_key(True), "other", None):
        grown = tmp_path / f"grown-{kept}.lbug"
        shutil.copy(db, grown)
        L.query(f"MATCH (n:{S.REGISTRY_STAMP} {{id: 'extraction'}}) DELETE n", db=grown,
                write=True)
        if kept is not None:
            L.query(f"CREATE (n:{S.REGISTRY_STAMP} {{id: 'extraction', value: $v}})",
                    {"v": kept}, db=grown, write=True)
        report = build([b], db=grown, fast=True)
        assert "diff" in report.seconds and report.extracted == 2
        assert_same(want, snapshot(grown))
        assert registry_rows(grown) == want_rows
        # a stored abstract changed in the store alone: seen only when the texts are hashed
        L.query("MATCH (p:Paper {id: '2401.00020'}) SET p.abstract = 'We train HGM models.'",
                db=grown, write=True)
        L.query(f"MATCH (n:{S.REGISTRY_STAMP} {{id: 'extraction'}}) SET n.value = $v",
                {"v": kept or "other"}, db=grown, write=True)
        again = build([b], db=grown, fast=True)
        assert again.extracted == (0 if kept == extraction_key(True) else 1), kept


def test_a_writer_killed_during_an_in_place_write(tiny_store, tmp_path):
    """A process that dies inside in_place's transaction leaves the old store; one that dies
    after the commit, before the checkpoint, leaves the new one (the engine's log, replayed
    when the store is next opened, read-only too)."""
    import shutil
    import subprocess

    from paperkg.graph.ladybug_delta import in_place

    db = tiny_store[0]
    before = snapshot(db)
    done = tmp_path / "done.lbug"
    shutil.copy(db, done)
    with in_place(done) as conn:
        conn.execute("MATCH (p:Paper) SET p.title = 'Changed'")
        conn.execute("MATCH (:Paper)-[r:USES]->() DELETE r")
    after = snapshot(done)
    assert after != before
    for where, expected in (("before", before), ("after", after)):
        copy = tmp_path / f"{where}.lbug"
        shutil.copy(db, copy)
        ran = subprocess.run([sys.executable, "-c", _KILLED, str(copy), where],
                             capture_output=True, text=True, timeout=600)
        assert ran.returncode == 9, ran.stderr
        assert_same(expected, snapshot(copy))


def test_an_update_merges_only_the_stored_papers_the_new_ones_share_a_key_with(tmp_path):
    """pipeline._merge_touched (what an update merges its read with the stored papers by) is
    readers.merge_papers of all of them: new papers matching stored ones by arXiv id, by
    title without an id, and one bridging two stored papers (title of one, id of another)."""
    from paperkg.graph.pipeline import _merge_touched
    from paperkg.graph.registry_store import _paper_row
    from paperkg.readers import merge_papers, read_listings

    lines = [json.loads(x) for x in _sample(40)]
    old_file, new_file = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    old_file.write_text("\n".join(json.dumps(d) for d in lines[:30]) + "\n")
    new = [dict(d) for d in lines[30:]]
    new.append({**lines[0], "abstract": lines[0]["abstract"] + " Revised."})
    new.append({k: v for k, v in lines[1].items() if k != "arxiv_id"})
    new.append({**lines[2], "arxiv_id": lines[3].get("arxiv_id"), "doi": "10.1234/x.5"})
    new_file.write_text("\n".join(json.dumps(d) for d in new) + "\n")
    old = read_listings([old_file]).papers
    fresh = read_listings([new_file]).papers
    whole, _ = merge_papers([*old, *fresh])
    part = _merge_touched(old, fresh)
    assert len(part) < len(old) + len(fresh)  # some merged
    assert sorted(map(_paper_row, part)) == sorted(map(_paper_row, whole))


def test_a_fresh_build_reading_its_papers_back_in_small_batches_is_the_same(
        parts, part0_fast, tmp_path, monkeypatch):
    """The papers of the first file spilled and read back in batches of 7 rows: the store of a
    build that keeps them in memory (the rules alone: the spill holds the papers, not what is
    extracted from them)."""
    from paperkg.graph import paper_spill, pipeline
    from paperkg.graph.pipeline import build

    monkeypatch.setattr(paper_spill, "FROM", 1)
    monkeypatch.setattr(pipeline, "STATE_ALONE_FROM", 1)  # the state COPYed before the graph
    monkeypatch.setattr(paper_spill, "ROWS", 7)  # many batches, chunks across them
    made = []
    spill = paper_spill.SpilledPapers
    monkeypatch.setattr(paper_spill, "SpilledPapers",
                        lambda *args: made.append(spill(*args)) or made[-1])
    db = tmp_path / "kg.lbug"
    build([parts[0]], db=db, fast=True)
    assert len(made) == 1 and len(made[0]) > 0.9 * SIZE / 3
    assert_same(snapshot(db), part0_fast[2])
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".papers")]


def test_surface_counts_json_is_the_encoders():
    """EntitySurface's counts JSON, joined by hand, is what the compact JSON encoder writes."""
    import json

    from paperkg.graph.registry_store import _counts_json

    compact = json.JSONEncoder(separators=(",", ":"))
    for counts in ({}, {"BERT": 3, "bert": 1, "gone": 0}, {'a"b\\c\n\x01é😀\ud800': 2, "": 1},
                   {"x": 1.5}, {"y": True}):
        want = compact.encode({k: n for k, n in sorted(counts.items()) if n > 0})
        assert _counts_json(counts) == want
        assert json.loads(_counts_json(counts)) == json.loads(want)


def test_a_pooled_build_ends_its_fork_server_and_writes_the_same_store(parts, part0_fast,
                                                                      tmp_path, monkeypatch):
    """A fresh build whose extraction runs in a pool (POOL_FROM papers or more, two workers)
    ends the workers' fork server once extraction is done (it held about 100 MB through every
    later step); its store is the one a build in this process writes. The pool's threshold is
    lowered under the first file's papers (the real 1,024 is crossed in
    test_extract_cli::test_two_worker_processes_give_the_same_result)."""
    from multiprocessing import forkserver

    from paperkg.extractors import pipeline
    from paperkg.extractors.workers import start_fork_server, worker_context
    from paperkg.graph.pipeline import build

    if worker_context().get_start_method() != "forkserver":
        pytest.skip("no fork server here")
    monkeypatch.setattr(pipeline, "POOL_FROM", 40)
    start_fork_server()
    assert forkserver._forkserver._forkserver_pid is not None
    pooled = build([parts[0]], db=tmp_path / "two.lbug", workers=2, fast=True)
    assert forkserver._forkserver._forkserver_pid is None
    _, one, seen = part0_fast  # the same build in this process
    assert pooled.extracted == one.extracted >= 40
    assert_same(snapshot(tmp_path / "two.lbug"), seen)


def test_a_kept_citation_keeps_its_kind_and_entity_while_what_it_reads_stays(tmp_path):
    """An update keeps a stored inferred citation's kind and entity, without reading its
    papers' entity edges, when neither paper is of the update's part and no entity node the
    update touches that they reach has the citation's name among its keys, stored or new
    (registry_store._steady): the store is a fresh build's. The citing paper in the part, or
    a touched node it reaches with the name as an alias (new, or stored), is not kept so."""
    import networkx as nx

    from paperkg.graph import schema as S
    from paperkg.graph.ladybug_delta import inferred_citations_in
    from paperkg.graph.ladybug_store import connect
    from paperkg.graph.pipeline import build
    from paperkg.graph.registry_store import _steady, _steady_rows, _Store

    old = [_line("2401.00010", "ZorbNet: Segmenting Cells", "We propose ZorbNet, a new method "
                 "for cell segmentation."),
           _line("2401.00020", "Yodel Models", "We propose YodelLM, a speech model. YodelLM "
                 "improves accuracy on PTB."),
           _line("2401.00050", "On Cell Counting", "We build on ZorbNet for cell counting with "
                 "YodelLM.")]
    new = [_line("2401.00070", "On Cell Counting in Tissue", "We build on U-Net for cell "
                 "counting in tissue.")]
    a, b = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    a.write_text("\n".join(old) + "\n")
    b.write_text("\n".join(new) + "\n")
    grown = tmp_path / "grown.lbug"
    build([a], db=grown, fast=True)
    pair = ("Paper:2401.00050", "Paper:2401.00010")
    node = "Task:cellcounting"  # the citing paper's task, which the new paper touches
    with connect(grown) as conn:
        store = _Store(conn)
        edges = inferred_citations_in(conn)
        assert [(u, v) for u, v, _ in edges] == [pair] and edges[0][2]["name"] == "ZorbNet"
        row = store.node_rows("Task", ["cellcounting"])["cellcounting"]
        g = nx.MultiDiGraph()
        g.add_node(node, label="Task", id="cellcounting", name="Cell Counting", aliases=[])
        assert _steady(store, g, edges, set(), {node: row}) == {pair}
        assert _steady(store, g, edges, {"2401.00050"}, {node: row}) == set()
        # the papers' entity edges read before (an update reads them beside its first steps),
        # of more papers than the edges': the same answers
        rows = _steady_rows(store, ["2401.00010", "2401.00020", "2401.00050"])
        assert ("2401.00050", "Task", "cellcounting") in rows
        assert _steady(store, g, edges, set(), {node: row}, rows=rows) == {pair}
        g.nodes[node]["aliases"] = ["ZorbNet"]  # the update gives it the name's key
        assert _steady(store, g, edges, set(), {node: row}) == set()
        assert _steady(store, g, edges, set(), {node: row}, rows=rows) == set()
        names = S.NODE_TYPES["Task"].prop_names
        stored = tuple(["ZorbNet"] if n == "aliases" else v
                       for n, v in zip(names, row, strict=True))
        assert _steady(store, nx.MultiDiGraph(), edges, set(), {node: stored}) == set()
    build([a, b], db=tmp_path / "fresh.lbug", fast=True)
    build([b], db=grown, fast=True)
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(grown))


def test_a_task_joined_to_a_shorter_form_is_updated_when_its_own_key_changes_type(
        tmp_path):
    """A TASK keyed by the shorter form its paper writes alone (extractors/task_keys.py) links
    to that form's node; when later papers vote its own key to another type, the update must
    still find the paper (registry_store._joined_tasks), or the store keeps the joined node a
    fresh build of the union has not."""
    from paperkg.graph.pipeline import build

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(_line("2401.00010", "Pruning Crate Radios for Multi-Channel Speaker Verification",
                       "Speaker verification fails when pickers shout between the rows. We "
                       "prune crate radios.") + "\n", encoding="utf-8")
    b.write_text("\n".join(_line(
        f"2401.0002{i}", f"Orchard Audio {i}", "We release the Multi-Channel Speaker "
        "Verification dataset, a new benchmark of 500 recordings. We evaluate on the "
        "Multi-Channel Speaker Verification dataset.") for i in range(1, 4)) + "\n",
        encoding="utf-8")
    build([a], db=tmp_path / "inc.lbug")
    assert "Task:speakerverification" in snapshot(tmp_path / "inc.lbug")[0]
    update = build([a, b], db=tmp_path / "inc.lbug")
    assert "diff" in update.seconds  # the quick path
    build([a, b], db=tmp_path / "fresh.lbug")
    assert_same(snapshot(tmp_path / "fresh.lbug"), snapshot(tmp_path / "inc.lbug"))
