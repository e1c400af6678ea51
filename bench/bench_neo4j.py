"""Load rates and library-query latencies on Neo4j and the embedded store (LadybugDB).

Usage (from the repository root):

    python bench/bench_neo4j.py [--papers 100000] [--runs 3] [--query-runs 15] [--json out.json]

A real Neo4j 5.26 server is started with the test launcher (tests/neo4j_server.py) unless
NEO4J_URI is set, in which case that server's database is emptied and used. The synthetic graph
is bench/synth.py's. Figures are medians over runs: loads into an empty database/store, a
second Neo4j load of the same graph (nothing new: MERGE only), and each library query (with a
`RETURN 1` round trip as the same-run baseline; the `x base` column is the ratio to it). On the
embedded store each query is also timed as `paperkg ask` runs it (`ask` column: a paper
parameter looked up first, as ids or titles). `--skip-neo4j` measures the embedded store only;
`--db STORE` times the queries on an existing store (a corpus build) instead of a synthetic graph.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def query_params(G) -> dict[str, dict]:
    """Parameters for every library query on the synthetic graph: typical, not extreme, keys."""
    from paperkg.cypher import library as L
    from paperkg.graph import schema as S

    mention = set(L.macros()["MENTION_RELS"].split("|"))
    by_entity, by_paper, cited = Counter(), Counter(), Counter()
    evaluated, introduces, owners = Counter(), Counter(), Counter()
    for u, v, d in G.edges(data=True):
        if d["type"] in mention:
            by_entity[v] += 1
            by_paper[u] += 1
        if d["type"] == S.CITES:
            cited[v] += 1
        if d["type"] == S.EVALUATED_ON:
            evaluated[v] += 1
        if d["type"] == S.INTRODUCES:
            introduces[u] += 1
    for _, d in G.nodes(data=True):
        if d["label"] == S.REPOSITORY and d.get("owner"):
            owners[d["owner"]] += 1

    def ranked(counter: Counter, rank: int) -> str:
        """The key at that rank (the last when fewer), as an id; 'none' when there is none."""
        items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))  # ties: by key
        if not items:
            return "none"
        key = items[min(rank, len(items) - 1)][0]
        return key.partition(":")[2] if ":" in key else key

    papers = sorted(n for n, d in G.nodes(data=True) if d["label"] == S.PAPER)
    return {
        "papers_on_benchmark": {"benchmark": ranked(evaluated, 50)},
        "top_datasets": {},
        "paper_introduces": {"paper": ranked(introduces, 0)},
        "papers_with_code": {},
        "shared_entities": {"paper": ranked(by_paper, 100)},
        "co_used_entities": {"entity": ranked(by_entity, 50)},
        "inferred_references": {"paper": ranked(by_paper, 100)},
        "cited_by": {"paper": ranked(cited, 100)},
        "most_cited": {},
        "neighbourhood": {"entity": ranked(by_entity, len(by_entity) // 2), "depth": 2},
        "shortest_path": {"source": papers[len(papers) // 2].split(":", 1)[1],
                          "target": papers[len(papers) // 3].split(":", 1)[1]},
        "entities_by_introducers": {},
        "repos_by_owner": {"owner": ranked(owners, 10)},
        "top_repo_owners": {},
    }


def median_ms(fn, runs: int, warmup: int = 2) -> float:
    """Median wall time of fn() in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def bench_embedded(G, runs: int, query_runs: int, params: dict, db: Path | None = None) -> dict:
    """Load rate into a fresh store file, and query latencies on it (on db, when given: an
    existing store, nothing loaded)."""
    from paperkg.graph import ladybug_store

    tmp = Path(tempfile.mkdtemp(prefix="paperkg-bench-"))
    loads = []
    for i in range(0 if db else runs):
        path = tmp / f"kg{i}.lbug"
        t = time.perf_counter()
        ladybug_store.write_graph(G, path, mode="fresh")
        loads.append(time.perf_counter() - t)
    try:
        out = embedded_latencies(db or tmp / "kg0.lbug", query_runs, params)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"load_seconds": loads, **out}


