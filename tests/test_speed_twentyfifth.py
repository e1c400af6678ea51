"""Speed, twenty-fifth pass (helper speed25): each cheaper path gives what the path it replaced
(kept here as the reference) gives, on invented texts of every shape and on random strings."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.core.text import sentence_starts
from paperkg.extractors.rules import heads, metrics, tasks
from paperkg.extractors.rules.base import Context


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def random_texts(alphabet: list[str], n: int, most: int, seed: int) -> list[str]:
    """n random strings of up to `most` pieces of the alphabet (fixed seed)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, most)))
            for _ in range(n)]


# --- tasks: the words before a key word ------------------------------------------------------

# _X_BEFORE as it was: greedy words and spaces, searched from 90 characters back
X_BEFORE_GREEDY = re.compile(
    rf"(?<![\w\-])((?:{tasks._LEAD_ACRONYM})?(?:{tasks._LOWER_WORD}\s+){{0,4}}"
    rf"{tasks._LOWER_WORD})\s+$")

X_TEXTS = [
    "we study the link prediction task", "for AIGC image detection tasks",
    "for 3D part segmentation problem", "a very long chain of many lower case words task",
    "the x-ray-based lesion detection task", "the-a b task", "(graph matching task",
    "vector-valued property prediction  \n task", "ends with a hyphen- task", "GPT4 reasoning task",
    "two\u00a0spaced\u2009words task", "é accented word task", "\nnew line task", "a task",
]
X_RANDOM = random_texts(["ab", "c-d", "3D", "XY", " ", "  ", "\n", "(", ",", "é", "\u00a0",
                         "-", "z9"], 3000, 30, 25)


@pytest.mark.parametrize("text", X_TEXTS)
def test_x_before_same_as_greedy(text):
    for hi in range(len(text) + 1):
        for lo in (0, max(0, hi - 90), max(0, hi - 12)):
            old = X_BEFORE_GREEDY.search(text, lo, hi)
            new = tasks._X_BEFORE.search(text, tasks._words_back(text, lo, hi, tasks._X_WORDS),
                                         hi)
            assert (old and (old.span(), old.group(1))) == (new and (new.span(), new.group(1)))


def test_x_before_same_on_random_strings():
    for text in X_RANDOM:
        for hi in range(len(text) + 1):
            for lo in (0, max(0, hi - 9)):
                old = X_BEFORE_GREEDY.search(text, lo, hi)
                new = tasks._X_BEFORE.search(
                    text, tasks._words_back(text, lo, hi, tasks._X_WORDS), hi)
                assert (old and old.span()) == (new and new.span()), (text, lo, hi)


def test_words_back():
    text = "one two  three\tfour five six seven eight "
    assert tasks._words_back(text, 0, len(text), 6) == text.index(" three") - 1
    assert tasks._words_back(text, 0, len(text), 20) == 0
    assert tasks._words_back(text, 10, len(text), 2) == text.index(" seven")


def test_task_phrase_before_task(nlp):
    doc = nlp("Graph learning\nWe address the link prediction task on large graphs.")
    assert "link prediction" in {e["name"].lower() for e in doc.user_data["pk_ents"]}


# --- tasks: the word before a phrase's head ----------------------------------------------------

WORD_RANDOM = random_texts(["ab", "c", "-", "3", " ", "\n", "x-y", "(", "é", "\u00a0", "Q"],
                           3000, 25, 26)


@pytest.mark.parametrize("text", [
    "change detection", "for change detection", "3d-point cloud detection", "-- detection",
    "ab-3 c", "a \n", "ab \n", " \n", "\n", "a  b", "x-y-z ", "é b ", "", " ", "a ",
])
def test_word_before_same_as_regex(text):
    for hi in range(len(text) + 1):
        for lo in range(hi + 1):
            m = tasks._WORD_BEFORE.search(text, lo, hi)
            assert tasks._word_before(text, lo, hi) == (m.start() if m else -1), (lo, hi)


def test_word_before_same_on_random_strings():
    for text in WORD_RANDOM:
        for hi in range(len(text) + 1):
            for lo in (0, max(0, hi - 6), max(0, hi - 2)):
                m = tasks._WORD_BEFORE.search(text, lo, hi)
                assert tasks._word_before(text, lo, hi) == (m.start() if m else -1)


def test_repeated_task_phrase(nlp):
    doc = nlp("Change detection in satellite images\nWe study change detection with a new "
              "network; change detection is hard.")
    assert "change detection" in {e["name"].lower() for e in doc.user_data["pk_ents"]}


# --- heads: the evaluation sentence ----------------------------------------------------------

