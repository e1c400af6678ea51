"""Mine the corpus's names written by several papers: the learned step's veto list (issue 10).

    python extractors/training/known_names.py ../shared/corpus ../shared/gold OUT.tsv [N]

runs the rules (`paperkg extract --fast`) over every corpus paper that is in no gold set (title
as pools.py compares it) and not among the first `pools.RESERVED` (15,000) papers of pools.draw
(every annotated pool, held-out ones included), in corpus order (the first N when N is given),
and writes each canonical key found with the number of papers whose entities have it, for keys
of 2 papers or more, sorted by key. A paper in the mined set counts itself once: the veto asks
for 3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.training.annotations.pools import unannotated

MIN_PAPERS = 2


def mined(corpus: Path, gold: Path) -> list[dict]:
    """The corpus papers in no gold set and no pool, in corpus order."""
    return [{"title": r.get("title") or "", "abstract": r.get("abstract") or ""}
            for r in unannotated(corpus, gold)]


def count(out_lines: list[str]) -> dict[str, int]:
    """Papers per canonical key of the entities' names."""
    counts: dict[str, int] = {}
    for line in out_lines:
        keys = {canonical_key(e["name"]) for e in json.loads(line)["entities"]}
        for k in keys - {""}:
            counts[k] = counts.get(k, 0) + 1
    return counts


def main(argv: list[str]) -> None:
    """Write the key and paper-count table."""
    corpus, gold, out = Path(argv[0]), Path(argv[1]), Path(argv[2])
    rows = mined(corpus, gold)
    if len(argv) > 3:
        rows = rows[:int(argv[3])]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "mined.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        got = subprocess.run([sys.executable, "-m", "paperkg", "extract", "--fast", "-q",
                              "-w", os.environ.get("WORKERS", "2"), str(src)],
                             check=True, capture_output=True, text=True).stdout.splitlines()
    counts = count(got)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# canonical keys the rules (--fast) find in >= {MIN_PAPERS} of {len(rows)} "
                 "corpus papers (no gold, no pool); extractors/training/known_names.py\n")
        for k in sorted(counts):
            if counts[k] >= MIN_PAPERS and "\t" not in k:
                fh.write(f"{k}\t{counts[k]}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
