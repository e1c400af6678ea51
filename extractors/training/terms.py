"""Lower-case terms the corpus defines with an acronym of their initials, mined for the
lower-case candidates (`learned.lower_candidates`).

    python -m paperkg.extractors.training.terms GOLD... [--corpus DIR] [--min-df 2] [-o FILE]

A phrase of 2-4 lower-case content words written right before a bracketed acronym spelled by
its initials ("federated learning (FL)", "low-rank adaptation (LoRA)") is a term the field
names; counted once an abstract, with how often the words before it read as a task ("the task
of", "for") or as a technique ("using", "we propose"). Every paper titled in the GOLD files is
left out, so no gold paper (train, dev, valid, the annotators') shapes the list.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from paperkg.extractors.learned import acronym_terms

#: Words before a term that read as a task or as a technique (the last one or two words).
TASK_CUES = ("task of", "problem of", "tasks of", "tasks such as", "tasks like", "for",
             "tasks including", "task,", "in the field of", "area of", "field of")
METHOD_CUES = ("using", "use", "uses", "via", "with", "propose", "proposes", "introduce",
               "introduces", "apply", "applies", "employ", "employs", "by", "leverage",
               "leverages", "adopt", "adopts", "called", "termed", "dubbed", "named")
#: Columns of a term's counts.
COLUMNS = ("abstracts", "task_cue", "method_cue")


def _cue(text: str, start: int) -> tuple[int, int]:
    """(task cue, method cue) of the words right before start."""
    before = " ".join(text[max(0, start - 40):start].casefold().split())
    task = any(before.endswith(" " + c) or before == c for c in TASK_CUES)
    method = any(before.endswith(" " + c) or before == c for c in METHOD_CUES)
    return int(task), int(method)


def mine_terms(texts: Iterable[str], min_df: int = 2) -> dict[str, list[int]]:
    """{term: [abstracts defining it with its acronym, of them after a task cue, after a
    technique cue]} for the terms of at least min_df abstracts."""
    counts: dict[str, list[int]] = {}
    for text in texts:
        seen: dict[str, tuple[int, int]] = {}
        for term, start in acronym_terms(text):
            t, m = _cue(text, start)
            a, b = seen.get(term, (0, 0))
            seen[term] = (a | t, b | m)
        for term, (t, m) in seen.items():
            c = counts.setdefault(term, [0, 0, 0])
            c[0] += 1
            c[1] += t
            c[2] += m
    return {k: v for k, v in counts.items() if v[0] >= min_df}


def write_terms(terms: dict[str, list[int]], path: str | Path) -> None:
    """The terms as a tab-separated word list (term, then the COLUMNS counts), sorted."""
    lines = ["# lower-case terms the corpus defines with an acronym of their initials",
             "# (extractors/training/terms.py); columns: term, " + ", ".join(COLUMNS)]
    lines += ["\t".join([k, *map(str, v)]) for k, v in sorted(terms.items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_terms(path: str | Path) -> dict[str, list[int]]:
    """The terms of a file written by write_terms ({} when there is none)."""
    path = Path(path)
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, *counts = line.split("\t")
            out[term] = [int(c) for c in counts]
    return out


def main(argv: list[str] | None = None) -> None:
    """Mine the terms of the corpus, every paper of the GOLD files left out."""
    from paperkg.extractors.evaluate import read_gold
    from paperkg.extractors.training.data import default_corpus
    from paperkg.extractors.training.train import corpus_texts

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", help="gold files whose papers are left out")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("-o", "--output", default=None)
    args = ap.parse_args(argv)
    skip = [r["title"] for p in args.gold for r in read_gold(p)]
    texts = (f"{t}\n{a}" for t, a in corpus_texts(args.corpus or default_corpus(), skip))
    terms = mine_terms(texts, args.min_df)
    if args.output:
        write_terms(terms, args.output)
    print(f"{len(terms)} terms in >= {args.min_df} abstracts ({len(skip)} gold papers left out)")


if __name__ == "__main__":
    main()
