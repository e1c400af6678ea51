"""The embedded default store: LadybugDB (Cypher, one file, no server), driven by the schema.

Writes never touch the live file: a new store is built (COPY from Arrow) or an existing one is
copied and upserted (MERGE with explicit SETs) in a temporary file beside it, which then replaces
the live file in one rename. A failure leaves the previous store as it was.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import sys
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paperkg.core.config import default_db
from paperkg.core.errors import UserError
from paperkg.core.packed import unpacked, unpacked_list
from paperkg.core.records import Paper, SourceFile, SourceRef
from paperkg.graph import schema as S

if TYPE_CHECKING:  # only in annotations: the state's writer child never imports networkx
    import networkx as nx

#: Relationship types derived from a paper's text: replaced whenever the paper is rebuilt.
DERIVED_RELS = (S.INTRODUCES, S.USES, S.EVALUATED_ON, S.REPORTS, S.ADDRESSES, S.HAS_CODE,
                S.HAS_LINK, S.LISTED_IN)
_BATCH = 5000


# ---------------------------------------------------------------------------------------------
# Schema DDL


def ddl() -> list[str]:
    """CREATE statements for every node and relationship table of the schema."""
    out = []
    for nt in S.NODE_TYPES.values():
        cols = ", ".join(
            f"{p.name} {p.type}{' PRIMARY KEY' if p.name == nt.key else ''}" for p in nt.props)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {nt.label}({cols})")
    for rt in S.REL_TYPES.values():
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rt.pairs)
        props = "".join(f", {p.name} {p.type}" for p in S.stored_props(rt.type))
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rt.type}({pairs}{props})")
    cols = ", ".join(f"{p.name} {p.type}{' PRIMARY KEY' if p.name == 'id' else ''}"
                     for p in S.EDGE_TEXT_PROPS)
    out.append(f"CREATE NODE TABLE IF NOT EXISTS {S.EDGE_TEXT}({cols})")
    cols = ", ".join(f"{p.name} {p.type}{' PRIMARY KEY' if p.name == 'id' else ''}"
                     for p in S.STATE_PROPS)
    out.append(f"CREATE NODE TABLE IF NOT EXISTS {S.STATE}({cols})")
    for table, props in S.REGISTRY_TABLES.items():  # graph/registry_store.py
        cols = ", ".join(f"{p.name} {p.type}{' PRIMARY KEY' if p.name == 'id' else ''}"
                         for p in props)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {table}({cols})")
    return out


# ---------------------------------------------------------------------------------------------
# Connections


def db_path(db: str | os.PathLike | None) -> Path:
    """The store path to use (argument, $PAPERKG_DB, or ./paperkg.lbug)."""
    return Path(db if db else default_db())


#: Seconds a read waits for the writer of a store whose checkpoint is pending (an update's
#: last seconds: the engine refuses read-only opens from the checkpoint's start to its end)
#: before it gives up.
CHECKPOINT_WAIT = 120.0


#: Read-only opens of a store smaller than this get a buffer pool sized to the store
#: (`read_pool`); larger stores, and every write, keep the engine's default.
SMALL_READ_STORE = 256 << 20
#: The buffer pool of a read-only open of a small store: this many times the store's size,
#: and at least READ_POOL_FLOOR.
READ_POOL_PER_BYTE = 16
READ_POOL_FLOOR = 1 << 30


def read_pool(path: Path) -> int:
    """The buffer pool (bytes) for a read-only open of the store at path; 0 is the engine's default.

    The engine's default pool is 80% of the machine's memory, and making it costs every open
    CPU in proportion (the pool's frame table is allocated and zeroed: 0.03-0.04 CPU s an open
    on a 23 GB machine against 0.006 for 1 GiB, docs/testing.md's fiftieth pass). A read never
    grows the store, so a store under SMALL_READ_STORE is read with 16 times its size and at
    least 1 GiB, never more than the default; the answers are the same.
    """
    try:
        size = path.stat().st_size
        default = int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * 0.8)
    except (OSError, ValueError, AttributeError):
        return 0
    if size >= SMALL_READ_STORE:
        return 0
    pool = max(READ_POOL_FLOOR, READ_POOL_PER_BYTE * size)
    return pool if pool < default else 0


def _open(path: Path, read_only: bool, recovered: bool = False, threads: int = 0):
    """A ladybug Database, with failures turned into one clear line.

    A store with a pending checkpoint cannot be opened read-only. Either a paperkg writer is
    folding its update into the file right now (an update's checkpoint, seconds): the read
    waits for that writer (up to CHECKPOINT_WAIT) and then reads the updated store; or no
    writer is active (a writer killed mid-checkpoint, or a CHECKPOINT run by another tool):
    the store is opened read-write once, which lets the engine finish its recovery, and read.
    """
    import ladybug

    pool = read_pool(path) if read_only else 0
    try:
        return ladybug.Database(str(path), read_only=read_only, max_num_threads=threads,
                                buffer_pool_size=pool)
    except Exception as exc:  # noqa: BLE001 - ladybug raises RuntimeError for everything
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if read_only and not recovered and "recovery is pending" in msg:
            with writer_lock(path, wait=CHECKPOINT_WAIT):
                if _pending(path, threads):  # no writer finished it: the engine recovers it
                    ladybug.Database(str(path), read_only=False).close()
            return _open(path, read_only, recovered=True, threads=threads)
        raise UserError(f"cannot open store {path}: {msg}") from None


def _pending(path: Path, threads: int) -> bool:
    """Whether the store still cannot be opened read-only for a pending checkpoint."""
    import ladybug

    try:
        ladybug.Database(str(path), read_only=True, max_num_threads=threads,
                         buffer_pool_size=read_pool(path)).close()
    except Exception as exc:  # noqa: BLE001 - ladybug raises RuntimeError for everything
        return "recovery is pending" in str(exc)
    return False


@contextmanager
def connect(db: str | os.PathLike | None = None, read_only: bool = True):
    """A connection to an existing store (read-only by default)."""
    import ladybug

    path = db_path(db)
    if not path.exists():
        raise UserError(f"no store at {path}: run `paperkg build PATH...` first (or pass --db)")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a paperkg store")
    database = _open(path, read_only)
    conn = ladybug.Connection(database)
    try:
        yield conn
    finally:
        conn.close()
        database.close()


def _execute(conn, cypher: str, params: dict | None = None):
    """Run one statement; errors become UserError with the engine's first line."""
    try:
        return conn.execute(cypher, params or {})
    except RuntimeError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else "query failed"
        raise UserError(f"query failed: {msg}") from None


def query(cypher: str, params: dict | None = None, db: str | os.PathLike | None = None,
          write: bool = False) -> tuple[list[str], list[list[Any]]]:
    """Run Cypher (with parameters) on the embedded store; returns (columns, rows).

    Without write, the query must pass the read-only allow-list (cypher/readonly.py) before the
    engine sees it, and the store is opened read-only. Every $parameter the query names must be
    in params (the engine would read a missing one as null); columns are named as the RETURN
    clause writes them.
    """
    from paperkg.cypher.library import side_props
    from paperkg.cypher.readonly import check_parameters, check_read_only, return_names

    if not write:
        check_read_only(cypher)
    check_parameters(cypher, params or {})
    with connect(db, read_only=not write) as conn:
        # a read of a relationship's side properties reads them where the store keeps them
        res = _execute(conn, cypher if write else side_props(cypher), params)
        if isinstance(res, list):  # several statements: the last one's result
            res = res[-1]
        columns = list(res.get_column_names())
        names = return_names(cypher)  # as written: count(p), not the engine's COUNT(p._ID)
        if names and len(names) == len(columns):
            columns = names
        rows = [list(r) for r in res.get_all()]
        fill_side(conn, rows)
        return columns, rows


def stats(db: str | os.PathLike | None = None) -> dict[str, dict[str, int]]:
    """Number of nodes by label and relationships by type in the store."""
    with connect(db) as conn:
        return stats_in(conn)


def stats_in(conn) -> dict[str, dict[str, int]]:
    """stats on an open connection."""
    out: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    for label in S.NODE_TYPES:
        res = _execute(conn, f"MATCH (n:{label}) RETURN count(n)")
        out["nodes"][label] = int(res.get_all()[0][0])
    for rel in S.REL_TYPES:
        res = _execute(conn, f"MATCH ()-[r:{rel}]->() RETURN count(r)")
        out["relationships"][rel] = int(res.get_all()[0][0])
    return out


# ---------------------------------------------------------------------------------------------
# Writing


def _arrow_type(t: str):
    import pyarrow as pa

    return {S.STRING: pa.string(), S.INT: pa.int64(), S.FLOAT: pa.float64(),
            S.BOOL: pa.bool_(), S.STRING_LIST: pa.list_(pa.string())}[t]


def _coerce(value: Any, t: str) -> Any:
    """A value of the property's type (or None)."""
    if value is None:
        return [] if t == S.STRING_LIST else None
    if t == S.STRING_LIST:  # a large build's author names are held core.packed
        return [str(v) for v in unpacked_list(value)]
    if t == S.INT:
        return int(value)
    if t == S.FLOAT:
        return float(value)
    if t == S.BOOL:
        return bool(value)
    if isinstance(value, bytes):  # a text held core.packed (a large build's abstracts)
        return unpacked(value)
    return str(value)


def node_rows(g: nx.MultiDiGraph, label: str) -> list[dict]:
    """Rows of one node table, typed by the schema."""
    return all_node_rows(g).get(label, [])


def rel_rows(g: nx.MultiDiGraph, rel: str) -> dict[tuple[str, str], list[dict]]:
    """Rows of one relationship table, grouped by (from label, to label)."""
    return all_rel_rows(g).get(rel, {})


def all_node_rows(g: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows of every node table (label -> rows, typed by the schema), in one pass over g."""
    out: dict[str, list[dict]] = {}
    for _, d in g.nodes(data=True):
        nt = S.NODE_TYPES.get(d.get("label"))
        if nt is not None:
            out.setdefault(nt.label, []).append(
                {p.name: _coerce(d.get(p.name), p.type) for p in nt.props})
    return out


def all_rel_rows(g: nx.MultiDiGraph) -> dict[str, dict[tuple[str, str], list[dict]]]:
    """Rows of every relationship table (type -> (from label, to label) -> rows), in one pass
    over g."""
    out: dict[str, dict[tuple[str, str], list[dict]]] = {}
    for u, v, d in g.edges(data=True):
        rel = d.get("type")
        rt = S.REL_TYPES.get(rel)
        if rt is None:
            continue
        ul, uid = S.split_key(u)
        vl, vid = S.split_key(v)
        if (ul, vl) not in rt.pairs:
            raise ValueError(f"{rel} cannot join {ul} to {vl}")
        row = {"from": uid, "to": vid}
        row.update({p.name: _coerce(d.get(p.name), p.type) for p in rt.props})
        out.setdefault(rel, {}).setdefault((ul, vl), []).append(row)
    return out


def _copy_rows(conn, table: str, rows: list[dict], columns: Sequence[tuple[str, str]],
               pair: tuple[str, str] | None = None) -> None:
    """COPY rows into a table from an Arrow table."""
    import pyarrow as pa

    if not rows:
        return
    arrays = {name: pa.array([r[name] for r in rows], type=_arrow_type(t)) for name, t in columns}
    _copy_arrow(conn, table, pa.table(arrays), pair)


def _copy_arrow(conn, table: str, tbl, pair: tuple[str, str] | None = None) -> None:
    """COPY an Arrow table with the schema's columns into a table (a relationship table:
    between the labels of `pair`; its side properties go to EDGE_TEXT, `split_side`)."""
    if pair is not None:
        tbl = split_side(conn, table, tbl)
    opts = f" (from='{pair[0]}', to='{pair[1]}')" if pair else ""
    conn.execute(f"COPY {table} FROM tbl{opts}")


# ---------------------------------------------------------------------------------------------
# Relationship text beside the relationship tables (schema.SIDE_PROPS): written once, with a
# new id, whenever a relationship is written; never changed. A relationship deleted leaves its
# row (no relationship points to it any more; a fresh build writes only those that do).


def next_text_ref(conn) -> int:
    """The first EDGE_TEXT id not used yet."""
    ((top,),) = conn.execute(f"MATCH (t:{S.EDGE_TEXT}) RETURN max(t.id)").get_all()
    return 0 if top is None else int(top) + 1


def split_side(conn, rel: str, tbl):
    """An Arrow table of a relationship type's rows with the schema's columns (from, to, its
    properties) as the store's table holds them: the side properties COPYed into EDGE_TEXT
    under new ids, replaced by TEXT_REF (the table as it is for a type without any)."""
    import pyarrow as pa

    side = S.side_props(rel)
    if not side or not tbl.num_rows:
        return tbl
    start = next_text_ref(conn)
    refs = pa.array(range(start, start + tbl.num_rows), pa.int64())
    text = pa.table({"id": refs, **{n: tbl.column(n) if n in side else
                                    pa.nulls(tbl.num_rows, pa.string()) for n in S.SIDE_PROPS}})
    conn.execute(f"COPY {S.EDGE_TEXT} FROM text")
    del text
    return tbl.drop_columns(list(side)).append_column(S.TEXT_REF, refs)


def side_rows(conn, rel: str, rows: list[dict]) -> list[dict]:
    """Rows (dicts of from, to and the schema's properties) of a relationship type as the
    store's table holds them: their side properties created in EDGE_TEXT under new ids, each
    row given its TEXT_REF instead (the rows as they are for a type without any)."""
    side = S.side_props(rel)
    if not side or not rows:
        return rows
    start = next_text_ref(conn)
    texts = [{"id": start + i, **{n: r.get(n) for n in S.SIDE_PROPS}}
             for i, r in enumerate(rows)]
    props = ", ".join(f"{p.name}: {_val(p)}" for p in S.EDGE_TEXT_PROPS)
    for batch in _batches(texts):
        conn.execute(f"UNWIND $rows AS r CREATE (t:{S.EDGE_TEXT} {{{props}}})", {"rows": batch})
    return [{**{k: v for k, v in r.items() if k not in side}, S.TEXT_REF: start + i}
            for i, r in enumerate(rows)]


def edge_texts(conn, refs: Iterable[int | None] | None = None
               ) -> dict[int, tuple[str | None, ...]]:
    """EDGE_TEXT rows by id (values in SIDE_PROPS order): those of `refs` (None: all). More
    refs than a batch that fill much of their range are read by one range scan, the rest by
    key (the engine reads a range by scanning the whole table: 70-350 ms at 100,000 papers)."""
    from paperkg.graph.ladybug_delta import _stored

    ret = ", ".join(f"t.{p.name}" for p in S.EDGE_TEXT_PROPS)
    if refs is None:
        rows = _stored(conn.execute(f"MATCH (t:{S.EDGE_TEXT}) RETURN {ret}"))
        return {i: tuple(v) for i, *v in rows}
    want = sorted({r for r in refs if r is not None})
    if not want:
        return {}
    out: dict[int, tuple[str | None, ...]] = {}
    if len(want) > _BATCH and len(want) * 8 >= want[-1] - want[0] + 1:
        rows = _stored(conn.execute(f"MATCH (t:{S.EDGE_TEXT}) WHERE t.id >= $lo AND "
                                    f"t.id <= $hi RETURN {ret}", {"lo": want[0], "hi": want[-1]}))
        return {i: tuple(v) for i, *v in rows}
    for i in range(0, len(want), _BATCH):
        rows = _stored(conn.execute(f"UNWIND $ids AS i MATCH (t:{S.EDGE_TEXT} {{id: i}}) "
                                    f"RETURN {ret}", {"ids": want[i:i + _BATCH]}))
        out.update((i, tuple(v)) for i, *v in rows)
    return out


@dataclass
class SideTexts:
    """Every EDGE_TEXT row, read by one scan, looked up by id with array operations."""

    lo: int  # the smallest id
    at: Any  # numpy: the row of id lo + i in table, -1 for an id not stored
    table: Any  # pyarrow.Table: the SIDE_PROPS columns

    def columns(self, refs) -> dict:
        """The side properties of relationships as Arrow arrays aligned with `refs` (an Arrow
        array of their TEXT_REFs; a null or unknown ref gives nulls): SIDE_PROPS name -> array."""
        import numpy as np
        import pyarrow as pa

        refs = refs.combine_chunks() if isinstance(refs, pa.ChunkedArray) else refs
        ids = refs.fill_null(self.lo - 1).to_numpy().astype(np.int64) - self.lo
        inside = (ids >= 0) & (ids < len(self.at))
        rows = np.where(inside, self.at[np.clip(ids, 0, max(len(self.at) - 1, 0))], -1) \
            if len(self.at) else np.full(len(ids), -1, np.int64)
        take = pa.array(rows, pa.int64(), mask=rows < 0)
        return {n: self.table.column(n).take(take) for n in S.SIDE_PROPS}


def side_texts(conn) -> SideTexts:
    """The whole EDGE_TEXT table for `SideTexts.columns`: one scan instead of a read per
    relationship table (each of those scanned the table's ids again)."""
    import numpy as np
    import pyarrow as pa

    ret = ", ".join(f"t.{p.name}" for p in S.EDGE_TEXT_PROPS)
    tbl = conn.execute(f"MATCH (t:{S.EDGE_TEXT}) RETURN {ret}").get_as_arrow()
    ids = tbl.column(0).combine_chunks().to_numpy(zero_copy_only=False).astype(np.int64) \
        if tbl.num_rows else np.empty(0, np.int64)
    lo = int(ids.min()) if len(ids) else 0
    at = np.full(int(ids.max()) - lo + 1 if len(ids) else 0, -1, np.int64)
    at[ids - lo] = np.arange(len(ids))
    # the text columns stay in the engine's chunks: `take` reads across them without the copy
    # that combining them makes (some 120 MB at 100,000 papers)
    cols = [tbl.column(i + 1) if tbl.num_rows else pa.chunked_array([], pa.string())
            for i in range(len(S.SIDE_PROPS))]
    return SideTexts(lo, at, pa.Table.from_arrays(cols, names=list(S.SIDE_PROPS)))


def nested_dicts(v: Any) -> Iterator[dict]:
    """Every dict inside a value the engine returned (rows, lists, nested dicts), depth first."""
    if isinstance(v, dict):
        yield v
        for x in v.values():
            yield from nested_dicts(x)
    elif isinstance(v, list | tuple):
        for x in v:
            yield from nested_dicts(x)


def fill_side(conn, values: Iterable[Any]) -> None:
    """Give the relationship dicts the engine returned among `values` (every dict inside,
    `_SRC` marks a relationship) their side properties from EDGE_TEXT in place of TEXT_REF."""
    # a relationship of several types holds the union of their properties: only a type with
    # side properties takes them (a CITES keeps its own evidence; its text_ref is null)
    sided = list({id(d): d for d in nested_dicts(list(values))
                  if "_SRC" in d and S.side_props(d.get("_LABEL"))}.values())
    if not sided:
        return
    texts = edge_texts(conn, (d.get(S.TEXT_REF) for d in sided))
    none = (None,) * len(S.SIDE_PROPS)
    for d in sided:
        d.update(zip(S.SIDE_PROPS, texts.get(d.pop(S.TEXT_REF, None), none), strict=True))


def logical_rows(conn, rel: str, rows: list[tuple], ends: int = 2,
                 texts: dict[int, tuple] | None = None) -> list[tuple]:
    """Relationship rows read as the store holds them (`ends` leading values, then the
    type's stored_props) with the schema's properties in their place: the side properties
    from EDGE_TEXT (read for the rows' refs unless `texts` holds them already)."""
    side = S.side_props(rel)
    if not side or not rows:
        return rows
    stored = [p.name for p in S.stored_props(rel)]
    at = ends + stored.index(S.TEXT_REF)
    if texts is None:
        texts = edge_texts(conn, (r[at] for r in rows))
    where = [(ends + stored.index(p.name), None) if p.name not in side
             else (None, S.SIDE_PROPS.index(p.name)) for p in S.REL_TYPES[rel].props]
    none = (None,) * len(S.SIDE_PROPS)
    out = []
    for r in rows:
        text = texts.get(r[at], none)
        out.append((*r[:ends], *(r[i] if i is not None else text[j] for i, j in where)))
    return out


def _copy_file(conn, table: str, path: Path, pair: tuple[str, str] | None = None) -> None:
    """COPY a table (a relationship table: between the labels of `pair`) from a Parquet file
    (read by the engine, not through Python)."""
    import pyarrow.parquet as pq

    if pair is not None and S.side_props(table):  # split in this process (split_side)
        if pq.ParquetFile(path).metadata.num_rows:
            _copy_arrow(conn, table, pq.read_table(path), pair)
        return
    _copy_parquet(conn, table, path, pair)


def _copy_parquet(conn, table: str, path: Path, pair: tuple[str, str] | None = None) -> None:
    """COPY a Parquet file's rows as they are, read by the engine (through Arrow only when
    the path cannot be quoted in the statement)."""
    import pyarrow.parquet as pq

    opts = f" (from='{pair[0]}', to='{pair[1]}')" if pair else ""
    if "'" in str(path) or "\\" in str(path):  # not safe inside the statement's quotes
        tbl = pq.read_table(path)  # noqa: F841 - referenced by name in the COPY statement
        conn.execute(f"COPY {table} FROM tbl{opts}")
    elif pq.ParquetFile(path).metadata.num_rows:
        conn.execute(f"COPY {table} FROM '{path}'{opts}")


_CHUNK = 65536  # rows gathered per column before they become one Arrow array
# The Paper table's spilled file is written in row groups of this many rows: the engine's COPY
# of it takes less memory the smaller they are (297,624 papers, one engine thread: 602 MB over
# the process's start against 697 MB with _CHUNK, and 8.2 against 8.5-9.0 CPU s), and the
# Paper COPY is the largest of a large build's store step.
_PAPER_CHUNK = 8192
_REOPEN_BYTES = 32 << 20  # Arrow bytes copied before the engine is closed and opened again
_COMMIT_BYTES = 1 << 20  # table bytes COPYed in one transaction before it is committed


class _Columns:
    """One table's values, gathered row by row and turned into Arrow arrays column by column
    every _CHUNK rows (no row dicts: a value is kept once, by reference, until its chunk is
    made). With `path`, each chunk is written to that Parquet file as it is made instead of
    kept."""

    def __init__(self, columns: Sequence[tuple[str, str]], path: Path | None = None,
                 chunk: int = 0):
        self.chunk = chunk or _CHUNK
        self.columns = list(columns)
        self._types = [(t, _PY_TYPES.get(t)) for _, t in self.columns]
        self._rows: list[tuple] = []
        self._chunks: list[list] = [[] for _ in self.columns]
        self.path = path
        self._writer = None

    def add(self, values: Iterable[Any]) -> None:
        """Append one row (values in column order), typed as `_coerce` types them when its
        chunk is made (a tuple a row: typing each value as it came cost a Python loop over
        the columns of every row, about a third of the spill's time)."""
        rows = self._rows
        rows.append(tuple(values))
        if len(rows) >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        rows, self._rows = self._rows, []
        arrays = []
        # strict: every row has as many values as the first (and as there are columns)
        for col, (t, py) in zip(zip(*rows, strict=True) if rows else [()] * len(self.columns),
                                self._types, strict=True):
            # a column whose values all have their type already (or are None, which
            # _coerce keeps as None but for lists) goes to Arrow as it is
            if py is None or not set(map(type, col)) <= {py, type(None)}:
                col = [v if py is not None and type(v) is py else _coerce(v, t) for v in col]
            arrays.append(pa.array(col, type=_arrow_type(t)))
        del rows
        if self.path is None:
            for chunks, a in zip(self._chunks, arrays, strict=True):
                chunks.append(a)
            return
        if self._writer is None:
            import pyarrow.parquet as pq

            schema = pa.schema([(n, _arrow_type(t)) for n, t in self.columns])
            self._writer = pq.ParquetWriter(self.path, schema, compression="none")
        if len(arrays[0]):
            self._writer.write_table(pa.table(
                {n: a for (n, _), a in zip(self.columns, arrays, strict=True)}))

    def table(self):
        """The Arrow table of every row added (the gathered values are released), or with
        `path` that Parquet file, finished."""
        import pyarrow as pa

        self._flush()
        if self.path is not None:
            self._writer.close()
            self._writer = None
            return self.path
        arrays = {name: pa.chunked_array(chunks, type=_arrow_type(t))
                  for (name, t), chunks in zip(self.columns, self._chunks, strict=True)}
        self._chunks = [[] for _ in self.columns]
        return pa.table(arrays)


#: Python type of a property value that needs no conversion (lists are always converted).
_PY_TYPES = {S.STRING: str, S.INT: int, S.FLOAT: float, S.BOOL: bool}


def graph_tables(g: nx.MultiDiGraph, spill: Path | None = None,
                 edges: EdgeSpill | None = None, only: Collection[str] | None = None,
                 without: Collection[str] = (), counted: bool = False,
                 rels: Collection[str] | None = None, without_rels: Collection[str] = ()
                 ) -> list[tuple[str, tuple[str, str] | None, Any]]:
    """Every node and relationship table of g as Arrow, in the order a store is loaded: one
    (table, (from label, to label) or None, pyarrow.Table) per node label, then per relationship
    type and label pair (sorted); rows in g's order, typed by the schema. One pass over the
    nodes and one over the edges. Nodes without their stored counters (a graph not made by the
    build) get them first. With `spill` (a staged name), each table goes to a Parquet file
    named after it as its rows are gathered, and the entry holds that file's Path instead of
    a table: no table is ever whole in memory (at 100,000 papers 363 MB of Arrow). With
    `edges`, the relationship types and node labels it holds come from its files, not
    from g. With `only` (node labels), just those node tables, as g holds them (no counters
    are filled, no relationship and no spilled table); `without` leaves those labels' node
    tables out (EarlyTables COPYed them). `counted`: every node of g has its stored counters
    already (the build set them: counters.set_counters), so none are looked for (at 20,000
    papers four passes over the nodes, 0.27 CPU s, that found none). `rels` (relationship
    types; None: all) keeps only those types' tables, g's and `edges`' alike; `without_rels`
    leaves those types' tables out."""
    from paperkg.graph.counters import fill_counters

    if only is None and not counted:
        fill_counters(g)
    made = [0]

    def columns(cols: list[tuple[str, str]], chunk: int = 0) -> _Columns:
        if spill is None:
            return _Columns(cols)
        made[0] += 1
        return _Columns(cols, spill.with_name(f"{spill.name}.t{made[0]:03d}.parquet"), chunk)

    nodes: dict[str, _Columns] = {}
    names: dict[str, tuple[str, ...]] = {}  # label -> its property names, in column order
    for _, d in g.nodes(data=True):
        nt = S.NODE_TYPES.get(d.get("label"))
        if nt is None or nt.label in without or (only is not None and nt.label not in only):
            continue
        cols = nodes.get(nt.label)
        if cols is None:
            cols = nodes[nt.label] = columns([(p.name, p.type) for p in nt.props],
                                             _PAPER_CHUNK if nt.label == S.PAPER else 0)
            names[nt.label] = tuple(p.name for p in nt.props)
        cols.add(map(d.get, names[nt.label]))
    if only is not None:
        return [(label, None, tbl if isinstance(tbl, Path) else tbl.table())
                for label in S.NODE_TYPES if (tbl := nodes.pop(label, None)) is not None]
    spilled: dict[str, Any] = edges.finish_nodes() if edges is not None else {}
    if spilled.keys() & nodes.keys():
        raise ValueError(f"{sorted(spilled.keys() & nodes.keys())} nodes in both the graph "
                         "and the spill")
    nodes.update(spilled)
    out: list[tuple[str, tuple[str, str] | None, Any]] = [
        (label, None, tbl if isinstance(tbl, Path) else tbl.table())
        for label in S.NODE_TYPES if (tbl := nodes.pop(label, None)) is not None]
    made_rels: dict[tuple[str, str, str], Any] = {}
    props: dict[str, tuple[str, ...]] = {}  # relationship -> its property names, in order
    skip = edges.rels if edges is not None else frozenset()
    for u, v, d in g.edges(data=True):
        rt = S.REL_TYPES.get(d.get("type"))
        if rt is None or rt.type in skip or rt.type in without_rels or \
                (rels is not None and rt.type not in rels):
            continue
        (ul, uid), (vl, vid) = S.split_key(u), S.split_key(v)
        cols = made_rels.get((rt.type, ul, vl))
        if cols is None:
            if (ul, vl) not in rt.pairs:
                raise ValueError(f"{rt.type} cannot join {ul} to {vl}")
            cols = made_rels[(rt.type, ul, vl)] = columns(
                [("from", S.STRING), ("to", S.STRING)] + [(p.name, p.type) for p in rt.props])
            props[rt.type] = tuple(p.name for p in rt.props)
        cols.add((uid, vid, *map(d.get, props[rt.type])))
    if edges is not None:
        for key, tbl in edges.finish().items():
            if key[0] in without_rels or (rels is not None and key[0] not in rels):
                raise ValueError(f"{key[0]} rows in the spill, which this call leaves out")
            made_rels[key] = tbl
    for rel in S.REL_TYPES:
        for key in sorted(k for k in made_rels if k[0] == rel):
            tbl = made_rels.pop(key)
            out.append((rel, key[1:], tbl if isinstance(tbl, Path) else tbl.table()))
    return out


class EdgeSpill:
    """A fresh build's edges from papers to entities, kept out of its graph
    (build_graph(..., entity_edges=spill)): each edge's row goes to its relationship table's
    Parquet file (a staged name beside the store) as it is made; the graph gets a paper's
    edges, with their type only, when the citation step first asks for them (`load`, the
    graph's "paperkg.load_edges" hook); the introducers of each entity are counted here
    (`introduced`). At 20,000 papers these edges are 100,000 of 156,000, and about 70 MB of
    the graph's structures besides their strings. It also takes what no later step reads
    from the graph (`row`, `node`: build_graph's `rows`): the LISTED_IN edges and the Result
    nodes with their edges, about half of what the graph held per paper besides."""

    _CHUNK = 8192  # rows a table gathers before they are written

    def __init__(self, spill: Path):
        self.spill = spill
        self.rels: set[str] = set()
        #: node labels whose rows are here, not in the graph
        self.labels: set[str] = set()
        self.introduced: dict[str, int] = {}
        self._tables: dict[tuple[str, str, str], _Columns] = {}
        self._nodes: dict[str, _Columns] = {}
        self._paper: str | None = None
        self._from: tuple[str, str] = ("", "")  # the current paper's label and id
        self._flat: list[str] = []  # the current paper's (entity, type) pairs, flat
        self._edges: dict[str, tuple[str, ...]] = {}  # the earlier papers'
        self._props: dict[str, tuple[str, ...]] = {}  # relationship -> its property names
        self._node_props: dict[str, tuple[str, ...]] = {}  # node label -> its property names
        self.g: nx.MultiDiGraph | None = None

    def __call__(self, paper: str, entity: str, rel: str, values: tuple) -> None:
        """Take one edge (build_graph's entity_edges): its row as `row` writes it (values in
        the type's property order, build.ENTITY_EDGE_PROPS), the paper's label and id split
        once a paper."""
        if paper != self._paper:
            self._close_paper()
            self._paper = paper
            self._from = S.split_key(paper)
        ul, uid = self._from
        vl, _, vid = entity.partition(":")  # S.split_key's, inline
        cols = self._tables.get((rel, ul, vl))
        if cols is None:
            cols = self._table(rel, ul, vl)
        cols.add((uid, vid, *values))
        entity = sys.intern(entity)
        self._flat += (entity, rel)
        if rel == S.INTRODUCES:
            self.introduced[entity] = self.introduced.get(entity, 0) + 1

    def row(self, u: str, v: str, rel: str, attrs: dict) -> None:
        """Write one edge's row (attrs: build.edge_attrs' shape, or the values it is made
        from: a property not there is None); its type is then the spill's alone
        (graph_tables skips it in the graph)."""
        (ul, uid), (vl, vid) = S.split_key(u), S.split_key(v)
        cols = self._tables.get((rel, ul, vl))
        if cols is None:
            cols = self._table(rel, ul, vl)
        cols.add((uid, vid, *map(attrs.get, self._props[rel])))

    def _table(self, rel: str, ul: str, vl: str) -> _Columns:
        """A new relationship table's file (rel from ul to vl nodes)."""
        rt = S.REL_TYPES[rel]
        if (ul, vl) not in rt.pairs:
            raise ValueError(f"{rel} cannot join {ul} to {vl}")
        self.rels.add(rel)
        self._props[rel] = tuple(p.name for p in rt.props)
        name = f"{self.spill.name}.e{len(self._tables):03d}.parquet"
        cols = self._tables[(rel, ul, vl)] = _Columns(
            [("from", S.STRING), ("to", S.STRING)] + [(p.name, p.type) for p in rt.props],
            self.spill.with_name(name), self._CHUNK)
        return cols

    def node(self, attrs: dict) -> None:
        """Write one node's row (attrs: build.node_attrs' shape, with its label); the label
        is then the spill's alone (graph_tables takes its table from here)."""
        nt = S.NODE_TYPES[attrs["label"]]
        cols = self._nodes.get(nt.label)
        if cols is None:
            self.labels.add(nt.label)
            name = f"{self.spill.name}.n{len(self._nodes):03d}.parquet"
            cols = self._nodes[nt.label] = _Columns(
                [(p.name, p.type) for p in nt.props], self.spill.with_name(name), self._CHUNK)
            self._node_props[nt.label] = tuple(p.name for p in nt.props)
        cols.add(map(attrs.get, self._node_props[nt.label]))

    def _close_paper(self) -> None:
        if self._paper is not None and self._flat:
            self._edges[self._paper] = tuple(self._flat)
        self._flat = []

    def attach(self, g: nx.MultiDiGraph) -> None:
        """Let the citation step add a paper's edges to g when it asks for them."""
        self._close_paper()
        self.g = g
        g.graph["paperkg.load_edges"] = self.load

    def load(self, paper: str) -> None:
        """Add the paper's edges to g (their type only; once: they are not kept after)."""
        flat = self._edges.pop(paper, None)
        if flat and self.g is not None:
            for i in range(0, len(flat), 2):
                self.g.add_edge(paper, flat[i], key=flat[i + 1], type=flat[i + 1])

    def detach(self) -> None:
        """Drop the hook and the papers' edges (the citation step is done)."""
        if self.g is not None:
            self.g.graph.pop("paperkg.load_edges", None)
        self.g = None
        self._edges = {}

    def finish(self) -> dict[tuple[str, str, str], Path]:
        """The files written, per (relationship, from label, to label), finished."""
        out = {k: cols.table() for k, cols in self._tables.items()}
        self._tables = {}
        return out

    def finish_nodes(self) -> dict[str, Path]:
        """The node files written, per label, finished."""
        out = {k: cols.table() for k, cols in self._nodes.items()}
        self._nodes = {}
        return out

    def discard(self) -> None:
        """Delete the files (a failed build; graph_tables' entries are removed by
        discard_tables once handed on)."""
        for cols in (*self._tables.values(), *self._nodes.values()):
            if cols._writer is not None:
                cols._writer.close()
                cols._writer = None
            cols.path.unlink(missing_ok=True)
        self._tables, self._nodes = {}, {}


def _copy_tables(writer: _Writer, tables: list) -> None:
    """COPY tables (graph_tables' shape) into an empty store. They are first written to
    Parquet files beside the store (the list is emptied, each table dropped once written) and
    the engine reads those: the COPYs then run without the Arrow tables in this process (at
    20,000 papers the COPYs' peak 1,153-1,166 MB against 993 MB). The engine is closed and
    opened again after every _REOPEN_BYTES of table data, which releases the memory it keeps
    from earlier COPYs (at 20,000 papers: peak 606 MB against 679 MB). Small tables' COPYs
    are committed together, one transaction until _COMMIT_BYTES of table data (_Writer.begin
    and commit): a COPY committed alone waits for the syncs of its own commit (about 9 fsync
    calls), and most of a store's 50 tables are small. Larger transactions hold what they
    copied in the engine's memory until the commit."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files: list[tuple[str, tuple[str, str] | None, Path, int]] = []
    side = _SideTextWriter(writer.path.with_name(f"{writer.path.name}.side.parquet"))
    try:
        while tables:
            table, pair, tbl = tables.pop(0)
            if isinstance(tbl, Path):  # spilled by graph_tables already
                files.append((table, pair, tbl, tbl.stat().st_size))
                continue
            f = writer.path.with_name(f"{writer.path.name}.t{len(files):03d}.parquet")
            pq.write_table(tbl, f, compression="none")
            files.append((table, pair, f, tbl.nbytes))
            del tbl
        pa.default_memory_pool().release_unused()  # else Arrow's allocator keeps it
        copied = uncommitted = 0
        writer.begin()
        for i, (table, pair, f, size) in enumerate(files):
            if pair is not None and S.side_props(table):
                side.copy(writer.conn, table, f, pair)
            else:
                _copy_file(writer.conn, table, f, pair)
            f.unlink()
            copied += size
            uncommitted += size
            if uncommitted >= _COMMIT_BYTES or copied >= _REOPEN_BYTES:
                writer.commit()
                uncommitted = 0
                if copied >= _REOPEN_BYTES and i + 1 < len(files):
                    writer.reopen()
                    copied = 0
                writer.begin()
        side.finish(writer.conn)
        writer.commit()
    finally:
        for _, _, f, _ in files:
            f.unlink(missing_ok=True)
        side.discard()
        discard_tables(tables)


class _SideTextWriter:
    """The side properties of the relationship tables a fresh store is loaded with, gathered
    in one Parquet file under the ids split_side would give them (the same rows, in the same
    order) and COPYed into EDGE_TEXT once at the end: one COPY a relationship table into the
    already filled EDGE_TEXT cost the engine several times more (at 25,000 papers, 144,061
    texts: 16 COPYs 1.9-2.2 CPU s, one 0.57-0.61)."""

    def __init__(self, path: Path):
        self.path = path
        self._writer: Any = None
        self._next: int | None = None

    def copy(self, conn, rel: str, path: Path, pair: tuple[str, str]) -> None:
        """COPY a relationship table's file with its side properties replaced by TEXT_REF,
        the properties written to the file. It is read a batch at a time and its rows
        without those properties go to a second file beside it, which the engine COPYs: the
        table is never whole in this process (at 1,000,000 papers the USES file alone is
        1.6 million rows, 390 MB, which as Arrow beside the engine's COPY of it took the
        store step from 716 to 1,690 MB)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        src = pq.ParquetFile(path)
        if not src.metadata.num_rows:
            return
        side = S.side_props(rel)
        if self._next is None:
            self._next = next_text_ref(conn)
        rows = path.with_name(f"{path.name}.rel.parquet")
        try:
            with pq.ParquetWriter(rows, pa.schema(
                    [f for f in src.schema_arrow if f.name not in side]
                    + [pa.field(S.TEXT_REF, pa.int64())]), compression="none") as out:
                for batch in src.iter_batches(batch_size=_CHUNK):
                    n = batch.num_rows
                    refs = pa.array(range(self._next, self._next + n), pa.int64())
                    self._next += n
                    text = pa.table({"id": refs, **{
                        p: batch.column(p).cast(pa.string()) if p in side else
                        pa.nulls(n, pa.string()) for p in S.SIDE_PROPS}})
                    if self._writer is None:
                        self._writer = pq.ParquetWriter(self.path, text.schema,
                                                        compression="none")
                    self._writer.write_table(text)
                    out.write_table(pa.Table.from_batches([batch]).drop_columns(list(side))
                                    .append_column(S.TEXT_REF, refs))
                    del batch, text, refs
            _copy_parquet(conn, rel, rows, pair)
        finally:
            rows.unlink(missing_ok=True)

    def finish(self, conn) -> None:
        """COPY the gathered texts into EDGE_TEXT."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            _copy_file(conn, S.EDGE_TEXT, self.path)

    def discard(self) -> None:
        """Close and remove the file."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.path.unlink(missing_ok=True)


def discard_tables(tables: list) -> None:
    """Delete the spilled files of store_tables' entries not copied (a failed build)."""
    for _, _, tbl in tables:
        if isinstance(tbl, Path):
            tbl.unlink(missing_ok=True)


def _bulk_load(conn, g: nx.MultiDiGraph) -> None:
    """COPY every node and relationship of g into an empty store, one table at a time
    (graph_tables: only Arrow columns, no Python rows)."""
    for table, pair, tbl in graph_tables(g):
        _copy_arrow(conn, table, tbl, pair)


def _batches(rows: list[dict]) -> Iterable[list[dict]]:
    for i in range(0, len(rows), _BATCH):
        yield rows[i:i + _BATCH]


def _val(prop: S.Prop) -> str:
    """The row field of a property, cast to its type (a batch of nulls binds as STRING)."""
    return f"r.{prop.name}" if prop.type == S.STRING else f"CAST(r.{prop.name} AS {prop.type})"


def _node_merge_query(label: str) -> str:
    """MERGE one node per row; explicit SETs, keeping stored values the new row lacks."""
    nt = S.NODE_TYPES[label]
    sets = []
    for p in nt.props:
        if p.name == nt.key:
            continue
        if p.type == S.STRING_LIST:
            sets.append(f"n.{p.name} = CASE WHEN size({_val(p)}) > 0 THEN {_val(p)} "
                        f"ELSE n.{p.name} END")
        else:
            sets.append(f"n.{p.name} = coalesce({_val(p)}, n.{p.name})")
    create = ", ".join(f"n.{p.name} = {_val(p)}" for p in nt.props if p.name != nt.key)
    return (f"UNWIND $rows AS r MERGE (n:{label} {{{nt.key}: r.{nt.key}}}) "
            f"ON CREATE SET {create} ON MATCH SET {', '.join(sets)}")


def _rel_merge_query(rel: str, pair: tuple[str, str]) -> str:
    """MERGE one relationship per row (CITES: one per source); explicit SETs."""
    ident = " {source: r.source}" if rel == S.CITES else ""
    sets = ", ".join(f"e.{p.name} = {_val(p)}" for p in S.stored_props(rel)
                     if not (ident and p.name == "source"))
    return (f"UNWIND $rows AS r MATCH (a:{pair[0]} {{id: r.from}}) MATCH (b:{pair[1]} "
            f"{{id: r.to}}) MERGE (a)-[e:{rel}{ident}]->(b) ON CREATE SET {sets} "
            f"ON MATCH SET {sets}")


def _upsert(conn, g: nx.MultiDiGraph) -> None:
    """Bring an existing store in line with g: replace what g's papers derive, MERGE the rest."""
    paper_ids = [d["id"] for _, d in g.nodes(data=True) if d.get("label") == S.PAPER]
    for batch in (paper_ids[i:i + _BATCH] for i in range(0, len(paper_ids), _BATCH)):
        for rel in DERIVED_RELS:
            conn.execute(f"MATCH (p:Paper)-[r:{rel}]->() WHERE p.id IN $ids DELETE r",
                         {"ids": batch})
        conn.execute("MATCH (p:Paper)-[r:CITES]->() WHERE p.id IN $ids AND "
                     "r.source = 'inferred' DELETE r", {"ids": batch})
    nodes, rels = all_node_rows(g), all_rel_rows(g)
    for label in S.NODE_TYPES:
        q = _node_merge_query(label)
        for batch in _batches(nodes.get(label, [])):
            conn.execute(q, {"rows": batch})
    for rel in S.REL_TYPES:
        for pair, rows in rels.get(rel, {}).items():
            q = _rel_merge_query(rel, pair)
            for batch in _batches(rows):
                conn.execute(q, {"rows": side_rows(conn, rel, batch)})
    # Nodes no paper names any more (an entity the new extraction no longer finds).
    for label in (*S.ENTITY_LABELS, S.REPOSITORY, S.LINK, S.SOURCE):
        conn.execute(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)--() }} DELETE n")
    _refresh_counts(conn)


def _refresh_counts(conn) -> None:
    """Recompute derived counters (papers naming and introducing each entity, cited-by per
    paper) after an upsert."""
    for label in S.ENTITY_LABELS:
        conn.execute(f"MATCH (n:{label}) OPTIONAL MATCH (p:Paper)-[]->(n) "
                     f"WITH n, count(DISTINCT p) AS c SET n.paper_count = c")
        conn.execute(f"MATCH (n:{label}) OPTIONAL MATCH (p:Paper)-[:{S.INTRODUCES}]->(n) "
                     f"WITH n, count(DISTINCT p) AS c SET n.{S.INTRODUCED_BY} = c")
    refresh_paper_counters(conn)
    refresh_code_counts(conn)


def refresh_paper_counters(conn) -> int:
    """Bring every paper's cited-by counters and published order (graph/counters.py) in line
    with the store's CITES edges and dates, on an open writable connection (a store from before
    them gets the columns); returns how many papers changed."""
    from paperkg.graph.counters import CITED_BY_PROPS, cited_by_rows, published_order

    names = (*CITED_BY_PROPS, S.PUBLISHED_ORDER)
    have = {r[1] for r in _execute(conn, f"CALL TABLE_INFO('{S.PAPER}') RETURN *").get_all()}
    for name in names:
        if name not in have:
            default = "" if name == S.PUBLISHED_ORDER else " DEFAULT 0"
            conn.execute(f"ALTER TABLE {S.PAPER} ADD {name} {S.INT}{default}")
    cols = ", ".join(f"p.{name}" for name in names)
    stored, dates = {}, {}
    for pid, published, *values in _execute(
            conn, f"MATCH (p:Paper) RETURN p.id, p.published, {cols}").get_all():
        stored[pid], dates[pid] = tuple(values), published
    cites = _execute(conn, "MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, b.id, c.source")
    rows = [r for r in ({**r, S.PUBLISHED_ORDER: published_order(dates[r["id"]])}
                        for r in cited_by_rows(cites.get_all(), stored))
            if tuple(r[name] for name in names) != stored[r["id"]]]
    sets = ", ".join(f"p.{name} = r.{name}" for name in names)
    for batch in _batches(rows):
        conn.execute(f"UNWIND $rows AS r MATCH (p:Paper {{id: r.id}}) SET {sets}",
                     {"rows": batch})
    return len(rows)


def refresh_code_counts(conn) -> int:
    """Bring every paper's repository count and every repository's owner counters
    (graph/counters.py) in line with the store's HAS_CODE edges, on an open writable connection
    (a store from before them gets the columns); returns how many nodes changed."""
    from paperkg.graph.counters import code_counts

    found = _execute(conn, f"MATCH (p:{S.PAPER})-[:{S.HAS_CODE}]->(r:{S.REPOSITORY}) "
                           "RETURN p.id, r.id, r.owner").get_all()
    per_paper, per_owner = code_counts(found)
    changed = 0
    for label, names, value in (
            (S.PAPER, (S.CODE_REPOS,), lambda i: (per_paper.get(i, 0),)),
            (S.REPOSITORY, (S.OWNER_REPOS, S.OWNER_PAPERS), lambda i: per_owner.get(i, (0, 0)))):
        have = {r[1] for r in _execute(conn, f"CALL TABLE_INFO('{label}') RETURN *").get_all()}
        for name in names:
            if name not in have:
                conn.execute(f"ALTER TABLE {label} ADD {name} {S.INT} DEFAULT 0")
        cols = ", ".join(f"n.{name}" for name in names)
        rows = [{"id": nid, **dict(zip(names, new, strict=True))}
                for nid, *old in _execute(conn, f"MATCH (n:{label}) RETURN n.id, {cols}").get_all()
                if (new := value(nid)) != tuple(old)]
        sets = ", ".join(f"n.{name} = r.{name}" for name in names)
        for batch in _batches(rows):
            conn.execute(f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) SET {sets}",
                         {"rows": batch})
        changed += len(rows)
    return changed


def _sidecars(path: Path) -> list[Path]:
    """Files the engine keeps beside a store (write-ahead log, lock)."""
    return [path.with_name(path.name + suffix) for suffix in (".wal", ".lock", ".shadow")]


@contextmanager
def staged(db: str | os.PathLike | None = None, copy: bool = True, reopenable: bool = False,
           begun: Path | None = None, threads: int = 0):
    """A write connection to a temporary copy of the store (or a new empty one when copy is
    False or there is no store yet) that replaces the store only if the block succeeds
    (reopenable: a _Writer, whose `conn` is the connection, instead of the connection;
    `threads`: the engine's, 0 for its default)."""
    path = db_path(db)
    if path.exists() and path.is_dir():
        raise UserError(f"{path} is a folder, not a paperkg store")
    parent = path.parent if str(path.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path):
        key = str(path.resolve())
        if key in _STAGING:  # one staged write at a time, even within one run
            raise UserError(f"another paperkg process is writing {path}; try again when it "
                            "has finished")
        _STAGING.add(key)
        try:
            yield from _staged_write(path, parent, copy, reopenable, begun, threads)
        finally:
            _STAGING.discard(key)


#: Stores whose writer lock this process holds (the lock is re-entrant within one process).
_HELD: set[str] = set()
#: Stores this process is writing a staged copy of right now.
_STAGING: set[str] = set()


@contextmanager
def writer_lock(db: str | os.PathLike | None = None, wait: float = 0.0):
    """Hold the store's writer lock for a whole run: a second writer is refused before it starts.

    A build takes it before it reads the store, so two concurrent builds cannot both read the
    old store and the second overwrite the first's papers. Once it is held, every staged file
    beside the store is a dead writer's leftover (a killed build) and is removed. `wait`:
    seconds to wait for a writer holding it to finish before refusing (0: refuse at once).
    """
    import fcntl
    import time

    from paperkg.core.tempfiles import remove_stale

    path = db_path(db)
    key = str(path.resolve())
    if key in _HELD:
        yield
        return
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a paperkg store")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(f".{path.name}.writer")
    with open(lock_path, "a+b") as fh:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(f"another paperkg process is writing {path}; try again "
                                    "when it has finished") from None
                time.sleep(0.05)
        _HELD.add(key)
        try:
            remove_stale(path, all_owners=True)
            yield
        finally:
            _HELD.discard(key)
            fcntl.flock(fh, fcntl.LOCK_UN)


def holds_writer_lock(func):
    """Decorate a verb taking `db` so that it runs whole under the store's writer lock."""
    import functools
    import inspect

    sig = inspect.signature(func)

    @functools.wraps(func)
    def locked(*args, **kwargs):
        db = sig.bind(*args, **kwargs).arguments.get("db")
        with writer_lock(db):
            return func(*args, **kwargs)

    return locked


class _Writer:
    """The write connection of a staged store, which can be closed and opened again: closing
    the engine releases the memory it keeps after a COPY."""

    def __init__(self, path: Path, threads: int = 0):
        self.path = path
        self.threads = threads  # the engine's (0: its default, one per core)
        self._connect()

    def _connect(self) -> None:
        import ladybug

        self.database = _open(self.path, read_only=False, threads=self.threads)
        self.conn = ladybug.Connection(self.database)

    def begin(self) -> None:
        """Begin a transaction: the statements until commit() are committed at once."""
        self.conn.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        """Commit the transaction begin() began."""
        self.conn.execute("COMMIT")

    def reopen(self) -> None:
        """Close the engine (it checkpoints) and open the store again."""
        self.close()
        self._connect()

    def close(self) -> None:
        """Close the connection and the database."""
        self.conn.close()
        self.database.close()


def _staged_write(path: Path, parent: Path, copy: bool, reopenable: bool = False,
                  begun: Path | None = None, threads: int = 0):
    """The body of staged(): build in a temp file beside the store (or in `begun`, one that
    begin_fresh started), then rename over it."""
    from paperkg.core.tempfiles import staged_name

    if begun is None:
        tmp = staged_name(path)
        tmp.unlink()
    elif not begun.exists():  # begin_fresh was called without the writer lock held
        raise UserError(f"the staged store {begun} is gone; build again")
    else:
        tmp = begun
    try:
        if copy and path.exists():
            _checkpoint(path)
            shutil.copy2(path, tmp)
        writer = _Writer(tmp, threads=threads)
        try:
            if begun is None:  # a begun store has its schema (_write_state made it)
                for stmt in ddl():
                    writer.conn.execute(stmt)
            yield writer if reopenable else writer.conn
        finally:
            writer.close()
        for side in _sidecars(tmp):
            if side.exists():
                raise UserError(f"store write did not finish cleanly ({side.name} left behind)")
        for side in _sidecars(path):
            side.unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException as exc:
        for f in (tmp, *parent.glob(glob.escape(tmp.name) + ".*")):
            f.unlink(missing_ok=True)
        if isinstance(exc, (RuntimeError, OSError)) and not isinstance(exc, UserError):
            raise UserError(_write_failure(path, exc)) from None
        raise


def _write_failure(path: Path, exc: BaseException) -> str:
    """One line for an engine or file error during a staged write (the store is unchanged)."""
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    free = shutil.disk_usage(path.parent if str(path.parent) else ".").free
    if getattr(exc, "errno", None) == errno.ENOSPC or "No space" in msg or free < (16 << 20):
        reason = f"the disk is full ({free // (1 << 20)} MB free)"
    else:
        reason = msg if len(msg) <= 200 else msg[:197] + "..."
    return f"could not write the store {path}: {reason}; the previous store is unchanged"


def write_graph(g: nx.MultiDiGraph, db: str | os.PathLike | None = None,
                mode: str = "auto", retire: Sequence[str] = ()) -> str:
    """Write g to the store atomically; mode 'auto' upserts into an existing store, 'fresh'
    replaces it; `retire` names paper ids to remove (merged into another paper).
    Returns the mode used ('fresh' or 'upsert')."""
    upsert = mode == "auto" and db_path(db).exists()
    with staged(db, copy=upsert) as conn:
        if upsert:
            if retire:
                conn.execute("MATCH (p:Paper) WHERE p.id IN $ids DETACH DELETE p",
                             {"ids": list(retire)})
            _upsert(conn, g)
        else:
            _bulk_load(conn, g)
    return "upsert" if upsert else "fresh"


def replace_graph(g: nx.MultiDiGraph, db: str | os.PathLike | None = None,
                  state: Sequence[tuple[str, str, str]] | Path = (), keep: bool = True) -> str:
    """Write g (and the per-paper build state: rows of id, content hash, extraction JSON, or a
    Parquet file of them) as the whole new store, atomically. With keep, CITES edges another
    tool added to the old store (`enrich`: any source but 'inferred') are kept where both
    papers remain: they are added to g, with the cited-by counters they change. Returns 'upsert'
    when an old store was kept from, else 'fresh'."""
    with writer_lock(db):  # taking it removes staged files: the spilled tables are staged
        tables, existed = store_tables(g, db, keep)
        try:
            return replace_tables(tables, db, state, existed)
        finally:
            discard_tables(tables)


def store_tables(g: nx.MultiDiGraph, db: str | os.PathLike | None = None, keep: bool = True,
                 edges: EdgeSpill | None = None, without: Collection[str] = (),
                 counted: bool = False, rels: Collection[str] | None = None
                 ) -> tuple[list, bool]:
    """What replace_graph writes: g's tables as Arrow (graph_tables), once the old store's
    kept CITES edges are added to g (see replace_graph), and whether there was an old store to
    keep from. g is not needed afterwards: a caller may release it before replace_tables.
    The tables are spilled to staged Parquet files beside the store (graph_tables) that
    replace_tables COPYs and removes (discard_tables if it is not called): call both under
    the store's writer_lock (taking it removes staged files). `without`: node labels left
    out (graph_tables). `counted`: g's nodes have their stored counters (graph_tables), unless
    the old store's kept CITES edges are added. `rels`: only those relationship types'
    tables (graph_tables)."""
    from paperkg.core.tempfiles import staged_name

    path = db_path(db)
    existed = keep and path.exists()
    if existed:
        _keep_external_cites(g, _external_cites(path))
    spill = staged_name(path)
    spill.unlink()
    return graph_tables(g, spill, edges, without=without,
                        counted=counted and not existed, rels=rels), existed


def begin_fresh(db: str | os.PathLike | None, state: Path) -> Path:
    """A new staged store beside db holding only the build state (PaperState, COPYed from its
    Parquet file): a fresh build writes it as soon as extraction ends, while it holds little,
    since this COPY takes the engine the most memory. replace_tables(..., begun=the path
    returned) adds the graph and puts it in place; discard_begun removes it if the build
    fails before. Call both under the store's writer_lock (taking it removes staged files)."""
    return start_fresh(db, state).wait()


def start_fresh(db: str | os.PathLike | None, state: Path, pack: bool = False,
                threads: int = 1) -> Begun:
    """begin_fresh without waiting for it: a large state is COPYed by a child process while
    the caller goes on (a fresh build makes its graph and citations meanwhile, on the core
    the extraction workers left); `wait()` gives the staged store's path (or the failure's
    one line), `discard()` stops the child and removes what it wrote. The state file must
    stay until then. With `pack`, the state holds plain extraction JSON (a StateSpool made
    with packed=False) and the writer packs it (pack_state) before the COPY: the build's own
    process neither packs it during extraction nor unpacks it for the graph step. `threads`
    (a child's) pack it at once (_packed_copy): for a build that waits for the child."""
    from paperkg.core.tempfiles import staged_name

    path = db_path(db)
    tmp = staged_name(path)
    tmp.unlink()
    begun = Begun(tmp, path)
    try:
        if _state_rows_in(state) >= _CHILD_ROWS:
            begun.child = _start_child(tmp, state, path, pack, threads)
        else:
            _write_state(tmp, state, pack)
    except BaseException as exc:
        begun.discard()
        if isinstance(exc, (RuntimeError, OSError)) and not isinstance(exc, UserError):
            raise UserError(_write_failure(path, exc)) from None
        raise
    return begun


@dataclass
class Begun:
    """A staged store start_fresh is writing (the build state), maybe by a child process."""

    tmp: Path
    path: Path
    child: Any = None  # the subprocess.Popen writing it, until waited for

    def wait(self) -> Path:
        """The staged store once written; a failed child is one line (and nothing left)."""
        child, self.child = self.child, None
        if child is not None:
            _, err = child.communicate()
            if child.returncode != 0:
                discard_begun(self.tmp)
                lines = (err or "").strip().splitlines()
                raise UserError(lines[-1] if lines else f"could not write the store "
                                f"{self.path}: the build state's writer exited with "
                                f"{child.returncode}")
        return self.tmp

    def discard(self) -> None:
        """Stop a child still writing, and remove the staged store."""
        child, self.child = self.child, None
        if child is not None:
            if child.poll() is None:
                child.kill()
            child.communicate()
        discard_begun(self.tmp)


class EarlyTables:
    """Tables a fresh build has whole before its citation step, COPYed into its staged store
    (start_fresh's, the build state in it already) by a thread while the build goes on: the
    engine lets other threads run during a COPY, so the citation step keeps its core and the
    COPYs (one engine thread) take the one the build leaves idle. `join()` waits for them
    (before the store step opens the store, and before a failed build removes it); a failure
    is one line."""

    def __init__(self, staged: Path, tables: list, path: Path):
        self.path = path  # the store's
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(staged, tables), daemon=True)
        self._thread.start()

    def _run(self, staged: Path, tables: list) -> None:
        try:
            # the store step's side texts are cast by pyarrow.compute, whose first import
            # takes about 0.3 CPU s: made here, while the build waits for its judging child
            import pyarrow.compute  # noqa: F401

            writer = _Writer(staged, threads=1)
            try:
                _copy_tables(writer, tables)
            finally:
                writer.close()
        except BaseException as exc:  # noqa: BLE001 - handed to join
            discard_tables(tables)
            self._error = exc

    def join(self) -> None:
        """Wait for the COPYs; raise their failure (UserError: one line)."""
        self._thread.join()
        exc, self._error = self._error, None
        if isinstance(exc, (RuntimeError, OSError)) and not isinstance(exc, UserError):
            raise UserError(_write_failure(self.path, exc)) from None
        if exc is not None:
            raise exc


