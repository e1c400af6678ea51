"""Family: parts of the paper's own method. A coined Title Case name that ends in a component
head ("an Adaptive Feature Fusion Module (AFFM) then fuses ...") or is followed by one ("the
Dynamic Kernel (DK) mechanism"), not a known name and not cited, is introduced here."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, family_phrase
from paperkg.extractors.words import word_set

# a citation in the sentence means the part is somebody else's
_CITED = re.compile(r"et al\b|\[\d|\(\s*(?:19|20)\d\d\s*\)|\b(?:19|20)\d\d\)")
_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?([a-z]+)\b")
# "X (LSKA) mechanism is introduced into the backbone": an existing block plugged in
_PLUGGED_IN = re.compile(r"^[^.;]{0,40}?\b(?:is|are)\s+(?:introduced|incorporated|integrated|"
                         r"inserted|added|plugged)\s+in(?:to)?\b")
_OUTSIDE = re.compile(r"\b(?:existing|previous|prior|standard|conventional|original|vanilla|"
                      r"traditional|popular|recently|widely)\s+(?:[\w\-]+\s+){0,2}$",
                      re.IGNORECASE)


def part_names(ctx: Context) -> None:
    """Mark coined component names (X Module, X (XM) mechanism) as introduced."""
    heads = word_set("part_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.intro or c.start <= ctx.title_end or c.type not in ("METHOD", "") or \
                "gazetteer" in c.rule or c.gaz_canon is not None or c.org:
            continue
        ws = c.name.split()
        if not c.name[:1].isupper() or ctx.is_generic(c.name) or family_phrase(c.name):
            continue
        m = _AFTER.match(text, c.end)
        last_is_head = len(ws) >= 2 and ws[-1].lower() in heads and ws[-1][:1].isupper()
        head_after = m is not None and m.group(1) in heads and (
            len(ws) >= 2 or c.name.isupper())  # "a Keras layer": a known tool, not a part
        if not (last_is_head or head_after):
            continue
        s0, s1 = ctx.sentence(c.start)
        if _CITED.search(text, s0, s1) or _PLUGGED_IN.match(text[c.end:s1]) or \
                _OUTSIDE.search(text, max(s0, c.start - 40), c.start):
            continue
        c.intro = True
        c.conf = max(c.conf, 0.7)


STAGES = [(72, part_names)]
