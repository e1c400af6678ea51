"""Metric rule changes of the sixth session (tuned on train split a, checked on split b and the
annotators' corpus papers), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


@pytest.mark.parametrize("sentence, metric", [
    ("It lowers the relative L2 reconstruction error by 12%.", "relative L2 reconstruction error"),
    ("The median delay spread error drops to 4 ns.", "median delay spread error"),
])
def test_a_compound_measure_takes_up_to_three_modifier_words(nlp, sentence, metric):
    e = find(run(nlp, sentence), metric, ignore_case=True)
    assert e is not None and e.type == "METRIC"


def test_three_modifier_words_still_stop_at_a_verb_or_determiner(nlp):
    ents = run(nlp, "Our method improves the detection accuracy by 3 points.")
    assert find(ents, "detection accuracy") is not None
    assert find(ents, "improves the detection accuracy") is None


@pytest.mark.parametrize("sentence, not_metric", [
    ("It delivers up to +7.6 pp accuracy over the prior baseline.", "pp accuracy"),
    ("Traditional metrics like accuracy and F1 miss the benefit of such models.",
     "like accuracy"),
    ("The classifier achieved an exceptional accuracy of 83.7% on the test set.",
     "exceptional accuracy"),
    ("We study how similarity scores of 0.8 relate across models.", "study how similarity"),
])
def test_units_evaluative_words_and_verbs_do_not_start_a_measure(nlp, sentence, not_metric):
    assert find(run(nlp, sentence), not_metric, ignore_case=True) is None
