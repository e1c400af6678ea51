"""The process that folds an update's committed log into the store file after the build ended.

An in-place update of a large store commits (the engine's write-ahead log then holds it) and
leaves the checkpoint, which rewrites every touched table's node groups (2.5-3.4 CPU s at
100,000 papers: docs/scale.md), to this process; `ladybug_store.writer_lock` starts it when the
build releases the store, and hands it the two locks it holds: the store's writer lock (no
other writer begins meanwhile) and its fold lock (readers wait for the fold: see
`ladybug_store.wait_for_fold`). It is run by its file path with only the engine imported (not
the package), and it never fails loudly: a store whose log was not folded is still whole (a
read replays the log; the next writer folds it).

    python -P ladybug_fold.py STORE WRITER_LOCK_FD FOLD_LOCK_FD
"""

from __future__ import annotations

import fcntl
import os
import sys
import time

#: How long the fold waits for the build that handed it the store to close it (the engine
#: lets one process at a time open a store for writing).
OPEN_WAIT = 120.0


def fold(path: str, deadline: float) -> bool:
    """Open the store for writing (the engine replays the log), checkpoint and close it; False
    when it could not be opened for writing before the deadline."""
    import ladybug

    while True:
        try:
            database = ladybug.Database(path, read_only=False)
            break
        except RuntimeError as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                return False
            time.sleep(0.02)
    try:
        conn = ladybug.Connection(database)
        conn.execute("CHECKPOINT")
        conn.close()
    finally:
        database.close()
    return True


def main(argv: list[str]) -> int:
    path, writer_fd, fold_fd = argv[0], int(argv[1]), int(argv[2])
    try:
        fold(path, time.monotonic() + OPEN_WAIT)
    except Exception:  # noqa: BLE001 - the store stays whole; the next writer folds the log
        pass
    finally:
        # the writer lock first: a writer that finds it taken and the fold lock free knows
        # another writer holds it (ladybug_store.writer_lock), not this process
        fcntl.flock(writer_fd, fcntl.LOCK_UN)
        os.close(writer_fd)
        fcntl.flock(fold_fd, fcntl.LOCK_UN)
        os.close(fold_fd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
