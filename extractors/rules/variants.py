"""Family: variants of a known technique. A known METHOD written right after a variant modifier
("online PCA", "annealed importance sampling", "token-level nucleus sampling") is the longer
name (modifiers as data: words/method_variants.txt, and any "X-level")."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context
from paperkg.extractors.words import words

_VARIANT = re.compile(
    r"(?<![\w\-])(?:[a-z]+-level|" + "|".join(re.escape(w) for w in sorted(
        words("method_variants"), key=len, reverse=True)) + r")[ \t]+$",
    re.IGNORECASE,
)


def method_variants(ctx: Context) -> None:
    """Extend a known METHOD to the variant modifier right before it."""
    text = ctx.text
    changed = False
    for c in ctx.cands:
        if c.type != "METHOD" or c.rule != "gazetteer":
            continue
        m = _VARIANT.search(text, max(0, c.start - 25), c.start)
        if m is None:
            continue
        c.start = m.start()
        c.surface = c.name = text[c.start:c.end]
        c.gaz_canon = None  # a longer name than the known one
        c.rule = "gazetteer+variant"
        changed = True
    if changed:
        ctx.set_gazetteer_spans()


STAGES = [(11.5, method_variants)]
