"""The learned judges' shared arithmetic (task_scored, task_judge, metric_judge): a count as a
feature bucket, and a logistic model's probability for a list of features."""

from __future__ import annotations

import math


def bucket(n: int, top: int) -> str:
    """n as a string, top and above as "top+"."""
    return f"{top}+" if n >= top else str(n)


def probability(model: dict, feats: list[str]) -> float:
    """A model {"bias": b, "weights": {feature: w}}'s probability for these features."""
    w = model["weights"]
    z = model["bias"] + sum(w.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