def embedded_latencies(db: Path, query_runs: int, params: dict) -> dict:
    """Median latency of each library query on a store (as run, and as `paperkg ask` runs it)."""
    from paperkg.cypher import adjacency
    from paperkg.cypher import library as L

    latencies, ask_ms, rows = {}, {}, {}
    key = adjacency.store_key(Path(db))
    with L.embedded_connection(db) as conn:  # as `paperkg ask` opens it
        latencies["(baseline: RETURN 1)"] = median_ms(
            lambda: L.run_embedded_on(conn, "RETURN 1 AS one", {}), query_runs)
        def engine(t, v):
            return L.run_embedded_on(conn, t, v)

        for name, p in params.items():
            query = L.get_query(name)

            def run(query=query, p=p):  # the Cypher on the engine, `// derive:` lines first
                derived = L.derive(query, p, L.EMBEDDED, engine)
                text, values = L.prepare(query.name, p, L.EMBEDDED, derived)
                return L.finish(query, p, engine(text, values))

            def via_ask(query=query, p=p):  # as L.ask does it, on the open connection (papers
                # looked up by id or title; a query with `// embedded:` answered from the
                # store's compact arrays, read once and kept beside the store)
                return L.ask_on(conn, query.name, p, db, key)

            latencies[name] = median_ms(run, query_runs)
            ask_ms[name] = median_ms(via_ask, query_runs)
            rows[name] = len(run()[1])
    return {"latency_ms": latencies, "ask_ms": ask_ms, "rows": rows}


def paired_before_after(db: Path, query_runs: int, params: dict, before: Path,
                        before_threads: int | None = None) -> dict:
    """Each query's older text (the .cypher files in `before`, run as the library runs them,
    their own derive statements first) against the current query, alternated run by run in
    one process on the same store; the answers must be equal. The older text runs on a
    connection like the library's, or with `before_threads` threads (0: the engine's default).
    The current query runs as `ask` runs it (`L.ask_on`: a paper parameter looked up first, a
    query with `// embedded:` answered from the store's compact arrays).
    Returns name -> (before ms, after ms)."""
    from paperkg.cypher import adjacency
    from paperkg.cypher import library as L

    out = {}
    key = adjacency.store_key(Path(db))
    with L.embedded_connection(db) as conn, L.embedded_connection(db) as old_conn:
        if before_threads is not None:
            old_conn.set_max_threads_for_exec(before_threads or os.cpu_count() or 1)

        def old_engine(t, v):
            return L.run_embedded_on(old_conn, t, v)

        for name, p in params.items():
            old, new = L.parse_query_file(before / f"{name}.cypher"), L.get_query(name)

            def run_old(old=old, p=p):  # with its own `// derive:` statements, if any
                p = L.resolve_papers(old, p, old_engine)  # as `ask` does (a key lookup)
                bound = {**L.bind(old, p), **L.derive(old, p, L.EMBEDDED, old_engine)}
                text = L.expand(L._narrow_entities(old.text, bound), old, bound)
                used = {k: v for k, v in bound.items() if f"${k}" in text}
                return L.finish(old, p, old_engine(*L.to_dialect(text, L.EMBEDDED, used)))

            def run_new(new=new, p=p):
                return L.ask_on(conn, new.name, p, db, key)

            if run_old() != run_new():
                raise SystemExit(f"{name}: the answers before and after differ")
            times: tuple[list, list] = ([], [])
            for _ in range(query_runs):
                for fn, ts in ((run_old, times[0]), (run_new, times[1])):
                    t = time.perf_counter()
                    fn()
                    ts.append((time.perf_counter() - t) * 1000)
            out[name] = (statistics.median(times[0]), statistics.median(times[1]))
    return out


