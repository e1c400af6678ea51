"""Stored papers' abstracts read from the store when first asked for, not with the papers.

An add reads every stored paper (ladybug_store.papers_in) but needs the abstracts of only a
part of them: those its citations' judging tests for the names it looks for (about 40,000 of
100,000), those its merge and graph step take anew, and no other (docs/scale.md, forty-fourth
pass: the abstracts were 0.26 CPU s, 0.3 s of system time and 130,000 page faults of the
read). A stored paper with an abstract holds a `StoredAbstract` in its place, which `str()`
(and so an f-string, and citations.infer._paper_text) turns into the stored text, read by
`StoredTexts` on the store's open database; `load` reads many at once, `resolved` puts the
texts in their papers' place.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable
from typing import Any

#: ids per read of the stored abstracts
_CHUNK = 2000


class _Column:
    """A store's abstracts as one Arrow column read whole: each text decoded from the
    column's buffers when asked for (no Python string made for the others), its row found
    by paper id."""

    def __init__(self, table: Any) -> None:
        import bisect

        self._bisect = bisect.bisect_right
        self.row = {pid: i for i, pid in enumerate(table.column(0).to_pylist())}
        self.starts: list[int] = []
        self.parts: list[tuple[Any, memoryview, memoryview, int]] = []
        start = 0
        for chunk in table.column(1).chunks:
            if str(chunk.type) not in ("string", "large_string"):
                raise TypeError(f"abstracts held as {chunk.type}")
            valid, offsets, data = chunk.buffers()
            self.starts.append(start)
            self.parts.append((
                None if valid is None or not chunk.null_count else memoryview(valid),
                memoryview(offsets).cast("q" if "large" in str(chunk.type) else "i"),
                memoryview(data) if data is not None else memoryview(b""), chunk.offset))
            start += len(chunk)

    def text(self, pid: str) -> str:
        """The stored abstract of one paper ("" for a null one)."""
        r = self.row[pid]
        k = self._bisect(self.starts, r) - 1
        valid, offsets, data, at = self.parts[k]
        i = r - self.starts[k] + at
        if valid is not None and not (valid[i >> 3] >> (i & 7)) & 1:
            return ""
        return str(data[offsets[i]:offsets[i + 1]], "utf-8", "surrogatepass")


class StoredTexts:
    """The abstracts of one store's papers, taken when asked for and kept. `start` reads the
    whole column as Arrow on a thread and a connection of their own to `database` (the
    engine and Arrow hold no interpreter lock for it); a text is then decoded from that
    column. Without it (not started, or the read failed) `fetch` (ids -> {id: abstract})
    reads them; by default by id on a connection made here (a forked judging child without
    the column asks its parent instead, graph/judge_fork.py)."""

    def __init__(self, database: Any) -> None:
        self.database = database
        self.got: dict[str, str] = {}
        self.fetch: Callable[[list[str]], dict[str, str]] | None = None
        self.column: _Column | None = None
        self._reading: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Read the whole column beside the caller (`ready` waits for it)."""
        self._reading = threading.Thread(target=self._read_column, daemon=True,
                                         name="stored abstracts")
        self._reading.start()

    def _read_column(self) -> None:
        import ladybug

        try:
            conn = ladybug.Connection(self.database)
            try:
                table = conn.execute("MATCH (n:Paper) RETURN n.id, n.abstract").get_as_arrow()
            finally:
                conn.close()
            self.column = _Column(table)
        except Exception:  # noqa: BLE001 - read by id instead
            self.column = None

    def ready(self) -> None:
        """Wait for the column's read, when one was started (before the store is closed, and
        before a fork: the child takes its texts from the column)."""
        if self._reading is not None:
            self._reading.join()
            self._reading = None

    def load(self, pids: Iterable[str]) -> None:
        """Take the abstracts of these papers that are not taken yet, at once."""
        got = self.got
        want = sorted({p for p in pids if p not in got})
        if not want:
            return
        self.ready()
        column = self.column
        if column is not None and all(p in column.row for p in want):
            text = column.text
            got.update((p, text(p)) for p in want)
        else:
            got.update(self.fetch(want) if self.fetch is not None else self.read(want))

    def passing(self, pid: str) -> str | None:
        """One paper's abstract decoded from the column and not kept (a scan that reads
        many texts once and keeps few: tens of thousands of strings kept are pages written,
        and in a forked child copied), the kept one when it is; None when the column does
        not hold it (not read, or the paper not in it)."""
        got = self.got.get(pid)
        if got is not None:
            return got
        column = self.column
        if column is None or pid not in column.row:
            return None
        return column.text(pid)

    def text(self, pid: str) -> str:
        """One paper's abstract."""
        try:
            return self.got[pid]
        except KeyError:
            self.load([pid])
            return self.got[pid]

    def read(self, pids: list[str], conn: Any = None) -> dict[str, str]:
        """The stored abstracts of these papers read by id, on `conn` or a connection made
        here."""
        import ladybug

        out: dict[str, str] = {}
        with self._lock:
            own = conn is None
            if own:
                conn = ladybug.Connection(self.database)
            try:
                for i in range(0, len(pids), _CHUNK):
                    tbl = conn.execute("UNWIND $ids AS i MATCH (n:Paper {id: i}) "
                                       "RETURN n.id, n.abstract",
                                       {"ids": pids[i:i + _CHUNK]}).get_as_arrow()
                    ids, texts = (c.to_pylist() for c in tbl.columns)
                    out.update(zip(ids, (t or "" for t in texts), strict=True))
            finally:
                if own:
                    conn.close()
        return out


class StoredAbstract:
    """The place of a stored paper's abstract not read yet: `str()` reads it."""

    __slots__ = ("pid", "texts")

    def __init__(self, pid: str, texts: StoredTexts) -> None:
        self.pid, self.texts = pid, texts

    def __str__(self) -> str:
        return self.texts.text(self.pid)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"StoredAbstract({self.pid!r})"


def texts_of(values: Iterable[Any]) -> StoredTexts | None:
    """The StoredTexts of the first StoredAbstract among the first 1,000 values, None when
    there is none (an update's papers are mostly stored ones)."""
    for v in itertools.islice(values, 1000):
        if isinstance(v, StoredAbstract):
            return v.texts
    return None


def resolved(papers: Iterable[Any]) -> None:
    """Put each of these papers' stored abstract in its place (read at once)."""
    lazy = [p for p in papers if isinstance(p.abstract, StoredAbstract)]
    if not lazy:
        return
    by_texts: dict[int, tuple[StoredTexts, list[Any]]] = {}
    for p in lazy:
        by_texts.setdefault(id(p.abstract.texts), (p.abstract.texts, []))[1].append(p)
    for texts, ps in by_texts.values():
        texts.load(p.id for p in ps)
        for p in ps:
            p.abstract = texts.got[p.id]


def load_nodes(texts: StoredTexts | None, nodes: dict[str, dict], keys: Iterable[str]) -> None:
    """Read at once the stored abstracts of these Paper nodes (keys of `nodes`) that hold a
    StoredAbstract (no-op without `texts`)."""
    if texts is None:
        return
    pids = []
    for k in keys:
        d = nodes.get(k)
        if d is not None:
            a = d.get("abstract")
            if isinstance(a, StoredAbstract):
                pids.append(a.pid)
    texts.load(pids)
