"""Metric rule changes of the thirty-first session's metric pass (tuned on pools A-E, N-Q and
train), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("The dock classifier reaches F1=0.81 on the night frames.", "F1"),
    ("On the harbour scans the tagger keeps precision=1.00 at every threshold.", "precision"),
    ("The quay detector scores AUC=0.93 on the held-out berths.", "AUC"),
])
def test_a_known_measure_written_against_equals_and_a_value_is_a_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


def test_a_word_against_equals_that_is_no_known_measure_types_nothing(nlp):
    ents = run(nlp, "We set harbourrate=0.1 for the dock tagger on the night frames.")
    e = find(ents, "harbourrate")
    assert e is None or e.type != "METRIC"


@pytest.mark.parametrize("abstract", [
    "The tide regressor reaches R2 = 0.91 on the harbour gauges.",
    "The tide regressor keeps R2 > 0.95 for every gauge.",
    "The tide regressor reaches an R2 of 0.88 on the harbour gauges.",
])
def test_r2_beside_a_value_is_the_measure(nlp, abstract):
    e = find(run(nlp, abstract), "R2")
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("abstract", [
    "Berth R2 of the harbour is the busiest in winter.",
    "Clauses such as R1(x, z) and R2(z, y) chain the dock relations.",
])
def test_r2_as_a_label_is_no_measure(nlp, abstract):
    e = find(run(nlp, abstract), "R2")
    assert e is None or e.type != "METRIC"


@pytest.mark.parametrize("abstract, form", [
    ("The smoothed dock detector reaches a certified accuracy of 91% on the night frames.",
     "certified accuracy"),
    ("The new loss raises the certified robust accuracy by 4% on the harbour scans.",
     "certified robust accuracy"),
])
def test_certified_opens_a_compound_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


def test_constraint_satisfaction_is_no_known_task(nlp):
    ents = run(nlp, "Our harbour planner guarantees constraint satisfaction at every berth and "
                    "improves throughput by 12%.")
    e = find(ents, "constraint satisfaction")
    assert e is None or e.type != "TASK"


@pytest.mark.parametrize("abstract, word", [
    ("Plain smoothing yields weak detection accuracy of 14% on the harbour scans.", "weak"),
    ("Wrapped training collapses to severe accuracy drops of 30% on the dock frames.", "severe"),
    ("The old tagger shows poor detection accuracy of 41% on the night frames.", "poor"),
])
def test_a_judging_adjective_opens_no_compound_measure(nlp, abstract, word):
    ents = run(nlp, abstract)
    assert not any(n.lower().startswith(word + " ") for n in ents), ents


@pytest.mark.parametrize("abstract, form", [
    ("Designed harbour proteins reach a mean pLDDT of 85.", "pLDDT"),
    ("The quay codec keeps VMAF above 90 at half the bitrate.", "VMAF"),
    ("The tide model reaches an NRMSE of 0.05 on the gauges.", "NRMSE"),
    ("The harbour receiver cuts the BER by half at low power.", "BER"),
    ("Harbour placement lowers HPWL by 4% on the quay circuits.", "HPWL"),
    ("The dock trading agent reaches a Sharpe ratio of 1.9.", "Sharpe ratio"),
])
def test_standard_short_measure_names_are_known(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form
