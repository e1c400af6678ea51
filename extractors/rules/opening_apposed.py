"""Family: a sentence that opens with the paper's own noun phrase ("Our ...", "Its ...", "The
resulting ...", words/opening_apposed_openers.txt) and restates it with a name set off by commas
names the paper's own thing: "Our shape-optimized vision transformer, SoViT, achieves ...", "Its
core, Kids-WFST, merges ...", "The resulting dataset, AbstainEQA, comprises ...", "Our second
theorem, Key-Driven Quantization, posits ...". The phrase has at most six words, no comma and no
word of an older work (words/opening_apposed_older.txt: "Our previous work, LEGCF, effectively
reduced ..."); the name is closed by a comma (past a bracketed short form); a task, a listed or
gazetteer name, one 3+ mined corpus papers write (data/known_names.tsv) and any name of a cited
sentence are left alone."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Context
from paperkg.extractors.rules.we_apposed import apposable
from paperkg.extractors.words import alternation, words

# the name closed by a comma, past its emphasis and a bracketed short form
_CLOSED = re.compile(r"[}$*`'\"]*\s*(?:\([^()]{1,40}\)\s*)?,")


@cache
def _opening_re() -> re.Pattern:
    """The sentence's opening phrase up to the name: an opener, at most six words, a comma and
    the name's emphasis."""
    alt = alternation(words("opening_apposed_openers"), r"\s+")
    older = alternation(words("opening_apposed_older"))
    return re.compile(rf"\W{{0,3}}(?i:{alt})\s+(?!(?:[\w\-]+\s+){{0,5}}?(?i:{older})\b)"
                      rf"(?:[\w\-]+\s+){{0,5}}?[\w\-]+,\s*"
                      r"(?:\\\w+\{|[$*`'\"])*$")


def opening_apposed(ctx: Context) -> None:
    """Mark a name restating the sentence's opening "Our / Its / The resulting ..." introduced."""
    text = ctx.text
    for c in ctx.cands:
        if not apposable(ctx, c):
            continue
        if "," not in text[max(0, c.start - 20):c.start] or _CLOSED.match(text, c.end) is None:
            continue  # cheap first: a comma right before the name and one closing it
        s0, s1 = ctx.sentence(c.start)
        if c.start - s0 > 90 or _opening_re().fullmatch(text, s0, c.start) is None or \
                CITED.search(text, s0, s1):
            continue
        key = canonical_key(c.name)
        if ctx.is_generic(c.name) or ctx.gaz is not None and key in ctx.gaz.canonical:
            continue
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        if corpus_counts().get(key, 0) >= 3:
            continue
        c.intro = True
        c.conf = max(c.conf, 0.7)


STAGES = [(90.8, opening_apposed)]
