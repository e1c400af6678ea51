"""Values labelled with the data they were measured on: the name and a colon right before the
value ("(MM-VET: +0.2%, VizWiz: +1.8%)", "HRSC: 89.66%") or the name alone in brackets right
after it ("FID scores of 24.8 (ISIC 2018) and 7.96 (ISIC 2020)"). Such a label is that value's
benchmark whatever else its sentence names."""

from __future__ import annotations

import re

from paperkg.extractors.result_names import BENCH_TYPES

LABELLED = True
_COLON_GAP = re.compile(r"\s*[:=]\s*(?:\$\s*)?")
_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:on\s+|for\s+)?(?:the\s+)?")
_BRACKET_CLOSE = re.compile(r"\s*(?:dataset|benchmark|test\s+set)?\s*\)")


def labelled_data(text: str, mentions: list, own: str | None, start: int, end: int) -> str | None:
    """The data name that labels the value at start..end ("VizWiz: +1.8%", "24.8 (ISIC
    2018)"), else None."""
    if not LABELLED:
        return None
    for a, b, name, typ, *_ in mentions:
        if typ not in BENCH_TYPES or name == own:
            continue
        if b <= start and b >= start - 40 and _COLON_GAP.fullmatch(text, b, start):
            return name
        if a >= end and a <= end + 12 and (o := _BRACKET_OPEN.match(text, end)) and \
                o.end() == a and _BRACKET_CLOSE.match(text, b):
            return name
    return None
