"""A fresh build's canonicalisation made beside its main process: forked children turn the
state spool's blocks of papers into what the graph step adds (build.paper_rows), while the
main process waits for its state's writer and then builds the graph.

Each of the spool's row groups (StateSpool._BATCH papers, in paper order) is a block. The
children and the main process take blocks in order from one shared counter: a child
canonicalises the block it took (decoding each row as StateSpool.extractions does,
registry_store.canonical with the registry the build made before the fork, which the children
inherit), pickles its paper_rows into a file of its own and marks the block done; the main
process reads the blocks in order, and makes a block itself when it comes to one no child
took (so it never waits for a block nobody is making). A child that dies leaves its block to
the main process; a child that stops making progress for STUCK seconds is killed, and its
block made here. The rows are the same whoever makes them: the registry is not changed by
applying it (extractors.registry.Registry.apply), and every paper's rows depend on that paper
alone.

The children are forked (os.fork), not spawned: they need the registry (about 230,000 votes
at 100,000 papers), which a fork shares until written. The main process has threads of its
own then (pyarrow's, the state writer's waiter); a child runs only its own code (the spool's
reader, the registry, pickle), none of which waits on a lock another thread could have held
at the fork. The main process's collector is paused (the build's gc.freeze), so a child does
not walk and copy the main process's objects either.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import os
import pickle
import select
import signal
import tempfile
import time
from collections.abc import Iterator, Sequence
from typing import Any

from paperkg.graph.build import paper_rows
from paperkg.graph.registry_store import canonical

#: Seconds a child may take over one block before the main process kills it and makes the
#: block itself (a block of 2,000 papers takes about 0.3 CPU s).
STUCK = 120.0

#: How much lower a child's priority is than the build's. 0: a niced child (5) on a quiet
#: machine made its blocks so slowly that the main process waited for the one it was making
#: (the 100,000-paper graph step 28.2 s against 20.2 s; docs/scale.md).
NICE = 0

#: Papers a child pickles at a time (a block's rows in one list held about 180 MB of a
#: child's private memory at 20,000 papers; see docs/scale.md).
SLICE = 250

# the shared table: per block [state, child, offset, length]; then the next block to take
_FREE, _TAKEN, _DONE, _HERE = 0, 1, 2, 3


class PartedRows:
    """build.paper_rows of every row of a state spool, made by `children` forked processes
    and this one (see the module docstring); `records()` yields them in paper order (once).
    `title_ends`: the length of each row's paper's title, in the spool's order."""

    def __init__(self, spool: os.PathLike | str, reg: Any, title_ends: Sequence[int],
                 children: int = 1, folder: str | None = None):
        import multiprocessing

        import pyarrow.parquet as pq

        self._spool, self._reg, self._ends = str(spool), reg, title_ends
        meta = pq.ParquetFile(self._spool).metadata
        self._starts = [0]
        for i in range(meta.num_row_groups):
            self._starts.append(self._starts[-1] + meta.row_group(i).num_rows)
        self._n = meta.num_row_groups
        self._map = mmap.mmap(-1, 8 * (4 * self._n + 1))
        self._table = memoryview(self._map).cast("q")
        self._lock = multiprocessing.get_context("fork").Lock()
        self._pids: list[int] = []  # by child number; emptied once they are ended
        self._files: list[Any] = []
        self._bell_r, self._bell_w = os.pipe()
        self._made_here = 0
        try:
            for k in range(children):
                fh = tempfile.TemporaryFile(prefix="paperkg-parted-", dir=folder)
                self._files.append(fh)
                pid = os.fork()
                if pid == 0:  # the child: makes blocks until none is left, then exits
                    code = 1
                    try:
                        os.close(self._bell_r)
                        self._child(k, fh.fileno())
                        code = 0
                    finally:
                        os._exit(code)
                self._pids.append(pid)
        except OSError:  # no fork: what no child took is made here
            pass
        os.close(self._bell_w)
        self._bell_w = -1

    def _take(self, k: int) -> int:
        """The next block nobody took (marked taken by child k), or -1."""
        t, last = self._table, 4 * self._n
        with self._lock:
            b = t[last]
            if b >= self._n:
                return -1
            t[last] = b + 1
            t[4 * b], t[4 * b + 1] = _TAKEN, k
            return b

    def _child(self, k: int, fd: int) -> None:
        """A child's loop: take a block, make its rows, append them to fd, mark it done."""
        import pyarrow.parquet as pq

        with contextlib.suppress(ValueError, OSError):  # the parent's ^C is the parent's
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if NICE:
            with contextlib.suppress(OSError):
                os.nice(NICE)
        pf = pq.ParquetFile(self._spool)
        t, at = self._table, 0
        while (b := self._take(k)) >= 0:
            size = 0
            for part in self._made(pf, b):  # a pickle per SLICE papers: less held at once
                view = memoryview(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
                size += len(view)
                while view:
                    view = view[os.write(fd, view):]
                del part, view
            with self._lock:
                t[4 * b + 1], t[4 * b + 2], t[4 * b + 3] = k, at, size
                t[4 * b] = _DONE
            at += size
            with contextlib.suppress(OSError):
                os.write(self._bell_w, b"x")

    def _made(self, pf: Any, b: int) -> Iterator[list[tuple]]:
        """The paper_rows of block b's papers, SLICE papers at a time."""
        from paperkg.graph.ladybug_store import state_json
        from paperkg.readers.json import loads

        batch = pf.read_row_group(b, columns=["id", "extraction"], use_threads=False)
        ends, reg, start = self._ends, self._reg, self._starts[b]
        for i in range(0, batch.num_rows, SLICE):
            part = batch.slice(i, SLICE)
            yield [paper_rows(canonical(reg, pid, loads(state_json(x))), ends[start + i + j])
                   for j, (pid, x) in enumerate(zip(part.column(0).to_pylist(),
                                                    part.column(1).to_pylist(), strict=True))]

    def records(self) -> Iterator[tuple]:
        """Every row's paper_rows, in the spool's order; the children are ended after."""
        import pyarrow.parquet as pq

        pf = None
        t, last = self._table, 4 * self._n
        try:
            for b in range(self._n):
                if self._pids:
                    with self._lock:
                        mine = t[last] == b
                        if mine:
                            t[last] = b + 1
                            t[4 * b] = _HERE
                else:  # no child (left): every block from here is made here
                    mine = True
                if not mine:
                    got = self._wait(b)
                    if got is not None:
                        yield from got
                        continue
                if pf is None:
                    pf = pq.ParquetFile(self._spool)
                self._made_here += 1
                for part in self._made(pf, b):
                    yield from part
        finally:
            self.close()

    def _wait(self, b: int) -> Iterator[tuple] | None:
        """Block b's rows from the child that took it, or None when it will not give them
        (it died, or made no progress for STUCK seconds: then it is killed)."""
        t = self._table
        since = time.monotonic()
        while True:
            with self._lock:
                state, k, at, size = t[4 * b], t[4 * b + 1], t[4 * b + 2], t[4 * b + 3]
            if state == _DONE:
                return _unpickled(self._read(k, at, size))
            if not self._alive(self._pids[k] if k < len(self._pids) else -1) \
                    or time.monotonic() - since > STUCK:
                self._end_children()
                return None
            with contextlib.suppress(OSError):
                if select.select([self._bell_r], [], [], 0.5)[0]:
                    os.read(self._bell_r, 4096)

    def _read(self, k: int, at: int, size: int) -> bytes:
        """size bytes of child k's file from at (pread in pieces)."""
        parts, fd = [], self._files[k].fileno()
        while size > 0:
            part = os.pread(fd, min(size, 1 << 30), at)
            if not part:
                break
            parts.append(part)
            at += len(part)
            size -= len(part)
        return b"".join(parts)

    def _alive(self, pid: int) -> bool:
        """Whether the child pid is still running."""
        try:
            return os.waitpid(pid, os.WNOHANG)[0] == 0
        except ChildProcessError:
            return False

    def _end_children(self) -> None:
        """Kill and reap every child still there."""
        for pid in self._pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for pid in self._pids:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self._pids = []

    @property
    def made_here(self) -> int:
        """How many blocks this process made (the rest came from the children)."""
        return self._made_here

    def close(self) -> None:
        """End the children (they have nothing left to do once every block is read) and
        let their files go."""
        self._end_children()
        for fh in self._files:
            fh.close()
        self._files = []
        if self._bell_r >= 0:
            os.close(self._bell_r)
            self._bell_r = -1


def _unpickled(data: bytes) -> Iterator[tuple]:
    """The rows of a block's pickles, one after the other."""
    fh = io.BytesIO(data)
    while fh.tell() < len(data):
        yield from pickle.load(fh)
