"""Metric changes of the forty-second session's metric pass (tuned on pools Z, Y, X, W and the
other tuning sets), on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("The harbour agent reduces inference cost by up to 70% relative to the dock baseline.",
     "inference cost"),
    ("The berth schedule cuts evaluation time by 26.89% on average against the quay planner.",
     "evaluation time"),
    ("Our tide filter generally reduces harmful scores by over 70% while keeping its fluency.",
     "harmful scores"),
    ("The quay planner improves decision quality by 18-34% while staying fast.",
     "decision quality"),
    ("This berth schedule reduces wall-clock training time by approximately 33% on the dock.",
     "wall-clock training time"),
    ("The tide method reduces peak memory usage by 40% on the harbour scans.", "memory usage"),
])
def test_a_measure_between_a_verb_of_change_and_by_a_value(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form in measures(ents), sorted(ents)


@pytest.mark.parametrize("abstract, form", [
    ("The quay method reduces runtime by 35.1% on the harbour logs.", "runtime"),
    ("The berth planner improves the baseline by 2-3% on every dock.", "baseline"),
    ("We lower the learning rate by 10% after each harbour epoch.", "learning rate"),
    ("The dock filter reduces tool calls by 18% over the tide agent.", "tool calls"),
    ("The quay agent improves detection of small boats by 195% over the berth model.",
     "small boats"),
])
def test_words_between_a_verb_of_change_and_by_a_value_that_name_no_measure(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form not in measures(ents), sorted(measures(ents))


def test_measures_listed_after_metrics_include(nlp):
    text = ("Our evaluation metrics include readability, persuasiveness, clarity and emotional "
            "appeal of the harbour notices.")
    got = measures(run(nlp, text))
    assert {"readability", "persuasiveness", "clarity"} <= set(got), sorted(got)


def test_a_change_by_a_factor_names_no_measure(nlp):
    ents = run(nlp, "The dock schedule reduces the training/testing time by 10-40x on the quay.")
    assert "training/testing time" not in measures(ents), sorted(measures(ents))


def test_a_quality_changed_by_a_value_names_no_measure(nlp):
    ents = run(nlp, "The berth agent boosts inference efficiency by 85.3% on the harbour logs.")
    assert "inference efficiency" not in measures(ents), sorted(measures(ents))


def test_an_averaging_word_before_a_changed_measure_of_two_words_is_left_out(nlp):
    ents = run(nlp, "The quay agent reduces the average memory-context cost by 63.3% on the dock.")
    got = measures(ents)
    assert "memory-context cost" in got and "average memory-context cost" not in got, sorted(got)
