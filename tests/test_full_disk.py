"""A full disk during a store write: one clear line, the previous store intact, nothing left over.

The disk is a real 8 MB tmpfs mounted by the test (root is needed to mount; CI runs as root)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paperkg.core.errors import UserError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def small_disk(tmp_path):
    """An 8 MB filesystem of its own: the examples' store fits, with the Parquet files its
    write stages beside it (since 5aa1928) and the Paper counters a fresh build SETs after the
    early COPY (since fast46: 6 MB no longer holds the write's peak), and a 12 MB store does
    not."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_gives_one_line_and_keeps_the_store(small_disk, examples):
    sys.path.insert(0, str(ROOT))
    import paperkg
    from bench.synth import synthetic_graph
    from paperkg.graph.ladybug_store import query, write_graph

    db = small_disk / "kg.lbug"
    paperkg.build([str(examples)], db=db)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(UserError) as info:
        write_graph(synthetic_graph(3_000), db)  # a store of ~12 MB: far more than the disk holds
    msg = str(info.value)
    assert "\n" not in msg and "disk is full" in msg and "previous store is unchanged" in msg
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in small_disk.iterdir()) == [".kg.lbug.writer", "kg.lbug"]
    assert query("MATCH (p:Paper) RETURN count(p) AS n", db=db)[1][0][0] > 0
    assert shutil.disk_usage(small_disk).free > 0