#: Build states of at least this many rows are COPYed by a child process (begin_fresh).
_CHILD_ROWS = 20_000


def _state_rows_in(state: Path) -> int:
    """Rows of a build state Parquet file."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(state).metadata.num_rows


def _write_state(tmp: Path, state: Path, pack: bool = False, threads: int = 1) -> None:
    """Create the store tmp (schema) holding only the build state COPYed from `state` (with
    `pack`, from a file of its rows with each extraction packed, written beside tmp, by
    `threads` threads)."""
    packed = tmp.with_name(tmp.name + ".state.parquet") if pack else state
    writer = None
    try:
        if pack:
            _packed_copy(state, packed, threads)
        writer = _Writer(tmp)
        for stmt in ddl():
            writer.conn.execute(stmt)
        _copy_file(writer.conn, S.STATE, packed)
    finally:
        if writer is not None:
            writer.close()
        if pack:
            packed.unlink(missing_ok=True)


def _packed_copy(state: Path, out: Path, threads: int = 1) -> None:
    """Write the rows of a state file to `out` with each extraction as PaperState keeps it
    (pack_state), one batch at a time; with `threads` > 1 each batch is cut in that many runs
    packed at once (zstd's compression, most of pack_state's time, lets other threads run:
    a build waiting for its state's COPY has a core to spare). `out` is written
    uncompressed: it is a scratch file read once by the COPY, and its packed values (base64
    of zstd) gain little from the file's own zstd (152 against 112 MB at 99,208 papers),
    which cost the writer about 0.15 CPU s and the engine's COPY about 1 CPU s to undo."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = pq.ParquetFile(state)
    pool = None
    if threads > 1:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(threads)
    try:
        with pq.ParquetWriter(out, src.schema_arrow, compression="none") as w:
            for batch in src.iter_batches(batch_size=4096):
                cols = {n: batch.column(n) for n in batch.schema.names}
                xs = cols["extraction"].to_pylist()
                if pool is None:
                    packed = _packed_run(xs)
                else:
                    step = -(-len(xs) // threads)
                    packed = [y for run in pool.map(_packed_run, [
                        xs[i:i + step] for i in range(0, len(xs), step)]) for y in run]
                cols["extraction"] = pa.array(packed, pa.string())
                w.write_table(pa.table(cols))
    finally:
        if pool is not None:
            pool.shutdown()


def _packed_run(xs: list[str]) -> list[str]:
    """pack_state of each value (one thread's run of _packed_copy)."""
    return [pack_state(x) for x in xs]


def _start_child(tmp: Path, state: Path, path: Path, pack: bool = False, threads: int = 1):
    """_write_state run by a new Python process (a subprocess.Popen): the engine takes
    several times the state's size while it COPYs it (about 1.2 GB at 100,000 papers) and
    does not give all of it back to the system, so in the build's own process that memory
    would stay under the graph and citation steps that follow."""
    import subprocess
    import sys

    import paperkg

    root = str(Path(paperkg.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [root, *filter(None, [os.environ.get("PYTHONPATH")])])}
    code = ("import sys; from paperkg.graph.ladybug_store import _state_child; "
            "_state_child(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == 'pack', "
            "int(sys.argv[5]))")
    return subprocess.Popen([sys.executable, "-c", code, str(tmp), str(state), str(path),
                             "pack" if pack else "as-is", str(threads)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)


def _state_child(tmp: str, state: str, path: str, pack: bool = False, threads: int = 1
                 ) -> None:
    """The child of _start_child: write the state; a failure is its last stderr line."""
    import sys

    try:
        _write_state(Path(tmp), Path(state), pack, threads)
    except UserError as exc:
        sys.exit(str(exc))
    except (RuntimeError, OSError) as exc:
        sys.exit(_write_failure(Path(path), exc))


def discard_begun(tmp: Path) -> None:
    """Remove a staged store begin_fresh started (and the engine's files beside it)."""
    for f in (tmp, *tmp.parent.glob(glob.escape(tmp.name) + ".*")):
        f.unlink(missing_ok=True)


def replace_tables(tables: list, db: str | os.PathLike | None = None,
                   state: Sequence[tuple[str, str, str]] | Path = (), existed: bool = False,
                   begun: Path | None = None, threads: int = 0,
                   counts: dict | None = None, paper_counters: Sequence[dict] = ()) -> str:
    """Write store_tables' tables (the list is emptied as they are copied) and the build
    state as the whole new store, atomically; returns 'upsert' if `existed`, else 'fresh'.
    With `begun` (begin_fresh's staged store, which holds the state already), the tables are
    added to it and `state` is not read. `threads`: the engine's (0: its default, one per
    core); one thread holds a COPY about 0.5 GB less than two (graph/pipeline.py: builds
    from paper_spill.FROM papers on). `counts`, if given, is filled with the new store's
    stats, counted on the write connection once everything is written (no second opening
    of the store to count it). `paper_counters`: rows {id, counter: value, ...}
    (counters.PAPER_COUNTER_PROPS) SET on Paper nodes the begun store holds already
    (EarlyTables COPYed them before the citation step changed their cited-by counters)."""
    with staged(db, copy=False, reopenable=True, begun=begun, threads=threads) as writer:
        _copy_tables(writer, tables)
        if paper_counters:
            _set_paper_counters(writer.conn, paper_counters)
        if begun is None and isinstance(state, Path):
            writer.reopen()  # the state's COPY then starts without the tables' memory
            _copy_file(writer.conn, S.STATE, state)
        elif begun is None and state:
            writer.reopen()
            _copy_rows(writer.conn, S.STATE, [dict(zip(("id", "content_hash", "extraction"),
                                                       r, strict=True)) for r in state],
                       [(p.name, p.type) for p in S.STATE_PROPS])
        if counts is not None:
            counts.update(stats_in(writer.conn))
    return "upsert" if existed else "fresh"


def _set_paper_counters(conn, rows: Sequence[dict]) -> None:
    """SET each row's counters on its Paper node (rows {id, counter: value, ...}, every row
    with counters.PAPER_COUNTER_PROPS)."""
    from paperkg.graph.counters import PAPER_COUNTER_PROPS

    sets = ", ".join(f"p.{name} = r.{name}" for name in PAPER_COUNTER_PROPS)
    for batch in _batches(list(rows)):
        conn.execute(f"UNWIND $rows AS r MATCH (p:{S.PAPER} {{id: r.id}}) SET {sets}",
                     {"rows": batch})


def _keep_external_cites(g: nx.MultiDiGraph, external: list[dict]) -> None:
    """Add the kept CITES rows of another tool to g where both papers remain (so the store and
    a Neo4j load of g after it hold them), and recount the cited-by counters they change."""
    from paperkg.graph.build import add_edge
    from paperkg.graph.counters import set_cited_by

    touched = set()
    for r in external:
        a, b = S.node_key(S.PAPER, r["from"]), S.node_key(S.PAPER, r["to"])
        if a in g and b in g:
            add_edge(g, a, b, S.CITES, r)
            touched.add(b)
    set_cited_by(g, sorted(touched))


def _external_cites(path: Path) -> list[dict]:
    """CITES rows of a store that did not come from inference (enrich's services); properties
    a store from an older schema lacks come back as None."""
    names = [p.name for p in S.REL_TYPES[S.CITES].props]
    with connect(path) as conn:
        have = {r[1] for r in _execute(conn, f"CALL TABLE_INFO('{S.CITES}') RETURN *").get_all()}
        ret = ", ".join(f"c.{n}" if n in have else "NULL" for n in names)
        res = _execute(conn, "MATCH (a:Paper)-[c:CITES]->(b:Paper) WHERE c.source <> $s "
                       f"RETURN a.id, b.id, {ret} ORDER BY a.id, b.id, c.source",
                       {"s": "inferred"})
        return [dict(zip(["from", "to", *names], r, strict=True)) for r in res.get_all()]


def pack_state(x: str) -> str:
    """A paper's extraction JSON as PaperState stores it: "y" and the base64 of its zstd
    (level 1) compressed UTF-8, about 0.42 of the JSON's size; the engine's COPY of the
    build state takes about six times the strings' bytes. Packed text is returned as it is.
    (Stores written before 2026-12-02's eleventh pass hold "z" and zlib level 1: the same
    size, but packing took 2.8 times as long, 0.25 against 0.09 CPU s per 5,000 corpus
    extractions.)"""
    import base64

    if x[:1] != "[":  # packed already (a row kept from the store), or not an extraction
        return x
    return "y" + base64.b64encode(_zstd("c").compress(
        x.encode("utf-8", "surrogatepass"))).decode("ascii")


def state_json(x: str) -> str:
    """The extraction JSON of a stored PaperState value (pack_state's, the zlib-packed "z"
    of earlier stores, or the plain JSON that stores written before packing and quick
    updates hold)."""
    head = x[:1]
    if head != "y" and head != "z":
        return x
    import base64

    if head == "y":
        data = _zstd("d").decompress(base64.b64decode(x[1:]))
    else:
        import zlib

        data = zlib.decompress(base64.b64decode(x[1:]))
    return data.decode("utf-8", "surrogatepass")


_ZSTD = threading.local()  # zstandard's (de)compressors are not thread-safe: one per thread


def _zstd(kind: str) -> Any:
    """This thread's zstd compressor ("c", level 1) or decompressor ("d")."""
    z = getattr(_ZSTD, kind, None)
    if z is None:
        import zstandard

        z = zstandard.ZstdCompressor(level=1) if kind == "c" else zstandard.ZstdDecompressor()
        setattr(_ZSTD, kind, z)
    return z


def read_state(db: str | os.PathLike | None = None) -> dict[str, tuple[str, str]]:
    """Paper id -> (content hash, extraction JSON) kept by the last build (empty for a store
    written before the state table existed)."""
    return {pid: (h, state_json(x))
            for pid, h, x in _state_rows(db, "s.id, s.content_hash, s.extraction")}


def read_state_hashes(db: str | os.PathLike | None = None) -> dict[str, str]:
    """Paper id -> content hash kept by the last build (the extractions stay in the store).
    Read as Arrow columns (row by row took 1.8 s at 100,000 papers on a loaded machine)."""
    with connect(db) as conn:
        return state_hashes_in(conn)


def state_hashes_in(conn) -> dict[str, str]:
    """read_state_hashes on an open connection."""
    try:
        res = conn.execute(f"MATCH (s:{S.STATE}) RETURN s.id, s.content_hash")
    except RuntimeError:  # no such table: a store from an older paperkg
        return {}
    tbl = res.get_as_arrow()
    return dict(zip(tbl.column(0).to_pylist(), tbl.column(1).to_pylist(), strict=True))


def iter_state_extractions(db: str | os.PathLike | None = None) -> Iterator[tuple[str, str]]:
    """(paper id, extraction JSON) of the last build, in id order, one row at a time."""
    rows = _state_rows(db, "s.id, s.extraction", "ORDER BY s.id")
    try:
        for pid, x in rows:
            yield pid, state_json(x)
    finally:
        rows.close()  # its read connection, when the caller stops early


def _state_rows(db, columns: str, order: str = "") -> Iterator[tuple]:
    with connect(db) as conn:
        try:
            res = conn.execute(f"MATCH (s:{S.STATE}) RETURN {columns} {order}")
        except RuntimeError:  # no such table: a store from an older paperkg
            return
        while res.has_next():
            yield tuple(res.get_next())


def _checkpoint(path: Path) -> None:
    """Fold a leftover write-ahead log into the store file before it is copied."""
    if any(s.exists() for s in _sidecars(path)):
        import ladybug

        database = _open(path, read_only=False)
        conn = ladybug.Connection(database)
        conn.execute("CHECKPOINT")
        conn.close()
        database.close()


# ---------------------------------------------------------------------------------------------
# Reading back


def _strip(d: dict) -> dict:
    """Properties of an engine node/relationship dict (internal _ID/_LABEL/... dropped)."""
    return {k: v for k, v in d.items() if not k.startswith("_")}


def load_graph(db: str | os.PathLike | None = None) -> nx.MultiDiGraph:
    """The whole store as a networkx graph in the build contract."""
    from paperkg.graph.build import edge_attrs, edge_key, empty_graph, node_attrs

    g = empty_graph()
    with connect(db) as conn:
        for label in S.NODE_TYPES:
            for (n,) in _execute(conn, f"MATCH (n:{label}) RETURN n").get_all():
                props = _strip(n)
                g.add_node(S.node_key(label, props["id"]), **node_attrs(label, props))
        texts = edge_texts(conn) if S.EDGE_TEXT in _tables(conn) else {}
        none = (None,) * len(S.SIDE_PROPS)
        for rel in S.REL_TYPES:
            q = (f"MATCH (a)-[r:{rel}]->(b) RETURN label(a), a.id, label(b), b.id, r")
            side = S.side_props(rel)
            for al, aid, bl, bid, r in _execute(conn, q).get_all():
                r = _strip(r)
                if side and S.TEXT_REF in r:  # a store from before EDGE_TEXT holds them on r
                    r.update(zip(S.SIDE_PROPS, texts.get(r.pop(S.TEXT_REF), none), strict=True))
                attrs = edge_attrs(rel, r)
                g.add_edge(S.node_key(al, aid), S.node_key(bl, bid), key=edge_key(rel, attrs),
                           **attrs)
    return g


def _tables(conn) -> set[str]:
    """Names of the store's tables."""
    return {r[0] for r in _execute(conn, "CALL SHOW_TABLES() RETURN name").get_all()}


def read_papers(db: str | os.PathLike | None = None) -> tuple[list[Paper], list[SourceFile]]:
    """Papers (with their sources) and listing files held by a store."""
    with connect(db) as conn:
        return papers_in(conn)


def _columns(conn, query: str) -> Iterator[tuple]:
    """The rows of a query read as Arrow columns (far faster than row by row: the LISTED_IN
    edges of 100,000 papers 0.5 s against 3.1 s with get_all, on a loaded machine)."""
    tbl = _execute(conn, query).get_as_arrow()
    return zip(*(c.to_pylist() for c in tbl.columns), strict=True)


def papers_in(conn, texts: Any = None) -> tuple[list[Paper], list[SourceFile]]:
    """read_papers on an open connection: the papers in id order, each with its listings in
    (listing file, line) order. `texts` (a graph.stored_text.StoredTexts of this store):
    the abstracts are not read, each paper holds a StoredAbstract that reads its own when
    asked for (an add needs about 40% of them)."""
    papers: dict[str, Paper] = {}
    # Named columns read as Arrow (faster than node objects: 9 s against 14 s at 100,000
    # papers); a store from before a column was added reads it as null. Sorted here, not by
    # the engine (ids are unique: the order is the same).
    have = {r[1] for r in _execute(conn, f"CALL TABLE_INFO('{S.PAPER}') RETURN *").get_all()}
    names = ("id", "title", "abstract", "authors", "published", "listing_date", "arxiv_id",
             "doi", "url", "title_key", "venue", "author_names")
    ret = ", ".join(f"n.{c}" if c in have and (c != "abstract" or texts is None) else "NULL"
                    for c in names)
    rows = sorted(_columns(conn, f"MATCH (n:Paper) RETURN {ret}"), key=itemgetter(0))
    lazy = texts is not None and "abstract" in have
    if lazy:
        from paperkg.graph.stored_text import StoredAbstract  # (NULL or "" reads as "")
    # positional arguments, in Paper's field order (keyword arguments cost a dict a paper);
    # a column's list values are new lists already
    paper = Paper
    for (pid, title, abstract, authors, published, listing_date, arxiv_id, doi, url,
         title_key, venue, author_names) in rows:  # unpacked in `names` order
        papers[pid] = paper(pid, title or "",
                            StoredAbstract(pid, texts) if lazy else abstract or "",
                            authors, published,
                            listing_date, arxiv_id, doi, url, title_key or "", [], venue,
                            author_names or [])
    del rows
    sources = [SourceFile(id=i, path=path, name=name, layout=layout, listing_date=date,
                          paper_count=count or 0)
               for i, path, name, layout, date, count in _columns(
                   conn, "MATCH (n:Source) RETURN n.id, n.path, n.name, n.layout, "
                   "n.listing_date, n.paper_count")]
    paths = {s.id: s.path for s in sources}
    q = "MATCH (p:Paper)-[r:LISTED_IN]->(s:Source) RETURN p.id, s.id, r.line, r.listing_date"
    # (paper, file, line) order, a line the store lacks last (as the engine's ORDER BY put it)
    ref = SourceRef
    for pid, sid, line, listing_date in sorted(
            _columns(conn, q), key=lambda r: (r[0], r[1], r[2] is None, r[2] or 0)):
        papers[pid].sources.append(ref(paths.get(sid, ""), line or 0, sid, listing_date))
    return list(papers.values()), sources
