"""Names the entity rules typed a method that the text writes as the data a value was
measured on: "CTR-GCN achieved +2.00% on Penn Action", "32.25 on in-distribution Friends S07",
"On 10,000 random TSP50 instances", "for Synthetic-NeRF scenes". The results rules read such a
mention as data (DATASET); the item nouns are data (extractors/data/words/data_item_nouns.txt)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.words import words

DATA_TYPED_OTHERWISE = True
_VALUE = r"[+\-−~]?\$?\d[\d.,]*(?:\s*(?:\\?%|\$?\\%\$?|points?|pp))?\$?"
# "+2.00% on Penn Action", "32.25 on in-distribution Friends S07", "0.798 on 1.5B alphaNLI"
_ON_AFTER_VALUE = re.compile(r"(?<![\w.\-])" + _VALUE + r"\s+on\s+(?:the\s+)?"
                             r"(?:[a-z][\w\-]*-[\w\-]+\s+|\d[\d.]*[BM]\s+)?$")
_END = re.compile(r"\s*(?:[),;:.]|$|\s(?:and|while|with|compared|respectively|than|over)\b)")


@cache
def _items_after() -> re.Pattern:
    """The name followed by a noun for its items ("TSP50 instances")."""
    nouns = "|".join(re.escape(w) for w in words("data_item_nouns"))
    return re.compile(r"\s+(?:" + nouns + r")\b")


def _is_data(text: str, a: int, b: int) -> bool:
    """Whether the text writes the mention at a..b as the data a value was measured on."""
    if _ON_AFTER_VALUE.search(text, max(0, a - 50), a) and _END.match(text, b):
        return True
    return bool(_items_after().match(text, b))


def data_typed(text: str, mentions: list, own: str | None) -> list:
    """The mentions, those typed a method (not the paper's own system) that the text writes as
    data retyped DATASET."""
    if not DATA_TYPED_OTHERWISE:
        return mentions
    return [(a, b, name, "DATASET", *rest) if typ == "METHOD" and name != own and
            _is_data(text, a, b) else (a, b, name, typ, *rest)
            for a, b, name, typ, *rest in mentions]
