"""Family: a proper name written mid-sentence right before a technique word is one METHOD with
it, even when no other rule made a candidate of the name ("minimise a Huber loss", "a
first-order Taylor expansion", "the Halpern iteration", "a Tucker decomposition of the weights").
The name must be one the corpus does not write in lower case (words/lower_words.txt: not
"Existing", "Attention", "Distance"), no describing adjective ("Gaussian filter":
words/eponym_technique_not_names.txt), the paper must not write it in lower case either, and
never without a head after it ("the Streamo bridges ... Streamo"): a name written alone is a
system, the head a part of it. A name the gazetteer holds whole is left to it. Heads as data:
words/eponym_technique_heads.txt."""

from __future__ import annotations

import re

from paperkg.core.text import fold
from paperkg.extractors.rules.base import Cand, Context, word_set
from paperkg.extractors.words import alternation, words

_RULES = ("capitalised_word", "title_case_phrase")


# a capitalised name (hyphen-joined names too, an optional possessive) and a head; the
# character before the name is tested behind its first letter, so that re skips to the capitals
# instead of trying the lookbehind at every offset (the same matches: at the text's start the
# two-character lookbehind cannot fit, so it holds, as the one-character one did)
_PAT = re.compile(
    r"([A-Z](?<![\w\-.$\\/].)[a-z\u00df-\u00ff]+(?:-[A-Z][a-z\u00df-\u00ff]+)*)((?:'s)?)"
    r"[ \t]+(" + alternation(words("eponym_technique_heads")) + r")\b(?![\w\-])")
# a lower-case particle of a person's name right before it ("de Rham", "van Loan")
_PARTICLE = re.compile(r"(?<![\w\-])(?:de|van|von|der|di|da|du|le|la)[ \t]+$")
# a head of this family or of the eponym family right after a name (past a possessive)
_HEADED = re.compile(r"(?:'s)?[ \t]+(?:" + alternation(
    words("eponym_technique_heads") + words("eponym_heads")) + r")\b")


def eponym_techniques(ctx: Context) -> None:
    """A candidate per "Name head" in the abstract whose name is no ordinary word."""
    text = ctx.text
    lower = word_set("lower_words")
    not_names = word_set("eponym_technique_not_names")
    languages = word_set("language_words")
    for m in _PAT.finditer(text, ctx.title_end):
        a, b = m.start(), m.end()
        if a in ctx.sent_starts or re.search(r"(?:^|[.!?:;\n])\s*$", text[max(0, a - 3):a]):
            continue  # a sentence's first word is capitalised whatever it is
        name = m.group(1)
        parts = name.split("-")
        if any(fold(p) in lower or fold(p) in not_names for p in parts) or name in languages:
            continue  # "Existing loss", "Attention mechanism", "Gaussian filter", "English test"
        if any(re.search(rf"(?<![\w\-]){re.escape(p.lower())}(?![\w\-])", text) for p in parts):
            continue  # written in lower case too: an ordinary word of this paper
        alone = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
        if any(not _HEADED.match(text, x.end()) for x in alone.finditer(text, ctx.title_end)):
            continue  # written alone too: the name of a system ("Streamo"), the head its part
        if any(c.start <= a and b <= c.end and c.rule not in _RULES for c in ctx.cands):
            continue  # already inside a name another rule found (the gazetteer's "Kalman filter")
        if any(c.start < b and a < c.end and c.rule not in _RULES for c in ctx.cands):
            continue  # overlapping a longer name: left to it
        ctx.cands[:] = [c for c in ctx.cands if not (a <= c.start and c.end <= b and
                                                     c.rule in _RULES)]
        p = _PARTICLE.search(text, max(0, a - 5), a)
        if p is not None:
            a = p.start()  # "the de Rham decomposition"
        c = Cand(a, b, text[a:b], text[a:b], "METHOD", 0.6, "capitalised_word")
        c.strong_type = True
        ctx.cands.append(c)
        ctx.scratch.setdefault("eponym_techniques", set()).add((a, b))


def eponym_techniques_used(ctx: Context) -> None:
    """A technique named after a person is one the paper uses, whatever verb governs it ("our
    method introduces Lipschitz regularization, loss weighting and ..."): no name this family
    made is the paper's own."""
    spans = ctx.scratch.get("eponym_techniques")
    if not spans:
        return
    for c in ctx.cands:
        if c.intro and (c.start, c.end) in spans:
            c.intro = False


# after the eponym family (41, 41.1), which extends a capitalised candidate over its own heads;
# the roles after every role stage (the last, title_known, at 99.6)
STAGES = [(41.2, eponym_techniques), (99.65, eponym_techniques_used)]
