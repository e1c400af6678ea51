"""Files for Neo4j's offline bulk loader, `neo4j-admin database import full`, from the graph.

One CSV file per node label (`nodes/<Label>.csv`) and per relationship type
(`relationships/<TYPE>.csv`), except that labels (types) with the same columns share one file
named by them (`nodes/Method-Model-....csv`), which names each row's label (type) in a first
column, `:LABEL` (`:TYPE`): the loader samples the first MiB of every file on one thread before
it imports (its estimate), so fewer files start the import sooner. Each file has the loader's
header row: `:ID`, a node number that is not stored (`--id-type=actual`: the loader takes it as
the node's record id and needs no id map; nodes are numbered 0, 1, ... in the order written),
the key as a plain property column, typed property columns (`name:long`, `name:double`,
`name:boolean`, `name:string[]`), and `:START_ID` / `:END_ID` (the numbers of the end nodes)
for relationships. Headers and types come from the schema module. Rows with a line break in a
text value are written to the same names under `multiline/`, the only files the loader is told
to parse as multi-line (it parses the others in parallel). Beside them: `import.sh` (the
neo4j-admin command line naming every file) and `schema.cypher` (the uniqueness constraints to
create once the database is started).

Columns are built as Arrow arrays and written with pyarrow's CSV writer (strings quoted, nulls
empty and unquoted), from a networkx graph (`write_import_files`) or straight from the embedded
store's tables (`write_store_import_files`, the same bytes without building the graph).
"""

from __future__ import annotations

import functools
import gc
import os
import queue
import shutil
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from paperkg.core.errors import UserError
from paperkg.graph import schema as S

#: The loader's name of each schema property type.
IMPORT_TYPE = {S.STRING: "string", S.INT: "long", S.FLOAT: "double", S.BOOL: "boolean",
               S.STRING_LIST: "string[]"}
#: Separator of list elements inside one field (the loader's --array-delimiter): the ASCII unit
#: separator, which text the readers keep does not hold; an element holding it all the same has
#: it replaced by U+241F (the symbol for it). An empty list is an empty quoted field.
ARRAY_DELIMITER = "\x1f"
_DELIMITER_ARG = "U+001F"
#: Subfolder of the files holding the rows with a line break in a value.
MULTILINE = "multiline"
#: Largest file the loader's per-file multi-line parser (--multiline-fields-format=v2) takes:
#: Neo4j 5.26 fails on a line break in a value when a file spans more than one read buffer
#: (--read-buffer-size, 4 MiB by default); above it every file is parsed the old way (v1, true).
MULTILINE_V2_BYTES = 4_000_000
#: The read buffer import.sh asks for when every row fits in it with room to spare: before
#: importing, the loader parses and sizes the first 1 MiB of every file on one thread (to
#: estimate the store), a whole read buffer at least, so a 1 MiB buffer instead of the 4 MiB
#: default parses a quarter of each large file there (`--read-buffer-size`).
SMALL_READ_BUFFER = 1 << 20
#: The multi-line file size and the row size (an upper bound) that still take the small buffer.
SMALL_BUFFER_MULTILINE_BYTES = 1_000_000
SMALL_BUFFER_ROW_BYTES = SMALL_READ_BUFFER // 4
#: JVM options import.sh gives both JVMs of `neo4j-admin` (its launcher and the import it starts)
#: through JDK_JAVA_OPTIONS, which every `java` reads; JAVA_OPTS would replace the options of
#: neo4j-admin.conf and the heap setting. C1 only: the import is over before the full JIT's
#: compilations pay back, which on two cores take the cores the import needs. A JDK_JAVA_OPTIONS
#: of the user's own (even empty) is kept.
IMPORT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"
#: The Arrow type of each schema property type's column (lists are written as one string).
_ARROW_TYPE = {S.STRING: pa.string(), S.INT: pa.int64(), S.FLOAT: pa.float64(),
               S.BOOL: pa.bool_(), S.STRING_LIST: pa.string()}


