"""Staged files of dead writers are removed by the next writer; live writers' files are kept."""

from __future__ import annotations

import os
import subprocess
import sys

from paperkg.core.tempfiles import remove_stale, scratch_dir, staged_name, stale_files


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_dead_writers_files_go_live_ones_stay(tmp_path):
    target = tmp_path / "kg.lbug"
    dead = _dead_pid()
    stale = [tmp_path / f".kg.lbug.{dead}.abc.tmp", tmp_path / f".kg.lbug.{dead}.abc.tmp.wal",
             tmp_path / f".kg.lbug.{dead}.abc.tmp.shadow"]
    mine = staged_name(target)
    old = tmp_path / ".kg.lbug.x1y2.tmp"  # an older version's name: no process id
    other = tmp_path / f".other.lbug.{dead}.abc.tmp"
    for p in (*stale, old, other):
        p.write_bytes(b"x")
    assert stale_files(target) == sorted(stale)
    assert remove_stale(target) == 3
    assert mine.exists() and old.exists() and other.exists()
    assert not any(p.exists() for p in stale)
    # holding the writer lock, every staged file of the target is a leftover
    assert remove_stale(target, all_owners=True) == 2
    assert not mine.exists() and not old.exists() and other.exists()


def test_staged_name_is_beside_the_target_with_our_pid(tmp_path):
    p = staged_name(tmp_path / "out.ttl")
    assert p.parent == tmp_path and p.name.startswith(f".out.ttl.{os.getpid()}.")


def test_scratch_dirs_of_dead_processes_are_removed(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f"paperkg-rdf-{dead}-abc"
    live = tmp_path / f"paperkg-rdf-{os.getpid()}-def"
    other = tmp_path / f"paperkg-viz-{dead}-abc"
    for d in (stale, live, other):
        d.mkdir()
        (d / "part1").write_bytes(b"x" * 100)
    with scratch_dir("rdf", root=tmp_path) as d:
        assert d.is_dir() and d.name.startswith(f"paperkg-rdf-{os.getpid()}-")
        assert not stale.exists() and live.exists() and other.exists()
    assert not d.exists()
