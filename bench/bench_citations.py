"""Bench: time and memory of citation inference (add_citations) at 10,000 and 100,000 papers.

Papers are the first --sizes lines of ../shared/corpus (gzipped JSON Lines, real abstracts).
Each run is a fresh Python process that reads the papers, builds the paper graph without
extraction (inference reads titles and abstracts; extraction only refines kinds and entity
keys), then times add_citations alone and reports the peak resident memory before and after.
Figures are medians of --runs runs; the load average is printed with them, and the ratio of
per-paper time at the largest size to the smallest says how close to linear the growth is.
With --kept, every paper's per-paper results (graph/citations/cache.py) are made before the
timer starts and handed to add_citations, as an update hands the kept papers' results over.

    .venv/bin/python bench/bench_citations.py [--sizes 10000,100000] [--runs 3] [--kept]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

_RUN = """
import json, resource, sys, time
from paperkg.graph.build import build_graph
from paperkg.graph.citations import add_citations
from paperkg.readers import read_listings
from paperkg.graph.citations.cache import paper_features
result = read_listings([sys.argv[1]])
g = build_graph(result.papers, result.sources, [])
kept = None
if sys.argv[2] == "kept":
    kept = {f"Paper:{p.id}": json.loads(json.dumps(paper_features(p.title or "",
                                                                 p.abstract or "")))
            for p in result.papers}
del result
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), time.process_time()
report = add_citations(g, features=kept)
dt, dc = time.perf_counter() - t, time.process_time() - c
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": dt, "cpu_seconds": dc, "rss_before_mb": rss0 / 1024,
                  "rss_peak_mb": rss1 / 1024, "edges": report.added}))
"""


def corpus_head(n: int, path: Path) -> None:
    """Write the first n corpus papers (across the corpus files, in order) to path."""
    left = n
    with path.open("w", encoding="utf-8") as out:
        for f in sorted(CORPUS.glob("papers-*.jsonl.gz")):
            with gzip.open(f, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if left == 0:
                        return
                    out.write(line)
                    left -= 1


def run_once(path: Path, kept: bool = False) -> dict:
    """One fresh-process run of add_citations over the papers in path."""
    out = subprocess.run([sys.executable, "-c", _RUN, str(path), "kept" if kept else "-"],
                         capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the bench and print one JSON line per size, then the growth ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kept", action="store_true",
                    help="hand every paper's kept per-paper results to add_citations")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            path = Path(tmp) / f"c{n}.jsonl"
            corpus_head(n, path)
            runs = [run_once(path, args.kept) for _ in range(args.runs)]
            row = {
                "papers": n,
                "kept": args.kept,
                "runs": args.runs,
                "seconds_median": round(statistics.median(r["seconds"] for r in runs), 2),
                "seconds_all": [round(r["seconds"], 2) for r in runs],
                "cpu_seconds_median": round(statistics.median(r["cpu_seconds"] for r in runs), 2),
                "inference_memory_mb_median": round(statistics.median(
                    r["rss_peak_mb"] - r["rss_before_mb"] for r in runs), 1),
                "process_peak_mb_median": round(statistics.median(
                    r["rss_peak_mb"] for r in runs), 1),
                "edges": runs[0]["edges"],
                "load_average": [round(x, 2) for x in os.getloadavg()],
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        ratio = {k: round((b[k] / b["papers"]) / (a[k] / a["papers"]), 2)
                 for k in ("seconds_median", "cpu_seconds_median", "inference_memory_mb_median")}
        print(json.dumps({"per_paper_ratio": ratio, "papers_ratio": b["papers"] / a["papers"]}))


if __name__ == "__main__":
    main()
