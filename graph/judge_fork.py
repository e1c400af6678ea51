"""An update's citation judging (citations.infer.judge) made by a forked child beside the
update's main thread.

After an add's wait for its papers' extraction the main thread is the add's critical path
(the graph step, the early tables, the stored citations' steadiness, the citations, then
the engine's commit and checkpoint), and the second core is mostly idle there. `judge`
reads only the Paper nodes' cited fields, the new papers' citation entries and the store's
citation index (and the stored part judged ahead), all known at that wait, so it can be made
elsewhere: a child forked then holds all of that without copying it (the pages are shared
until written), judges, and hands back the plain `Judged` (pickled through a pipe) while the
main thread makes the graph and what else needs no judging. add_citations then takes it
(its `judged` argument) instead of judging (registry_store._assemble).

The child never calls the engine: the process's engine connections and threads are the
parent's. The two reads `judge` makes of the store through the index (`StoredIndex._values`:
postings rows; `StoredIndex.entries`: kept entries) are asked of the parent over a second
pipe and answered there by a thread on a connection of its own (the store as committed,
which is what the index's own connection reads). The child runs only Python code of this
package (the citation judging, pickle); the main process's other threads (the engine's,
pyarrow's, the beside reads) may hold locks at the fork, none of which that code takes.

The result is taken as soon as it has come through the pipe: the child's exit, which frees
its copied pages and the page tables of its copy of the parent's address space (0.10-0.14 s of
wall at 100,000 papers), is waited for by the thread that answered it, not by the caller
(docs/scale.md, forty-fourth pass).

Whatever goes wrong (no fork, a child that dies, raises or takes longer than STUCK seconds),
`result` returns None and the caller judges in its own process as before: the same
`Judged` either way, since judge depends only on what the child inherited. The child writes
(and so copies) the parent's pages it reads: about 460 MB at 100,000 papers, for the second
or so it lives (docs/scale.md, forty-second pass).
"""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import pickle
import signal
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

#: Seconds `result` waits for the child (from the fork) before it kills it and the caller
#: judges itself (a 500-paper add's judging takes about 0.7 CPU s).
STUCK = 120.0

_HEAD = struct.Struct("<Q")


def _send(fd: int, obj: Any) -> None:
    """Write obj pickled, after its length, to fd."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEAD.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read(fd: int, n: int) -> bytes | None:
    """n bytes from fd, None at its end before them."""
    chunks, got = [], 0
    while got < n:
        b = os.read(fd, min(n - got, 1 << 20))
        if not b:
            return None
        chunks.append(b)
        got += len(b)
    return b"".join(chunks)


def _recv(fd: int) -> tuple[bool, Any]:
    """(True, the next object _send wrote to fd), or (False, None) at the pipe's end."""
    head = _read(fd, _HEAD.size)
    if head is None:
        return False, None
    body = _read(fd, _HEAD.unpack(head)[0])
    if body is None:
        return False, None
    return True, pickle.loads(body)


