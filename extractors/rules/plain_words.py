"""Family: a lone capitalised word that English writes in lower case is no name ("the Accurate
and Robust ...", "an Encoder-Decoder model", "Multi-Agent", "Keys to Knowledge (K2K)"): a
candidate of one word (or of hyphen-joined words) each of which the corpus writes in lower case
mid-sentence nearly every time (words as data: words/lower_words.txt, counted by
extractors/training/lower_words.py) is dropped when only its shape found it, unless the paper
defines it ("we introduce Persona, a novel ...", "a method called Jailbreak"), lists it beside a
known name ("Knowledge Distillation and Pruning methods") or something typed it as data, a
measure or a task."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import LIST_SEP, Cand, Context, heads, word_set

#: The rules that find a capitalised word by its shape or place alone.
WEAK_RULES = frozenset({"capitalised_word", "title_case_phrase"})
#: Types that only a context gives a plain word (a list of data sets, a measure, a task).
_CONTEXT_TYPES = frozenset({"DATASET", "BENCHMARK", "METRIC", "TASK"})
_PART = re.compile(r"[A-Za-z][a-z]+|[a-z]+")


@cache
def _system_heads() -> frozenset[str]:
    """Head nouns after a name that make it a method or a model ("model", "framework")."""
    return frozenset(f for h in heads() if "after" in h.contexts and h.type in ("METHOD", "MODEL")
                     for f in (h.word, h.plural))


def ordinary_word(name: str) -> bool:
    """Whether a name is one capitalised word (or hyphen-joined words) that the corpus writes
    in lower case, a method or model head noun after it or not ("Accurate", "Multi-Agent",
    "Encoder-Decoder model"; not "Adam", "Transformer")."""
    if not name[:1].isupper():
        return False
    ws = name.split(" ")
    if len(ws) > 2 or len(ws) == 2 and ws[1].lower() not in _system_heads():
        return False
    parts = ws[0].split("-")
    lower = word_set("lower_words")
    return all(_PART.fullmatch(p) is not None and p.lower() in lower for p in parts)


_DEFINED_AFTER = re.compile(r"\s*(?:,|:|--+|\u2014)\s*(?:a|an)\s")
_CALLED_BEFORE = re.compile(r"\b(?:called|named|dubbed|termed)\s+[\"'\u201c]?$")


def _defined(text: str, name: str) -> bool:
    """Whether the text gives the word as a name: "Persona, a novel method", "Companion: an
    apparatus", "called Jailbreak" (not "Keys to Knowledge (K2K), a framework")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at > 0 and text[at - 1].isalnum()) and not text[end:end + 1].isalnum() and (
                _DEFINED_AFTER.match(text, end) or _CALLED_BEFORE.search(text[max(0, at - 30):at])):
            return True
        at = text.find(name, end)
    return False


def _beside_known(ctx: Context, c: Cand) -> bool:
    """Whether a known name stands beside the word in a list ("Knowledge Distillation and
    Pruning methods"): one of the techniques the list names."""
    text = ctx.text
    for k in ctx.cands:
        if not k.gaz_canon or k.org:
            continue
        gap = text[k.end:c.start] if k.end <= c.start else text[c.end:k.start]
        if len(gap) < 8 and LIST_SEP.match(gap):
            return True
    return False


def plain_words(ctx: Context) -> None:
    """Drop the candidates of a lone ordinary word that only weak rules found."""
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        if ordinary_word(c.name):
            groups.setdefault(canonical_key(c.name), []).append(c)
    if not groups:
        return
    gone: set[int] = set()
    # how many candidates of any spelling share each key (another one vouches for the name)
    sharing = Counter(canonical_key(c.name) for c in ctx.cands)
    for key, group in groups.items():
        if sharing[key] > len(group) or any(
                c.rule not in WEAK_RULES or c.gaz_canon or c.long_form or c.alias
                or c.type in _CONTEXT_TYPES for c in group):
            continue
        if _defined(ctx.text, group[0].name) or any(_beside_known(ctx, c) for c in group):
            continue
        gone.update(id(c) for c in group)
    if gone:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in gone]


STAGES = [(99, plain_words)]
