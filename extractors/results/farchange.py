"""The metric a verb of change names as its object, for a value stated after "by", "from" or
"to" further on than the metric rules look (100 characters): "improves the throughput over
three leading inference systems DeepSpeed Zero-Inference, Hugging Face Accelerate, and
FlexGen by up to 29x", "improved the coverage rate of the AlphaGeometry language on
International Math Olympiads (IMO) 2000-2024 geometry problems from 66% to 88%". Only where
no other metric is named between the two and no clause breaks in between."""

from __future__ import annotations

import re

FAR_CHANGE = True
_VERB_BEFORE = re.compile(
    r"\b(?:improv|increas|reduc|decreas|boost|rais|lower|cut|enhanc|lift|shorten|halv|"
    r"minimi[sz]|maximi[sz]|accelerat)\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"(?:(?!(?:by|and|or|from|to|over|than)\b)[\w\-']+\s+){0,2}$", re.I)
_VALUE_BEFORE = re.compile(
    r"\b(?:by|from|(?<!\bup\s)to)\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|"
    r"around\s+|roughly\s+|more\s+than\s+|almost\s+|at\s+least\s+|below\s+|under\s+|above\s+|"
    r"an\s+average\s+of\s+|a\s+total\s+of\s+|~\s*|\$\\sim\$\s*)?\$?$", re.I)
# a clause break, or a verb of its own between the metric and the value ("reduces FLOPs by
# 94.0%, improves inference speed by 3.1 times": the second value is not FLOPs')
# the metric is the verb's object and ends its noun phrase ("improves the accuracy of 3D
# reconstruction ...", "the throughput over three ... systems"), not a modifier ("boosts GCN
# performance by")
_OBJECT_END = re.compile(r"\s*(?:\(|(?:of|on|in|for|over|across|at|with|under|compared|"
                         r"relative|from|against|than)\b)")
_BREAK = re.compile(r";|\.\s|\(\d\)|\b(?:while|whereas|but)\b|\b(?:improv|increas|reduc|decreas|"
                    r"boost|rais|lower|cut|enhanc|lift|shorten|halv|achiev|reach|attain|obtain|yield|"
                    r"deliver|extend|outperform|surpass|exceed|amplif)\w*", re.I)


def far_changed(text: str, metrics: list, lo: int, pos: int) -> str | None:
    """The metric (a METRIC mention of metrics, not an acronym typed otherwise) named as the
    object of a verb of change before the value at pos (after "by", "from" or "to"), with no
    other metric, clause break or verb between, else None."""
    if not FAR_CHANGE or not _VALUE_BEFORE.search(text, max(lo, pos - 40), pos):
        return None
    before = [x for x in metrics if x[3] == "METRIC" and lo <= x[0] and x[1] <= pos and
              x[1] >= pos - 240]
    if not before:
        return None
    a, b, name = max(before, key=lambda x: (x[1], x[1] - x[0]))[:3]
    if any(x[0] > b for x in before) or _BREAK.search(text, b, pos):
        return None
    if not _VERB_BEFORE.search(text, max(lo, a - 60), a) or not _OBJECT_END.match(text, b):
        return None
    return name
