"""Family: the paper's own name written right before a word that says what kind of thing it is
("the Prototypical Contrastive Clustering (PCC) loss is proposed", "we propose a Time-Aware VSD
loss that ...") also takes that longer form as an alias: the paper names the thing with its
head, and so do the annotators. Only names the rules call the paper's own (introduced, or a
title phrase the title rules took for its own), with a capital (a Title Case or coined name,
not a plain phrase), typed a method or model or not yet typed, not a norm ("diffusion L2
loss"); heads as data (words/own_name_tail_heads.txt: "loss" only, as counted). The name
itself is unchanged."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Context, word_set

# the word right after the name, past a bracketed short form ("... Clustering (PCC) loss")
_TAIL = re.compile(r"(?:\s*\([^()\n]{1,15}\))?[ \t]+([a-z]+)\b")
# a letter and its order ("L2", "L1"): a norm the loss is measured with ("diffusion L2 loss"),
# not a part of the paper's own
_NORM = re.compile(r"[A-Za-z]\d{1,2}")


def own_head_alias(ctx: Context) -> None:
    """Give the paper's own names written before a listed head the form with the head."""
    heads = word_set("own_name_tail_heads")
    text = ctx.text
    if not any(h in text for h in heads):
        return
    own = set(ctx.title_intro_keys)
    for c in ctx.cands:
        if c.intro:
            own.add(canonical_key(c.name))
            if c.alias:
                own.add(canonical_key(c.alias))
    if not own:
        return
    for c in ctx.cands:
        if c.type not in ("METHOD", "MODEL", "") or c.org or c.surface == c.surface.lower() or \
                _NORM.fullmatch(c.surface):
            continue
        m = _TAIL.match(text, c.end)
        if m is None or m.group(1) not in heads or canonical_key(c.name) not in own:
            continue
        form = f"{c.surface} {m.group(1)}"
        if form not in c.extra:
            c.extra.append(form)


# after every stage that finds a name or marks it the paper's own (the last, title_known, at
# 99.6), before the metric filter (100)
STAGES = [(99.7, own_head_alias)]
