"""Speed of the results component on real corpus abstracts (not a test).

    python -m paperkg.bench.bench_results [--papers 2000] [--runs 5] [--against TREE] [--cpu]

Reads the first N abstracts of ../shared/corpus/papers-00.jsonl.gz, runs the pipeline without
the results component once (for the entities it reads), then times `find_results` alone as
the component calls it (with the sentence starts the sentence component found), the same
splitting the sentences itself, and spaCy's blank English tokenizer over the same texts (the
baseline, same process, gc frozen), alternated run by run. Prints medians, the ratios and the
load average. --against TREE also times the find_results of another copy of the package (a
`git archive` of an older commit, say), in the same runs, for a ratio of rule sets.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.util
import json
import os
import statistics
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "papers-00.jsonl.gz"


def texts(n: int) -> list[str]:
    """Title, newline, abstract of the first n corpus records."""
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append(f"{rec.get('title') or ''}\n{rec.get('abstract') or ''}")
            if len(out) >= n:
                break
    return out


def main() -> None:
    """Run the measurement and print one line per figure."""
    import spacy

    from paperkg.core.text import sentence_starts
    from paperkg.extractors.pipeline import load_pipeline
    from paperkg.extractors.results import find_results

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--against", metavar="TREE",
                    help="a package tree whose extractors/results.py to time as well")
    ap.add_argument("--cpu", action="store_true",
                    help="time by the process's CPU time, not the wall clock (steadier on a "
                         "loaded machine: other processes' time is not counted)")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    other = None
    if args.against:
        old = Path(args.against) / "extractors" / "results.py"
        if not old.exists():  # a package's absolute imports would load this tree's modules
            raise SystemExit("--against takes a tree with extractors/results.py (before the "
                             "package); time a package tree by running this script there")
        spec = importlib.util.spec_from_file_location("results_against", old)
        other = importlib.util.module_from_spec(spec)
        from spacy.language import Language

        factory = Language.__dict__["factory"]  # the copy's component must not register again
        Language.factory = classmethod(lambda cls, name, **kw: (lambda f: f))
        try:
            spec.loader.exec_module(other)
        finally:
            Language.factory = factory
    docs = texts(args.papers)
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["paperkg_results"]):
        ents = [d.user_data.get("pk_ents", []) for d in nlp.pipe(docs, batch_size=256)]
    sents = [sentence_starts(text) for text in docs]
    blank = spacy.blank("en")
    gc.collect()
    gc.freeze()
    timed, split, base, against = [], [], [], []
    found = other_found = 0
    for _ in range(args.runs):
        t = clock()
        found = sum(len(find_results(text, e, s))
                    for text, e, s in zip(docs, ents, sents, strict=True))
        timed.append(clock() - t)
        t = clock()
        for text, e in zip(docs, ents, strict=True):
            find_results(text, e)
        split.append(clock() - t)
        t = clock()
        for _doc in blank.tokenizer.pipe(docs, batch_size=256):
            pass
        base.append(clock() - t)
        if other is not None:
            t = clock()
            other_found = sum(len(other.find_results(text, e, s))
                              for text, e, s in zip(docs, ents, sents, strict=True))
            against.append(clock() - t)
    med, bmed = statistics.median(timed), statistics.median(base)
    smed = statistics.median(split)
    print(f"papers: {len(docs)}, results found: {found}")
    print(f"find_results: median {med:.3f} s = {len(docs) / med:,.0f} abstracts/s "
          f"({args.runs} runs)")
    print(f"find_results splitting sentences itself: median {smed:.3f} s")
    print(f"blank tokenizer: median {bmed:.3f} s = {len(docs) / bmed:,.0f} abstracts/s")
    print(f"ratio find_results / tokenizer time: {med / bmed:.2f} "
          f"(splitting sentences itself: {smed / bmed:.2f})")
    if other is not None:
        amed = statistics.median(against)
        print(f"find_results of {args.against}: median {amed:.3f} s, {other_found} results; "
              f"ratio this / that: {med / amed:.2f}")
    print(("times are CPU times; " if args.cpu else "") + "load average: " +
          " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
