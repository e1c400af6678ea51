"""Measure phrases no metric list holds, read only where no other metric is near: a phrase of
one or two words and a measure head right after the value ("attains a 66.8% driving score",
"a 0.32% optimality gap") or right before "of VALUE" ("achieving an overall score of 0.815").
The heads are data (extractors/data/words/measure_phrase_heads.txt)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from paperkg.extractors.results.trace import _retag
from paperkg.extractors.words import words

PHRASE_AFTER = True
PHRASE_OF = True

# a word of a measure phrase before its head: not a function word, a comparative ("3.3x faster
# convergence", "higher memory efficiency": a ratio's, which the annotators leave unnamed) or a
# word of change; written in lower case ("Exploit scores of 40-67.5%", "a GenEval score of 0.79":
# a name's score, which the annotators leave unnamed or give the name)
_WORD = (r"(?:(?!(?:on|in|of|for|with|and|or|at|by|to|than|over|while|when|across|under|from|"
         r"compared|the|an?|its|their|our|up|is|are|was|were|which|that|faster|slower|higher|"
         r"lower|better|worse|greater|more|less|fewer|larger|smaller|relative|absolute|"
         r"improvements?|reductions?|gains?|increases?|decreases?|drops?)\b)"
         r"[a-z][\w\-&@/]*\s+)")
_HEDGE = (r"(?:up\s+to\s+|about\s+|around\s+|only\s+|over\s+|nearly\s+|approximately\s+|"
          r"roughly\s+|almost\s+|~\s*)?")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The phrase after a value and the phrase before "of VALUE", over the data's heads."""
    heads = "(?i:" + "|".join(sorted((re.escape(w) for w in words("measure_phrase_heads")),
                                     key=len, reverse=True)) + ")"
    after = re.compile(
        r"\s+(" + _WORD + r"{1,2}(?:" + heads + r"))(?![\w\-])"
        r"(?!\s+(?:of|reductions?|improvements?|gains?|increases?|drops?|decreases?|boosts?|"
        r"degradation)\b)")
    before = re.compile(
        r"\b(?:an?|the|with|achiev\w*|reach\w*|attain\w*|obtain\w*|yield\w*)\s+"
        r"(" + _WORD + r"{1,2}(?:" + heads + r"))\s+of\s+" + _HEDGE + r"\$?$")
    return after, before


def measure_phrase(text: str, lo: int, pos: int, end: int) -> re.Match | None:
    """The measure phrase named right after the value at text[pos:end] or right before "of"
    and the value (group 1), or None."""
    after, before = _patterns()
    if PHRASE_AFTER and (m := after.match(text, end)):
        return m
    if PHRASE_OF and (m := before.search(text, max(lo, pos - 80), pos)):
        return m
    return None


def name_phrases(text: str, sents: list[int], out: list[dict]) -> int:
    """Give each value still without a metric the measure phrase named next to it (after the
    other rules, so that a metric shared with the value before it wins: "an average NDCG@10 of
    0.296 ..., with an overall best score of 0.395" is NDCG@10); how many were named."""
    n = 0
    for r in out:
        if r["metric"] is not None:
            continue
        k = bisect_right(sents, r["start"]) - 1
        named = measure_phrase(text, sents[max(k, 0)], r["start"], r["end"])
        if named:
            r["metric"] = named.group(1)
            _retag(r, "metric", "measure phrase no list holds")
            n += 1
    return n
