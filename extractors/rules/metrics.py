"""Family: metrics: name@k (pass@1, Hits@20); "pass@1 accuracy" is one metric; a unit after a
number ("1.19 bits/char") is not a metric; common words that are also metrics (recall,
precision, cross-entropy, latency, throughput) count only near a number or an evaluative word."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, word_set

_METRIC_AT = re.compile(r"(?<![\w@])([A-Za-z][\w\-]*@\d+|[Pp]ass@[kK\d]+)(?![\w@])")
_NUMBER_OR_WORD = re.compile(
    r"\d|%|\b(?:higher|lower|better|worse|improv\w*|outperform\w*|achiev\w*|gains?|reduc\w*|"
    r"increas\w*|decreas\w*|drops?|degrad\w*|scores?|measured|metrics?|in\s+terms\s+of|"
    r"state-of-the-art|trade-?offs?|comparable|faster|slower|report\w*|F1|AUC|BLEU|precision|"
    r"recall|accuracy)\b"
)
_NOT_AFTER = re.compile(r"[\s\-]+(?:loss|losses|objective|gap|term|minimi[sz]ation)\b")
_NOT_BEFORE = re.compile(
    r"\b(?:to|cannot|can|could|not|information|associative|memory|temporal)\s+$"
)


def metric_context(text: str, c: Cand) -> bool:
    """Whether an ambiguous metric word is used as an evaluation measure here."""
    if _NOT_AFTER.match(text, c.end, c.end + 20):
        return False
    if c.name.lower() == "recall" and _NOT_BEFORE.search(text, max(0, c.start - 25), c.start):
        return False
    lo = text.rfind("\n", max(0, c.start - 80), c.start) + 1 or max(0, c.start - 80)
    lo = max(lo, c.start - 80)
    hi = text.find("\n", c.end, c.end + 80)
    hi = c.end + 80 if hi < 0 else hi
    return _NUMBER_OR_WORD.search(text, lo, c.start) is not None or \
        _NUMBER_OR_WORD.search(text, c.end, hi) is not None


def metrics_at_k(ctx: Context) -> None:
    """METRIC candidates written as name@k."""
    if "@" not in ctx.text:
        return
    for m in _METRIC_AT.finditer(ctx.text):
        if ctx.in_url(m.start()):
            continue
        c = Cand(m.start(1), m.end(1), m.group(1), m.group(1), "METRIC", 0.9, "metric_at_k")
        c.strong_type = True
        ctx.cands.append(c)


def metric_filter(ctx: Context) -> None:
    """Drop known metric words that are not used as metrics here."""
    text, cands = ctx.text, ctx.cands
    ambiguous = word_set("ambiguous_metrics")
    drop = set()
    for i, c in enumerate(cands):
        if c.rule != "gazetteer" or c.type != "METRIC":
            continue
        if i > 0 and cands[i - 1].rule == "metric_at_k" and \
                text[cands[i - 1].end:c.start] in (" ", "-"):
            drop.add(i)
        elif "/" in c.surface and re.search(r"\d\s*$", text[max(0, c.start - 8):c.start]):
            drop.add(i)
        elif fold(c.gaz_canon or c.name) in ambiguous and not metric_context(text, c):
            drop.add(i)
    if drop:
        ctx.cands = [c for i, c in enumerate(cands) if i not in drop]


STAGES = [(58, metrics_at_k), (100, metric_filter)]
