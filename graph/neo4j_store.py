"""Neo4j over Bolt: load the graph (constraints first, then batched UNWIND MERGE) and run Cypher.

Result rows from `run_cypher` use one normalised shape, shared with the embedded store through
`paperkg.cypher.library`:

- a node is a dict ``{"_label": "Paper", "_key": "Paper:<id>", <each schema property>: value}``
  (every property of that label is present; missing ones are None);
- a relationship is a dict ``{"_label": "USES", "_src": "<node key>", "_dst": "<node key>",
  <each schema property of that type>: value}``;
- a path is a dict ``{"_nodes": [node, ...], "_rels": [relationship, ...]}`` in path order;
- lists, numbers, strings, booleans and None stay as they are; temporal values become ISO strings.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from paperkg.core.config import DEFAULT_NEO4J_URI as DEFAULT_URI
from paperkg.core.config import DEFAULT_NEO4J_USER as DEFAULT_USER
from paperkg.core.config import default_db
from paperkg.core.errors import UserError
from paperkg.graph import schema

BATCH_SIZE = 10_000
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Relationship properties that tell apart parallel relationships of one type between two nodes
#: (the networkx edge key "CITES|<source>").
MERGE_PROPS: dict[str, tuple[str, ...]] = {schema.CITES: ("source",)}
assert all(set(v) <= set(schema.REL_TYPES[k].prop_names) for k, v in MERGE_PROPS.items())

#: Secondary indexes beyond each label's key: the display property of every label, plus
#: properties the query library looks papers and repositories up by.
EXTRA_INDEXES: tuple[tuple[str, str], ...] = (
    (schema.PAPER, schema.NODE_TYPES[schema.PAPER].prop("arxiv_id").name),
    (schema.PAPER, schema.NODE_TYPES[schema.PAPER].prop("doi").name),
    (schema.REPOSITORY, schema.NODE_TYPES[schema.REPOSITORY].prop("owner").name),
)


#: A progress factory: progress(description, total) -> context manager yielding advance(n).
Progress = Callable[[str, int | None], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def _no_progress(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress factory that shows nothing."""
    yield lambda n=1: None


@dataclass
class Neo4jSettings:
    """Where Neo4j listens and how to log in (defaults from the NEO4J_* environment)."""

    uri: str = field(default_factory=lambda: os.environ.get("NEO4J_URI") or DEFAULT_URI)
    user: str = field(default_factory=lambda: os.environ.get("NEO4J_USERNAME") or DEFAULT_USER)
    password: str = field(default_factory=lambda: os.environ.get("NEO4J_PASSWORD") or "")
    database: str | None = field(default_factory=lambda: os.environ.get("NEO4J_DATABASE") or None)


@dataclass
class LoadReport:
    """What one load did: counts created in Neo4j, rows sent, and time taken."""

    uri: str
    database: str | None
    nodes: int = 0  # node rows sent
    relationships: int = 0  # relationship rows sent
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    constraints: int = 0  # schema statements run
    seconds: float = 0.0
    node_seconds: float = 0.0  # time spent writing nodes
    rel_seconds: float = 0.0  # time spent writing relationships
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"loaded {self.nodes:,} nodes ({self.nodes_created:,} new) and "
                f"{self.relationships:,} relationships ({self.relationships_created:,} new) into "
                f"{self.uri} [{self.database or 'default database'}] in {self.seconds:.1f}s")


# ---------------------------------------------------------------------------------------------
# Connection and errors


