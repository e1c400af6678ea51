"""An in-memory search over paper titles and entity names and aliases: ranked, typo-tolerant.

Each name is folded (case, accents) and split into words. A query word matches a vocabulary word
exactly, as a prefix (two letters or more), or within a small edit distance (one edit up to
seven letters, two above; a swap of two letters is one edit), found through a trigram index;
the last word may also be the start of a word with one typo. Typos are only looked for when
a word matches nothing as typed. A hit scores the best match of every
query word; names that match the whole query, start with it, or name a busy entity rank first.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from paperkg.core.text import fold as text_fold
from paperkg.graph import schema

_WORD = re.compile(r"[0-9a-z]+")
EXACT, PREFIX, ONE_EDIT, TWO_EDITS, TYPO_PREFIX = 1.0, 0.8, 0.6, 0.4, 0.5
MAX_PREFIX_TERMS = 60
DEFAULT_LIMIT = 20
MAX_QUERY_CHARS = 200
STOP_WORDS = frozenset("a an and are as at be by for from in into is it of on or the to via "
                       "with without we our its".split())


def fold(text: str) -> str:
    """Lower case without accents (paperkg.core.text.fold), case-folded for matching (ß = ss)."""
    return text_fold(text).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


def trigrams(word: str) -> set[str]:
    """Character trigrams of a word padded with $ at both ends."""
    padded = f"${word}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, bound: int) -> int:
    """Edit distance of a and b, a swap of two neighbouring letters counting as one edit
    (optimal string alignment), or bound + 1 once it is known to exceed bound."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current[j] = cost
            best = min(best, cost)
        if best > bound:
            return bound + 1
        before, previous = previous, current
    return previous[-1]


@dataclass
class Hit:
    """One search result."""

    key: str  # node key, Label:id
    kind: str  # node label
    name: str  # title or name
    score: float
    matched: str  # the name or alias that matched best
    papers: int = 0  # for entities: papers naming it