#: Column names of the node number and of the relationship ends in a table.
_NUM, _START, _END = "num", "c0", "c1"
#: The column of a node's row offset in the store (`store_tables(offsets=True)`), not written.
_OFFSET = "_offset"


@dataclass
class ImportFiles:
    """What was written: the folder, and files with their row counts."""

    folder: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    multiline: list[str] = field(default_factory=list)  # the files of rows with line breaks
    multiline_bytes: int = 0  # the largest of them
    row_bytes: int = 0  # an upper bound of the longest row's bytes in any file
    numbers: dict[str, tuple[pa.Array, pa.Array]] = field(default_factory=dict, repr=False)
    at_offset: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # by store row
    next_number: int = 0  # the number of the next node written

    @property
    def node_count(self) -> int:
        """Node rows in all files."""
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        """Relationship rows in all files."""
        return sum(self.relationships.values())


@functools.cache
def file_members(kind: str) -> dict[str, tuple[str, ...]]:
    """Each node label (kind "nodes") or relationship type ("relationships") of the schema, with
    the labels (types) whose rows share its file: those with the same columns, in schema
    order."""
    names = S.NODE_TYPES if kind == "nodes" else S.REL_TYPES
    by_columns: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in names:
        columns = node_header(name) if kind == "nodes" else rel_header(name, "", "")
        by_columns[tuple(columns)].append(name)
    return {name: tuple(group) for group in by_columns.values() for name in group}


#: The first column of a shared file: each row's label or type.
_TAG = {"nodes": ":LABEL", "relationships": ":TYPE"}


def file_of(kind: str, name: str) -> tuple[str, list[str]]:
    """The file (e.g. nodes/Paper.csv) holding the rows of a label or type, and its header."""
    members = file_members(kind)[name]
    header = node_header(name) if kind == "nodes" else rel_header(name, "", "")
    if len(members) > 1:
        header = [_TAG[kind], *header]
    return f"{kind}/{'-'.join(members)}.csv", header


def node_header(label: str) -> list[str]:
    """The header row of a node file."""
    return [":ID", *(_typed(p) for p in S.NODE_TYPES[label].props)]


def rel_header(rel: str, src: str, dst: str) -> list[str]:
    """The header row of a relationship file."""
    return [":START_ID", ":END_ID", *(_typed(p) for p in S.REL_TYPES[rel].props)]


def _typed(p: S.Prop) -> str:
    return p.name if p.type == S.STRING else f"{p.name}:{IMPORT_TYPE[p.type]}"


def _field(value: Any, t: str) -> Any:
    """One value as the column of type t holds it (None: no value; a list as one string)."""
    if value is None:
        return None
    if t == S.STRING_LIST:
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\u241f") for v in value)
    if t == S.BOOL:
        return bool(value)
    if t == S.INT:
        return int(value)
    if t == S.FLOAT:
        return float(value)
    return str(value)


def _column(values: list[Any], t: str) -> pa.Array:
    """One Arrow column of a file: the values converted in one call where Arrow takes them as
    they are, value by value (`_field`) otherwise (a float in a long column, a number in a text
    column, lists)."""
    arrow_type = _ARROW_TYPE[t]
    if t != S.STRING_LIST:
        try:
            return pa.array(values, arrow_type)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
    return pa.array([_field(v, t) for v in values], arrow_type)


def write_import_files(G: nx.MultiDiGraph, folder: str | os.PathLike,
                       database: str = "neo4j") -> ImportFiles:
    """Write the import files of G into a new folder (staged beside it, then renamed)."""
    return _write_folder(folder, database, _graph_tables(G))


def write_store_import_files(db: str | os.PathLike | None, folder: str | os.PathLike,
                             database: str = "neo4j") -> ImportFiles:
    """Write the import files of the embedded store at db: the same bytes as
    `write_import_files(load_graph(db), ...)`, read column by column from the store as Arrow
    tables, without building the networkx graph."""
    from paperkg.graph.ladybug_store import connect

    with connect(db) as conn:
        return _write_folder(folder, database, _read_ahead(_store_tables(conn)))


