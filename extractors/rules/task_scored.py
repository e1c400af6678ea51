"""Family: a lower-case phrase of the abstract ending in a task head word ("... detection", "...
segmentation", "... answering") that no other rule took is a task when a learned scorer says so:
a logistic model over the phrase's head, words, the word before and after it, its sentence, the
title and how often it is written (weights in data/task_scorer.json, written by
training/task_scorer.py; the cut in the same file)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from paperkg.core.text import ALNUM
from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, family_phrase, word_set, word_union
from paperkg.extractors.rules.logistic import bucket, neighbour, probability
from paperkg.extractors.words import trie_alternation

_DATA = Path(__file__).resolve().parent.parent / "data" / "task_scorer.json"
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:[\-/][A-Za-z0-9]+)*")
_MAX_MODIFIERS = 3
_APOSTROPHES = ("'", "\u2019")
# training/task_scorer.py sets this to a list to receive every candidate with its features
COLLECT: list | None = None


@cache
def scorer() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


# the word or mark after (before) an offset, searched in the 40 characters after (before) it:


def _phrases(ctx: Context) -> list[tuple[int, int, list[str], bool]]:
    """(start, end, words, longest) of each phrase ending in a task head word in the abstract:
    the head and up to three words before it (cut at a function word; leading adjectives,
    quantities and verbs in -ing/-ly dropped), and each shorter form of at least two words.
    The words are _WORD's matches from the title's end; only the heads are searched for, and
    the words before each are read back from it (_word_before), not the whole abstract's."""
    text, title_end = ctx.text, ctx.title_end
    listed = word_set("task_pattern_heads")
    heads = word_union("task_pattern_heads", "task_scored_heads")
    stop, lead = word_set("task_stop"), word_union("task_adjectives", "quantity_words")
    nouns = word_set("task_compound_openers")
    out = []
    for a, b in scored_head_words(ctx, heads):
        ws = [(a, text[a:b])]
        while len(ws) <= _MAX_MODIFIERS:
            x = _word_before(text, ws[0][0], title_end)
            if x is None:
                break  # no word right before, one space away: a mark or the start ends it
            a2, w2 = x
            capital = w2[0].isupper() and not (w2.isupper() or any(c.isdigit() for c in w2))
            if w2.lower() in stop or capital or text[a2 - 1:a2] in _APOSTROPHES:
                break  # a function word, a capitalised word or "'s" ends the phrase
            ws.insert(0, x)
        while len(ws) > 1 and ws[0][1].lower() in lead:
            ws.pop(0)
        while len(ws) > 1 and (first := ws[0][1].lower()) not in nouns and (
                first.endswith("ing") and first not in listed or first.endswith("ly")):
            ws.pop(0)
        for i in range(len(ws) - 1):
            sub = ws[i:]
            out.append((sub[0][0], b, [w for _, w in sub], i == 0))
    return out


