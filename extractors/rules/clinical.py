"""Family: a clinical term is no entity: a medical condition ("Coronary heart disease (CHD)",
"Obstructive sleep apnea (OSA)", "Polycystic Ovary Syndrome", "Stable Disease"), a treatment or
practice ("Written Exposure Therapy", "traditional Chinese medicine (TCM)") or an imaging
modality ("Cone-Beam Computed Tomography (CBCT)", "Electron Microscopy"): a candidate of two or
more words that only its shape found, whose last word is such a head (words as data:
words/clinical_heads.txt, any case), is dropped like an organisation, with its short form. A
coined word ("SSDF-Syndrome"), a gazetteer name or a phrase with a data head after it ("the
Alzheimer's Disease dataset") stays."""

from __future__ import annotations

from paperkg.extractors.rules.base import Context, head_after, head_type
from paperkg.extractors.words import word_set

_RULES = frozenset({"title_case_phrase", "coined_name", "capitalised_word", "acronym_definition"})


def clinical_terms(ctx: Context) -> None:
    """Flag candidates that name a clinical term (dropped at merge)."""
    heads = word_set("clinical_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.rule not in _RULES or c.gaz_canon or c.org or c.intro or c.stated:
            continue
        ws = c.name.split()
        if len(ws) < 2 or ws[-1].lower() not in heads:
            continue
        hm = head_after(text[c.end : c.end + 40])
        if hm and head_type(hm.group(1)) in ("DATASET", "BENCHMARK"):
            continue
        c.org = True


STAGES = [(97.6, clinical_terms)]