def _read_ahead(tables: Tables) -> Tables:
    """The tables of an iterator, the next one read by a second thread while the caller writes
    the current one (the store's reads and Arrow's CSV writer release the GIL, so on two cores
    reading and writing overlap); the reader's error is raised here, and the reader stops when
    the caller stops early."""
    ready: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()
    done = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for item in tables:
                if not put((item, None)):
                    return
            put((done, None))
        except BaseException as exc:  # handed to the caller's thread
            put((done, exc))
        finally:
            close = getattr(tables, "close", None)
            if close is not None:  # a generator left early lets go of its store reads here
                close()

    reader = threading.Thread(target=read, name="neo4j-import-reader", daemon=True)
    reader.start()
    try:
        while True:
            item, exc = ready.get()
            if exc is not None:
                raise exc
            if item is done:
                return
            yield item
    finally:
        stop.set()
        reader.join()


#: (label,) or (type, start label, end label), and the rows as columns c0, c1, ...
Tables = Iterator[tuple[tuple[str, ...], pa.Table]]


def _files_pool() -> pa.MemoryPool | None:
    """The Arrow allocator the files are made with: jemalloc where pyarrow has it and the user
    has not chosen one (ARROW_DEFAULT_MEMORY_POOL). pyarrow's default, mimalloc, gives the
    step's large short-lived buffers back to the system and takes fresh zeroed pages again:
    1.5-2.5 more CPU seconds of the kernel's at 100,000 papers (docs/neo4j.md, thirteenth
    pass). None: keep the default."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without it
        return None


def _write_folder(folder: str | os.PathLike, database: str, tables: Tables) -> ImportFiles:
    """Write the rows of (label or type and ends, table) pairs into their files, then import.sh
    and schema.cypher, into a new folder (Arrow allocating from `_files_pool` meanwhile)."""
    pool = _files_pool()
    if pool is None:
        return _write_folder_with(folder, database, tables)
    default = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        return _write_folder_with(folder, database, tables)
    finally:
        pa.set_memory_pool(default)


def _write_folder_with(folder: str | os.PathLike, database: str, tables: Tables) -> ImportFiles:
    """`_write_folder` with the allocator as it is."""
    target = Path(folder)
    if target.exists():
        raise UserError(f"{target} already exists: neo4j-import writes a new folder")
    if not target.parent.is_dir():
        raise UserError(f"directory {target.parent} does not exist")
    stage = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(stage, ignore_errors=True)
    collecting = gc.isenabled()
    # The writer makes no reference cycles; a full collection would walk every object of the
    # graph (2-3 s at 100,000 papers), so the collector waits until the files are written.
    gc.disable()
    try:
        (stage / "nodes").mkdir(parents=True)
        (stage / "relationships").mkdir()
        result = ImportFiles(str(target), {}, {})
        for key, table in tables:
            _write(stage, key, table, result)
        (stage / "import.sh").write_text(_command(result, database), encoding="utf-8")
        (stage / "schema.cypher").write_text(_constraints(), encoding="utf-8")
        os.replace(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        if collecting:
            gc.enable()
    return result


def _graph_tables(G: nx.MultiDiGraph) -> Tables:
    """The files' tables from a networkx graph: nodes by label, then relationships by (type,
    start label, end label)."""
    nodes = _node_groups(G)
    for label in S.NODE_TYPES:
        if nodes.get(label):
            yield (label,), _node_table(label, nodes[label])
    del nodes
    for (rel, src, dst), (starts, ends, data) in sorted(_rel_groups(G).items()):
        yield (rel, src, dst), _rel_table(rel, starts, ends, data)


def store_tables(conn, offsets: bool = False) -> Iterator[tuple[tuple[str, ...], pa.Table]]:
    """The embedded store's tables as Arrow, columns c0, c1, ... as the store holds them: each
    node label ((label,), its schema properties in order), then each relationship type and end
    labels ((type, start label, end label), start id, end id, its properties); a property the
    store lacks (a store from before it was added) reads as nulls. Empty tables are left out.
    With `offsets`, node tables end with the store's row offset of each node (`_offset`) and
    relationships give their ends by those offsets instead of ids (integers: no id text read)."""
    from paperkg.graph.ladybug_store import _execute, side_texts

    tables = {r[0] for r in _execute(conn, "CALL SHOW_TABLES() RETURN name").get_all()}

    def columns(table: str) -> set[str]:  # a store from before a table or column was added
        if table not in tables:
            return set()
        return {r[1] for r in _execute(conn, f"CALL TABLE_INFO('{table}') RETURN *").get_all()}

    def read(match: str, var: str, props: tuple[S.Prop, ...], have: set[str],
             ends: tuple[str, ...] = (), more: tuple[str, ...] = ()) -> pa.Table:
        ret = [*ends, *(f"{var}.{p.name}" if p.name in have else "NULL" for p in props), *more]
        res = _execute(conn, f"MATCH {match} RETURN {', '.join(ret)}").get_as_arrow()
        names = [f"c{i}" for i in range(res.num_columns - len(more))] + ["_offset"] * len(more)
        return pa.Table.from_arrays(res.columns, names=names)

    for label, nt in S.NODE_TYPES.items():
        if label not in tables:
            continue
        table = read(f"(n:{label})", "n", nt.props, columns(label),
                     more=("offset(id(n))",) if offsets else ())
        if table.num_rows:
            yield (label,), table
    pairs = sorted((rel, src, dst) for rel, rt in S.REL_TYPES.items() for src, dst in rt.pairs
                   if {rel, src, dst} <= tables)
    have = {rel: columns(rel) for rel in S.REL_TYPES}
    texts_of = None  # every side text, read by one scan when a table first needs them
    for rel, src, dst in pairs:
        ends = ("offset(id(a))", "offset(id(b))") if offsets else ("a.id", "b.id")
        # the side properties are read from EDGE_TEXT (a store from before it: from r)
        side = S.side_props(rel) if S.TEXT_REF in have[rel] else ()
        table = read(f"(a:{src})-[r:{rel}]->(b:{dst})", "r", S.REL_TYPES[rel].props,
                     have[rel] - set(side), ends, (f"r.{S.TEXT_REF}",) if side else ())
        if side and table.num_rows:
            texts_of = texts_of or side_texts(conn)
            texts = texts_of.columns(table.column(table.num_columns - 1))
            table = table.drop_columns(["_offset"])
            for i, p in enumerate(S.REL_TYPES[rel].props):
                if p.name in side:
                    table = table.set_column(len(ends) + i, f"c{len(ends) + i}", texts[p.name])
        if table.num_rows:
            yield (rel, src, dst), table


def _store_tables(conn) -> Tables:
    """The files' tables read from the embedded store, in the order of `_graph_tables` (nodes
    with their store offsets, which relationships give their ends by)."""
    for key, raw in store_tables(conn, offsets=True):
        if len(key) == 1:
            types = [*(p.type for p in S.NODE_TYPES[key[0]].props), None]  # None: as read
        else:
            types = [None, None, *(p.type for p in S.REL_TYPES[key[0]].props)]
        cols = [_one_array(raw.column(i)) if t is None else _arrow_column(raw.column(i), t)
                for i, t in enumerate(types)]
        yield key, pa.Table.from_arrays(cols, names=raw.column_names)


def _arrow_column(col: pa.ChunkedArray, t: str) -> pa.Array:
    """A column read from the store as the file writes it (lists joined, as `_field` does;
    a missing list is an empty one, as in the graph)."""
    if t == S.STRING_LIST:
        return _joined(col)
    if not col.num_chunks:
        return pa.array([], _ARROW_TYPE[t])
    array = _one_array(col)
    return array if array.type == _ARROW_TYPE[t] else array.cast(_ARROW_TYPE[t])


def _one_array(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A column as one array: its only chunk as it is (combining copies every value, some
    130 MB of abstracts at 100,000 papers), several chunks combined."""
    if isinstance(col, pa.Array):
        return col
    return col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()


