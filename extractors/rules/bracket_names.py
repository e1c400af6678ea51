"""Family: a coined name in brackets that closes the object of the paper's intro verb ("we
propose a novel contrastive pre-training based approach for medical images (FedMedCLIP)", "This
paper presents a deep CNN (SITHCon)", "we also design a probabilistic soft logic solver
(OV-PSL)"). The bracket does not spell the words before it, so neither the acronym rules nor the
intro verb's own rule (whose gap stops at "for", "based", another name) reach it. The object
must be one noun phrase: no clause, list or means word between the verb's article and the
bracket, and the bracket closes it; the name must be coined (a capital inside, a digit or a
hyphen), already kept, no short form of a long form or of a capitalised name right before it
(those follow their long form), not listed, not a task or measure, and not written by 3+ mined
corpus papers (data/known_names.tsv)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Context, words
from paperkg.extractors.words import alternation

_COINED = re.compile(r"(?=[^\s]*[A-Z])(?=[^\s]*(?:[a-z][A-Z]|\d|-|[A-Z]{2}))[\w\-.+]+$")
# what may not stand between the verb's article and the bracket: a clause, a list, a means
# (a place, a purpose or a verb's own object: "a system for automating damage assessment in
# uncrewed aerial systems (sUAS)", "a framework evaluating an image-based model (HuSHeM)" name
# what the object works on, not what it is)
_BREAK = re.compile(r"\b(?:that|which|to|using|by|from|through|via|where|when|while|and|or|is|are|"
                    r"we|our|its|their|on|in|into|within|under|over|between|across|against|than|"
                    r"as|at|for\s+[a-z]+ing|[a-z]+ing\s+(?:a|an|the))\b|[,;:]")
_MAX_WORDS = 14
# the bracket closes the phrase: punctuation or a clause or preposition word after it, not more
# of the noun phrase ("a bilingual (Chinese-English) safety evaluation dataset")
_CLOSES = re.compile(r"\)(?:\s*(?:[,.;:]|$)|\s+(?:that|which|to|for|with|is|are|was|were|and|or|"
                     r"in|on|of|by|as|from|into|where|whose|based|under|using|trained|designed|"
                     r"built)\b)")


@cache
def _verb_re() -> re.Pattern:
    """The paper and its intro verb, up to the object (past its article)."""
    verbs = alternation(words("bracket_name_verbs"), r"\s+")
    return re.compile(r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work|study|article)|[Oo]ur\s+\w+)\s+"
                      rf"(?:\w+\s+)?(?:{verbs})(?:s|d|ed)?\s+(?:(?:a|an|the)\s+)?")


def bracket_names(ctx: Context) -> None:
    """Mark a coined name in brackets closing the object of the paper's intro verb introduced."""
    text = ctx.text
    i = text.find("(", ctx.title_end)
    if i < 0:
        return  # no bracket after the title: no candidate can open one
    opened = set()  # the offsets right after each "(" past the title
    while i >= 0:
        opened.add(i + 1)
        i = text.find("(", i + 1)
    short_forms = None
    for c in ctx.cands:
        if c.start not in opened or c.intro or c.conf < 0.5 or c.start <= ctx.title_end or \
                _CLOSES.match(text, c.end) is None or \
                c.type in ("TASK", "METRIC") or "gazetteer" in c.rule or c.gaz_canon is not None \
                or c.org or _COINED.match(c.surface) is None:
            continue  # (a candidate below the keep bar stays out: the rule adds no name)
        if short_forms is None:
            short_forms = {k.alias for k in ctx.cands if k.alias} | set(ctx.defined)
        if c.surface in short_forms or any(
                k.end in (c.start - 2, c.start - 1) and k.surface[:1].isupper() for k in ctx.cands):
            continue  # the short form of the (Title Case) name before it: the bracket rules pair
            # them ("GuardianAgentBench (GABench)"); marked here, it would stand apart
        s0, s1 = ctx.sentence(c.start)
        found = list(_verb_re().finditer(text, s0, c.start - 1))
        if not found:
            continue
        g0 = found[-1].end()  # the object, from the last intro verb before the bracket
        gap = text[g0:c.start - 1]
        if len(gap.split()) > _MAX_WORDS or _BREAK.search(gap) or CITED.search(text, s0, s1):
            continue
        if any(g0 <= k.start and k.end < c.start and " " in k.surface and k.surface[:1].isupper()
               for k in ctx.cands):
            continue  # "a Refinement Contrastive Learning framework (scRCL)": the short form of
            # a Title Case name in the phrase, which the rules introduce; marked, it stands apart
        if ctx.gaz is not None and canonical_key(c.name) in ctx.gaz.canonical:
            continue
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        if corpus_counts().get(canonical_key(c.name), 0) >= 3:
            continue  # other papers write it: somebody else's building block
        c.intro = True
        c.conf = max(c.conf, 0.7)


STAGES = [(88.3, bracket_names)]
