"""A metric's name as the sentence writes it, over a variant's suffix or an averaging prefix the
listed name stops short of: "4.52 F1-all", "an F1-max of 87.0 percent", "an AP(50) of 76.6%",
"35.6 mAP^N_50", "a BLEU-1 of 0.007", "a macro F1-score of 0.90".

The metric rules name a listed metric ("F1", "AP", "mAP", "BLEU", "F1-score"); where the
sentence writes it, nearest the value, with one of these right after or before it, the
value's metric is the longer form (the annotators write it so in all nine such values of the
tuning sets). Not a hyphenated word ("CTR-GCN" is a model, "AP-weighting" a method).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from paperkg.extractors.results.trace import _retag

METRIC_FORM = True
# a variant's suffix right after the name: "-all", "-max", "-1", "(50)", "^N_50", "_{50}"
_SUFFIX = re.compile(r"(?:-(?:\d+|all|max|min|avg|mean)(?![\w\-])|\(\d{1,3}\)|"
                     r"\^\{?\w+\}?(?:_\{?\w+\}?)?|_\{?\w+\}?)")
# an averaging word right before it: "macro F1-score", "micro-F1" stays as the rules read it
_PREFIX = re.compile(r"(?<![\w\-])(?:macro|micro|weighted)[\s\-]$", re.I)


def _found_at(seg: str, name: str) -> list[int]:
    """The offsets of name's non-overlapping occurrences in seg, left to right: what
    re.finditer(re.escape(name), seg) finds, without a pattern compiled for each name."""
    at = []
    i = seg.find(name)
    while i >= 0:
        at.append(i)
        i = seg.find(name, i + len(name))
    return at


def widen_metrics(text: str, sents: list[int], out: list[dict]) -> int:
    """Give each result the longer form of its metric that its sentence writes nearest the
    value (a suffix after the name, an averaging word before it); how many were widened."""
    if not METRIC_FORM:
        return 0
    n = 0
    for r in out:
        name = r["metric"]
        if not name or len(name) > 20:
            continue
        k = bisect_right(sents, r["start"]) - 1
        s0 = sents[max(k, 0)]
        s1 = sents[k + 1] if k + 1 < len(sents) else len(text)
        at = _found_at(text[s0:s1], name)
        if not at:
            continue
        a = s0 + min(at, key=lambda x: abs(s0 + x - r["start"]))
        b = a + len(name)
        if b < len(text) and (text[b].isalnum() or a > 0 and text[a - 1].isalnum()):
            continue  # inside a longer word
        suffix = _SUFFIX.match(text, b)
        prefix = _PREFIX.search(text, max(0, a - 10), a)
        if suffix and name[-1].isdigit() and suffix.group(0)[1:].isdigit():
            suffix = None  # "mAP50-95": an IoU range (metrics.IOU_RANGE reads it)
        if suffix is None and prefix is None:
            continue
        r["metric"] = text[prefix.start() if prefix else a:suffix.end() if suffix else b]
        _retag(r, "metric", "the metric's longer form the sentence writes")
        n += 1
    return n
