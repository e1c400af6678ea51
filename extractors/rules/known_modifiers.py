"""Family: a known technique named as the modifier of the paper's own system is not the paper's
new name ("we propose a computerized adaptive testing (CAT) framework", "a conditional mutual
information (CMI) estimator", "a nonlinear model predictive control (MPC)-based motion planner",
"a reconfigurable intelligent surface (RIS)-aided ... network"). The intro rules take the name
after the intro verb for the paper's own; when the abstract first writes it (after the title)
right before a head noun of a system or part (`system_heads.txt`, `part_heads.txt`,
`known_modifier_heads.txt`), optionally with its short form in brackets, or before a
descriptive suffix ("-based", "-aided": `known_modifier_suffixes.txt`), and 3+ mined corpus
papers write it (data/known_names.tsv), it is the technique the new system is built on.
Merging keeps the name, its type and its confidence and only leaves its role `used`. Not the
title's "Name:" opening."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Context
from paperkg.extractors.words import alternation, word_union

# mined corpus papers (no gold or pool paper) that must write a name for it to count as known
MIN_PAPERS = 3
SCRATCH = "known_modifiers"


@cache
def _after() -> re.Pattern:
    """What follows a name that modifies a head: an optional bracketed short form, then a
    descriptive suffix or up to two words and a system or part head."""
    heads = alternation(word_union("system_heads", "part_heads", "known_modifier_heads"))
    suffixes = alternation(word_union("known_modifier_suffixes"))
    return re.compile(
        r"\s*(?:\([^()\n]{1,20}\))?\s*(?:-\s*(?:" + suffixes + r")\b|"
        r"(?:[\w\-]+\s+){0,2}(?:" + heads + r")s?\b)", re.IGNORECASE)


def known_modifiers(ctx: Context) -> None:
    """Note the introduced names 3+ mined papers write whose first abstract mention modifies
    a head noun of the paper's system; merging leaves them `used`."""
    title_end = ctx.title_end
    intro_keys = {canonical_key(c.name) for c in ctx.cands if c.intro}
    intro_keys |= ctx.title_intro_keys
    if not intro_keys:
        return
    colon = ctx.text.find(":", 0, title_end)
    lead = {canonical_key(c.name) for c in ctx.cands
            if colon > 0 and c.end <= colon and not ctx.text[:c.start].strip()}
    first: dict[str, tuple[int, int]] = {}
    for c in ctx.cands:
        if c.start < title_end:
            continue
        key = canonical_key(c.name)
        if key in intro_keys and (key not in first or c.start < first[key][0]):
            first[key] = (c.start, c.end)
    known: set[str] = set()
    for key, (_, end) in first.items():
        if key in lead or not key:
            continue
        if not _after().match(ctx.text, end):
            continue
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        if corpus_counts().get(key, 0) >= MIN_PAPERS:
            known.add(key)
    if known:
        ctx.scratch[SCRATCH] = known


def known_modifier(ctx: Context, forms: list[str]) -> bool:
    """Whether merging should leave a group with these forms `used` (known_modifiers found it)."""
    known = ctx.scratch.get(SCRATCH)
    return bool(known) and any(canonical_key(f) in known for f in forms)


STAGES = [(99.65, known_modifiers)]
