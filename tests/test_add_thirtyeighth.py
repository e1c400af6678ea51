"""Thirty-eighth pass (add38): the `paperkg` command, which ends its process by os._exit,
leaves what an update made, and the update's open store, to the exit instead of freeing and
closing them (core/ending.py); the store it leaves is the one an update in a process that
frees everything makes, and it opens at once, read-only too."""

from __future__ import annotations

import json
import shutil
import weakref

from tests.conftest import run_cli_process
from tests.test_incremental import _tiny, assert_same, registry_rows, snapshot


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


def test_an_update_in_process_leaves_nothing_kept(tmp_path):
    from paperkg.core import ending
    from paperkg.graph.pipeline import build

    a, b = _tiny(tmp_path)
    db = tmp_path / "kg.lbug"
    build([a], db=db, fast=True)
    report = build([b], db=db, fast=True)
    assert report.mode == "upsert" and report.written is not None  # the quick path
    assert not ending.ends_by_exit() and ending.kept() == 0


def test_the_command_leaves_the_store_an_update_in_process_makes(tmp_path):
    """An update by the real command (a second worker: its papers extracted ahead, the quick
    path's one transaction) against the same update made in this process: the same nodes,
    edges, registry rows and reported counts, and the store opens read-only right after (its
    engine was not closed, but its update was folded into the file before the exit)."""
    from paperkg.graph.ladybug_store import connect, stats_in
    from paperkg.graph.pipeline import build

    a, b = _tiny(tmp_path)
    base = tmp_path / "base.lbug"
    build([a], db=base, fast=True)
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
