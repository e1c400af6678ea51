"""Reading speed of the listing readers on the real corpus (papers/s, median of fresh processes).

    .venv/bin/python bench/bench_read.py [--papers 100000] [--runs 3] [--baseline REV]

Writes the first N corpus papers (../shared/corpus, gzipped JSON Lines) once as plain JSON Lines
and as gzip into a temporary folder, then times `read_listings` on each, every run in a fresh
process (`python -c`), and prints the median papers/s with the load average before and after.
With --baseline REV, the same runs are made with `extractors/listing.py` as it was at git
revision REV (the reader before the readers/ package), for a ratio on the same machine state.
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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

_RUN = """
import sys, time
sys.path.insert(0, {extra!r})
{import_line}
t = time.perf_counter()
r = read_listings([{path!r}])
dt = time.perf_counter() - t
print(r.records / dt, len(r.papers))
"""


def write_sample(folder: Path, n: int) -> tuple[Path, Path]:
    """The first n corpus papers as plain and gzipped JSON Lines."""
    plain, packed = folder / "sample.jsonl", folder / "sample.jsonl.gz"
    written = 0
    with open(plain, "wb") as out, gzip.open(packed, "wb", compresslevel=6) as gz:
        for part in sorted(CORPUS.glob("papers-*.jsonl.gz")):
            with gzip.open(part, "rb") as f:
                for line in f:
                    out.write(line)
                    gz.write(line)
                    written += 1
                    if written >= n:
                        return plain, packed
    return plain, packed


def one_run(path: Path, import_line: str, extra: str) -> tuple[float, int]:
    """Papers/s and paper count of one read in a fresh process."""
    code = _RUN.format(extra=extra, import_line=import_line, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    return float(out[0]), int(out[1])


def measure(label: str, path: Path, runs: int, import_line: str, extra: str = "") -> dict:
    """Median papers/s of runs fresh-process reads."""
    load_before = os.getloadavg()[0]
    rates, papers = [], 0
    for _ in range(runs):
        rate, papers = one_run(path, import_line, extra)
        rates.append(rate)
    row = {"reader": label, "file": path.name, "papers": papers,
           "median_papers_per_s": round(statistics.median(rates)),
           "runs": [round(r) for r in rates],
           "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", help="git revision whose extractors/listing.py to compare")
    args = ap.parse_args()
    new = "from paperkg.readers import read_listings"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, packed = write_sample(folder, args.papers)
        if args.baseline:
            old = folder / "old_listing.py"
            old.write_bytes(subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{args.baseline}:extractors/listing.py"],
                check=True, capture_output=True).stdout)
            measure(f"extractors/listing.py@{args.baseline}", plain, args.runs,
                    "from old_listing import read_listings", extra=tmp)
        measure("paperkg.readers", plain, args.runs, new)
        measure("paperkg.readers", packed, args.runs, new)


if __name__ == "__main__":
    main()
