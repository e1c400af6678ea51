"""The store step of an incremental build alone: a full rewrite against the partial write.

Usage (from the repository root; both stores made by `paperkg build`, the second with more
papers, e.g. bench_build.py's base and the same store after `build --add`):

    python bench/bench_store_update.py BASE.lbug UNION.lbug [--runs 3]

The graph of UNION (read back with load_graph, with its PaperState rows) is written over a
fresh copy of BASE each run, alternately by `replace_graph` (what a build did before the
partial write) and by `ladybug_delta.update_store`; both results are checked equal to UNION.
Prints the median seconds of each, the rows the partial write changed, and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    from paperkg.graph import ladybug_store as L
    from paperkg.graph.ladybug_delta import update_store
    from paperkg.graph.pipeline import StateSpool

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("union")
    ap.add_argument("--runs", type=int, default=3)
    ns = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_store_update."))
    try:
        spool = StateSpool(work / "state.parquet")
        for pid, (h, x) in sorted(L.read_state(ns.union).items()):
            spool.add(pid, h, x)
        spool.close()
        want = L.load_graph(ns.union)
        times: dict[str, list[float]] = {"rewrite": [], "partial": []}
        loads = []
        written = None
        for i in range(ns.runs):
            for how in ("rewrite", "partial"):
                db = work / f"{how}{i}.lbug"
                shutil.copy(ns.base, db)
                g = L.load_graph(ns.union)
                loads.append(round(os.getloadavg()[0], 2))
                t0 = time.perf_counter()
                if how == "rewrite":
                    L.replace_graph(g, db, spool.path)
                else:
                    delta = update_store(g, db, spool.path)
                    if delta is None:
                        sys.exit("the partial write declined")
                    written = delta.summary()
                times[how].append(time.perf_counter() - t0)
                got = L.load_graph(db)
                if set(got.edges(keys=True)) != set(want.edges(keys=True)) or dict(
                        got.nodes(data=True)) != dict(want.nodes(data=True)):
                    sys.exit(f"{how}: the store differs from {ns.union}")
                db.unlink()
                print(f"run {i + 1} {how}: {times[how][-1]:.2f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {k: round(statistics.median(v), 2) for k, v in times.items()}
    print(f"store step, median of {ns.runs}: full rewrite {med['rewrite']} s, partial write "
          f"{med['partial']} s (ratio {med['partial'] / med['rewrite']:.2f}); partial wrote "
          f"{written}; load average {min(loads)}-{max(loads)}")


if __name__ == "__main__":
    main()
