"""A value followed by a change that names its own quantity takes no metric named before it:
"a 53.5% reduction in errors" (after "a gain in F1 score"), "with up to $85\\%$ reduction in
testing cost" (after "diagnosis accuracy"), "95.31% parameter reduction" (after "FLOPs
reduction"), "with 36% lower bitrates" (after "PSNR"), "19% more requests".

The metric rules give a value with no metric next to it the nearest one before it in its
clause; where the words right after the value state a change of a quantity of their own (a
comparative and a noun, "NOUN reduction", "reduction in NOUN"), that metric is another value's.
The annotators name no metric for most such values (9 values gained and 1 lost over the 28
tuning sets). A change with no quantity of its own ("a 26% reduction", "5.8% absolute
improvement", "12% higher while using") keeps the metric before it. "fewer" and "less" are
metrics.OWN_QUANTITY's (extractors/data/words/own_quantity_words.txt).
"""

from __future__ import annotations

import re

OWN_CHANGE_AFTER = True
_NOT_NOUN = (r"(?!(?:than|while|on|in|for|and|or|with|at|by|to|over|across|compared|relative|"
             r"the|an?|of|as|when|under|from|per|vs|relative|absolute|average|overall|total)\b)")
_CHANGE = r"(?:reductions?|increases?|gains?|improvements?|drops?|decreases?|savings?|boosts?)"
_OWN = re.compile(
    r"\s*(?:(?:relative|absolute|average|overall|total)\s+)?(?:"
    r"(?:lower|higher|more|greater|smaller|larger)\s+" + _NOT_NOUN + r"[a-z][\w\-]*|"
    + _NOT_NOUN + r"[a-z][\w\-]*\s+" + _CHANGE + r"\b|"
    + _CHANGE + r"\s+in\s+(?:the\s+)?" + _NOT_NOUN + r"[\w\-]+)")


def own_change_after(text: str, end: int) -> bool:
    """Whether the words right after the value ending at end state a change of a quantity of
    their own."""
    return OWN_CHANGE_AFTER and _OWN.match(text, end) is not None
