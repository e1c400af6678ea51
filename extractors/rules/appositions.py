"""Family: a data head in a looser appositive than heads.py reads: "X, a bird's-eye-view
dataset recorded ...", "X - a new benchmark of ...", "X: an experimental testbed for ...",
"X, the world's largest online collection of ..." types X DATASET or BENCHMARK."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, head_alternation, head_type, heads, word_set

_STOPS = "|".join(sorted(
    {re.escape(w) for w in word_set("apposed_stops")}
    | {re.escape(f) for h in heads() if h.type in ("METHOD", "MODEL") for f in (h.word, h.plural)},
    key=lambda w: (-len(w), w)))
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


STAGES = [(65.3, apposed_data)]
