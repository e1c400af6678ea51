"""Family: a Title Case phrase that ends in a noun of a property or a quality names what a system
has or lacks, not a technique ("Acoustic Fidelity", "Media Literacy", "Bayes Optimality",
"Preference Consistency", "Adaptation Speed"): a candidate of such a name that only the Title
Case shape found (no known name, long form, alias, stated type or intro cue) is dropped with
every mention of it. The head is a property noun when it ends in one of
words/property_endings.txt ("-ity", "-ness", "-acy") and is not in words/property_not_heads.txt
("Harness", "Community"), or is one of words/metric_qualities.txt ("consistency", "speed").
A phrase the paper sets out as its own ("we introduce Conditional Structural Consistency")
stays. Counted on the pools and train (fifty-first pass, second round, helper named52)."""

from __future__ import annotations

from functools import cache

from paperkg.extractors.rules.base import Cand, Context, drop_whole_names, word_set

#: types that no named entity has: a measure or a task keeps its candidate
_NOT_NAMED = frozenset({"TASK", "METRIC"})


@cache
def _endings() -> tuple[str, ...]:
    """The endings of a property noun."""
    return tuple(word_set("property_endings"))


def property_noun(word: str) -> bool:
    """Whether a word (its last hyphen part, any case) is a noun of a property or a quality
    ("Fidelity", "Self-Awareness", "consistency"; not "Harness", "Transformer")."""
    w = word.rsplit("-", 1)[-1].casefold()
    if w in word_set("metric_qualities"):
        return True
    return len(w) > 5 and w.endswith(_endings()) and w not in word_set("property_not_heads")


def _property_phrase(c: Cand) -> bool:
    """Whether a candidate is a phrase of two words or more whose head is a property noun."""
    words = c.name.split()
    return len(words) > 1 and c.type not in _NOT_NAMED and property_noun(words[-1])


def property_phrases(ctx: Context) -> None:
    """Drop Title Case phrases that name a property, found by their shape alone."""
    drop_whole_names(ctx, "title_case_phrase", _property_phrase)


STAGES = [(98.85, property_phrases)]
