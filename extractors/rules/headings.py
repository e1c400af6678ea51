"""Family: capitalised words that are no names: the heading of an enumerated point ("(2) High
Quality: the videos ...", "1) Extremism: even in ...") and the spelled-out form of a generic
acronym ("Magnetic Resonance Imaging (MRI)", "Application Programming Interfaces (APIs)")."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Context

# "(2) ", "2) ", "(ii) ", "(b) " right before the candidate, ":" right after it
_ENUM_BEFORE = re.compile(r"(?:^|[\s;,.:])\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s*$")
_COLON_AFTER = re.compile(r"\s*:")
_KEEP_RULES = ("gazetteer", "acronym_definition")


def non_names(ctx: Context) -> None:
    """Drop list headings and long forms of generic acronyms found by the name rules."""
    text = ctx.text
    generic_long = ctx.scratch.get("generic_long_forms", set())
    kept = []
    dropped = False
    for c in ctx.cands:
        if c.start > ctx.title_end and (
                generic_long and fold(c.name) in generic_long
                or ":" in text[c.end:c.end + 3] and _COLON_AFTER.match(text, c.end)
                and _ENUM_BEFORE.search(text, max(0, c.start - 8), c.start)
        ) and not any(r in c.rule for r in _KEEP_RULES):
            dropped = True
            continue
        kept.append(c)
    if dropped:
        ctx.cands = kept


STAGES = [(61, non_names)]
