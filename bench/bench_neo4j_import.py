"""Neo4j's offline bulk path: `paperkg export --format neo4j-import` then the real
`neo4j-admin database import full`, on bench/synth.py's synthetic graph.

Usage (from the repository root):

    python bench/bench_neo4j_import.py [--papers 100000] [--runs 3] [--json out.json]
    python bench/bench_neo4j_import.py --db kg.lbug [--runs 3]

The import is the folder's import.sh, run as a user runs it (tests/test_neo4j_import.py
`neo4j_admin_import`): its `neo4j-admin` starts Neo4j's own launcher, which starts the import in
a second JVM, both with import.sh's JVM options, from the Neo4j 5.26 jars the tests use
(tests/neo4j_server.py fetches them with Maven), so the figures are the user's. Each run writes
the files into a new folder and imports them into a new NEO4J_HOME. Figures are medians over
runs: seconds to write the files, seconds of the import (both JVMs' starts included), and
relationships per second of the whole path (files + import),
with the CPU seconds of each step (this process's for the files, the importer's for the import:
on a shared machine the figures that compare).
`--db STORE` times the path on an embedded store as `paperkg export --format neo4j-import --db`
runs it: the files step reads the store's columns itself (`write_store_import_files`, no
networkx graph; the graph is read only for `--against-unwind`). Compare with
`bench/bench_neo4j.py`, which times the UNWIND loader over Bolt; `--against-unwind` also starts
one Neo4j server (the bench's 4 GB heap, 2 GB page cache) and, in each run, loads the same graph
into its emptied database with the UNWIND loader right before the bulk path.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far (the importer)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    from bench.synth import synthetic_graph
    from paperkg.graph.neo4j_import import write_import_files, write_store_import_files
    from tests.neo4j_server import build_launcher
    from tests.test_neo4j_import import neo4j_admin_import

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="an embedded store to read the graph from")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("--against-unwind", action="store_true",
                    help="also time the UNWIND loader on one server, alternated with the bulk path")
    ns = ap.parse_args()

    G = None
    if not ns.db:
        G = synthetic_graph(ns.papers)
    elif ns.against_unwind:
        from paperkg.graph.ladybug_store import load_graph

        G = load_graph(ns.db)
    # The jars and launcher once, before any timing: `build_launcher` takes the machine-wide
    # lock of the tests' set-up, which another test run may hold for minutes (apt, Maven).
    install = build_launcher()
    runs = []
    server = settings = None
    if ns.against_unwind:
        from paperkg.graph.neo4j_store import Neo4jSettings, clear, load_neo4j
        from tests.neo4j_server import start_server

        server = start_server(heap="4g", quick_jit=False, page_cache_mb=2048)
        settings = Neo4jSettings(server.uri, server.user, server.password, None)
    for _ in range(ns.runs):
        work = Path(tempfile.mkdtemp(prefix="bench_neo4j_import."))
        try:
            unwind = None
            if settings is not None:
                clear(settings)
                unwind = load_neo4j(G, settings).seconds
            load = os.getloadavg()[0]
            t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
            files = write_store_import_files(ns.db, work / "files") if ns.db else \
                write_import_files(G, work / "files")
            t1, c1 = time.perf_counter(), time.process_time()
            nodes, rels = files.node_count, files.relationship_count
            done = neo4j_admin_import(work / "files", work / "home", install)
            t2, k2 = time.perf_counter(), _children_cpu()
            if done.returncode != 0 or f"{rels} relationships" not in done.stdout:
                sys.exit(f"import failed: {(done.stdout + done.stderr)[-2000:]}")
            runs.append({"write_s": t1 - t0, "import_s": t2 - t1, "load": round(load, 2),
                         "write_cpu_s": round(c1 - c0, 2), "import_cpu_s": round(k2 - k0, 2),
                         "unwind_s": unwind})
            print(f"run: files {t1 - t0:.1f} s ({c1 - c0:.1f} CPU s), import {t2 - t1:.1f} s "
                  f"({k2 - k0:.1f} CPU s of the importer) (load {load:.1f})"
                  + ("" if unwind is None else f"; UNWIND loader {unwind:.1f} s"),
                  file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if server is not None:
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)
    write = statistics.median(r["write_s"] for r in runs)
    imp = statistics.median(r["import_s"] for r in runs)
    out = {"papers": None if ns.db else ns.papers, "db": ns.db, "nodes": nodes,
           "relationships": rels,
           "write_files_s": round(write, 2), "neo4j_admin_import_s": round(imp, 2),
           "rels_per_s_total": round(rels / (write + imp)),
           "rels_per_s_import": round(rels / imp),
           "write_cpu_s": statistics.median(r["write_cpu_s"] for r in runs),
           "import_cpu_s": statistics.median(r["import_cpu_s"] for r in runs), "runs": runs}
    print(f"{nodes} nodes, {rels} relationships: files {write:.1f} s, neo4j-admin import "
          f"{imp:.1f} s -> {out['rels_per_s_total']:,} rels/s end to end "
          f"({out['rels_per_s_import']:,} rels/s import alone); CPU s files "
          f"{out['write_cpu_s']}, importer {out['import_cpu_s']}; load {[r['load'] for r in runs]}")
    if settings is not None:
        unwind = statistics.median(r["unwind_s"] for r in runs)
        out["unwind_s"] = round(unwind, 2)
        print(f"UNWIND loader into the running server: {unwind:.1f} s -> {rels / unwind:,.0f} "
              f"rels/s; bulk path {unwind / (write + imp):.2f}x its speed")
    if ns.json_out:
        Path(ns.json_out).write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
