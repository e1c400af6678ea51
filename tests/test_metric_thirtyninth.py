"""Metric changes of the thirty-ninth session's metric pass (tuned on pools Z, Y, X, W and the
other tuning sets), on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, results_by_value, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("The harbour classifier reaches a sensitivity of 93.1% on the dock scans.", "sensitivity"),
    ("The harbour classifier reaches an accuracy of 91.2%, sensitivity of 88.4%, specificity of "
     "95.0% on the dock scans.", "specificity"),
    ("Five pilots reached a mean sensitivity of 61.5% on the berth images.", "sensitivity"),
    ("The quay agent achieves an impressive repair rate of 72.4% without retries.",
     "repair rate"),
    ("The berth planner achieves a high coverage of 87% of the reproduced faults.", "coverage"),
    ("The quay view received an average helpfulness rating of 4.2 out of 5.",
     "helpfulness rating"),
    ("Our dock agent achieves an average return of 310 points on the tide task.",
     "average return"),
    ("The tide model achieves a median position error of 0.31 m on held-out berths.",
     "position error"),
    ("The two harbour annotators reached an inter-annotator agreement of 0.74.",
     "inter-annotator agreement"),
])
def test_the_measure_named_before_of_and_a_value(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form in measures(ents), sorted(ents)


@pytest.mark.parametrize("abstract, form", [
    ("We train the berth model with a learning rate of 0.001 on the dock scans.", "learning rate"),
    ("The quay agent shows an improvement of 4.3% over the tide baseline.", "improvement"),
    ("Our dock model reaches the highest score of 61.2 on the berth split.", "highest score"),
    ("The berth corpus holds a total of 5,120 harbour logs.", "total"),
    ("We release a set of 120 berth scans for the dock task.", "set"),
    ("The quay planner runs at a rate of 93.5 kHz on one board.", "rate"),
    ("We study the structure of 3D berth scans.", "structure"),
    ("Against the harbour baseline score of 1.053, our dock model reaches 0.647.",
     "baseline score"),
    ("Even with a high mask ratio of 80%, the berth model keeps its accuracy.", "mask ratio"),
    ("The quay sensor works at extended distances of up to 30 meters.", "distances"),
    ("The berth model scores 84.8%, against a baseline encoder-only score of 32.83%.",
     "encoder-only score"),
    ("Better tide data gives a coverage of 14 harbours in the dock survey.", "coverage"),
    ("The quay predictor is close, with best- and worst-case errors of 0.3% and 1.9%.",
     "worst-case errors"),
    ("The berth chatbot had the best results, with mean scores of 3.44 from the pilots.",
     "mean scores"),
])
def test_words_before_of_and_a_value_that_name_no_measure(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form not in measures(ents), sorted(measures(ents))


_REPAIRS = ("The system reached a 70% repair convergence rate at the family level, with a mean of "
            "3.4 repair iterations to convergence.")


def test_a_plain_number_before_what_it_counts_takes_no_measure_before_it(monkeypatch):
    from paperkg.extractors.results import metrics
    got = results_by_value(_REPAIRS, ("repair convergence rate", "METRIC"))
    assert got["70%"]["metric"] == "repair convergence rate"
    assert got["3.4"]["metric"] is None
    monkeypatch.setattr(metrics, "COUNTED", False)
    assert results_by_value(_REPAIRS, ("repair convergence rate", "METRIC"))["3.4"][
        "metric"] == "repair convergence rate"


def test_a_plain_number_before_a_unit_keeps_the_measure_before_it():
    text = "The berth model reaches an accuracy of 81.2, with 2.3 points over the tide baseline."
    got = results_by_value(text, ("accuracy", "METRIC"))
    assert got["81.2"]["metric"] == "accuracy"
