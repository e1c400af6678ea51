"""A read that meets a store whose checkpoint is pending (the engine refuses read-only opens from
an update's CHECKPOINT to its end) waits for the writer folding it and reads the updated store,
instead of failing with "another paperkg process is writing"; with no writer left it recovers
the store itself, as before. Real engine, real processes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from paperkg.core.errors import UserError

TITLE = "A title only the update being folded holds"


def _writer_stopped_mid_checkpoint(db) -> tuple[subprocess.Popen, str]:
    """Another real process that, holding the store's writer lock as an update does, writes an
    update (one paper's title set, 2,000 Link nodes made) and runs CHECKPOINT, and is stopped
    (SIGSTOP) once the engine's shadow file is there: the store is as an update leaves it in
    its checkpoint's seconds. Returns the process (stopped) and the paper's id."""
    import ladybug

    database = ladybug.Database(str(db), read_only=True)
    pid = ladybug.Connection(database).execute(
        "MATCH (p:Paper) RETURN p.id ORDER BY p.id LIMIT 1").get_all()[0][0]
    database.close()
    code = textwrap.dedent(f"""
        import os, signal, sys, threading, time
        import ladybug
        from paperkg.graph.ladybug_store import writer_lock
        db = {str(db)!r}
        with writer_lock(db):
            database = ladybug.Database(db)
            conn = ladybug.Connection(database)
            conn.execute("CALL auto_checkpoint=false")
            conn.execute("MATCH (p:Paper {{id: $id}}) SET p.title = $t",
                         {{"id": {pid!r}, "t": {TITLE!r}}})
            conn.execute("UNWIND range(1, 2000) AS i "
                         "CREATE (:Link {{id: 'https://example.org/' + string(i)}})")
            folding = threading.Thread(target=conn.execute, args=("CHECKPOINT",))
            folding.start()
            while not os.path.exists(db + ".shadow"):
                if not folding.is_alive():
                    sys.exit(3)  # the checkpoint ended before it was seen
                time.sleep(0.0005)
            os.kill(os.getpid(), signal.SIGSTOP)
            folding.join()
            conn.close()
            database.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.DEVNULL)
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), status
    return proc, pid


def _title(db, pid: str) -> list:
    from paperkg.graph.ladybug_store import query

    return query("MATCH (p:Paper {id: $id}) RETURN p.title AS t", {"id": pid}, db=db)[1]


def test_a_read_waits_for_the_writer_folding_an_update(tmp_path, examples_built):
    db = tmp_path / "kg.lbug"
    shutil.copy(examples_built, db)
    writer, pid = _writer_stopped_mid_checkpoint(db)
    resume = threading.Timer(1.0, os.kill, (writer.pid, signal.SIGCONT))
    resume.start()
    try:
        t0 = time.monotonic()
        rows = _title(db, pid)  # refused at once before: "another paperkg process is writing"
        waited = time.monotonic() - t0
    finally:
        resume.join()
        writer.wait(timeout=60)
    assert writer.returncode == 0
    assert rows == [[TITLE]]
    assert waited >= 0.8  # it read once the writer had folded its update, not before
    assert not (tmp_path / "kg.lbug.shadow").exists()


def test_the_wait_is_bounded_and_a_killed_writers_checkpoint_is_recovered(
        tmp_path, examples_built, monkeypatch):
    from paperkg.graph import ladybug_store

    db = tmp_path / "kg.lbug"
    shutil.copy(examples_built, db)
    writer, pid = _writer_stopped_mid_checkpoint(db)
    monkeypatch.setattr(ladybug_store, "CHECKPOINT_WAIT", 0.3)
    try:
        t0 = time.monotonic()
        with pytest.raises(UserError, match="another paperkg process is writing"):
            _title(db, pid)
        assert 0.25 <= time.monotonic() - t0 < 30
    finally:
        writer.kill()  # killed mid-checkpoint
        writer.wait(timeout=60)
    assert (tmp_path / "kg.lbug.shadow").exists()
    # no writer left: the read recovers the store, and the committed update is there
    assert _title(db, pid) == [[TITLE]]
    assert not (tmp_path / "kg.lbug.shadow").exists()
