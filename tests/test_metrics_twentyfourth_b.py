"""Metric rule changes of the twenty-fourth session's second metric pass (tuned on poolA and
train, kept only where the held-out poolB rose too), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("On the harbour set the error rates of the planner stay below 3% in every run.",
     "error rates"),
    ("The planner lowers the error rate by 12% against the baselines on the harbour set.",
     "error rate"),
])
def test_one_measure_word_on_another_is_no_compound_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is None or e.type != "METRIC", form


def test_a_named_error_rate_is_still_a_measure(nlp):
    e = find(run(nlp, "The planner lowers the word error rate by 12% on the harbour set."),
             "word error rate")
    assert e is not None and e.type == "METRIC"
