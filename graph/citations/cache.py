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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from paperkg.core.text import sentences

from .claims import Claim, paper_claims, title_lead, words_of
from .names import fold

#: What per-paper results are made by (paper_features and everything it calls), relative to
#: this package; a module they come to use must be added here.
_MADE_BY = ("cache.py", "claims.py", "names.py", "data/names.tsv.gz", "data/words.txt.gz")


@functools.cache
def fingerprint() -> str:
    """Hash of what per-paper citation results depend on: the modules and shipped data that
    make them (_MADE_BY; not the inference over the collection, infer.py and dating.py, whose
    changes keep every entry), and the sentence splitter and text folding of core/text.py."""
    root = Path(__file__).resolve().parent
    package = root.parent.parent
    files = [root / f for f in _MADE_BY] + [package / "core" / "text.py"]
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


#: A link to a paper by identifier in a text (arXiv abstract or PDF page, arXiv: prefix, DOI).
IDENT_URL = re.compile(
    r"(?:(?:arxiv\.org/(?:abs|pdf)/|huggingface\.co/papers/|\barXiv:\s?)"
    r"(?P<arxiv>\d{4}\.\d{4,5})(?:v\d+)?"
    r"|(?:doi\.org/|\bdoi:\s?)(?P<doi>10\.\d{4,9}/[^\s\"<>]{1,200}))",
    re.IGNORECASE,
)
#: What every IDENT_URL match holds (lower case): a cheap test before the expression.
_LINK_PREFIXES = ("arxiv.org/", "huggingface.co/papers/", "arxiv:", "doi.org/", "doi:")
#: A run of letters and digits, in folded text, that can start a coined name: it starts with a
#: letter and holds a capital or a digit, or it is joined to the next run by '-', '.' or '+'.
#: (Possessive runs and one shared lower-case run: giving characters back could never make a
#: match here, and trying it was most of the search's time.)
#: Each start is followed (a lookahead: the next run is a start of its own too) by what a pair
#: of runs needs (_pair): a '-', '.' or '+' and the next run, or a space and a digit-first run.
#: The character before a start is matched, not looked behind at (the string searched opens
#: with a newline): the search then skips to the next character that is no letter or digit
#: instead of trying a match at every offset.
_NAME_START = re.compile(r"[^A-Za-z0-9]((?:[A-Z][A-Za-z0-9]*+|[a-z]++(?:[0-9A-Z][A-Za-z0-9]*+"
                         r"|(?=[-.+]))))(?![A-Za-z0-9])"
                         r"(?:(?=([-.+][A-Za-z0-9]+| [0-9][A-Za-z0-9]*)))?")
#: A run that is coined on its own (stored._COINED_RUN) and a capitalised word ('Orca').
_COINED_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*")
_WORD = re.compile(r"[A-Z][a-z]*")


def linked_identifiers(text: str) -> Iterator[tuple[int, str, str]]:
    """(sentence start, sentence, lower-case identifier) of every identifier link in text,
    sentence by sentence."""
    low = text.lower()
    if not any(k in low for k in _LINK_PREFIXES) or not IDENT_URL.search(text):
        return  # no link in the whole text ("doi" is in "doing": no word test)
    for start, sent in sentences(text):
        for m in IDENT_URL.finditer(sent):
            ident = (m.group("arxiv") or m.group("doi") or "").rstrip(".,;:)]}'\"")
            yield start, sent, ident.lower()


def name_starts(title: str, abstract: str,
                abstract_sentences: list[tuple[int, str]] | None = None) -> set[str]:
    """The runs of a paper's folded title and abstract sentences (as names.NameIndex.find
    sees them; `abstract_sentences`: core.text.sentences(abstract) when already made) that
    can start a coined name (_NAME_START). A name whose first run is of neither kind
    (infer._findable) is not looked up through these."""
    if abstract_sentences is None:
        abstract_sentences = sentences(abstract)
    return _starts(fold(title), [fold(t) for _, t in abstract_sentences])


def _starts(title: str, sentences: list[str]) -> set[str]:
    """name_starts of a folded title and folded abstract sentences."""
    return _starts_pairs(title, sentences)[0]


def _starts_pairs(title: str, sentences: list[str]) -> tuple[set[str], set[str]]:
    """name_starts of a folded title and folded abstract sentences, and the pairs of runs
    they write (_pair: what a name without a coined run is found through, stored.name_pair)."""
    # One search over the texts joined by newlines, with one before the first: no run crosses
    # a newline, and a newline is neither a letter nor a digit, so the pattern sees at a
    # text's ends what it would see there alone.
    found = _NAME_START.findall("\n".join(["", title, *sentences]))
    return {r for r, _ in found}, {r + nxt for r, nxt in found if nxt and _pair(r, nxt[0],
                                                                               nxt[1:])}


