"""Family: variants of a known technique. A known METHOD written right after a variant modifier
("online PCA", "annealed importance sampling", "token-level nucleus sampling") is the longer
name (modifiers as data: words/method_variants.txt, and any "X-level")."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, extend_known
from paperkg.extractors.words import alternation, words

_VARIANT = re.compile(
    r"(?<![\w\-])(?:[a-z]+-level|" + alternation(words("method_variants")) + r")[ \t]+$",
    re.IGNORECASE,
)


def method_variants(ctx: Context) -> None:
    """Extend a known METHOD to the variant modifier right before it."""
    extend_known(ctx, "METHOD", _VARIANT, 25, "gazetteer+variant", keep_known=True)


STAGES = [(11.5, method_variants)]
