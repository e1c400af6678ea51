"""Factors that are a product's terms, not ratios: a grid's or a layout's dimensions ("a $3
\\times 5 \\times 2 \\times 2$ construction-method grid", "SE-ResNeXt101 $(32 \\times 4d)$")
and a number's power of ten ("$p \\le 2.6 \\times 10^{-6}$").

A value read with a times sign ("5 \\times", "2.6 ×") that a number follows right after the
sign, or that follows a times sign itself, is one term of a product: no result. Not a factor
that a bracket follows ("1.82x (95% CI 1.3-2.5)") nor "4 $\\sim$ 6x" (a range of factors).
"""

from __future__ import annotations

import re

PRODUCT_TERMS = True
_TIMES_END = re.compile(r"(?:\\times|×|[xX])\s*\$?\s*$")
_NUMBER_AFTER = re.compile(r"\s*\$?\s*\d")
_TIMES_BEFORE = re.compile(r"(?:\\times|×|\d\s*[x×])\s*\$?\s*$")


def product_term(text: str, a: int, b: int) -> bool:
    """Whether the factor at text[a:b] is one term of a product (a number right after its
    times sign, or a times sign right before it)."""
    if not PRODUCT_TERMS or not _TIMES_END.search(text, a, b):
        return False
    return bool(_NUMBER_AFTER.match(text, b) or _TIMES_BEFORE.search(text, max(0, a - 12), a))
