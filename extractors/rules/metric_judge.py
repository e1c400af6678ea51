"""Family: a paper-level judge of a bare general measure word ("accuracy", "latency").
Annotators keep a bare `accuracy` when the paper reports it ("reaches 94.1% accuracy",
"accuracy and F1 on three benchmarks") and leave it out when it names a quality the method has
("without sacrificing accuracy", "trade accuracy for latency"). A logistic model over what the
whole paper writes about the word (a value near a mention, its sentence reporting a result, the
title, "metric" near it, a verb of achieving or a comparative before it, a trade-off phrase, how
many other measures the paper names, how often the word is written) gives the probability that
the word is a measure of the paper; the word's METRIC candidates go below the cut, unless a
sentence has "we" measure it or lists it as a metric ("we analyze energy consumption,
latency, and accuracy", "metrics such as latency"). Weights and
the cut in data/metric_judge.json, written by training/metric_judge.py (fixed seed)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from paperkg.core.text import sentence_of, sentence_starts
from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, word_set
from paperkg.extractors.rules.logistic import bucket, probability

_DATA = Path(__file__).resolve().parent.parent / "data" / "metric_judge.json"
# training/metric_judge.py sets this to a list to receive each judged word with its features
COLLECT: list | None = None

_DIGIT = re.compile(r"\d")
_METRIC_WORD = re.compile(r"\b(?:metrics?|measures?|measured|evaluat\w*|benchmark\w*)\b",
                          re.IGNORECASE)
_RESULT_VERB = re.compile(
    r"\b(?:outperform\w*|surpass\w*|achiev\w*|attain\w*|reach\w*|yield\w*|obtain\w*|"
    r"report\w*|state-of-the-art|SOTA)\b", re.IGNORECASE)
# the two words before a mention: a verb of achieving or changing it, a comparative
_VERB_BEFORE = re.compile(
    r"\b(?:improv\w*|achiev\w*|boost\w*|increas\w*|enhanc\w*|attain\w*|reach\w*|deliver\w*|"
    r"yield\w*|maintain\w*|preserv\w*|retain\w*|reduc\w*|lower\w*|decreas\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_COMP_BEFORE = re.compile(
    r"\b(?:higher|better|superior|lower|improved|competitive|comparable|high|low|strong|"
    r"greater|best|reduced|increased)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TRADE = re.compile(
    r"\b(?:sacrific\w*|trade(?:-|\s)?offs?|trades?|compromis\w*|at the (?:expense|cost) of|"
    r"without\b|while\s+(?:maintaining|preserving|retaining|keeping)|loss\s+(?:in|of))\b",
    re.IGNORECASE)
_IN_OF = re.compile(r"\b(?:in|of|on)\s+(?:terms\s+of\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_AFTER_VALUE = re.compile(r"^\s*(?:of|=|:|\(|at|by|to|from|reaching|up to)?\s*[~≈]?\s*\d",
                          re.IGNORECASE)
_GAIN_AFTER = re.compile(
    r"^[\s\-]*(?:gains?|improvements?|drops?|degradation|loss|boosts?|increases?|"
    r"decreases?|overhead|reductions?)\b", re.IGNORECASE)
# "We analyze energy consumption, latency, and accuracy", "proxy metrics such as latency": the
# paper measures the word or lists it as a metric
_WE_MEASURE = re.compile(
    r"\bwe\s+(?:\w+\s+)?(?:analy[sz]e|measure|assess|compare|evaluate|report|quantify|"
    r"examine|benchmark)\b|\bmetrics?\s+(?:such\s+as|like|including|includes?)\b", re.IGNORECASE)


@cache
def judge() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return json.loads(_DATA.read_text(encoding="utf-8"))



def _forms(word: str) -> tuple[str, ...]:
    """The word and its plural ("accuracy", "accuracies")."""
    return (word, word[:-1] + "ies") if word.endswith("y") else (word, word + "s")




def features(text: str, title_end: int, word: str, others: int,
             starts: list[int] | None = None) -> list[str]:
    """The judge's features of a bare measure word over the paper's text (title, newline,
    abstract); others is how many other measures the paper's candidates name; starts are the
    text's sentence starts (core/text.sentence_starts when not given)."""
    starts = sentence_starts(text) if starts is None else starts
    alts = "|".join(re.escape(f) for f in _forms(word))
    spans = [m.span() for m in re.finditer(rf"(?<![\w\-])(?:{alts})(?![\w\-])", text,
                                            re.IGNORECASE)]
    f = {f"w={word}", f"oth={bucket(others, 4)}", f"rec={bucket(len(spans), 3)}"}
    for a, b in spans:
        if a < title_end:
            f.add("title")
            continue
        s0, s1 = sentence_of(text, starts, a)
        before, after = text[max(s0, a - 40):a], text[b:min(s1, b + 40)]
        if _DIGIT.search(text, max(s0, a - 30), min(s1, b + 30)):
            f.add("val30")
        elif _DIGIT.search(text, s0, s1):
            f.add("valsent")
        if _AFTER_VALUE.match(after):
            f.add("valafter")
        if _METRIC_WORD.search(text, s0, s1):
            f.add("mword")
        if _RESULT_VERB.search(text, s0, s1):
            f.add("resverb")
        if _VERB_BEFORE.search(before):
            f.add("verb")
        if _COMP_BEFORE.search(before):
            f.add("comp")
        if _TRADE.search(text, max(s0, a - 50), min(s1, b + 30)):
            f.add("trade")
        if _IN_OF.search(before):
            f.add("inof")
        if _GAIN_AFTER.match(after):
            f.add("gain")
        if re.match(r"^\s*(?:,|and\b|or\b|/)", after) or re.search(r"(?:,|\band|\bor|/)\s*$",
                                                                   before):
            f.add("list")
    return sorted(f)


