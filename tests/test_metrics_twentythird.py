"""Metric rule changes of the twenty-third session (tuned on poolA and train, kept only where the
held-out poolB rose too), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, name", [
    ("After each step the planner computes the Expected Utility Gain and stops when it is small.",
     "Expected Utility Gain"),
    ("The selector keeps the features with the largest Mutual Information Gain over the labels.",
     "Mutual Information Gain"),
    ("We rank the answers by their Consistency Scores and keep the top ten.",
     "Consistency Scores"),
    ("The detectors are compared by their Shifted Macro-F1 under the new split.",
     "Shifted Macro-F1"),
])
def test_a_title_case_name_ending_in_gain_scores_or_f1_is_a_measure(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METRIC"


def test_a_title_case_method_name_keeps_its_type(nlp):
    e = find(run(nlp, "We train the Gain Scheduling Network on the simulator."),
             "Gain Scheduling Network")
    assert e is None or e.type != "METRIC"
