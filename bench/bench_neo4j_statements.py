"""Where a Neo4j load's time goes: the loader's relationship statement against variants of it.

Usage (from the repository root):

    python bench/bench_neo4j_statements.py [--papers 10000] [--rounds 2] [--variants ...]

One Neo4j 5.26 server is started with the test launcher (tests/neo4j_server.py). For each
round and variant the database is emptied, the nodes are loaded as the loader loads them, and
the relationships of bench/synth.py's graph are written with the variant; the rate printed is
relationships per second of that phase. Variants (alternated, their order reversed every other
round): `loader` (paperkg.graph.neo4j_store's statement), `no-props` (CREATE without
properties), `match-only` (the two key lookups, no CREATE), `by-source` / `by-target` (rows
sorted by that end's key), `in-transactions` (one statement per relationship file with
`CALL (r) { ... } IN TRANSACTIONS OF 10000 ROWS`), `batch-50k` (50,000-row transactions),
`by-id` (both ends found by internal node id, `MATCH (a) WHERE id(a) = r[0]`, from a map of
key -> id read once per label after the nodes are loaded; the read is timed with the phase),
`parallel-types` (the loader's statement, each (type, from, to) file written by one of two
sessions at once, so that two writers rarely lock the same ends' relationship chains),
`columns` (the loader's statement with its parameters as one list per column, `$c0[i]`, instead
of one list per row), `no-lookup` (the loader's statement with Neo4j's relationship type lookup
index dropped first and built again after the last batch, the rebuild timed with the phase).
Besides the rate, the server's CPU seconds of the phase are printed (less sensitive than wall
time to other jobs on the machine).

`--config NAME=VALUE` (repeatable) starts a second server with those settings (e.g.
`db.tx_state.memory_allocation=OFF_HEAP`); every round then runs each variant on both servers,
alternately, and the rates are printed per server.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VARIANTS = ("loader", "no-props", "match-only", "by-source", "by-target", "in-transactions",
            "batch-50k", "by-id", "parallel-types", "columns", "no-lookup")


def write_rels(driver, rels: dict, variant: str) -> float:
    """Write every relationship row with the variant; returns relationships per second."""
    from paperkg.graph import neo4j_store as N

    def in_tx(query: str, rows: list) -> None:
        with driver.session() as session:
            session.execute_write(lambda tx: tx.run(query, rows=rows).consume())

    batch = 50_000 if variant == "batch-50k" else N.BATCH_SIZE
    start, count = time.perf_counter(), 0
    if variant == "parallel-types":
        return _parallel_types(driver, rels, start)
    lookup = None
    if variant == "no-lookup":
        with driver.session() as session:
            lookup = session.run("SHOW INDEXES YIELD name, type, entityType WHERE type = 'LOOKUP' "
                                 "AND entityType = 'RELATIONSHIP' RETURN name").single()
            if lookup is not None:
                session.run("DROP INDEX $name", name=lookup["name"]).consume()
    ids: dict[str, dict] = {}
    if variant == "by-id":
        with driver.session() as session:
            for label in {lab for _, a, b in rels for lab in (a, b)}:
                key = N.schema.NODE_TYPES[label].key
                ids[label] = {k: i for k, i in session.run(
                    f"MATCH (n:{label}) RETURN n.{key} AS k, id(n) AS i").values()}
    for (rel_type, src, dst), rows in rels.items():
        query, cols = N._rel_query(rel_type, src, dst, fresh=True)
        head = query[:query.index("CREATE")]
        if variant == "no-props":
            query = head + f"CREATE (a)-[e:{rel_type}]->(b)"
        elif variant == "match-only":
            query = head + "RETURN count(*)"
        if variant in ("by-source", "by-target"):
            end = "_a" if variant == "by-source" else "_b"
            rows = sorted(rows, key=lambda r, end=end: (r[end], r["_a"], r["_b"]))
        data = [[r[c] for c in cols] for r in rows]
        if variant == "by-id":
            query = ("UNWIND $rows AS r MATCH (a) WHERE id(a) = r[0] MATCH (b) WHERE id(b) = r[1] "
                     + query[query.index("CREATE"):])
            data = [[ids[src][row[0]], ids[dst][row[1]], *row[2:]] for row in data]
        if variant == "in-transactions":
            body = query.removeprefix("UNWIND $rows AS r ")
            with driver.session() as session:
                session.run(f"UNWIND $rows AS r CALL (r) {{ {body} }} IN TRANSACTIONS OF "
                            f"{N.BATCH_SIZE} ROWS", rows=data).consume()
        elif variant == "columns":
            body = query.removeprefix("UNWIND $rows AS r ")
            for i in reversed(range(len(cols))):  # r[10] before r[1]
                body = body.replace(f"r[{i}]", f"$c{i}[i]")
            columns_query = f"UNWIND range(0, size($c0) - 1) AS i {body}"
            for i in range(0, len(data), batch):
                part = data[i:i + batch]
                params = {f"c{j}": [row[j] for row in part] for j in range(len(cols))}
                with driver.session() as session:
                    session.execute_write(
                        lambda tx, q=columns_query, p=params: tx.run(q, p).consume())
        else:
            for i in range(0, len(data), batch):
                in_tx(query, data[i:i + batch])
        count += len(rows)
    if lookup is not None:
        with driver.session() as session:
            session.run(f"CREATE LOOKUP INDEX {lookup['name']} IF NOT EXISTS "
                        "FOR ()-[r]-() ON EACH type(r)").consume()
            session.run("CALL db.awaitIndexes(300)").consume()
    return count / (time.perf_counter() - start)


def _parallel_types(driver, rels: dict, start: float) -> float:
    """The loader's statement, one (type, from, to) file at a time per session, two sessions."""
    import threading

    from paperkg.graph import neo4j_store as N

    files = sorted(rels.items(), key=lambda kv: -len(kv[1]))  # largest first
    lock, errors = threading.Lock(), []

    def writer() -> None:
        try:
            with driver.session() as session:
                while True:
                    with lock:
                        if not files or errors:
                            return
                        (rel_type, src, dst), rows = files.pop(0)
                    query, cols = N._rel_query(rel_type, src, dst, fresh=True)
                    data = [[r[c] for c in cols] for r in rows]
                    for i in range(0, len(data), N.BATCH_SIZE):
                        session.execute_write(
                            lambda tx, q=query, b=data[i:i + N.BATCH_SIZE]:
                            tx.run(q, rows=b).consume())
        except BaseException as exc:  # noqa: BLE001 - raised in the caller
            errors.append(exc)

    count = sum(map(len, rels.values()))
    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return count / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> None:
    """Run the rounds and print each rate and the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--variants", default=",".join(VARIANTS),
                    help=f"comma-separated, from: {', '.join(VARIANTS)}")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--page-cache-mb", type=int, default=1024)
    ap.add_argument("--config", action="append", default=[], metavar="NAME=VALUE",
                    help="a second server with this setting; variants alternate between both")
    args = ap.parse_args(argv)
    config = dict(item.split("=", 1) for item in args.config)
    variants = args.variants.split(",")
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown:
        ap.error(f"no variant called {unknown[0]!r}")

    from bench.bench_neo4j_load import server_cpu
    from bench.synth import synthetic_graph
    from paperkg.graph import neo4j_store as N
    from paperkg.graph.counters import fill_counters
    from tests.neo4j_server import start_server

    G = synthetic_graph(args.papers)
    fill_counters(G)
    nodes, rels = N.graph_rows(G)
    print(f"synthetic graph: {args.papers:,} papers, {G.number_of_nodes():,} nodes, "
          f"{G.number_of_edges():,} relationships", flush=True)
    servers = {"default": start_server(heap=args.heap, quick_jit=False,
                                       page_cache_mb=args.page_cache_mb)}
    if config:
        servers[",".join(args.config)] = start_server(heap=args.heap, quick_jit=False,
                                                     page_cache_mb=args.page_cache_mb,
                                                     config=config)
    runs = {name: (N.Neo4jSettings(s.uri, s.user, s.password, None), None)
            for name, s in servers.items()}
    runs = {name: (st, N.connect(st)) for name, (st, _) in runs.items()}
    rates: dict[tuple[str, str], list[float]] = {(n, v): [] for n in runs for v in variants}
    cpus: dict[tuple[str, str], list[float]] = {(n, v): [] for n in runs for v in variants}
    try:
        for r in range(args.rounds):
            for variant in variants if r % 2 == 0 else variants[::-1]:
                for name in list(runs) if r % 2 == 0 else list(runs)[::-1]:
                    settings, driver = runs[name]
                    N.clear(settings)
                    N.ensure_schema(driver, settings)
                    with driver.session() as session:
                        for label, rows in nodes.items():
                            query, cols = N._node_query(label, fresh=True)
                            for i in range(0, len(rows), N.BATCH_SIZE):
                                batch = [[row[c] for c in cols]
                                         for row in rows[i:i + N.BATCH_SIZE]]
                                session.execute_write(
                                    lambda tx, q=query, b=batch: tx.run(q, rows=b).consume())
                    cpu = server_cpu(servers[name].process.pid)
                    rate = write_rels(driver, rels, variant)
                    cpu = server_cpu(servers[name].process.pid) - cpu
                    with driver.session() as session:
                        stored = session.run("MATCH ()-[e]->() RETURN count(e) AS c").single()["c"]
                    if variant != "match-only" and stored != G.number_of_edges():
                        sys.exit(f"{variant}: {stored} relationships stored, "
                                 f"{G.number_of_edges()} written")
                    rates[(name, variant)].append(rate)
                    cpus[(name, variant)].append(cpu)
                    print(f"round {r} {name:12.12} {variant:16} {rate:10,.0f} rels/s, server CPU "
                          f"{cpu:.1f} s (load average {os.getloadavg()[0]:.1f})", flush=True)
    finally:
        for _, driver in runs.values():
            driver.close()
        for server in servers.values():
            server.stop()
            shutil.rmtree(server.home, ignore_errors=True)
    for (name, variant), values in rates.items():
        print(f"{name:12.12} {variant:16} median {statistics.median(values):10,.0f} rels/s, "
              f"server CPU {statistics.median(cpus[(name, variant)]):.1f} s; runs "
              + ", ".join(f"{v:,.0f} ({c:.1f} s)"
                          for v, c in zip(values, cpus[(name, variant)], strict=True)))


if __name__ == "__main__":
    main()
