"""Family: a coined name written only right before a hardware noun names a device, no entity
("on a real Unitree G1 humanoid", "a TurtleBot3 mobile robot", "a ZED 2i depth camera", "with
GB10 GPU", "336,000+ H800 hours"): a candidate that only its coined shape found, not the paper's
own nor spelled out, every mention of which stands before a device noun (words as data:
words/device_nouns.txt; one lower-case word may stand between), is dropped. "Llama 3 8B on
TPU7x" stays (a preposition between)."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, drop_whole_names
from paperkg.extractors.words import word_set, word_union

# the two words after a mention (the second may be missing)
_NEXT = re.compile(r"[ \-]([A-Za-z]+)\b(?: ([A-Za-z]+)\b)?")


def _before_device(text: str, end: int, nouns: frozenset[str], stop: frozenset[str]) -> bool:
    """Whether a device noun follows offset end (one lower-case modifier may come first)."""
    m = _NEXT.match(text, end)
    if m is None:
        return False
    first, second = m.groups()
    return first in nouns or (second in nouns and first.islower() and first not in stop)


def devices(ctx: Context) -> None:
    """Drop coined candidates written only as the name of a piece of hardware (the words after
    each mention are read with one anchored match; the text is not scanned)."""
    coined = {c.name for c in ctx.cands if c.rule == "coined_name"}
    if not coined:
        return  # a name none of whose candidates is coined is kept whatever follows it
    nouns = word_set("device_nouns")
    stop = word_union("connectives", "task_stop")
    drop_whole_names(ctx, "coined_name", lambda c: c.name not in ctx.defined and _before_device(
        ctx.text, c.end, nouns, stop), names=coined)


STAGES = [(98.65, devices)]
