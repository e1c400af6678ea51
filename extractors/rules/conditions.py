"""Family: the name of a medical condition is no entity ("Coronary heart disease (CHD)",
"Obstructive sleep apnea (OSA)", "Polycystic Ovary Syndrome", "Moderate to Severe Traumatic
Brain Injury", "Stable Disease"): a candidate of two or more words that only its shape found,
whose last word is a condition's head (words as data: words/condition_heads.txt, any case), is
dropped like an organisation, with its short form. A coined word ("SSDF-Syndrome"), a
gazetteer name or a phrase with a data head after it ("the Alzheimer's Disease dataset") stays."""

from __future__ import annotations

from paperkg.extractors.rules.base import HEAD_AFTER, Context, head_type
from paperkg.extractors.words import word_set

_RULES = frozenset({"title_case_phrase", "coined_name", "capitalised_word", "acronym_definition"})


def conditions(ctx: Context) -> None:
    """Flag candidates that name a medical condition (dropped at merge)."""
    heads = word_set("condition_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.rule not in _RULES or c.gaz_canon or c.org or c.intro or c.stated:
            continue
        ws = c.name.split()
        if len(ws) < 2 or ws[-1].lower() not in heads:
            continue
        hm = HEAD_AFTER.match(text[c.end : c.end + 40])
        if hm and head_type(hm.group(1)) in ("DATASET", "BENCHMARK"):
            continue
        c.org = True


STAGES = [(97.6, conditions)]
