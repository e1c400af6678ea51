"""Family: a lower-case name of one to three words right after "we / this paper propose |
introduce | present | ..." and set off by ", a ...", ", an ...", ", which ..." or ", that ..."
is the paper's own ("we introduce dynamic homophily, a measure of ...", "we present gisting,
which trains ...", "we propose self-debugging, which teaches ..."). No other rule finds such a
name: it has no capital, and no head noun says what it is. The apposition or relative clause
after it is the paper's definition of the name (a measure when it says so: "litmus tests, a new
kind of quantitative measure" is typed METRIC). Not a description: no article, count, pronoun,
vague or study word in it ("we present ablation studies, which", "we propose two variants, a
...": words/lower_own_not_words.txt); verbs as data (words/lower_own_verbs.txt)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.rules.base import Cand, Context, word_set, words


@cache
def _lower_own_re() -> re.Pattern:
    """The intro verb, the lower-case name (group 1) and the comma that sets it off."""
    verbs = "|".join(re.escape(v) for v in words("lower_own_verbs"))
    return re.compile(
        # "\b(?:[Ww]e|[Pp]aper|[Ww]ork|[Ss]tudy)" opening with the set of their first letters, the
        # boundary and the letter tested after it (so re skips along the text to such a letter
        # instead of trying a match at every offset): the same matches, in the same order
        r"[WwPpSs](?<!\w.)(?:(?<=[Ww])e|(?<=[Pp])aper|(?<=[Ww])ork|(?<=[Ss])tudy)\s+"
        r"(?:[a-z]+ly\s+)?"
        rf"(?:{verbs})(?:s|d|ed)?\s+"
        r"((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*[a-z])"
        r"(?=\s*(?:\([^()]{1,30}\)\s*)?,\s+(?:a|an|which|that)\b)")


# the apposition calls the name a measure ("litmus tests, a new kind of quantitative measure",
# "distinctiveness, a representation-level measure that ..."): typed METRIC
_MEASURE_AFTER = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?,\s+an?\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:measure|metric|score|index|statistic|criterion)s?\b")


def lower_own(ctx: Context) -> None:
    """Add the lower-case name an intro verb sets off by an apposition, introduced."""
    text, title_end = ctx.text, ctx.title_end
    if "," not in text:
        return
    stop = word_set("lower_own_not_words")
    for m in _lower_own_re().finditer(text, title_end):
        name = m.group(1)
        if any(w in stop for w in name.split()):
            continue
        a, b = m.span(1)
        same = [c for c in ctx.cands if c.start == a and c.end == b]
        if same:
            for c in same:
                c.intro = True
            continue
        if any(c.start < b and a < c.end for c in ctx.cands):
            continue  # part of a name found otherwise ("we introduce the LoRA variant, a")
        typed = "METRIC" if _MEASURE_AFTER.match(text, b) else ""
        cand = Cand(a, b, name, name, typed, 0.7, "lower_own")
        cand.intro = True
        ctx.cands.append(cand)


# after the title rules (80-86.5), which read an introduced candidate as the abstract naming the
# paper's own system otherwise ("Orbit-Equivariant Graph Neural Networks" and "we introduce
# orbit-equivariance, a ..." are both the paper's), before the organisations and places (97)
STAGES = [(96.9, lower_own)]
