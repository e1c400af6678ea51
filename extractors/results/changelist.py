"""The quantity each item of a list of changes names for itself: "reduces latency by 82.95
percent, token cost by 82.29 percent, and stale-knowledge usage by 96.58 percent", "improves
sensing coverage by 29.7% and courier income by 39.2%", "lower refusal rates by up to 60.0%,
answer safety by 82.5%, and search-query safety by 82.4%".

After the first item ("VERB QUANTITY by VALUE"), an item "(, | and | , and) QUANTITY by VALUE"
names its own quantity; the metric rules give it the nearest metric before it, the first
item's. Where they did (a metric named before the item's phrase, not inside it), the phrase
written before "by" is the value's metric. Where they found none, nothing changes (the
annotators leave such a phrase unnamed about as often as they name it).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from paperkg.extractors.results.trace import _retag

ITEM_QUANTITY = True

_HEDGE = (r"(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|roughly\s+|"
          r"more\s+than\s+|almost\s+|as\s+much\s+as\s+|~\s*)?\$?")
# a word of the item's phrase: no function word, no verb of change ("reduces FLOPs by 94.0%,
# improves inference speed by 3.1 times" is a clause of its own)
_WORD = (r"(?!(?:by|and|or|the|of|in|on|for|with|to|from|over|than|while|its|their|our|an?|"
         r"reduc\w*|improv\w*|increas\w*|decreas\w*|cut\w*|lower\w*|boost\w*|rais\w*|enhanc\w*|"
         r"achiev\w*|yield\w*|deliver\w*|outperform\w*|surpass\w*|respectively)\b)[\w\-]+")
# the gap between the previous item's value and this item's phrase, then the phrase and "by"
_ITEM = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)"
                   r"(?:the\s+|its\s+)?((?:" + _WORD + r"\s+){0,2}" + _WORD + r")\s+by\s+" +
                   _HEDGE + r"$", re.I)
# the previous item's value is stated after a verb of change and "by", in the same clause
_FIRST = re.compile(r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|shorten|"
                    r"slash|halv|minimi[sz]|maximi[sz]|lift|accelerat)\w*\s+(?:[^.;:]|\.(?=\d)){1,100}?"
                    r"\bby\s+" + _HEDGE + r"$", re.I)


def item_quantities(text: str, mentions, sents: list[int], out: list[dict]) -> int:
    """Give each later item of a list of changes the quantity its own phrase names, where the
    metric rules gave it a metric named before that phrase; how many were renamed."""
    if not ITEM_QUANTITY:
        return 0
    n = 0
    for prev, cur in zip(out, out[1:], strict=False):
        if cur["metric"] is None or prev["sentence"] != cur["sentence"] or \
                cur["start"] <= prev["end"]:
            continue
        m = _ITEM.fullmatch(text, prev["end"], cur["start"])
        if m is None:
            continue
        k = bisect_right(sents, prev["start"]) - 1
        if not _FIRST.search(text, max(sents[max(k, 0)], prev["start"] - 140), prev["start"]):
            continue
        a, b = m.span(1)
        if any(x[0] < b and a < x[1] and x[3] not in ("METRIC", "METRIC~") for x in mentions):
            continue  # "by 5% over A and B by 3%": a name, not a quantity
        name = cur["metric"].casefold()
        if name in m.group(1).casefold() or \
                name not in text[max(0, cur["start"] - 400):a].casefold():
            continue  # the phrase holds the metric already, or it came from elsewhere
        cur["metric"] = m.group(1)
        _retag(cur, "metric", "a list item's own quantity before 'by'")
        n += 1
    return n
