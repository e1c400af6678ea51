"""Per-paper citation results that do not depend on the collection, kept with the paper.

What a paper's own text claims (claims.paper_claims), its content words and its sentences are
the costliest per-paper steps of the inference and depend only on its title and abstract and on
this package's code and data. A build keeps them in the paper's stored state (`paper_features`,
JSON-safe) and hands them back to `add_citations`, so an update does not make them again for
the papers it keeps. Each entry carries a key (`features_key`: the citation code's
fingerprint, title and abstract); an entry whose key does not match the paper is ignored and
the results are made anew, so a stale or foreign entry can cost time but never change a
result.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from paperkg.core.text import sentences

from .claims import Claim, paper_claims, words_of


@functools.cache
def fingerprint() -> str:
    """Hash of what per-paper citation results depend on: this package's code and shipped
    data, and the sentence splitter and text folding of core/text.py."""
    root = Path(__file__).resolve().parent
    files = sorted(f for f in root.rglob("*") if f.is_file() and f.suffix != ".pyc"
                   and "__pycache__" not in f.parts)
    package = root.parent.parent
    files.append(package / "core" / "text.py")
    h = hashlib.blake2b(digest_size=16)
    for f in files:
        h.update(f.relative_to(package).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def features_key(title: str, abstract: str) -> str:
    """The key an entry must carry to stand for a paper with this title and abstract."""
    h = hashlib.blake2b(fingerprint().encode(), digest_size=12)
    h.update((title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update((abstract or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class PaperCites:
    """A paper's collection-independent citation results: its claims, its content words and
    where its abstract's sentences are ((offset, length) of each, as core.text.sentences
    trims them)."""

    claims: list[Claim]
    words: set[str]
    spans: list[tuple[int, int]]

    def abstract_sentences(self, abstract: str) -> list[tuple[int, str]]:
        """core.text.sentences(abstract), from the kept spans."""
        return [(s, abstract[s:s + n]) for s, n in self.spans]


def _make(paper: str, title: str, abstract: str) -> PaperCites:
    return PaperCites(paper_claims(paper, title, abstract), words_of(f"{title} {abstract}"),
                      [(s, len(t)) for s, t in sentences(abstract)])


def paper_features(title: str, abstract: str) -> dict:
    """A paper's collection-independent citation results as plain JSON: its key, its claims
    (name, how, strong, expansion), content words (one string: a build holds every paper's
    entry, and a list of strings each takes three times the memory) and abstract sentence
    spans."""
    made = _make("", title, abstract)
    return {"key": features_key(title, abstract),
            "claims": [[c.name, c.how, c.strong, c.expansion] for c in made.claims],
            "words": " ".join(sorted(made.words)), "spans": [list(x) for x in made.spans]}


def paper_cites(paper: str, title: str, abstract: str, entry: dict | None) -> PaperCites:
    """A paper's results: from its entry when the entry's key matches, else made anew."""
    if isinstance(entry, dict) and entry.get("key") == features_key(title, abstract):
        return PaperCites([Claim(paper, name, how, bool(strong), expansion)
                           for name, how, strong, expansion in entry["claims"]],
                          set(entry["words"].split()), [(s, n) for s, n in entry["spans"]])
    return _make(paper, title, abstract)


def cached_claims(paper: str, title: str, abstract: str, entry: dict | None) -> list[Claim]:
    """The claims of a paper: from its entry when the entry's key matches, else made anew."""
    if isinstance(entry, dict) and entry.get("key") == features_key(title, abstract):
        return [Claim(paper, name, how, bool(strong), expansion)
                for name, how, strong, expansion in entry["claims"]]
    return paper_claims(paper, title, abstract)


__all__ = ["PaperCites", "cached_claims", "features_key", "fingerprint", "paper_cites",
           "paper_features"]
