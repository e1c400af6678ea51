"""What the learned phrase scorers share (task_scored, metric_scored, method_scored): the shipped
weights file, the head words and the words read back from them, the phrases ending in a head
word, how often a word is written, a cue before a phrase, the phrases no candidate took, the
scoring loop and the candidates it adds. No stage of its own."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import accumulate
from pathlib import Path

from paperkg.core.text import ALNUM
from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, family_phrase, word_union
from paperkg.extractors.rules.logistic import probability
from paperkg.extractors.words import trie_alternation

_DATA = Path(__file__).resolve().parent.parent / "data"
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*(?:[\-/][A-Za-z0-9]+)*")
_MAX_MODIFIERS = 3
_APOSTROPHES = ("'", "\u2019")
TASK_HEAD_LISTS = ("task_pattern_heads", "task_scored_heads")
MEASURE_HEAD_LISTS = ("metric_heads", "metric_value_heads", "measure_phrase_heads",
                      "metric_changed_heads", "metric_scored_heads")
METHOD_HEAD_LISTS = ("method_scored_heads",)

Phrase = tuple[int, int, list[str], bool]  # (start, end, words, longest)


@cache
def weights(name: str) -> dict:
    """The shipped weights data/<name>: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


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


_SCRATCH = "scored_head_words"  # ctx.scratch: the three scorers' heads' words, found once


@cache
def _scored_heads() -> frozenset[str]:
    """The task scorer's heads, the measure scorer's and the technique scorer's together."""
    return word_union(*TASK_HEAD_LISTS, *MEASURE_HEAD_LISTS, *METHOD_HEAD_LISTS)


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


def count_word(low: str, word: str) -> int:
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


def head_phrases(ctx: Context, spans: Iterable[tuple[int, int]], stop: frozenset[str],
                 lead: frozenset[str]) -> list[Phrase]:
    """(start, end, words, longest) of each phrase ending in a head word (spans: the heads'
    (start, end)): the head and up to three lower-case words before it (cut at a stop word, a
    word with a capital or digit-only, or "'s"; opening lead and -ly words dropped), and each
    shorter form of at least two words (method_scored's and metric_scored's phrases)."""
    text, title_end = ctx.text, ctx.title_end
    out = []
    for a, b in spans:
        ws = [(a, text[a:b])]
        while len(ws) <= _MAX_MODIFIERS:
            x = _word_before(text, ws[0][0], title_end)
            if x is None:
                break
            a2, w2 = x
            if w2.lower() in stop or not w2.islower() or text[a2 - 1:a2] in _APOSTROPHES:
                break  # a function word, a word with a capital or digit-only, or "'s"
            ws.insert(0, x)
        while len(ws) > 1 and (ws[0][1].lower() in lead or ws[0][1].lower().endswith("ly")):
            ws.pop(0)
        for i in range(len(ws) - 1):
            sub = ws[i:]
            out.append((sub[0][0], b, [w for _, w in sub], i == 0))
    return out


@cache
def _literal_finder(literals: tuple[str, ...]) -> re.Pattern:
    """The literals as one pattern (a trie): it matches somewhere in a string exactly when one
    of them is written in it."""
    return re.compile(trie_alternation(literals))


def cue_before(low: str, lo: int, a: int, literals: tuple[str, ...], pattern: re.Pattern,
               text: str) -> bool:
    """Whether pattern matches text[lo:a] ending at a; tried only when low[lo:a] holds one of
    the literal words every match holds (the same answer, without the search at every offset).
    The literals are looked for by one search of low from lo to a (endpos a: a match lies
    within the window), not by a substring test of a slice for each."""
    return (_literal_finder(literals).search(low, lo, a) is not None
            and pattern.search(text, lo, a) is not None)


def free_phrases(ctx: Context, phrases: list[Phrase]
                 ) -> Iterator[tuple[int, int, list[str], bool, str]]:
    """The phrases (start, end, words, longest) no candidate overlaps or names, outside URLs,
    not generic and of no family, each with its text."""
    taken = {fold(c.name) for c in ctx.cands}
    spans = sorted((c.start, c.end) for c in ctx.cands)
    # a candidate overlaps a..b when one starting before b ends after a: of the spans starting
    # before b (a bisect of their starts), the latest end (a running maximum) tells
    starts = [x for x, _ in spans]
    ends = list(accumulate((y for _, y in spans), max))
    generic = ctx.generic
    for a, b, ws, longest in phrases:
        phrase = " ".join(ws)
        i = bisect_left(starts, b)
        if i and ends[i - 1] > a or ctx.in_url(a):
            continue
        key = fold(phrase)  # Context.is_generic folds the same way
        if key in taken or key in generic or family_phrase(phrase):
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


def rate_phrases(ctx: Context, phrases: list[Phrase], model: dict,
                 feats_of: Callable[[int, int, list[str], bool], list[str] | None],
                 collect: list | None, etype: str, confidence: float, family: str,
                 row: Callable[[str, list[str], float], tuple] | None = None) -> None:
    """The scoring loop: each free phrase's features (feats_of; None passes the phrase by),
    its probability under model; while collecting (collect a list) each (phrase, features,
    probability), or row's tuple of them, goes to collect and the family adds nothing; else the
    form rated highest at each end, at or above the model's cut, is added as an etype
    candidate of family."""
    cut = model["cut"]
    best: dict[int, tuple[float, int, str]] = {}
    for a, b, ws, longest, phrase in free_phrases(ctx, phrases):
        feats = feats_of(a, b, ws, longest)
        if feats is None:
            continue
        p = probability(model, feats)
        if collect is not None:  # collecting for training: the output stays the rules' own
            collect.append((phrase, feats, p) if row is None else row(phrase, feats, p))
            continue
        if p >= cut and p > best.get(b, (-1.0, 0, ""))[0]:
            best[b] = (p, a, phrase)
    add_best(ctx, best, etype, confidence, family)
