"""Family: explicit naming: lower-case names after "called/named/termed/dubbed/coined"
("a technique called prequential coding" is a METHOD, "a problem called set disjointness" a
TASK), and whether the naming is this paper's ("we develop an algorithm, called X")."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, family_phrase, positions, word_set
from paperkg.extractors.words import alternation

_NAMING_WORDS = ("called ", "named ", "dubbed ", "termed ", "coined ", "we call ", "we term ",
                 "we name ", "we dub ")
_CALLED_LOWER = re.compile(
    r"(?:called|named|dubbed|termed|coined|we\s+(?:call|term|name|dub))\s+(?:as\s+)?[\"'“]?"
    r"([a-z][a-z0-9\-]*(?:\s+[a-z][a-z0-9\-]*){0,4})"
)
# what may follow a lower-case name for it to end there: punctuation, or a verb or relative
# word that starts the rest of the clause ("a sub-network called relative position encoder is
# proposed", "a technique called calibeating to make it robust")
_NAME_END = re.compile(r"\s*(?:[,.;:(]|$)|\s+(?:is|are|was|were|has|have|which|that|to)\s")
# "a sub-network called relative position encoder is proposed": the paper's own
_PROPOSED_AFTER = re.compile(r"\s+(?:is|are)\s+(?:proposed|introduced|developed|designed)\b")
_NAMING_CUE = re.compile(
    r"\b(?:[Oo]ur|new|novel|proposed|enhanced|improved|resulting|variant|propos\w*|"
    r"introduc\w*|present|presents|develop\w*|design\w*|build|builds|creat\w*|devis\w*|"
    r"deriv\w*|construct\w*|curat\w*|releas\w*|[Ww]e\s+(?:call|name|term|dub))\b"
)
# "a recent method, named GPGLS", "a recently developed technique called calibeating", "a SOTA
# prompt-optimizer called GEPA": an older-word in the noun phrase the name is given to
_OLDER_NAMED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:" + alternation(word_set("older_modifiers"), r"\s+") +
    r")[\s\-]+(?:[\w\-]+\s+){0,3}?[\w\-]+\s*,?\s*(?:called|named|dubbed|termed|coined)"
    r"(?:\s+as)?\s*[\"'\u201c]?\s*$"
)
_PROBLEM_BEFORE = re.compile(r"\b(?:problem|task|phenomenon|setting|challenge)s?\s*,?\s*$")
# words that end a task phrase but alone make a lower-case name a method
_METHODISH_HEADS = ("learning", "estimation", "control", "compression")


def naming_by_paper(text: str, s0: int, pos: int) -> bool:
    """Whether "called/named X" at pos names something of this paper: the clause before it
    (back to a colon or semicolon in the sentence) has we/our/new/... ("we develop an algorithm,
    called X", "a new metric, called X"), unlike "a principle called Occam's razor"."""
    lo = max(s0, pos - 250)
    cut = max(text.rfind(":", lo, pos), text.rfind(";", lo, pos))
    return _NAMING_CUE.search(text, max(lo, cut + 1), pos) is not None and \
        not older_named(text, s0, pos)


def older_named(text: str, s0: int, pos: int) -> bool:
    """Whether the name at pos is given to a noun an older-word marks ("a recent method,
    named X"): somebody else's, whatever the rest of the clause says."""
    return _OLDER_NAMED.search(text, max(s0, pos - 90), pos) is not None


def called_lower(ctx: Context) -> None:
    """Lower-case names right after an explicit naming word (never "so-called X")."""
    text, generic = ctx.text, ctx.generic
    stop, adj, qty = word_set("task_stop"), word_set("task_adjectives"), word_set("quantity_words")
    heads = word_set("task_pattern_heads")
    for pos in positions(text, _NAMING_WORDS):
        if pos > 0 and (text[pos - 1].isalnum() or text.endswith(("so-", "so "), 0, pos)):
            continue
        m = _CALLED_LOWER.match(text, pos)
        if m is not None and m.group(1).split()[0] in ("it", "this", "them", "these", "such"):
            continue  # "we call it X": the name comes later
        if m is None or text.startswith("named entit", pos):
            continue  # "named entity mentions": no naming
        ws = []
        for w in m.group(1).split():
            if w in stop:
                break
            ws.append(w)
        if not ws or len(ws) > 4 or ws[0] in adj or ws[0] in qty:
            continue
        phrase = " ".join(ws)
        if fold(phrase) in generic or (len(ws) == 1 and len(phrase) < 5) or \
                family_phrase(phrase):
            continue
        if not _NAME_END.match(text, m.start(1) + len(phrase), m.start(1) + len(phrase) + 8):
            continue  # "called greedy search over trees": the name may go on
        a = m.start(1)
        last = ws[-1]
        type_ = "TASK" if last in heads and last not in _METHODISH_HEADS and len(ws) > 1 \
            else "METHOD"
        if _PROBLEM_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
            type_ = "TASK"  # "a problem called set disjointness"
        c = Cand(a, a + len(phrase), phrase, phrase, type_, 0.6, "called_lower")
        c.strong_type = type_ == "TASK"
        c.intro = _PROPOSED_AFTER.match(text, a + len(phrase)) is not None
        ctx.cands.append(c)


_PROPOSE_KEYS = ("we propose ", "we introduce ", "we present ", "we develop ", "we devise ",
                 "We propose ", "We introduce ", "We present ", "We develop ", "We devise ")
_PROPOSED_LOWER = re.compile(
    r"[Ww]e\s+\w+\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s+[a-z][a-z0-9]*(?:-[a-z0-9]+)*){1,3})"
    r"(?=\s*(?:[,.;:(]|\s(?:to|that|which|for|as|in|with|where|by|on)\s))"
)


def proposed_lower(ctx: Context) -> None:
    """"we propose margin-aware prompting, which ...": a lower-case phrase with no article right
    after an intro verb, ending in a method head word or a gerund, is this paper's method."""
    text, generic = ctx.text, ctx.generic
    stop, adj = word_set("task_stop"), word_set("task_adjectives")
    heads = word_set("method_heads")
    for pos in positions(text, _PROPOSE_KEYS):
        m = _PROPOSED_LOWER.match(text, pos)
        if m is None:
            continue
        ws = m.group(1).split()
        if any(w in stop or w in adj for w in ws) or ws[0].endswith("ing") and ws[0] not in heads:
            continue  # "we propose using X", "we present extensive experiments"
        last = ws[-1]
        if not (last in heads or last.endswith("ing")) or last in ("learning", "modeling"):
            continue
        phrase = " ".join(ws)
        if fold(phrase) in generic or family_phrase(phrase):
            continue
        a = m.start(1)
        c = Cand(a, a + len(phrase), phrase, phrase, "METHOD", 0.6, "proposed_lower")
        c.intro = True
        ctx.cands.append(c)


STAGES = [(55, called_lower), (56, proposed_lower)]
