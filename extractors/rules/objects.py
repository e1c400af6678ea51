"""Family: a long form or capitalised phrase that names a physical or visual thing, a region or
a field of application is no entity ("Regions of Interest (ROI)", "Synthetic Aperture Radar
(SAR)", "Autonomous Vehicles (AVs)", "Augmented Reality (AR)", "Earth Observation"): a
candidate not typed TASK of two or more words that only its shape found, whose
last word is such a head (words as data: words/object_heads.txt, any case), is dropped like an
organisation, with its short form. A gazetteer name, the paper's own name (introduced, or its
short form written in the title) or a phrase with a data head after it ("the Autonomous
Vehicles dataset") stays."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, head_after, head_type
from paperkg.extractors.words import word_set

_RULES = frozenset({"title_case_phrase", "coined_name", "capitalised_word", "acronym_definition"})


def object_phrases(ctx: Context) -> None:
    """Flag candidates that name a thing, a region or a field of application (dropped at merge)."""
    heads = word_set("object_heads")
    text = ctx.text
    for c in ctx.cands:
        if c.rule not in _RULES or c.gaz_canon or c.org or c.intro or c.stated or \
                c.type == "TASK":
            continue  # ("Earth Observation" as a task is the gold's field of application)
        ws = c.name.split()
        if len(ws) < 2 or ws[-1].lower() not in heads:
            continue
        if c.alias and re.search(rf"\b{re.escape(c.alias)}\b", text[:ctx.title_end]):
            continue  # "MOMAV: a ... drone", "Marco's ... Aerial Vehicle (MOMAV)": the subject
        if any(o.type == "TASK" and o.name.lower() == c.name.lower() for o in ctx.cands):
            continue  # the same words typed TASK elsewhere ("... for Computational Affective
            # Science" in the title): the task's, not dropped with this candidate
        hm = head_after(text[c.end : c.end + 40])
        if hm and head_type(hm.group(1)) in ("DATASET", "BENCHMARK"):
            continue
        c.org = True


STAGES = [(97.65, object_phrases)]
