"""Writing only what changed: an update of the embedded store that compares the graph a build
assembled with the stored one, table by table, and applies the difference to a staged copy.

The graph of the union is still assembled whole; the write is what becomes small. Every node
table is read back by key and every relationship table by (from, to) (CITES: and source), and
rows are compared with the graph's, typed the way a full write types them. New rows are copied
in (COPY into a non-empty table), changed nodes get the properties that differ set, changed
relationships are deleted and copied in again, and rows the graph no longer has are deleted;
the PaperState rows are replaced only for papers whose content hash changed. So the store
after an update holds exactly what a full rewrite would write, whatever changed (an entity's
paper count, a type that a new paper's vote flipped, a counter on a cited paper), and a
failure leaves the previous store as it was (the staged copy of ladybug_store.staged).
The registry path's small updates (graph/registry_store.py) write instead in one transaction
on the store itself (`in_place`), which is as atomic and spares the copy.

It declines (returns None, and the caller rewrites the store whole) when the stored tables do
not have the schema's columns (a store from another paperkg version) or when more than half of
the graph's rows are changed or removed (new rows are copied in as a full write copies them;
a changed row costs more than a copied one).
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema as S
from paperkg.graph.ladybug_store import (
    _BATCH,
    _coerce,
    _copy_rows,
    _execute,
    _val,
    connect,
    edge_texts,
    logical_rows,
    next_text_ref,
    side_rows,
    staged,
)

#: Above this share of the graph's rows changed or removed, the store is rewritten whole.
MAX_SHARE = 0.5
#: New rows of a table up to this many are created by UNWIND, more are copied in (a COPY
#: costs about 0.1 s however few its rows).
COPY_FROM = 20_000


@dataclass
class _Table:
    """The difference of one table: rows to add, to change and keys to remove."""

    table: str
    columns: list[tuple[str, str]]
    pair: tuple[str, str] | None = None  # relationship tables: (from label, to label)
    added: list[tuple] = field(default_factory=list)
    changed: list[tuple] = field(default_factory=list)
    removed: list[tuple] = field(default_factory=list)
    #: node tables: per changed row, the positions of the columns whose value differs from
    #: the stored row's (only those are set: see `apply`)
    changed_columns: list[tuple[int, ...]] = field(default_factory=list)

    def size(self) -> int:
        """Rows this table's update writes or deletes."""
        return len(self.added) + len(self.changed) + len(self.removed)


@dataclass
class Delta:
    """What an update changes in the store, table by table (see `diff`)."""

    tables: list[_Table]
    total: int  # rows of the graph (nodes and relationships)
    state: list[tuple[str, str, str]]  # PaperState rows to (re)write
    state_removed: list[str]
    #: the store's node and relationship counts once written (ladybug_store.stats), when the
    #: writer read them on its connection
    stats: dict | None = None

    def size(self) -> int:
        """Rows written or deleted, PaperState included."""
        return sum(t.size() for t in self.tables) + len(self.state) + len(self.state_removed)

    def rewritten(self) -> int:
        """Rows of the graph changed or removed (what costs more than a full write)."""
        return sum(len(t.changed) + len(t.removed) for t in self.tables)

    def summary(self) -> dict[str, int]:
        """Counts of added, changed and removed rows over all tables."""
        return {"added": sum(len(t.added) for t in self.tables),
                "changed": sum(len(t.changed) for t in self.tables),
                "removed": sum(len(t.removed) for t in self.tables),
                "state": len(self.state) + len(self.state_removed)}


def _node_columns(label: str) -> list[tuple[str, str]]:
    return [(p.name, p.type) for p in S.NODE_TYPES[label].props]


def _rel_columns(rel: str) -> list[tuple[str, str]]:
    return [("from", S.STRING), ("to", S.STRING)] + [(p.name, p.type)
                                                     for p in S.REL_TYPES[rel].props]


def _rel_key(rel: str, row: tuple) -> tuple:
    """A relationship row's identity: (from, to), and the source for CITES."""
    if rel == S.CITES:
        return row[0], row[1], row[2 + S.REL_TYPES[S.CITES].prop_names.index("source")]
    return row[0], row[1]


#: The Python type a value of each property type already has when no conversion is needed.
_PY = {S.STRING: str, S.INT: int, S.FLOAT: float, S.BOOL: bool}


