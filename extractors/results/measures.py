"""Names the entity rules typed a method that the text writes as a measure
of a value: "achieving WA 80.7% and UA 81.3%", "1.07 and 1.94 average end-point-error (AEPE)",
"improving online AssA by +2.3", "NASA-TLX scores dropping by 42.9%", "by 12.51% in
trajectory-level Acceleration Factor". The results rules read such a mention as a metric; the
verbs that change a quantity are data (extractors/data/words/measure_change_verbs.txt)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.words import words

MEASURE_TYPED_OTHERWISE = True
# the type a measure may have been given by the entity rules (not a model; a task after "in" is
# where a value was measured: "success rates of 86.0% in part identification")
_RETYPED = ("METHOD",)
_VALUE = r"[+\-−~]?\$?\d[\d.,]*(?:\s*(?:\\?%|\$?\\%\$?|points?|pp))?"
# the name written right after a value, perhaps after one describing word ("1.94 average
# end-point-error"), or after "in" where the value is a change ("by 12.51% in trajectory-level
# Acceleration Factor"; not "win rates of 86% in Travel Planning", a setting)
_AFTER_VALUE = re.compile(r"(?<![\w.\-])" + _VALUE + r"\s+(?:[a-z]\w*-[\w\-]+\s+)?$")
_AFTER_CHANGE = re.compile(r"\bby\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+)?" + _VALUE +
                           r"\s+in\s+(?:[a-z]\w*-[\w\-]+\s+)?$")
# what may follow a measure written after its value: a bracketed short form, then a clause end
# or a joining word
_END = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:[),;:.]|$|\s(?:on|in|at|while|and|for|with|"
                  r"across|over|than|compared|gains?|improvements?|reductions?|scores?|"
                  r"respectively)\b)")
# the name followed by its value: "WA 80.7%", "a Brier of 0.114", "IC = 0.07"
_BEFORE_VALUE = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:scores?\s+)?(?:of|=|:)?\s*"
                           r"(?:only\s+|about\s+|up\s+to\s+)?" + _VALUE + r"(?![\w.])")
_ATTAIN_BEFORE = re.compile(r"(?:\b(?:achiev|attain|reach|obtain|yield|record|deliver)\w*|"
                            r"\bwith|\band)\s+(?:(?:an?|the)\s+)?$")
# "NASA-TLX scores dropping by", "WER falls from" (not "NAME improves by": a system)
_MOVES_AFTER = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:scores?\s+(?:drop|fall|fell|ris|rose|"
                          r"improv|increas|decreas|grow|grew|gain)|(?:drop|fall|fell|ris|rose))\w*"
                          r"\s+(?:by|from|to)\s")
_CHANGED_AFTER = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:scores?\s+)?by\s")


@cache
def _changed_before() -> re.Pattern:
    """A verb of change, then up to three words (none of comparison) before the name."""
    verbs = "|".join(re.escape(w) for w in words("measure_change_verbs"))
    return re.compile(r"\b(?:" + verbs + r")\w*\s+(?:(?!(?:over|upon|than|on|in|for|vs|of)\b)"
                      r"[\w\-]+\s+){0,3}$", re.I)


def _is_measure(text: str, a: int, b: int) -> bool:
    """Whether the text writes the mention at a..b as the measure of a value next to it."""
    if (_AFTER_VALUE.search(text, max(0, a - 40), a) or _AFTER_CHANGE.search(
            text, max(0, a - 60), a)) and _END.match(text, b):
        return True
    if _BEFORE_VALUE.match(text, b) and _ATTAIN_BEFORE.search(text, max(0, a - 20), a):
        return True
    if _MOVES_AFTER.match(text, b):
        return True
    return bool(_CHANGED_AFTER.match(text, b) and _changed_before().search(text, max(0, a - 60), a))


def typed_measures(text: str, mentions: list, own: str | None) -> list:
    """METRIC mentions for the mentions typed a method (not the paper's own system) that the
    text writes as a measure."""
    if not MEASURE_TYPED_OTHERWISE:
        return []
    return [(a, b, name, "METRIC", *rest) for a, b, name, typ, *rest in mentions
            if typ in _RETYPED and name != own and
            _is_measure(text, a, b)]
