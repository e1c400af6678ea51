"""Forty-second pass (speed): three patterns that re tried at every offset, now opening with a
character re can skip along the text to, each checked against the pattern it stands in for: the
task scorer's whole-word count and neighbour words, metric_cases' capitalised words and
lower_own's subject and intro verb."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.extractors.rules import logistic, lower_own, metric_cases, scored_phrases
from paperkg.extractors.words import words
from tests.extracting import train_gold_texts

# the patterns as they were written before this pass
_OLD_WORD = re.compile(
    r"(?<![\w\-@$\\^])(?=[a-z0-9\-]{0,15}[A-Z])([A-Za-z][A-Za-z0-9\-]{1,14}[A-Za-z0-9])"
    r"(?![\w\-@^])")


def _old_count(low: str, word: str) -> int:
    """The whole-word count as a pattern opening with its lookbehind finds it."""
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low))


def _old_neighbour(text: str, i: int, forward: bool) -> str:
    """The neighbour word as the patterns searched in a slice found it."""
    if forward:
        m = re.match(r"\s*(\w[\w\-]*|\S)?", text[i:i + 40])
        return (m.group(1) or "$").lower() if m else "$"
    m = re.search(r"(\w[\w\-]*|\S)?\s*$", text[max(0, i - 40):i])
    return (m.group(1) or "^").lower() if m else "^"


def _old_lower_own() -> re.Pattern:
    """lower_own's pattern opening with a word boundary."""
    verbs = "|".join(re.escape(v) for v in words("lower_own_verbs"))
    return re.compile(
        r"\b(?:[Ww]e|[Pp]aper|[Ww]ork|[Ss]tudy)\s+(?:[a-z]+ly\s+)?"
        rf"(?:{verbs})(?:s|d|ed)?\s+"
        r"((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*[a-z])"
        r"(?=\s*(?:\([^()]{1,30}\)\s*)?,\s+(?:a|an|which|that)\b)")


def _new_words(text: str) -> list[tuple[str, tuple[int, int]]]:
    """metric_cases' words and offsets as measure_case_variants now finds them."""
    return [(m.group(1), (m.start(1) - 1, m.end(1) - 1))
            for m in metric_cases._WORD.finditer(" " + text)]


def _old_words(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The same by the lookbehind pattern."""
    return [(m.group(1), m.span(1)) for m in _OLD_WORD.finditer(text)]


def _matches(pattern: re.Pattern, text: str, pos: int = 0) -> list:
    """Every match's span and groups."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


SENTENCES = [
    "We study object detection and detection-free tracking; detection, again: Detection.",
    "-detection detection_x detection- xdetection detection",
    "Semantic segmentation (SS) is hard.\nsegmentation",
    "We report AUCs, gFID and F1-Score; the nDCG@10 and $MRR$ stay, as does \\BLEU.",
    "In this work we propose sparse routing, a method that routes tokens.",
    "This paper introduces token merging (ToMe), which merges tokens. Swe propose x, a y.",
    "",
    "x",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_whole_word_count_and_neighbours_as_before(text):
    low = text.lower()
    for word in ("detection", "segmentation", "x", "a-b"):
        assert scored_phrases.count_word(low, word) == _old_count(low, word)
    for i in range(len(text) + 2):
        for forward in (True, False):
            assert logistic.neighbour(text, i, forward) == _old_neighbour(text, i, forward)


def test_whole_word_count_as_before_on_gold_and_random_strings():
    heads = sorted(words("task_pattern_heads"))
    for text in train_gold_texts()[:150]:
        low = text.lower()
        assert [scored_phrases.count_word(low, h) for h in heads] == [
            _old_count(low, h) for h in heads]
    rnd = random.Random(42)
    alphabet = "ab-_ \n.é1A'/\u2019"
    for _ in range(20000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        for word in ("ab", "a-b", "b", "é"):
            assert scored_phrases.count_word(s, word) == _old_count(s, word), (s, word)
        i = rnd.randint(0, len(s) + 1)
        assert logistic.neighbour(s, i, False) == _old_neighbour(s, i, False), (s, i)
        assert logistic.neighbour(s, i, True) == _old_neighbour(s, i, True), (s, i)


@pytest.mark.parametrize("text", SENTENCES)
def test_capitalised_words_as_before(text):
    assert _new_words(text) == _old_words(text)


def test_capitalised_words_as_before_on_gold_and_random_strings():
    for text in train_gold_texts():
        assert _new_words(text) == _old_words(text)
    rnd = random.Random(1)
    alphabet = "aBc1-@$\\^ _\n.Zé"
    for _ in range(20000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25)))
        assert _new_words(s) == _old_words(s), s


def test_capitalised_word_at_the_start_and_after_a_sign():
    assert _new_words("AUCs rise") == [("AUCs", (0, 4))]
    assert _new_words("x $MRR and -MRR, (MRR)") == [("MRR", (18, 21))]


@pytest.mark.parametrize("text", SENTENCES)
def test_lower_own_pattern_as_before(text):
    new, old = lower_own._lower_own_re(), _old_lower_own()
    for pos in range(0, 4):
        assert _matches(new, text, pos) == _matches(old, text, pos)


def test_lower_own_pattern_as_before_on_gold_and_random_strings():
    new, old = lower_own._lower_own_re(), _old_lower_own()
    found = 0
    for text in train_gold_texts():
        got = _matches(new, text)
        assert got == _matches(old, text)
        found += len(got)
    verbs = [v + " " for v in words("lower_own_verbs")[:3]]
    pieces = ["We ", "we ", "paper ", "Work ", "study ", "s", "W", "aWe ", "_we ", "é", " ",
              ", a ", ", which ", "(x) ", "newly ", "\n", "-", "data set", "mix-up"] + verbs
    rnd = random.Random(3)
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        pos = rnd.randint(0, 3)
        assert _matches(new, s, pos) == _matches(old, s, pos), s


def test_lower_own_pattern_opens_with_a_character_set():
    # re skips along the text only for a pattern whose first item is a literal or a set
    assert lower_own._lower_own_re().pattern.startswith("[WwPpSs]")
    assert metric_cases._WORD.pattern.startswith("[^")
