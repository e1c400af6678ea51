"""How extraction worker processes start and are given texts (kept apart from the pipeline module,
so that starting them early, or handing them a build's texts, does not import spaCy and the rules
into the process that asks)."""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.context import BaseContext
from typing import Any

from paperkg.core.errors import UserError

#: What the fork server imports before it forks a worker: spaCy and the pipeline's code.
PRELOAD = ["paperkg.extractors.pipeline"]


def worker_context() -> BaseContext:
    """The multiprocessing context extraction workers start from: a fork server that has
    imported PRELOAD before it forks them (a fork of a process whose other threads hold locks
    can leave the child waiting forever), or spawn where there is no fork server."""
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_fork_server() -> None:
    """Start the workers' fork server now and return at once: it imports PRELOAD (about a
    second of CPU) while this process goes on (a fresh build reads its listings), so that the
    pool started later does not wait for that. Nothing happens where there is no fork server."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def stop_fork_server() -> None:
    """End the workers' fork server if this process started one (the next pool starts it
    again). It holds spaCy and the pipeline's code, about 100 MB, and outlives its pools: a
    build ends it once extraction is done, so that it does not add to the later steps' peak
    (the store step of a 1,000,000-paper build). Only a server with no worker left running
    may be ended: its workers are its children.

    Closing its "alive" pipe ends it (as CPython's ForkServer._stop does), but it is not
    waited for here: the server reaps its workers, so waiting for it would add their CPU
    time to this process's children's (what `time` reports of a build: the extraction's
    CPU seconds would appear in the main process's). It is reaped when the next one ends,
    or by init once this process exits."""
    import contextlib
    import os
    import sys
    from multiprocessing import util

    module = sys.modules.get("multiprocessing.forkserver")
    server = getattr(module, "_forkserver", None)
    if server is None or getattr(server, "_forkserver_pid", None) is None:
        return
    if not all(hasattr(server, f) for f in _SERVER_FIELDS):
        return  # another CPython's fork server: left running (memory only, no harm)
    with server._lock:
        pid, address = server._forkserver_pid, server._forkserver_address
        os.close(server._forkserver_alive_fd)  # the server reads EOF and exits
        server._forkserver_alive_fd = server._forkserver_pid = None
        server._forkserver_address = None
    if address and not util.is_abstract_socket_namespace(address):
        with contextlib.suppress(OSError):
            os.unlink(address)
    for old in _ENDED[:]:  # servers ended by earlier builds of this process
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(old, os.WNOHANG)[0] == 0:
                continue
        _ENDED.remove(old)
    _ENDED.append(pid)


_ENDED: list[int] = []  # ended fork servers not reaped yet (stop_fork_server)
# the private fields of CPython's ForkServer (as 3.11 names them) that stop_fork_server uses
_SERVER_FIELDS = ("_lock", "_forkserver_pid", "_forkserver_address", "_forkserver_alive_fd")


_AHEAD = 2  # chunks queued per worker: enough to keep it busy, few enough to bound memory


def _init(source: tuple[str, str]) -> None:
    """Pool initializer: the pipeline module's (a worker imports it; the fork server has)."""
    from paperkg.extractors.pipeline import _worker_init

    _worker_init(source)


def _run(*args: Any) -> Any:
    """One chunk's results, by the pipeline module's worker function."""
    from paperkg.extractors.pipeline import _worker_run

    return _worker_run(*args)


def pooled_results(texts: Sequence[str], workers: int, fast: bool = False,
                   progress: Callable[[int], None] | None = None, as_json: bool = False,
                   extra: Callable | None = None, extra_args: Sequence[tuple] | None = None,
                   counts: Callable | None = None) -> Iterator:
    """pipeline.raw_extractions of texts with the pipeline load_pipeline(fast=fast) makes, in
    a pool of `workers` processes (for workers > 1 and at least POOL_FROM texts; see
    raw_extractions for the rest): this process only hands the texts over and takes the
    results, so it never imports spaCy or the rules (0.6-0.7 CPU s before the pool could
    start, and their memory beside a build's later steps)."""
    # spaCy's nlp.max_length (1,000,000 characters) is what the workers' pipeline refuses;
    # the rules read at most max_text of a text anyway, so an oversized one is cut.
    texts = _Cut(texts, 1_000_000)
    if extra is not None and (extra_args is None or len(extra_args) != len(texts)):
        raise ValueError("extra_args must hold one tuple per text")
    source = ("cache", "fast" if fast else "default")
    for raw in _pooled(texts, workers, source, as_json=as_json, extra=extra,
                       extra_args=extra_args, counts=counts):
        yield raw
        if progress is not None:
            progress(1)


#: Fewer texts than this run in this process even with workers > 1 (a pool's start-up, the
#: pipeline loaded in each worker, costs more than it saves on a small batch).
POOL_FROM = 2 * 512


def _pooled(texts: list[str], workers: int, source: tuple[str, str], chunk: int = 512,
            as_json: bool = False, extra: Callable | None = None,
            extra_args: Sequence[tuple] | None = None, counts: Callable | None = None):
    """Results of nlp.pipe run in `workers` processes over chunks, in input order; `counts`
    (see raw_extractions) is given each chunk's tally, made in its worker, before its results.

    Workers start from a fork server rather than by forking this process: a fork taken while
    another thread holds a lock (a test's server thread, Dask's IO loop) can leave the child
    waiting forever. A worker that dies is an error, never a wait."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = worker_context()
    chunks = ((texts[i:j], as_json, extra, None if extra is None else extra_args[i:j],
               counts is not None)
              for i, j in _spans(len(texts), workers, chunk))
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                               initargs=(source,))
    try:
        pending = deque(pool.submit(_run, *c)
                        for c in itertools.islice(chunks, _AHEAD * workers))
        while pending:
            results = pending.popleft().result()
            for c in itertools.islice(chunks, 1):
                pending.append(pool.submit(_run, *c))
            if counts is not None:
                results, longs, votes = results
                counts(longs, votes)
            yield from results
    except BrokenProcessPool:
        raise UserError("an extraction worker process died (out of memory?); "
                        "try fewer --workers") from None
    except BaseException:
        # Interrupted, or the caller stopped reading: end the workers' chunks now rather than
        # wait for them (the executor has no public way to stop a running task).
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _spans(n: int, workers: int, chunk: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of n texts: `chunk` texts each, but the last `workers`
    chunks' worth (and what is left over) go in quarters, so that at the end no worker waits
    long for one still busy with a whole chunk (about half a chunk's time, 0.7 s at 512
    corpus papers)."""
    tail = max(n - workers * chunk, 0) // chunk * chunk
    yield from ((i, i + chunk) for i in range(0, tail, chunk))
    small = max(chunk // 4, 1)
    yield from ((i, min(i + small, n)) for i in range(tail, n, small))


class _Cut(Sequence):
    """The texts, each cut to `limit` characters as it is read (an item or a slice, which
    gives a list): `texts` may itself make its items when read (a build's view of its
    papers), so a collection's texts are never all in memory, only the chunks in flight."""

    def __init__(self, texts: Sequence[str], limit: int):
        self._texts, self._limit = texts, limit

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [(t or "")[:self._limit] for t in self._texts[i]]
        return (self._texts[i] or "")[:self._limit]