def _joined(col: pa.ChunkedArray) -> pa.Array:
    """A list column joined as `_field` joins a list (a missing list as an empty one), in Arrow
    calls for lists of text, value by value otherwise."""
    lists = _one_array(col) if col.num_chunks else pa.array([], pa.list_(pa.string()))
    if not (pa.types.is_list(lists.type) and pa.types.is_string(lists.type.value_type)):
        return pa.array([_field(v or [], S.STRING_LIST) for v in lists.to_pylist()], pa.string())
    values = pc.replace_substring(pc.fill_null(lists.values, "None"), ARRAY_DELIMITER, "\u241f")
    lists = pa.ListArray.from_arrays(lists.offsets, values)  # a missing list: an empty one
    return pc.binary_join(lists, ARRAY_DELIMITER)


def _node_groups(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, dict]]]:
    """(id from the node key, data) of every node, by label: one pass over the nodes."""
    out: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key, d in G.nodes(data=True):
        out[d.get("label")].append((key.partition(":")[2], d))
    return out


def _node_table(label: str, items: list[tuple[str, dict]]) -> pa.Table:
    """The columns of one node file (the key falls back to the node key's id)."""
    nt = S.NODE_TYPES[label]
    cols = []
    for p in nt.props:
        if p.name == nt.key:
            values = [d.get(p.name) or kid for kid, d in items]
        else:
            values = [d.get(p.name) for _, d in items]
        cols.append(_column(values, p.type))
    return pa.Table.from_arrays(cols, names=[f"c{i}" for i in range(len(cols))])