@dataclass
class SearchIndex:
    """Words of every searchable name, with postings and a trigram index over the vocabulary."""

    keys: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # display name of each document
    texts: list[list[str]] = field(default_factory=list)  # every name and alias, as given
    folded: list[list[str]] = field(default_factory=list)  # the same, folded and joined by " "
    papers: list[int] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)  # word -> documents
    vocabulary: list[str] = field(default_factory=list)  # sorted words
    by_trigram: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, kind: str, name: str, aliases: Iterable[str] = (),
            papers: int = 0) -> None:
        """Index one document under its name and aliases."""
        doc = len(self.keys)
        texts = [name] + [a for a in aliases if a and a != name]
        self.keys.append(key)
        self.kinds.append(kind)
        self.names.append(name)
        self.texts.append(texts)
        self.folded.append([" ".join(words(t)) for t in texts])
        self.papers.append(papers)
        for word in {w for t in texts for w in words(t)}:
            self.postings.setdefault(word, []).append(doc)

    def finish(self) -> SearchIndex:
        """Sort the vocabulary and build the trigram index (call once, after the last add)."""
        self.vocabulary = sorted(self.postings)
        grams: dict[str, list[str]] = {}
        for word in self.vocabulary:
            if len(word) >= 3:
                for gram in trigrams(word):
                    grams.setdefault(gram, []).append(word)
        self.by_trigram = grams
        return self

    def __len__(self) -> int:
        return len(self.keys)

    def _terms(self, word: str, last: bool) -> dict[str, float]:
        """Vocabulary words matching one query word, with the weight of the match."""
        out: dict[str, float] = {}
        if word in self.postings:
            out[word] = EXACT
        if word in self.postings and not last:
            return out  # a known word: no need to look for what it might be a typo of
        if len(word) >= 2 and (last or len(word) >= 3):
            i = bisect.bisect_left(self.vocabulary, word)
            taken = 0
            while i < len(self.vocabulary) and taken < MAX_PREFIX_TERMS:
                term = self.vocabulary[i]
                if not term.startswith(word):
                    break
                out.setdefault(term, PREFIX)
                i += 1
                taken += 1
        if len(word) >= 4 and not out:  # typos only when nothing matches as typed
            bound = 1 if len(word) <= 7 else 2
            grams = trigrams(word)
            need = max(1, len(grams) - 3 * bound)
            shared: dict[str, int] = {}
            for gram in grams:
                for term in self.by_trigram.get(gram, ()):
                    shared[term] = shared.get(term, 0) + 1
            # a prefix loses the trigram of the word's end, and one typo spoils three
            need_prefix = max(1, len(grams) - 4)
            for term, n in shared.items():
                if n < min(need, need_prefix) or term in out:
                    continue
                if n >= need and abs(len(term) - len(word)) <= bound:
                    dist = edit_distance(word, term, bound)
                    if dist <= bound:
                        out[term] = ONE_EDIT if dist == 1 else TWO_EDITS
                        continue
                # the word being typed, with a typo: "modle" for "models"
                if last and n >= need_prefix and len(term) > len(word) and \
                        edit_distance(word, term[:len(word)], 1) <= 1:
                    out[term] = TYPO_PREFIX
        return out

    def search(self, query: str, limit: int = DEFAULT_LIMIT,
               kinds: Iterable[str] | None = None) -> list[Hit]:
        """The best documents for a query, best first (at most limit)."""
        every = words(query[:MAX_QUERY_CHARS])[:24]
        # words such as "of" or "the" match half the titles: they count only when alone
        qwords = [w for w in every if w not in STOP_WORDS][:12] or every[:12]
        if not qwords:
            return []
        wanted = set(kinds) if kinds else None
        scores: dict[int, float] = {}
        matched: dict[int, int] = {}
        for n, word in enumerate(qwords):
            best: dict[int, float] = {}
            for term, weight in self._terms(word, n == len(qwords) - 1).items():
                for doc in self.postings[term]:
                    if best.get(doc, 0.0) < weight:
                        best[doc] = weight
            for doc, weight in best.items():
                scores[doc] = scores.get(doc, 0.0) + weight
                matched[doc] = matched.get(doc, 0) + 1
        phrase = " ".join(every)
        ranked: list[tuple[float, str, int, int]] = []
        for doc, score in scores.items():
            if wanted is not None and self.kinds[doc] not in wanted:
                continue
            coverage = matched[doc] / len(qwords)
            if len(qwords) > 1 and coverage < 0.5:
                continue
            value = score / len(qwords) * coverage
            alias = 0
            for i, text in enumerate(self.folded[doc]):
                if text == phrase:
                    value += 3.0 - 0.2 * bool(i)
                    alias = i
                    break
                if text.startswith(phrase):
                    value += 1.0
                    alias = i
                    break
            # short names that the query covers rank above long titles that merely contain it
            length = len(self.folded[doc][alias].split()) or 1
            value += 0.3 * min(1.0, len(qwords) / length)
            value += 0.15 * math.log1p(self.papers[doc])
            ranked.append((-value, self.names[doc].casefold(), doc, alias))
        ranked.sort()
        return [Hit(self.keys[doc], self.kinds[doc], self.names[doc], round(-neg, 4),
                    self.texts[doc][alias], self.papers[doc])
                for neg, _, doc, alias in ranked[:limit]]


def build_index(graph: nx.MultiDiGraph) -> SearchIndex:
    """The search index of a graph: every paper by title (and its arXiv id, DOI and id), every
    entity by name and aliases."""
    index = SearchIndex()
    entity_labels = set(schema.ENTITY_LABELS)
    for key, attrs in graph.nodes(data=True):
        label = attrs.get("label") or schema.split_key(key)[0]
        if label == schema.PAPER:
            ids = [str(attrs[k]) for k in ("arxiv_id", "doi", "id") if attrs.get(k)]
            index.add(key, label, str(attrs.get("title") or attrs.get("id") or key), ids)
        elif label in entity_labels:
            papers = sum(1 for p in graph.predecessors(key)
                         if (graph.nodes[p].get("label") or schema.split_key(p)[0])
                         == schema.PAPER)
            index.add(key, label, str(attrs.get("name") or attrs.get("id") or key),
                      [str(a) for a in attrs.get("aliases") or ()], papers)
    return index.finish()
