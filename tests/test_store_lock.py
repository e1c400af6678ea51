"""A build holds the store's writer lock from before it reads the store until it has written it;
leftovers of killed writers are removed by the next writer."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from paperkg.core.errors import UserError


def _holder(db) -> subprocess.Popen:
    """Another real process holding the store's writer lock until its stdin closes."""
    code = textwrap.dedent(f"""
        import sys
        from paperkg.graph.ladybug_store import writer_lock
        with writer_lock({str(db)!r}):
            print("held", flush=True)
            sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_build_is_refused_before_it_starts(tmp_path, examples, examples_built):
    import shutil

    import paperkg

    db = tmp_path / "kg.lbug"
    shutil.copy(examples_built, db)  # a store built from the examples
    before = db.read_bytes()
    holder = _holder(db)
    try:
        with pytest.raises(UserError, match="another paperkg process is writing"):
            paperkg.build([str(examples)], db=db, rebuild=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert db.read_bytes() == before
    paperkg.build([str(examples)], db=db)  # the lock is free again


def test_next_build_removes_a_killed_writers_leftovers(tmp_path, examples):
    import paperkg

    db = tmp_path / "kg.lbug"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    leftovers = [tmp_path / f".kg.lbug.{dead}.a1b2.tmp", tmp_path / f".kg.lbug.{dead}.a1b2.tmp.wal",
                 tmp_path / ".kg.lbug.q9x8.tmp", tmp_path / ".kg.lbug.q9x8.tmp.shadow"]
    for p in leftovers:
        p.write_bytes(b"\0" * 1024)
    paperkg.build([str(examples)], db=db)
    assert not [p for p in leftovers if p.exists()]
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []
