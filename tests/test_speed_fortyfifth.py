"""Forty-fifth pass (speed): the session-44 stages' patterns that re tried at every offset, each
checked against the code it stands in for: eponym_techniques' name, odd_data_names' two names,
metric_bracketed's lead (tried from the third word before the bracket on) and the judges' word
before an offset and logistic sum."""

from __future__ import annotations

import math
import random
import re

import pytest

from paperkg.extractors.rules import eponym_techniques, logistic, metric_bracketed, odd_data_names
from paperkg.extractors.words import alternation, words
from tests.extracting import train_gold_texts

# the patterns as they were written before this pass (their lookbehind first)
_OLD_EPONYM = re.compile(
    r"(?<![\w\-.$\\/])([A-Z][a-z\u00df-\u00ff]+(?:-[A-Z][a-z\u00df-\u00ff]+)*)((?:'s)?)"
    r"[ \t]+(" + alternation(words("eponym_technique_heads")) + r")\b(?![\w\-])")
_OLD_BEFORE_HEAD = re.compile(
    r"(?<![\w\-\\.&/])(\d+[A-Z][A-Za-z\d]*(?:-[A-Za-z\d]+)*|[A-Z][A-Za-z\d]+&[A-Z][A-Za-z\d]+)"
    r"\s+(datasets?|benchmarks?|corpus|corpora|suites?)\b")
_OLD_YEAR_MARKED = re.compile(
    r"(?<![\w\-\\'’])([A-Z][A-Za-z\d\-]*[A-Za-z])['’](\d{2})(?![\w'’])"
    r"(?:[ \-]([A-Z][a-z]+-[A-Z][a-z]+))?")
_OLD_BEFORE = re.compile(r"(\w[\w\-]*|\S)?\s*$")


def _old_bracketed(text: str):
    """metric_bracketed.bracketed as it was: every word start of the run before a bracket."""
    pos = 0
    while (b := text.find("(", pos)) >= 0:
        w0 = max(pos, b - metric_bracketed._LEAD_REACH)
        lo = b - metric_bracketed._LEAD_RUN.match(text[w0:b][::-1]).end()
        if lo == w0:
            lo = pos
        for s in metric_bracketed._WORD_START.finditer(text, lo, b):
            m = metric_bracketed._BRACKETED.match(text, s.start())
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = b + 1


def _old_neighbour_before(text: str, i: int) -> str:
    """The word before an offset as the search over the 40 characters before found it."""
    m = _OLD_BEFORE.search(text, max(0, i - 40), i)
    return (m.group(1) or "^").lower() if m else "^"


def _old_probability(model: dict, feats: list[str]) -> float:
    """The logistic probability with the weights summed by a generator."""
    w = model["weights"]
    z = model["bias"] + sum(w.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _matches(pattern: re.Pattern, text: str, pos: int = 0) -> list:
    """Every match's span and groups."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


SENTENCES = [
    "We minimise a Huber loss and a first-order Taylor expansion; the Halpern iteration runs.",
    "Huber loss at the start, x.Huber loss, $Huber loss, \\Huber loss, a/Huber loss, -Huber loss",
    "the de Rham decomposition and Kalman-Bucy filter with Newton's method",
    "We test on the HumanML3D and 100STYLE datasets, FG-OVD and 3F-OVD benchmarks, Who&When suite.",
    "x3F-OVD datasets, .3F-OVD corpus, &Who&When corpora, 3D benchmarks, 12AB-cd suites",
    "AMC'23, SHREC’17, WMT'14 English-German, [SICOMP'20], x'AMC'23, at MultiMediate'25",
    "We use the Kullback-Leibler (KL) divergence and the Jensen-Shannon (JS) divergence loss.",
    "a b c d e f (KL) divergence; Sliced Wasserstein (MSW) distance (x) y",
    "large language models (LLMs) such as GPT-4 (OpenAI, 2023) ( ) (",
    "  \n  word -- x-y  , (é) ² \u00a0 ",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_patterns_as_before(text):
    """The three name patterns find what their lookbehind-led forms found, from every offset."""
    for pos in range(len(text) + 1):
        assert _matches(eponym_techniques._PAT, text, pos) == _matches(_OLD_EPONYM, text, pos)
        assert _matches(odd_data_names._BEFORE_HEAD, text, pos) == \
            _matches(_OLD_BEFORE_HEAD, text, pos)
        assert _matches(odd_data_names._YEAR_MARKED, text, pos) == \
            _matches(_OLD_YEAR_MARKED, text, pos)


def test_patterns_open_with_a_character_set():
    """Each new pattern opens with a character (a set re skips along the text to), not with
    its lookbehind: this fails on the code before this pass."""
    for pattern in (eponym_techniques._PAT, odd_data_names._BEFORE_HEAD,
                    odd_data_names._YEAR_MARKED):
        assert pattern.pattern.startswith("(["), pattern.pattern[:20]


def test_patterns_as_before_on_gold_and_random_strings():
    """The same matches over the train gold's texts and 8,000 random strings."""
    rnd = random.Random(45)
    pieces = list("aZ3 9-./\\&'’_$\n\tÉéß0") + [
        "Huber", "loss", "Taylor", "expansion", "dataset", "datasets", "benchmark", "corpus",
        "suites", "3F-OVD", "Who&When", "AMC", "'23", "WMT'14", " English-German", "de "]
    texts = train_gold_texts() + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
                             for _ in range(8_000)]
    found = 0
    for text in texts:
        for pos in (0, text.find("\n") + 1):
            old = _matches(_OLD_EPONYM, text, pos)
            assert _matches(eponym_techniques._PAT, text, pos) == old, text
            assert _matches(odd_data_names._BEFORE_HEAD, text, pos) == \
                _matches(_OLD_BEFORE_HEAD, text, pos), text
            assert _matches(odd_data_names._YEAR_MARKED, text, pos) == \
                _matches(_OLD_YEAR_MARKED, text, pos), text
            found += bool(old)
    assert found > 30  # names with a technique head matched (65 here)


