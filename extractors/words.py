"""Word lists of the entity rules, as data: extractors/data/words/*.txt (one word or phrase a
line, # starts a comment), and the one list of head nouns (heads.txt) with the contexts that
read each of them, and the reader of the gazetteer files (extractors/data/*.txt). A leaf
module: canonical keys and the rule families both read it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "data" / "words"


# the gazetteer file of each entity type, in extractors/data/
TYPE_FILES = {
    "MODEL": "models.txt", "METHOD": "methods.txt", "DATASET": "datasets.txt",
    "BENCHMARK": "benchmarks.txt", "METRIC": "metrics.txt", "TASK": "tasks.txt",
}


@cache
def words(name: str) -> tuple[str, ...]:
    """One word list of extractors/data/words/NAME.txt, in file order (# starts a comment)."""
    out = []
    for line in (WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n\r\t"))  # "our " keeps its space
    return tuple(out)


@cache
def word_set(name: str) -> frozenset[str]:
    """A word list as a set."""
    return frozenset(words(name))


@cache
def word_union(*names: str) -> frozenset[str]:
    """The words of several lists as one set (made once, not at every call of a rule)."""
    return frozenset().union(*map(word_set, names))


def read_list(path: Path) -> list[list[str]]:
    """Groups of one gazetteer file: [canonical, alias, ...] per line, comments dropped."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        forms = [f.strip() for f in line.split("|") if f.strip()]
        if forms:
            groups.append(forms)
    return groups


@dataclass(frozen=True)
class Head:
    """One head noun of data/words/heads.txt."""

    word: str
    plural: str
    type: str  # "" when the head does not type the name (family, collection)
    contexts: frozenset[str]  # where the singular counts
    plural_contexts: frozenset[str]  # where the plural counts too


@cache
def heads() -> tuple[Head, ...]:
    """The head nouns (one list for every rule that reads a head noun)."""
    out = []
    for line in words("heads"):
        word, plural, type_, contexts = (f.strip() for f in line.split("|"))
        tags = contexts.split()
        out.append(Head(word, plural, "" if type_ == "-" else type_,
                        frozenset(t.rstrip("+") for t in tags),
                        frozenset(t[:-1] for t in tags if t.endswith("+"))))
    return tuple(out)


@cache
def head_forms(context: str) -> tuple[str, ...]:
    """Singular and plural forms of the head nouns used in one context, longest first."""
    forms = {h.word for h in heads() if context in h.contexts}
    forms |= {h.plural for h in heads() if context in h.plural_contexts}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def alternation(forms: Iterable[str], space: str | None = None) -> str:
    """A regex alternation of literal forms, longest first; `space`: what a space matches."""
    out = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return out if space is None else out.replace(r"\ ", space)



def trie_alternation(forms: Iterable[str], lower: bool = False, space: str | None = None) -> str:
    """A regex alternation of literal forms with common prefixes shared: it matches what
    alternation's longest-first list matches (at each node the longer forms are tried first),
    at a fraction of the cost over a long list; `lower`: the forms lower-cased, for a
    case-insensitive pattern; `space`: what a space matches (as in alternation)."""
    tree: dict = {}
    for f in forms:
        node = tree
        for ch in f.lower() if lower else f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [(space if ch == " " and space is not None else re.escape(ch)) + pattern(node[ch])
                for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return pattern(tree)

def head_alternation(context: str) -> str:
    """A regex alternation of the head nouns of one context (singular and plural)."""
    return alternation(head_forms(context))


@cache
def _head_types() -> dict[str, str]:
    """Lower-case head form -> type."""
    out = {}
    for h in heads():
        out[h.word] = out[h.plural] = h.type
    return out


def head_type(head: str, default: str = "METHOD") -> str:
    """Type of an entity from the head noun written next to it (default when unknown or when
    the head types nothing, like "family")."""
    return _head_types().get(head.lower()) or default


#: A declared type the corpus lexicon gives a name no cue typed: its count and share of the
#: name's declarations (extractors/data/words/declared_types.txt).
DECLARED_MIN, DECLARED_SHARE = 3, 0.7
DECLARED_TYPES = frozenset({"DATASET", "BENCHMARK", "MODEL"})


@cache
def _declared() -> dict[str, str]:
    """Coined name -> the type the corpus declares it most, when that passes the bars."""
    out = {}
    for line in words("declared_types"):
        name, _, counts = line.partition("\t")
        pairs = [(t, int(n)) for t, _, n in (c.partition("=") for c in counts.split())]
        typ, n = pairs[0]
        if typ == "MODEL" and name.isalpha() and name.isupper() or len(name) < 3:
            continue  # "the ASR model", "the CNN model": a kind of model; "R1", "CT": too short
        if typ in DECLARED_TYPES and n >= DECLARED_MIN and \
                n >= DECLARED_SHARE * sum(k for _, k in pairs):
            out[name] = typ
    return out


def declared_type(name: str) -> str | None:
    """The type the corpus declares a coined name (`the X dataset`, `X, a benchmark`), if any."""
    return _declared().get(name)