def measured_by_us(text: str, title_end: int, word: str,
                   starts: list[int] | None = None) -> bool:
    """Whether a sentence of the abstract has "we" measure the word, or lists it as a metric,
    before a mention of it ("we analyze energy consumption, latency, and accuracy", "proxy
    metrics such as latency"): it is never dropped."""
    starts = sentence_starts(text) if starts is None else starts
    alts = "|".join(re.escape(f) for f in _forms(word))
    for m in re.finditer(rf"(?<![\w\-])(?:{alts})(?![\w\-])", text, re.IGNORECASE):
        if m.start() > title_end:
            s0, _ = sentence_of(text, starts, m.start())
            if _WE_MEASURE.search(text, s0, m.start()):
                return True
    return False


def score(feats: list[str]) -> float:
    """The judge's probability that a bare word with these features is a measure of the gold."""
    return probability(judge(), feats)


def _key(c: Cand) -> str:
    """A candidate's folded measure name (the gazetteer's canonical form when it has one)."""
    return fold(c.gaz_canon or c.name)


def judged_bare_measures(ctx: Context) -> None:
    """Drop the METRIC candidates of a bare general measure word the judge rates below its cut."""
    words = word_set("metric_judge_words")
    mets = [c for c in ctx.cands if c.type == "METRIC"]
    bare = {_key(c) for c in mets if _key(c) in words}
    if not bare:
        return
    drop: set[str] = set()
    for word in sorted(bare):
        forms = _forms(word)
        others = len({fold(c.name) for c in mets
                      if not any(f in fold(c.name) for f in forms)})
        feats = features(ctx.text, ctx.title_end, word, others, ctx.sents)
        p = score(feats)
        if COLLECT is not None:  # collecting for training: the output stays the rules' own
            COLLECT.append((word, feats, p))
            continue
        if p < judge()["cut"] and not measured_by_us(ctx.text, ctx.title_end, word, ctx.sents):
            drop.update(forms)
    if drop:
        ctx.cands = [c for c in ctx.cands if not (c.type == "METRIC" and _key(c) in drop)]


STAGES = [(100.2, judged_bare_measures)]