def bench_neo4j(G, settings, runs: int, query_runs: int, params: dict,
                writers: int | None = None) -> dict:
    """Load rate into an emptied database, the idempotent reload, and query latencies
    (`writers`: sessions the loader writes with; None: its default)."""
    from paperkg.cypher import library as L
    from paperkg.graph.neo4j_store import clear, connect, load_neo4j, run_cypher

    options = {} if writers is None else {"writers": writers}
    loads = []
    for _ in range(runs):
        clear(settings)
        report = load_neo4j(G, settings, **options)
        loads.append(report)
    again = load_neo4j(G, settings, **options)
    driver = connect(settings)
    latencies, rows = {}, {}
    try:
        latencies["(baseline: RETURN 1)"] = median_ms(
            lambda: run_cypher("RETURN 1 AS one", {}, settings, driver=driver), query_runs)
        def engine(t, v):
            return run_cypher(t, v, settings, driver=driver)

        for name, p in params.items():
            query = L.get_query(name)

            def run(query=query, p=p):
                derived = L.derive(query, p, L.NEO4J, engine)
                return L.finish(query, p, engine(*L.prepare(query.name, p, L.NEO4J, derived)))

            latencies[name] = median_ms(run, query_runs)
            rows[name] = len(run()[1])
    finally:
        driver.close()
    return {"loads": [vars(r) for r in loads], "reload": vars(again),
            "latency_ms": latencies, "rows": rows}


