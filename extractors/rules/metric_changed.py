"""Family: a measure the text states a change of, between a verb of change and "by" a value.
"reduces inference cost by up to 70%", "cutting evaluation time by 26.89%", "improves decision
quality by 18-34%", "reduces harmful scores by over 70%": the two or three lower-case words
right after the verb (words/metric_changed_verbs.txt; "the" or "its" may open them) and right
before "by" and a number name the measure changed when their last word is a measure word (the
measure head lists and words/metric_changed_heads.txt). A change, a comparative, a count or a
share of things (words/metric_report_not_words.txt) names none, nor does a quality the
method has ("boosts inference efficiency by 85.3%": words/metric_qualities.txt), one measure
word on another ("lowers the error rate by 12%", as `metric_compounds` reads it) or a factor
("by 10-40x", "by 5 times"); a word of degree before the measure is no part of it ("reduces
peak memory usage" is `memory usage`), nor is an averaging word before two more ("the average
memory-context cost" is `memory-context cost`); one word alone ("reduces runtime by 35%",
"reduce costs by 67%") is left to the other rules."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.rules.base import Context, word_set, word_union
from paperkg.extractors.rules.metric_reported import add_metric
from paperkg.extractors.words import words

_WORD = r"[a-z][a-z0-9\-/]*[a-z0-9]"
# "by" and a value after a hedge ("by up to 30%", "by over 70%", "by approximately $64.2\%$")
_BY_VALUE = re.compile(
    r"by (?:(?:up to|over|about|around|nearly|approximately|roughly|almost|more than|as much "
    r"as|at least|an average of|on average) )?[+~\-]?\$?\d")
_OPENERS = ("the", "its", "their")
# a factor, not a change of a measure's value: "by 10-40x", "by 3.8$\times$", "by 5 times"
_FACTOR = re.compile(r"[\d.,\-–]*\s*(?:x\b|×|\$\\times|times\b|-?fold\b|orders?\b)")


@cache
def _before() -> re.Pattern:
    """A verb of change, an opener perhaps, and two to four words ending the searched span."""
    verbs = "|".join(re.escape(v) for v in words("metric_changed_verbs"))
    return re.compile(rf"\b(?:{verbs})(?:s|es|ed|d|ing|e|ting)?\s+(?:(?:{'|'.join(_OPENERS)})"
                      rf"\s+)?((?:{_WORD}\s+){{1,4}})$")


def _measure(ws: list[str]) -> list[str]:
    """The words naming a measure ("inference cost", "wall-clock training time"), or []."""
    leads, aggregates = word_set("metric_of_value_leads"), word_set("metric_aggregates")
    while ws and (ws[0] in leads or (ws[0] in aggregates and len(ws) >= 3)):
        ws = ws[1:]  # "reduces the average memory-context cost by" is `memory-context cost`
    if not 2 <= len(ws) <= 3 or ws[0] in _OPENERS:
        return []
    if any(w in word_union("metric_report_not_words", "metric_of_value_not_words") for w in ws):
        return []
    heads = word_union("metric_heads", "metric_value_heads", "measure_phrase_heads",
                       "metric_of_value_heads", "metric_changed_heads")
    head = ws[-1]
    if head not in heads and not (head.endswith("s") and head[:-1] in heads):
        return []
    if any(w in word_set("metric_heads") for w in ws[:-1]):
        return []  # "lowers the error rate by 12%": one measure word on another names none
    if head in word_set("metric_qualities"):
        return []  # "boosts inference efficiency by 85.3%": a quality the method has
    if head in ("rate", "ratio") and (ws[0] in word_set("metric_of_value_settings") or (
            ws[0].endswith("ing") and "-" not in ws[0])):
        return []  # "lowers the learning rate by 10%": a setting
    return ws


def changed_measures(ctx: Context) -> None:
    """A METRIC candidate for the words between a verb of change and "by" and a value."""
    text = ctx.text
    for m in _BY_VALUE.finditer(text, ctx.title_end):
        end = m.start() - 1
        if end < 1 or text[end] != " " or _FACTOR.match(text, m.end()):
            continue
        got = _before().search(text, max(ctx.title_end, end - 80), end + 1)
        if got is None:
            continue
        ws = _measure(got.group(1).split())
        if not ws:
            continue
        phrase = " ".join(ws)
        a = end - len(phrase)
        if text[a:end] != phrase or ctx.in_url(a):
            continue  # read as written only (one space between the words)
        add_metric(ctx, a, end, "metric_changed")


STAGES = [(59.86, changed_measures)]
