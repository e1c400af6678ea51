"""Family: a unit or interval symbol right after a number is no name. "draws 0.5 mJ per frame",
"a gap of 4.2 points (95% CI 3.1-5.3)", "a band gap of 1.2 eV": a coined-name candidate whose
surface is such a symbol (words/value_symbols.txt) and that stands right after a number or a
percentage is the number's unit or interval, not a measure or a method; it goes. The same
letters elsewhere ("CI pipelines") are left to the other rules."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, word_set

# a number or a percentage right before the symbol: "0.5 mJ", "95% CI", "95\% CI", "(95 % CI"
_NUMBER_BEFORE = re.compile(r"\d(?:\s*\\?%)?\s*$")


def value_symbols(ctx: Context) -> None:
    """Drop coined-name candidates that are a unit or interval symbol after a number."""
    symbols = word_set("value_symbols")
    text = ctx.text
    keep = [c for c in ctx.cands if not (
        c.rule == "coined_name" and text[c.start:c.end] in symbols
        and _NUMBER_BEFORE.search(text, max(0, c.start - 8), c.start))]
    if len(keep) != len(ctx.cands):
        ctx.cands = keep


STAGES = [(68.75, value_symbols)]
