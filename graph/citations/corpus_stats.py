"""Regenerate the shipped name statistics from a corpus of JSON Lines papers (offline tool).

    python -m paperkg.graph.citations.corpus_stats ../shared/corpus/papers-0*.jsonl.gz

For every coined name (see names.candidates): in how many papers it appears, how many claim
it (claims.paper_claims) and, when at most three do, a short hash of each claimant's title
(claims.title_hash), the month of its first appearance and the month by which three
papers had named it.
Also the lower-case words found in at least 20 papers (ordinary words are not names). Only the
statistics are written (graph/citations/data/), never titles or abstracts.

    python -m paperkg.graph.citations.corpus_stats --similarity ../shared/corpus/papers-0*.jsonl.gz

writes only what an inferred citation's confidence weighs topics with (`similarity_stats`): the
number of papers holding each content word (claims.words_of; words of at least two papers) and
the similarities of a fixed-seed sample of random paper pairs, as quantiles. They stand for
"the field" whatever the collection, so an edge's confidence does not move when papers are
added to a store.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .claims import paper_claims, title_hash, words_of
from .names import candidates, fold

DATA = Path(__file__).parent / "data"
MIN_DF = 3
MIN_WORD_DF = 20
#: Quantiles of the random-pair similarities kept (data/baseline.txt).
BASELINE_QUANTILES = 1000
_LOWER = re.compile(r"(?<![A-Za-z0-9-])[a-z]{3,}(?![A-Za-z0-9-])")


def _month(rec: dict) -> str:
    """YYYY-MM of a record's publication date or arXiv id; '' when unknown."""
    pub = str(rec.get("published") or "")
    if re.match(r"\d{4}-\d{2}", pub):
        return pub[:7]
    m = re.match(r"(\d{2})(\d{2})\.\d{4,5}", str(rec.get("arxiv_id") or ""))
    if m:
        return f"20{m.group(1)}-{m.group(2)}"
    if re.match(r"\d{4}$", pub):
        return f"{pub}-12"  # a conference year: by the end of it at the latest
    return ""


def main(paths: list[str]) -> None:
    """Count names and words over the corpus files and write the data files."""
    df: Counter = Counter()
    months: dict[str, list[str]] = defaultdict(list)
    words: Counter = Counter()
    claimants: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = fold(f"{rec.get('title') or ''}\n{rec.get('abstract') or ''}")
                names = {n for _, n in candidates(text)}
                month = _month(rec)
                for n in names:
                    df[n] += 1
                    if month:
                        months[n].append(month)
                words.update(set(_LOWER.findall(text)))
                own = title_hash(rec.get("title") or "")
                for c in {c.name for c in paper_claims("", rec.get("title") or "",
                                                       rec.get("abstract") or "")}:
                    claimants[c].append(own)
    DATA.mkdir(exist_ok=True)
    with gzip.open(DATA / "names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# name\tpapers\tclaims\tfirst_month\tthird_month\tclaimants (title hashes, "
                  "when at most 3; see corpus_stats.py)\n")
        for name in sorted(df):
            if df[name] < MIN_DF:
                continue
            ms = sorted(months[name])
            first = ms[0] if ms else ""
            third = ms[2] if len(ms) >= 3 else ""
            who = sorted(set(claimants.get(name, [])))
            listed = ",".join(who) if len(who) <= 3 else ""
            out.write(f"{name}\t{df[name]}\t{len(who)}\t{first}\t{third}\t{listed}\n")
    with gzip.open(DATA / "words.txt.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# lower-case words in at least {MIN_WORD_DF} corpus papers\n")
        for w in sorted(w for w, c in words.items() if c >= MIN_WORD_DF):
            out.write(w + "\n")


def _records(paths: list[str]):
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def similarity_stats(paths: list[str]) -> None:
    """Write data/word_df.tsv.gz (papers per content word, with the paper count) and
    data/baseline.txt (quantiles of random-pair similarities under those weights)."""
    from .infer import _PAIRS_MAX, _PAIRS_PER_PAPER, _PaperSimilarity

    words: dict[str, set[str]] = {}
    df: Counter = Counter()
    for i, rec in enumerate(_records(paths)):
        ws = words_of(f"{rec.get('title') or ''} {rec.get('abstract') or ''}")
        words[str(i)] = ws
        df.update(ws)
    n = len(words)
    kept = {w: c for w, c in df.items() if c > 1}
    DATA.mkdir(exist_ok=True)
    with gzip.open(DATA / "word_df.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# papers\t{n}\n")
        for w in sorted(kept):
            out.write(f"{w}\t{kept[w]}\n")
    idf = {w: math.log(n / c) for w, c in kept.items()}
    similarity = _PaperSimilarity(words, idf)
    ids = sorted(words)
    rnd = random.Random(0)
    pairs = min(_PAIRS_MAX, _PAIRS_PER_PAPER * len(ids))
    sims = sorted(similarity(a, b) for a, b in (rnd.sample(ids, 2) for _ in range(pairs)))
    q = BASELINE_QUANTILES
    with open(DATA / "baseline.txt", "w", encoding="utf-8") as out:
        out.write(f"# {q} quantiles of the similarity of {pairs} random corpus paper pairs\n")
        for k in range(q):
            out.write(f"{sims[(2 * k + 1) * len(sims) // (2 * q)]:.6f}\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--similarity"]:
        similarity_stats(sys.argv[2:])
    else:
        main(sys.argv[1:])
