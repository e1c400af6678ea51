"""Family: well-known names from the gazetteer, extended to the longer name they start."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Cand, Context
from paperkg.extractors.rules.names import SUFFIX_ONLY

# A known name followed by a version, size or suffix is a longer name ("Llama 3.1", "GPT-4o-mini",
# "Claude Sonnet 4.0", "Whisper Large v3", "DeepSeek R1").
_GAZ_EXT = re.compile(
    r"(?:-[A-Za-z0-9.]+)+(?![\w])|(?: v\d[\w.]*| \d+(?:\.\d+)+| \d+(?![\w.%])"
    r"| \d+(?:\.\d+)?[KMBkmb]\b"
    r"| [A-Z][a-z]+-?\d[\w.]*| [A-Z][a-z]+ v?\d+(?:\.\d+)*(?![\w%])| [A-Z]\d{1,2}(?![\w.%]))"
    r"(?:-[A-Za-z0-9.]+)*"
)


def gazetteer_names(ctx: Context) -> None:
    """A candidate per gazetteer hit; a hit that is only part of a longer name becomes it."""
    text = ctx.text
    for a, b, type_, canon in ctx.gaz_hits:
        if a >= 2 and text[a - 1] == "-" and text[a - 2].isalnum():
            continue  # "...-DPO": part of a coined word the run rule finds
        ext = _GAZ_EXT.match(text, b)
        if ext and SUFFIX_ONLY.search(ext.group()):
            ext = None  # "Transformer-Driven": a modifier, not a longer name
        if ext and type_ in ("METRIC", "TASK") and ext.group()[0] == " ":
            ext = None  # "FID 18.9": a measure and its value
        if ext and any(ch.isdigit() or ch.isupper() for ch in ext.group()):
            b2 = ext.end()
            while b2 > b and text[b2 - 1] in ".-":
                b2 -= 1
            surface = text[a:b2]
            c = Cand(a, b2, surface, surface,
                     type_ if type_ in ("MODEL", "DATASET", "BENCHMARK") else "",
                     0.75, "gazetteer_variant")
            c.strong_type = bool(c.type)
            ctx.cands.append(c)
            continue
        surface = text[a:b]
        c = Cand(a, b, surface, surface, type_, 0.9, "gazetteer")
        c.gaz_canon = canon
        c.strong_type = True
        ctx.cands.append(c)
    ctx.set_gazetteer_spans()


STAGES = [(10, gazetteer_names)]