def _typed(d: dict, props: tuple[tuple[str, str, type | None], ...]) -> list:
    """The values of d's properties as `_coerce` makes them (a value that already has its
    type is `_coerce`'s own result; lists are always converted, element by element)."""
    out = []
    for name, t, py in props:
        v = d.get(name)
        out.append(v if v is not None and type(v) is py else _coerce(v, t))
    return out


def _props(props: tuple[S.Prop, ...]) -> tuple[tuple[str, str, type | None], ...]:
    return tuple((p.name, p.type, _PY.get(p.type)) for p in props)


def graph_rows(g: nx.MultiDiGraph) -> tuple[dict[str, dict], dict[tuple, dict]]:
    """Rows of g by table, typed as a full write types them: label -> id -> row, and
    (type, from label, to label) -> identity -> row (rows are tuples in column order)."""
    node_props = {label: _props(nt.props) for label, nt in S.NODE_TYPES.items()}
    rel_props = {rel: _props(rt.props) for rel, rt in S.REL_TYPES.items()}
    nodes: dict[str, dict] = {label: {} for label in S.NODE_TYPES}
    for _, d in g.nodes(data=True):
        props = node_props.get(d.get("label"))
        if props is not None:
            row = tuple(_typed(d, props))
            nodes[d["label"]][row[0]] = row
    rels: dict[tuple, dict] = {}
    for u, v, d in g.edges(data=True):
        rel = d.get("type")
        props = rel_props.get(rel)
        if props is None:
            continue
        (ul, uid), (vl, vid) = S.split_key(u), S.split_key(v)
        if (ul, vl) not in S.REL_TYPES[rel].pairs:
            raise ValueError(f"{rel} cannot join {ul} to {vl}")
        row = (uid, vid, *_typed(d, props))
        rels.setdefault((rel, ul, vl), {})[_rel_key(rel, row)] = row
    return nodes, rels


def _columns_of(conn, table: str) -> list[str] | None:
    """Property names of a stored table in order (None when the store has no such table)."""
    try:
        res = conn.execute(f"CALL TABLE_INFO('{table}') RETURN *")
    except RuntimeError:
        return None
    return [r[1] for r in res.get_all()]


def _schema_matches(conn) -> bool:
    """Whether every table of the store has exactly the schema's columns, in order."""
    for label, nt in S.NODE_TYPES.items():
        if _columns_of(conn, label) != nt.prop_names:
            return False
    for rel in S.REL_TYPES:
        if _columns_of(conn, rel) != [p.name for p in S.stored_props(rel)]:
            return False
    if _columns_of(conn, S.EDGE_TEXT) != [p.name for p in S.EDGE_TEXT_PROPS]:
        return False
    return _columns_of(conn, S.STATE) == [p.name for p in S.STATE_PROPS]


def _stored(res) -> Iterator[tuple]:
    """The rows of a result as tuples (read as Arrow, one column at a time)."""
    tbl = res.get_as_arrow()
    yield from zip(*(c.to_pylist() for c in tbl.columns), strict=True)


def _diff_rows(t: _Table, new: dict, old: dict, keep_old: bool = False) -> None:
    """Fill t from the graph's rows and the store's, both identity -> row."""
    t.added = [new[k] for k in sorted(new.keys() - old.keys())]
    t.changed = [new[k] for k in sorted(new.keys() & old.keys()) if new[k] != old[k]]
    if t.pair is None:
        t.changed_columns = [tuple(i for i, (a, b) in enumerate(zip(r, old[r[0]], strict=True))
                                   if a != b) for r in t.changed]
    if not keep_old:
        t.removed = sorted(old.keys() - new.keys())


