"""The main job: listings in, knowledge graph out (read, extract, assemble, cite, store)."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import stat
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from paperkg.core.ending import ends_by_exit, keep
from paperkg.core.errors import UserError
from paperkg.core.packed import TextFile, trained, unpacked
from paperkg.core.records import Paper, SourceFile
from paperkg.graph import paper_spill
from paperkg.graph import schema as S
from paperkg.graph.build import build_graph, paper_graph
from paperkg.graph.ladybug_store import holds_writer_lock, pack_state, state_json
from paperkg.readers import ReadResult, merge_papers, read_listings


@dataclass
class BuildReport:
    """What a build read, merged, skipped and wrote."""

    db: str
    mode: str  # fresh | upsert
    read: dict
    skipped: list[tuple[str, str]]
    new_papers: int
    total_papers: int
    nodes: dict[str, int]
    relationships: dict[str, int]
    citations: dict = field(default_factory=dict)
    neo4j: dict | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    extracted: int = 0  # papers run through extraction (the others kept their stored one)
    #: rows an update wrote (added, changed, removed; PaperState rows), or None when the
    #: store was written whole
    written: dict | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the report."""
        return {
            "db": self.db, "mode": self.mode, "read": self.read,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "new_papers": self.new_papers, "total_papers": self.total_papers,
            "nodes": self.nodes, "relationships": self.relationships,
            "citations": self.citations, "neo4j": self.neo4j, "seconds": self.seconds,
            "extracted": self.extracted, "written": self.written,
        }


def content_hash(paper: Paper, fast: bool = False) -> str:
    """Hash of what extraction reads of a paper (its text) and of the extraction itself (its
    code, data, and rules-only or not): a paper whose hash is in the store is not extracted
    again (see state_hash for what the store keeps)."""
    return _text_hash(paper.text or "", fast)


def _text_hash(text: str, fast: bool) -> str:
    h = hashlib.blake2b(_fingerprint().encode(), digest_size=16)
    h.update(b"\0fast\0" if fast else b"\0full\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def extraction_key(fast: bool = False) -> str:
    """What the PaperState hashes of a store written by this code in this mode are made under
    (the extraction's fingerprint, rules-only or not, the citation code's fingerprint), as the
    state hash of an empty text. Every write leaves all of a store's rows under one key (a row
    of another is extracted or its citation results made again), so the store keeps it
    (RegistryStamp row "extraction"), and an update of a store under its own key takes the
    stored hash of a paper it reads back untouched instead of hashing the text again."""
    return state_hash(_text_hash("", fast))


def state_hash(extraction_hash: str) -> str:
    """What PaperState keeps as a paper's hash: its content hash, a dot, and a short
    fingerprint of the citation code whose per-paper results the row keeps too
    (graph/citations/cache.py). A row whose first part matches keeps its extraction; one whose
    second part does not gets its citation results made again (not its extraction)."""
    from paperkg.graph.citations.cache import fingerprint

    return f"{extraction_hash}.{fingerprint()[:12]}"


@functools.cache
def _fingerprint() -> str:
    """Hash of the extraction pipeline: its code, configuration, and the word lists and model
    files it ships (not the training, evaluation and results-audit code beside them)."""
    from paperkg import extractors

    root = Path(extractors.__file__).resolve().parent
    skip = ("training", "__pycache__", "evaluate.py", "results_audit.py")
    files = [f for f in root.rglob("*") if f.is_file() and f.suffix != ".pyc"
             and f.relative_to(root).parts[0] not in skip]
    h = hashlib.blake2b(digest_size=16)
    for f in sorted(files):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


class StateSpool:
    """The build state rows (paper id, content hash, extraction JSON) on disk as Parquet, in
    paper order: written once during extraction, read back one batch at a time, and loaded into
    the store by the engine, so a collection's extractions are never all in memory. Each
    extraction is held as the store keeps it (ladybug_store.pack_state: compressed), or with
    `packed=False` as its plain JSON (the file's own zstd level 1 makes it half the packed
    size): a fresh build's state writer packs it (ladybug_store.start_fresh(..., pack=True)),
    in its own process (at 20,000 papers packing took 0.78 CPU s, unpacking 0.38)."""

    _BATCH = 2000

    def __init__(self, path: Path, packed: bool = True):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path = path
        self.packed = packed
        self._schema = pa.schema([(p.name, pa.string()) for p in S.STATE_PROPS])
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd",
                                        compression_level=None if packed else 1)
        self._rows: list[tuple[str, str, str]] = []
        #: paper id -> its kept per-paper citation results (the extraction's fourth item),
        #: filled as extractions() reads the rows: decoded (_compact_cites), or with
        #: `cites_json` as their compact JSON (read through a PackedCites)
        self.cites: dict[str, Any] = {}
        self.cites_json = False
        #: with cites_json, a core.packed.Dictionary that packs each paper's JSON
        self.cites_dictionary: Any = None
        #: False: extractions() leaves `cites` empty (another process reads them: _Judging)
        self.keep_cites = True

    def add(self, paper_id: str, content_hash: str, extraction: str) -> None:
        """Append one paper's row (its extraction JSON, or a stored value as it is)."""
        self._rows.append((paper_id, content_hash,
                           pack_state(extraction) if self.packed else extraction))
        if len(self._rows) >= self._BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            cols = list(zip(*self._rows, strict=True))
            self._writer.write_table(pa.table(
                {f.name: pa.array(c, pa.string()) for f, c in zip(self._schema, cols,
                                                                  strict=True)}))
            self._rows = []

    def close(self) -> None:
        """Finish writing."""
        self._flush()
        self._writer.close()

    def extractions(self) -> Iterator[tuple[str, list]]:
        """(paper id, plain extraction) of every row, in order (decoded by orjson, with the
        standard library for what it refuses: 0.06 against 0.11 CPU s per 5,000 corpus
        extractions, the same values)."""
        cites, held = self.cites, self._held
        if not self.keep_cites:
            yield from _spooled(self.path, self._BATCH)
            return
        for pid, raw in _spooled(self.path, self._BATCH):
            if len(raw) > 3:
                cites[pid] = held(raw[3])
            yield pid, raw

    def _held(self, features: Any) -> Any:
        """A paper's citation results as `cites` holds them."""
        if not self.cites_json:
            return _compact_cites(features)
        x = json.dumps(features, separators=(",", ":"))
        return x if self.cites_dictionary is None else self.cites_dictionary.pack(x)

    def cites_sample(self, n: int) -> list[str]:
        """The citation results' JSON of the first n rows (what `cites` holds of them with
        cites_json and no dictionary)."""
        import pyarrow.parquet as pq

        out: list[str] = []
        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=min(n, self._BATCH),
                                                            columns=["extraction"]):
            for x in batch.column(0).to_pylist():
                raw = json.loads(state_json(x))
                if len(raw) > 3:
                    out.append(json.dumps(raw[3], separators=(",", ":")))
            if len(out) >= n:
                break
        return out[:n]

    def entities(self) -> Iterator[list]:
        """The plain entities of every row, in order: only the first item of each
        extraction's JSON is decoded (the canonical registry reads nothing else)."""
        import pyarrow.parquet as pq

        decode = _FIRST.raw_decode
        for batch in pq.ParquetFile(self.path).iter_batches(
                batch_size=self._BATCH, columns=["extraction"]):
            for x in batch.column(0).to_pylist():
                x = state_json(x)
                if x[:1] == "[":
                    try:
                        yield decode(x, 1)[0]
                        continue
                    except ValueError:
                        pass
                yield json.loads(x)[0]  # not the compact JSON a build writes

    def remove(self) -> None:
        """Delete the file."""
        self.path.unlink(missing_ok=True)