def print_latencies(params: dict, emb: dict | None, neo: dict | None) -> None:
    """One line per query: median ms and ratio to the RETURN 1 baseline on each engine."""
    base = "(baseline: RETURN 1)"
    engines = [(title, r) for title, r in (("embedded", emb), ("neo4j", neo)) if r is not None]
    head = "".join(f" {t:>10} {'x base':>8}" for t, _ in engines)
    print(f"\n{'query (median ms)':26}{head}" + (f" {'ask':>8}" if emb else "") + f" {'rows':>6}")
    for name in (base, *params):
        line = f"{name:26}"
        for _, r in engines:
            ms = r["latency_ms"][name]
            line += f" {ms:10.1f} {ms / r['latency_ms'][base]:8.0f}"
        if emb:
            line += f" {emb['ask_ms'].get(name, float('nan')):8.1f}"
        rows = [r["rows"].get(name) for _, r in engines]
        print(line + f" {rows[0] if rows[0] is not None else '':>6}")
        if len(set(rows)) > 1:
            print(f"  !! row counts differ: {rows}")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a summary (and JSON when asked)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3, help="loads per engine")
    ap.add_argument("--query-runs", type=int, default=15, help="timed runs per query")
    ap.add_argument("--heap", default="4g", help="heap of the Neo4j server started here")
    ap.add_argument("--page-cache-mb", type=int, default=2048,
                    help="page cache of the Neo4j server started here")
    ap.add_argument("--writers", type=int, help="sessions the Neo4j loader writes with "
                    "(default: the loader's own)")
    ap.add_argument("--skip-embedded", action="store_true", help="measure Neo4j only")
    ap.add_argument("--skip-neo4j", action="store_true", help="measure the embedded store only")
    ap.add_argument("--db", type=Path,
                    help="time the queries on this existing store (e.g. a corpus build) instead "
                         "of a synthetic graph; nothing is loaded, Neo4j is skipped")
    ap.add_argument("--queries", help="comma-separated query names (default: all)")
    ap.add_argument("--before", type=Path,
                    help="with --db: also time the .cypher files in this folder (e.g. `git "
                         "archive COMMIT cypher | tar -x -C DIR`) against the current queries, "
                         "alternately, checking the answers are equal")
    ap.add_argument("--before-threads", type=int,
                    help="with --before: run the older queries with this many engine threads "
                         "(0: the engine's default, as before the library set one)")
    ap.add_argument("--params", type=Path,
                    help="with --db: read the queries' parameters from this JSON file instead of "
                         "choosing them from the store's graph (reading it takes minutes at "
                         "100k papers); --save-params writes one")
    ap.add_argument("--save-params", type=Path, help="write the chosen parameters here")
    ap.add_argument("--json", type=Path, help="write all figures here")
    args = ap.parse_args(argv)

    from bench.synth import synthetic_graph
    from paperkg.graph.neo4j_store import Neo4jSettings

    t = time.perf_counter()
    if args.db and args.params:
        from paperkg.graph.ladybug_store import query

        G = None
        args.skip_neo4j, args.runs = True, 0
        args.papers = query("MATCH (p:Paper) RETURN count(*)", db=args.db)[1][0][0]
        what = f"store {args.db} (parameters from {args.params})"
    elif args.db:
        from paperkg.graph.ladybug_store import load_graph

        G = load_graph(args.db)
        args.skip_neo4j, args.runs = True, 0
        args.papers = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Paper")
        what = f"store {args.db}"
    else:
        G = synthetic_graph(args.papers)
        what = "synthetic graph"
    if G is None:
        n = m = 0
        print(f"{what}: {args.papers:,} papers")
        params = json.loads(args.params.read_text(encoding="utf-8"))
    else:
        n, m = G.number_of_nodes(), G.number_of_edges()
        print(f"{what}: {args.papers:,} papers, {n:,} nodes, {m:,} relationships "
              f"({time.perf_counter() - t:.1f}s)")
        params = query_params(G)
    if args.save_params:
        args.save_params.write_text(json.dumps(params, indent=1), encoding="utf-8")
    if args.queries:
        wanted = args.queries.split(",")
        unknown = sorted(set(wanted) - set(params))
        if unknown:
            ap.error(f"no query called {unknown[0]!r}")
        params = {k: v for k, v in params.items() if k in wanted}
    if args.db:
        del G  # the queries run on the store; the graph only chose their parameters

    server = None
    if args.skip_neo4j:
        settings = None
    elif os.environ.get("NEO4J_URI"):
        settings = Neo4jSettings()
    else:
        from tests.neo4j_server import start_server

        server = start_server(heap=args.heap, quick_jit=False,
                              page_cache_mb=args.page_cache_mb)
        settings = Neo4jSettings(server.uri, server.user, server.password, "neo4j")
    try:
        neo = (bench_neo4j(G, settings, args.runs, args.query_runs, params, args.writers)
               if settings else None)
    finally:
        if server:
            server.stop()
            shutil.rmtree(server.home, ignore_errors=True)
    emb = None if args.skip_embedded else bench_embedded(
        None if args.db else G, args.runs, args.query_runs, params, db=args.db)

    if neo is not None:
        loads = neo["loads"]
        med = {k: statistics.median(r[k] for r in loads)
               for k in ("seconds", "node_seconds", "rel_seconds")}
        print(f"\nNeo4j load (median of {len(loads)}, empty database): {med['seconds']:.1f}s "
              f"total; nodes {n / med['node_seconds']:,.0f}/s, relationships "
              f"{m / med['rel_seconds']:,.0f}/s (whole load: {m / med['seconds']:,.0f} rels/s)")
        print("  per run, relationships/s: "
              + ", ".join(f"{m / r['rel_seconds']:,.0f}" for r in loads))
        print(f"Neo4j reload of the same graph (nothing new): {neo['reload']['seconds']:.1f}s, "
              f"{neo['reload']['nodes_created']} nodes and "
              f"{neo['reload']['relationships_created']} relationships created")
    if emb is not None and emb["load_seconds"]:
        emb_load = statistics.median(emb["load_seconds"])
        print(f"Embedded store load (median of {len(emb['load_seconds'])}, fresh file): "
              f"{emb_load:.2f}s; {n / emb_load:,.0f} nodes/s and {m / emb_load:,.0f} rels/s "
              "together")
    print(f"machine load average during the run: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    print_latencies(params, emb, neo)
    if args.before and args.db:
        load = os.getloadavg()[0]
        paired = paired_before_after(args.db, args.query_runs, params, args.before,
                                     args.before_threads)
        print(f"\nbefore ({args.before}) and after, alternated, same answers; median ms "
              f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f}):")
        for name, (old, new) in paired.items():
            print(f"{name:26} {old:10.1f} {new:10.1f} {old / new:8.1f}x")
        if args.json:
            emb = {**(emb or {}), "before_after_ms": paired}
    if args.json:
        args.json.write_text(json.dumps({"papers": args.papers, "nodes": n, "relationships": m,
                                         "neo4j": neo, "embedded": emb}, indent=2, default=str))


if __name__ == "__main__":
    main()