def diff(conn, g: nx.MultiDiGraph) -> tuple[list[_Table], int] | None:
    """The difference between g and the store on conn, per table, and g's row count (None
    when the store's tables are not the schema's)."""
    if not _schema_matches(conn):
        return None
    nodes, rels = graph_rows(g)
    tables: list[_Table] = []
    total = 0
    for label, nt in S.NODE_TYPES.items():
        cols = ", ".join(f"n.{p}" for p in nt.prop_names)
        old = {row[0]: row for row in _stored(_execute(conn, f"MATCH (n:{label}) RETURN {cols}"))}
        t = _Table(label, _node_columns(label))
        _diff_rows(t, nodes[label], old)
        total += len(nodes[label])
        tables.append(t)
    texts = edge_texts(conn)
    for rel, rt in S.REL_TYPES.items():
        cols = "".join(f", r.{p.name}" for p in S.stored_props(rel))
        for ul, vl in rt.pairs:
            q = f"MATCH (a:{ul})-[r:{rel}]->(b:{vl}) RETURN a.id, b.id{cols}"
            old: dict[tuple, tuple] = {}
            for row in logical_rows(conn, rel, list(_stored(_execute(conn, q))), texts=texts):
                key = _rel_key(rel, row)
                if key in old:  # two edges where the graph can hold one: not ours to judge
                    return None
                old[key] = row
            new = rels.get((rel, ul, vl), {})
            t = _Table(rel, _rel_columns(rel), (ul, vl))
            _diff_rows(t, new, old)
            if rel == S.CITES:
                # CITES another tool added (enrich) stay unless the graph has the same edge
                # or a paper goes (DETACH DELETE removes them then).
                src = 2 + rt.prop_names.index("source")
                t.removed = [k for k in t.removed if old[k][src] == "inferred"]
            total += len(new)
            tables.append(t)
    return tables, total