_FIRST = json.JSONDecoder()


def _spooled(path: Path, batch_size: int = StateSpool._BATCH) -> Iterator[tuple[str, list]]:
    """(paper id, plain extraction) of every row of a StateSpool's file, in order."""
    import pyarrow.parquet as pq

    from paperkg.readers.json import loads

    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size,
                                                   columns=["id", "extraction"]):
        for pid, x in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(),
                          strict=True):
            yield pid, loads(state_json(x))


class _Judging:
    """What a fresh build's citation step needs of its papers' kept citation results, made in
    a child process while this one makes the graph's extraction part: the CiteIndex table
    (citations.stored.index_table) and the judging (citations.judge: claims, mentions,
    candidates and their confidence, identifier links; what reads only the Paper nodes and
    those results). The citation step then only works out what needs the entities and their
    edges (add_citations(..., judged=)), and this process does not hold the results (the
    spool's keep_cites). The child is given the Paper nodes' cited fields and reads the
    results from the state spool itself, so it makes what this process would. It is a new
    interpreter (this process has pyarrow's and the engine's threads: a fork could hang)
    started without multiprocessing, whose spawn would run the caller's main script again;
    it is sent its input on a pipe (a thread writes it) and writes its result to a file.
    Made with g None, the child starts at once and makes ready (imports, shipped data) while
    the caller goes on; `send` gives it the Paper nodes' fields when the caller has them."""

    def __init__(self, g: nx.MultiDiGraph | None, spool: Path):
        import pickle
        import subprocess
        import sys

        self._spool = str(spool)
        fd, self._out = tempfile.mkstemp(prefix="paperkg-judged-", suffix=".pickle")
        os.close(fd)
        self._proc: Any = None
        self._feed: Any = None
        try:
            self._proc = subprocess.Popen([sys.executable, "-c", _JUDGE_CHILD],
                                          stdin=subprocess.PIPE)
        except OSError:  # no interpreter to start: made here (result)
            return
        with contextlib.suppress(OSError):  # a child gone early: result makes it here
            pickle.dump(list(sys.path), self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._proc.stdin.flush()
        if g is not None:
            self.send(_cited_nodes(g))

    def send(self, nodes: dict[str, dict]) -> None:
        """Give the child the Paper nodes' cited fields (_cited_nodes): it judges them."""
        import pickle
        import threading

        if self._proc is None or self._feed is not None:
            return
        payload = (nodes, self._spool, self._out)

        def send(stdin: Any) -> None:
            with contextlib.suppress(OSError):  # a child gone early: result makes it here
                with stdin:
                    pickle.dump(payload, stdin, protocol=pickle.HIGHEST_PROTOCOL)

        self._feed = threading.Thread(target=send, args=(self._proc.stdin,), daemon=True)
        self._feed.start()

    def result(self, g: nx.MultiDiGraph) -> tuple[Any, Any]:
        """(the CiteIndex table, citations.Judged): the child's, or made here from g's Paper
        nodes if it failed."""
        import pickle

        try:
            if self._proc is not None and self._feed is not None:
                self._feed.join()
                if self._proc.wait() == 0:
                    with contextlib.suppress(Exception), open(self._out, "rb") as fh:
                        return pickle.load(fh)
            return _judge_spooled(_cited_nodes(g), self._spool)
        finally:
            self.close()

    def close(self) -> None:
        """End the child (its work too, when it is not needed any more)."""
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            if self._feed is not None:
                self._feed.join()
            self._proc = None
        Path(self._out).unlink(missing_ok=True)


#: _Judging's child: sys.path, then (nodes, spool, output file), pickled on its input; the
#: output file receives _judge_spooled's result pickled.
_JUDGE_CHILD = """
import pickle, sys
sys.path[:] = pickle.load(sys.stdin.buffer)
from paperkg.graph.pipeline import _judge_ready, _judge_spooled
_judge_ready()
nodes, spool, out = pickle.load(sys.stdin.buffer)
made = _judge_spooled(nodes, spool)
with open(out, "wb") as fh:
    pickle.dump(made, fh, protocol=pickle.HIGHEST_PROTOCOL)
"""


def _cited_nodes(g: nx.MultiDiGraph) -> dict[str, dict]:
    """Paper node -> what the citations read of it (_CITED_FIELDS)."""
    return {n: {k: d.get(k) for k in _CITED_FIELDS} for n, d in g.nodes(data=True)
            if d.get("label") == S.PAPER}


def _judge_ready() -> None:
    """_Judging's child, before its nodes come: the modules and shipped data it reads."""
    import pyarrow.parquet  # noqa: F401 - the spool's reader

    import paperkg.readers.json  # noqa: F401 - the spool's decoder
    from paperkg.graph.citations import judge  # noqa: F401
    from paperkg.graph.citations.claims import corpus_names
    from paperkg.graph.citations.stored import index_table  # noqa: F401

    corpus_names()


def _judge_spooled(nodes: dict[str, dict], spool: str) -> tuple[Any, Any]:
    """_Judging's child: the CiteIndex table of the state spool's rows' citation results
    (held as StateSpool.extractions holds them) and citations.judge of the nodes with them."""
    from paperkg.graph.citations import judge
    from paperkg.graph.citations.stored import index_table

    ids, cites = [], {}
    for pid, raw in _spooled(Path(spool)):
        ids.append(pid)
        if len(raw) > 3:
            cites[pid] = _compact_cites(raw[3])
    table = index_table(cites, ids)
    del ids
    return table, judge(nodes, features={S.node_key(S.PAPER, pid): x
                                         for pid, x in cites.items()})


def _compact_cites(features: Any) -> Any:
    """A paper's kept citation results as held until the citations are made (every paper's
    at once in a fresh build): its sentence spans as one flat array of 4-byte ints instead of
    a list of [offset, length] lists (about 1,230 against 130 bytes a paper over 20,000
    corpus papers; graph.citations.infer reads both), its claims, links and pairs as tuples, the
    empty ones (most papers') all one object (1,406 against 1,243 bytes a paper in all over
    2,000 corpus papers, tracemalloc)."""
    if not isinstance(features, dict):
        return features
    if isinstance(features.get("spans"), list):
        try:
            features["spans"] = array("I", [v for pair in features["spans"] for v in pair])
        except (TypeError, OverflowError):
            pass  # not the shape a build writes: kept as it is
    for name in ("claims", "links", "pairs"):
        v = features.get(name)
        if isinstance(v, list):
            features[name] = tuple(tuple(c) if isinstance(c, list) else c for c in v) \
                if v else ()
    return features


class PackedCites(Mapping):
    """A StateSpool's `cites` held as JSON (`cites_json`), read as decoded entries: each
    item is decoded (_compact_cites) when asked for, and not kept. Keys are paper ids, or
    with `prefix` node keys (the prefix, then the id). A decoded entry held about 1,240 bytes
    a paper, its JSON about 470 (2,000 corpus papers), so a large build's citation step holds
    every paper's JSON and decodes each entry the few times it reads it."""

    def __init__(self, cites: dict[str, Any], prefix: str = ""):
        self._cites, self._prefix = cites, prefix

    def _id(self, key: str) -> str | None:
        p = self._prefix
        return key[len(p):] if key.startswith(p) else None

    def __getitem__(self, key: str) -> Any:
        x = self._cites[self._id(key)]
        if isinstance(x, bytes):  # packed (StateSpool.cites_dictionary)
            x = unpacked(x)
        return _compact_cites(json.loads(x)) if isinstance(x, str) else x

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._id(key) in self._cites

    def __iter__(self) -> Iterator[str]:
        return (self._prefix + k for k in self._cites)

    def __len__(self) -> int:
        return len(self._cites)


def _spool_path(store: Path | None, kind: str = "state", suffix: str = ".parquet") -> Path:
    """A new staging file for the state spool (or another `kind`): beside the store (removed
    as a dead writer's leftover if the build is killed), or in the temp folder when there is
    no store."""
    from paperkg.core.tempfiles import staged_name

    if store is None:
        fd, name = tempfile.mkstemp(prefix=f"paperkg-{kind}-", suffix=suffix)
        os.close(fd)
        return Path(name)
    tmp = staged_name(store)
    tmp.unlink()
    return tmp.with_name(tmp.name + suffix)


def extract_all(papers: Sequence[Paper], workers: int = 1,
                progress: Callable[[int], None] | None = None,
                hashes: dict[str, str] | None = None, old: Path | None = None,
                seconds: dict[str, float] | None = None, fast: bool = False,
                engine: str = "local", scheduler: str | None = None,
                store: Path | None = None, counts: Any = None, packed: bool = True
                ) -> tuple[Iterator, StateSpool, int]:
    """Extractions of papers (same order, canonical entities across all of them; a generator
    that makes them one paper at a time), the state rows to store (a StateSpool, in paper
    order), and how many papers were extracted. A paper whose content hash is in `hashes`
    reuses the extraction kept in the old store `old` (see state_hash). `counts` (a
    registry_store.Counts) receives the registry's counts."""
    from paperkg.extractors.workers import POOL_FROM, pooled_results, stop_fork_server
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.ladybug_store import iter_state_extractions
    from paperkg.graph.registry_store import Counts, finished_with

    t0 = time.perf_counter()
    hashes = hashes or {}
    # Only an update compares content hashes before extraction; a fresh build makes each
    # paper's as its row is spooled (a list of every hash held 90 bytes a paper).
    own = {p.id: content_hash(p, fast) for p in papers} if old is not None and hashes else {}
    kept = {pid for pid, h in own.items() if hashes.get(pid, "").split(".")[0] == h}
    todo = [p for p in papers if p.id not in kept] if kept else papers
    # Each result comes back as the compact JSON of four items: the plain results and the
    # paper's citation results (paper_features), both made in the extraction workers.
    # Views, not lists: each paper's text (a new string) is made only as its chunk goes to
    # the workers (a list of every text held 1.4 KB a paper through the whole extraction).
    # The registry is counted as the rows come in (while the workers extract the next ones),
    # not in a pass over the spool once extraction is done, when only this process works.
    # With no kept paper the results are counted where they are made (the workers' tally of
    # each chunk, in paper order), so that this process need not decode each one's entities.
    # A pool's extraction is handed over without the pipeline module: this process then
    # never imports spaCy and the rules (workers.pooled_results).
    counts = Counts() if counts is None else counts
    texts, args = _Each(todo, _text), _Each(todo, _title_abstract)
    merge = None if kept else counts.merge
    if engine == "local" and workers > 1 and len(todo) >= POOL_FROM:
        raws = iter(pooled_results(texts, workers, fast, progress=progress, as_json=True,
                                   extra=paper_features, extra_args=args, counts=merge))
    elif todo:
        from paperkg.extractors.pipeline import raw_extractions

        raws = iter(raw_extractions(texts, workers=workers, progress=progress, fast=fast,
                                    engine=engine, scheduler=scheduler, as_json=True,
                                    extra=paper_features, extra_args=args, counts=merge))
    else:
        raws = iter(())
    olds = iter_state_extractions(old) if kept else None
    pending: dict[str, str] = {}

    def stored(pid: str) -> str:
        """The old store's extraction of a kept paper (both sides come in id order)."""
        if pid in pending:
            return pending.pop(pid)
        for oid, x in olds or ():
            if oid == pid:
                return x
            if oid in kept:
                pending[oid] = x
        raise UserError(f"the store lost the extraction of paper {pid}; rebuild with --rebuild")

    spool = StateSpool(_spool_path(store), packed=packed)
    try:
        for p in papers:
            full = state_hash(own.get(p.id) or content_hash(p, fast))
            if p.id in kept:
                x = stored(p.id)
                if hashes[p.id] != full:  # kept by other citation code: made again
                    x = json.dumps([*json.loads(x)[:3], paper_features(
                        p.title or "", p.abstract or "")], separators=(",", ":"))
                if progress is not None:
                    progress(1)
                counts.add(_entities_json(x))
            else:
                x = next(raws)
                if kept:
                    counts.add(_entities_json(x))
            spool.add(p.id, full, x)
        spool.close()
        # Every result taken: the workers' pool ends (it ended only with this frame), then
        # their fork server, which would live to the build's end (about 100 MB beside the
        # main process in every later step: the store step of 1,000,000 papers at 4,183 MB).
        if next(raws, None) is not None:
            raise RuntimeError("the extraction gave more results than papers")
        stop_fork_server()
    except BaseException:
        spool.close()
        spool.remove()
        raise
    finally:
        if olds is not None:
            olds.close()  # the old store's read connection
    if seconds is not None:
        seconds["extract"] = round(time.perf_counter() - t0, 3)
    _mark("extract")
    # Every extraction comes from its JSON, fresh or kept, so both paths give the same values;
    # they are canonicalised and handed on one paper at a time.
    return finished_with(counts, spool.extractions, lambda: ()), spool, len(todo)


def _spilled(papers: list[Paper], store: Path | None) -> Any:
    """papers written to a new staging file (beside the store, like the state spool), to be
    read back from it (a paper_spill.SpilledPapers)."""
    path = _spool_path(store, "papers", ".papers")
    try:
        return paper_spill.SpilledPapers(papers, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


class _Each(Sequence):
    """fn of each paper of a list, made when it is read (an item, or a slice as a list)."""

    def __init__(self, papers: Sequence[Paper], fn: Callable[[Paper], Any]):
        self._papers, self._fn = papers, fn

    def __len__(self) -> int:
        return len(self._papers)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._fn(p) for p in self._papers[i]]
        return self._fn(self._papers[i])


def _text(p: Paper) -> str:
    """The text extraction reads of a paper."""
    return p.text


def _title_abstract(p: Paper) -> tuple[str, str]:
    """What a paper's citation results are made from (paper_features' arguments)."""
    return p.title or "", p.abstract or ""


class Ahead:
    """A new read's papers extracted in one worker process while an update reads its store.

    An update of fewer papers than a pool is started for extracts them in its own process
    after reading the store (raw_extractions), when only this process works. With a second
    worker allowed, every paper of the new read is sent at once to a process of the
    extraction's fork server, which loads the pipeline and extracts them while this process
    reads and merges the stored papers; `raws` then takes the result of each paper to
    extract whose text, title and abstract are the ones sent (a paper merged with a stored
    one may have another text: it is extracted here). The results are the pipeline's, made
    by the code a pool worker runs, so they are the same as in this process."""

    def __init__(self, papers: Sequence[Paper], fast: bool):
        import threading

        self.keys = [_ahead_key(p) for p in papers]
        self._pool: Any = None
        self._future: Any = None
        self._made: Any = ()  # the keys of the papers the worker extracted (raws)
        # Starting the fork server waits for it to import the pipeline (about a second): a
        # thread waits for it, not this process's reads.
        self._thread = threading.Thread(
            target=self._start, args=([k[0] for k in self.keys], [k[1:] for k in self.keys],
                                      fast), daemon=True)
        self._thread.start()

    def _start(self, texts: list[str], args: list[tuple[str, str]], fast: bool) -> None:
        from concurrent.futures import ProcessPoolExecutor

        from paperkg.extractors.workers import worker_context
        from paperkg.graph.ahead_worker import ahead_init, ahead_run

        try:
            self._pool = ProcessPoolExecutor(1, mp_context=worker_context(),
                                             initializer=ahead_init, initargs=(fast,))
            self._future = self._pool.submit(ahead_run, texts, args)
        except Exception:  # noqa: BLE001 - no worker: raws extracts in this process
            self._future = None

    def raws(self, todo: Sequence[Paper], progress: Callable[[int], None] | None = None,
             keep_open: bool = False, **kw) -> list[str]:
        """The extraction JSON (raw_extractions(..., as_json=True, extra=paper_features)) of
        each paper of todo, in order: the worker's where it extracted the same text, the
        others made here (kw: raw_extractions' options). The worker is stopped, unless
        `keep_open` (then `claims` may still be asked of it; `close` stops it)."""
        from paperkg.graph.citations.cache import paper_features

        wanted = {_ahead_key(p) for p in todo}
        got: dict[tuple, str] = {}
        self._thread.join()
        if self._future is not None and wanted & set(self.keys):
            try:
                got = dict(zip(self.keys, self._future.result(), strict=True))
            except Exception:  # noqa: BLE001 - the worker failed: extract here instead
                got = {}
        self._made = got.keys()
        if not keep_open or not got:
            self.close()
        rest = [p for p in todo if _ahead_key(p) not in got]
        if rest:  # spaCy is imported here only when this process extracts
            from paperkg.extractors.pipeline import raw_extractions
        made = iter(list(raw_extractions(
            [p.text for p in rest], progress=progress, as_json=True, extra=paper_features,
            extra_args=[_title_abstract(p) for p in rest], **kw)) if rest else ())
        out = []
        for p in todo:
            x = got.get(_ahead_key(p))
            if x is None:
                x = next(made)
            elif progress is not None:
                progress(1)
            out.append(x)
        return out

    def claims(self, rows: list[tuple[str, str]], papers: Sequence[Paper]) -> Any:
        """A future of the citation index's "claims" and "generic" rows (ahead_worker.
        ahead_claims: StoredIndex(None, rows=rows).claims_rows({}, their entries)) made by
        the worker from the entries it made for these papers, or None when it cannot (the
        worker stopped, or a paper's text is not one it extracted)."""
        from paperkg.graph.ahead_worker import ahead_claims

        if self._pool is None or any(_ahead_key(p) not in self._made for p in papers):
            return None
        at = {k: i for i, k in enumerate(self.keys)}  # (equal keys: equal results)
        try:
            return self._pool.submit(ahead_claims, rows,
                                     [(p.id, at[_ahead_key(p)]) for p in papers])
        except Exception:  # noqa: BLE001 - the pool is broken: the caller makes them
            return None

    def canon(self, names: list[str]) -> Any:
        """A future of {name: extractors.canonical.canonical_key(name)} for these names, made
        by the worker (ahead_worker.ahead_canon), or None when it cannot (the worker
        stopped)."""
        from paperkg.graph.ahead_worker import ahead_canon

        if self._pool is None or not names:
            return None
        try:
            return self._pool.submit(ahead_canon, names)
        except Exception:  # noqa: BLE001 - the pool is broken: the caller makes them
            return None

    def close(self) -> None:
        """Stop the worker (its extraction too, when it is not needed any more)."""
        self._thread.join()
        if self._pool is None:
            return
        if self._future is None or not self._future.done():
            for proc in list((getattr(self._pool, "_processes", None) or {}).values()):
                proc.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None


#: An update of at most this many papers read extracts them ahead (Ahead); from 1,024 texts
#: on, raw_extractions starts a pool of its own.
AHEAD_MAX = 1023


def _ahead_key(p: Paper) -> tuple[str, str, str]:
    """What a paper's extraction JSON is made from: its text, title and abstract."""
    return (p.text or "", *_title_abstract(p))


def _entities_json(x: str) -> list:
    """The plain entities of an extraction JSON (its first item; only that is decoded)."""
    if x[:1] == "[":
        try:
            return _FIRST.raw_decode(x, 1)[0]
        except ValueError:
            pass
    return json.loads(x)[0]


def assemble(papers: Sequence[Paper], sources: Sequence[SourceFile], workers: int = 1,
             progress: Callable[[int], None] | None = None,
             hashes: dict[str, str] | None = None, old: Path | None = None,
             seconds: dict[str, float] | None = None,
             min_citation_confidence: float | None = None, fast: bool = False,
             engine: str = "local", scheduler: str | None = None, store: Path | None = None,
             on_extracted: Callable[[StateSpool], Callable[[], Any] | None] | None = None,
             previous: Any = None,
             registry: list | None = None, edges: Any = None, consume: bool = False,
             packed: bool = True, on_graph: Callable[[nx.MultiDiGraph], Any] | None = None
             ) -> tuple[nx.MultiDiGraph, dict, StateSpool, int]:
    """Extract, build the graph and add inferred citations; returns (graph, citation summary,
    state spool (the caller removes it), papers extracted); see extract_all for hashes, old
    and store. Papers are taken in id order, so that neither the order of
    the files nor the order of earlier builds changes the result. `seconds` receives the time
    of each step (extract, graph, citations). Inferred citations below
    `min_citation_confidence` (None: the measured default) are left out. `on_extracted` is
    called with the complete state spool before the graph is built; what it returns, unless
    None, is called (a wait) once what needs only the registry's counts is made. `previous`
    (an update's citations.Previous) lets the citations judge only what the new papers
    touch. `registry`, a list, receives the registry tables the store keeps
    (graph/registry_store.py).
    `edges` (a fresh build's ladybug_store.EdgeSpill) takes the edges from papers to entities
    instead of the graph: the store gets them from its files (store_tables(..., edges=)),
    the citation step from it, paper by paper, and it counts the entities' introducers; it
    also takes the LISTED_IN edges and the Result nodes with their edges (build_graph's
    `rows`). With `consume`, the `papers` list is emptied (the caller's references go) and
    the Paper objects are let go once the graph holds what later steps read of them.
    `packed=False` spools each extraction as plain JSON (see StateSpool: the state writer
    packs it). `on_graph` is called with the graph before the citation step, once its entity
    nodes are final (with `edges`, their introducer counts set) and `registry` is filled."""
    from paperkg.graph.citations import DEFAULT_MIN_CONFIDENCE, add_citations
    from paperkg.graph.counters import set_counters
    from paperkg.graph.registry_store import Counts

    given, papers = papers, sorted(papers, key=lambda p: p.id)
    if consume:
        given.clear()
    del given
    # Taken papers of a large build wait on disk while they are extracted
    # (graph/paper_spill.py), read back in order by the extraction step and the graph step.
    spilled = _spilled(papers, store) if consume and papers and len(papers) >= paper_spill.FROM \
        else None
    if spilled is not None:
        papers = spilled
        _return_free_memory()  # the freed papers' strings, back to the system
    sources = sorted(sources, key=lambda s: s.id)
    seconds = {} if seconds is None else seconds
    counts = Counts()
    try:
        extractions, spool, extracted = extract_all(
            papers, workers=workers, progress=progress, hashes=hashes, old=old,
            seconds=seconds, fast=fast, engine=engine, scheduler=scheduler, store=store,
            counts=counts if registry is not None else None, packed=packed)
    except BaseException:
        if spilled is not None:
            spilled.remove()
        raise
    # A large build (its papers spilled) holds its Paper nodes' abstracts compressed, on disk,
    # and its citation results as JSON through the graph and citation steps (about 2 KB a
    # paper less: core.packed, PackedCites).
    pack = spilled is not None
    spool.cites_json = pack
    judging = parted = None
    try:
        t0 = time.perf_counter()
        wait = on_extracted(spool) if on_extracted is not None else None
        # What needs only the counts (the registry and its types, the registry tables made
        # of the counts, the state's stamp) is made now: while a build that waits for its
        # state's writer does (on the core the writer leaves idle), not in the graph step.
        reg = extractions.registry()
        # A build whose citations are judged by a child (below) reads no citation results
        # from the spool: its canonicalisation is made by forked children from here on,
        # while it waits for its state's writer and builds the graph (graph/parted.py).
        if PARTED_CHILDREN and wait is not None and spilled is None and previous is None \
                and edges is not None:
            from paperkg.graph.parted import PartedRows

            parted = PartedRows(spool.path, reg, array("q", [len(p.title or "")
                                                            for p in papers]),
                                children=PARTED_CHILDREN,
                                folder=str(store.parent) if store is not None else None)
        del reg
        counted = None
        if registry is not None:
            from paperkg.graph.registry_store import count_tables, spool_stamp

            counted = count_tables(counts, spool_stamp(spool.path), extraction_key(fast))
        papers_graph = None
        if wait is not None:
            # So is the graph's first part, which reads no extraction (its Paper and Source
            # nodes, the LISTED_IN rows): 1.6-2.2 CPU s, 45-90 MB at 99,208 papers. Not for papers
            # spilled to disk (a build of paper_spill.FROM papers or more), whose nodes beside
            # the state's child would add to the processes' peak where it is highest.
            nodes = None
            if spilled is None:
                papers_graph = paper_graph(papers, sources, rows=edges)
                # The citations' judging, which needs only the Paper nodes and the spooled
                # citation results, runs in a child on the core the graph step leaves idle:
                # started now, it makes ready (about 0.8 CPU s, 84 MB) beside the state's
                # writer, and is given the nodes once the state is written.
                if previous is None:
                    judging = _Judging(None, spool.path)
                    nodes = _cited_nodes(papers_graph)
            wait()
            t0 = time.perf_counter()
            if judging is not None:
                judging.send(nodes)
                spool.keep_cites = False
            del nodes
        surfaces: dict = {}
        texts = None
        if pack:  # abstracts and citation results packed with dictionaries of their own
            pack = trained([p.abstract or "" for p in papers[:PACK_SAMPLES]]) or True
            spool.cites_dictionary = trained(spool.cites_sample(PACK_SAMPLES))
            # the packed abstracts wait on disk for the store's write, the only step that
            # reads them (a nameless file: it goes with the graph's Paper nodes)
            texts = TextFile(str(store.parent) if store is not None else None)
        g = build_graph(papers, sources, extractions if parted is None else parted,
                        surfaces=surfaces, entity_edges=edges, rows=edges, pack=pack,
                        texts=texts, g=papers_graph)
        del texts, papers_graph
        parted = None  # its children ended once every block was read
        del extractions
        if consume:
            papers = []
        if spilled is not None:
            spilled.remove()
        if edges is not None:
            edges.attach(g)
        if registry is not None:
            from paperkg.graph.registry_store import tables

            registry.extend(tables(counts, surfaces["names"], surfaces["aliases"],
                                   counted=counted))
            counted = None
            if judging is None:
                from paperkg.graph.citations.stored import index_table

                registry.append(index_table(PackedCites(spool.cites) if pack else spool.cites,
                                            (p.id for p in papers)))
        del surfaces
        if edges is not None:
            _introducers(g, edges)
        # What needs no judged citations is made before the judging child is waited for (at
        # 100,000 papers the graph step ended some 5 s before it): the registry tables, the
        # introducer counts, and on_graph, whose COPYs then run while this process waits.
        # The child's CiteIndex table goes with the store step's tables instead.
        if on_graph is not None:
            on_graph(g)
        cite_index, judged = judging.result(g) if judging is not None else (None, None)
        if registry is not None and cite_index is not None:
            registry.append(cite_index)
        del cite_index
        t1 = time.perf_counter()
        _mark("graph")
        report = add_citations(g, min_confidence=DEFAULT_MIN_CONFIDENCE
                               if min_citation_confidence is None else min_citation_confidence,
                               features=None if judged is not None
                               else PackedCites(spool.cites, S.node_key(S.PAPER, ""))
                               if pack else {S.node_key(S.PAPER, pid): x
                                             for pid, x in spool.cites.items()},
                               previous=previous, judged=judged)
        del judged
        # Every paper's citation results are in the state file: the decoded ones are not
        # needed again, and the store step should not run on top of them (nor of the
        # inference's freed indexes: their memory goes back to the system).
        spool.cites.clear()
        if edges is not None:
            edges.detach()
        _return_free_memory()
        set_counters(g)  # stored counters, before any sink writes g
        if edges is not None:  # counted from the few INTRODUCES edges the citations loaded
            _introducers(g, edges)
    except BaseException:
        if judging is not None:
            judging.close()
        if parted is not None:
            parted.close()
        spool.remove()
        if spilled is not None:
            spilled.remove()
        raise
    _mark("citations")
    seconds["graph"] = round(t1 - t0, 3)  # canonicalisation included
    seconds["citations"] = round(time.perf_counter() - t1, 3)
    return g, report.summary(), spool, extracted


#: Forked children that canonicalise a fresh build's papers beside its main process
#: (graph/parted.py) when its citations are judged by a child (a build of STATE_ALONE_FROM
#: papers or more, below paper_spill.FROM); 0: the main process canonicalises them.
PARTED_CHILDREN = 1


#: How many of a large build's first papers (in id order) its packing dictionaries are
#: trained on (core.packed.trained: 0.64 CPU s for 5,000 abstracts).
PACK_SAMPLES = 5000


#: Whether a fresh build's EarlyTables also COPY its Paper, Source and Result nodes and every
#: relationship but CITES (the citation step adds only CITES edges and changes only the
#: cited-by counters of the papers they point to): at 100,000 papers they run while the build
#: waits for its judging child, not in the store step after it.
PAPERS_EARLY = os.environ.get("PAPERKG_PAPERS_EARLY", "1") != "0"


def _early_paper_tables(g: nx.MultiDiGraph, edges: Any, path: Path,
                        counters_at: dict[str, tuple]) -> list:
    """The tables of g and of the EdgeSpill `edges` but the entity nodes (EARLY_LABELS) and
    CITES, spilled beside the store at `path`, with every counter set as the graph stands
    before its citation step (set_counters; the entities' introducer counts from `edges`
    again); `counters_at` receives each Paper node's counters as written
    (counters.PAPER_COUNTER_PROPS)."""
    from paperkg.core.tempfiles import staged_name
    from paperkg.graph.counters import PAPER_COUNTER_PROPS, set_counters
    from paperkg.graph.ladybug_store import graph_tables

    set_counters(g)
    _introducers(g, edges)
    spill = staged_name(path)
    spill.unlink()
    counters_at.update((n, tuple(map(d.get, PAPER_COUNTER_PROPS)))
                       for n, d in g.nodes(data=True) if d.get("label") == S.PAPER)
    return graph_tables(g, spill, edges, without=EARLY_LABELS, counted=True,
                        without_rels=(S.CITES,))


def _changed_counters(g: nx.MultiDiGraph, counters_at: dict[str, tuple]) -> list[dict]:
    """Rows {id, counter: value, ...} of the Paper nodes whose counters differ from
    `counters_at` (what _early_paper_tables wrote); none without it."""
    from paperkg.graph.counters import PAPER_COUNTER_PROPS

    rows = []
    for n, was in counters_at.items():
        d = g.nodes[n]
        now = tuple(map(d.get, PAPER_COUNTER_PROPS))
        if now != was:
            rows.append({"id": d.get("id"), **dict(zip(PAPER_COUNTER_PROPS, now, strict=True))})
    return rows


def _introducers(g: nx.MultiDiGraph, edges: Any) -> None:
    """Set each entity node's introducer count from the EdgeSpill that holds the INTRODUCES
    edges (they are its, not g's)."""
    introduced, labels = edges.introduced, set(S.ENTITY_LABELS)
    for n, d in g.nodes(data=True):
        if d.get("label") in labels:
            d[S.INTRODUCED_BY] = introduced.get(n, 0)


def build_graph_from_paths(paths: Sequence[str | os.PathLike], workers: int = 1) -> nx.MultiDiGraph:
    """The knowledge graph of the listings under paths, in memory (nothing is stored)."""
    result = read_listings(paths)
    g, _, spool, _ = assemble(result.papers, result.sources, workers=workers)
    spool.remove()
    return g


#: What inferred citations read of a paper (its text, dates and identifiers).
_CITED_FIELDS = ("title", "abstract", "published", "listing_date", "arxiv_id", "doi")


def _merge_with_store(result: ReadResult, conn: Any, hashes: dict[str, str] | None = None,
                      texts: Any = None
                      ) -> tuple[list[Paper], list[SourceFile], int, list[str], Any,
                                 list[Paper], list[str]]:
    """Papers of the store plus the new read, merged; also new-paper count, retired ids, the
    store's inferred citations with the new papers (a citations.Previous) when no stored
    paper went (else None: they are judged anew), the stored papers as read, and the ids of
    stored papers that changed what citations read of them (the whole path judges every
    citation anew then; registry_store hands their old entries to the citations). `hashes`,
    a dict, receives the stored content hashes (read_state_hashes). All read on `conn`, a
    read-only connection to the store (each opening of a store costs about 0.1-0.5 s).
    `texts` (a stored_text.StoredTexts): the stored abstracts are read when asked for
    (ladybug_store.papers_in); those of the stored papers merged anew are read here."""
    from paperkg.graph.citations import Previous
    from paperkg.graph.ladybug_delta import inferred_citations_in
    from paperkg.graph.ladybug_store import papers_in, state_hashes_in

    old_papers, old_sources = papers_in(conn, texts)
    stored_cites = inferred_citations_in(conn)
    if hashes is not None:
        hashes.update(state_hashes_in(conn))
    merged = _merge_touched(old_papers, result.papers)
    by_old = {p.id: p for p in old_papers}
    new_ids = {p.id for p in merged}
    previous = None
    # a stored paper no new one shares a key with is the object read (_merge_touched)
    recited = sorted(p.id for p in merged if p.id in by_old and p is not by_old[p.id]
                     and any(getattr(p, f) != getattr(by_old[p.id], f) for f in _CITED_FIELDS))
    old_ids = by_old.keys()
    if old_ids <= new_ids:
        previous = Previous(stored_cites,
                            {S.node_key(S.PAPER, p.id) for p in merged if p.id not in old_ids})
    old_keys = {p.title_key for p in old_papers} | {p.arxiv_id for p in old_papers if p.arxiv_id}
    new_count = sum(1 for p in merged if p.id not in old_ids and p.title_key not in old_keys
                    and (not p.arxiv_id or p.arxiv_id not in old_keys))
    by_id = {s.id: s for s in old_sources}
    for s in result.sources:
        by_id[s.id] = s
    return (merged, list(by_id.values()), new_count, sorted(old_ids - new_ids), previous,
            old_papers, recited)


def _merge_keys(p: Paper) -> list[tuple[str, str]]:
    """The keys `readers.merge_records` merges a stored paper's record on (what
    `readers.record_of` makes of it): its title key, arXiv id and DOI."""
    # merge_key(title, title_key or title_key(title)): a stored paper has its title key
    keys = [("t", p.title_key or _merge_key(p.title))]
    if p.arxiv_id:
        keys.append(("a", p.arxiv_id))
    if p.doi:
        keys.append(("d", p.doi))
    return [k for k in keys if k[1]]


def _merge_key(title: str) -> str:
    from paperkg.core.ids import merge_key

    return merge_key(title)


def _merge_touched(old: Sequence[Paper], new: Sequence[Paper]) -> list[Paper]:
    """`merge_papers` of the stored papers and a new read (both merged records, so each
    paper's records carry its keys), made by merging only the new papers and the stored ones
    that share a key with them (closed over the keys those share): a stored paper no new one
    shares a key with is a group of its own, kept as read (at 100,000 stored papers the whole
    merge took about 1.4 s of an update of 500)."""
    keys = {k for p in new for k in _merge_keys(p)}
    taken: set[int] = set()
    frontier = keys
    # one pass over the stored papers per round of keys (usually one round), testing each
    # paper's keys against the round's: no index of every stored paper's keys is made (that
    # took 0.75 of the 1.1 CPU s this merge took at 100,000 papers)
    while frontier:
        want = {kind: {v for k, v in frontier if k == kind} for kind in ("t", "a", "d")}
        titles, arxiv, dois = want["t"], want["a"], want["d"]
        hit = {i for i, p in enumerate(old) if i not in taken and (
            (p.title_key or _merge_key(p.title)) in titles
            or (p.arxiv_id and p.arxiv_id in arxiv) or (p.doi and p.doi in dois))}
        taken |= hit
        frontier = {k for i in hit for k in _merge_keys(old[i])} - keys
        keys |= frontier
    if taken:  # their abstracts are merged and compared: read now when not read yet
        from paperkg.graph.stored_text import resolved

        resolved([old[i] for i in taken])
    merged, _ = merge_papers([*(old[i] for i in sorted(taken)), *new])
    return [p for i, p in enumerate(old) if i not in taken] + merged


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a block makes many small acyclic objects that
    live on: reading an update's stored papers (100,000 Paper objects and their listings) took
    2.3 CPU s with the collector walking them again and again, 1.0 s paused. It is enabled
    again (if it was) at the end, without a collection of its own, and what the block made
    is frozen first (gc.freeze: the caller unfreezes it, see build): every object made while
    the collector was off waits in its youngest generation, which the first collection after
    walks whole (0.16 and 0.47 CPU s after the two paused blocks of adding 500 papers to
    100,000, load 21-26)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


#: A build of at least this many papers collects the process's cyclic garbage before it
#: pauses the collector (see build); a smaller one freezes what is there as it is (what it
#: leaves goes to the oldest generation when the build ends, as what it froze does).
COLLECT_FROM = 1_000

#: A fresh build of at least this many papers COPYs its build state before the graph step
#: instead of beside it (see build): the overlap's child process would lift a 100,000-paper
#: build's peak over 2.5 GB.
STATE_ALONE_FROM = 50_000


#: The node tables a fresh build COPYs during its citation step (build's EarlyTables): whole
#: once the graph is made (the citation step reads them, never writes them).
EARLY_LABELS = frozenset(S.ENTITY_LABELS)


#: A file that each step's end is appended to, as "step unix-time" (bench/bench_build.py sets
#: it to tell its memory samples apart by step); unset, nothing is written.
MARKS_ENV = "PAPERKG_STEP_MARKS"


def _mark(step: str) -> None:
    """Note the end of a build step in the MARKS_ENV file, when that is set (bench hook)."""
    path = os.environ.get(MARKS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{step} {time.time():.3f}\n")


def _return_free_memory() -> None:
    """Hand the C allocator's free memory back to the system (glibc's malloc_trim; nothing
    elsewhere): the store engine's COPY threads allocate from their own heaps and could not
    reuse what the freed graph and citation indexes left in this thread's (at 20,000 papers:
    the store step's peak 936 -> 886 MB)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


#: Whether an update may assemble and write only what its new papers touch
#: (graph/registry_store.py); False (or PAPERKG_QUICK_UPDATES=0, for benches): every update
#: takes the whole path.
QUICK_UPDATES = os.environ.get("PAPERKG_QUICK_UPDATES", "1") != "0"


def _quick(path: Path, papers, sources, old_papers, hashes, previous, progress, seconds,
           **kw) -> Any:
    """registry_store.quick_update, with the build's progress bar and the collector paused
    (not collected and frozen first: with the collector off throughout, freezing spares no
    walk, and the collection took 0.17 CPU s at 100,000 papers for little garbage)."""
    from paperkg.graph.registry_store import quick_update

    with _collector_paused():
        if progress is not None:
            with progress("extracting", len(papers)) as advance:
                return quick_update(path, papers, sources, old_papers, hashes, previous,
                                    progress=advance, seconds=seconds, **kw)
        return quick_update(path, papers, sources, old_papers, hashes, previous,
                            seconds=seconds, **kw)


#: A fresh build with workers whose listing files hold at least this many bytes (about 700
#: papers as JSON Lines) starts the workers' fork server before it reads them.
EARLY_FORK_SERVER_BYTES = 1_000_000


def _input_bytes(paths: Sequence[str | os.PathLike]) -> int:
    """The size of the given paths that are files (folders and the rest count nothing)."""
    total = 0
    for p in paths:
        try:
            st = os.stat(p)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode):
            total += st.st_size
    return total


@holds_writer_lock
def build(paths: Sequence[str | os.PathLike], db: str | os.PathLike | None = None,
          workers: int = 1, rebuild: bool = False, neo4j: Any = None,
          progress: Callable[[str, int | None], Any] | None = None,
          min_citation_confidence: float | None = None, fast: bool = False,
          engine: str = "local", scheduler: str | None = None) -> BuildReport:
    """Read listings, extract, and write the graph to the embedded store (and Neo4j if given).

    An existing store is kept and updated: its papers are merged with the new ones, only new
    or changed papers are extracted (the others reuse the extraction the store keeps), the
    graph of the union is assembled, and it replaces the store in one atomic swap. The result
    is the same graph as a fresh build of all the listings together.
    """
    from paperkg.graph.ladybug_delta import update_store
    from paperkg.graph.ladybug_store import (
        connect,
        db_path,
        discard_tables,
        replace_tables,
        start_fresh,
        stats,
        store_tables,
    )

    t0 = time.perf_counter()
    path = db_path(db)
    if workers > 1 and engine == "local" and (rebuild or not path.exists()) and \
            _input_bytes(paths) >= EARLY_FORK_SERVER_BYTES:
        from paperkg.extractors.workers import start_fork_server

        start_fork_server()  # it gets ready on the core the reading leaves idle
    result = read_listings(paths)
    t_read = time.perf_counter()
    papers, sources = result.papers, result.sources
    new_count = len(papers)
    hashes: dict[str, str] = {}
    old = None
    seconds = {"read": round(t_read - t0, 3)}
    _mark("read")
    previous = None  # an update's stored inferred citations (see _merge_with_store)
    texts = None  # an update's stored abstracts, read when asked for (graph/stored_text.py)
    if path.exists() and not rebuild:
        quick_ok = QUICK_UPDATES and neo4j is None
        # the new papers extracted in a second process while this one reads the store
        ahead = Ahead(papers, fast) if (quick_ok and workers > 1 and engine == "local"
                                        and 0 < len(papers) <= AHEAD_MAX) else None
        # one opening for the stored papers and, when the update assembles only what its
        # papers touch, for its reads and its write too (registry_store.quick_update: the
        # write begins while the citations are made, so the store is opened for writing)
        reading = contextlib.ExitStack()
        try:
            conn = reading.enter_context(connect(path, read_only=not quick_ok))
            if quick_ok:  # the stored abstracts read when asked for (graph/stored_text.py)
                from paperkg.graph.stored_text import StoredTexts

                texts = StoredTexts(conn.database)
                texts.start()  # the column read beside the stored papers' read
                reading.callback(texts.ready)  # (done before the store is closed)
            with _collector_paused():
                papers, sources, new_count, retired, previous, old_papers, recited = \
                    _merge_with_store(result, conn, hashes, texts)
            if min_citation_confidence is not None:  # stored edges: the default threshold's
                previous = None
            old = path
            seconds["read_store"] = round(time.perf_counter() - t_read, 3)
            quick = None
            if quick_ok and not retired and previous is not None:
                quick = _quick(path, papers, sources, old_papers, hashes, previous, progress,
                               seconds, workers=workers, fast=fast, engine=engine,
                               scheduler=scheduler, recited=recited, ahead=ahead,
                               reader=(conn, reading.close))
            if quick is not None and ends_by_exit():  # written: the engine left to the exit
                keep(reading.pop_all())
        finally:
            reading.close()
            if ahead is not None:
                ahead.close()
            # what the paused blocks froze goes to the oldest generation, which only a full
            # collection walks (a declined update collects and freezes below)
            gc.unfreeze()
        if quick is None and texts is not None:  # the whole path: every abstract, read now
            from paperkg.graph.stored_text import resolved

            if texts.column is not None:
                resolved(papers)
            else:
                with connect(path) as conn:
                    texts.database, texts.fetch = None, lambda ids: texts.read(ids, conn)
                    resolved(papers)
            texts = None
        if quick is not None:
            cites, extracted, delta = quick
            stored = delta.stats or stats(path)
            report = BuildReport(
                db=str(path), mode="upsert", read=result.summary(),
                skipped=result.skipped, new_papers=new_count,
                total_papers=stored["nodes"][S.PAPER], nodes=stored["nodes"],
                relationships=stored["relationships"], citations=cites, neo4j=None,
                extracted=extracted, written=delta.summary(),
                seconds={**seconds, "total": round(time.perf_counter() - t0, 3)})
            keep(locals())  # the papers read and merged: not freed by a process ending now
            return report
        del old_papers
        if recited:
            previous = None
    # What a build holds (papers, extractions, the graph) is many small acyclic objects that
    # live to its end: cyclic collections only walk them again and again, a cost that grows
    # with the collection. The collector is paused for the build and what was read is frozen,
    # after a full collection when the build is large enough for what its reading left to
    # matter (a full collection walks the whole process: 0.08 CPU s in the command, more in
    # a process holding more, against about 0.5 s for a whole 5-paper build).
    if len(papers) >= COLLECT_FROM:
        gc.collect()
    gc.freeze()
    was_enabled = gc.isenabled()
    gc.disable()
    # A fresh build writes the build state into its new store as soon as extraction ends,
    # while it holds little: that COPY takes the engine the most memory of the store step.
    # A large state is COPYed by a child process while this one makes the graph and the
    # citations (on the core the extraction workers left); the store step waits for it.
    # From STATE_ALONE_FROM papers on, the build waits for it before the graph step: there the
    # main process grows by every paper's strings and citation results, and the COPY's child
    # (1.1-1.4 GB at 100,000-200,000 papers, growing about 2 MB per 1,000) beside it adds to
    # the peak: at 99,208 papers all processes together peaked at 2,514 and 2,639 MB in the
    # graph step with the child beside it, against 1,981 MB for f953045 (bench_build, quiet).
    begun: list = []  # ladybug_store.Begun
    alone = len(papers) >= STATE_ALONE_FROM

    def begin(spool: StateSpool) -> Callable[[], None] | None:
        # waited for, its child has the core the build leaves idle: it packs with two threads
        begun.append(start_fresh(path, spool.path, pack=not spool.packed,
                                 threads=2 if alone else 1))
        return waited if alone else None

    def waited() -> None:
        begun[-1].wait()
        _mark("state")

    on_extracted = begin if old is None else None
    # A fresh build into this store alone COPYs its entity nodes and registry tables, whole
    # once the graph is made, into the staged store while it infers citations (EarlyTables).
    # Not from paper_spill.FROM papers on: the engine's memory would add to the citation
    # step's, where a 1,000,000-paper build peaks (5,154 MB, the lead's run at 02a8067).
    early: list = []  # ladybug_store.EarlyTables
    early_ok = old is None and neo4j is None and len(papers) < paper_spill.FROM
    # From paper_spill.FROM papers on, the store step's COPYs run on one engine thread: the
    # engine's working set for a COPY does not grow with the table but with its threads
    # (the Paper table of 298,204 papers, 464 MB: 1,267 MB more with two threads, 755 MB
    # with one; 810 MB for twice the rows), and the step is a 1,000,000-paper build's peak.
    big = len(papers) >= paper_spill.FROM

    def graph_done(g: nx.MultiDiGraph) -> None:
        from paperkg.core.tempfiles import staged_name
        from paperkg.graph.ladybug_store import EarlyTables, graph_tables

        staged = begun[0].wait()  # a child writing the state beside the graph step: done
        spill = staged_name(path)
        spill.unlink()
        tables = [*graph_tables(g, spill, only=EARLY_LABELS), *registry]
        registry.clear()
        if edges is not None and PAPERS_EARLY:
            tables.extend(_early_paper_tables(g, edges, path, counters_at))
            papers_early.append(True)
        early.append(EarlyTables(staged, tables, path))
    # the Paper nodes' counters as EarlyTables COPYed them, by node key, once they did
    # (PAPERS_EARLY: papers_early holds True)
    counters_at: dict[str, tuple] = {}
    papers_early: list = []
    registry: list = []  # the registry tables the store keeps (graph/registry_store.py)
    # A fresh build that writes only this store keeps the edges from papers to entities out
    # of its graph (most of its edges): they go to files beside the store as they are made.
    edges = None
    if old is None and neo4j is None:
        from paperkg.core.tempfiles import staged_name
        from paperkg.graph.ladybug_store import EdgeSpill

        edges = EdgeSpill(staged_name(path))
        edges.spill.unlink()
    try:
        # A fresh build into this store alone lets assemble take the papers: they go once the
        # graph holds what the later steps read of them.
        read_summary = result.summary()
        consume = edges is not None and papers is result.papers
        if progress is not None:
            with progress("extracting", len(papers)) as advance:
                g, cites, spool, extracted = assemble(
                    papers, sources, workers=workers, progress=advance, hashes=hashes,
                    old=old, seconds=seconds, min_citation_confidence=min_citation_confidence,
                    fast=fast, engine=engine, scheduler=scheduler, store=path,
                    on_extracted=on_extracted, previous=previous, registry=registry,
                    edges=edges, consume=consume, packed=old is not None,
                    on_graph=graph_done if early_ok else None)
        else:
            g, cites, spool, extracted = assemble(
                papers, sources, workers=workers, hashes=hashes, old=old, seconds=seconds,
                min_citation_confidence=min_citation_confidence, fast=fast, engine=engine,
                scheduler=scheduler, store=path, on_extracted=on_extracted, previous=previous,
                registry=registry, edges=edges, consume=consume, packed=old is not None,
                on_graph=graph_done if early_ok else None)
        del hashes, papers, previous
        result.papers = []  # the graph holds what the store needs of them
        t_extract = time.perf_counter()
        tables: list = []
        counted: dict = {}  # the stats of a store written whole (replace_tables counts them)
        try:
            # An update writes only what differs from the store; a fresh build, or an
            # update that changes most of the graph, writes the store whole.
            delta = (update_store(g, path, spool.path, extra=registry) if old is not None
                     else None)
            if delta is not None:
                mode = "upsert"
            else:
                # g's tables as Arrow, then g is released (unless Neo4j still loads it), so
                # that the engine's COPYs run without the graph in memory. assemble set every
                # node's stored counters (set_counters): none are looked for again.
                # the tables EarlyTables did not COPY: with the papers' tables early, the
                # CITES table alone, and the Paper counters the citation step changed
                tables, existed = store_tables(
                    g, path, keep=not rebuild, edges=edges,
                    without=S.NODE_TYPES if papers_early else EARLY_LABELS if early else (),
                    counted=True, rels=(S.CITES,) if papers_early else None)
                changed = _changed_counters(g, counters_at)
                counters_at.clear()
                _mark("tables")  # the graph's tables written; the engine's COPYs follow
                tables.extend(registry)
                registry.clear()
                if neo4j is None:
                    g.clear()
                    _return_free_memory()
                for e in early:
                    e.join()
                mode = replace_tables(tables, path, spool.path, existed,
                                      begun=begun[0].wait() if begun else None,
                                      threads=1 if big else 0, counts=counted,
                                      paper_counters=changed)
        finally:
            spool.remove()
            discard_tables(tables)  # spilled files a failed write left (none once copied)
        seconds["store"] = round(time.perf_counter() - t_extract, 3)
        _mark("store")
    finally:
        for e in early:  # its thread writes into the staged store: done before it goes
            with contextlib.suppress(Exception):
                e.join()
        for b in begun:  # gone once it replaced the store; left by a failed build
            b.discard()
        if edges is not None:
            edges.discard()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
    t_store = time.perf_counter()
    neo = None
    if neo4j is not None:
        from paperkg.graph.neo4j_store import load_neo4j

        try:
            loaded = load_neo4j(g, neo4j)
        except UserError as exc:
            raise UserError(f"{exc} (the embedded store {path} was written; retry the Neo4j "
                            "part with `paperkg load neo4j`)") from None
        neo = {"summary": loaded.summary(), **asdict(loaded)}
    stored = counted or stats(path)  # the store written whole: counted as it was written
    return BuildReport(
        db=str(path), mode=mode, read=read_summary, skipped=result.skipped,
        new_papers=new_count, total_papers=stored["nodes"][S.PAPER],
        nodes=stored["nodes"], relationships=stored["relationships"],
        citations=cites, neo4j=neo, extracted=extracted,
        written=delta.summary() if delta is not None else None,
        seconds={**seconds, "total": round(t_store - t0, 3)},
    )
