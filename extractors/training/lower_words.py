"""Words the corpus writes in lower case in the middle of a sentence nearly every time, counted
for the rule that drops a lone capitalised word which is only an ordinary word
(`rules/plain_words.py`).

    python -m paperkg.extractors.training.lower_words GOLD... [--corpus DIR] [--min-count 20]
        [--min-share 0.9] [-o extractors/data/words/lower_words.txt]

Every word of letters (first letter either case, the rest lower case) that follows a lower-case
letter, a comma or a semicolon and one space in an abstract is counted as written lower case or
capitalised; a word written at least min-count times so, lower case at least min-share of them,
goes on the list ("transformer-based", "experiments", "reliable"; not "gaussian", "adam",
"transformer", which papers capitalise often). Titles are not read (they capitalise every
word), and every paper titled in the GOLD files is left out, so no gold paper shapes the list.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

#: A word in the middle of a sentence: after a lower-case letter, comma or semicolon and a space.
MID_WORD = re.compile(r"(?<=[a-z,;] )[A-Za-z][a-z]+\b")


def count_words(texts: Iterable[str]) -> dict[str, list[int]]:
    """{lower-case word: [times written lower case, times capitalised]} mid-sentence."""
    counts: dict[str, list[int]] = {}
    for text in texts:
        for w in MID_WORD.findall(text):
            key = w.lower()
            c = counts.get(key)
            if c is None:
                c = counts[key] = [0, 0]
            c[w[0].isupper()] += 1
    return counts


def lower_words(counts: dict[str, list[int]], min_count: int = 20,
                min_share: float = 0.9) -> list[str]:
    """The words written at least min_count times, lower case at least min_share of them."""
    return sorted(w for w, (low, cap) in counts.items()
                  if low + cap >= min_count and low >= min_share * (low + cap))


def write_words(words: list[str], path: str | Path, header: str) -> None:
    """The words as a word list (one a line, a # comment first)."""
    lines = [f"# {line}" for line in header.splitlines()] + words
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Count the corpus abstracts, every paper of the GOLD files left out, and write the list."""
    from paperkg.extractors.evaluate import read_gold
    from paperkg.extractors.training.data import default_corpus
    from paperkg.extractors.training.train import corpus_texts

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", help="gold files whose papers are left out")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--min-share", type=float, default=0.9)
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    skip = [r["title"] for p in args.gold for r in read_gold(p)]
    counts = count_words(a for _, a in corpus_texts(args.corpus or default_corpus(), skip))
    found = lower_words(counts, args.min_count, args.min_share)
    if args.output:
        write_words(found, args.output,
                    "words the corpus writes in lower case mid-sentence nearly every time\n"
                    "(extractors/training/lower_words.py: written >= "
                    f"{args.min_count} times, lower case >= {args.min_share:g} of them)")
    print(f"{len(found)} words of {len(counts)} ({len(skip)} gold papers left out)")


if __name__ == "__main__":
    main()