def _user_error(exc: Exception, settings: Neo4jSettings) -> UserError:
    """One clear line for a driver error."""
    import neo4j.exceptions as ne

    where = f"Neo4j at {settings.uri}"
    if isinstance(exc, ne.AuthError):
        return UserError(f"{where} refused the login for user {settings.user!r} "
                         "(wrong user or password)")
    if isinstance(exc, ne.ServiceUnavailable):
        return UserError(f"cannot reach {where} (is the server running and the URI right?)")
    if isinstance(exc, ne.ConfigurationError | ValueError):
        return UserError(f"bad Neo4j settings for {settings.uri!r}: {_first_line(exc)}")
    code = getattr(exc, "code", "") or ""
    if code.endswith("DatabaseNotFound"):
        return UserError(f"{where} has no database {settings.database!r}")
    if isinstance(exc, ne.Neo4jError):
        message = getattr(exc, "message", None) or str(exc)
        return UserError(f"{where}: {code.rsplit('.', 1)[-1] or 'error'}: {_first_line(message)}")
    return UserError(f"{where}: {type(exc).__name__}: {_first_line(exc)}")


def _first_line(value: Any) -> str:
    """The first non-empty line of a message."""
    for line in str(value).splitlines():
        if line.strip():
            return line.strip()
    return ""


def connect(settings: Neo4jSettings | None = None):
    """An open, verified driver for the settings (UserError when unreachable or refused)."""
    import neo4j
    import neo4j.exceptions as ne

    settings = settings or Neo4jSettings()
    scheme = settings.uri.partition("://")[0].lower()
    if scheme not in URI_SCHEMES:
        raise UserError(f"bad Neo4j URI {settings.uri!r}: use one of "
                        + ", ".join(f"{s}://" for s in URI_SCHEMES))
    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                            connection_timeout=10.0,
                                            notifications_min_severity="OFF")
    except (ne.Neo4jError, ne.DriverError, ValueError) as exc:
        raise _user_error(exc, settings) from None
    try:
        driver.verify_connectivity()
        # A missing database only shows when a session uses it.
        with driver.session(database=settings.database) as session:
            session.run("RETURN 1").consume()
    except (ne.Neo4jError, ne.DriverError, OSError, ValueError) as exc:
        driver.close()
        raise _user_error(exc, settings) from None
    return driver


# ---------------------------------------------------------------------------------------------
# Schema


def schema_statements() -> list[str]:
    """Constraint and index statements for every label of the schema module (idempotent)."""
    out = []
    for label, nt in schema.NODE_TYPES.items():
        out.append(f"CREATE CONSTRAINT {label.lower()}_{nt.key}_unique IF NOT EXISTS "
                   f"FOR (n:{label}) REQUIRE n.{nt.key} IS UNIQUE;")
    seen = set()
    for label, nt in schema.NODE_TYPES.items():
        for prop in (nt.display,):
            if prop != nt.key and (label, prop) not in seen:
                seen.add((label, prop))
                out.append(f"CREATE INDEX {label.lower()}_{prop}_index IF NOT EXISTS "
                           f"FOR (n:{label}) ON (n.{prop});")
    for label, prop in EXTRA_INDEXES:
        if (label, prop) not in seen:
            seen.add((label, prop))
            out.append(f"CREATE INDEX {label.lower()}_{prop}_index IF NOT EXISTS "
                       f"FOR (n:{label}) ON (n.{prop});")
    return out


def schema_script() -> str:
    """The text of cypher/schema.cypher, generated from the schema module."""
    head = ("// description: constraints and indexes for the paperkg graph in Neo4j\n"
            "// generated from paperkg.graph.schema by paperkg.graph.neo4j_store.schema_script();"
            " a test checks it\n")
    return head + "\n".join(schema_statements()) + "\n"


def ensure_schema(driver, settings: Neo4jSettings) -> int:
    """Create the constraints and indexes (no-op when present) and wait for them to come online."""
    with driver.session(database=settings.database) as session:
        statements = schema_statements()
        for statement in statements:
            session.run(statement.rstrip(";")).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(statements)


# ---------------------------------------------------------------------------------------------
# Loading


