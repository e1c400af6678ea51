"""Writers: the mapped graph as Turtle, N-Triples or JSON-LD (large graphs in forked slices)."""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any

import networkx as nx
import pyoxigraph as ox

from paperkg.core.errors import UserError
from paperkg.core.tempfiles import scratch_dir
from paperkg.graph.rdf.mapping import MappingStats, triples
from paperkg.graph.rdf.terms import normalise_base, prefixes

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


# pyoxigraph writes '%' in prefixed names as '\\%' (valid, but '%HH' is valid and plainer).
# Inside string literals every backslash is doubled (and NUL is written \\u0000), so after
# pairing backslashes off, a lone backslash before '%' can only be such an escape.
def _unescape_percent(data: bytes) -> bytes:
    return data.replace(b"\\\\", b"\0").replace(b"\\%", b"%").replace(b"\0", b"\\\\")


class _TurtleSink:
    """A byte sink for pyoxigraph's Turtle: sorts (or drops) the @prefix header, unescapes '%'."""

    def __init__(self, raw: IO[bytes], keep: bool = True) -> None:
        self.raw, self.keep, self.head, self.done = raw, keep, b"", False
        self.carry = b""

    def write(self, data: bytes) -> int:
        """Pass data on (the header once it is complete)."""
        size = len(data)
        data = self.carry + bytes(data)
        cut = len(data.rstrip(b"\\"))  # a run of backslashes may continue in the next write
        data, self.carry = data[:cut], data[cut:]
        if b"\\%" in data:
            data = _unescape_percent(data)
        if self.done:
            self.raw.write(data)
            return size
        self._header(data)
        return size

    def _header(self, data: bytes) -> None:
        self.head += data
        lines = self.head.split(b"\n")
        n = 0
        while n < len(lines) - 1 and lines[n].startswith(b"@prefix "):
            n += 1
        if n == len(lines) - 1:  # still inside the header
            return
        self.done = True
        if self.keep and n:
            self.raw.write(b"\n".join(sorted(lines[:n])) + b"\n")
        self.raw.write(b"\n".join(lines[n:]))
        self.head = b""

    def flush(self) -> None:
        """Write what is held back and flush."""
        if self.carry:  # only backslashes were held back: nothing can follow them now
            tail, self.carry = self.carry, b""
            if self.done:
                self.raw.write(tail)
            else:
                self._header(tail)
        if not self.done and self.head:
            lines = self.head.split(b"\n")
            if self.keep:
                self.raw.write(b"\n".join(sorted(x for x in lines if x)) + b"\n")
            self.head, self.done = b"", True
        self.raw.flush()


class _Held:
    """What pyoxigraph writes to: memory only, so a write inside the engine never blocks.

    The bytes reach the real stream from Python code between triples (see _pumped). A signal
    that arrives while that write blocks (a full pipe) then raises in Python and stops the
    export; raised inside the engine's own write it would be retried and lost.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.parts, self.size = raw, [], 0

    def write(self, data: bytes) -> int:
        """Hold data."""
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        """Nothing: the engine's flushes do not reach the real stream."""

    def drain(self) -> None:
        """Write what is held to the real stream."""
        if self.parts:
            data = b"".join(self.parts)
            self.parts, self.size = [], 0
            self.raw.write(data)


def _pumped(items, held: _Held, limit: int = 1 << 20):
    """Pass items on, draining the held bytes to the real stream whenever a MiB has gathered."""
    for item in items:
        if held.size >= limit:
            held.drain()
        yield item


def _write_part(G: nx.MultiDiGraph, out: IO[bytes], fmt: str, base: str | None,
                part: tuple[int, int]) -> MappingStats:
    stats = MappingStats()
    held = _Held(out)
    items = _pumped(triples(G, base, stats, part), held)
    if fmt == "turtle":
        sink = _TurtleSink(held, keep=part[0] == 0)
        ox.serialize(items, sink, format=FORMATS[fmt], prefixes=prefixes(base))
        sink.flush()
    else:
        ox.serialize(items, held, format=FORMATS[fmt])
    held.drain()
    out.flush()
    return stats


def _child_part(args: tuple) -> MappingStats:
    G, path, fmt, base, part = _FORKED[0], *args
    with open(path, "wb") as fh:
        return _write_part(G, fh, fmt, base, part)


_FORKED: list[Any] = [None]


def serialize(G: nx.MultiDiGraph, output: IO[bytes], fmt: str = "turtle",
              base: str | None = None, workers: int | None = None) -> MappingStats:
    """Write the graph as Turtle, N-Triples or JSON-LD to a binary stream.

    Turtle and N-Triples of large graphs are written by several processes (forked, so the
    graph is shared), each serialising a slice with pyoxigraph; the slices are then joined.
    A process running other threads writes alone: a fork taken while another thread holds a
    lock can leave the child waiting forever.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown RDF format {fmt!r} (choose from {', '.join(FORMATS)})")
    normalise_base(base)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if G.number_of_nodes() >= 20_000 else 1
    if fmt == "jsonld" or workers <= 1 or "fork" not in mp.get_all_start_methods() \
            or threading.active_count() > 1:
        return _write_part(G, output, fmt, base, (0, 1))
    total = MappingStats()
    with scratch_dir("rdf") as tmp:
        paths = [os.path.join(tmp, f"part{i}") for i in range(1, workers)]
        _FORKED[0] = G
        try:
            with ProcessPoolExecutor(workers - 1, mp_context=mp.get_context("fork")) as pool:
                pending = [pool.submit(_child_part, (p, fmt, base, (i, workers)))
                           for i, p in enumerate(paths, 1)]
                results = [_write_part(G, output, fmt, base, (0, workers))]
                results += [f.result() for f in pending]
        except BrokenProcessPool:
            raise UserError("an RDF writer process died (out of memory?)") from None
        finally:
            _FORKED[0] = None
        for path in paths:
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, output, 1 << 20)
        output.flush()
    for st in results:
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(st, name))
    return total
