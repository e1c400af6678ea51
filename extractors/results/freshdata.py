"""Data names no entity holds, written right after a value and "on": "attains 1.39% phoneme
error on MyST and 8.61% on Multitudes", "gains of 42.2% on Countdown and 16.1% on Sudoku".
The entity rules missed the name (a coined or rare one); the results rules read it as the
data that value was measured on (that value's only: no other value takes it from another
clause or sentence), unless its first word names no data after "on"
(extractors/data/words/fresh_data_not_words.txt: hardware, platforms, difficulty levels,
months, ...)."""

from __future__ import annotations

import re

from paperkg.extractors.words import word_set

FRESH_DATA = True
# up to two lower-case words after the value ("8.61% on", "+12% accuracy on", "4.2 points
# on"), "on", and a capitalised name of one or two words ended by a clause break or a joining
# word ("on Sudoku.", "on AMC'23 and", "on Multitudes--")
_AFTER_VALUE = re.compile(
    r"\s*(?:\\?%|\$?\\%\$?|points?|pp)?\$?\s+(?:[a-z][\w\-@]*\s+){0,2}?on\s+(?:the\s+)?"
    r"((?:[A-Z][\w'+\-]*[\w'+]|[a-z]+[A-Z][\w'+\-]*)(?:\s+(?:[A-Z][\w'+\-]*|\d[\w.]*))?)"
    r"(?=\s*(?:[),;:]|\.(?!\w)|--|$|\s(?:and|while|with|compared|respectively|than|over|"
    r"versus|vs\.?|relative|against|whereas|but|when)\b))")
# "on QA and fact-checking benchmarks": the name is one of the kinds of data listed
_KINDS_AFTER = re.compile(r"\s+(?:and|or)\s+(?:[\w\-]+\s+){1,2}(?:benchmarks|datasets|tasks)\b")


def fresh_data(text: str, mentions: list, end: int) -> str | None:
    """The data name no mention overlaps that the text writes right after the value ending
    at end ("8.61% on Multitudes"), else None."""
    if not FRESH_DATA:
        return None
    m = _AFTER_VALUE.match(text, end)
    if m is None or _KINDS_AFTER.match(text, m.end(1)):
        return None
    a, b = m.span(1)
    name = m.group(1)
    if name.split()[0].casefold() in word_set("fresh_data_not_words") or \
            any(x[0] < b and a < x[1] for x in mentions):
        return None
    return name
