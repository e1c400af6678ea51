"""Bench: CPU time a paper of one extraction worker, as a build's workers run it.

Runs `_worker_run` (the pipeline, the citation features, the compact JSON of each result) in
this one process over --n papers of a JSON Lines file from line --start, in chunks of 512,
and prints the CPU milliseconds a paper (`time.process_time`, so other jobs on the machine
count less than in wall time) and a digest of the JSON rows; --out writes the rows, so that
two trees' outputs can be compared byte for byte. Alternate it with a baseline tree
(PYTHONPATH=BASE) and compare ratios. The figure depends on how the interpreter was built: to
compare two interpreters on one tree, run this file with each one's python (each with the
project's dependencies installed; the digests must be equal), alternated (docs/scale.md, interp44).

    PYTHONPATH=TREE python bench/bench_worker.py --input ../stores/base100k.jsonl
        [--n 6000] [--start 60000] [--default] [--out rows.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import time


def main() -> None:
    """Parse the arguments, run the worker's chunks, print the figure."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--n", type=int, default=6000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--default", action="store_true", help="the default pipeline, not --fast")
    ap.add_argument("--out")
    args = ap.parse_args()
    from paperkg.extractors import pipeline
    from paperkg.graph.citations.cache import paper_features

    rows = []
    with open(args.input, encoding="utf-8") as fh:
        for line in itertools.islice(fh, args.start, args.start + args.n):
            rec = json.loads(line)
            rows.append((rec.get("title") or "", rec.get("abstract") or ""))
    texts = [f"{t}\n{a}" if a else t for t, a in rows]
    pipeline._worker_init(("cache", "default" if args.default else "fast"))
    digest = hashlib.blake2b(digest_size=16)
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    t0 = time.process_time()
    for i in range(0, len(texts), 512):
        for x in pipeline._worker_run(texts[i:i + 512], True, paper_features,
                                      rows[i:i + 512]):
            digest.update(x.encode("utf-8", "surrogatepass") + b"\n")
            if out is not None:
                out.write(x + "\n")
    cpu = time.process_time() - t0
    if out is not None:
        out.close()
    print(json.dumps({"papers": len(texts), "cpu_ms_per_paper": round(1000 * cpu / len(texts), 3),
                      "digest": digest.hexdigest()}))


if __name__ == "__main__":
    main()