def _rel_groups(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], tuple[list, list, list]]:
    """(start ids, end ids, data) of every relationship of a schema type, by (type, start label,
    end label): one pass over the edges."""
    out: dict[tuple[str, str, str], tuple[list, list, list]] = {}
    for u, v, d in G.edges(data=True):
        rel = d.get("type")
        if rel not in S.REL_TYPES:
            continue
        ul, _, uid = u.partition(":")
        vl, _, vid = v.partition(":")
        group = out.get((rel, ul, vl))
        if group is None:
            group = out[(rel, ul, vl)] = ([], [], [])
        group[0].append(uid)
        group[1].append(vid)
        group[2].append(d)
    return out


def _rel_table(rel: str, starts: list[str], ends: list[str], data: list[dict]) -> pa.Table:
    """The columns of one relationship file."""
    cols = [pa.array(starts, pa.string()), pa.array(ends, pa.string())]
    cols += [_column([d.get(p.name) for d in data], p.type) for p in S.REL_TYPES[rel].props]
    return pa.Table.from_arrays(cols, names=[f"c{i}" for i in range(len(cols))])


#: Rows taken into sorted order and written at a time: the sorted copy of a table is never
#: whole (at 100,000 papers the node file alone is 160 MB), so its memory is reused.
_WRITE_ROWS = 8192


