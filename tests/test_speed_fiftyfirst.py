"""Fifty-first pass (speed): the phrase scorers' free phrases (overlap by bisect, one fold),
family_phrase without a nested comprehension, cue_before's literals by one search, and the role
judge's features without the dropped sparse ones, each checked against what it stands in for."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.core import text as core_text
from paperkg.extractors.canonical import fold
from paperkg.extractors.learned import role_features
from paperkg.extractors.rules import method_scored, metric_scored, role_judge, scored_phrases
from paperkg.extractors.rules.base import Cand, Context, family_phrase, word_set, words
from tests.extracting import train_gold_texts


def _old_family_phrase(phrase: str) -> bool:
    """family_phrase as it was written before this pass."""
    ws = [p for w in phrase.lower().split() for p in w.split("-") if p]
    fam = word_set("family_words")
    return bool(ws) and len(ws) >= 2 and all(w in fam for w in ws)


def _old_cue_before(low: str, lo: int, a: int, literals: tuple[str, ...], pattern: re.Pattern,
                    text: str) -> bool:
    """cue_before as it was written before this pass."""
    window = low[lo:a]
    return any(w in window for w in literals) and pattern.search(text, lo, a) is not None


def _old_free(ctx: Context, phrases: list) -> list:
    """free_phrases as it was written before this pass."""
    taken = {fold(c.name) for c in ctx.cands}
    spans = sorted((c.start, c.end) for c in ctx.cands)
    out = []
    for a, b, ws, longest in phrases:
        phrase = " ".join(ws)
        if any(x < b and a < y for x, y in spans) or ctx.in_url(a):
            continue
        if fold(phrase) in taken or ctx.is_generic(phrase) or family_phrase(phrase):
            continue
        out.append((a, b, ws, longest, phrase))
    return out


def _context(text: str) -> Context:
    """A context of text with no gazetteer."""
    return Context(text, core_text.sentence_starts(text), [], [], None)


def _random_phrases(n: int, seed: int = 51) -> list[str]:
    """n random phrases of family words, other words, hyphens and spaces."""
    rnd = random.Random(seed)
    fam = sorted(word_set("family_words"))[:40] + ["model", "Network", "foo", "x", "LLM"]
    seps = [" ", "-", "  ", " - ", "--", "\t", "\u00a0", ""]
    return ["".join(rnd.choice(fam) + rnd.choice(seps) for _ in range(rnd.randint(0, 4)))
            for _ in range(n)]


def test_family_phrase_as_before_on_random_phrases():
    phrases = _random_phrases(20_000)
    assert sum(map(family_phrase, phrases)) > 100  # the sample holds family phrases
    assert [family_phrase(p) for p in phrases] == [_old_family_phrase(p) for p in phrases]


def test_family_phrase_as_before_on_train_words():
    for text in train_gold_texts()[:120]:
        ws = text.split()
        for i in range(len(ws) - 2):
            phrase = " ".join(ws[i:i + 3])
            assert family_phrase(phrase) == _old_family_phrase(phrase), phrase


_CUES = [(method_scored._USE_WORDS, method_scored._USE_BEFORE, 50),
         (method_scored._OWN_WORDS, method_scored._OWN_BEFORE, 40),
         (metric_scored._CUE_WORDS, metric_scored._CUE_BEFORE, 80),
         (metric_scored._CHANGE_STEMS, metric_scored._CHANGE_BEFORE, 40)]


@pytest.mark.parametrize(("literals", "pattern", "back"), _CUES)
def test_cue_before_as_before_on_train_texts(literals, pattern, back):
    found = 0
    for text in train_gold_texts()[:150]:
        low = text.lower()
        for a in range(0, len(text), 7):
            lo = max(0, a - back)
            new = scored_phrases.cue_before(low, lo, a, literals, pattern, text)
            assert new == _old_cue_before(low, lo, a, literals, pattern, text), (text, a)
            found += new
    assert found > 20


def test_cue_before_literals_at_the_window_edges():
    text = "results improved on the task; we propose our"
    low = text.lower()
    for lo in range(len(text) + 1):
        for a in range(lo, len(text) + 1):
            for literals, pattern, _ in _CUES:
                assert scored_phrases.cue_before(low, lo, a, literals, pattern, text) == \
                    _old_cue_before(low, lo, a, literals, pattern, text)


def test_free_phrases_as_before_with_random_candidates():
    rnd = random.Random(51)
    heads = frozenset(words("method_scored_heads"))
    checked = 0
    for text in train_gold_texts()[:200]:
        ctx = _context(text)
        phrases = scored_phrases.head_phrases(
            ctx, scored_phrases._head_words(text, ctx.title_end, heads),
            word_set("task_stop"), frozenset())
        for _ in range(rnd.randint(0, 12)):  # candidates at random spans, some on phrases
            if phrases and rnd.random() < 0.3:
                a, b, ws, _ = rnd.choice(phrases)
                a, b = a + rnd.randint(-5, 5), b + rnd.randint(-5, 5)
            else:
                a = rnd.randrange(len(text))
                b = a + rnd.randint(0, 30)
            a, b = max(0, a), max(0, b)
            ctx.cands.append(Cand(a, b, text[a:b], text[a:b], "METHOD", 0.6, "test"))
        if phrases and rnd.random() < 0.2:  # a candidate naming a phrase elsewhere
            ws = rnd.choice(phrases)[2]
            ctx.cands.append(Cand(0, 0, " ".join(ws), " ".join(ws), "METHOD", 0.6, "test"))
        assert list(scored_phrases.free_phrases(ctx, phrases)) == _old_free(ctx, phrases)
        checked += len(phrases)
    assert checked > 300


def test_role_judge_features_without_the_sparse_ones_as_before():
    name = re.compile(r"\b[A-Z][A-Za-z0-9\-]+")
    checked = 0
    for text in train_gold_texts()[:150]:
        starts = core_text.sentence_starts(text)
        found = list(name.finditer(text))
        for m in found[:8]:
            mentions = [(x.start(), x.end()) for x in found if x.group() == m.group()]
            full = role_features(text, starts, m.group(), "METHOD", mentions, ["caps"], False)
            lean = role_features(text, starts, m.group(), "METHOD", mentions, ["caps"], False,
                                 sparse=False)
            assert lean == [f for f in full if not f.startswith(role_judge._DROPPED)]
            checked += 1
    assert checked > 500
