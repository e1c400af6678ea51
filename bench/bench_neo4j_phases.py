"""The UNWIND loader's phases on one Neo4j server: wall and server CPU per phase and per thread,
one writer against several, the loaded databases compared by digest.

Usage (from the repository root):

    python bench/bench_neo4j_phases.py --db kg.lbug [--variants 1,2] [--rounds 2] [--digest 1]

The store's rows are read once (`_load_rows`, as `paperkg load neo4j --db` reads them). One
Neo4j 5.26 server is started as `bench/bench_neo4j_load.py` starts it (`--heap`,
`--page-cache-mb`, full JIT). In each round every variant (a number of writers) loads into the
emptied database without constraints, phase by phase as `load_neo4j` runs a first load: nodes
(CREATE), the constraints and indexes, relationships (CREATE). Printed per phase, one JSON line
a load: wall seconds, the server's CPU seconds and the busiest server threads' CPU seconds (by
thread name: `neo4j.BoltWorker` runs the transactions). `--digest N`: in round N, a SHA-256 of
every node's labels and properties and every relationship's type, end keys and properties,
sorted, with the counts. Round 0 warms the server's JIT: alternate the variants' order between
invocations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def thread_cpu(pid: int) -> Counter:
    """CPU seconds of a process's threads so far, summed by thread name without its number."""
    out: Counter = Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", encoding="utf-8", errors="replace") as fh:
                raw = fh.read()
        except OSError:  # the thread ended
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")].rstrip("0123456789-#")
        fields = raw.rsplit(")", 1)[1].split()
        out[name] += (int(fields[11]) + int(fields[12])) / TICK
    return out


def load(pid: int, settings, nodes: dict, rels: dict, writers: int) -> dict:
    """One first load, phase by phase: wall, server CPU and its busiest threads per phase."""
    from paperkg.graph import neo4j_store as ns

    report = ns.LoadReport(uri=settings.uri, database=settings.database)
    node_jobs = [[(ns._node_query(label, True)[0], b) for b in batches]
                 for label, (_, batches) in nodes.items()]
    rel_jobs = [[(ns._rel_query(t, s, d, True)[0], b) for b in batches]
                for (t, s, d), (_, batches) in rels.items()]
    out: dict = {}
    driver = ns.connect(settings)
    try:
        for phase, jobs in (("nodes", node_jobs), ("schema", None), ("rels", rel_jobs)):
            t0, c0, th0 = time.perf_counter(), process_cpu(pid), thread_cpu(pid)
            if jobs is None:
                ns.ensure_schema(driver, settings)
            else:
                ns._run_batches(driver, settings, jobs, writers, report, lambda n: None)
            th1 = thread_cpu(pid)
            spent = {k: round(v - th0.get(k, 0.0), 2) for k, v in th1.items()}
            out[phase] = {"wall": round(time.perf_counter() - t0, 2),
                          "cpu": round(process_cpu(pid) - c0, 2),
                          "threads": dict(sorted(spent.items(), key=lambda kv: -kv[1])[:6])}
    finally:
        driver.close()
    out["created"] = [report.nodes_created, report.relationships_created]
    return out


def digest(settings) -> dict:
    """Counts and a SHA-256 of every node and relationship with its properties, sorted."""
    from paperkg.graph import neo4j_store as ns

    sha = hashlib.sha256()
    counts: dict = {}
    driver = ns.connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            for kind, query in (
                    ("nodes", "MATCH (n) RETURN [labels(n), properties(n)] AS row"),
                    ("relationships", "MATCH (a)-[e]->(b) RETURN [labels(a), a.id, type(e), "
                                      "labels(b), b.id, properties(e)] AS row")):
                rows = sorted(json.dumps(rec["row"], sort_keys=True, default=str)
                              for rec in session.run(query))
                counts[kind] = len(rows)
                for row in rows:
                    sha.update(row.encode())
    finally:
        driver.close()
    counts["sha256"] = sha.hexdigest()[:16]
    return counts


def main() -> None:
    from paperkg.graph import neo4j_store as ns
    from tests.neo4j_server import start_server

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the embedded store to load")
    ap.add_argument("--variants", default="1,2", help="numbers of writers, in the order run")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--digest", type=int, default=None, help="the round to take digests in")
    ap.add_argument("--batch-size", type=int, default=ns.BATCH_SIZE)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--page-cache-mb", type=int, default=1024)
    opts = ap.parse_args()

    t0 = time.perf_counter()
    nodes, rels = ns._load_rows(opts.db, opts.batch_size)
    print(f"rows read in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    server = start_server(heap=opts.heap, quick_jit=False, page_cache_mb=opts.page_cache_mb)
    settings = ns.Neo4jSettings(server.uri, server.user, server.password, "neo4j")
    try:
        for r in range(opts.rounds):
            for writers in (int(v) for v in opts.variants.split(",")):
                ns.clear(settings, batch_size=5_000)
                ns.drop_schema(settings)
                load_avg = os.getloadavg()[0]
                res = load(server.process.pid, settings, nodes, rels, writers)
                res.update(round=r, writers=writers, load=round(load_avg, 1))
                if opts.digest == r:
                    res["digest"] = digest(settings)
                print(json.dumps(res), flush=True)
    finally:
        server.discard()


if __name__ == "__main__":
    main()
