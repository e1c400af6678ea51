"""Family: a lower-case phrase of the abstract ending in a task head word ("... detection", "...
segmentation", "... answering") that no other rule took is a task when a learned scorer says so:
a logistic model over the phrase's head, words, the word before and after it, its sentence, the
title and how often it is written (weights in data/task_scorer.json, written by
training/task_scorer.py; the cut in the same file)."""

from __future__ import annotations

from paperkg.extractors.rules.base import Context, word_set, word_union
from paperkg.extractors.rules.logistic import bucket, neighbour, probability
from paperkg.extractors.rules.scored_phrases import (
    _APOSTROPHES,
    _MAX_MODIFIERS,
    TASK_HEAD_LISTS,
    Phrase,
    _word_before,
    count_word,
    rate_phrases,
    scored_head_words,
    weights,
)

# training/task_scorer.py sets this to a list to receive every candidate with its features
COLLECT: list | None = None


def scorer() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return weights("task_scorer.json")


def _phrases(ctx: Context) -> list[Phrase]:
    """(start, end, words, longest) of each phrase ending in a task head word in the abstract:
    the head and up to three words before it (cut at a function word; leading adjectives,
    quantities and verbs in -ing/-ly dropped), and each shorter form of at least two words.
    The words are scored_phrases._WORD's matches from the title's end; only the heads are
    searched for, and the words before each are read back from it (_word_before). Unlike
    scored_phrases.head_phrases, a capital ends the phrase only in a capitalised word (an
    acronym or a word with a digit is kept), and verbs in -ing are dropped."""
    text, title_end = ctx.text, ctx.title_end
    listed = word_set("task_pattern_heads")
    heads = word_union(*TASK_HEAD_LISTS)
    stop, lead = word_set("task_stop"), word_union("task_adjectives", "quantity_words")
    nouns = word_set("task_compound_openers")
    out = []
    for a, b in scored_head_words(ctx, heads):
        ws = [(a, text[a:b])]
        while len(ws) <= _MAX_MODIFIERS:
            x = _word_before(text, ws[0][0], title_end)
            if x is None:
                break  # no word right before, one space away: a mark or the start ends it
            a2, w2 = x
            capital = w2[0].isupper() and not (w2.isupper() or any(c.isdigit() for c in w2))
            if w2.lower() in stop or capital or text[a2 - 1:a2] in _APOSTROPHES:
                break  # a function word, a capitalised word or "'s" ends the phrase
            ws.insert(0, x)
        while len(ws) > 1 and ws[0][1].lower() in lead:
            ws.pop(0)
        while len(ws) > 1 and (first := ws[0][1].lower()) not in nouns and (
                first.endswith("ing") and first not in listed or first.endswith("ly")):
            ws.pop(0)
        for i in range(len(ws) - 1):
            sub = ws[i:]
            out.append((sub[0][0], b, [w for _, w in sub], i == 0))
    return out


def features(ctx: Context, a: int, b: int, ws: list[str], longest: bool) -> list[str]:
    """The scorer's features of the phrase text[a:b] (words ws)."""
    low, text = ctx.low, ctx.text
    title = low[:ctx.title_end]
    head, first = ws[-1].lower(), ws[0].lower()
    phrase = " ".join(ws).lower()
    before, after = neighbour(text, a, False), neighbour(text, b, True)
    s0, _ = ctx.sentence(a)
    sents = [s for s in ctx.sents if ctx.title_end < s <= s0]
    later = [s for s in ctx.sents if s > s0]
    f = [f"h={head}", f"n={len(ws)}", f"long={longest}",
         f"pb={before}", f"na={after}",
         f"sent={bucket(len(sents), 4)}", f"last={not later}",
         f"rec={bucket(low.count(phrase), 3)}",
         f"hrec={bucket(count_word(low, head), 3)}",
         f"t_phrase={phrase in title}", f"t_head={head in title}",
         f"suf={first[-3:]}", f"digit={any(c.isdigit() for c in phrase)}",
         f"hyph={'-' in phrase}", f"cap={any(w[0].isupper() for w in ws)}",
         f"listed={head in word_set('task_pattern_heads')}"]
    f += [f"t_mod={any(w.lower() in title for w in ws[:-1] if len(w) > 3)}"]
    return f


def score(feats: list[str]) -> float:
    """The scorer's probability that a phrase with these features is a task of the gold."""
    return probability(scorer(), feats)


def _described(ctx: Context, a: int, b: int, ws: list[str], vague, means) -> bool:
    """What task_for judges no task, judged here the same way: a two-word phrase with a vague
    head written once ("temporal understanding", "crate bias"), a technique's head after "for"
    ("for policy optimization"), a process applied to an object ("estimation of X")."""
    head = ws[-1].lower()
    if len(ws) == 2 and head in vague and ctx.low.count(" ".join(ws).lower()) == 1:
        return True
    if head in means and neighbour(ctx.text, a, False) == "for":
        return True
    return ctx.text.startswith(" of ", b)


def scored_task_phrases(ctx: Context) -> None:
    """Each abstract phrase ending in a task head word that no candidate covers or names: the
    form (of the longest and its shorter ones) the scorer rates highest, kept above its cut."""
    vague, means = word_set("task_vague_heads"), word_set("task_for_means_heads")

    def feats_of(a: int, b: int, ws: list[str], longest: bool) -> list[str] | None:
        """The phrase's features; None for one task_for judges no task."""
        if _described(ctx, a, b, ws, vague, means):
            return None
        return features(ctx, a, b, ws, longest)

    def row(phrase: str, feats: list[str], p: float) -> tuple:
        """A collected row: the title first."""
        return ctx.text[:ctx.title_end], phrase, feats, p

    rate_phrases(ctx, _phrases(ctx), scorer(), feats_of, COLLECT, "TASK", 0.5, "task_scored", row)


STAGES = [(99.9, scored_task_phrases)]