class ForkedJudge:
    """citations.infer.judge(nodes(), None, features, previous) made by a forked child (see
    the module docstring): `nodes` is called in the child for the Paper nodes (node key ->
    the attributes judge reads; it reads no order of them). `database`: the
    store's open ladybug Database, on which a thread here answers the child's reads of
    `previous.kept` (a citations.stored.StoredIndex) and of the stored abstracts the nodes
    hold unread (`texts`, their stored_text.StoredTexts)."""

    def __init__(self, nodes: Callable[[], dict[str, dict]], features: dict[str, dict],
                 previous: Any, database: Any, texts: Any = None):
        self._pid = 0
        self._got: Any = None
        self._thread: threading.Thread | None = None
        #: set once the child's result (or the end of its pipe) has come
        self._arrived = threading.Event()
        self._reaping = threading.Lock()
        self._started = time.monotonic()
        import ladybug

        kept = previous.kept
        # the same rows and entries, read on a connection of its own (made before the fork:
        # a failure here leaves no child)
        server = copy.copy(kept)
        server.conn = ladybug.Connection(database) if kept.conn is not None else None
        if texts is not None:
            texts.ready()  # the stored abstracts' column, whole in the child
        up_r, up_w = os.pipe()  # child -> here: reads asked for, then the result
        down_r, down_w = os.pipe()  # here -> child: the reads' answers
        try:
            pid = os.fork()
        except OSError:
            for fd in (up_r, up_w, down_r, down_w):
                os.close(fd)
            if server.conn is not None:
                server.conn.close()
            return
        if pid == 0:  # the child: judges, hands the result back, exits
            code = 1
            try:
                os.close(up_r)
                os.close(down_w)
                _child(nodes, features, previous, up_w, down_r)
                code = 0
            finally:
                os._exit(code)
        self._pid = pid
        os.close(up_w)
        os.close(down_r)
        self._thread = threading.Thread(target=self._serve, args=(server, up_r, down_w, texts),
                                        daemon=True, name="judging child's reads")
        self._thread.start()

    def _serve(self, server: Any, up: int, down: int, texts: Any) -> None:
        """Answer the child's reads until it sends its result or its pipe ends, then wait for
        its exit (it ends once its result is sent). `texts`: the stored_text.StoredTexts
        whose abstracts the child asks for."""
        try:
            while True:
                ok, msg = _recv(up)
                if not ok:
                    return
                kind, arg = msg
                if kind == "values":
                    _send(down, server._values(arg))
                elif kind == "entries":
                    _send(down, server.entries(arg))
                elif kind == "abstracts":  # (stored_text.StoredTexts.read)
                    _send(down, texts.read(arg, server.conn))
                else:  # "done": the Judged; "failed": None
                    self._got = arg
                    return
        except Exception:  # noqa: BLE001 - the pipes close: the child fails, judged here
            return
        finally:
            self._arrived.set()  # (after _got is set, or when it never will be)
            os.close(up)
            os.close(down)  # (a child still waiting for an answer reads the end and exits)
            if server.conn is not None:
                with contextlib.suppress(RuntimeError):
                    server.conn.close()
            self._reap()

    def result(self) -> Any:
        """The child's Judged, or None (no child, or it failed: judge here instead)."""
        if self._thread is None:
            return None
        if not self._arrived.wait(max(0.0, STUCK - (time.monotonic() - self._started))):
            self.close()
            return None
        got, self._got = self._got, None
        return got

    def close(self) -> None:
        """End the child if it still runs (an update that declines, or one stuck)."""
        with self._reaping:
            if self._pid:
                with contextlib.suppress(OSError):
                    os.kill(self._pid, signal.SIGKILL)
        self._reap()
        if self._thread is not None:
            self._thread.join()

    def _reap(self) -> None:
        """Wait for the child's end (once: the answering thread or close, whichever comes
        first)."""
        with self._reaping:
            if self._pid:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(self._pid, 0)
                self._pid = 0


def _child(nodes: Callable[[], dict[str, dict]], features: dict[str, dict], previous: Any,
           up: int, down: int) -> None:
    """The child's work: judge with the index's reads asked of the parent, then send the
    Judged (or None when judging raised) up."""
    from paperkg.graph.citations.infer import judge
    from paperkg.graph.stored_text import texts_of

    with contextlib.suppress(ValueError, OSError):  # the parent's ^C is the parent's
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()  # short-lived: a collection would walk (and copy) the parent's objects
    kept = previous.kept

    def ask(kind: str, arg: list[str]) -> Any:
        _send(up, (kind, arg))
        ok, got = _recv(down)
        if not ok:
            raise OSError("the parent stopped answering")
        return got

    kept._values = lambda ids: ask("values", sorted(set(ids)))
    kept.entries = lambda pids: ask("entries", sorted(set(pids)))
    kept.conn = None  # (nothing here reads the engine)
    try:
        made_nodes = nodes()
        texts = texts_of(d.get("abstract") for d in made_nodes.values())
        if texts is not None and texts.column is None:  # read by the parent
            texts.fetch = lambda ids: ask("abstracts", ids)
        made = judge(made_nodes, None, features, previous)
    except Exception:  # noqa: BLE001 - the parent judges itself
        made = None
    _send(up, ("failed" if made is None else "done", made))
