"""Family: a bare general measure word with no value in a paper that names other measures.
"achieves superior accuracy and interpretability", "reducing latency with minimal accuracy
loss", "without sacrificing accuracy": when the paper reports other measures, a general measure
word (words/metric_bare_generic.txt) that no mention of writes a digit within 60 characters of,
or a "metric" / "measure" word near it, names what the method has, not a measure the paper
reports, and its candidates are dropped ("accuracy and calibration" beside "Brier score";
"metrics such as ... accuracy" keeps it)."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, word_set

_DIGIT = re.compile(r"\d")
_METRIC_WORD = re.compile(r"metric|measure", re.IGNORECASE)


def _forms(word: str) -> tuple[str, str]:
    """The word and its plural ("accuracy", "accuracies")."""
    return word, word[:-1] + "ies" if word.endswith("y") else word + "s"


def _valued(text: str, word: str) -> bool:
    """Whether some mention of word or its plural (any case, a whole word) has a digit within
    60 characters or a metric word within 80 characters before it or 40 after it."""
    alts = "|".join(re.escape(f) for f in _forms(word))
    for m in re.finditer(rf"(?<![\w\-])(?:{alts})(?![\w\-])", text, re.IGNORECASE):
        a, b = m.span()
        if _DIGIT.search(text, max(0, a - 60), b + 60) or _METRIC_WORD.search(
                text, max(0, a - 80), b + 40):
            return True
    return False


def bare_generic_measures(ctx: Context) -> None:
    """Drop the METRIC candidates of a bare general measure word no value goes with, when the
    paper names another measure (one that is not a form of the same word)."""
    generic = word_set("metric_bare_generic")
    mets = [c for c in ctx.cands if c.type == "METRIC"]
    bare = {c.name.lower() for c in mets if c.name.lower() in generic and c.rule == "gazetteer"}
    if not bare:
        return
    drop: set[str] = set()
    for word in bare:
        forms = _forms(word)
        others = any(not any(f in c.name.lower() for f in forms) for c in mets)
        if others and not _valued(ctx.text, word):
            drop.update(forms)
    if drop:
        ctx.cands = [c for c in ctx.cands if not (
            c.type == "METRIC" and c.rule == "gazetteer" and c.name.lower() in drop)]


STAGES = [(100.2, bare_generic_measures)]
