"""Family: a lower-case phrase of the abstract ending in a technique head word ("reward shaping",
"label drop mechanism", "tree-based model averaging") that no other rule took is a METHOD when a
learned scorer says so: a logistic model over the phrase's head and words, the words around it,
a cue of use ("using", "via", "based on") or of the paper's own ("we propose", "our") before it,
a list it shares with a found name, its sentence, the title and how often it is written (weights
and the cut in data/method_scorer.json, written by training/method_scorer.py with a fixed seed)."""

from __future__ import annotations

import math
import re
from functools import cache
from itertools import repeat

from paperkg.core.text import fold
from paperkg.extractors.rules.base import Context, word_set, word_union, words
from paperkg.extractors.rules.logistic import bucket, neighbour, probability
from paperkg.extractors.rules.scored_phrases import (
    METHOD_HEAD_LISTS,
    Phrase,
    count_word,
    cue_before,
    head_phrases,
    rate_phrases,
    scored_head_words,
    weights,
)

_NAMED = frozenset({"METHOD", "MODEL", "DATASET", "BENCHMARK"})
_USE_BEFORE = re.compile(
    r"\b(?:using|uses?|used|via|through|with|by|based\s+on|built\s+on|relies\s+on|leverag\w*|"
    r"employ\w*|adopt\w*|appl\w*|utili[sz]\w*|combin\w*|incorporat\w*|integrat\w*|"
    r"augment\w*|equipp\w*|trained\s+with|such\s+as|including|like)\s+"
    r"(?:(?:a|an|the|our|its|their|this|these|both)\s+)?(?:\S+\s+){0,2}$", re.IGNORECASE)
_USE_WORDS = ("us", "via", "through", "with", "by", "on", "leverag", "employ", "adopt", "appl",
              "utili", "combin", "incorporat", "integrat", "augment", "equipp", "such",
              "including", "like")
_OWN_BEFORE = re.compile(r"\b(?:our|novel|new|proposed|propose|introduce|present|termed|"
                         r"called|dubbed)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_OWN_WORDS = ("our", "novel", "new", "propose", "introduce", "present", "termed", "called",
              "dubbed")
_INTRO = re.compile(r"\b(?:we|this\s+(?:paper|work|study)|our)\b[^.]*?\b(?:propos\w*|introduc\w*|"
                    r"present\w*|develop\w*|design\w*|devis\w*)", re.IGNORECASE)
_COLLECT_NAME = "method_scored"
# training/method_scorer.py sets this to a list to receive every candidate with its features
COLLECT: list | None = None


def scorer() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return weights("method_scorer.json")


def _phrases(ctx: Context) -> list[Phrase]:
    """(start, end, words, longest) of each phrase ending in a technique head word in the
    abstract (scored_phrases.head_phrases: up to three lower-case words before the head;
    opening adjectives, quantities and -ly words dropped)."""
    return head_phrases(ctx, scored_head_words(ctx, word_union(*METHOD_HEAD_LISTS)),
                        word_set("task_stop"), word_union("task_adjectives", "quantity_words"))


def _word_features(ctx: Context, a: int, b: int, ws: list[str], longest: bool,
                   names: list[tuple[int, int]]) -> list[str]:
    """The features read from the phrase and the words right beside it (cheap)."""
    title = ctx.low[:ctx.title_end]
    head, first = ws[-1].lower(), ws[0].lower()
    phrase = " ".join(ws).lower()
    before, after = neighbour(ctx.text, a, False), neighbour(ctx.text, b, True)
    listed = (before in {",", "and", "or"} or after in {",", "and", "or"})
    return [f"h={head}", f"n={len(ws)}", f"long={longest}",
            f"pb={before}", f"na={after}", f"w0={first}", f"suf={first[-3:]}",
            f"t_phrase={phrase in title}", f"t_head={head in title}",
            f"hyph={'-' in phrase}", f"plural={head.endswith('s')}", f"list={listed}",
            f"nnamed={bucket(len(names), 6)}",
            f"mhead={head in word_set('method_heads')}",
            f"thead={head in word_set('task_pattern_heads')}"]


