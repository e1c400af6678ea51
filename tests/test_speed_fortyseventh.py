"""Forty-seventh pass (speed): the glued-stop pattern opening with its stop, part_lists' pattern
of tries, widen_metrics' and the scorers' whole-word counts by str.find, and the task and measure
scorers' head words from one search, each checked against what it stands in for."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.core import text as core_text
from paperkg.extractors.results import metricforms
from paperkg.extractors.rules import metric_scored, part_lists, scored_phrases
from paperkg.extractors.rules.base import Context, word_union
from paperkg.extractors.words import alternation, trie_alternation, words
from tests.extracting import train_gold_texts

# the patterns as they were written before this pass
_OLD_GLUED = re.compile(r"(?<=[a-z0-9)\]}%$])\.(?=[A-Z][a-z])")


def _old_list_re() -> re.Pattern:
    """part_lists' verb-and-head pattern with longest-first word lists."""
    parts = alternation(words("part_list_verbs"), r"\s+")
    intro = alternation(words("part_list_intro_verbs"), r"\s+")
    heads = alternation(words("part_list_heads"), r"\s+")
    new = part_lists._list_re().pattern
    tail = new[new.index(r"(?P<intro>"):]
    tail = tail[tail.index(r"))\s+") + 2:]  # what follows the two verb groups
    tail = tail.replace(trie_alternation(words("part_list_heads"), space=r"\s+"), heads, 1)
    return re.compile(rf"\b(?:(?P<parts>{parts})|(?P<intro>{intro})){tail}")


SENTENCES = [
    "Our model consists of two key components: Structure Alignment and Semantic Alignment.",
    "We propose three modules (Fusion Block, Gate Unit and Mixer), evaluated on applications.In "
    "this work accuracy.The end",
    "It comprises four stages -- Alpha, Beta and Gamma -- each trained.Then x",
    "We  introduce   two novel metrics, namely Explanation Necessity and Sufficiency.",
    "The framework is made up of several blocks: A, B.We also present 3 datasets: X and Y.",
    "torch.autograd.Function and Dr.Jit, Avg.Acc; 95%.Next one)].Also $.Be 3.The",
    ".Start", "a.B", "a.Bc", "", "x",
]


def _random_strings(n: int, alphabet: str, seed: int = 47) -> list[str]:
    """n random strings of the characters given, of up to 30 characters."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


def test_glued_stop_pattern_opens_with_the_stop():
    assert core_text._GLUED_END.pattern.startswith(r"\.")


@pytest.mark.parametrize("text", SENTENCES)
def test_glued_stops_as_before(text):
    assert [m.span() for m in core_text._GLUED_END.finditer(text)] == [
        m.span() for m in _OLD_GLUED.finditer(text)]


def test_glued_stops_as_before_on_gold_and_random_strings():
    texts = train_gold_texts() + _random_strings(20000, "aZ.)]}%$0 \nAb")
    for text in texts:
        assert [m.span() for m in core_text._GLUED_END.finditer(text)] == [
            m.span() for m in _OLD_GLUED.finditer(text)], text
    found = sum(len(core_text._GLUED_END.findall(t)) for t in texts)
    assert found > 300  # the random strings and the gold hold some hundreds of glued stops


def test_trie_alternation_with_space_matches_as_alternation():
    forms = ["consists of", "consist of", "consisting of", "is made up of", "is", "has",
             "a b", "a  c", "ab"]
    space = r"\s+"
    old = re.compile(rf"\b(?:{alternation(forms, space)})")
    new = re.compile(rf"\b(?:{trie_alternation(forms, space=space)})")
    assert r"\s+" in new.pattern and r"\ " not in new.pattern
    for text in SENTENCES + _random_strings(5000, "consti fmadeupbh \n", 7):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_part_lists_pattern_is_made_of_tries():
    assert r"(?P<parts>(?:are\s+composed\s+of|co(?:" in part_lists._list_re().pattern


@pytest.mark.parametrize("text", SENTENCES)
def test_part_lists_matches_as_before(text):
    old = _old_list_re()
    assert old.pattern != part_lists._list_re().pattern
    for lo in (0, text.find("\n") + 1):
        assert [(m.span(), m.groupdict()) for m in part_lists._list_re().finditer(text, lo)] == [
            (m.span(), m.groupdict()) for m in old.finditer(text, lo)]


def test_part_lists_matches_as_before_on_gold():
    old = _old_list_re()
    n = 0
    for text in train_gold_texts():
        got = [(m.span(), m.groupdict()) for m in part_lists._list_re().finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in old.finditer(text)]
        n += len(got)
    assert n > 0


@pytest.mark.parametrize("name", ["AUC", "F1", "a", "aa", "mAP@5", "é"])
def test_found_at_as_finditer(name):
    for seg in SENTENCES + _random_strings(3000, "aAUCF1 @5mPé", 3):
        assert metricforms._found_at(seg, name) == [
            m.start() for m in re.finditer(re.escape(name), seg)], (seg, name)


def test_count_word_of_an_empty_word_as_the_pattern():
    for low in ("", "a b", "-", " x "):
        expected = len(scored_phrases._whole_word("").findall(low))
        assert scored_phrases.count_word(low, "") == expected


def _context(text: str) -> Context:
    """A rule context of a text with no gazetteer: what the scorers' head search reads."""
    return Context(text, core_text.sentence_starts(text), [], [], None)


def test_scored_head_words_as_each_sets_own_search():
    task = word_union("task_pattern_heads", "task_scored_heads")
    measure = word_union(*metric_scored._HEAD_LISTS)
    method = word_union(*scored_phrases.METHOD_HEAD_LISTS)
    assert task | measure | method <= scored_phrases._scored_heads()
    texts = train_gold_texts() + [
        "Title\nWe study object detection, error rates and accuracy-based scores; detection.",
        "Title\n-detection x-accuracy accuracy/error error-rate Detection accuracy2 f1 score",
    ]
    rnd = random.Random(5)
    pieces = ["detection", "accuracy", "error", "rate", "score", "loss", "shaping", "-", "/",
              " ", "x", "2", "\n"]
    texts += ["t\n" + "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
              for _ in range(5000)]
    n = 0
    for text in texts:
        ctx = _context(text)
        for heads in (task, measure, method):
            got = scored_phrases.scored_head_words(ctx, heads)
            assert got == scored_phrases._head_words(text, ctx.title_end, heads), text
            n += len(got)
        assert scored_phrases._SCRATCH in ctx.scratch  # searched once for the three
    assert n > 5000
