"""Family: a lower-case phrase of the abstract ending in a measure head word ("inference time",
"answer coverage", "semantic fidelity") that no other rule took is a measure when a learned
scorer says so: a logistic model over the phrase's head and words, the words around it, a value
near it, "in terms of" / "measured by" cues, a list it shares with a found measure, its
sentence, the title and how often it is written (weights and the cut in
data/metric_scorer.json, written by training/metric_scorer.py with a fixed seed)."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, word_set, word_union
from paperkg.extractors.rules.logistic import bucket, neighbour, probability
from paperkg.extractors.rules.scored_phrases import (
    MEASURE_HEAD_LISTS,
    Phrase,
    count_word,
    cue_before,
    head_phrases,
    rate_phrases,
    scored_head_words,
    weights,
)

_HEAD_LISTS = MEASURE_HEAD_LISTS
_DIGIT = re.compile(r"\d")
_METRIC_WORD = re.compile(r"\b(?:metrics?|measures?|measured|measuring|evaluat\w*|"
                          r"benchmark\w*|criteria|indicators?)\b", re.IGNORECASE)
_CUE_BEFORE = re.compile(r"\b(?:in\s+terms\s+of|measured\s+(?:by|in|as|with)|such\s+as|"
                         r"including|namely|quantif\w+|as\s+measured\s+by)\s+(?:\S+\s+){0,6}$",
                         re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:improv\w*|boost\w*|increas\w*|enhanc\w*|reduc\w*|lower\w*|decreas\w*|cut\w*|"
    r"minimi[sz]\w*|maximi[sz]\w*|rais\w*|achiev\w*|attain\w*|reach\w*|yield\w*)\s+"
    r"(?:(?:the|its|their|our|both|overall)\s+)?$", re.IGNORECASE)
# literal words without which _CUE_BEFORE / _CHANGE_BEFORE cannot match (tested first, in
# lower case)
_CUE_WORDS = ("terms", "measured", "such", "including", "namely", "quantif")
_CHANGE_STEMS = ("improv", "boost", "increas", "enhanc", "reduc", "lower", "decreas", "cut",
                 "minimi", "maximi", "rais", "achiev", "attain", "reach", "yield")
_VALUE_AFTER = re.compile(r"\s*(?:of|=|:|\(|at|by|to|from|is|was|reaching|up to)?\s*[~≈<>]?\s*"
                          r"[+\-−]?\d", re.IGNORECASE)
_COLLECT_NAME = "metric_scored"
# training/metric_scorer.py sets this to a list to receive every candidate with its features
COLLECT: list | None = None


def scorer() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return weights("metric_scorer.json")


def _phrases(ctx: Context) -> list[Phrase]:
    """(start, end, words, longest) of each phrase ending in a measure head word in the
    abstract (scored_phrases.head_phrases: up to three lower-case words before the head;
    opening comparatives, adjectives, quantities and -ly words dropped)."""
    return head_phrases(ctx, scored_head_words(ctx, word_union(*_HEAD_LISTS)),
                        word_set("task_stop"),
                        word_union("metric_scored_leads", "task_adjectives", "quantity_words"))


def features(ctx: Context, a: int, b: int, ws: list[str], longest: bool,
             measures: list[tuple[int, int]], sentences: dict | None = None) -> list[str]:
    """The scorer's features of the phrase text[a:b] (words ws); measures are the spans of the
    paper's METRIC candidates; sentences caches what each sentence holds (by its start)."""
    low, text = ctx.low, ctx.text
    title = low[:ctx.title_end]
    head, first = ws[-1].lower(), ws[0].lower()
    phrase = " ".join(ws).lower()
    before, after = neighbour(text, a, False), neighbour(text, b, True)
    s0, s1 = ctx.sentence(a)
    held = None if sentences is None else sentences.get(s0)
    if held is None:  # a digit, a metric word; the sentences before it in the abstract
        sent = text[s0:s1]
        held = (_DIGIT.search(sent) is not None, _METRIC_WORD.search(sent) is not None,
                bucket(sum(1 for s in ctx.sents if ctx.title_end < s <= s0), 4))
        if sentences is not None:
            sentences[s0] = held
    line0 = text.rfind("\n", 0, a) + 1
    near = text[max(line0, a - 30):a] + " " + text[b:b + 30].split("\n")[0]
    listed = (before in {",", "and", "or", "as"} or after in {",", "and", "or"})
    beside = any(y <= a and a - y <= 12 or x >= b and x - b <= 12 for x, y in measures)
    f = [f"h={head}", f"n={len(ws)}", f"long={longest}",
         f"pb={before}", f"na={after}", f"w0={first}",
         f"sent={held[2]}",
         f"rec={bucket(low.count(phrase), 3)}",
         f"hrec={bucket(count_word(low, head), 3)}",
         f"t_phrase={phrase in title}", f"t_head={head in title}",
         f"suf={first[-3:]}", f"hyph={'-' in phrase}",
         f"val30={_DIGIT.search(near) is not None}",
         f"valsent={held[0]}",
         f"vafter={_VALUE_AFTER.match(text, b) is not None}",
         f"mword={held[1]}",
         f"cue={cue_before(low, max(s0, a - 80), a, _CUE_WORDS, _CUE_BEFORE, text)}",
         f"change={cue_before(low, max(s0, a - 40), a, _CHANGE_STEMS, _CHANGE_BEFORE, text)}",
         f"list={listed}", f"beside={beside}", f"list_beside={listed and beside}",
         f"nmet={bucket(len(measures), 3)}",
         f"quality={head in word_set('metric_qualities')}"]
    return f


def score(feats: list[str]) -> float:
    """The scorer's probability that a phrase with these features is a measure of the gold."""
    return probability(scorer(), feats)


def scored_measure_phrases(ctx: Context) -> None:
    """Each abstract phrase ending in a measure head word that no candidate covers or names:
    the form (of the longest and its shorter ones) the scorer rates highest, kept above its
    cut as a METRIC candidate."""
    measures = [(c.start, c.end) for c in ctx.cands if c.type == "METRIC"]
    sentences: dict[int, tuple] = {}

    def feats_of(a: int, b: int, ws: list[str], longest: bool) -> list[str]:
        """The phrase's features."""
        return features(ctx, a, b, ws, longest, measures, sentences)

    rate_phrases(ctx, _phrases(ctx), scorer(), feats_of, COLLECT, "METRIC", 0.6, _COLLECT_NAME)


STAGES = [(100.3, scored_measure_phrases)]