def _context_features(ctx: Context, a: int, b: int, ws: list[str], listed: bool,
                      names: list[tuple[int, int]], sentences: dict | None) -> list[str]:
    """The features read from the sentence, the words before and the whole abstract (dearer):
    one of each of the groups in _CONTEXT_GROUPS."""
    low, text = ctx.low, ctx.text
    head, phrase = ws[-1].lower(), " ".join(ws).lower()
    s0, s1 = ctx.sentence(a)
    held = None if sentences is None else sentences.get(s0)
    if held is None:  # an intro verb of "we"; the sentences before it in the abstract
        held = (_INTRO.search(text, s0, s1) is not None,
                bucket(sum(1 for s in ctx.sents if ctx.title_end < s <= s0), 4))
        if sentences is not None:
            sentences[s0] = held
    beside = any(y <= a and a - y <= 12 or x >= b and x - b <= 12 for x, y in names)
    return [f"sent={held[1]}", f"intro={held[0]}",
            f"rec={bucket(low.count(phrase), 3)}",
            f"hrec={bucket(count_word(low, head), 3)}",
            f"use={cue_before(low, max(s0, a - 50), a, _USE_WORDS, _USE_BEFORE, text)}",
            f"own={cue_before(low, max(s0, a - 40), a, _OWN_WORDS, _OWN_BEFORE, text)}",
            f"beside={beside}", f"list_beside={listed and beside}"]


_CONTEXT_GROUPS = ("sent", "intro", "rec", "hrec", "use", "own", "beside", "list_beside")


def features(ctx: Context, a: int, b: int, ws: list[str], longest: bool,
             names: list[tuple[int, int]], sentences: dict | None = None) -> list[str]:
    """The scorer's features of the phrase text[a:b] (words ws); names are the spans of the
    paper's named candidates; sentences caches what each sentence holds (by its start)."""
    words = _word_features(ctx, a, b, ws, longest, names)
    return words + _context_features(ctx, a, b, ws, "list=True" in words, names, sentences)


@cache
def _context_most() -> float:
    """The most the context features can add to a phrase's score: per group, its largest
    weight (0 for a value without one)."""
    most: dict[str, float] = dict.fromkeys(_CONTEXT_GROUPS, 0.0)
    for f, w in scorer()["weights"].items():
        g = f.split("=", 1)[0]
        if g in most:
            most[g] = max(most[g], w)
    return sum(most.values())


def score(feats: list[str]) -> float:
    """The scorer's probability that a phrase with these features is a named technique of the
    gold."""
    return probability(scorer(), feats)


def scored_method_phrases(ctx: Context) -> None:
    """Each abstract phrase ending in a technique head word that no candidate covers or names:
    the form (of the longest and its shorter ones) the scorer rates highest, kept above its cut
    as a METHOD candidate."""
    names = [(c.start, c.end) for c in ctx.cands if c.type in _NAMED]
    sc = scorer()
    sentences: dict[int, tuple] = {}
    z_cut = math.log(sc["cut"] / (1.0 - sc["cut"])) - _context_most()
    collect = COLLECT

    def feats_of(a: int, b: int, ws: list[str], longest: bool) -> list[str] | None:
        """The phrase's features; None when it is under the cut whatever the context adds (the
        same output, faster; not while collecting)."""
        words = _word_features(ctx, a, b, ws, longest, names)
        if collect is None and sc["bias"] + sum(map(sc["weights"].get, words, repeat(0.0))) \
                < z_cut:
            return None
        return words + _context_features(ctx, a, b, ws, "list=True" in words, names, sentences)

    rate_phrases(ctx, _phrases(ctx), sc, feats_of, collect, "METHOD", 0.6, _COLLECT_NAME)
    if collect is None:
        headless_aliases(ctx)


def headless_aliases(ctx: Context) -> None:
    """A scored phrase ending in a word for the kind of thing built ("bilevel optimization
    scheme", "gradient surgery technique": words/system_heads.txt) keeps the phrase without
    that word as an alias when two words or more are left and the last is no adjective
    ("flow-based method", "stage-aware agentic framework" keep none: words/adjective_endings.txt),
    unless another candidate names it."""
    kinds = word_set("system_heads")
    adjective = tuple(words("adjective_endings"))
    named = {fold(c.name) for c in ctx.cands if c.rule != _COLLECT_NAME}
    for c in ctx.cands:
        if c.rule != _COLLECT_NAME:
            continue
        ws = c.name.split()
        if len(ws) < 3 or ws[-1].lower() not in kinds or ws[-2].lower().endswith(adjective):
            continue
        short = " ".join(ws[:-1])
        if fold(short) not in named and short not in c.extra:
            c.extra.append(short)


STAGES = [(100.4, scored_method_phrases)]
