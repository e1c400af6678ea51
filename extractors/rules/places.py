"""Family: capitalised names of places, institutions and devices are no entities ("Columbia
University", "the Qinghai-Tibet Plateau", "South Asia", "the United States", "a Jetson Orin",
"a Raspberry Pi 4"): a name of capitalised words whose last or first word says so (words as
data: words/place_words.txt) is dropped like an organisation, unless a data head follows it
("the Great Lakes dataset") or the gazetteer knows it."""

from __future__ import annotations

from functools import cache

from paperkg.extractors.rules.base import Context, head_after, head_type
from paperkg.extractors.words import words

_RULES = frozenset({"title_case_phrase", "coined_name", "capitalised_word", "acronym_definition"})


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """(last words, first words) of places, institutions and devices."""
    pairs = [w.split(None, 1) for w in words("place_words")]
    return (
        frozenset(w for k, w in pairs if k == "last"),
        frozenset(w for k, w in pairs if k == "first"),
    )


def places(ctx: Context) -> None:
    """Flag candidates that name a place, an institution or a device (dropped at merge)."""
    last, first = _place_words()
    text = ctx.text
    for c in ctx.cands:
        if c.rule not in _RULES or c.gaz_canon or c.org:
            continue
        ws = c.name.split()
        if len(ws) < 2 or not (ws[-1] in last or ws[0] in first):
            continue
        if not all(w[:1].isupper() or w[:1].isdigit() for w in ws):
            continue
        hm = head_after(text[c.end : c.end + 40])
        if hm and head_type(hm.group(1)) in ("DATASET", "BENCHMARK"):
            continue  # "the Great Lakes dataset": a data set named after the place
        c.org = True


STAGES = [(97.5, places)]
