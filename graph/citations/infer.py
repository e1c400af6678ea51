"""Inferred citations: paper A CITES paper B when A's sentence names what B's text introduced.

The steps (each in its own function, all deterministic and linear in the collection's text):
1. claims: the coined names each paper's own text introduces (claims.paper_claims);
2. specificity: generic names (short, ordinary words, or named by many corpus papers) are
   dropped; so is a claim made after the name was already in use: two other papers of the
   collection, or three papers of the shipped corpus, named it before the claimant appeared;
3. one pass over every paper's sentences finds every claimed name (names.NameIndex);
4. each mention becomes a candidate edge to the name's one claimant that can have appeared by
   the citing paper's date; several possible claimants link none (counted as ambiguous), a
   claimant that appeared later links none (counted), and a citing paper that spells the name
   out as something else ("RAM (random access memory)") links none (counted);
5. every edge gets a confidence (see `confidence`; an established all-capital acronym whose
   users write about what its claimant writes about is corroborated: `corroboration`); edges
   below `min_confidence` are not added (counted).
Identifier links (arxiv.org/abs/..., doi.org/...) are citations too, at confidence 1.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING, Any

from paperkg.core.packed import unpacked
from paperkg.core.text import ALNUM, sentences
from paperkg.graph.schema import (
    ADDRESSES,
    CITES,
    ENTITY_LABELS,
    EVALUATED_ON,
    INTRODUCES,
    PAPER,
    REPORTS,
    USES,
    split_key,
)
from paperkg.graph.stored_text import StoredAbstract, StoredTexts, load_nodes, texts_of

from .cache import (
    PaperCites,
    cached_claims,
    linked_identifiers,
    matches,
    paper_cites,
    paper_words,
)
from .claims import (
    Claim,
    NameStats,
    common_words,
    contested,
    corpus_baseline,
    corpus_idf,
    corpus_names,
    generic_reason,
    spells_word,
    words_of,
)
from .dating import Interval, cannot_cite, dated, month_of, paper_interval
from .names import NameIndex, fold, shape_score
from .stored import is_generic

if TYPE_CHECKING:  # only the annotations name it: an add's extraction worker imports
    import networkx as nx  # this module (cache.paper_features), and networkx costs 0.1 CPU s

SOURCE_INFERRED = "inferred"
CITES_INFERRED_KEY = f"{CITES}|{SOURCE_INFERRED}"
KINDS = ("uses", "evaluates_on", "compares_with", "mentions")
#: The default --min-citation-confidence (chosen by measurement: docs/citations.md).
DEFAULT_MIN_CONFIDENCE = 0.75
TEMPORAL_OK = "ok"
TEMPORAL_UNKNOWN = "unknown"
#: Corroboration of an all-capital acronym (see `corroboration`): a name the shipped corpus
#: shows in fewer papers than this is not established; established strength is 1 - this / n.
ESTABLISHED_PAPERS = 3
#: Where the claimant's users' topical agreement (the median percentile, among random pairs
#: of the shipped corpus, of their similarity to the claimant) starts to count, and where it
#: is full.
AGREEMENT_FROM, AGREEMENT_FULL = 0.70, 0.95
#: Random paper pairs sampled (fixed seed) per corpus paper, and at most, for the shipped
#: baseline (corpus_stats.similarity_stats).
_PAIRS_PER_PAPER, _PAIRS_MAX = 20, 20_000

_CITING_RELS = (USES, EVALUATED_ON, REPORTS, ADDRESSES)
_COMPARE = re.compile(
    r"\b(outperform\w*|compar\w*|than|baselines?|surpass\w*|beats?|versus|vs\.?|rival\w*|"
    r"on par with|competitive with|exceed\w*|improv\w* (?:over|upon))\b", re.IGNORECASE)
_EVALUATE = re.compile(r"\b(evaluat\w*(?:\s+[\w-]+){0,4}?\s+(?:on|against)|benchmarked on|"
                       r"tested on|test on|results on|scor\w* on|accuracy on|performance on)\b",
                       re.IGNORECASE)
_USE = re.compile(r"\b(build(?:s|ing)? on|buil[td] on|based on|us(?:e|es|ed|ing)|employ\w*|"
                  r"adopt\w*|extend\w*|fine-?tun\w*|train\w* on|follow\w*|leverag\w*)\b",
                  re.IGNORECASE)
#: In the citing sentence, right before the name: this paper introduces a name of its own
#: ("and propose LoRAM, a ...", "We introduce a new evaluation benchmark, MSEval").
_OWN_INTRO = re.compile(
    r"\b(?:propos|introduc|present|develop|design|releas|call|nam|dub|term|coin|collect|"
    r"construct|buil[dt]|curat|creat|establish)\w*\s+"
    r"(?:(?!(?:on|in|with|from|than|over|to|of|by|for|against|using|via|at|as|like|such|"
    r"including|and|or)\b)[\w-]+,?\s+){0,6}$"
    r"|\bour\s+(?:[\w-]+\s+){0,2}(?:approach|method|framework|model|system|benchmark|dataset|"
    r"algorithm|agent|pipeline|tool|module)s?,?\s+(?:called\s+|named\s+)?$", re.IGNORECASE)
#: Or it defines the name as its own acronym: "we propose a new task, termed Grounded
#: Chain-of-Thought (GCoT)".
_OWN_DEFINITION = re.compile(
    r"\b(?:propos|introduc|present|term|call|dub|nam|coin|develop|design)\w*\b[^;:()]{0,100}"
    r"\(\s*$", re.IGNORECASE)
#: A coined word right before the name, or a dash and a capital after it: the name is part
#: of a longer one ("T2V CompBench", "FinReflectKG -- HalluBench"); or a class noun after it
#: ("VLA-RL methods": methods of that kind, not one paper's).
_COMPOUND_BEFORE = re.compile(r"(?<![\w-])[A-Za-z][\w-]*(?:[A-Z][\w-]*|\d[\w-]*)\s$")
_COMPOUND_AFTER = re.compile(r"\s+(?:--?|\u2013|\u2014)\s+[A-Z]|\s+(?:methods|approaches|"
                             r"techniques|paradigms)\b")
_PAREN_AFTER = re.compile(r"^\s*\(([^()]{3,100})\)")
_PAREN_BEFORE = re.compile(r"([A-Za-z][\w-]*(?:\s+[\w-]+){0,7})\s*\(\s*$")


@dataclass
class CitationReport:
    """What add_citations did: edges added and every reason a candidate was not linked."""

    added: int = 0
    via_name: int = 0
    via_identifier: int = 0
    claims: int = 0
    claims_generic: int = 0
    claims_not_first: int = 0
    ambiguous_mentions: int = 0
    later_mentions: int = 0
    other_meaning_mentions: int = 0
    own_name_mentions: int = 0
    below_threshold: int = 0
    undated: int = 0
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    ambiguous_names: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    #: an update's names judged again (None: every name was); the reasons counted above are
    #: then those of these names' candidates only
    updated_names: int | None = None

    def summary(self) -> dict:
        """The figures as a plain dict (for CLI output and JSON)."""
        return {
            "cites_inferred": self.added,
            "via_name": self.via_name,
            "via_identifier": self.via_identifier,
            "min_confidence": self.min_confidence,
            "claims": self.claims,
            "claims_generic": self.claims_generic,
            "claims_not_first": self.claims_not_first,
            "ambiguous_names": len(self.ambiguous_names),
            "ambiguous_mentions": self.ambiguous_mentions,
            "later_paper_mentions": self.later_mentions,
            "other_meaning_mentions": self.other_meaning_mentions,
            "own_name_mentions": self.own_name_mentions,
            "below_threshold": self.below_threshold,
            "temporal_unknown": self.undated,
            "by_kind": dict(sorted(self.by_kind.items())),
            **({} if self.updated_names is None else {"updated_names": self.updated_names}),
        }


@dataclass
class _Edge:
    """One reason for A CITES B, before the best reason per pair is kept."""

    kind: str
    name: str
    evidence: str
    route: str
    start: int
    confidence: float
    #: the cited paper's entity node (_entity_of), when known already (a kept edge)
    entity: str | None = None

    def rank(self) -> tuple:
        """Higher is better: confidence, then the earlier sentence, then the name."""
        return (self.confidence, -self.start, self.name)


def _text_kind(sentence: str) -> str:
    """Citation kind from the citing sentence alone."""
    if _COMPARE.search(sentence):
        return "compares_with"
    if _EVALUATE.search(sentence):
        return "evaluates_on"
    if _USE.search(sentence):
        return "uses"
    return "mentions"


def _rel_kind(rel: str, sentence: str) -> str:
    """Citation kind from the citing paper's extracted relationship to the named entity."""
    if rel == EVALUATED_ON:
        return "evaluates_on"
    if _COMPARE.search(sentence):
        return "compares_with"
    return "uses" if rel == USES else _text_kind(sentence)


