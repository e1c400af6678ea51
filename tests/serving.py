"""pytest plugin: the explorer (`paperkg serve`) on a real uvicorn server on 127.0.0.1.

The server holds the seed graph plus papers whose titles, abstracts, names and URLs are hostile
(tests/vizgraphs.py), is started once per session in a thread on a free port, and is stopped at
the end.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import pytest


@dataclass
class Running:
    """A running explorer: its base URL and what it serves."""

    base: str
    explorer: object
    db: object


def start(app) -> tuple[object, threading.Thread, str]:
    """Start uvicorn for an app on a free loopback port; (server, thread, base URL)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as `paperkg serve` does
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return server, thread, f"http://127.0.0.1:{port}"


def stop(server, thread) -> None:
    """Ask uvicorn to stop and wait for its thread."""
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="session")
def served_graph(seeds_graph):
    """The seed graph with the hostile test papers added."""
    import networkx as nx

    from tests.vizgraphs import small_graph

    return nx.compose(seeds_graph, small_graph())


@pytest.fixture(scope="session")
def explorer_server(served_graph, tmp_path_factory):
    """The explorer over a store of the served graph, on a real uvicorn server."""
    from paperkg.graph.ladybug_store import write_graph
    from paperkg.serve.app import create_app, loopback_hosts
    from paperkg.serve.explorer import open_explorer

    db = tmp_path_factory.mktemp("serve") / "served.lbug"
    write_graph(served_graph, db)
    ex = open_explorer(db)
    app = create_app(ex, allowed_hosts=loopback_hosts(0))  # as `paperkg serve` does
    server, thread, base = start(app)
    try:
        yield Running(base=base, explorer=ex, db=db)
    finally:
        stop(server, thread)
