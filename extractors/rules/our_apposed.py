"""Family: a name followed by "our ... <head>" set off as its appositive is the paper's own ("We
validate UniAct on UniMoCap, our 20-hour humanoid motion benchmark, demonstrating ...", "AXE, our
proposed explanation evaluation method, can detect ..."). The head is one the "our <head>, X"
rule reads (words/heads.txt, context `our`) and closes the appositive (a comma, a full stop or a
clause word after it), so "Compared with X, our method achieves ..." (the head opens a clause)
is left alone; so is a name after a contrast or comparison ("Unlike X, our method, ...",
words/our_apposed_not_after.txt). The name must be kept already, not listed, not in a cited
sentence and not written by 3+ mined corpus papers (data/known_names.tsv)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Context, head_alternation, words
from paperkg.extractors.words import alternation


@cache
def _apposed_re() -> re.Pattern:
    """", our [up to five words] <head>" closing its appositive, after a name."""
    return re.compile(
        r"[}$*`'\"]*\s*(?:\([^()]{1,20}\)\s*)?,\s*our\s+(?:[\w\-]+\s+){0,5}?"
        rf"(?:{head_alternation('our')})\b(?!-)"
        r"(?=\s*(?:[,.;:)]|$)|\s+(?:for|that|which|designed|built|trained|tailored|"
        r"developed|curated|constructed|collected|named|called)\b)")


@cache
def _not_after_re() -> re.Pattern:
    """A contrast or comparison word before the name ("Unlike X, our method, ...")."""
    alt = alternation(words("our_apposed_not_after"), r"\s+")
    return re.compile(rf"\b(?i:{alt})\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-.]+\s+){{0,3}}$")


def our_apposed(ctx: Context) -> None:
    """Mark a name with "our ... <head>" as its appositive introduced."""
    text = ctx.text
    for c in ctx.cands:
        if c.intro or c.conf < 0.5 or c.start <= ctx.title_end or c.org or \
                c.type in ("TASK",) or "gazetteer" in c.rule or c.gaz_canon is not None or \
                not c.surface[:1].isupper():
            continue
        if _apposed_re().match(text, c.end, c.end + 110) is None:
            continue
        s0, s1 = ctx.sentence(c.start)
        if _not_after_re().search(text, s0, c.start) or CITED.search(text, s0, s1):
            continue
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        if corpus_counts().get(canonical_key(c.name), 0) >= 3:
            continue  # other papers write it: "on ImageNet, our ... benchmark" is not new
        c.intro = True
        c.conf = max(c.conf, 0.7)


STAGES = [(70.3, our_apposed)]
