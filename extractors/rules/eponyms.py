"""Family: a capitalised name written with a head noun that is part of it ("the Ising model",
"the Pan-Tompkins algorithm", "the Euler-Maruyama method", "Von Neumann's algorithm"): the
capitalised word alone is no name, the name with its head is a METHOD (heads as data:
words/eponym_heads.txt). A word the text also writes in lower case ("Pruning methods") is an
ordinary word, and a name the text also writes without the head is named without it."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, word_set
from paperkg.extractors.words import alternation, words

_HEAD = re.compile(r"(?:'s)?[ \t]+(" + alternation(words("eponym_heads")) + r")\b")
_RULES = ("capitalised_word", "title_case_phrase")
# two or more people's names joined by hyphens ("Newton-Schulz", "Lenstra-Lenstra-Lovász",
# "Holt-Winters"), each capitalised and in lower case after its capital: sure enough to be
# kept alone (one capitalised word and a head, "Ising model", stays weak)
_TWO_NAMES = re.compile(r"^[A-Z][a-z\u00df-\u00ff]+(?:-{1,2}[A-Z][a-z\u00df-\u00ff]+)+(?:'s)?\s")


def eponym_heads(ctx: Context) -> None:
    """Extend a capitalised-word candidate over the head noun right after it."""
    text = ctx.text
    lower = word_set("lower_words")
    for c in ctx.cands:
        if c.rule not in _RULES or c.gaz_canon or c.org or c.long_form or c.alias:
            continue
        if c.rule == "title_case_phrase" and not text.startswith("'s", c.end):
            continue  # a phrase of several capitalised words: only the possessive form
        m = _HEAD.match(text, c.end)
        if m is None or m.end() > ctx.title_end > c.start:
            continue
        if any(w.lower() in text and  # (the pattern, built per word, only when it can match)
               re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text)
               for w in c.name.replace("-", " ").split()):
            continue  # an ordinary word written in lower case too ("pruning"): no name
        at = [x.end() for x in re.finditer(rf"(?<![\w-]){re.escape(c.name)}(?![\w-])", text)]
        if not all(_HEAD.match(text, b) for b in at):
            continue  # written alone too ("Roboflow neural networks ... the Roboflow model")
        c.end = m.end()
        c.surface = c.name = text[c.start:c.end]
        c.type, c.strong_type = "METHOD", True
        if _TWO_NAMES.match(c.name) and not any(
                fold(x) in lower for x in re.split(r"-+", c.name.split()[0])):
            c.conf = max(c.conf, 0.6)  # two names or more: "Bellman-Ford algorithm"


# two names joined by an en dash written "--" ("Blahut--Arimoto algorithm", "Jensen--Shannon
# divergence"): the capitalised runs end at the dash, so the whole name is read here
_DASHED = re.compile(
    r"(?<![\w\-])[A-Z][a-z\u00df-\u00ff]+(?:--[A-Z][a-z\u00df-\u00ff]+)+(?=(?:'s)?[ \t])")


def dashed_eponyms(ctx: Context) -> None:
    """A candidate per "Name--Name head" eponym, over the pieces the runs made of it."""
    text = ctx.text
    if "--" not in text:
        return
    lower = word_set("lower_words")
    for m in _DASHED.finditer(text):
        h = _HEAD.match(text, m.end())
        if h is None or any(fold(x) in lower for x in m.group().split("--")):
            continue
        a, b = m.start(), h.end()
        ctx.cands[:] = [c for c in ctx.cands if not (
            a <= c.start and c.end <= b and c.rule in _RULES)]
        c = Cand(a, b, text[a:b], text[a:b], "METHOD", 0.6, "capitalised_word")
        c.strong_type = True
        ctx.cands.append(c)


STAGES = [(41, eponym_heads), (41.1, dashed_eponyms)]
