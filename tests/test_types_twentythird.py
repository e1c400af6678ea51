"""Twenty-third pass (helper type23): types from context. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- tasks.means_learning: "X learning" after a word of the means is a technique ---------------


@pytest.mark.parametrize("sentence, name", [
    ("We align the two encoders via domain adversarial learning (DAL). Results on Office-31 "
     "improve.", "domain adversarial learning"),
    ("Most planners rely on imitation learning, which copies experts. We study driving.",
     "imitation learning"),
    ("Our tracker integrates active learning within the labelling loop.", "active learning"),
])
def test_learning_after_a_means_word_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD", e


@pytest.mark.parametrize("sentence, name", [
    # the field or the problem: "for", "in", a subject
    ("We propose a new prompt selection method for few-shot learning in vision.",
     "few-shot learning"),
    ("Our agents show strong results in continual learning on long task streams.",
     "continual learning"),
])
def test_learning_as_the_field_stays_a_task(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "TASK", e
