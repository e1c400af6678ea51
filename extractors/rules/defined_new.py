"""Family: a thing the paper's intro sentence sets after "a" / "an" and defines with its short
form is the paper's own ("a policy-conditioned counterfactual contribution (PCCC) estimator",
"we propose TexADiff, a novel framework that begins by estimating a Relative Texture Density Map
(RTDM) to ...", "we proposed a ... framework, which empowers ... with an auxiliary General
Knowledge Model (GKM)"). The sentence's subject is "we" or this paper with an intro verb
(words/defined_new_verbs.txt) before the name; the name follows "a" or "an" and at most three
lower-case modifiers, and its short form (a coined acronym in brackets) follows it. A name whose
long or short form 3+ mined corpus papers write (data/known_names.tsv: "a Mixture-of-Experts
(MoE) model", "a graph convolution neural network (GCN)") is a building block, not new; so is a
name after a verb of use or of optimising, "from" or "based on" ("using a ...", "from a ...",
words/defined_new_not_after.txt) or after what the object is made with or set between
("trained with a ...", "alternating between a ... and a ..."), one whose short form opens on
another letter (a word of it lost), one whose short form a naming word follows ("a General Game
Playing (GGP) system called X"), one in the appositive of a name already introduced ("X, a new
multi-class change detection (MCD) dataset"), a task (or a name a task rule took), a listed or
gazetteer name, and any name of a cited sentence."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Context
from paperkg.extractors.words import alternation, words

# the short form in brackets right after the name: a coined acronym ("(RTDM)", "(iMCoT)")
_SHORT_AFTER = re.compile(r"\s*\(([A-Za-z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*s?)\)")


@cache
def _article_before_re() -> re.Pattern:
    """"a " or "an " and up to three lower-case modifiers right before a name ("an auxiliary ",
    "a trajectory-conditioned "), none of them a word of words/defined_new_not_modifiers.txt."""
    alt = alternation(words("defined_new_not_modifiers"))
    return re.compile(rf"(?<![\w\-])(?:a|an)\s+(?:(?!(?:{alt})\s)[a-z][\w\-]*\s+){{0,3}}$")


@cache
def _use_before_re() -> re.Pattern:
    """A verb of use or of optimising, "from" or "based on", ending the text before the article
    (words/defined_new_not_after.txt)."""
    alt = alternation(words("defined_new_not_after"), r"\s+")
    return re.compile(rf"\b(?:{alt})\s+$")


# what the object is made with, or set between: "a plonk method that is trained with a quorb
# encoder (QuorbEnc)", "drift approximated with a Plonk Quorb Mixture (PQM)", "an agent
# alternating between a Forward Plonk Model (FPM) and a Backward Quorb Model (BQM)" (the guards
# of the thirty-first and thirty-eighth passes), "combining a shallow feature map with a trainable
# quantum kernel alignment (QKA) layer"
_MADE_WITH = re.compile(r"\b[a-z]+ed\s+with\s+$|\bbetween\b[^,;:.]{0,100}$|"
                        r"\bcombin(?:e|es|ed|ing)\b[^,;:.]{0,80}\bwith\s+$")
# a naming word after the short form: "a new General Game Playing (GGP) system called RG" names
# the system, not the field its acronym stands for
_NAMED_AFTER = re.compile(r"\s*(?:[\w\-]+\s+){0,3}?(?:called|named|dubbed|termed)\b")


@cache
def _we_intro_re() -> re.Pattern:
    """We or this paper, then an intro verb (words/defined_new_verbs.txt); "we build on a X"
    names what the paper starts from."""
    alt = alternation(words("defined_new_verbs"), r"\s+")
    return re.compile(rf"(?:\b[Ww]e|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|study|article))\s+"
                      rf"(?:\w+\s+){{0,2}}?(?:{alt})\b(?!\s+(?:on|upon)\b)")  # not "build on"


def _apposed_to(text: str, at: int, ends: set[int]) -> bool:
    """Whether the article at `at` opens the appositive of a name already introduced ("we
    construct Gaza-Change-v2, a new multi-class change detection (MCD) dataset": what the
    phrase names describes that name, here its task)."""
    m = _COMMA_BEFORE.search(text, max(0, at - 8), at)
    return m is not None and m.start() in ends


# the comma (after a name's closing mark) right before an article
_COMMA_BEFORE = re.compile(r"[}*`'\"]*\s*,\s*$")


def defined_new(ctx: Context) -> None:
    """Mark a name after "a / an" with its short form in a sentence of our intro verb introduced."""
    text = ctx.text
    tasks = [(t.start, t.end, canonical_key(t.name)) for t in ctx.cands if t.type == "TASK"]
    intro_ends = {o.end for o in ctx.cands if o.intro}
    for c in ctx.cands:
        if c.intro or c.conf < 0.5 or c.start <= ctx.title_end or c.org or c.type == "TASK" or \
                "gazetteer" in c.rule or c.gaz_canon is not None:
            continue
        sm = _SHORT_AFTER.match(text, c.end)
        if sm is None or sm.group(1)[0].lower() != c.surface[0].lower():
            continue  # "a novel asymmetric Kronecker CS (AKCS) model": the name lost a word
        s0, s1 = ctx.sentence(c.start)
        am = _article_before_re().search(text, max(s0, c.start - 60), c.start)
        if am is None or _use_before_re().search(text, max(s0, am.start() - 20), am.start()) or \
                _MADE_WITH.search(text, max(s0, am.start() - 100), am.start()) or \
                _apposed_to(text, am.start(), intro_ends) or \
                _NAMED_AFTER.match(text, sm.end()) or \
                _we_intro_re().search(text, s0, c.start) is None or CITED.search(text, s0, s1):
            continue
        key = canonical_key(c.name)
        if ctx.is_generic(c.name) or ctx.gaz is not None and key in ctx.gaz.canonical or any(
                a < c.end and c.start < b or k == key for a, b, k in tasks):
            continue  # a generic or listed name, or one a task rule holds at this stage
        from paperkg.extractors.learned import corpus_counts  # lazily: learned imports the rules

        counts = corpus_counts()
        if counts.get(key, 0) >= 3 or \
                counts.get(canonical_key(sm.group(1)), 0) >= 3:
            continue  # its long form or its short form: "a graph convolution neural network
            # (GCN)" is the usual one, written a little otherwise
        c.intro = True
        c.conf = max(c.conf, 0.7)


# after subject_parts (90.5): a name found here does not make the names that open later sentences
# ("Thermal infrared (TIR) measurements ... are used to ...") parts of the paper's system
STAGES = [(90.6, defined_new)]