def _paper_text(attrs: dict) -> tuple[str, str]:
    """(title, abstract) of a paper node (its abstract may be held core.packed, or be a
    stored paper's not read yet: graph/stored_text.py)."""
    return str(attrs.get("title") or ""), str(unpacked(attrs.get("abstract")) or "")


def _texts_of(nodes: dict[str, dict]) -> StoredTexts | None:
    """The StoredTexts of these Paper nodes' stored abstracts not read yet (an update's:
    graph/stored_text.py), None when they hold none."""
    return texts_of(d.get("abstract") for d in nodes.values())


def _load_texts(nodes: dict[str, dict], keys: Iterable[str]) -> None:
    """Read at once the stored abstracts of these Paper nodes not read yet (an update's:
    graph/stored_text.py), instead of one read each as _paper_text asks for them."""
    texts = _texts_of(nodes)
    if texts is not None:
        load_nodes(texts, nodes, keys)


def collect_claims(papers: dict[str, dict], features: dict[str, dict] | None = None
                   ) -> dict[str, list[Claim]]:
    """Name -> claims of it, over every paper (papers in sorted order); a paper's claims come
    from its `features` entry (cache.paper_features) when that entry matches its text."""
    by_name: dict[str, list[Claim]] = defaultdict(list)
    features = features or {}
    for p in sorted(papers):
        title, abstract = _paper_text(papers[p])
        for c in cached_claims(p, title, abstract, features.get(p)):
            by_name[c.name].append(c)
    return by_name


def _mentions(papers: dict[str, dict], index: NameIndex, cites: dict[str, PaperCites],
              spelled: dict[str, list[str]] | None = None, lookup: tuple | None = None
              ) -> dict[str, list[tuple[str, int, int, str, str]]]:
    """Name -> (paper, offset in the paper, offset in the sentence, sentence, folded sentence)
    of each sentence naming it
    (first sentence per paper and name; the title counts as a sentence). `spelled`: for some
    papers, the spellings of the names sought that each writes (_scanned_by_key): only the
    sentences writing one are searched, and of the other names only those written where
    one of them is are sure to be found. `lookup`: _lookup of the index, made already."""
    out: dict[str, list[tuple[str, int, int, str, str]]] = defaultdict(list)
    # a match is its name's spelling (runs and separators) written in the folded text; the
    # reach of a spelling is how far `find` reads from its start
    kept, other, spellings, reach = _lookup(index.by_first) if lookup is None else lookup
    _load_texts(papers, papers)
    for p in sorted(papers):
        title, abstract = _paper_text(papers[p])
        written = None if spelled is None else spelled.get(p)
        text = f"{title}\n{abstract}"
        plain = text.isascii() and "\\" not in text  # folded, it is itself
        if written is None:
            # only the first runs of indexed names this paper keeps (cache.name_starts:
            # every run of its sentences that can start a name) can start a match in it
            held = kept.intersection(cites.starts(p))
            if not held and not other:
                continue
            held.update(other)  # rare: looked for in the text
            if plain:  # test it whole
                written = [w for r in held for w in spellings[r] if w in text]
            else:
                written = [w for r in held for w in spellings[r]]
        if not written:
            continue
        if plain and all(w in reach for w in written):
            _mentions_where(p, title, functools.partial(cites.abstract_sentences, p, abstract),
                            text, {w: reach[w] for w in written}, index, out)
            continue
        seen: set[str] = set()
        for start, sent in [(0, title), *((len(title) + 1 + s, t) for s, t in
                                          cites.abstract_sentences(p, abstract))]:
            plain = _plain(sent)
            if not any(w in plain for w in written):
                continue  # none of the names it writes is in this sentence
            folded = None
            for s, e, name in index.find(sent):
                if name in seen:
                    continue
                seen.add(name)
                folded = folded if folded is not None else fold(sent)
                out[name].append((p, start + s, s, sent, folded))
                del e
    return out


def _mentions_where(p: str, title: str, abstract_sentences: Callable[[], list[tuple[int, str]]],
                    text: str, written: dict[str, int], index: NameIndex,
                    out: dict[str, list[tuple[str, int, int, str, str]]]) -> None:
    """_mentions of one paper whose text (title, newline, abstract) is plain ASCII (folding
    leaves it as it is): `NameIndex.find` is asked only where a sentence writes one of the
    `written` spellings as whole runs (what a match of its name needs), on a piece of the
    sentence around it long enough for every test `find` makes there (`written`: each
    spelling's reach, the longest spelling of its first run), not on the whole sentence;
    `abstract_sentences` (core.text.sentences of the abstract) is called only when one is
    written as whole runs of the text (a sentence's are, and they are its text's)."""
    found: list[tuple[int, int, int]] = []  # (offset in text, length, reach)
    for w, far in written.items():
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if not ((i and text[i - 1] in ALNUM) or (e < len(text) and text[e] in ALNUM)):
                found.append((i, len(w), far))
            i = text.find(w, i + 1)
    if not found:
        return
    found.sort()
    seen: set[str] = set()
    k = 0
    for start, sent in [(0, title),
                        *((len(title) + 1 + s, t) for s, t in abstract_sentences())]:
        end = start + len(sent)
        while k < len(found) and found[k][0] < start:
            k += 1
        last = -1
        j = k
        while j < len(found) and found[j][0] < end:
            at, n, far = found[j]
            j += 1
            q, e = at - start, at - start + n
            if q == last or e > len(sent) or (q and sent[q - 1] in ALNUM) or (
                    e < len(sent) and sent[e] in ALNUM):
                continue  # asked already, or not whole runs of the sentence
            last = q
            lo = max(0, q - 2)  # `find` reads two characters before a name
            for s, _, name in index.find(sent[lo:_run_end(sent, q + far + _FIND_AFTER)]):
                if s + lo >= q:
                    if s + lo == q and name not in seen:
                        seen.add(name)
                        out[name].append((p, start + q, q, sent, sent))
                    break


#: The characters of a run (names.NameIndex: runs of ASCII letters and digits).
#: How far past a name's end NameIndex.find reads (a continuation, a version number
#: "\s[1-9]\.\d" and the character after it), with room to spare.
_FIND_AFTER = 8


def _run_end(text: str, i: int) -> int:
    """min(i, len(text)) moved on to the end of the run it falls in (a piece of text cut
    there keeps its last run whole)."""
    i = min(i, len(text))
    while 0 < i < len(text) and text[i - 1] in ALNUM and text[i] in ALNUM:
        i += 1
    return i


#: A run that cache.name_starts keeps whenever it is written (the run alone decides).
_KEPT_RUN = re.compile(r"[A-Z][A-Za-z0-9]*|[a-z]+[0-9A-Z][A-Za-z0-9]*")


def _start_runs(index: NameIndex) -> tuple[set[str], list[str]]:
    """The first runs of an index's names: (those a paper's kept name starts hold wherever
    the paper writes one of their names, the others, looked for in every paper). A
    lower-case run counts as kept when every name filed under it goes on with '-', '.' or
    '+' (the text that writes the name joins the run to the next: name_starts keeps it)."""
    kept, other = set(), []
    for r, options in index.by_first.items():
        if _kept_run(r, options):
            kept.add(r)
        else:
            other.append(r)
    return kept, sorted(other)


