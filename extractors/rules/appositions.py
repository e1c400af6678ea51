"""Family: what an appositive says a name is, where heads.py does not read it. A data head in a
looser appositive ("X, a bird's-eye-view dataset recorded ...", "X - a new benchmark of ...",
"X: an experimental testbed for ...", "X, the world's largest online collection of ...") types X
DATASET or BENCHMARK; a method head ("X, a more flexible LoRA architecture", "X, an open-source
PyTorch library") keeps X from being a data set, whatever else typed it so."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Context, head_alternation, head_type, heads, word_set
from paperkg.extractors.words import alternation

_FUNCTION_WORDS = alternation(word_set("apposed_stops"))
_STOPS = alternation({*word_set("apposed_stops"), *(
    f for h in heads() if h.type in ("METHOD", "MODEL") for f in (h.word, h.plural))})
# a modifier: a word (with an apostrophe: "bird's-eye-view", "world's"), a bold word, a bracket
_WORD = rf"(?:(?!(?i:{_STOPS})\b)(?:[\w\-'’]+|\\text\w+\{{[\w\-]+\}})|\([^()]{{1,20}}\))"
_NEW_WORDS = re.compile(r"\b(?:new|novel|first|our)\b")
# "the" only before an ordinal or a superlative ("the first ...", "the world's largest ...")
_THE = r"the(?=\s+(?:\S+\s+){0,2}?(?:\\text\w+\{)?(?:first|\w+est)\b)"
_APPOSED = re.compile(
    r"[}$*`'\"]*\s*(?:,|\s[-–—]|:)\s*(?:a|an|" + _THE + r")\s+"
    rf"((?:{_WORD},?\s+){{0,6}}?)((?i:{head_alternation('apposed')}))\b(?!-)"
)  # a head joined by a hyphen ("a benchmark-driven study") is a modifier


def apposed_data(ctx: Context) -> None:
    """Type a name in the abstract DATASET or BENCHMARK by a data head in its appositive, when
    no stronger rule typed it (and make it the paper's own after "new", "novel", "first")."""
    text = ctx.text
    if not any(w in text for w in ("data", "orpus", "enchmark", "uite", "hallenge", "estbed",
                                   "ollection")):
        return
    for c in ctx.cands:
        if c.start <= ctx.title_end or c.strong_type or c.type not in ("", "METHOD"):
            continue
        m = _APPOSED.match(text, c.end, c.end + 110)
        if m:
            c.type = head_type(m.group(2))
            c.strong_type = True
            if _NEW_WORDS.search(m.group(1)):
                c.intro = True  # "X - a new benchmark of ...", as heads.py reads "X, a new ..."
                c.conf = max(c.conf, 0.7)


_DATA_TYPES = ("DATASET", "BENCHMARK")
_DATA_STOPS = alternation(f for h in heads() if h.type in _DATA_TYPES for f in (h.word, h.plural))
_PLAIN = rf"(?!(?i:{_FUNCTION_WORDS}|{_DATA_STOPS})\b)[\w\-'’]+"
_METHOD_APPOSED = re.compile(
    r"[}$*`'\"]*\s*(?:\([^()]{1,30}\)\s*)?(?:,|\s[-–—])\s*(?:a|an)\s+"
    rf"(?:{_PLAIN},?\s+){{0,5}}?(?i:{head_alternation('method_apposed')})\b(?!-)"
)
# the name or what follows its head says it is for evaluation: "PDI-Bench (...), a quantitative
# framework for auditing ...", "X, a comprehensive framework designed to rank LLMs"
_DATA_NAME = re.compile(r"(?i)bench|arena|leaderboard|environment|dataset")
_EVALUATING = re.compile(r"(?i)benchmark|evaluat|\brank|assess|audit")


def apposed_method(ctx: Context) -> None:
    """A name in the abstract in apposition to a method head ("X, an open-source PyTorch library
    that ...") is stated a METHOD when a rule typed it DATASET or BENCHMARK (a title's
    "Benchmarking ...", a known data set of the same spelling), unless it is named as data or
    the appositive is about evaluating."""
    text = ctx.text
    # the keys of names some candidate types as data and none as a model (the types do not
    # change below): only their candidates can be stated methods, and most papers have none
    data: set[str] = set()
    models: set[str] = set()
    for c in ctx.cands:
        if c.type in _DATA_TYPES:
            data.add(canonical_key(c.name))
        elif c.type == "MODEL":
            models.add(canonical_key(c.name))
    data -= models
    if not data:
        return
    for c in ctx.cands:
        if c.start <= ctx.title_end or c.stated or _DATA_NAME.search(c.name) or \
                canonical_key(c.name) not in data:
            continue
        m = _METHOD_APPOSED.match(text, c.end, c.end + 110)
        if m and not _EVALUATING.search(text, m.end(), m.end() + 40):
            c.stated = "METHOD"


STAGES = [(65.3, apposed_data), (99.5, apposed_method)]
