"""Family: a known measure written with its short form in brackets inside its name
("Kullback-Leibler (KL) divergence", "Jensen-Shannon (JS) divergence"). The gazetteer matches
"Kullback-Leibler divergence" only when written whole, and the acronym rule reads
"Kullback-Leibler (KL)" as a name of its own that nothing types, so the measure was lost. The
written form is the measure's name (as annotators write it), with the name without the bracket,
the short form with the head ("KL divergence") and the short form alone as aliases, when the
short form spells the words before it ("Sliced Wasserstein (MSW) distance" is another
measure). A form before "-based" ("KL divergence-based distillation") names a method's part."""

from __future__ import annotations

import re
import weakref

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context

# one to three words, a short bracket, one or two words: "Kullback-Leibler (KL) divergence"
_BRACKETED = re.compile(
    r"(?<![\w\-])((?:[A-Za-z][\w\-']*\s+){0,2}[A-Za-z][\w\-']*)\s+\(([^()\n]{1,10})\)\s+"
    r"([A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*)?)")
# a possible start of the first word (what _BRACKETED's opening asks for)
_WORD_START = re.compile(r"(?<![\w\-])[A-Za-z]")
# the characters a lead (its words and the spaces between them and before the bracket) is made of
_LEAD_RUN = re.compile(r"[\w\-'\s]*")
# how far before a bracket its lead's run is looked for at once (a longer run: from the last match)
_LEAD_REACH = 400
# in the reversed run: the spaces before the bracket and the last three words with the spaces
# between them; a match holds at most three words before its bracket, so it starts no earlier
# than the third word from the bracket (the words' characters are the run's non-spaces)
_LAST_THREE = re.compile(r"\s*\S*(?:\s+\S+){0,2}")
_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def bracketed(text: str):
    """The matches of _BRACKETED in text, as its finditer gives them, tried only at the word
    starts of the run of word and space characters before each "(" (a match holds the first
    "(" after its start), from the third word before it on: the pattern is not tried at every
    offset."""
    pos = 0
    while (b := text.find("(", pos)) >= 0:
        w0 = max(pos, b - _LEAD_REACH)
        back = text[w0:b][::-1]
        run = _LEAD_RUN.match(back).end()
        lo = b - run
        if lo == w0:
            lo = pos  # the run may reach further back: every start from the last match on
        words = _LAST_THREE.match(back, 0, run).end()
        if words < b - w0:  # the third word from the bracket starts inside the window
            lo = max(lo, b - words)
        for s in _WORD_START.finditer(text, lo, b):
            m = _BRACKETED.match(text, s.start())
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = b + 1


def _measure_forms(gaz) -> dict[str, str]:
    """Folded gazetteer measure forms of two or more words -> canonical name (once per
    gazetteer)."""
    forms = _FORMS.get(gaz)
    if forms is None:
        forms = {}
        for group in gaz.lexicon["typed"].get("METRIC", ()):
            for form in group:
                if " " in form:
                    forms.setdefault(fold(form), group[0])
        _FORMS[gaz] = forms
    return forms


def _spells(short: str, lead: list[str]) -> bool:
    """Whether the bracketed short form is the initials of the words before it, hyphenated
    parts counted apart ("KL" of "Kullback-Leibler"; not "MSW" of "Wasserstein")."""
    initials = "".join(p[0] for w in lead for p in w.split("-") if p)
    return short.replace("-", "").casefold() == initials.casefold()


def bracketed_measures(ctx: Context) -> None:
    """A known measure of several words written with a bracketed short form inside it."""
    text = ctx.text
    if ctx.gaz is None or " (" not in text:
        return
    forms = _measure_forms(ctx.gaz)
    for m in bracketed(text):
        before, short, after = m.group(1).split(), m.group(2).strip(), m.group(3).split()
        for i in range(len(before)):  # the longest lead that makes a known measure wins
            lead = before[i:]
            for k in range(len(after), 0, -1):
                whole = " ".join([*lead, *after[:k]])
                canon = forms.get(fold(whole))
                if canon is None:
                    continue
                a = m.start(1) + len(m.group(1)) - len(" ".join(lead))
                b = m.start(3) + len(" ".join(after[:k]))
                if text.startswith("-based", b) or ctx.in_url(a) or not _spells(short, lead):
                    break
                written = text[a:b]
                c = Cand(a, b, written, written, "METRIC", 0.9, "metric_bracketed")
                c.gaz_canon = canon
                c.strong_type = True
                c.extra = [whole, f"{short} {' '.join(after[:k])}", short]
                ctx.cands = [x for x in ctx.cands if not (a <= x.start and x.end <= b)]
                ctx.cands.append(c)
                break
            else:
                continue
            break


STAGES = [(58.5, bracketed_measures)]