def _write(stage: Path, key: tuple[str, ...], table: pa.Table, files: ImportFiles) -> int:
    """Write the rows of one label (key: (label,)) or relationship type and end labels (key:
    (type, start label, end label)) into their file (`file_of`; a file shared with other labels
    or types is appended to) in a fixed order (by the columns in file order: the same graph
    gives the same bytes whatever its order). Rows with a line break in a text value go to a
    file of the same name under multiline/ (only those files are parsed the slower way that
    allows line breaks), recorded in files. Nodes are numbered in the order written
    (files.numbers keeps each label's keys and numbers); a relationship's ends are written as
    those numbers. Returns the rows."""
    kind = "nodes" if len(key) == 1 else "relationships"
    name, header = file_of(kind, key[0])
    tag = pa.scalar(key[0]) if header[0] == _TAG[kind] else None  # each row's label or type
    if kind == "relationships":
        _, src, dst = key
        table = table.set_column(0, _START, _numbers(files, src, table.column(0)))
        table = table.set_column(1, _END, _numbers(files, dst, table.column(1)))
    order = pc.sort_indices(table, [(c, "ascending") for c in table.column_names])
    breaks = [pc.fill_null(pc.match_substring_regex(col, "[\r\n]"), False)
              for col in table.columns if pa.types.is_string(col.type) and _any_break(col)]
    mask = breaks[0] if breaks else None
    for more in breaks[1:]:
        mask = pc.or_(mask, more)
    if mask is None or not pc.any(mask).as_py():
        parts = [(name, order)]
    else:
        folder, _, file = name.partition("/")
        special = f"{folder}/{MULTILINE}/{file}"
        in_order = pc.take(mask, order)
        parts = [(name, pc.filter(order, pc.invert(in_order))),
                 (special, pc.filter(order, in_order))]
        if special not in files.multiline:
            files.multiline.append(special)
    offsets = table.column(_OFFSET) if _OFFSET in table.column_names else None
    rows = table.drop_columns([_OFFSET]) if offsets is not None else table
    files.row_bytes = max(files.row_bytes, _row_bound(rows) + (0 if tag is None else 32))
    options = pa_csv.WriteOptions(include_header=False)
    for part, taken in parts:
        if not len(taken):
            continue
        numbers = None
        if kind == "nodes":
            nt = S.NODE_TYPES[key[0]]
            keys = rows.column([p.name for p in nt.props].index(nt.key)).take(taken)
            numbers = _numbered(files, key[0], _one_array(keys),
                                None if offsets is None else offsets.take(taken).to_numpy())
        counts = files.nodes if kind == "nodes" else files.relationships
        path = stage / part
        path.parent.mkdir(exist_ok=True)
        with open(path, "ab" if part in counts else "wb") as fh:
            if part not in counts:
                fh.write((",".join(header) + "\n").encode("utf-8"))
            for i in range(0, len(taken), _WRITE_ROWS):
                batch = rows.take(taken.slice(i, _WRITE_ROWS))
                if numbers is not None:
                    batch = batch.add_column(0, _NUM, numbers.slice(i, _WRITE_ROWS))
                if tag is not None:
                    batch = batch.add_column(0, "tag", pa.repeat(tag, batch.num_rows))
                pa_csv.write_csv(batch, fh, options)
        counts[part] = counts.get(part, 0) + len(taken)
        if part != name:
            files.multiline_bytes = max(files.multiline_bytes, path.stat().st_size)
    return table.num_rows


def _row_bound(table: pa.Table) -> int:
    """An upper bound of the bytes of the longest CSV row of table: each text column's longest
    value with every character a doubled quote, 32 bytes for any other column and the node
    number."""
    bound = 32
    for col in table.columns:
        text = pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
        longest = pc.max(pc.binary_length(col)).as_py() if text else None
        bound += 2 * (longest or 0) + 32
    return bound


def _numbered(files: ImportFiles, label: str, keys: pa.Array,
              offsets: np.ndarray | None) -> pa.Array:
    """The numbers of node rows written next (the next ones in files), kept with the rows'
    keys (and store row offsets, when read from a store) for the relationships."""
    count = len(keys)
    numbers = pa.array(range(files.next_number, files.next_number + count), pa.int64())
    files.next_number += count
    all_keys, all_numbers = keys, numbers
    if label in files.numbers:  # a second file of the label (its rows with line breaks)
        old_keys, old_numbers = files.numbers[label]
        all_keys = pa.concat_arrays([old_keys, keys])
        all_numbers = pa.concat_arrays([old_numbers, numbers])
    files.numbers[label] = (all_keys, all_numbers)
    if offsets is not None:  # numbers by the store's row offset, for the relationships
        at = files.at_offset.get(label, np.empty(0, np.int64))
        if len(at) <= offsets.max():
            at = np.concatenate([at, np.full(offsets.max() + 1 - len(at), -1, np.int64)])
        at[offsets] = numbers.to_numpy()
        files.at_offset[label] = at
    return numbers


