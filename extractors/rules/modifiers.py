"""Family: an undefined acronym written only as a modifier of an ordinary noun is no name ("LDR
images", "HEMT samples", "the RBF kernel", "BBC news", "SARIF formats"): a candidate of one
all-capital word that only its shape found, never spelled out, the paper's own nowhere, every
occurrence of which stands right before a lower-case noun that is no head noun of a name (words
as data: heads.txt and the head lists, words/acronym_name_after.txt) is dropped. "The ERM
baseline", "the SUMO simulator", "SEED and DEAP datasets", "MCPC training" stay names."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Cand, Context, heads
from paperkg.extractors.words import word_union

_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
# the word after an occurrence: a space, then a lower-case word (hyphens inside)
_NEXT = re.compile(r" ([a-z][a-z\-]*)\b")
# endings of a verb, adverb or participle after a subject, not of a noun ("SUMO achieving")
_NOT_NOUN = re.compile(r"(?:ed|ly|ing)$")


@cache
def _name_nouns() -> frozenset[str]:
    """Lower-case words after an acronym that keep it a name (heads, verbs, function words)."""
    out = {f for h in heads() for f in (h.word, h.plural)}
    return frozenset(out | word_union(
        "acronym_name_after", "method_heads", "system_heads", "family_words", "part_heads",
        "eponym_heads", "metric_heads", "connectives", "task_stop", "task_subject_verbs"))


def _modifier_only(text: str, name: str, nouns: frozenset[str]) -> bool:
    """Whether every whole-word occurrence of name in text stands before an ordinary noun."""
    at = text.find(name)
    seen = False
    while at >= 0:
        end = at + len(name)
        if not (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-_$\\{")) and not (
                end < len(text) and (text[end].isalnum() or text[end] in "-_")):
            m = _NEXT.match(text, end)
            if not m or m.group(1) in nouns or _NOT_NOUN.search(m.group(1)):
                return False
            seen = True
        at = text.find(name, end)
    return seen


def acronym_modifiers(ctx: Context) -> None:
    """Drop the candidates of an undefined acronym that only modifies ordinary nouns."""
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        if c.rule == "coined_name" and _ACRONYM.fullmatch(c.name):
            groups.setdefault(canonical_key(c.name), []).append(c)
    if not groups:
        return
    gone: set[int] = set()
    nouns = _name_nouns()
    for key, group in groups.items():
        name = group[0].name
        if any(canonical_key(c.name) == key and c.rule != "coined_name" for c in ctx.cands):
            continue  # another rule vouches for the name
        if any(c.gaz_canon or c.long_form or c.alias or c.intro or c.stated or c.strong_type
               for c in group) or name in ctx.defined or name.rstrip("s") in ctx.defined:
            continue
        if _modifier_only(ctx.text, name, nouns):
            gone.update(id(c) for c in group)
    if gone:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in gone]


STAGES = [(98.6, acronym_modifiers)]
