"""A value stated of a named baseline stays with the baseline: "the baseline MLP achieved more
stable performance (mean MAE = 5.6)", "surpass a 10-epoch SGD baseline (84.41%)", "a strong
SE-ResNeXt101 baseline attains competitive macro AUC (92.64%)". Read where the word
"baseline" would otherwise leave the value unnamed (null)."""

from __future__ import annotations

import re

from paperkg.extractors.result_names import SYSTEM_TYPES

BASELINE_NAMED = True

_BASELINE = re.compile(r"\bbaseline\b")
# between the named baseline and its value: a verb of attaining, or an open bracket, and no word
# that compares or changes (the value would be the other system's gain)
_ATTAINS = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|attain|reach|obtain|scor|yield|record|get)"
                      r"\w*\b[^()]{0,80}$|[^()]{0,60}\([^()]*$")
_CHANGE = re.compile(r"\b(?:than|vs\.?|versus|compared|relative|over|outperform\w*|surpass\w*|"
                     r"beat\w*|exceed\w*|improv\w*|gains?|by|from|to)\b")

_PAIR_AFTER = re.compile(r"[^()]{0,16}?(?:\bvs\b|\bv\.s\.|\bversus\b)")


def named_baseline(text: str, mentions, s0: int, pos: int, stops: frozenset[str]) -> str | None:
    """The system-type name written right before or after the last "baseline" within 90
    characters before pos ("the baseline MLP", "an SGD baseline"), when the value follows it
    after a verb of attaining or in a bracket opened after it, with no other system name and
    no word of comparison or change between."""
    if not BASELINE_NAMED:
        return None
    lo = max(s0, pos - 90)
    last = None
    for m in _BASELINE.finditer(text, lo, pos):
        last = m
    if last is None:
        return None
    for a, b, name, typ, _role in mentions:
        if typ not in SYSTEM_TYPES or name in stops or not lo <= a < pos:
            continue
        before = b <= last.start() and not text[b:last.start()].strip()
        after = a >= last.end() and not text[last.end():a].strip()
        if not (before or after):
            continue
        end = max(b, last.end())
        if _PAIR_AFTER.match(text, pos):
            return None  # "exceeds the X baseline (75.4% vs. 74.2%)": the subject's
        if any(end <= x[0] < pos and x[3] in SYSTEM_TYPES for x in mentions) or \
                _CHANGE.search(text, end, pos) or not _ATTAINS.match(text, end, pos):
            return None
        return name
    return None