def _kept_run(r: str, options: list[tuple[tuple[str, ...], str]]) -> bool:
    """Whether _start_runs counts a first run (with the spellings filed under it) as kept."""
    return bool(_KEPT_RUN.fullmatch(r) or (r.isalpha() and r.islower() and all(
        len(parts) > 1 and parts[1] in ("-", ".", "+") for parts, _ in options)))


def _lookup(by_first: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple:
    """What _mentions makes of a name index (its by_first) before it reads a paper: the kept
    and other first runs (_start_runs), each first run's spellings, and each spelling's
    reach (the longest spelling of its first run)."""
    index = NameIndex(())
    index.by_first = by_first
    kept, other = _start_runs(index)
    spellings = {r: sorted({"".join(parts) for parts, _ in options})
                 for r, options in by_first.items()}
    reach = {w: max(map(len, ws)) for ws in spellings.values() for w in ws}
    return kept, other, spellings, reach


def _plain(text: str) -> str:
    """Text as NameIndex.find folds it, unchanged (without folding) when it is plain ASCII
    (a substring test of a run then needs no fold: folding an ASCII text without a
    backslash leaves it as it is)."""
    return text if text.isascii() and "\\" not in text else fold(text)


def _spelled_out(folded: str, name: str) -> str:
    """The expansion a sentence gives a name ("random access memory (RAM)", "RAM (random
    access memory)"), '' when it gives none."""
    i = folded.find(name)
    while i >= 0:
        j = i + len(name)
        m = _PAREN_AFTER.match(folded[j:j + 110])
        if m and not any(c.isdigit() for c in m.group(1)[:4]):
            return m.group(1)
        before = folded[max(0, i - 170):i].rstrip()
        if before.endswith("(") and folded[j:j + 5].lstrip().startswith(")"):
            pm = _PAREN_BEFORE.search(before)
            if pm:
                return pm.group(1)
        i = folded.find(name, i + 1)
    return ""


def _other_meaning(expansion: str, claim: Claim, cited_title: set[str]) -> bool:
    """Whether a citing paper's expansion of a name is not the cited paper's: fewer than half
    of its content words occur in the cited paper's own expansion and title."""
    words = words_of(expansion)
    if not words:
        return False
    own = words_of(claim.expansion) | cited_title
    return 2 * len(words & own) < len(words)


def _similarity(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """Cosine of two papers' content-word sets, words weighted by idf (sums exactly rounded,
    so the order a set is walked in, which the hash seed decides, cannot change a value)."""
    if not a or not b:
        return 0.0
    shared = math.fsum(idf.get(w, 0.0) ** 2 for w in a & b)
    na = math.sqrt(math.fsum(idf.get(w, 0.0) ** 2 for w in a))
    nb = math.sqrt(math.fsum(idf.get(w, 0.0) ** 2 for w in b))
    return shared / (na * nb) if na and nb else 0.0


class _PaperSimilarity:
    """`_similarity` of two papers' whole content-word sets, each paper's norm computed once
    (squared weights looked up for the words that have one: an exactly rounded sum of the
    same terms, so the same values)."""

    def __init__(self, words: dict[str, set[str]], idf: dict[str, float]) -> None:
        self.words = words
        self.squared = {w: v ** 2 for w, v in idf.items()}
        self.norms: dict[str, float] = {}

    def _sum(self, ws: set[str]) -> float:
        squared = self.squared
        return math.fsum(map(squared.__getitem__, ws & squared.keys()))

    def norm(self, p: str) -> float:
        """The idf-weighted norm of a paper's word set."""
        n = self.norms.get(p)
        if n is None:
            n = self.norms[p] = math.sqrt(self._sum(self.words[p]))
        return n

    def __call__(self, a: str, b: str) -> float:
        wa, wb = self.words[a], self.words[b]
        if not wa or not wb:
            return 0.0
        shared = self._sum(wa & wb)
        na, nb = self.norm(a), self.norm(b)
        return shared / (na * nb) if na and nb else 0.0


def _percentile(baseline: Sequence[float], value: float) -> float:
    """The share of the baseline's similarities (quantiles of random shipped-corpus pairs,
    claims.corpus_baseline) below value (0.5 when there is no baseline)."""
    return bisect_left(baseline, value) / len(baseline) if baseline else 0.5


def corroboration(name: str, stats: dict[str, NameStats], agreement: float) -> float:
    """How much established use speaks against an all-capital acronym being a homonym (0-1):
    the shipped corpus names it in n papers (strength 1 - ESTABLISHED_PAPERS/n, nothing at 3 or
    fewer: MBPP, 76 papers, 0.96) times how well the collection's papers that use it agree in
    topic with the claimant (`agreement`: their median similarity percentile; counts from
    AGREEMENT_FROM, full at AGREEMENT_FULL). 0 for other names, short (3-letter) acronyms
    and common words."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters) or spells_word(name):
        return 0.0
    st = stats.get(name)
    if st is None or st.papers <= ESTABLISHED_PAPERS:
        return 0.0
    agree = (agreement - AGREEMENT_FROM) / (AGREEMENT_FULL - AGREEMENT_FROM)
    return round((1 - ESTABLISHED_PAPERS / st.papers) * max(0.0, min(1.0, agree)), 4)


def confidence(claim: Claim, name: str, similarity: float, prior_uses: int,
               temporal_known: bool, spelled_same: bool, corroborated: float = 0.0) -> float:
    """How sure an edge is (0-1): how the cited paper earned the name, whether the citing
    paper's name means the cited paper's thing (how distinctive the name looks and how close
    the two papers' topics are; for an acronym, also how `corroborated` its use is), and what
    the dates could check."""
    earned = {("title", True): 1.0, ("clause", True): 0.9, ("title", False): 0.75}.get(
        (claim.how, claim.strong), 0.7)
    shape = shape_score(name) * (0.7 if spells_word(name) else 1.0)
    topic = 0.4 + 0.6 * min(1.0, similarity / 0.15)
    same = shape * topic
    if corroborated:
        same = 1 - (1 - same) * (1 - corroborated)  # either evidence can rule out a homonym
    score = earned * same
    if spelled_same:
        score = min(1.0, score * 1.25)
    if prior_uses:
        score *= 0.7
    if not temporal_known:
        score *= 0.9
    return round(score, 3)


@dataclass
class Previous:
    """What an update hands add_citations: the inferred edges its store holds (citing node,
    cited node, properties, as the last build wrote them with a threshold no higher than this
    one's) and the papers new since then; every other paper has the same title, abstract,
    dates and identifiers as then, except those in `old` (paper -> the kept entry of its text
    then: cache.paper_features), which are also in `new` and in no edge of `edges`; the names
    their old text claimed, led its title with or could write are judged again (added for
    graph/registry_store.py)."""

    edges: list[tuple[str, str, dict]]
    new: set[str]
    old: dict[str, dict] = field(default_factory=dict)
    #: the store's per-name index (stored.StoredIndex) of every paper not in `new`: then
    #: `features` need hold only the new papers' entries, and the other papers' entries are
    #: read from the store only for the papers that write a name judged again
    kept: Any = None
    #: (citing, cited) of the `edges` whose kind and entity _CitingRels and _entity_of would
    #: find again (neither paper's entity edges, nor the keys of the entities they reach
    #: that the edge's name has, changed): kept as they are, their papers' edges not read
    steady: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset()
    #: what `prejudge` made of `kept` and the papers not in `new` before the new papers were
    #: extracted (None: judge makes it all)
    ahead: Any = None


@dataclass
class Prejudged:
    """What `judge` makes of an update's stored papers alone (those of the index `kept`
    not in `replaced`): their claims by name, the names valid through them, the index of those
    names and the papers' identifiers. Made by `prejudge` while the new papers are extracted;
    judge adds the replaced papers' part."""

    kept: Any
    replaced: frozenset[str]
    #: the stored papers it was made of (node keys)
    papers: list[str]
    #: name -> the stored papers' claims of it (in paper order)
    by_name: dict[str, list[Claim]]
    #: name -> its claims judge keeps (not contested), for the names that are valid
    valid: dict[str, list[Claim]]
    #: the claims of the names that are not valid (judge's report.claims_generic)
    generic_claims: int
    #: NameIndex(valid).by_first, and what _mentions makes of it (_lookup)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]]
    lookup: tuple
    #: _identifiers of the stored papers, and how many papers those are (every paper not
    #: replaced: the index's papers and those the index keeps nothing of)
    idents: dict[str, list[str]]
    stored: int
    #: judge took it over (its dicts are judge's, changed): not to be used again
    used: bool = False


class _Cites(dict):
    """Paper -> its per-paper results (cache.PaperCites), read from its kept entry or made
    when first asked for; `claims`, `lead`, `links` and `starts` read a matching kept entry
    without making the rest (an update asks them of every paper, the rest of a few)."""

    def __init__(self, nodes: dict[str, dict], features: dict[str, dict], kept: Any = None,
                 replaced: Iterable[str] = ()) -> None:
        super().__init__()
        self.nodes, self.features = nodes, features
        self._entries: dict[str, bool] = {}
        #: the store's index (stored.StoredIndex) and its records by node (lead, claims,
        #: links) for every paper not `replaced` (those have entries in `features`)
        self.kept, self.replaced = kept, set(replaced) if kept is not None else set()
        self.records: dict[str, list] = {} if kept is None else {
            f"{PAPER}:{pid}": rec for pid, rec in kept.records.items()}

    def __missing__(self, p: str) -> PaperCites:
        made = self[p] = paper_cites(p, *_paper_text(self.nodes[p]), self.entry(p))
        return made

    def entry(self, p: str) -> dict | None:
        """The paper's kept entry when it matches its text, else None (whether it matches is
        kept, not the entry: `features` may decode each entry when asked for it)."""
        try:
            ok = self._entries[p]
        except KeyError:
            if p not in self.features and self.kept is not None and p not in self.replaced:
                self.prefetch([p])
            e = self.features.get(p)
            ok = self._entries[p] = matches(e, *_paper_text(self.nodes[p]))
            return e if ok else None
        return self.features.get(p) if ok else None

    def prefetch(self, papers: Iterable[str]) -> None:
        """Read the stored entries of these papers at once (with an index: else a no-op)."""
        if self.kept is None:
            return
        want = sorted(p for p in papers if p not in self.features and p not in self.replaced)
        if want:
            got = self.kept.entries([split_key(p)[1] for p in want])
            self.features.update({f"{PAPER}:{pid}": e for pid, e in got.items()})
            _load_texts(self.nodes, want)  # what entry() matches them with

    def generic(self, name: str) -> bool:
        """Whether a name is generic (claims.generic_reason), as the index keeps it for the
        names its papers claim."""
        known = None if self.kept is None else self.kept.generic
        if known is not None and name in self.kept.names:
            return name in known
        return is_generic(name)

    def recorded(self, papers: Iterable[str]) -> list[str]:
        """These papers, sorted, less those the store's index keeps no claims, lead or links
        of (the others have none)."""
        if self.kept is None:
            return sorted(papers)
        papers = papers if isinstance(papers, (set, dict)) else set(papers)
        # the few with any (a pass over these, not over every paper of the collection), in
        # the records' order (the index keeps them sorted: then the sort finds one run)
        out = [p for p in self.records if p in papers]
        out.extend(p for p in (self.replaced | self.keys()) - self.records.keys()
                   if p in papers)
        out.sort()
        return out

    def leads(self, papers: set[str] | dict[str, Any]) -> Iterator[tuple[str, str | None]]:
        """(paper, lead) of `recorded(papers)`, in no set order, those the index's records
        hold without a lead left out: the records are read as they are, not paper by paper
        through `lead` (at 100,000 papers about 50,000 records, a few hundred with a lead:
        0.046 -> 0.028 CPU s of an update)."""
        if self.kept is None:
            yield from ((p, self.lead(p)) for p in self.recorded(papers))
            return
        other = self.replaced | self.keys()  # (their lead is their entry's: `_record`)
        for p, rec in self.records.items():
            if rec[0] and p in papers and p not in other:
                yield p, rec[0]
        for p in sorted(other):
            if p in papers:
                yield p, self.lead(p)

    def _record(self, p: str) -> list | None:
        """The index's record of a paper ([lead, claims, links]), or None: then its entry."""
        if self.kept is None or p in self.replaced or p in self:
            return None
        return self.records.get(p, _NO_RECORD)

    def claims(self, p: str) -> list[Claim]:
        rec = self._record(p)
        if rec is not None:  # (made once by the index: the lists are not to be changed)
            return self.kept.claims_by_node().get(p, []) if rec[1] else []
        e = None if p in self else self.entry(p)
        if e is None:
            return self[p].claims
        return [Claim(p, name, how, bool(strong), expansion)
                for name, how, strong, expansion in e["claims"]]

    def lead(self, p: str) -> str | None:
        rec = self._record(p)
        if rec is not None:
            return rec[0]
        e = None if p in self else self.entry(p)
        return self[p].lead if e is None else e["lead"]

    def links(self, p: str) -> tuple[str, ...] | list[str]:
        rec = self._record(p)
        if rec is not None:
            return rec[2]
        e = None if p in self else self.entry(p)
        return self[p].links if e is None else e["links"]

    def starts(self, p: str) -> list[str]:
        e = None if p in self else self.entry(p)
        return (self[p].starts if e is None else e["starts"]).split()

    def abstract_sentences(self, p: str, abstract: str) -> list[tuple[int, str]]:
        """core.text.sentences(abstract) of the paper, from its kept spans (a paper the
        store's index stands for: split again, cheaper than reading its entry)."""
        if self.kept is not None and p not in self.features and p not in self.replaced \
                and p not in self:
            return sentences(abstract)
        e = None if p in self else self.entry(p)
        if e is None:
            return self[p].abstract_sentences(abstract)
        spans = e["spans"]
        if isinstance(spans, array):  # flat, as a build holds them (pipeline._compact_cites)
            spans = zip(spans[::2], spans[1::2], strict=True)
        return [(s, abstract[s:s + n]) for s, n in spans]

    def words(self, p: str) -> set[str]:
        """The paper's content words (made from its text each time it is asked for a paper
        with a kept entry: entries do not keep them)."""
        if p in self:
            return self[p].words
        return paper_words(*_paper_text(self.nodes[p]))


_NO_RECORD = [None, [], []]  # a paper the index keeps no claims, lead or links of


class _When(dict):
    """Paper -> its interval (dating.paper_interval), worked out when first asked for."""

    def __init__(self, nodes: dict[str, dict]) -> None:
        super().__init__()
        self.nodes = nodes

    def __missing__(self, p: str) -> Interval:
        got = self[p] = paper_interval(self.nodes[p])
        return got


class _Words(dict):
    """Paper -> its content words (the view _PaperSimilarity reads), made when first asked
    for: only the papers of candidate edges need them, and a fresh build would otherwise
    hold every paper's set (about 10 KB a paper) through the whole inference. Words are
    interned: the same words recur across papers."""

    def __init__(self, cites: _Cites) -> None:
        super().__init__()
        self.cites = cites

    def __missing__(self, p: str) -> set[str]:
        got = self[p] = {sys.intern(w) for w in self.cites.words(p)}
        return got


def add_citations(G: nx.MultiDiGraph, papers: Iterable[str] | None = None,
                  min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                  features: dict[str, dict] | None = None,
                  previous: Previous | None = None, judged: Judged | None = None
                  ) -> CitationReport:
    """Add inferred CITES edges (key 'CITES|inferred') to G in place and report what was done.

    With `papers`, only edges from or to those papers are replaced (claims and ambiguity are
    still judged over the whole graph, so the result equals a full run's for those papers).
    `features` maps papers to their kept per-paper results (cache.paper_features), used when
    they match the paper's text. With `previous` (an update: `Previous`), only the names the
    new papers touch are judged again (see `_update_scope`); the other stored edges are kept
    with their kind and entity looked up again, so the edges are a full run's. `judged`:
    what `judge` made of G's Paper nodes already (elsewhere, with the same `papers`,
    `features` and `previous`); only what needs G's entities and edges is done here.
    """
    nodes = {n: d for n, d in G.nodes(data=True) if d.get("label") == PAPER}
    if judged is None:
        judged = judge(nodes, papers, features, previous)
    touched = set(nodes) if judged.touched is None else judged.touched
    stale = [(u, v, k) for u, v, k in G.edges(keys=True) if k == CITES_INFERRED_KEY
             and (u in touched or v in touched)]
    G.remove_edges_from(stale)
    report = judged.report
    report.min_confidence = min_confidence
    when = _When(nodes)
    rels = _CitingRels(G)
    best: dict[tuple[str, str], _Edge] = {}

    def offer(a: str, b: str, edge: _Edge) -> None:
        if a == b or (a not in touched and b not in touched):
            return
        cur = best.get((a, b))
        if cur is None or edge.rank() > cur.rank():
            best[(a, b)] = edge

    _load_edges(G, {c[0] for c in judged.named})  # the citing papers' entity edges at once
    for a, b, name, start, sent, conf in judged.named:
        rel = rels.get(a, _canon(name))
        kind = _rel_kind(rel, sent) if rel else _text_kind(sent)
        offer(a, b, _Edge(kind, name, sent, "name", start, conf))
    for a, b, edge in judged.identified:
        offer(a, b, edge)
    cited = judged.cited
    if cited is not None:  # the stored edges to papers no new paper changed anything for
        for a, b, d in previous.edges:
            if b not in cited:
                name, sent = str(d.get("name") or ""), str(d.get("evidence") or "")
                route = "name" if name else "identifier"
                if (a, b) in previous.steady:
                    best[(a, b)] = _Edge(str(d["kind"]), name, sent, route, 0,
                                         float(d["confidence"]), str(d.get("entity") or ""))
                    continue
                rel = rels.get(a, _canon(name)) if name else None
                kind = _rel_kind(rel, sent) if rel else _text_kind(sent)
                best[(a, b)] = _Edge(kind, name, sent, route, 0, float(d["confidence"]))

    _load_edges(G, {b for (_, b), edge in best.items()
                    if edge.confidence >= min_confidence and edge.entity is None})
    for (a, b), edge in sorted(best.items()):
        if edge.confidence < min_confidence:
            report.below_threshold += 1
            continue
        known = dated(when[a], when[b])
        report.undated += not known
        G.add_edge(a, b, key=CITES_INFERRED_KEY, type=CITES, kind=edge.kind,
                   entity=_entity_of(G, b, edge.name, rels.keys) if edge.entity is None
                   else edge.entity, name=edge.name,
                   evidence=edge.evidence,
                   source=SOURCE_INFERRED, confidence=edge.confidence,
                   temporal=TEMPORAL_OK if known else TEMPORAL_UNKNOWN,
                   temporal_conflict=False)
        report.added += 1
        if edge.route == "name":
            report.via_name += 1
        else:
            report.via_identifier += 1
        report.by_kind[edge.kind] = report.by_kind.get(edge.kind, 0) + 1
    return report


@dataclass
class Judged:
    """What `judge` made of a collection's Paper nodes: the reasons for A CITES B that need
    no entity, edge or threshold (add_citations offers them in this order, the named ones'
    kind worked out from the citing paper's entity edges), and the report of what was
    judged so far. Plain data: a child process can make it (graph/pipeline.py)."""

    report: CitationReport
    #: (citing, cited, name, offset in the citing paper, sentence, confidence) per mention
    named: list[tuple[str, str, str, int, str, float]]
    #: (citing, cited, edge) per identifier link
    identified: list[tuple[str, str, _Edge]]
    #: the papers whose edges are replaced (None: every paper)
    touched: set[str] | None = None
    #: an update's cited papers judged again (None: every paper was)
    cited: set[str] | None = None


def judge(nodes: dict[str, dict], papers: Iterable[str] | None = None,
          features: Any = None, previous: Previous | None = None) -> Judged:
    """The part of add_citations that reads only the Paper nodes (`nodes`: node key -> its
    attributes; title, abstract, dates and identifiers are read) and their kept per-paper
    results: claims, the names' specificity, mentions, candidates and their confidence,
    identifier links (add_citations' arguments of the same names)."""
    report = CitationReport()
    touched = None if papers is None else set(papers) & set(nodes)
    when = _When(nodes)
    stats = corpus_names()
    index_kept = previous.kept if previous is not None and papers is None else None
    # a dict is copied (an update's prefetch adds to it); another mapping (a large build's
    # pipeline.PackedCites, which decodes each entry when asked for it) is read as it is
    cites = _Cites(nodes, dict(features or {}) if features is None or isinstance(features, dict)
                   else features, index_kept,
                   previous.new if index_kept is not None else ())
    pre = None if index_kept is None else _usable(previous.ahead, cites, nodes)
    lookup = None  # _lookup of the index, when made already
    if pre is None:
        by_name = _claims_by_name(cites, cites.recorded(nodes))
        valid, report.claims_generic = _valid(by_name, nodes, cites, stats)
        index = NameIndex(valid)
        idents = _identifiers(nodes)
    else:  # the stored papers' part made ahead: the replaced papers' added to it
        by_name, valid, report.claims_generic, index, lookup, idents = _with_replaced(
            pre, nodes, cites, stats)
    report.claims = sum(len(v) for v in by_name.values())
    scope = None
    if previous is not None and papers is None:
        scope = _update_scope(previous, nodes, cites, by_name, valid, index, idents, lookup)
    if scope is None:
        cites.prefetch(nodes)
        mentions = _mentions(nodes, index, cites)
        cited = None
    else:
        names, cited, scanned, spelled = scope
        report.updated_names = len(names)
        mentions = {n: ms for n, ms in _mentions(
            scanned, index.restricted(_first_runs(names)), cites, spelled).items()
            if n in names}
        valid = {n: valid[n] for n in sorted(names)}

    # A claimant must be first: not named before it appeared by two other papers of the
    # collection (or, where the dates cannot order them, by three), nor by three papers of
    # the shipped corpus.
    prior: dict[tuple[str, str], int] = {}
    for name in list(valid):
        kept = []
        st = stats.get(name)
        for c in valid[name]:
            b = when[c.paper]
            others = [when[p] for p, *_ in mentions.get(name, ()) if p != c.paper]
            before = sum(1 for w in others if cannot_cite(w, b))
            not_after = sum(1 for w in others if dated(b, w) and not cannot_cite(b, w))
            corpus_before = bool(st and st.third and b[0] and st.third <= month_of(b[0]))
            if before >= 2 or not_after >= 3 or corpus_before:
                report.claims_not_first += 1
                continue
            prior[(name, c.paper)] = before
            kept.append(c)
        if kept:
            valid[name] = kept
        else:
            del valid[name]
    # Papers whose title leads with a name hold it too (claimed or not): never citers of it,
    # and rivals of its claimants.
    holders: dict[str, set[str]] = defaultdict(set)
    for p, lead in cites.leads(nodes):
        if lead and lead in valid:
            holders[lead].add(p)

    words = _Words(cites)
    idf = corpus_idf()
    ambiguous: set[str] = set()
    candidates: list[tuple[str, str, str, Claim, int, str, bool]] = []
    for name in sorted(valid):
        claims = valid[name]
        owners = {c.paper for c in by_name[name]} | holders.get(name, set())
        for a, start, at, sent, folded in mentions.get(name, ()):
            if a in owners:
                continue
            possible = [c for c in claims if not cannot_cite(when[a], when[c.paper])]
            rivals = {p for p in owners if not cannot_cite(when[a], when[p])}
            if not possible:
                report.later_mentions += 1
                continue
            if len(rivals) > 1:
                report.ambiguous_mentions += 1
                ambiguous.add(name)
                continue
            claim = possible[0]
            b = claim.paper
            expansion = _spelled_out(folded, name)
            if expansion and _other_meaning(expansion, claim, words_of(
                    str(nodes[b].get("title") or ""))):
                report.other_meaning_mentions += 1
                continue
            window = folded[max(0, at - 160):at]
            if _OWN_INTRO.search(window) or _OWN_DEFINITION.search(window):
                report.own_name_mentions += 1  # A introduces a name of its own here
                continue
            if _COMPOUND_BEFORE.search(folded[max(0, at - 40):at]) or _COMPOUND_AFTER.match(
                    folded, at + len(name)):
                report.other_meaning_mentions += 1  # part of a longer name: "T2V CompBench"
                continue
            candidates.append((a, b, name, claim, start, sent, bool(expansion)))
    report.ambiguous_names = sorted(ambiguous)

    # How well the papers that use a name agree in topic with its claimant: the median, over
    # them, of where their similarity to it (the name's own words left out: the name is what
    # is in question) ranks among random pairs of the shipped corpus.
    similarity = _PaperSimilarity(words, idf)
    baseline = corpus_baseline()
    ranks: dict[tuple[str, str], list[float]] = defaultdict(list)
    for a, b, name, *_ in candidates:
        own = words_of(name)
        ranks[(b, name)].append(_percentile(
            baseline, _similarity(words[a] - own, words[b] - own, idf)))
    named = []
    for a, b, name, claim, start, sent, spelled in candidates:
        corroborated = corroboration(name, stats, median(ranks[(b, name)]))
        named.append((a, b, name, start, sent, confidence(
            claim, name, similarity(a, b), prior[(name, b)], dated(when[a], when[b]),
            spelled, corroborated)))

    linkers = None
    if index_kept is not None and cited is not None:  # only papers linking a cited one's id
        wanted = sorted(i for i, ps in idents.items() if ps[0] in cited)
        linkers = {f"{PAPER}:{pid}" for pid in index_kept.linking(wanted)} - cites.replaced
        linkers.update(p for p in cites.replaced & nodes.keys() if cites.links(p))
    identified: list[tuple[str, str, _Edge]] = []
    _identifier_edges(nodes, when, lambda a, b, e: identified.append((a, b, e)), cites,
                      idents, cited, linkers)
    return Judged(report, named, identified, touched, cited)


def _claims_by_name(cites: _Cites, papers: Iterable[str]) -> dict[str, list[Claim]]:
    """Name -> the claims of it of these papers (in their order)."""
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for p in papers:
        for c in cites.claims(p):
            by_name[c.name].append(c)
    return by_name


def _valid_claims(name: str, claims: list[Claim], nodes: dict[str, dict], cites: _Cites,
                  stats: dict[str, NameStats]) -> list[Claim] | None:
    """The claims of a name judge keeps (those not contested), None when the name is not
    valid (generic, or no claim kept)."""
    st = stats.get(name)
    if st is not None and st.claims:  # else no corpus paper claims it: none is contested
        claims = [c for c in claims if not contested(name, str(nodes[c.paper].get("title")))]
    return None if cites.generic(name) or not claims else claims


def _valid(by_name: dict[str, list[Claim]], nodes: dict[str, dict], cites: _Cites,
           stats: dict[str, NameStats]) -> tuple[dict[str, list[Claim]], int]:
    """(name -> its kept claims, for the valid names in name order; the number of claims of
    the names that are not valid)."""
    valid: dict[str, list[Claim]] = {}
    generic = 0
    for name, claims in sorted(by_name.items()):
        kept = _valid_claims(name, claims, nodes, cites, stats)
        if kept is None:
            generic += len(claims)
        else:
            valid[name] = kept
    return valid, generic


def prejudge(nodes: dict[str, dict], kept: Any, replaced: Iterable[str]) -> Prejudged | None:
    """What judge makes of an update's stored papers alone (Prejudged), for Previous.ahead:
    `nodes` are the Paper nodes judge will be given (the same papers; title, arXiv id and
    DOI are read of those not replaced), `kept` the store's index (Previous.kept) and
    `replaced` the papers judge takes from their entries (Previous.new). None when a paper
    of the index is not among the nodes."""
    replaced = frozenset(replaced)
    cites = _Cites(nodes, {}, kept, replaced)
    papers = [p for p in sorted(cites.records) if p not in replaced]
    if any(p not in nodes for p in papers):
        return None
    by_name = _claims_by_name(cites, papers)
    valid, generic = _valid(by_name, nodes, cites, corpus_names())
    stored = {p: d for p, d in nodes.items() if p not in replaced}
    by_first = NameIndex(valid).by_first
    return Prejudged(kept, replaced, papers, by_name, valid, generic, by_first,
                     _lookup(by_first), _identifiers(stored), len(stored))


def _usable(pre: Prejudged | None, cites: _Cites, nodes: dict[str, dict]) -> Prejudged | None:
    """`pre` when it was made for this judging (the same index, replaced papers and stored
    papers, and no paper's results made yet), else None."""
    if pre is None or pre.used or pre.kept is not cites.kept or pre.replaced != cites.replaced \
            or len(cites) or len(nodes) - len(cites.replaced & nodes.keys()) != pre.stored \
            or any(p not in nodes for p in pre.papers):
        return None
    return pre


def _with_replaced(pre: Prejudged, nodes: dict[str, dict], cites: _Cites,
                   stats: dict[str, NameStats]
                   ) -> tuple[dict[str, list[Claim]], dict[str, list[Claim]], int, NameIndex,
                              tuple | None, dict[str, list[str]]]:
    """judge's claims by name, valid names, generic claims, name index (with its _lookup,
    or None) and identifiers, made from `pre` and the replaced papers (as judge makes them of
    every paper). `pre`'s dicts are taken over and changed, not copied (0.06 CPU s at 100,000
    papers): it is marked used."""
    pre.used = True
    replaced = sorted(p for p in cites.replaced if p in nodes)
    by_name, valid, generic = pre.by_name, pre.valid, pre.generic_claims
    added: list[str] = []
    removed = False
    for name, claims in _claims_by_name(cites, replaced).items():
        before = by_name.get(name, [])
        if name not in valid:
            generic -= len(before)
        # in paper order, as a pass over every paper gives them (a paper is in one part)
        claims = by_name[name] = sorted([*before, *claims], key=lambda c: c.paper)
        kept = _valid_claims(name, claims, nodes, cites, stats)
        if kept is None:
            generic += len(claims)
            removed = removed or valid.pop(name, None) is not None  # (more claims: none)
        else:
            if name not in valid:
                added.append(name)
            valid[name] = kept
    if added:
        valid = {n: valid[n] for n in sorted(valid)}
    # NameIndex(valid): a name's spellings go under their first runs, longest first, then
    # in name order (NameIndex's stable sort of the names' spellings taken in name order)
    lookup = None
    if removed:
        index = NameIndex(valid)
    else:
        by_first = pre.by_first
        more: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for name in sorted(added):
            for r, options in _options(name).items():
                more[r].extend(options)
        for r, options in more.items():
            by_first[r] = sorted([*by_first.get(r, ()), *options],
                                 key=lambda x: (-len(x[0]), x[1]))
        index = NameIndex(())
        index.by_first = by_first
        lookup = _grown_lookup(pre.lookup, by_first, more.keys())
    idents = pre.idents
    grown = set()
    for p in replaced:
        for ident in (nodes[p].get("arxiv_id"), nodes[p].get("doi")):
            if ident:
                key = str(ident).lower()
                idents[key] = [*idents.get(key, ()), p]
                grown.add(key)
    for key in grown:
        idents[key].sort()
    return by_name, valid, generic, index, lookup, idents


def _grown_lookup(lookup: tuple, by_first: dict[str, list[tuple[tuple[str, ...], str]]],
                  runs: Iterable[str]) -> tuple:
    """_lookup(by_first) from `lookup` (changed), that of an index whose first runs other
    than `runs` hold what by_first's do (a spelling's first run is its own: no other run's
    entries change)."""
    kept, other, spellings, reach = lookup
    other = set(other)
    for r in runs:
        for w in spellings.get(r, ()):
            del reach[w]
        ws = spellings[r] = sorted({"".join(parts) for parts, _ in by_first[r]})
        far = max(map(len, ws))
        reach.update((w, far) for w in ws)
        kept.discard(r)
        other.discard(r)
        (kept.add if _kept_run(r, by_first[r]) else other.add)(r)
    return kept, sorted(other), spellings, reach


@functools.lru_cache(maxsize=65_536)
def _options(name: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """NameIndex([name]).by_first: the name's spellings by first run (not to be changed)."""
    return NameIndex([name]).by_first


def _first_runs(names: Iterable[str]) -> set[str]:
    """The first runs of names and of their other spellings (what NameIndex files them under)."""
    return {r for n in names for r in _options(n)}


def _findable(name: str) -> bool:
    """Whether a paper naming this name keeps its first run (cache.name_starts), in every
    spelling NameIndex files it under: the run holds a capital or digit, or the name goes on
    with '-', '.' or '+' after it."""
    for options in _options(name).values():
        for parts, _ in options:
            if not (any(c.isupper() or c.isdigit() for c in parts[0])
                    or (len(parts) > 1 and parts[1] in ("-", ".", "+"))):
                return False
    return True


def _identifiers(nodes: dict[str, dict]) -> dict[str, list[str]]:
    """Lower-case identifier (arXiv id, DOI) -> the papers that have it, in id order."""
    out: dict[str, list[str]] = defaultdict(list)
    for p, d in nodes.items():
        for ident in (d.get("arxiv_id"), d.get("doi")):
            if ident:
                out[str(ident).lower()].append(p)
    for ps in out.values():
        if len(ps) > 1:  # (the few shared ones: not every paper sorted)
            ps.sort()
    return out


def load_statistics() -> None:
    """Load the shipped corpus statistics add_citations reads (each once a process), so that a
    caller can have them read ahead, beside other work."""
    corpus_names()
    corpus_idf()
    corpus_baseline()
    common_words()


def _update_scope(previous: Previous, nodes: dict[str, dict], cites: _Cites,
                  by_name: dict[str, list[Claim]], valid: dict[str, list[Claim]],
                  index: NameIndex, idents: dict[str, list[str]], lookup: tuple | None = None
                  ) -> tuple[set[str], set[str], dict[str, dict]] | None:
    """What an update judges again: (names, cited papers, papers to scan), or None when it
    must judge everything (a stored edge's paper is gone, or a name cannot be looked up
    through the runs papers keep).

    An edge depends on its name's claims, mentions and title holders, on its two papers and
    on the other candidates of its pair (all through names its cited paper claims, or an
    identifier). So the names judged again are those the new papers claim, mention or lead
    their titles with, and every valid name filed under the first run of a name that became
    valid (the longest name wins where two start); the cited papers are their claimants and
    the new papers (with the papers they link and share an identifier with); every name those
    papers claim is judged again too, until nothing is added. Only papers that hold the first
    run of one of the names are scanned for mentions. `lookup`: _lookup of the index, made
    already (None: made here)."""
    if any(a not in nodes or b not in nodes for a, b, _ in previous.edges):
        return None
    new = previous.new & nodes.keys()
    names: set[str] = set()
    for p in sorted(new):
        names.update(c.name for c in cites.claims(p))
        if cites.lead(p):
            names.add(cites.lead(p))
    names.update(_mentions({p: nodes[p] for p in new}, index, cites, lookup=lookup))
    for _, e in sorted(previous.old.items()):  # what a changed paper's old text touched
        gone = {c[0] for c in e["claims"]} | ({e["lead"]} if e["lead"] else set())
        names |= gone
        for r in {*e["starts"].split(), *_first_runs(gone)}:
            names.update(name for _, name in index.by_first.get(r, ()))
    for n in sorted(names & valid.keys()):
        if all(c.paper in new for c in valid[n]):  # valid only through new papers
            for r in _first_runs([n]):
                names.update(name for _, name in index.by_first.get(r, ()))
    cited = set(new)
    for p in new:
        for ident in (nodes[p].get("arxiv_id"), nodes[p].get("doi")):
            if ident:
                cited.update(idents[str(ident).lower()])
        cited.update(idents[i][0] for i in cites.links(p) if i in idents)
    cited.update(c.paper for n in names for c in by_name.get(n, ()))
    frontier = set(cited)
    while frontier:
        claimed = {c.name for p in sorted(frontier) for c in cites.claims(p)} - names
        names |= claimed
        frontier = {c.paper for n in claimed for c in by_name.get(n, ())} - cited
        cited |= frontier
    names &= valid.keys()
    if cites.kept is not None:
        return names, cited, *_scanned_by_key(names, nodes, cites)
    if not all(_findable(n) for n in names):
        return None
    spellings: dict[str, list[str]] = defaultdict(list)  # first run -> names' folded forms
    for n in sorted(names):
        for r, options in _options(n).items():
            spellings[r].extend("".join(parts) for parts, _ in options)
    scanned = {}
    for p, d in nodes.items():
        starts = cites.starts(p)
        if spellings.keys().isdisjoint(starts):
            continue
        held = spellings.keys() & set(starts)
        title, abstract = _paper_text(d)
        text = f"{title}\n{abstract}"
        if "\\" not in text:  # else LaTeX accents: folding the whole text may differ
            text = fold(text)  # folds as each sentence folds: one character at a time
            if not any(s in text for r in held for s in spellings[r]):
                continue  # no name of the scope is written in it
        scanned[p] = d
    return names, cited, scanned, None


def _scanned_by_key(names: set[str], nodes: dict[str, dict], cites: _Cites
                    ) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The papers that write one of these names (and maybe others), found through the
    store's index, and the spellings of them each writes: a text that writes a name writes
    its key run (stored.name_key), or for a name without one ('Orca 2', 'A-Crab') its first
    pair of runs (stored.name_pair), so only the papers of those rows (and the new papers)
    are tested, on their folded text; a name with neither is looked for in every paper."""
    from .stored import _row_ids, name_key, name_pair

    by_row: dict[str, list[str]] = defaultdict(list)  # index row (key run, pair) -> spellings
    everywhere: list[str] = []
    for n in sorted(names):
        for options in _options(n).values():
            for parts, _ in options:
                k = name_key(parts)
                if k is not None:
                    by_row[f"k\t{k}"].append("".join(parts))
                    continue
                pair = name_pair(parts)
                (everywhere if pair is None else by_row[f"p\t{pair}"]).append("".join(parts))
    hits: dict[str, set[str]] = defaultdict(set)  # paper -> its rows asked for
    for rid, ps in cites.kept.postings(list(by_row)).items():
        for pid in ps:
            hits[f"{PAPER}:{pid}"].add(rid)
    for p in cites.replaced:
        hits.pop(p, None)
    for p in sorted(cites.replaced & nodes.keys()):
        e = cites.entry(p)  # a matching entry: made by this code, with its pairs
        rids = _row_ids(e) if e is not None else list(by_row)
        hits[p].update(r for r in rids if r in by_row)
    if everywhere:  # only papers that write one of these are added (a cheap test first)
        # one search for all of them (an alternation of the spellings finds one wherever
        # any is written): about 0.2 of the 0.7 CPU s a test per spelling took at 100,000
        search = re.compile("|".join(map(re.escape, sorted(set(everywhere))))).search
        _load_texts(nodes, nodes.keys() - hits.keys())
        for p, d in nodes.items():
            if p in hits:
                continue
            title, abstract = _paper_text(d)
            if title.isascii() and abstract.isascii() and "\\" not in title \
                    and "\\" not in abstract:  # no spelling holds a newline
                if search(title) or search(abstract):
                    hits[p] = set()
            elif search(fold(f"{title}\n{abstract}")):
                hits[p] = set()
    scanned, spelled = {}, {}
    # a stored paper's abstract is decoded from the store's column for its test and
    # dropped, kept only when the paper is kept (at 100,000 papers 37,500 texts tested,
    # 5,000 kept: docs/scale.md, forty-fifth pass); without the column, read at once
    texts = _texts_of(nodes)
    if texts is None or texts.column is None:
        _load_texts(nodes, hits)
        texts = None
    for p in sorted(hits):
        d = nodes.get(p)
        if d is None:
            continue
        written = [w for k in sorted(hits[p]) for w in by_row[k]] + everywhere
        if not written:
            continue
        stored = d.get("abstract") if texts is not None else None
        passing = (texts.passing(stored.pid) if isinstance(stored, StoredAbstract)
                   and stored.texts is texts else None)
        if passing is None:
            title, abstract = _paper_text(d)
        else:
            title, abstract = str(d.get("title") or ""), passing
        if title.isascii() and abstract.isascii() and "\\" not in title \
                and "\\" not in abstract:
            # folding leaves such a text as it is, and no spelling holds a newline
            # (names.name_parts: runs and "-", ".", " ", "+"): a spelling is in the whole
            # text when it is in its title or its abstract (not joined: at 100,000 papers
            # about 37,500 texts here, 0.23 -> 0.19 CPU s)
            written = [w for w in written if w in abstract or w in title]
        else:
            # a sentence's folded text is a piece of the whole text's: folding goes one
            # character at a time, or one LaTeX accent ('\\"{o}', no space in it) at a time
            text = fold(f"{title}\n{abstract}")
            written = [w for w in written if w in text]
        if written:
            scanned[p], spelled[p] = d, written
            if passing is not None:  # (_mentions reads it again)
                texts.got[stored.pid] = passing
    return scanned, spelled


def _identifier_edges(nodes: dict[str, dict], when: _When, offer, cites: _Cites,
                      idents: dict[str, list[str]], cited: set[str] | None = None,
                      linkers: set[str] | None = None) -> None:
    """Offer an edge for every arXiv id or DOI of a paper (`idents`: _identifiers) that
    another paper's text links (only to the `cited` papers when given; only from `linkers`,
    when given: every paper that links one of theirs)."""
    by_ident = {i: ps[0] for i, ps in idents.items()}
    if not by_ident:
        return
    linking = []
    for a in sorted(nodes if linkers is None else linkers & nodes.keys()):
        links = cites.links(a)
        if not links or (cited is not None and not any(by_ident.get(i) in cited
                                                       for i in links)):
            continue
        linking.append(a)
    _load_texts(nodes, linking)
    for a in linking:
        title, abstract = _paper_text(nodes[a])
        for start, sent, ident in linked_identifiers(f"{title}\n{abstract}"):
            b = by_ident.get(ident)
            if b is None or b == a or cannot_cite(when[a], when[b]):
                continue
            if cited is None or b in cited:
                offer(a, b, _Edge(_text_kind(sent), "", sent, "identifier", start, 1.0))


#: canonical keys made ahead in another process (canon_made): name -> canonical_key(name)
_CANON_MADE: dict[str, str] = {}


def canon_made(keys: dict[str, str]) -> None:
    """Keep these canonical keys (name -> extractors.canonical.canonical_key(name), made
    elsewhere: an update's extraction worker makes those of the stored aliases its
    citations ask for while it is idle) for _canon to give instead of making them; those of
    an earlier update are let go, so a long-lived process holds one update's keys at most."""
    _CANON_MADE.clear()
    _CANON_MADE.update(keys)


@functools.lru_cache(maxsize=65_536)
def _canon(name: str) -> str:
    """The canonical entity key of a name (as extraction keys entities; the same names
    recur as the aliases of many nodes)."""
    got = _CANON_MADE.get(name)
    if got is not None:
        return got
    from paperkg.extractors.canonical import canonical_key

    return canonical_key(name)


def _entity_keys(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Canonical keys of an entity node: its id, name and aliases."""
    d = G.nodes[node]
    keys = {split_key(node)[1], _canon(str(d.get("name") or ""))}
    keys.update(_canon(str(x)) for x in d.get("aliases") or [])
    return keys - {""}


class _CitingRels:
    """(paper, entity key or alias key) -> the paper's strongest relationship type to it,
    worked out for a citing paper when it is first asked about (its out-edges in graph
    order, as a pass over every edge would meet them)."""

    _ORDER = {EVALUATED_ON: 3, USES: 2, REPORTS: 1, ADDRESSES: 1}

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.keys: dict[str, set[str]] = {}
        self.by_paper: dict[str, dict[str, str]] = {}

    def get(self, paper: str, key: str) -> str | None:
        """The strongest relationship type from paper to an entity with this key, or None."""
        rels = self.by_paper.get(paper)
        if rels is None:
            rels = self.by_paper[paper] = self._paper(paper)
        return rels.get(key)

    def _paper(self, u: str) -> dict[str, str]:
        order = self._ORDER
        out: dict[str, str] = {}
        for _, v, d in _out_edges(self.G, u):
            rel = d.get("type")
            if rel in order and split_key(v)[0] in ENTITY_LABELS:
                if v not in self.keys:
                    self.keys[v] = _entity_keys(self.G, v)
                for k in self.keys[v]:
                    if k not in out or order[rel] > order[out[k]]:
                        out[k] = rel
        return out


def _load_edges(G: nx.MultiDiGraph, papers: Iterable[str]) -> None:
    """Has a graph an update assembled in part (graph/registry_store.py) add these papers'
    entity edges in one read of the store, before `_out_edges` asks for them one by one."""
    load = getattr(G.graph.get("paperkg.load_edges"), "load_papers", None)
    if load is not None:
        load(sorted(papers))


def _out_edges(G: nx.MultiDiGraph, paper: str):
    """A paper's out-edges with data; a graph an update assembled in part
    (graph/registry_store.py) first adds the paper's entity edges when it lacks them."""
    load = G.graph.get("paperkg.load_edges")
    if load is not None:
        load(paper)
    return G.out_edges(paper, data=True)


def _entity_of(G: nx.MultiDiGraph, paper: str, name: str,
               known: dict[str, set[str]] | None = None) -> str:
    """The node key of the cited paper's entity for a name ('' when extraction has none):
    an entity it introduces first, else any entity it names, matched by key or alias
    (`known`: entity node -> its keys, made once and kept there)."""
    if not name:
        return ""
    key = _canon(name)
    found = []
    for _, v, d in _out_edges(G, paper):
        label, eid = split_key(v)
        if label not in ENTITY_LABELS:
            continue
        keys = None if known is None else known.get(v)
        if keys is None:
            keys = _entity_keys(G, v)
            if known is not None:
                known[v] = keys
        if key in keys:
            found.append((d.get("type") != INTRODUCES, v))
    return min(found)[1] if found else ""


def inferred_citations(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """The inferred CITES edges of G as (citing, cited, attrs)."""
    return [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == CITES_INFERRED_KEY]


def credible_introducers(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Entity node -> papers whose own text earns the name (the claims add_citations links
    to), matched to the claimant's entities by key or alias."""
    nodes = {n: d for n, d in G.nodes(data=True) if d.get("label") == PAPER}
    out: dict[str, set[str]] = defaultdict(set)
    for name, claims in collect_claims(nodes).items():
        if generic_reason(name):
            continue
        for c in claims:
            ent = _entity_of(G, c.paper, name)
            if ent:
                out[ent].add(c.paper)
    return out


__all__ = ["CITES_INFERRED_KEY", "CitationReport", "DEFAULT_MIN_CONFIDENCE", "KINDS",
           "Judged", "Previous", "SOURCE_INFERRED", "TEMPORAL_OK", "TEMPORAL_UNKNOWN",
           "add_citations", "collect_claims", "confidence", "corroboration",
           "credible_introducers", "inferred_citations", "judge"]
