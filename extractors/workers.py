"""How extraction worker processes start (kept apart from the pipeline module, so that starting
them early does not import spaCy into the process that asks)."""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.context import BaseContext

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
