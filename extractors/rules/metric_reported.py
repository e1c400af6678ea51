"""Family: the measure a reported value is given in. "SafeDrive attains a 66.8% driving score",
"FragFM achieves over 99% validity", "reaches 0.8467 circular exact-matching accuracy versus
0.8437": after a verb that reports a result (words/metric_report_verbs.txt), a percentage or a
decimal, and two or three lower-case words that end before a comma, a full stop or a
preposition, name the measure. One word alone is a measure only when it is a measure head
that says what is measured ("a 0.97 correlation"; "100% success", "90% occlusion", "22%
score" name none as often as not: words/metric_report_vague_heads.txt). A change, a
comparative, a count or a share of things (words/metric_report_not_words.txt) names no measure;
a whole number or a multiple ("24 participants", "2.3x throughput") is no reported score.
Each value listed after a reported one names its measure the same way ("achieved 97.24%
platform compatibility, 87.10% compilation success, and 86.98% security compliance")."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Cand, Context, positions, word_set, words

_VALUE = r"[-+]?(?:\d+\.\d+|\d+(?:\.\d+)?\s*\\?%)(?:\s*(?:to|-|–)\s*\d+(?:\.\d+)?\s*\\?%?)?"
_WORD = r"[a-z][a-z\-]*[a-z]"
_END = (r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|across|for|versus|vs\.?|and|while|compared|over|at|"
        r"under|without|from|when|against|relative|than|by|using|to|among|after|within|"
        r"with|as|per|of|measured|computed|evaluated|reported|assessed|calculated|estimated)\b)")
_HEDGE = r"(?:(?:an?|only|over|nearly|about|around|approximately|up\s+to|near-|a\s+mean\s+of)\s*)*"
_PATTERN: re.Pattern | None = None
# what every _VALUE holds (a decimal, or a number and a per cent sign): texts without it are
# skipped by one search in C instead of the verb pattern's tries at every word
_GATE = re.compile(r"\d\.\d|\d\s*\\?%")
# the next value of a list after a reported one, and the words naming its measure
_NEXT = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_HEDGE}{_VALUE}\s+"
                   rf"(?P<ph>{_WORD}(?:\s+{_WORD}){{0,2}}?){_END}")


def _pattern() -> re.Pattern:
    """The reported-value pattern, built once from the verb list."""
    global _PATTERN
    if _PATTERN is None:
        verbs = "|".join(re.escape(v) for v in words("metric_report_verbs"))
        _PATTERN = re.compile(
            rf"\b(?:{verbs})\w*\s+{_HEDGE}{_VALUE}\s+(?P<ph>{_WORD}(?:\s+{_WORD}){{0,2}}?){_END}")
    return _PATTERN


def _names_measure(words_: list[str]) -> bool:
    """Whether the words after a reported value can name its measure."""
    not_words = word_set("metric_report_not_words")
    if any(w in not_words for w in words_):
        return False
    first = words_[0]
    if first.endswith(("ed", "ing")) and "-" not in first:
        return False  # "7.5% requiring boundary adjustments", "64.3% compared to"
    if len(words_) == 1:
        return first in word_set("metric_heads") and first not in word_set(
            "metric_report_vague_heads")
    return True


def add_metric(ctx: Context, a: int, b: int, extractor: str = "metric_reported") -> None:
    """Type text[a:b] METRIC: a new candidate, or the untyped one found at that very span."""
    if any(c.start < b and a < c.end and (c.start, c.end) != (a, b) for c in ctx.cands):
        return  # a longer or shorter name found by another rule keeps its span
    same = [c for c in ctx.cands if c.start == a and c.end == b]
    for c in same:
        if not (c.strong_type and c.type):
            c.type, c.strong_type = "METRIC", True
    if not same:
        c = Cand(a, b, ctx.text[a:b], ctx.text[a:b], "METRIC", 0.6, extractor)
        c.strong_type = True
        ctx.cands.append(c)


def reported_measures(ctx: Context) -> None:
    """A METRIC candidate for the lower-case words naming the measure of a reported value, and
    of each value listed after it ("97.24% platform compatibility, 87.10% compilation success")."""
    text = ctx.text
    if _GATE.search(text, ctx.title_end) is None:
        return
    # the pattern's matches, as finditer from the title's end gives them: each opens with a
    # verb stem, so it is tried only where str.find puts one, from the end of the match before
    pattern, end = _pattern(), ctx.title_end
    for i in positions(text, words("metric_report_verbs")):
        m = pattern.match(text, i) if i >= end else None
        if m is None:
            continue
        end = m.end()
        got = m
        while got is not None:
            a, b = got.span("ph")
            if not ctx.in_url(a) and _names_measure(got.group("ph").split()):
                add_metric(ctx, a, b)
            got = _NEXT.match(text, got.end())


STAGES = [(59.8, reported_measures)]