def _pair(a: str, sep: str, b: str) -> bool:
    """Whether two runs joined by a separator are a pair the citation index files papers
    under (stored.name_pair): neither run coined on its own, and a single capital joined to
    the other by '-', '.' or '+' ('A-Crab', 'Best-of-N'), or a capitalised word, then a
    separator and a digit-first run ('Orca 2', 'Chronos-2'). A text that writes such a pair
    as whole runs keeps it (name_starts holds its first run, with what follows it)."""
    # The shape first (most runs joined by a hyphen are lower-case words: "state-of"), then
    # whether either run is coined.
    if not ((sep in "-.+" and ((len(a) == 1 and a.isupper()) or (len(b) == 1 and b.isupper())))
            or (b[0].isdigit() and _WORD.fullmatch(a) is not None)):
        return False
    return not (_COINED_RUN.fullmatch(a) or _COINED_RUN.fullmatch(b) or not a[0].isalpha())


@dataclass
class PaperCites:
    """A paper's collection-independent citation results: its claims, its content words,
    where its abstract's sentences are ((offset, length) of each, as core.text.sentences
    trims them), the name its title leads with, the runs that can start a name
    (name_starts, as one space-joined string: a fresh build holds every paper's results, and
    a set of strings takes about ten times the memory) and the identifiers it links
    (linked_identifiers)."""

    claims: list[Claim]
    words: set[str]
    spans: list[tuple[int, int]]
    lead: str | None = None
    starts: str = ""
    links: tuple[str, ...] = ()

    def abstract_sentences(self, abstract: str) -> list[tuple[int, str]]:
        """core.text.sentences(abstract), from the kept spans."""
        return [(s, abstract[s:s + n]) for s, n in self.spans]


def _make(paper: str, title: str, abstract: str) -> PaperCites:
    sents = sentences(abstract)
    return PaperCites(paper_claims(paper, title, abstract), paper_words(title, abstract),
                      [(s, len(t)) for s, t in sents], title_lead(fold(title)[:200]),
                      " ".join(sorted(name_starts(title, abstract, sents))),
                      tuple(sorted({i for _, _, i in linked_identifiers(
                          f"{title}\n{abstract}")})))


def paper_features(title: str, abstract: str) -> dict:
    """A paper's collection-independent citation results as plain JSON: its key, its claims
    (name, how, strong, expansion), abstract sentence spans, title lead, name starts (one
    string) and linked identifiers. Not its content words: only the papers of candidate
    edges need them (232 of 19,986 corpus papers), so they are made from the text when asked
    for (`paper_words`); kept, they were a fifth of the build state every store holds. And
    the pairs of runs it writes (_pair; most papers none), for the store's citation index."""
    sents = sentences(abstract)
    folded = [(s, fold(t)) for s, t in sents]  # what the claims and name starts read
    folded_title = fold(title)
    starts, pairs = _starts_pairs(folded_title, [t for _, t in folded])
    return {"key": features_key(title, abstract),
            "claims": [[c.name, c.how, c.strong, c.expansion]
                       for c in paper_claims("", title, abstract, folded)],
            "spans": [[s, len(t)] for s, t in sents],
            "lead": title_lead(folded_title[:200]),
            "starts": " ".join(sorted(starts)),
            "links": sorted({i for _, _, i in linked_identifiers(f"{title}\n{abstract}")}),
            "pairs": sorted(pairs)}


def paper_words(title: str, abstract: str) -> set[str]:
    """A paper's content words (what similarity compares), made from its title and abstract."""
    return words_of(f"{title} {abstract}")


def matches(entry: dict | None, title: str, abstract: str) -> bool:
    """Whether a kept entry stands for a paper with this title and abstract."""
    return isinstance(entry, dict) and entry.get("key") == features_key(title, abstract)


def paper_cites(paper: str, title: str, abstract: str, entry: dict | None) -> PaperCites:
    """A paper's results: from its entry when the entry's key matches, else made anew."""
    if matches(entry, title, abstract):
        return PaperCites([Claim(paper, name, how, bool(strong), expansion)
                           for name, how, strong, expansion in entry["claims"]],
                          paper_words(title, abstract), [(s, n) for s, n in entry["spans"]],
                          entry["lead"], entry["starts"],
                          tuple(entry["links"]))
    return _make(paper, title, abstract)


def cached_claims(paper: str, title: str, abstract: str, entry: dict | None) -> list[Claim]:
    """The claims of a paper: from its entry when the entry's key matches, else made anew."""
    if matches(entry, title, abstract):
        return [Claim(paper, name, how, bool(strong), expansion)
                for name, how, strong, expansion in entry["claims"]]
    return paper_claims(paper, title, abstract)


__all__ = ["IDENT_URL", "PaperCites", "cached_claims", "features_key", "fingerprint",
           "linked_identifiers", "matches", "name_starts", "paper_cites", "paper_features",
           "paper_words"]
