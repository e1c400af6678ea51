"""Values listed as the settings an experiment varies: "with varying missing rates (20%, 50%,
and 70%)", "varying levels of domain randomization (0%, 10%, 20%, 30%)", "across different SNR
levels, including 32dB, 22dB, and 12dB"; and shares of data listed in brackets after a word of
composition: "The dataset comprises low-light (8%), low-resolution videos (13%), ...".

A number in a list that opens right after a qualified setting noun (extractors/data/
result_settings.json: "varying", "different", ... before "levels", "rates", "ratios", ...,
then a bracket or "including", "such as", "of", ...) is a setting, not a result. Only the list
itself: a number after other words ("varying levels of tuning for an improvement of 60.85%") is
not read as a setting. A share in brackets after a list item ("stalking (3.9%)") is a part
of the data where the list follows a word of composition ("comprises", "covers ... like");
without one ("including", "such as" alone), such lists are most often systems' scores ("the
previous state of the art of traditional docking (23%) and deep learning (20%)").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from paperkg.extractors.results.cues import DATA

SETTING_LIST = True
DATA_SHARES = True
# one listed value before the one judged: a number with its unit and a separator
_LISTED = (r"[+\-~]?\$?\d+(?:\.\d+)?\s?(?:\\?%|\$|[A-Za-z]{1,4}\b)?\$?\s*"
           r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


@lru_cache(maxsize=1)
def _intro() -> re.Pattern:
    """The pattern of a setting list's opening and the values before the one judged, anchored
    at the value (searched on the text before it)."""
    data = json.loads((DATA / "result_settings.json").read_text(encoding="utf-8"))
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+")  # noqa: E731
                                 for w in sorted(words, key=len, reverse=True))
    opens = alt(w for w in data["list_intros"] if w != "(")
    return re.compile(
        rf"\b(?:{alt(data['qualifiers'])})\s+(?:[\w\-]+\s+){{0,3}}?(?:{alt(data['nouns'])})\b"
        r"(?:\s+of\s+[\w\-]+(?:\s+[\w\-]+)?)?"
        rf"\s*(?:\(\s*|,?\s*(?:{opens})\s*)(?:{_LISTED})*$", re.IGNORECASE)


# what stands just before a listed value: a bracket, a comma, "and", "or" or the list's opening
_NEAR = ("(", ",", ":", "=", " and", " or", "including", " as", "i.e.", "e.g.", " of", " from",
         " at")
_SHARE = re.compile(r"~?\d+(?:\.\d+)?\s?\\?%\s*\)")  # "8%)": a share in brackets


@lru_cache(maxsize=1)
def _composition() -> re.Pattern:
    """The pattern of a word of composition and the bracketed shares listed after it, up to
    the bracket of the share judged (searched on the text before it)."""
    data = json.loads((DATA / "result_settings.json").read_text(encoding="utf-8"))
    cues = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(data["composition_cues"], key=len, reverse=True))
    item = r"(?-i:[a-z][a-z\-/' ]{0,40}?)\s*"  # common nouns: a name's score is a result
    share = item + r"\(\s*~?\d+(?:\.\d+)?\s?\\?%\s*\)\s*,?\s*(?:and\s+|or\s+|along\s+with\s+)?"
    return re.compile(rf"(?<![\w.])(?:{cues})(?![\w])[^.;()]{{0,40}}?\s(?:{share})*{item}\(\s*~?$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The qualifiers' and the nouns' stems, lower case, to tell quickly that a window holds
    no setting list (most windows)."""
    data = json.loads((DATA / "result_settings.json").read_text(encoding="utf-8"))
    return (tuple({max(q.casefold().split(), key=len)[:5] for q in data["qualifiers"]}),
            tuple({n.casefold()[:4] for n in data["nouns"]}))


def setting_list(text: str, a: int) -> bool:
    """Whether the value starting at a is one of a list of settings the text varies, or a
    share of the data listed after a word of composition."""
    if SETTING_LIST and text[max(0, a - 12):a].rstrip().endswith(_NEAR):
        lo = max(0, a - 160)
        window = text[lo:a].casefold()
        qualifiers, nouns = _stems()
        first = min((i for i in (window.find(q) for q in qualifiers) if i >= 0), default=-1)
        if first >= 0 and any(n in window for n in nouns) and \
                _intro().search(text, lo + max(0, first - 2), a) is not None:
            return True
    return DATA_SHARES and _SHARE.match(text, a) is not None and _composition().search(
        text, max(0, a - 300), a) is not None
