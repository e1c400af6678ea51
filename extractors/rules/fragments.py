"""Family: a Title Case phrase joined by "of", "for", "from" or "to" to another capitalised word,
or with a capitalised word right beside it that does not open the sentence, is a piece of a
longer Title Case phrase, no name of its own ("Superiority of Comparison Person",
"Calibration-Aware Regularization for Explanation Faithfulness", "PS3 (Predicting Survival from
Three Modalities)", "the Bag of Synthetic Syllables algorithm", "Nash Social Welfare", "Mortal
Kombat II"): a candidate that only its Title Case shape found, every mention of which stands
so, is dropped."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, drop_whole_names, word_union

_JOINED_BEFORE = re.compile(r"[A-Z][\w\-]* (?:of|for|from|to) $")
_JOINED_AFTER = re.compile(r" (?:of|for|from|to) [A-Z]")
# a capitalised word right before or after it, not opening the sentence ("Unmanned Aerial
# Vehicle", "Nash Social Welfare", "Mortal Kombat II")
_CAPITAL_BEFORE = re.compile(r"(?<=[a-z0-9,;(\"] )([A-Z][\w\-]*) $")
_CAPITAL_AFTER = re.compile(r" [A-Z]")


def _capital_beside(ctx: Context, a: int, b: int) -> bool:
    """Whether a capitalised word (no article, no function word) stands right beside a..b."""
    text = ctx.text
    m = _CAPITAL_BEFORE.search(text, max(0, a - 40), a)
    if m and m.group(1).lower() not in word_union("connectives", "task_stop"):
        return True
    return _CAPITAL_AFTER.match(text, b) is not None


def title_case_fragments(ctx: Context) -> None:
    """Drop Title Case phrases that are pieces of a longer Title Case phrase."""
    text = ctx.text
    drop_whole_names(ctx, "title_case_phrase", lambda c: bool(
        _JOINED_BEFORE.search(text, max(0, c.start - 40), c.start)
        or _JOINED_AFTER.match(text, c.end) or _capital_beside(ctx, c.start, c.end)),
        spare_intro=False)


STAGES = [(98.8, title_case_fragments)]
