"""Bench: abstracts per second of extraction on real corpus abstracts, rules only and default.

Texts are the first --n unique title+abstracts of ../shared/corpus (never replicated seeds: a
repeated text hits the tokenizer's cache). Every figure is the median of --runs runs; rows are
interleaved within a run, so that load changes hit every row alike. The baseline the issue names,
spaCy's blank English tokenizer over the same texts, is timed twice: in a fresh process (no other
live objects) and in this process after gc.freeze() (the many live Paper objects are then never
walked by the garbage collector). Ratios are to the fresh-process baseline of the same run.

Rows (abstracts per second):
- blank_fresh: spacy.blank("en") tokenizer in a fresh Python process, one core (baseline);
- blank_frozen: the same in this process after gc.freeze();
- fast_w1 / fast_w2: extract() with the rules-only pipeline (`--fast`), 1 and 2 processes;
- default_w1 / default_w2: extract() with the default pipeline (rules + learned model).
extract() is everything `paperkg extract` does except reading files and printing JSON.

    .venv/bin/python bench/bench_extract.py [--n 10000] [--runs 3] [--rows default_w2,...]
        [--model DIR]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = ("blank_fresh", "blank_frozen", "fast_w1", "fast_w2", "default_w1", "default_w2")

_FRESH = """
import json, sys, time
import spacy
texts = json.load(open(sys.argv[1]))
nlp = spacy.blank("en")
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=256):
    pass
print(time.perf_counter() - t)
"""


def _papers(corpus: Path, n: int):
    """The first n corpus papers with an abstract, unique by text."""
    from paperkg.core.records import Paper

    out, seen = [], set()
    for f in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if not rec.get("abstract"):
                    continue
                p = Paper(id=rec.get("arxiv_id") or f"corpus-{len(out)}", title=rec["title"],
                          abstract=rec["abstract"])
                if p.text in seen:
                    continue
                seen.add(p.text)
                out.append(p)
                if len(out) >= n:
                    return out
    return out


def _time_fresh(text_file: str) -> float:
    """Seconds for the blank tokenizer over the texts in a fresh Python process."""
    res = subprocess.run([sys.executable, "-c", _FRESH, text_file], capture_output=True,
                         text=True, check=True)
    return float(res.stdout.strip())


def _time_pipe(nlp, texts) -> float:
    """Seconds for nlp.pipe over texts (one process)."""
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    return time.perf_counter() - t


def _time_extract(papers, nlp, workers: int) -> float:
    """Seconds for extract() (pipeline, results and cross-paper canonicalisation)."""
    from paperkg.extractors.pipeline import extract

    t = time.perf_counter()
    extract(papers, workers=workers, nlp=nlp)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", default=",".join(ROWS), help="comma-separated rows to time")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--model", default=None,
                    help="learned model folder [default: the one shipped in the package]")
    args = ap.parse_args(argv)
    rows = [r for r in args.rows.split(",") if r]
    if bad := set(rows) - set(ROWS):
        ap.error(f"unknown rows: {', '.join(sorted(bad))}")

    import spacy

    from paperkg.extractors.learned import add_learned
    from paperkg.extractors.pipeline import _SOURCES, build_pipeline, extract, load_pipeline

    papers = _papers(Path(args.corpus), args.n)
    texts = [p.text for p in papers]
    # Pipelines from load_pipeline, as `paperkg extract` uses: only those reach the worker
    # processes (a pipeline built here ran the _w2 rows in this one process, as _w1 rows).
    fast = load_pipeline(fast=True)
    if args.model is None:
        default = load_pipeline()
        has_model = any(name == "paperkg_learned" for name in default.pipe_names)
    else:  # a model folder the workers cannot load: the default_w2 row runs in one process
        default = build_pipeline()
        has_model = add_learned(default, args.model)
    blank = spacy.blank("en")
    extract(papers[:300], nlp=fast)  # warm up
    extract(papers[:300], nlp=default)
    gc.collect()
    gc.freeze()
    times: dict[str, list[float]] = {r: [] for r in rows}
    load_start = os.getloadavg()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(texts, fh)
        text_file = fh.name
    try:
        for _ in range(args.runs):
            for row in rows:
                if row == "blank_fresh":
                    times[row].append(_time_fresh(text_file))
                elif row == "blank_frozen":
                    times[row].append(_time_pipe(blank, texts))
                else:
                    kind, w = row.split("_w")
                    times[row].append(_time_extract(papers, fast if kind == "fast" else default,
                                                    int(w)))
    finally:
        os.unlink(text_file)
    n = len(papers)
    rate = {k: round(n / statistics.median(v)) for k, v in times.items()}
    report = {
        "abstracts": n, "runs": args.runs, "cpus": os.cpu_count(),
        "python": sys.version.split()[0], "spacy": spacy.__version__,
        "learned_model": has_model,
        "w2_rows_in_workers": {"fast": fast in _SOURCES, "default": default in _SOURCES},
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "abstracts_per_s": rate,
    }
    if "blank_fresh" in rate:
        # per run, so a busy spell hits the row and its baseline alike; then the median
        report["ratio_to_blank_fresh"] = {
            k: round(statistics.median(b / t for b, t in zip(times["blank_fresh"], v,
                                                             strict=True)), 3)
            for k, v in times.items() if k != "blank_fresh"
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
