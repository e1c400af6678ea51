"""The default data type of a coined name evaluated on: what the abstract calls its data.
An abstract that speaks of benchmarks and never of datasets or corpora ("on both open-loop and
closed-loop benchmarks. On NAVSIM, ...") evaluates on benchmarks; otherwise a data set."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.rules.base import Context
from paperkg.extractors.words import alternation, word_set

_SPACE = r"\s+"


@cache
def _pattern(name: str) -> re.Pattern:
    """A word of the list NAME (words/NAME.txt) standing alone, any case."""
    forms = alternation(word_set(name), space=_SPACE)
    return re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)


def paper_data_type(ctx: Context) -> str:
    """BENCHMARK when the text writes a benchmark word (words/paper_benchmark_words.txt) and
    no data-set word (words/paper_dataset_words.txt), else DATASET (one answer a paper,
    kept in the context's scratch)."""
    got = ctx.scratch.get("paper_data_type")
    if got is None:
        text = ctx.text
        bench = _pattern("paper_benchmark_words").search(text) is not None
        data = _pattern("paper_dataset_words").search(text) is not None
        got = ctx.scratch["paper_data_type"] = "BENCHMARK" if bench and not data else "DATASET"
    return got
