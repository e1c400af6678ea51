"""Family: a plural head noun a few words before the list it names. "on eight public
benchmarks under both single-class and multi-class settings: MVTec-AD, MVTec-LOCO, VisA and
Real-IAD", "four contrastive learning models: CLIP, CXR-RePaiR, MedCLIP, and CXR-CLIP", "five
representative models (CodeBERT, GraphCodeBERT, PLBART)", "four diverse datasets - Auto MPG (7
variables), Beijing PM2.5 (10 variables) and Boston Housing", "self-supervised models consisting
of Wav2Vec2, WavLM and HuBERT": the untyped names of the list take the head's type. The heads
are the `far_list` context of `words/heads.txt`; a head right before its list is the `heads`
family's (`the datasets SCAN, COGS, and GeoQuery`)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.rules.base import Context, head_type, heads, type_by_shape, word_set
from paperkg.extractors.words import alternation

# between two items of one list; an item may carry a short bracket ("Auto MPG (7 variables),")
_SEP = re.compile(r"^(?:\s*\([^()]{1,40}\))?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
# what opens the list right before its first item
_OPENER = re.compile(
    r"(?::|\(|\s--?\s*|\s?[\u2013\u2014]\s?|,?\s+(?:consisting\s+of|namely|i\.e\.,?|e\.g\.,?|"
    r"that\s+includes?))\s*(?:the\s+)?$"
)
# the stretch between the head and the opener: a few words, no clause or sentence break
_GAP = re.compile(r"^[^;.:()\[\]]{0,70}$")
# a head used as a verb: "This study benchmarks four contrastive models: A, B, C"
_VERB_NEXT = re.compile(
    r"\s+(?:the|a|an|our|its|their|these|those|this|how|whether|both|all|several|multiple|"
    r"two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
)
# names whose type a list can set (a known name or a stated type keeps its own)
_RULES = frozenset(
    {
        "coined_name",
        "title_case_phrase",
        "capitalised_word",
        "listed_word",
        "gazetteer_variant",
        "latex_name",
    }
)


@cache
def _head_pattern() -> re.Pattern:
    forms = sorted(
        {h.plural for h in heads() if "far_list" in h.plural_contexts}, key=lambda f: (-len(f), f)
    )
    return re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)


def _list_head(ctx: Context, first) -> str | None:
    """The type of the one kind of plural head a few words before the list opener in front of
    the list's first item, or None."""
    text = ctx.text
    s0, _ = ctx.sentence(first.start)
    lo = max(s0, first.start - 110)
    op = _OPENER.search(text, lo, first.start)
    if op is None:
        return None
    before = text[lo : op.start()]
    found = [m for m in _head_pattern().finditer(before) if not _VERB_NEXT.match(before, m.end())]
    if not found:
        return None
    types = {head_type(m.group(1), "") for m in found}
    if len(types) != 1 or "" in types:
        return None  # "benchmarks for training vision-language models: A, B": which one?
    last = found[-1]
    gap = before[last.end() :]
    if not _GAP.match(gap) or _other_kind(gap):
        return None
    return types.pop()


@cache
def _other_kinds() -> re.Pattern:
    """Plural nouns of systems (words/far_list_breaks.txt) that name another kind of list than
    the head's (not "models": "benchmarks for training vision-language models: A, B")."""
    return re.compile(rf"\b(?:{alternation(word_set('far_list_breaks'))})\b", re.IGNORECASE)


def _other_kind(gap: str) -> bool:
    """Whether the words between a head and its list's opener name another kind of thing ("on
    three benchmarks with three standard baselines (A, B, C)": the list is of baselines)."""
    return _other_kinds().search(gap) is not None


def far_heads(ctx: Context) -> None:
    """Type each list of two or more names by a plural head a few words before it."""
    cands = ctx.cands
    if len(cands) < 2:
        return
    text = ctx.text
    items = [c for c in cands if c.start > ctx.title_end]
    i = 0
    while i < len(items) - 1:
        j = i
        while (
            j + 1 < len(items)
            and items[j].end <= items[j + 1].start
            and _SEP.match(text[items[j].end : items[j + 1].start])
        ):
            j += 1
        run = items[i : j + 1]
        i = j + 1
        if len(run) < 2:
            continue
        htype = _list_head(ctx, run[0])
        if htype is None:
            continue
        for c in run:
            if c.strong_type or c.type not in ("", "METHOD", htype) or c.rule not in _RULES:
                continue
            shape = type_by_shape(c.name, ctx.gaz)
            if shape not in (None, htype) and not (
                htype in ("DATASET", "BENCHMARK") and shape in ("DATASET", "BENCHMARK")
            ):
                continue
            c.type = shape if shape in ("DATASET", "BENCHMARK") and htype != "MODEL" else htype
            c.strong_type = True


STAGES = [(66.2, far_heads)]
