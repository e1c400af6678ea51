"""Family: data sets and benchmarks whose names have a shape the name rules do not read.

A name opening with a digit ("100STYLE", "3F-OVD", "3RScan") or joining two capitalised words
with "&" ("Who&When"), written right before a data head ("on the HumanML3D and 100STYLE
datasets", "on FG-OVD and 3F-OVD benchmarks"), and a name with an apostrophe and a two-digit
year ("AMC'23", "SHREC'17", "WMT'14 English-German"), which names an edition of a test, not a
venue: not opening a bracket (a citation: "[SICOMP'20]", "(EuroSys'25, Best paper)"), not after
"at" ("at MultiMediate'25"), not an organisation nor in words/odd_data_not_names.txt ("arXiv'23").
"""

from __future__ import annotations

import re

from paperkg.core.text import fold
from paperkg.extractors.rules.base import Cand, Context
from paperkg.extractors.words import word_set

# a name opening with digits and then a capital, or two capitalised words joined by "&",
# before a data head; "3D", "7T", "40B-token" are cut out by _enough_capitals
# (the character before the name is tested behind its first character, a digit or a capital, so
# that re skips to those instead of trying the lookbehind at every offset; each branch opens
# with the character class its first character was: the same matches)
_BEFORE_HEAD = re.compile(
    r"([\dA-Z](?<![\w\-\\.&/].)(?:(?<=\d)\d*[A-Z][A-Za-z\d]*(?:-[A-Za-z\d]+)*|"
    r"(?<=[A-Z])[A-Za-z\d]+&[A-Z][A-Za-z\d]+))"
    r"\s+(datasets?|benchmarks?|corpus|corpora|suites?)\b")
# what _BEFORE_HEAD needs in a text: a digit (as its \d reads one) or "&", and a head's start
_DIGIT = re.compile(r"\d")
_HEAD_STARTS = ("dataset", "benchmark", "corp", "suite")
# "AMC'23", "KDDCUP'99", "WMT'14 English-German": a name, an apostrophe, two digits, and
# optionally one capitalised word (a language pair or a split)
# (the character before the name tested behind its capital, as in _BEFORE_HEAD)
_YEAR_MARKED = re.compile(
    r"([A-Z](?<![\w\-\\'’].)[A-Za-z\d\-]*[A-Za-z])['’](\d{2})(?![\w'’])"
    r"(?:[ \-]([A-Z][a-z]+-[A-Z][a-z]+))?")
# a year-marked name opening a bracket is a citation's venue ("(EuroSys'25, Best paper)",
# "[SICOMP'20]"); one after "at" is a meeting ("at MultiMediate'25")
_VENUE_BEFORE = re.compile(r"(?:[(\[]|\b[Aa]t )$")
_DATA_WORD = re.compile(r"\bdatasets?\b|\bcorp(?:us|ora)\b", re.IGNORECASE)
_HEAD_TYPE = {"dataset": "DATASET", "datasets": "DATASET", "corpus": "DATASET",
              "corpora": "DATASET", "benchmark": "BENCHMARK", "benchmarks": "BENCHMARK",
              "suite": "BENCHMARK", "suites": "BENCHMARK"}


def _enough_capitals(name: str) -> bool:
    """Whether a name opening with digits has two capitals after them ("3F-OVD", not "3D")."""
    rest = name.lstrip("0123456789")
    return sum(ch.isupper() for ch in rest) >= 2 and not re.search(r"-[a-z]+$", rest)


def _add(ctx: Context, a: int, b: int, type_: str, listed: bool = False) -> None:
    """A typed candidate for text[a:b] unless a candidate from before runs into it; the ones
    opening inside the span give way to it. listed: the name is held as a listed form (its own
    canonical spelling), which merging does not read as a possessive number."""
    if any(c.start < a < c.end for c in ctx.cands):
        return  # a name found otherwise runs into this one from before
    # a candidate opening inside the span holds a piece of the name ("Zorb dataset" in
    # "Quill&Zorb dataset"): it gives way, as do the ones the span holds whole
    ctx.cands = [c for c in ctx.cands if not (a < c.start < b)]
    same = [c for c in ctx.cands if c.start == a and c.end == b]
    if same:
        for c in same:
            if not c.type:  # a type found otherwise stands ("3DGen-Bench dataset")
                c.type, c.strong_type = type_, True
            if listed and not c.gaz_canon:
                c.gaz_canon = c.name
        return
    ctx.cands = [c for c in ctx.cands if not (a <= c.start and c.end <= b)]
    c = Cand(a, b, ctx.text[a:b], ctx.text[a:b], type_, 0.7, "odd_data_name")
    c.strong_type = True
    if listed:
        c.gaz_canon = c.name
    ctx.cands.append(c)


def odd_data_names(ctx: Context) -> None:
    """Add the digit-led, "&"-joined and year-marked data names (see the module docstring)."""
    text = ctx.text
    if ("&" in text or _DIGIT.search(text, ctx.title_end)) and \
            any(h in text for h in _HEAD_STARTS):
        for m in _BEFORE_HEAD.finditer(text, ctx.title_end):
            name = m.group(1)
            if "&" not in name and not _enough_capitals(name):
                continue
            _add(ctx, m.start(1), m.end(1), _HEAD_TYPE[m.group(2).lower()])
    if "'" not in text and "’" not in text:
        return
    stop = word_set("odd_data_not_names")
    for m in _YEAR_MARKED.finditer(text):
        base = m.group(1)
        if base in stop or fold(base) in ctx.orgs or _VENUE_BEFORE.search(
                text, max(0, m.start() - 4), m.start()):
            continue
        lo, _ = ctx.sentence(m.start())
        type_ = "DATASET" if _DATA_WORD.search(text, lo, m.start()) else "BENCHMARK"
        _add(ctx, m.start(1), m.end(), type_, listed=True)


# after the name rules (40-41.1), before overlaps (60): the longer name wins over its pieces
STAGES = [(45, odd_data_names)]
