"""Hardware is no benchmark: a data or benchmark mention written right before a hardware noun
("On the AMD U280 FPGA at 16nm, the accelerator achieves 1.29x", "on the Kunpeng and x86
computing clusters"; one lower-case word may stand between, and a name may open a list joined
by "and" that ends so) is not where a value was measured. The nouns are data
(extractors/data/words/hardware_nouns.txt)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.result_names import BENCH_TYPES
from paperkg.extractors.words import words

HARDWARE_NOT_BENCH = True


@cache
def _before_hardware() -> re.Pattern:
    """What follows a hardware name: perhaps "and" another name, a lower-case word, the noun."""
    nouns = "|".join(sorted((re.escape(w) for w in words("hardware_nouns")), key=len,
                            reverse=True))
    return re.compile(r"(?:\s+(?:and|or|&)\s+[\w\-.]+)?(?:\s+[a-z][\w\-]*)?[\s\-]+(?:"
                      + nouns + r")\b")


def drop_hardware(text: str, mentions: list) -> list:
    """The mentions, those of data or benchmarks written as hardware typed "DEVICE"."""
    if not HARDWARE_NOT_BENCH:
        return mentions
    after = _before_hardware()
    out = []
    for x in mentions:
        if x[3] in BENCH_TYPES and after.match(text, x[1]):
            x = (x[0], x[1], x[2], "DEVICE", *x[4:])
        out.append(x)
    return out
