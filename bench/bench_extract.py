"""Bench: abstracts per second of the default extraction pipeline, 1 and 2 processes.

The seed listings are replicated to at least --n abstracts (default 20,000). Every figure is the
median of --runs runs, and each run also times the baseline the issue names, spaCy's plain
`spacy.blank("en")` tokenizer over the same texts, so that the ratio survives a busy machine.

Rows (abstracts per second):
- blank_tokenizer: spacy.blank("en") tokenizer alone, one process (baseline);
- pipeline_pipe: nlp.pipe over the paperkg pipeline, one process (no result building);
- extract_w1: extract(papers, workers=1), everything the command does except reading;
- extract_w2: extract(papers, workers=2), two processes each running nlp.pipe on chunks;
- extract_w2_spacy_n_process: nlp.pipe(n_process=2) (ships every Doc back), on --n-spacy texts.

    /tmp/pkvenv/bin/python bench/bench_extract.py [--n 20000] [--runs 3] [--seeds DIR]
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
    """The seed papers replicated to n (ids made unique)."""
    from paperkg.core.records import Paper
    from paperkg.readers import read_listings

    base = [p for p in read_listings([str(seeds)]).papers if p.abstract]
    return [Paper(id=f"{base[i % len(base)].id}#{i}", title=base[i % len(base)].title,
                  abstract=base[i % len(base)].abstract) for i in range(n)]


def _time_tokenizer(nlp, texts) -> float:
    """Seconds for nlp.pipe over texts (one process)."""
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    return time.perf_counter() - t


def _time_extract(papers, nlp, workers: int, spacy_processes: bool = False) -> float:
    """Seconds for extract() (pipeline, results and cross-paper canonicalisation)."""
    from paperkg.extractors.pipeline import extract

    t = time.perf_counter()
    extract(papers, workers=workers, nlp=nlp, spacy_processes=spacy_processes)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--n-spacy", type=int, default=2_000,
                    help="texts for the (slow) spaCy n_process row")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    args = ap.parse_args(argv)

    import spacy

    from paperkg.extractors.pipeline import extract, load_pipeline

    papers = _papers(Path(args.seeds), args.n)
    texts = [p.text for p in papers]
    nlp = load_pipeline()
    blank = spacy.blank("en")
    extract(papers[:500], nlp=nlp)  # warm up
    times: dict[str, list[float]] = {k: [] for k in (
        "blank_tokenizer", "pipeline_pipe", "extract_w1", "extract_w2",
        "extract_w2_spacy_n_process", "blank_tokenizer_small")}
    small = papers[: args.n_spacy]
    load_start = os.getloadavg()
    for _ in range(args.runs):  # interleaved, so that load changes hit every row alike
        times["blank_tokenizer"].append(_time_tokenizer(blank, texts))
        times["pipeline_pipe"].append(_time_tokenizer(nlp, texts))
        times["extract_w1"].append(_time_extract(papers, nlp, 1))
        times["extract_w2"].append(_time_extract(papers, nlp, 2))
        times["blank_tokenizer_small"].append(_time_tokenizer(blank, [p.text for p in small]))
        times["extract_w2_spacy_n_process"].append(_time_extract(small, nlp, 2, True))
    med = {k: statistics.median(v) for k, v in times.items()}
    n, ns = len(papers), len(small)
    rate = {k: round((ns if k.endswith(("small", "n_process")) else n) / v)
            for k, v in med.items()}
    report = {
        "abstracts": n, "runs": args.runs, "cpus": os.cpu_count(),
        "python": sys.version.split()[0], "spacy": spacy.__version__,
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "abstracts_per_s": rate,
        "extract_w1_per_core": rate["extract_w1"],
        "extract_w2_per_core": round(rate["extract_w2"] / 2),
        "ratio_to_blank_tokenizer": {
            k: round(rate[k] / rate["blank_tokenizer"], 2)
            for k in ("pipeline_pipe", "extract_w1", "extract_w2")
        },
        "ratio_spacy_n_process_to_blank": round(
            rate["extract_w2_spacy_n_process"] / rate["blank_tokenizer_small"], 2),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
