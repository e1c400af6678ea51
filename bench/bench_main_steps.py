"""The main process's steps of a fresh build without its extraction: the extractions come from
a store built from the same listing (its PaperState), so the graph, citation and store steps
are timed (and profiled) on their own, in CPU seconds, which a loaded machine disturbs less
than wall time.

Usage (from the repository root):

    python bench/bench_main_steps.py LISTING --state-from STORE [--runs 3] [--profile out.prof]

LISTING is a JSON Lines file; STORE a store built from it (any tree whose extraction is the
one wanted: the stored JSON is replayed as the workers' output, in paper order). Each run
builds a new store in a temporary folder with `--workers 2 --fast` settings; what is printed
per run: wall and CPU seconds of the build in this process, the build's own step seconds
(wall), the peak resident memory of this process (it also holds the replayed extractions:
about 3.7 KB a paper), and the node and relationship counts. With --profile, the first run is
profiled by cProfile with a CPU-time timer.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT.parent) not in sys.path:  # run from a checkout: import this tree's paperkg
    sys.path.insert(0, str(ROOT.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("listing")
    ap.add_argument("--state-from", required=True, help="a store built from the listing")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--profile", help="write the first run's cProfile stats here")
    args = ap.parse_args()

    import paperkg.extractors.pipeline as xp
    from paperkg.graph.ladybug_store import iter_state_extractions
    from paperkg.graph.pipeline import build

    stored = dict(iter_state_extractions(args.state_from))

    def replayed(texts, progress=None, **_):
        """The stored extraction JSON of each paper the build hands to its workers."""
        view = getattr(texts, "_texts", texts)  # the build's views over its papers
        for p in view._papers:
            yield stored[p.id]
            if progress is not None:
                progress(1)

    xp.raw_extractions = replayed
    for run in range(args.runs):
        work = Path(tempfile.mkdtemp(prefix="bench_main_steps."))
        prof = cProfile.Profile(time.process_time) if args.profile and run == 0 else None
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            if prof is not None:
                prof.enable()
            report = build([args.listing], db=work / "kg.lbug", workers=2, fast=True)
            if prof is not None:
                prof.disable()
                prof.dump_stats(args.profile)
            print(json.dumps({
                "run": run + 1, "wall_s": round(time.perf_counter() - t0, 2),
                "cpu_s": round(time.process_time() - c0, 2), "steps": report.seconds,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "nodes": sum(report.nodes.values()),
                "relationships": sum(report.relationships.values())}), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