def _node_query(label: str, fresh: bool = False) -> tuple[str, list[str]]:
    """UNWIND statement for one label and its row columns (rows are lists).

    MERGE on the key, every property set explicitly; on a match a None keeps what is stored.
    `fresh` (no node of the label stored yet) creates instead: the graph has no duplicate keys.
    """
    nt = schema.NODE_TYPES[label]
    cols = nt.prop_names
    others = [(i, p) for i, p in enumerate(cols) if p != nt.key]
    key = f"{nt.key}: r[{cols.index(nt.key)}]"
    if fresh:  # properties in the CREATE itself: one operation per row, not one per property
        props = ", ".join([key, *(f"{p}: r[{i}]" for i, p in others)])
        return f"UNWIND $rows AS r CREATE (n:{label} {{{props}}})", cols
    on_create = ", ".join(f"n.{p} = r[{i}]" for i, p in others)
    on_match = ", ".join(f"n.{p} = coalesce(r[{i}], n.{p})" for i, p in others)
    query = f"UNWIND $rows AS r MERGE (n:{label} {{{key}}})"
    if others:
        query += f" ON CREATE SET {on_create} ON MATCH SET {on_match}"
    return query, cols


def _rel_query(rel_type: str, src: str, dst: str, fresh: bool = False) -> tuple[str, list[str]]:
    """UNWIND statement for one relationship type between two labels, and its row columns.

    MERGE between the two matched nodes (CITES: one per source); `fresh` (no relationship of the
    type stored yet) creates instead, since the graph holds each relationship once.
    """
    rt = schema.REL_TYPES[rel_type]
    src_key, dst_key = schema.NODE_TYPES[src].key, schema.NODE_TYPES[dst].key
    cols = ["_a", "_b", *rt.prop_names]
    merge_props = () if fresh else MERGE_PROPS.get(rel_type, ())
    others = [(i, p) for i, p in enumerate(cols) if i >= 2 and p not in merge_props]
    key_map = ", ".join(f"{p}: r[{cols.index(p)}]" for p in merge_props)
    pattern = f"(a)-[e:{rel_type}{' {' + key_map + '}' if key_map else ''}]->(b)"
    query = (f"UNWIND $rows AS r MATCH (a:{src} {{{src_key}: r[0]}}) "
             f"MATCH (b:{dst} {{{dst_key}: r[1]}}) ")
    on_create = ", ".join(f"e.{p} = r[{i}]" for i, p in others)
    if fresh:  # properties in the CREATE itself (a null one is not stored, as SET to null)
        props = ", ".join(f"{p}: r[{i}]" for i, p in others)
        return query + f"CREATE (a)-[e:{rel_type}{' {' + props + '}' if props else ''}]->(b)", cols
    on_match = ", ".join(f"e.{p} = coalesce(r[{i}], e.{p})" for i, p in others)
    query += f"MERGE {pattern}"
    if others:
        query += f" ON CREATE SET {on_create} ON MATCH SET {on_match}"
    return query, cols


def _stored_counts(session) -> tuple[set[str], set[str]]:
    """Labels and relationship types that already have data (from Neo4j's count store)."""
    labels = {label for label in schema.NODE_TYPES
              if session.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]}
    types = {t for t in schema.REL_TYPES
             if session.run(f"MATCH ()-[e:{t}]->() RETURN count(e) AS c").single()["c"]}
    return labels, types


