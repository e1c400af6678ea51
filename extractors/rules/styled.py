"""Family: a coined name written only as the model of something else's style ("a DLRM-style
ranker", "GDPO-style reward normalization", "KIVI-style quantization"): the name before
"-style" is a name of its own (other joined modifiers, "X-based", "X-driven", stay modifiers:
the gold marks their X in under half the abstracts, docs/extraction.md, twenty-eighth pass)."""

from __future__ import annotations

import re

from paperkg.core.text import fold
from paperkg.extractors.rules.base import Cand, Context, word_kind

_STYLED = re.compile(r"(?<![\w\-$\\{])([A-Z][\w.+]*)-style\b")


def styled_names(ctx: Context) -> None:
    """A candidate for each coined name written before "-style"."""
    text = ctx.text
    if "-style" not in text:
        return
    for m in _STYLED.finditer(text):
        name = m.group(1).rstrip(".")
        a = m.start(1)
        b = a + len(name)
        if len(name) < 3 or ctx.in_url(a) or ctx.covered(a, b):
            continue  # "R1-style", "L0-style", "MH-style": a short code, rarely a name
        if word_kind(name, ctx.generic) != "coined" or fold(name) in ctx.generic or \
                name in ctx.not_names or fold(name) in ctx.orgs:
            continue
        ctx.cands.append(Cand(a, b, name, name, "", 0.6, "styled_name"))


STAGES = [(40.5, styled_names)]