def _spans(matches) -> list:
    """Each match's span and groups."""
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", SENTENCES)
def test_bracketed_as_before(text):
    """The bracketed leads tried from the third word on: the same matches as from every word."""
    assert _spans(metric_bracketed.bracketed(text)) == _spans(_old_bracketed(text))


def test_bracketed_as_before_on_gold_random_and_long_runs():
    """The same matches over the train gold, 8,000 random strings and runs of words longer
    than the 400 characters looked back at once."""
    rnd = random.Random(7)
    pieces = ["Kullback", "-", "Leibler", " ", "  ", "\t", "\n", "(", ")", "KL", "divergence",
              "x", "'", "3", ",", ".", "é", "\u00a0", "JS", "a", "B", "_"]
    texts = train_gold_texts()
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
              for _ in range(8_000)]
    texts += [" ".join(rnd.choice(["word", "Kullback-Leibler", "x" * rnd.randint(1, 300), "a"])
                       for _ in range(rnd.randint(50, 200))) + " (KL) divergence loss (x) y"
              for _ in range(300)]
    found = 0
    for text in texts:
        old = _spans(_old_bracketed(text))
        assert _spans(metric_bracketed.bracketed(text)) == old, text
        found += bool(old)
    assert found > 100


def test_a_bracketed_measure_still_found():
    """The Kullback-Leibler (KL) divergence is still matched whole after a long lead."""
    text = "We compare the losses of many models trained with the Kullback-Leibler (KL) divergence."
    (m,) = list(metric_bracketed.bracketed(text))
    assert m.group(1) == "with the Kullback-Leibler" and m.group(3) == "divergence"


@pytest.mark.parametrize("text", SENTENCES)
def test_word_before_as_before(text):
    """The word before every offset read backwards: the same as the search found it."""
    for i in range(len(text) + 1):
        assert logistic.neighbour(text, i, False) == _old_neighbour_before(text, i), (text, i)


def test_word_before_as_before_on_gold_and_random_strings():
    """The same at every third offset of the train gold and every offset of 2,000 random strings
    of words, hyphens, underscores, digits, marks and odd spaces."""
    rnd = random.Random(3)
    pieces = list("ab-_ 3\n\t,.(É\u00a0\u2003²") + ["word", "--", "x-y", "  "]
    for text in train_gold_texts():
        for i in range(0, len(text) + 1, 3):
            assert logistic.neighbour(text, i, False) == _old_neighbour_before(text, i)
    for _ in range(2_000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60)))
        for i in range(len(s) + 1):
            assert logistic.neighbour(s, i, False) == _old_neighbour_before(s, i), (s, i)


def test_probability_as_before():
    """The weights summed by map: the same probability to the last bit."""
    rnd = random.Random(11)
    model = {"bias": -0.3, "weights": {f"f{k}": rnd.uniform(-3, 3) for k in range(50)}}
    for _ in range(20_000):
        feats = [f"f{rnd.randint(0, 80)}" for _ in range(rnd.randint(0, 30))]
        assert logistic.probability(model, feats) == _old_probability(model, feats)