def _value(value: Any) -> Any:
    """A property value Neo4j stores (tuples and sets become lists)."""
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def graph_rows(G) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """Node rows by label and relationship rows by (type, from label, to label) from a graph."""
    nodes: dict[str, list[dict]] = defaultdict(list)
    for key, data in G.nodes(data=True):
        label = data.get("label") or schema.split_key(key)[0]
        nt = schema.NODE_TYPES.get(label)
        if nt is None:
            raise UserError(f"node {key!r} has label {label!r}, which the schema does not know")
        row = {p: _value(data.get(p)) for p in nt.prop_names}
        if row[nt.key] is None:
            row[nt.key] = schema.split_key(key)[1]
        nodes[label].append(row)
    rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, ekey, data in G.edges(keys=True, data=True):
        rel_type = data.get("type") or str(ekey).split("|", 1)[0]
        rt = schema.REL_TYPES.get(rel_type)
        if rt is None:
            raise UserError(f"edge {u!r}->{v!r} has type {rel_type!r}, unknown to the schema")
        (src, a), (dst, b) = schema.split_key(u), schema.split_key(v)
        src = G.nodes[u].get("label") or src
        dst = G.nodes[v].get("label") or dst
        row = {p: _value(data.get(p)) for p in rt.prop_names}
        for p in MERGE_PROPS.get(rel_type, ()):
            if row[p] is None:
                _, _, suffix = str(ekey).partition("|")
                row[p] = suffix
        row["_a"] = G.nodes[u].get(schema.NODE_TYPES[src].key) or a
        row["_b"] = G.nodes[v].get(schema.NODE_TYPES[dst].key) or b
        rels[(rel_type, src, dst)].append(row)
    return nodes, rels


def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    """Consecutive slices of at most size rows."""
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


#: One batch of rows to send, made when a writer takes it (rows are lists in the statement's
#: column order).
Batch = Callable[[], list[list]]


def _dict_batch(cols: list[str], rows: list[dict]) -> list[list]:
    """Rows given as dicts (`graph_rows`), as lists in column order."""
    return [[row[c] for c in cols] for row in rows]


def _arrow_batch(table, lists: tuple[int, ...]) -> list[list]:
    """Rows of an Arrow table slice as lists (a missing list as an empty one, as in a graph
    read from the store)."""
    cols = [c.to_pylist() for c in table.columns]
    for i in lists:
        cols[i] = [v if v is not None else [] for v in cols[i]]
    return [list(r) for r in zip(*cols, strict=True)]


def _write(tx, query: str, rows: list[list]):
    """One managed-transaction unit: run the statement over a batch and return its counters."""
    return tx.run(query, rows=rows).consume().counters


#: Sessions writing at once (each batch is one transaction; the driver retries a batch that
#: deadlocks on a node another writer is adding relationships to). The server works on a
#: transaction with one core, so more writers can help a server with idle cores; on this
#: 2-core machine shared with other jobs, two writers measured 0.93x of one (docs/neo4j.md),
#: and 0.85-1.23x taking different types at 100k papers (docs/scale.md, twenty-ninth pass).
WRITERS = 1
#: Build the constraints and indexes of an empty database after its nodes are written.
SCHEMA_AFTER_NODES = True