def _numbers(files: ImportFiles, label: str, ends: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The node numbers of relationship ends given by key, or by store row offset (integers);
    UserError for an end not written."""
    if pa.types.is_integer(ends.type):
        at = files.at_offset.get(label, np.empty(0, np.int64))
        offsets = ends.to_numpy()
        found = at[np.minimum(offsets, len(at) - 1)] if len(at) else np.full(len(offsets), -1)
        if (found < 0).any() or (offsets >= len(at)).any():
            raise UserError(f"a relationship ends at a {label} row the store does not hold")
        return pa.array(found, pa.int64())
    keys, numbers = files.numbers.get(label, (pa.array([], pa.string()), pa.array([], pa.int64())))
    out = pc.take(numbers, pc.index_in(ends, value_set=keys))
    if out.null_count:
        missing = pc.filter(ends, pc.is_null(out))[0].as_py()
        raise UserError(f"a relationship ends at {label} {missing!r}, which is not a node")
    return _one_array(out)


#: Bytes of a text column's data tested for a line break at a time (`_any_break`).
_SCAN_BYTES = 1 << 20


def _any_break(col: pa.ChunkedArray) -> bool:
    """Whether the bytes of a text column hold a line break anywhere (a quick test on its data
    buffers, so that the exact test row by row runs only on columns that have one), a slice at
    a time: no temporary as large as the column (130 MB of abstracts at 100,000 papers)."""
    for chunk in col.chunks:
        data = chunk.buffers()[2]
        if data is not None and data.size:
            octets = np.frombuffer(data, np.uint8)
            for i in range(0, len(octets), _SCAN_BYTES):
                part = octets[i:i + _SCAN_BYTES]
                if (part == 10).any() or (part == 13).any():
                    return True
    return False


def _command(files: ImportFiles, database: str) -> str:
    """The shell script running the loader on the files beside it."""
    lines = ["#!/bin/sh", "# Bulk-load this graph into a new, empty Neo4j database (offline).",
             "# Then start Neo4j, CREATE DATABASE if needed, and run schema.cypher.",
             'cd "$(dirname "$0")"',
             f'export JDK_JAVA_OPTIONS="${{JDK_JAVA_OPTIONS-{IMPORT_JVM_OPTIONS}}}"',
             f'"${{NEO4J_HOME:-.}}/bin/neo4j-admin" database import full "{database}" \\',
             "  --overwrite-destination=false --id-type=actual "
             f"--array-delimiter={_DELIMITER_ARG} \\"]
    if files.multiline_bytes <= SMALL_BUFFER_MULTILINE_BYTES \
            and files.row_bytes <= SMALL_BUFFER_ROW_BYTES:
        lines.append(f"  --read-buffer-size={SMALL_READ_BUFFER} \\")
    if files.multiline_bytes > MULTILINE_V2_BYTES:  # every file parsed the slow way
        lines.append("  --multiline-fields=true \\")
    elif files.multiline:  # only the files of rows with line breaks
        lines.append("  --multiline-fields-format=v2 "
                     f"--multiline-fields={','.join(files.multiline)} \\")
    for kind, names in (("nodes", files.nodes), ("relationships", files.relationships)):
        for name in names:  # a shared file names each row's label or type itself
            stem = Path(name).stem
            named = name if "-" in stem else f"{stem}={name}"
            lines.append(f"  --{kind}={named} \\")
    lines[-1] = lines[-1].removesuffix(" \\")
    return "\n".join(lines) + "\n"


def _constraints() -> str:
    from paperkg.graph.neo4j_store import schema_script

    return schema_script()