EVAL_RANDOM = random_texts(["On", "oN", "ACROSS", "Evaluated", "experiment", "Benchmarks",
                            "RESULT", "tested", "Outperforms", "achieve", "Score", "accuracy",
                            "surpassing", "x", "_on", "on_", "9on", "\uff2fn", "\u017fcore",
                            "\u212a", "\n", ".", " ", "-"], 3000, 12, 27)


def context(text: str) -> Context:
    """A context of text alone (no gazetteer)."""
    return Context(text, sentence_starts(text) or [0], [], [], None)


@pytest.mark.parametrize("text", [
    "We EVALUATE it. It runs on GPUs", "Results: fine.", "no such words here", "Tested.",
    "\u017fcore", "SCORE \u00e9", "the Kelvin sign \u212aelvin on", "upon contest", "_on on_",
])
def test_evaluation_sentence_same_as_ignorecase(text):
    ctx = context(text)
    for s1 in range(len(text) + 1):
        for s0 in range(s1 + 1):
            assert heads.evaluation_sentence(ctx, s0, s1) == (
                heads.EVAL_CONTEXT.search(text, s0, s1) is not None), (s0, s1)


def test_evaluation_sentence_same_on_random_strings():
    for text in EVAL_RANDOM:
        ctx = context(text)
        for s0 in range(0, len(text) + 1, 3):
            for s1 in (s0, s0 + 5, len(text)):
                assert heads.evaluation_sentence(ctx, s0, s1) == (
                    heads.EVAL_CONTEXT.search(text, s0, s1) is not None)


def test_evaluation_context_marks_evaluated(nlp):
    doc = nlp("A title\nWe propose FooNet. FooNet achieves the best accuracy on BarBench.")
    bar = [e for e in doc.user_data["pk_ents"] if e["name"] == "BarBench"]
    assert bar and bar[0]["evaluated"]


# --- the text in lower case, made once -------------------------------------------------------

def test_context_low():
    ctx = context("Mean Squared ERRORS of \u0130stanbul")
    assert ctx.low == ctx.text.lower()
    assert ctx.low is ctx.low  # made once


def test_head_spans_of_lower_case():
    text = "Top-1 Accuracy and F1 score; accuracy_x, ACCURACY-based and mAP@5 scores"
    assert metrics._head_spans(text.lower()) == metrics._head_spans(context(text).low)
    assert metrics._head_spans(text.lower())


# --- tasks: possessive words in the phrase patterns ------------------------------------------

POSSESSIVE = ["_TASK_OF", "_X_BEFORE", "_WE_STUDY", "_FOR_X", "_LIST_NEXT", "_ITEM_BEFORE",
              "_ITEM_NEXT", "_ITEM_FIRST", "_SUBJECT", "_COPULA_SUBJECT", "_OPENING_SUBJECT",
              "_AIMS_SUBJECT"]
PHRASE_TEXTS = [
    "the task of link prediction in graphs", "problems known as zero-shot node ranking,",
    "We study open-vocabulary object detection, a hard task", "for 3D part segmentation.",
    "such as link prediction and node ranking)", "A, b-c and d e f g h i",
    "Video anomaly detection is a challenging task", "Multi-agent path finding (MAPF) has been "
    "the problem", "Graph matching aims to align nodes", "Relation extraction, which",
    "Text-to-SQL parsing remains an open problem", "ab-cd- ef", "x-1-y z9 (ab)",
]
PHRASE_RANDOM = random_texts(["ab", "c-d", "3D", "XY", "Ab", " ", "\n", "(", ",", ".", ")", "-",
                              "z9", "_", "and ", "task ", "problem of ", "for ", " is a ",
                              " aims to ", " (AB) ", " has been ", " problem", "Q9-x"],
                             1500, 20, 28)


def greedy(pattern: re.Pattern) -> re.Pattern:
    """The pattern with every possessive quantifier greedy (as it was before this pass)."""
    return re.compile(pattern.pattern.replace("*+", "*").replace("++", "+"), pattern.flags)


def same_everywhere(name: str, texts: list[str]) -> None:
    """The pattern and its greedy form match alike at every offset of every text (searched
    back from each offset for the two that end at one)."""
    new = getattr(tasks, name)
    old = greedy(new)
    assert old.pattern != new.pattern
    for text in texts:
        for p in range(len(text) + 1):
            if name in ("_X_BEFORE", "_ITEM_BEFORE"):
                pairs = [(old.search(text, lo, p), new.search(text, lo, p))
                         for lo in (0, max(0, p - 9))]
            else:
                pairs = [(old.match(text, p), new.match(text, p))]
            for a, b in pairs:
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (
                    name, text, p)


@pytest.mark.parametrize("name", POSSESSIVE)
def test_possessive_same_as_greedy(name):
    same_everywhere(name, PHRASE_TEXTS + PHRASE_RANDOM)
