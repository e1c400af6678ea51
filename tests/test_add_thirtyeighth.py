"""Thirty-eighth pass (add38): the `paperkg` command, which ends its process by os._exit,
leaves what an update made, and the update's open store, to the exit instead of freeing and
closing them (core/ending.py); the store it leaves is the one an update in a process that
frees everything makes, and it opens at once, read-only too."""

from __future__ import annotations

import json
import shutil
import weakref
from pathlib import Path

import pytest

from tests.conftest import run_cli_process
from tests.test_incremental import _line, _tiny, assert_same, registry_rows, snapshot


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory) -> tuple[Path, Path, Path]:
    """test_incremental._tiny's listings and a store of its old papers (fast), built once:
    (store, old listing, new listing); a test copies the store before it changes it."""
    from paperkg.graph.pipeline import build

    root = tmp_path_factory.mktemp("tiny38")
    a, b = _tiny(root)
    build([a], db=root / "base.lbug", fast=True)
    return root / "base.lbug", a, b


class _Thing:
    """An object a weak reference can follow."""


def test_keep_holds_objects_only_in_a_process_that_ends_by_exit():
    from paperkg.core import ending

    was = ending.ends_by_exit()
    try:
        ending.set_ends_by_exit(False)
        thing = _Thing()
        ref = weakref.ref(thing)
        ending.keep(thing)
        del thing
        assert ref() is None and ending.kept() == 0
        ending.set_ends_by_exit(True)
        thing = _Thing()
        ref = weakref.ref(thing)
        ending.keep(thing, {"more": thing})
        del thing
        assert ref() is not None and ending.kept() == 2
    finally:
        ending.set_ends_by_exit(was)
    assert ending.kept() == 0 and ref() is None  # let go once the process is said not to end


def test_an_update_in_process_leaves_nothing_kept(tiny_base, tmp_path):
    from paperkg.core import ending
    from paperkg.graph.pipeline import build

    base, _, b = tiny_base
    db = Path(shutil.copyfile(base, tmp_path / "kg.lbug"))
    report = build([b], db=db, fast=True)
    assert report.mode == "upsert" and report.written is not None  # the quick path
    assert not ending.ends_by_exit() and ending.kept() == 0


def test_the_command_leaves_the_store_an_update_in_process_makes(tiny_base, tmp_path):
    """An update by the real command (a second worker: its papers extracted ahead, the quick
    path's one transaction) against the same update made in this process: the same nodes,
    edges, registry rows and reported counts, and the store opens read-only right after (its
    engine was not closed, but its update was folded into the file before the exit)."""
    from paperkg.graph.ladybug_store import connect, stats_in
    from paperkg.graph.pipeline import build

    base, _, b = tiny_base
    by_command, in_process = tmp_path / "command.lbug", tmp_path / "inprocess.lbug"
    shutil.copyfile(base, by_command)
    shutil.copyfile(base, in_process)
    ran = run_cli_process("build", str(b), "--db", str(by_command), "--workers", "2", "--fast",
                          "--json")
    assert ran.returncode == 0, ran.stderr
    told = json.loads(ran.stdout)
    assert told["mode"] == "upsert" and told["written"] is not None and told["extracted"] == 2
    report = build([b], db=in_process, fast=True)
    assert (told["nodes"], told["relationships"]) == (report.nodes, report.relationships)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("command.lbug")) == [
        "command.lbug"]  # no log left beside it
    with connect(by_command, read_only=True) as conn:
        assert stats_in(conn) == {"nodes": report.nodes, "relationships": report.relationships}
    assert_same(snapshot(by_command), snapshot(in_process))
    assert registry_rows(by_command) == registry_rows(in_process)


