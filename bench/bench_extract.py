"""Bench: abstracts per second of the default extraction pipeline, 1 and 2 processes.

The seed listings are replicated to at least --n abstracts (default 20,000). Each figure is the
median of --runs runs; the same run also times spaCy's plain blank English tokenizer (with its
default special cases) over the same texts as a baseline, and reports the ratio.

    /tmp/pkvenv/bin/python bench/bench_extract.py [--n 20000] [--runs 3] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _papers(seeds: Path, n: int):
    from paperkg.extractors.listing import read_listings
    from paperkg.graph.model import Paper

    base = [p for p in read_listings([str(seeds)]).papers if p.abstract]
    out = []
    i = 0
    while len(out) < n:
        p = base[i % len(base)]
        out.append(Paper(id=f"{p.id}#{i}", title=p.title, abstract=p.abstract))
        i += 1
    return out


def _time_pipe(nlp, texts, workers: int) -> float:
    """Seconds to run nlp.pipe over texts with n_process=workers."""
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256 if workers == 1 else 512, n_process=workers):
        pass
    return time.perf_counter() - t


def _time_extract(papers, workers: int, nlp) -> float:
    """Seconds for extract() (pipeline plus cross-paper canonicalisation)."""
    from paperkg.extractors.pipeline import extract

    t = time.perf_counter()
    extract(papers, workers=workers, nlp=nlp)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args(argv)

    import spacy

    from paperkg.extractors.pipeline import extract, load_pipeline

    papers = _papers(Path(args.seeds), args.n)
    texts = [p.text for p in papers]
    nlp = load_pipeline()
    blank = spacy.blank("en")
    extract(papers[:500], nlp=nlp)  # warm up
    report = {"abstracts": len(papers), "runs": args.runs, "cpus": os.cpu_count(),
              "python": sys.version.split()[0], "spacy": spacy.__version__,
              "load_average_at_start": os.getloadavg(), "results": {}}
    for workers in [int(w) for w in args.workers.split(",")]:
        base, full, pipe_only = [], [], []
        for _ in range(args.runs):  # interleaved, so that load changes hit all three alike
            base.append(_time_pipe(blank, texts, workers))
            pipe_only.append(_time_pipe(nlp, texts, workers))
            full.append(_time_extract(papers, workers, nlp))
        med = {k: statistics.median(v) for k, v in
               (("blank", base), ("pipe", pipe_only), ("extract", full))}
        report["results"][f"workers={workers}"] = {
            "blank_tokenizer_per_s": round(len(texts) / med["blank"]),
            "pipeline_per_s": round(len(texts) / med["pipe"]),
            "extract_per_s": round(len(texts) / med["extract"]),
            "extract_per_s_per_core": round(len(texts) / med["extract"] / workers),
            "extract_vs_blank": round(med["blank"] / med["extract"], 2),
        }
    report["load_average_at_end"] = os.getloadavg()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
