"""`paperkg load neo4j --db STORE` as a user runs it: whole processes, one Neo4j server, trees
alternated.

Usage (from the repository root):

    python bench/bench_neo4j_load.py --db kg.lbug [--runs 3] [--tree /tmp/old-tree ...]

One Neo4j 5.26 server is started with the test launcher (tests/neo4j_server.py; `--heap`,
`--page-cache-mb`, full JIT). Each run empties the database and drops its constraints and
indexes (a first load into a new database), then times a fresh `python -m paperkg load neo4j
--db STORE` process of each tree in turn: the paperkg this bench runs with, then each `--tree`
(a folder holding a `paperkg` package, e.g. a `git archive` of an older commit, run with
PYTHONPATH set to it). Reported per tree: the median wall time of the whole process (reading
the store included), relationships per second of it, and the server's CPU seconds (a figure
less sensitive than wall time to other jobs on the machine), with the load average before each
run. The first run warms up the server's JIT and is left out of the medians when there are
more than two.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def empty_database(settings) -> None:
    """Delete every node and relationship, constraint and index (but the built-in lookups)."""
    from paperkg.graph.neo4j_store import clear, drop_schema

    clear(settings, batch_size=5_000)  # a Paper deletes with its relationships: small batches
    drop_schema(settings)


def main() -> None:
    from paperkg.graph.neo4j_store import Neo4jSettings
    from tests.neo4j_server import start_server

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the embedded store to load")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree", action="append", default=[],
                    help="another tree to time the same way (a folder holding paperkg/)")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--page-cache-mb", type=int, default=1024)
    ap.add_argument("--json", dest="json_out", default=None)
    ns = ap.parse_args()

    # this bench's own paperkg (the PYTHONPATH it runs with, if any), then the others
    trees = {"this": os.environ.get("PYTHONPATH", ""), **{t: t for t in ns.tree}}
    server = start_server(heap=ns.heap, quick_jit=False, page_cache_mb=ns.page_cache_mb)
    settings = Neo4jSettings(server.uri, server.user, server.password, "neo4j")
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USERNAME": server.user,
           "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": "neo4j"}
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    try:
        for i in range(ns.runs):
            for name, path in trees.items():
                empty_database(settings)
                load = os.getloadavg()[0]
                cpu0, t0 = server_cpu(server.process.pid), time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-m", "paperkg", "load", "neo4j", "--db", ns.db, "--json"],
                    env={**env, "PYTHONPATH": path}, capture_output=True, text=True,
                    stdin=subprocess.DEVNULL)
                wall = time.perf_counter() - t0
                cpu = server_cpu(server.process.pid) - cpu0
                if done.returncode != 0:
                    sys.exit(f"{name}: load failed: {done.stderr[-2000:]}")
                report = json.loads(done.stdout)
                rels = report["relationships"]
                run = {"wall_s": round(wall, 2), "server_cpu_s": round(cpu, 2),
                       "load_s": round(report["seconds"], 2), "load": round(load, 2),
                       "nodes": report["nodes"], "relationships": rels}
                runs[name].append(run)
                print(f"run {i} {name}: {wall:.1f} s ({rels / wall:,.0f} rels/s; Neo4j part "
                      f"{report['seconds']:.1f} s, server CPU {cpu:.1f} s; load {load:.1f})",
                      file=sys.stderr)
    finally:
        server.discard()
    out = {"db": ns.db, "trees": trees, "runs": runs}
    for name, rs in runs.items():
        kept = rs[1:] if len(rs) > 2 else rs
        wall = statistics.median(r["wall_s"] for r in kept)
        cpu = statistics.median(r["server_cpu_s"] for r in kept)
        rels = rs[0]["relationships"]
        out[name] = {"wall_s": wall, "rels_per_s": round(rels / wall), "server_cpu_s": cpu}
        print(f"{name}: median {wall:.1f} s -> {rels / wall:,.0f} rels/s end to end, server CPU "
              f"{cpu:.1f} s; load {[r['load'] for r in rs]}")
    if ns.json_out:
        Path(ns.json_out).write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
