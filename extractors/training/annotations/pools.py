"""Draw the annotators' pools: corpus papers, none of them gold, in a fixed random order.

    python extractors/training/annotations/pools.py ../shared/corpus ../shared/gold OUT

writes OUT/ann_pool_A.jsonl ... ann_pool_Z.jsonl, 300 `{id, title, abstract}` records each
(P to Z: 400): the papers whose abstract has 400-2,200 characters and whose title (lower-cased,
runs of non-word characters as one space) is no gold paper's, shuffled with seed 20261202 and cut
in order. The id is `x` and 10 hex digits of the title's BLAKE2b.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SEED = 20261202
POOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SIZE = 300
SIZES = dict.fromkeys("PQRSTUVWXYZ", 400)
#: The draw's first papers that pools (committed, held out, or still to come) may take: lists
#: mined from the corpus (extractors/training) read none of them.
RESERVED = 15_000


def _title_key(title: str) -> str:
    """A title compared without case or punctuation."""
    return re.sub(r"\W+", " ", title.lower()).strip()


def pool_id(title: str) -> str:
    """The id a pool gives a paper."""
    return "x" + hashlib.blake2b(title.encode(), digest_size=5).hexdigest()


def _gold_titles(gold: Path) -> set[str]:
    """The title keys of every gold file's papers."""
    return {_title_key(json.loads(line).get("title", ""))
            for f in sorted(gold.glob("*.jsonl")) for line in f.open(encoding="utf-8")}


def draw(corpus: Path, gold: Path) -> list[dict]:
    """Every eligible corpus paper, in the pools' order."""
    taken = _gold_titles(gold)
    rows = []
    for f in sorted(corpus.glob("papers-*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if _title_key(r["title"]) in taken:
                    continue
                if 400 <= len(r.get("abstract") or "") <= 2200:
                    rows.append(r)
    random.Random(SEED).shuffle(rows)
    return rows


def unannotated(corpus: Path, gold: Path, reserved: int = RESERVED) -> Iterator[dict]:
    """The corpus papers in no gold file and not among the draw's first `reserved`, in corpus
    order: what a list mined from the corpus may read."""
    taken = _gold_titles(gold) | {_title_key(r["title"]) for r in draw(corpus, gold)[:reserved]}
    for f in sorted(corpus.glob("papers-*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if _title_key(r.get("title") or "") not in taken:
                    yield r


def main(argv: list[str]) -> None:
    """Write the pools into the output folder."""
    corpus, gold, out = (Path(a) for a in argv)
    rows = draw(corpus, gold)
    out.mkdir(parents=True, exist_ok=True)
    start = 0
    for name in POOLS:
        stop = start + SIZES.get(name, SIZE)
        with (out / f"ann_pool_{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in rows[start:stop]:
                fh.write(json.dumps({"id": pool_id(r["title"]), "title": r["title"],
                                     "abstract": r["abstract"]}) + "\n")
        start = stop


if __name__ == "__main__":
    main(sys.argv[1:])
