"""Long exports stop on SIGINT (even when started with SIGINT ignored, as shells start background
jobs) and leave nothing behind; a killed export's staged files are removed by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Path:
    """A 2,000-paper synthetic store: its export is far larger than a pipe's buffer."""
    sys.path.insert(0, str(ROOT))
    from bench.synth import synthetic_graph
    from paperkg.graph.ladybug_store import write_graph

    db = tmp_path_factory.mktemp("sig") / "big.lbug"
    write_graph(synthetic_graph(2_000), db, mode="fresh")
    return db


def _export(db: Path, out: str, tmp: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp)}
    # sh ignores SIGINT, and exec keeps it ignored, as a shell does for a background job
    return subprocess.Popen(
        ["sh", "-c", 'trap "" INT; exec "$0" "$@"', sys.executable, "-m", "paperkg", "export",
         "--db", str(db), "--format", "ntriples", "-o", out], env=env, stderr=subprocess.PIPE,
        text=True, **kw)


def test_sigint_stops_an_export_started_with_sigint_ignored(big_store, tmp_path):
    # stdout is a pipe nobody reads, so the export is certainly mid-way when the signal comes
    proc = _export(big_store, "-", tmp_path, stdout=subprocess.PIPE)
    # Blocks until it has started writing: by then paperkg's SIGINT handler is in place (it is
    # set before the command runs), so no sleep is needed first.
    os.read(proc.stdout.fileno(), 1024)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "interrupted" in proc.stderr.read()
    assert not list(tmp_path.glob("paperkg-*"))


def test_a_killed_exports_leftovers_go_with_the_next_export(big_store, tmp_path, monkeypatch):
    out = tmp_path / "graph.nt"
    proc = _export(big_store, str(out), tmp_path, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    staged: list[Path] = []
    while time.monotonic() < deadline and proc.poll() is None:
        staged = [p for p in tmp_path.glob(".graph.nt.*.tmp") if p.stat().st_size > 0]
        if staged:
            break
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    if not staged:
        pytest.fail("the export finished before it could be killed")
    assert not out.exists()
    import tempfile

    from paperkg.graph.export import export

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    export("ntriples", out, db=big_store)
    assert out.stat().st_size > 0
    assert not list(tmp_path.glob(".graph.nt.*"))
    assert not list(tmp_path.glob("paperkg-rdf-*"))