def _run_batches(driver, settings: Neo4jSettings, jobs: list[list[tuple[str, Batch]]],
                 writers: int, report: LoadReport, advance: Callable[[int], None]) -> None:
    """Run the (query, batch) tasks of each job (a label or a relationship type) on `writers`
    sessions at once, adding their counters to report; a writer takes its next batch from the
    first job with the fewest writers on it, so writers seldom lock the same nodes; the first
    error stops the others and is raised."""
    import threading

    lock = threading.Lock()
    queues = [list(reversed(job)) for job in jobs]
    busy = [0] * len(queues)
    errors: list[BaseException] = []

    def take(done: int | None) -> tuple[int, tuple[str, Batch]] | None:
        with lock:
            if done is not None:
                busy[done] -= 1
            left = [i for i, queue in enumerate(queues) if queue]
            if not left or errors:
                return None
            i = min(left, key=lambda j: (busy[j], j))
            busy[i] += 1
            return i, queues[i].pop()

    def writer() -> None:
        try:
            with driver.session(database=settings.database) as session:
                done = None
                while (task := take(done)) is not None:
                    done, (query, make) = task
                    batch = make()
                    counters = session.execute_write(_write, query, batch)
                    with lock:
                        report.nodes_created += counters.nodes_created
                        report.relationships_created += counters.relationships_created
                        report.properties_set += counters.properties_set
                        advance(len(batch))
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, daemon=True) for _ in range(max(1, writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def load_neo4j(G_or_db=None, settings: Neo4jSettings | None = None, *,
               batch_size: int = BATCH_SIZE, progress: Progress | None = None,
               writers: int = WRITERS) -> LoadReport:
    """Load a graph (or the embedded store at a path; default store when None) into Neo4j.

    Nodes first, then relationships, each as batches of `batch_size` rows (one UNWIND
    transaction each) written by `writers` sessions at once. progress, if given, is called as
    progress(description, total) and returns a context manager yielding advance(n) (the CLI
    passes its progress bar).
    """
    import neo4j.exceptions as ne

    settings = settings or Neo4jSettings()
    nodes, rels = _load_rows(G_or_db, batch_size)
    report = LoadReport(uri=settings.uri, database=settings.database)
    total = sum(n for rows in (nodes, rels) for n, _ in rows.values())
    driver = connect(settings)
    start = time.perf_counter()
    try:
        with driver.session(database=settings.database) as session:
            have_labels, have_types = _stored_counts(session)
        # Into an empty database the nodes go first and the constraints and indexes are built
        # over them once, before the relationships look their ends up by key.
        schema_first = bool(have_labels or have_types) or not SCHEMA_AFTER_NODES
        if schema_first:
            report.constraints = ensure_schema(driver, settings)
        node_jobs = [(label, _node_query(label, label not in have_labels)[0], n, batches)
                     for label, (n, batches) in nodes.items()]
        rel_jobs = [(rel_type, _rel_query(rel_type, src, dst, rel_type not in have_types)[0],
                     n, batches) for (rel_type, src, dst), (n, batches) in rels.items()]
        with (progress or _no_progress)("loading into Neo4j", total) as advance:
            for jobs, bucket, attr in ((node_jobs, report.by_label, "node_seconds"),
                                       (rel_jobs, report.by_type, "rel_seconds")):
                t_phase = time.perf_counter()
                tasks = [[(query, batch) for batch in batches] for _, query, _, batches in jobs]
                _run_batches(driver, settings, tasks, writers, report, advance)
                if not report.constraints:
                    report.constraints = ensure_schema(driver, settings)
                for name, _, n, _ in jobs:
                    bucket[name] = bucket.get(name, 0) + n
                setattr(report, attr, getattr(report, attr) + time.perf_counter() - t_phase)
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise _user_error(exc, settings) from None
    finally:
        driver.close()
    report.nodes = sum(report.by_label.values())
    report.relationships = sum(report.by_type.values())
    report.seconds = time.perf_counter() - start
    return report


#: (row count, batches) of each label, and of each (type, from label, to label).
Rows = tuple[dict[str, tuple[int, list[Batch]]],
             dict[tuple[str, str, str], tuple[int, list[Batch]]]]


def _load_rows(G_or_db, batch_size: int) -> Rows:
    """The batches to load: from a graph, or from the embedded store's tables (the rows the
    graph read back from the store would give, without building it; the graph is built only
    when that would change them, see `store_rows`)."""
    from paperkg.graph.counters import fill_counters

    G = G_or_db
    if G_or_db is None or isinstance(G_or_db, str | Path):
        from paperkg.graph import ladybug_store

        path = Path(G_or_db or default_db())
        if not path.exists():
            raise UserError(f"no embedded store at {path} (run `paperkg build` first, or --db)")
        tables = store_rows(path)
        if tables is not None:
            return tuple(  # type: ignore[return-value]
                {name: (t.num_rows, [partial(_arrow_batch, t.slice(i, batch_size), lists)
                                     for i in range(0, t.num_rows, batch_size)])
                 for name, (t, lists) in part.items()} for part in tables)
        G = ladybug_store.load_graph(str(path))
    fill_counters(G)  # a graph not made by the build: its stored counters
    nodes, rels = graph_rows(G)
    out: Rows = ({}, {})
    for part, source, columns in ((out[0], nodes, lambda k: _node_query(k)[1]),
                                  (out[1], rels, lambda k: _rel_query(*k)[1])):
        for name, rows in source.items():
            cols = columns(name)
            part[name] = (len(rows), [partial(_dict_batch, cols, batch)
                                      for batch in _batches(rows, batch_size)])
    return out


def store_rows(db) -> tuple[dict, dict] | None:
    """Each label's and each (type, from label, to label)'s rows in the embedded store at db,
    as (Arrow table in the loader's columns, indexes of its list columns); None when loading
    the graph read back from the store would send other rows: a stored counter is missing
    (`fill_counters` would set it), or two relationships share their ends and merge key (the
    graph keeps one of them)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from paperkg.graph.counters import CITED_BY_PROPS
    from paperkg.graph.ladybug_store import connect
    from paperkg.graph.neo4j_import import store_tables

    counters = {schema.PAPER: (schema.PUBLISHED_ORDER, schema.CODE_REPOS, *CITED_BY_PROPS),
                schema.REPOSITORY: (schema.OWNER_REPOS,),
                **{label: (schema.INTRODUCED_BY,) for label in schema.ENTITY_LABELS}}
    nodes: dict[str, tuple] = {}
    rels: dict[tuple[str, str, str], tuple] = {}
    with connect(db) as conn:
        for name, table in store_tables(conn):
            if len(name) == 1:
                props = schema.NODE_TYPES[name[0]].props
                names = [p.name for p in props]
                if any(table.column(names.index(c)).null_count
                       for c in counters.get(name[0], ()) if c in names):
                    return None
                table = table.rename_columns(names)
                nodes[name[0]] = (table, tuple(i for i, p in enumerate(props)
                                               if p.type == schema.STRING_LIST))
                continue
            rel, src, dst = name
            props = schema.REL_TYPES[rel].props
            table = table.rename_columns(["_a", "_b", *(p.name for p in props)])
            for p in MERGE_PROPS.get(rel, ()):  # as the graph's edge key has it
                i = table.column_names.index(p)
                table = table.set_column(i, p, pc.fill_null(table.column(i).cast(pa.string()),
                                                             "inferred"))
            keys = table.select(["_a", "_b"])
            for p in MERGE_PROPS.get(rel, ()):  # the edge key: an empty value is "inferred" too
                value = table.column(p)
                keys = keys.append_column(p, pc.if_else(pc.equal(value, ""), "inferred", value))
            if keys.group_by(keys.column_names).aggregate([]).num_rows != table.num_rows:
                return None
            rels[name] = (table, tuple(i + 2 for i, p in enumerate(props)
                                       if p.type == schema.STRING_LIST))
    return nodes, rels


def clear(settings: Neo4jSettings | None = None, batch_size: int = 50_000) -> None:
    """Delete every node and relationship of the database (constraints stay)."""
    settings = settings or Neo4jSettings()
    driver = connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            while True:
                summary = session.run(
                    "MATCH (n) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS c", n=batch_size
                ).single()
                if not summary or summary["c"] == 0:
                    break
    finally:
        driver.close()


def drop_schema(settings: Neo4jSettings | None = None) -> None:
    """Drop every constraint and index of the database but Neo4j's own lookup indexes (with
    `clear`, a database as new: the next load builds its schema after its nodes)."""
    settings = settings or Neo4jSettings()
    driver = connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
                session.run("DROP CONSTRAINT $name", name=record["name"]).consume()
            for record in list(session.run("SHOW INDEXES YIELD name, type "
                                           "WHERE type <> 'LOOKUP' RETURN name")):
                session.run("DROP INDEX $name", name=record["name"]).consume()
    finally:
        driver.close()


# ---------------------------------------------------------------------------------------------
# Queries


def run_cypher(query: str, params: dict | None = None, settings: Neo4jSettings | None = None,
               driver=None) -> tuple[list[str], list[list[Any]]]:
    """Run one read query on Neo4j; (columns, rows) in the normalised shape of this module."""
    import neo4j.exceptions as ne

    settings = settings or Neo4jSettings()
    own = driver is None
    driver = driver or connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            result = session.run(query, params or {})
            columns = list(result.keys())
            raw = [list(record.values()) for record in result]
        return columns, normalise_rows(raw, driver, settings)
    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
        raise _user_error(exc, settings) from None
    finally:
        if own:
            driver.close()


def normalise_rows(rows: Iterable[list[Any]], driver=None,
                   settings: Neo4jSettings | None = None) -> list[list[Any]]:
    """Driver values turned into plain nodes/relationships/paths dicts (see module docstring)."""
    import neo4j.graph as ng

    rows = [list(r) for r in rows]
    keys: dict[str, str] = {}  # element id -> node key
    missing: set[str] = set()

    def visit(value: Any) -> None:
        if isinstance(value, ng.Node):
            if value.labels:
                keys[value.element_id] = _key_of(value)
        elif isinstance(value, ng.Relationship):
            for node in value.nodes:
                if node is not None and node.labels:
                    keys[node.element_id] = _key_of(node)
                elif node is not None:
                    missing.add(node.element_id)
        elif isinstance(value, ng.Path):
            for node in value.nodes:
                keys[node.element_id] = _key_of(node)
        elif isinstance(value, list | tuple):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)

    for row in rows:
        for value in row:
            visit(value)
    missing -= keys.keys()
    if missing and driver is not None:
        with driver.session(database=(settings or Neo4jSettings()).database) as session:
            for record in session.run(
                "MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS e, labels(n) AS l, "
                "n AS n", ids=sorted(missing)
            ):
                keys[record["e"]] = _key_of(record["n"])
    return [[_plain(v, keys) for v in row] for row in rows]


def _key_of(node) -> str:
    """The node key of a driver node."""
    label = next(iter(sorted(node.labels)), "")
    nt = schema.NODE_TYPES.get(label)
    return schema.node_key(label, node.get(nt.key if nt else "id"))


def _plain(value: Any, keys: dict[str, str]) -> Any:
    """One driver value in the normalised shape."""
    import neo4j.graph as ng

    if isinstance(value, ng.Node):
        label = next(iter(sorted(value.labels)), "")
        return node_dict(label, dict(value.items()))
    if isinstance(value, ng.Relationship):
        src, dst = value.nodes
        return rel_dict(value.type, keys.get(src.element_id) if src is not None else None,
                        keys.get(dst.element_id) if dst is not None else None,
                        dict(value.items()))
    if isinstance(value, ng.Path):
        return {"_nodes": [_plain(n, keys) for n in value.nodes],
                "_rels": [_plain(r, keys) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [_plain(v, keys) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, keys) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)


def node_dict(label: str, props: dict[str, Any]) -> dict[str, Any]:
    """A node in the normalised shape: _label, _key and every schema property of the label."""
    nt = schema.NODE_TYPES.get(label)
    if nt is None:
        return {"_label": label, "_key": schema.node_key(label, props.get("id")), **props}
    out = {"_label": label, "_key": schema.node_key(label, props.get(nt.key))}
    out.update({p: _list_or(props.get(p)) for p in nt.prop_names})
    return out


def rel_dict(rel_type: str, src: str | None, dst: str | None,
             props: dict[str, Any]) -> dict[str, Any]:
    """A relationship in the normalised shape: _label, _src, _dst and its schema properties."""
    rt = schema.REL_TYPES.get(rel_type)
    out: dict[str, Any] = {"_label": rel_type, "_src": src, "_dst": dst}
    names = rt.prop_names if rt else [k for k in props if not k.startswith("_")]
    out.update({p: _list_or(props.get(p)) for p in names})
    return out


def _list_or(value: Any) -> Any:
    """Tuples as lists; everything else unchanged."""
    return list(value) if isinstance(value, tuple) else value