def _state_changes(conn, state: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """PaperState rows of the spool whose content hash the store does not hold, and stored
    ids the spool has no row for."""
    import pyarrow.parquet as pq

    old = dict(_stored(_execute(conn, f"MATCH (s:{S.STATE}) RETURN s.id, s.content_hash")))
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for batch in pq.ParquetFile(state).iter_batches(batch_size=2000,
                                                    columns=["id", "content_hash"]):
        ids, hashes = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        seen.update(ids)
        rows.extend((i, h, "") for i, h in zip(ids, hashes, strict=True) if old.get(i) != h)
    if rows:  # only now read the extractions, of the rows that change (filtered as Arrow:
        # the others' JSON is never made into Python strings)
        import pyarrow as pa
        import pyarrow.compute as pc

        want = pa.array(sorted({r[0] for r in rows}), pa.string())
        rows = []
        for batch in pq.ParquetFile(state).iter_batches(batch_size=2000):
            batch = batch.filter(pc.is_in(batch.column(0), value_set=want))
            rows.extend(zip(*(c.to_pylist() for c in batch.columns), strict=True))
    return rows, sorted(old.keys() - seen)


def _node_set_query(label: str, names: Sequence[str] | None = None) -> str:
    """Set the properties `names` (None: every one) of existing nodes from rows (the key
    matches)."""
    nt = S.NODE_TYPES[label]
    sets = ", ".join(f"n.{p.name} = {_val(p)}" for p in nt.props if p.name != nt.key
                     and (names is None or p.name in names))
    return f"UNWIND $rows AS r MATCH (n:{label} {{{nt.key}: r.{nt.key}}}) SET {sets}"


def _set_changed(conn, t: _Table) -> None:
    """Set the changed nodes' differing properties only, one query per set of columns: the
    engine's checkpoint then rewrites those columns' pages, not every column's (a cited
    paper's counter set with all its properties rewrote its abstract's pages too: at 100,000
    papers the Paper table's checkpoint took 4.9 s for 10 changed rows, 0.8 s this way)."""
    names = [c for c, _ in t.columns]
    cols = t.changed_columns or [tuple(range(len(names)))] * len(t.changed)
    groups: dict[tuple[int, ...], list[tuple]] = {}
    for row, diff in zip(t.changed, cols, strict=True):
        groups.setdefault(tuple(i for i in diff if i), []).append(row)
    for diff, rows in sorted(groups.items()):
        if not diff:
            continue
        q = _node_set_query(t.table, [names[i] for i in diff])
        for i in range(0, len(rows), _BATCH):
            conn.execute(q, {"rows": [{names[0]: r[0], **{names[j]: r[j] for j in diff}}
                                      for r in rows[i:i + _BATCH]]})


def _node_create_query(label: str) -> str:
    """Create nodes from rows."""
    props = ", ".join(f"{p.name}: {_val(p)}" for p in S.NODE_TYPES[label].props)
    return f"UNWIND $rows AS r CREATE (n:{label} {{{props}}})"


def _rel_create_query(rel: str, pair: tuple[str, str]) -> str:
    """Create relationships from rows (from, to, the stored properties: `side_rows`)."""
    props = ", ".join(f"{p.name}: {_val(p)}" for p in S.stored_props(rel))
    return (f"UNWIND $rows AS r MATCH (a:{pair[0]} {{id: r.from}}) MATCH (b:{pair[1]} "
            f"{{id: r.to}}) CREATE (a)-[:{rel} {{{props}}}]->(b) RETURN count(*)")


def _add(conn, t: _Table, rows: list[tuple]) -> None:
    """Add rows to a table: UNWIND for a few, COPY for many."""
    names = [c for c, _ in t.columns]
    if len(rows) > COPY_FROM:
        _copy_rows(conn, t.table, [dict(zip(names, r, strict=True)) for r in rows],
                   t.columns, t.pair)
        return
    q = _node_create_query(t.table) if t.pair is None else _rel_create_query(t.table, t.pair)
    for batch in _rows(rows, names):
        res = conn.execute(q, {"rows": batch if t.pair is None else
                               side_rows(conn, t.table, batch)})
        if t.pair is not None and res.get_all()[0][0] != len(batch):  # an end is missing
            raise RuntimeError(f"{t.table}: {len(batch)} relationships, some with no node "
                               "at an end")


def _add_relationships(conn, todo: list[tuple[_Table, list[tuple]]]) -> None:
    """Add rows to relationship tables (`_add` of each, in order), with every table's side
    texts created in EDGE_TEXT at once before them: the same ids `side_rows` gives batch by
    batch (numbered on from the first unused one, in table and row order; no EDGE_TEXT row
    is deleted, so the next unused id is the last one given plus one), from one
    `next_text_ref` scan and one CREATE per _BATCH texts instead of one of each per batch
    (adding 500 papers to 100,000: 16 scans and 16 creates -> 1 and 1). Tables COPYed in
    (more than COPY_FROM rows) take `_add` as before."""
    if any(len(rows) > COPY_FROM for _, rows in todo):
        for t, rows in todo:
            _add(conn, t, rows)
        return
    ref: int | None = None
    texts: list[dict] = []
    made: list[tuple[_Table, list[dict]]] = []
    for t, rows in todo:
        side = S.side_props(t.table)
        for batch in _rows(rows, [c for c, _ in t.columns]):
            if side:
                if ref is None:
                    ref = next_text_ref(conn)
                texts += [{"id": ref + i, **{n: r.get(n) for n in S.SIDE_PROPS}}
                          for i, r in enumerate(batch)]
                batch = [{**{k: v for k, v in r.items() if k not in side},
                          S.TEXT_REF: ref + i} for i, r in enumerate(batch)]
                ref += len(batch)
            made.append((t, batch))
    if texts:
        props = ", ".join(f"{p.name}: {_val(p)}" for p in S.EDGE_TEXT_PROPS)
        for i in range(0, len(texts), _BATCH):
            conn.execute(f"UNWIND $rows AS r CREATE (t:{S.EDGE_TEXT} {{{props}}})",
                         {"rows": texts[i:i + _BATCH]})
    for t, batch in made:
        res = conn.execute(_rel_create_query(t.table, t.pair), {"rows": batch})
        if res.get_all()[0][0] != len(batch):  # an end is missing
            raise RuntimeError(f"{t.table}: {len(batch)} relationships, some with no node "
                               "at an end")


def _rel_delete_query(rel: str, pair: tuple[str, str]) -> str:
    """Delete relationships by identity rows (from, to[, source]). The far end is matched
    from the start node's list (`OPTIONAL MATCH`; deleting no edge is a no-op): written as
    one pattern with both ends by key, the engine scanned the far end's whole table (1.6 s
    for 100 USES rows at 100,000 papers, 0.1 s this way)."""
    cond = " AND e.source = r.source" if rel == S.CITES else ""
    return (f"UNWIND $rows AS r MATCH (a:{pair[0]} {{id: r.from}}) OPTIONAL MATCH "
            f"(a)-[e:{rel}]->(b:{pair[1]}) WHERE b.id = r.to{cond} DELETE e")


def _rows(items: list, names: list[str]) -> Iterator[list[dict]]:
    """Batches of dict rows from tuples."""
    for i in range(0, len(items), _BATCH):
        yield [dict(zip(names, r, strict=True)) for r in items[i:i + _BATCH]]


def apply(conn, tables: list[_Table], state: list[tuple[str, str, str]],
          state_removed: list[str]) -> None:
    """Apply a difference on a writable connection: relationships and nodes that go first,
    then new and changed nodes, then new and changed relationships, then PaperState."""
    ident = ["from", "to"]
    for t in tables:
        if t.pair is None:
            continue
        names = ident + (["source"] if t.table == S.CITES else [])
        gone = t.removed + [_rel_key(t.table, r) for r in t.changed]
        for batch in _rows(gone, names):
            conn.execute(_rel_delete_query(t.table, t.pair), {"rows": batch})
    for t in tables:
        if t.pair is None and t.removed:
            for i in range(0, len(t.removed), _BATCH):
                conn.execute(f"UNWIND $ids AS i MATCH (n:{t.table} {{id: i}}) DETACH DELETE n",
                             {"ids": list(t.removed[i:i + _BATCH])})
    for t in tables:
        if t.pair is None:
            _add(conn, t, t.added)
            _set_changed(conn, t)
    _add_relationships(conn, [(t, [*t.added, *t.changed]) for t in tables
                              if t.pair is not None])
    ids = sorted({r[0] for r in state} | set(state_removed))
    for i in range(0, len(ids), _BATCH):
        conn.execute(f"UNWIND $ids AS i MATCH (s:{S.STATE} {{id: i}}) DELETE s",
                     {"ids": ids[i:i + _BATCH]})
    names = [p.name for p in S.STATE_PROPS]
    if len(state) > COPY_FROM:
        _copy_rows(conn, S.STATE, [dict(zip(names, r, strict=True)) for r in state],
                   [(p.name, p.type) for p in S.STATE_PROPS])
        return
    props = ", ".join(f"{n}: r.{n}" for n in names)
    for batch in _rows(state, names):
        conn.execute(f"UNWIND $rows AS r CREATE (s:{S.STATE} {{{props}}})", {"rows": batch})


@contextmanager
def in_place(path: Path, after: Callable | None = None, database=None):
    """A write connection to the store itself (not a staged copy), whose statements form one
    engine transaction: committed and checkpointed when the block succeeds, rolled back when
    it fails. The store is the old one or the new one whatever happens: a failure before the
    commit rolls back; a process killed before it leaves no committed transaction (the engine
    writes its log at the commit); one killed after it leaves the log, which the next open
    of the store replays (`ladybug_store._open` opens it for writing once when a reader meets
    it). Spares the copy of the whole store a staged write makes (2.4 s at 100,000 papers);
    the checkpoint costs the same either way. Other processes cannot open the store while
    the block runs (the engine's file lock): an update's few seconds. `after` is called with
    the connection once the store holds the update (to read it without opening it again).
    `database`: the store already open for writing (a ladybug Database, left open), whose
    other connections may read the store as it was while the block writes."""
    import ladybug

    from paperkg.graph.ladybug_store import _open, _write_failure, writer_lock

    with writer_lock(path):
        own = database is None
        if own:
            database = _open(path, read_only=False)
        try:
            conn = ladybug.Connection(database)
            try:
                committed = False
                try:
                    conn.execute("BEGIN TRANSACTION")
                    try:
                        yield conn
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
                    committed = True
                    _checkpoint_now(conn)
                    _no_close_checkpoint(conn)
                except (RuntimeError, OSError) as exc:
                    if isinstance(exc, UserError):
                        raise
                    if committed:  # written: the log holds it and the next open applies it
                        raise UserError(f"the update of {path} was written, but folding it "
                                        f"into the store failed ({exc}); it is applied when "
                                        "the store is next opened") from None
                    raise UserError(_write_failure(path, exc)) from None
                if after is not None:
                    after(conn)
            finally:
                conn.close()
        finally:
            if own:
                database.close()


class EarlyWrite:
    """One `in_place` transaction begun before all its rows are known: `start` runs the
    first statements in a thread (the engine releases the interpreter's lock while it
    executes, so they run on the core the caller's work leaves), `finish` waits for them,
    runs the last ones in the caller's thread and commits; `close` rolls back whatever was
    begun and not finished (a failure, or an update that declines). The rows the thread
    writes must not depend on what the caller computes meanwhile."""

    def __init__(self, path: Path, database, after: Callable | None = None):
        self.path, self.database, self.after = path, database, after
        self._stack: Any = None
        self._thread: Any = None
        self._conn: Any = None
        self._error: BaseException | None = None

    def start(self, write: Callable[[Any], None]) -> None:
        """Begin the transaction and run write(connection) in a thread."""
        self._stack = contextlib.ExitStack()
        conn = self._stack.enter_context(in_place(self.path, after=self.after,
                                                  database=self.database))
        self._thread = threading.Thread(target=self._run, args=(write, conn), daemon=True,
                                        name="paperkg-early-write")
        self._thread.start()
        self._conn = conn

    def _run(self, write: Callable[[Any], None], conn) -> None:
        try:
            write(conn)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread by finish
            self._error = exc

    def finish(self, write: Callable[[Any], None]) -> None:
        """Wait for start's statements, run write(connection), commit and checkpoint."""
        stack, self._stack = self._stack, None
        self._thread.join()
        try:
            if self._error is not None:
                raise self._error
            write(self._conn)
        except BaseException:
            if not stack.__exit__(*sys.exc_info()):
                raise
            return
        stack.close()

    def close(self) -> None:
        """Roll back a transaction begun and not finished (nothing otherwise)."""
        stack, self._stack = self._stack, None
        if stack is None:
            return
        self._thread.join()
        with contextlib.suppress(_Declined):
            stack.__exit__(_Declined, _Declined(), None)


class _Declined(Exception):
    """Thrown into an unfinished EarlyWrite's transaction to roll it back."""


def _checkpoint_now(conn) -> None:
    """Fold the committed transaction into the store file (a test stops a writer here)."""
    conn.execute("CHECKPOINT")


def _no_close_checkpoint(conn) -> None:
    """Spare the database's close its own checkpoint once the update is folded: its log is
    empty then, yet that checkpoint still wrote the store's header and shadow file and synced
    about ten times (0.07 CPU s and 0.4-0.5 s of wall at load 15 after a 500-paper add to
    100,000). A later commit on the same open database stays in its log (unless the engine's
    own threshold folds it), which the next open replays, so nothing committed is lost."""
    with contextlib.suppress(RuntimeError):
        conn.execute("CALL force_checkpoint_on_close=false")


def stored_inferred_citations(path: Path) -> list[tuple[str, str, dict]]:
    """The inferred CITES edges a store holds, as the graph holds them: (citing node, cited
    node, properties)."""
    with connect(path) as conn:
        return inferred_citations_in(conn)


def inferred_citations_in(conn) -> list[tuple[str, str, dict]]:
    """stored_inferred_citations on an open connection."""
    props = S.REL_TYPES[S.CITES].prop_names
    q = (f"MATCH (a:{S.PAPER})-[r:{S.CITES}]->(b:{S.PAPER}) WHERE r.source = $s "
         f"RETURN a.id, b.id{''.join(f', r.{c}' for c in props)}")
    rows = list(_stored(conn.execute(q, {"s": "inferred"})))
    return [(S.node_key(S.PAPER, a), S.node_key(S.PAPER, b),
             {"type": S.CITES, **dict(zip(props, rest, strict=True))}) for a, b, *rest in rows]


def update_store(g: nx.MultiDiGraph, path: Path, state: Path,
                 max_share: float = MAX_SHARE, extra: list | None = None) -> Delta | None:
    """Make the store at path hold g (and the PaperState rows of the spool file `state`) by
    writing only the difference, atomically; None when it declines (the caller then rewrites
    the store whole): tables unlike the schema's, or more than max_share of g's rows are
    changed or removed. `extra` (registry_store.tables) replaces the registry tables."""
    from paperkg.graph.counters import fill_counters
    from paperkg.graph.ladybug_store import _external_cites, _keep_external_cites

    # g takes the CITES enrich added and the counters they change, as a full rewrite does
    _keep_external_cites(g, _external_cites(path))
    fill_counters(g)  # as _bulk_load does
    with connect(path) as conn:
        found = diff(conn, g)
        if found is None:
            return None
        tables, total = found
        rows, removed = _state_changes(conn, state)
    delta = Delta(tables, total, rows, removed)
    if delta.rewritten() > max_share * max(1, total):
        return None
    with staged(path, copy=True) as conn:
        apply(conn, tables, rows, removed)
        if extra:
            from paperkg.graph.registry_store import replace_all

            replace_all(conn, extra)
    return delta
