"""What the corpus says coined names are, counted for the typing of names no cue typed
(`rules/merge.py`, `finish_type`): a silver lexicon name -> declared types.

    python -m paperkg.extractors.training.declared_types [--corpus DIR] [--gold DIR]
        [--skip 15000] [--min-count 3] [-o extractors/data/words/declared_types.txt]

A declaration is a coined name (one token with two capitals, or a capital and a digit:
"GSM8K", "ImageNet", "Llama-3-8B") written right before a head noun ("the X dataset", "on the A,
B and C benchmarks"), before an appositive head ("X, a new benchmark for"), or after a naming
head ("a corpus called X"); heads and their types are heads.txt's (`after`, `appositive`,
`called` contexts). Only corpus papers in no gold file and not among the first `skip` papers of
the annotators' pool order (`pools.unannotated`; by default the draw's first 15,000, every pool
committed, held out or to come) are read, in the corpus files' order, so no tuning, held-out or
valid abstract feeds the lexicon.
A name goes on the list when its declarations number at least min-count; the file holds names
and counts only.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from paperkg.extractors.training.annotations import pools
from paperkg.extractors.words import alternation, head_forms, head_type, heads

#: A coined name: one token, two capitals or a capital and a digit somewhere in it.
NAME = r"(?:[A-Za-z0-9][\w.+\-]*[A-Za-z0-9]|[A-Z])"
_CODED = re.compile(r"[A-Z].*[A-Z0-9]|[0-9].*[A-Z]")
#: No name: a size or a count alone ("7B", "1.5B-parameter"), or a modifier ("3DGS-based").
_NOT_NAME = re.compile(r"^[\d.]+[KMBT]?(?:-\w+)?$|-(?:based|aware|like|style|level|scale|parameter|"
                       r"specific|driven|guided|free|only|enhanced|augmented)$")
#: What stands right before one name and a singular head that names it ("the X dataset", "on X
#: benchmark"); anything else ("a base ASR model", "the original ASR system") is a kind of thing.
_NAMING = re.compile(r"\b(?:[Tt]he|on|in|of|from|with|using|and)\s+$")
_SEP = r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"


def _patterns() -> list[tuple[re.Pattern, str]]:
    """(pattern, which group holds the names) for the three declaration shapes."""
    after = alternation(head_forms("after"))
    appos = alternation(head_forms("appositive"))
    called = alternation(head_forms("called"))
    names = rf"(?P<names>{NAME}(?:{_SEP}{NAME})*)"
    return [
        (re.compile(rf"(?<![\w\-]){names}\s+(?P<head>{after})\b"), "after"),
        (re.compile(rf"(?<![\w\-])(?P<names>{NAME}),\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,4}}?"
                    rf"(?P<head>{appos})\b"), "appositive"),
        (re.compile(rf"\b(?P<head>{called})\s*,?\s+(?:called|named|dubbed|termed)\s+"
                    rf"(?P<names>{NAME})(?![\w\-])"), "called"),
    ]


def declarations(text: str, patterns: list[tuple[re.Pattern, str]]) -> Iterator[tuple[str, str]]:
    """(name, type) for every declaration in one abstract. Before a head noun: a list of coined
    names, or one after `the` or a preposition before a singular head; one name before a plural
    head or after another word is a kind of thing ("ASR models", "a base ASR model")."""
    plurals = {h.plural for h in heads()} - {h.word for h in heads()}
    for pat, shape in patterns:
        for m in pat.finditer(text):
            typ = head_type(m.group("head"), "")
            names = re.split(_SEP, m.group("names"))
            if not typ:
                continue
            if shape == "after" and len(names) < 2 and (
                    m.group("head").lower() in plurals or
                    not _NAMING.search(text, max(0, m.start() - 8), m.start())):
                continue
            if shape == "after" and len(names) > 1 and not all(
                    _CODED.search(n) and not _NOT_NAME.search(n) for n in names):
                continue
            for name in names:
                name = name.strip()
                if _CODED.search(name) and not _NOT_NAME.search(name):
                    yield name, typ


def count(texts: Iterable[str]) -> dict[str, Counter]:
    """name -> declared type counts, each name counted once a type per abstract."""
    pats = _patterns()
    out: dict[str, Counter] = {}
    for text in texts:
        for name, typ in set(declarations(text, pats)):
            out.setdefault(name, Counter())[typ] += 1
    return out


def mined_texts(corpus: Path, gold: Path, skip: int) -> Iterator[str]:
    """Abstracts of corpus papers in no gold file and not in the first skip pool papers."""
    return ((r.get("abstract") or "") for r in pools.unannotated(corpus, gold, skip))


def lines(counts: dict[str, Counter], min_count: int) -> list[str]:
    """`name<TAB>TYPE=n TYPE=n` for names declared at least min_count times, sorted."""
    out = []
    for name in sorted(counts):
        c = counts[name]
        if sum(c.values()) >= min_count:
            out.append(name + "\t" + " ".join(f"{t}={n}" for t, n in
                                              sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))))
    return out


def main(argv: list[str] | None = None) -> None:
    """Count the declarations and write the list."""
    here = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    ap.add_argument("--gold", type=Path, default=here.parent / "shared" / "gold")
    ap.add_argument("--skip", type=int, default=pools.RESERVED)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("-o", "--output", type=Path,
                    default=here / "extractors" / "data" / "words" / "declared_types.txt")
    a = ap.parse_args(argv)
    counts = count(mined_texts(a.corpus, a.gold, a.skip))
    head = ("# Declared types of coined names in the corpus (name<TAB>TYPE=count ...), counted\n"
            "# by `python -m paperkg.extractors.training.declared_types`; gold papers and the\n"
            f"# first {a.skip} pool papers left out; names declared >= {a.min_count} times.\n")
    a.output.write_text(head + "\n".join(lines(counts, a.min_count)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