def _head_words(text: str, title_end: int, heads: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each _WORD match from title_end on that is a head word, in order.
    A _WORD match is a longest run of letters and digits joined by single hyphens or
    slashes, so a match starts where the character before is neither such a letter nor a
    joining mark, and ends where the character after is neither: that is tested around each
    head found, instead of listing every word (the same matches from title_end, as a
    finditer from there starts a word at title_end whatever comes before)."""
    n = len(text)
    base = title_end - 1  # the search's text has one space in front of text[title_end:]
    out = []
    for m in _head_finder(heads).finditer(" " + text[title_end:]):
        a, b = m.start() + 1 + base, m.end() + base
        if m.group()[0] in "-/" and a - 2 >= title_end and text[a - 2] in ALNUM:
            continue  # "x-detection": a hyphen or slash after a letter joins the words
        if b < n and (text[b] in ALNUM or text[b] in "-/" and b + 1 < n and
                      text[b + 1] in ALNUM):
            continue  # the word goes on ("detections", "detection-based")
        out.append((a, b))
    return out


_SCRATCH = "scored_head_words"  # ctx.scratch: the task and measure heads' words, found once


@cache
def _scored_heads() -> frozenset[str]:
    """The task scorer's heads and the measure scorer's (metric_scored._HEAD_LISTS) together."""
    from paperkg.extractors.rules.metric_scored import _HEAD_LISTS  # it imports this module

    return word_union("task_pattern_heads", "task_scored_heads", *_HEAD_LISTS)


def scored_head_words(ctx: Context, heads: frozenset[str]) -> list[tuple[int, int]]:
    """_head_words(ctx.text, ctx.title_end, heads) for heads within _scored_heads: that set's
    head words, found by one search a paper (kept in ctx.scratch for the other scorer), that
    are in heads. A set's head words are the _WORD matches from title_end that it holds, so a
    subset's are the larger set's that the subset holds, in the same order."""
    got = ctx.scratch.get(_SCRATCH)
    if got is None:
        got = ctx.scratch[_SCRATCH] = _head_words(ctx.text, ctx.title_end, _scored_heads())
    text = ctx.text
    return [(a, b) for a, b in got if text[a:b] in heads]


def _word_before(text: str, a: int, title_end: int) -> tuple[int, str] | None:
    """(start, word) of the _WORD match (from title_end on) that ends one space before offset
    a, where a word starts; None when the character before a is not a space or no word ends
    right before it (a word's last character is always a letter or digit)."""
    e = a - 1
    if e - 1 < title_end or text[e] != " " or text[e - 1] not in ALNUM:
        return None
    s = e - 1
    while s - 1 >= title_end and (text[s - 1] in ALNUM or text[s - 1] in "-/" and
                                  s - 2 >= title_end and text[s - 2] in ALNUM):
        s -= 1
    return s, text[s:e]


@cache
def _head_finder(heads: frozenset[str]) -> re.Pattern:
    """A character that no word holds (neither a letter or digit nor, unless a hyphen or
    slash, joining two words), then one of the heads that _WORD could match whole, the longest
    one written there: the heads as a trie (re tries each offset against a few first letters,
    not against every head)."""
    words = sorted(h for h in heads if _WORD.fullmatch(h))
    return re.compile(r"[^A-Za-z0-9]" + trie_alternation(words) if words else "(?!)")


@cache
def _whole_word(word: str) -> re.Pattern:
    """word as a whole word (no word character or hyphen either side). It opens with the word
    itself, so that re skips along the text to it, and looks back past it for the character
    before: the same matches as a pattern opening with that lookbehind, which re tries at
    every offset."""
    w = re.escape(word)
    return re.compile(rf"{w}(?<![\w-]{w})(?![\w-])")


def _joins(ch: str) -> bool:
    """Whether a character is one that _whole_word's `[\\w-]` matches (re's \\w on str: a
    character str.isalnum holds for, or "_")."""
    return ch.isalnum() or ch in "_-"


def _count_word(low: str, word: str) -> int:
    """How often word is written in low as a whole word: _whole_word's findall counted by
    str.find (each occurrence, the next looked for after it when it counts, else one character
    on); the pattern is left for an empty word."""
    if not word:
        return len(_whole_word(word).findall(low))
    n, i, size, end = 0, low.find(word), len(word), len(low)
    while i >= 0:
        j = i + size
        if (i == 0 or not _joins(low[i - 1])) and (j == end or not _joins(low[j])):
            n += 1
            i = low.find(word, j)
        else:
            i = low.find(word, i + 1)
    return n


def features(ctx: Context, a: int, b: int, ws: list[str], longest: bool) -> list[str]:
    """The scorer's features of the phrase text[a:b] (words ws)."""
    low, text = ctx.low, ctx.text
    title = low[:ctx.title_end]
    head, first = ws[-1].lower(), ws[0].lower()
    phrase = " ".join(ws).lower()
    before, after = neighbour(text, a, False), neighbour(text, b, True)
    s0, _ = ctx.sentence(a)
    sents = [s for s in ctx.sents if ctx.title_end < s <= s0]
    later = [s for s in ctx.sents if s > s0]
    f = [f"h={head}", f"n={len(ws)}", f"long={longest}",
         f"pb={before}", f"na={after}",
         f"sent={bucket(len(sents), 4)}", f"last={not later}",
         f"rec={bucket(low.count(phrase), 3)}",
         f"hrec={bucket(_count_word(low, head), 3)}",
         f"t_phrase={phrase in title}", f"t_head={head in title}",
         f"suf={first[-3:]}", f"digit={any(c.isdigit() for c in phrase)}",
         f"hyph={'-' in phrase}", f"cap={any(w[0].isupper() for w in ws)}",
         f"listed={head in word_set('task_pattern_heads')}"]
    f += [f"t_mod={any(w.lower() in title for w in ws[:-1] if len(w) > 3)}"]
    return f


def score(feats: list[str]) -> float:
    """The scorer's probability that a phrase with these features is a task of the gold."""
    return probability(scorer(), feats)


def _described(ctx: Context, a: int, b: int, ws: list[str], vague, means) -> bool:
    """What task_for judges no task, judged here the same way: a two-word phrase with a vague
    head written once ("temporal understanding", "crate bias"), a technique's head after "for"
    ("for policy optimization"), a process applied to an object ("estimation of X")."""
    head = ws[-1].lower()
    if len(ws) == 2 and head in vague and ctx.low.count(" ".join(ws).lower()) == 1:
        return True
    if head in means and neighbour(ctx.text, a, False) == "for":
        return True
    return ctx.text.startswith(" of ", b)


def scored_task_phrases(ctx: Context) -> None:
    """Each abstract phrase ending in a task head word that no candidate covers or names: the
    form (of the longest and its shorter ones) the scorer rates highest, kept above its cut."""
    cut = scorer()["cut"]
    vague, means = word_set("task_vague_heads"), word_set("task_for_means_heads")
    best: dict[int, tuple[float, int, str]] = {}
    for a, b, ws, longest, phrase in free_phrases(ctx, _phrases(ctx)):
        if _described(ctx, a, b, ws, vague, means):
            continue
        feats = features(ctx, a, b, ws, longest)
        p = score(feats)
        if COLLECT is not None:  # collecting for training: the output stays the rules' own
            COLLECT.append((ctx.text[:ctx.title_end], phrase, feats, p))
            continue
        if p >= cut and p > best.get(b, (-1.0, 0, ""))[0]:
            best[b] = (p, a, phrase)
    add_best(ctx, best, "TASK", 0.5, "task_scored")


def free_phrases(ctx: Context, phrases: list[tuple[int, int, list[str], bool]]
                 ) -> Iterator[tuple[int, int, list[str], bool, str]]:
    """The phrases (start, end, words, longest) no candidate overlaps or names, outside URLs,
    not generic and of no family, each with its text."""
    taken = {fold(c.name) for c in ctx.cands}
    spans = sorted((c.start, c.end) for c in ctx.cands)
    for a, b, ws, longest in phrases:
        phrase = " ".join(ws)
        if any(x < b and a < y for x, y in spans) or ctx.in_url(a):
            continue
        if fold(phrase) in taken or ctx.is_generic(phrase) or family_phrase(phrase):
            continue
        yield a, b, ws, longest, phrase


def add_best(ctx: Context, best: dict[int, tuple[float, int, str]], etype: str,
             confidence: float, family: str) -> None:
    """Add as strongly typed candidates the best-rated phrase ending at each offset (best: end
    -> (probability, start, phrase)), in text order, each folded phrase once."""
    seen = set()
    for b, (_p, a, phrase) in sorted(best.items()):
        if fold(phrase) in seen:
            continue
        seen.add(fold(phrase))
        c = Cand(a, b, phrase, phrase, etype, confidence, family)
        c.strong_type = True
        ctx.cands.append(c)


STAGES = [(99.9, scored_task_phrases)]
