"""What the learned judges share (task_scored, task_judge, metric_judge): a count as a feature
bucket, the word next to an offset, and a logistic model's probability for a list of features."""

from __future__ import annotations

import math
import re
from itertools import repeat

# pos and endpos bound the search as the slice text[i:i + 40] did (no pattern looks past them)
_AFTER = re.compile(r"\s*(\w[\w\-]*|\S)?")
# the word before an offset, read backwards: matched on the reversed text before it (its spaces
# stripped), the run of word characters and hyphens back to its first word character; the same
# word as searching r"(\w[\w\-]*|\S)?\s*$" in the 40 characters before, without trying that at
# each of their offsets (re's \s and \w are str.isspace and str.isalnum or "_")
_BACK_WORD = re.compile(r"[\w\-]*\w")


def bucket(n: int, top: int) -> str:
    """n as a string, top and above as "top+"."""
    return f"{top}+" if n >= top else str(n)


def neighbour(text: str, i: int, forward: bool) -> str:
    """The word or mark right before (or after) offset i, lower-cased; "^"/"$" at the ends."""
    if forward:
        m = _AFTER.match(text, i, i + 40)
        return (m.group(1) or "$").lower() if m else "$"
    before = text[max(0, i - 40):i].rstrip()
    if not before:
        return "^"
    m = _BACK_WORD.match(before[::-1])
    return (before[len(before) - m.end():] if m else before[-1]).lower()


def probability(model: dict, feats: list[str]) -> float:
    """A model {"bias": b, "weights": {feature: w}}'s probability for these features."""
    w = model["weights"]
    z = model["bias"] + sum(map(w.get, feats, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