def test_cited_nodes_are_the_bare_nodes_of_the_cited_fields(tmp_path):
    """registry_store.cited_nodes (one dict display a paper) makes what build.bare_nodes makes
    of each paper's label and pipeline._CITED_FIELDS, for papers read back from a store."""
    from operator import attrgetter

    from paperkg.graph import schema as S
    from paperkg.graph.build import bare_nodes
    from paperkg.graph.ladybug_store import read_papers
    from paperkg.graph.pipeline import _CITED_FIELDS, build
    from paperkg.graph.registry_store import cited_nodes

    a, b = _tiny(tmp_path)
    db = tmp_path / "kg.lbug"
    build([a, b], db=db, fast=True)
    papers, _ = read_papers(db)
    assert len(papers) == 5 and any(p.published for p in papers)
    values = attrgetter(*_CITED_FIELDS)
    made = bare_nodes((S.node_key(S.PAPER, p.id),
                       {"label": S.PAPER, **dict(zip(_CITED_FIELDS, values(p), strict=True))})
                      for p in papers)
    got = cited_nodes(papers)
    assert got == made
    assert [list(d) for d in got[0].values()] == [list(d) for d in made[0].values()]


def test_bench_add_reports_the_cli_process_cpu_beside_the_tree(tiny_base, tmp_path):
    """bench/bench_add.py waits for the CLI process itself: its CPU is reported apart from the
    whole process tree's (the fork server and worker, reaped after it), and is part of it."""
    import subprocess
    import sys
    from pathlib import Path

    import paperkg

    base = Path(shutil.copyfile(tiny_base[0], tmp_path / "base.lbug"))  # the bench writes it
    b = tiny_base[2]
    package = Path(paperkg.__file__).resolve().parent
    tree = tmp_path / "tree"  # a tree as the bench takes it: a folder holding `paperkg`
    tree.mkdir()
    (tree / "paperkg").symlink_to(package, target_is_directory=True)
    out = tmp_path / "rows.json"
    ran = subprocess.run([sys.executable, str(package / "bench" / "bench_add.py"), str(base),
                          str(b), str(tree), "--runs", "1",
                          "--extra-args=--workers 2 --fast", "--json", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert ran.returncode == 0, ran.stderr
    (row,) = json.loads(out.read_text())
    assert row["extracted"] == 2
    assert 0 < row["main_cpu_s"] <= row["cpu_s"]
    assert "CLI process" in ran.stdout


def test_the_ahead_worker_makes_the_claims_rows_this_process_makes(tiny_base, tmp_path):
    """pipeline.Ahead.claims: the extraction's worker, kept open after its extraction, makes
    the citation index's claims and generic rows from the store's rows and the entries it
    made, equal to what StoredIndex.claims_rows makes of the same entries here; a paper it
    did not extract gets no future."""
    from paperkg.core.records import Paper
    from paperkg.graph.citations.stored import StoredIndex
    from paperkg.graph.ladybug_store import connect
    from paperkg.graph.pipeline import Ahead
    from paperkg.graph.registry_store import last_item
    from paperkg.readers import read_listings

    db, _, new = tiny_base  # read only
    b = Path(shutil.copyfile(new, tmp_path / "new.jsonl"))
    with b.open("a", encoding="utf-8") as fh:  # one that claims a name of its own
        fh.write(_line("2401.00070", "QuorbNet: Counting Cells", "We propose QuorbNet, a new "
                       "method for cell counting.") + "\n")
    with connect(db) as conn:
        index = StoredIndex(conn)
        rows = index.stored_rows
        papers = read_listings([b]).papers
        ahead = Ahead(papers, fast=True)
        try:
            raws = ahead.raws(papers, keep_open=True, workers=2, fast=True, engine="local",
                              scheduler=None)
            assert ahead.claims(rows, [Paper(id="x", title="Not extracted")]) is None
            future = ahead.claims(rows, papers)
            assert future is not None
            made = future.result(timeout=300)
        finally:
            ahead.close()
        here = index.claims_rows({}, {p.id: last_item(x) for p, x in zip(papers, raws,
                                                                          strict=True)})
    assert [r[0] for r in rows] == ["claims", "generic"]
    assert made == here and made[0][1] != dict(rows)["claims"]  # the new papers' claims in
