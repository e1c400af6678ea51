"""Family: a judge of the lower-case measure phrases the shape rules found ("detection accuracy",
"power consumption", "decoding latency"). The compound, list and change rules take a modifier
and a measure head in a sentence that measures something; annotators keep such a phrase when
the paper measures by it and leave it out when it names a property of the method or the
problem ("reduces power consumption", "improve robustness and prediction accuracy"). The
phrase scorer's features (rules/metric_scored.features: the head and words, the words around
it, a value near it, cues, a list it shares with a found measure, its sentence, the title, how
often it is written) and the rule that found it feed a logistic model; a phrase whose best
mention rates below the cut loses its candidates, unless a value follows a mention ("reduces
peak memory usage by 40%", the shape rules/metric_changed.py reads; "the delay spread error
drops to 4 ns"). Weights and the cut in
data/metric_compound_judge.json, written by training/metric_compound_judge.py (fixed seed)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, words
from paperkg.extractors.rules.logistic import probability
from paperkg.extractors.rules.metric_scored import features as phrase_features

_DATA = Path(__file__).resolve().parent.parent / "data" / "metric_compound_judge.json"
# the shape rules whose lower-case phrases of several words are judged
JUDGED_RULES = ("metric_compound", "metric_list", "metric_changed")
# the phrase scorer's feature of a value right after the phrase: such a phrase is kept
_VALUE_AFTER = "vafter=True"
# training/metric_compound_judge.py sets this to a list to receive each judged phrase
COLLECT: list | None = None


@cache
def _changed_to() -> re.Pattern:
    """A verb of change (metric_judge_change_verbs.txt) and a value right after the phrase
    ("drops to 4 ns", "rose by 12%")."""
    verbs = "|".join(re.escape(v) for v in words("metric_judge_change_verbs"))
    return re.compile(rf"\s+(?:{verbs})\s+(?:to|by|from)\s+[~≈<>]?\s*[+\-−]?\d")


@cache
def judge() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def judged(c: Cand) -> bool:
    """Whether the judge rates this candidate: a lower-case METRIC phrase of several words from
    a shape rule, not a known measure."""
    return (c.type == "METRIC" and c.rule in JUDGED_RULES and c.gaz_canon is None
            and " " in c.name and c.name.islower())


def features(ctx: Context, c: Cand, measures: list[tuple[int, int]],
             sentences: dict | None = None) -> list[str]:
    """The judge's features of one candidate: the phrase scorer's and the rule's name."""
    ws = ctx.text[c.start:c.end].split()
    return [*phrase_features(ctx, c.start, c.end, ws, True, measures, sentences),
            f"rule={c.rule}"]


def score(feats: list[str]) -> float:
    """The judge's probability that a phrase with these features is a measure of the gold."""
    return probability(judge(), feats)


def judged_measure_phrases(ctx: Context) -> None:
    """Drop the judged METRIC phrases whose best-rated mention is below the judge's cut and
    no mention of which has a value right after it."""
    mine = [c for c in ctx.cands if judged(c)]
    if not mine:
        return
    measures = [(c.start, c.end) for c in ctx.cands if c.type == "METRIC"]
    sentences: dict[int, tuple] = {}
    best: dict[str, float] = {}
    for c in mine:
        feats = features(ctx, c, measures, sentences)
        p = score(feats)
        if COLLECT is not None:  # collecting for training: the output stays the rules' own
            COLLECT.append((c.name, feats, p))
            continue
        key = fold(c.name)
        valued = _VALUE_AFTER in feats or _changed_to().match(ctx.text, c.end) is not None
        best[key] = max(1.0 if valued else p, best.get(key, 0.0))
    cut = judge()["cut"]
    drop = {k for k, p in best.items() if p < cut}
    if drop:
        ctx.cands = [c for c in ctx.cands if not (judged(c) and fold(c.name) in drop)]


STAGES = [(100.35, judged_measure_phrases)]
