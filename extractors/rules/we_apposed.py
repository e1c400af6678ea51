"""Family: a name the paper sets out in a sentence of "we" (or this paper) and describes with an
appositive ", a / an ..." is the paper's own, whatever the verb: "We formalize Adaptive Strategy
Selection, a decision framework that ...", "We instantiate the framework as GEN-PILOT, an
open-source MCP server", "We resolve this with Q-SRDRN, a multi-quantile super-resolution
network", "we propose \\textbf{GateProbe}, a one-shot ... metric", "we develop ... and construct
AuxSolidMath, a dataset of ...". Not when a word of use, comparison or evaluation stands between
"we" and the name (words/we_apposed_not_verbs.txt: "we train iBOT ... on MillionAID, an
ImageNet-scale ... dataset"), nor when another subject ("it", "which", "that") or a clause after a
semicolon or a missed sentence end takes over before it, nor for a task or a name ending in a
task's head ("We study the Compositional Geometry Routing Problem (CGRP), a unified superclass of
..."), a contest ("our solution to the NTIRE 2026 ... Challenge, a dual-branch system",
words/contest_heads.txt), a piece of a longer name whose short form in brackets opens on another
letter ("BrIdge contextual gap ... trajectory STeering (Bifrost), a training-free method"), a
listed or gazetteer name, one 3+ mined corpus papers write (data/known_names.tsv), nor in a cited
sentence."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Cand, Context
from paperkg.extractors.words import alternation, head_type, words

# past the name's closing emphasis and an optional bracketed short or long form: ", a" / ", an"
_APPOSED = re.compile(r"[}$*`'\"]*(?:\s*\(([^()]{1,80})\))?[}$*`'\"]*\s*,\s*(?:a|an)\s+[\w\-]")
# "we" or "this / our paper (work, study, article)" as the sentence's subject
_WE = re.compile(r"\b[Ww]e\b|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|study|article)\b")
# another subject taking over between "we" and the name, a new clause after a semicolon ("We
# propose X, a ... model; and Y, a strong encoder, is used to compare"), or a sentence end the
# splitter missed ("... engineering applications.In IMP, a multi-component system ...")
_OTHER_SUBJECT = re.compile(r"\b(?:it|they|which|that|who|whose)\b|;|[.!?]\s*[A-Z]")


@cache
def _not_verbs_re() -> re.Pattern:
    """A word of use, comparison or evaluation (words/we_apposed_not_verbs.txt)."""
    alt = alternation(words("we_apposed_not_verbs"), r"\s+")
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])", re.I)


def _unknown(ctx: Context, name: str) -> bool:
    """Whether a name is neither generic, listed, nor written by 3+ mined corpus papers."""
    key = canonical_key(name)
    if ctx.is_generic(name) or ctx.gaz is not None and key in ctx.gaz.canonical:
        return False
    from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

    return corpus_counts().get(key, 0) < 3


def apposable(ctx: Context, c: Cand) -> bool:
    """Whether an abstract candidate may become the paper's own name by an apposition."""
    return not (c.intro or c.conf < 0.5 or c.start <= ctx.title_end or c.org or
                c.type == "TASK" or "gazetteer" in c.rule or c.gaz_canon is not None or
                not (c.surface[:1].isupper() or c.surface[:1] in "\\$"))


def we_apposed(ctx: Context) -> None:
    """Mark a name of a "we" sentence that an appositive ", a / an ..." describes introduced."""
    text = ctx.text
    for c in ctx.cands:
        if not apposable(ctx, c):
            continue
        am = _APPOSED.match(text, c.end)
        if am is None or head_type(c.surface.rsplit(None, 1)[-1], "") == "TASK" or \
                c.surface.rsplit(None, 1)[-1].lower() in words("contest_heads"):
            continue  # "We study the X Routing Problem (XRP), a superclass of ...": a task;
            # "our solution to the NTIRE 2026 ... Challenge, a dual-branch system": a contest
        short = am.group(1)
        if short and " " not in short.strip() and \
                short.strip()[:1].lower() != c.name[:1].lower():
            continue  # "... trajectory STeering (Bifrost), a ...": the name is a piece
        s0, s1 = ctx.sentence(c.start)
        before = text[s0:c.start]
        ends = [m.end() for m in _WE.finditer(before)]
        if not ends:
            continue
        gap = before[ends[-1]:]
        if _not_verbs_re().search(gap) or _OTHER_SUBJECT.search(gap) or \
                CITED.search(text, s0, s1):
            continue
        if not _unknown(ctx, c.name):
            continue
        c.intro = True
        c.conf = max(c.conf, 0.7)

STAGES = [(90.7, we_apposed)]
