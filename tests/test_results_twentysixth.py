"""Results rules of the twenty-sixth session, helper res26 (docs/results.md): whose value it is
read from the sentence's grammar (a list of subjects "respectively", a finding reported "that",
a participle or "with" after a name, names compared in a list with their short forms) and the
data "this benchmark" points back to."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors import results
from paperkg.extractors.pipeline import extract
from paperkg.extractors.result_names import THIS_PAPER
from tests.extracting import results_by_value as _found


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_a_list_of_subjects_takes_its_values_respectively():
    text = ("Comparing Segmenters\nAcmeNet and BetaNet achieved mean Dice scores of 90.1 and "
            "92.4, respectively.")
    got = _found(text, ("AcmeNet", "METHOD"), ("BetaNet", "METHOD"), ("Dice scores", "METRIC"))
    assert got["90.1"]["system"] == "AcmeNet"
    assert got["92.4"]["system"] == "BetaNet"
    text = ("Graph Models for Staging\nGraph models AcmeNet and BetaNet achieved balanced "
            "accuracies of 85.2% (averaged over folds) and 85.1% in cross-validation, "
            "respectively.")
    got = _found(text, ("AcmeNet", "METHOD"), ("BetaNet", "METHOD"),
                 ("balanced accuracies", "METRIC"))
    assert got["85.2%"]["system"] == "AcmeNet"
    assert got["85.1%"]["system"] == "BetaNet"


def test_names_the_values_are_not_the_subject_of_keep_one_system():
    text = ("Tuning Harnesses\nOn tasks derived from GamNet and DeltaNet, ZetaNet improves "
            "accuracy by 3.1% and 2.2%, respectively.")
    got = _found(text, ("GamNet", "METHOD"), ("DeltaNet", "METHOD"), ("ZetaNet", "METHOD"),
                 ("accuracy", "METRIC"))
    assert got["3.1%"]["system"] == got["2.2%"]["system"] == "ZetaNet"


def test_a_finding_reported_that_is_the_subject_of_the_that_clause():
    text = ("Forecasting Blood Glucose\nWe propose a forecaster. Clinical evaluation shows "
            "that the forecaster achieves a 51% improvement in predicting dysglycemic events.")
    assert _found(text)["51%"]["system"] == THIS_PAPER


def test_this_benchmark_is_the_data_the_sentence_before_named():
    text = ("Aggregating Evidence on the Web\nWe test web agents on HardQA, a set of hard "
            "questions. On this benchmark, GPT-9 only achieves 28% accuracy.")
    got = _found(text, ("HardQA", "BENCHMARK"), ("GPT-9", "MODEL"), ("accuracy", "METRIC"))
    assert got["28%"]["benchmark"] == "HardQA"
    assert got["28%"]["system"] == "GPT-9"


def test_a_name_before_its_participle_is_the_subject():
    text = ("Threads for Reasoning\nThreadNet trained atop Qwen-8B achieves 71.9% accuracy "
            "on AIME.")
    got = _found(text, ("ThreadNet", "METHOD"), ("Qwen-8B", "MODEL"), ("accuracy", "METRIC"))
    assert got["71.9%"]["system"] == "ThreadNet"


def test_a_name_after_a_noun_and_with_is_the_subject():
    text = "Memory in Spiking Networks\nJoint training with HGRN achieves 94.4% accuracy."
    got = _found(text, ("HGRN", "METHOD"), ("accuracy", "METRIC"))
    assert got["94.4%"]["system"] == "HGRN"
    text = ("Procedural Refinement\nOur experiments show that ABPR paired with Gemini-3-Flash "
            "achieves a Pass@2 score of 56.67%.")
    got = _found(text, ("ABPR", "METHOD"), ("Gemini-3-Flash", "MODEL"), ("Pass@2", "METRIC"))
    assert got["56.67%"]["system"] != "Gemini-3-Flash"


def test_names_compared_in_a_list_with_their_short_forms_are_not_the_subject():
    text = ("Abstention Policies\nOur method outperforms Least Ambiguous Classifiers (LAC) and "
            "Adaptive Prediction Sets (APS), improving accuracy by up to 3.2%, boosting AUROC "
            "by 22.2%.")
    got = _found(text, ("Least Ambiguous Classifiers", "METHOD"),
                 ("Adaptive Prediction Sets", "METHOD"), ("accuracy", "METRIC"))
    assert got["3.2%"]["system"] == THIS_PAPER


def test_the_switches_turn_the_rules_off(monkeypatch):
    text = "Memory in Spiking Networks\nJoint training with HGRN achieves 94.4% accuracy."
    monkeypatch.setattr(results.systems, "WITH_SUBJECT", False)
    assert _found(text, ("HGRN", "METHOD"), ("accuracy", "METRIC"))["94.4%"]["system"] != "HGRN"


def test_through_the_rules_pipeline(nlp):
    (ex,) = extract([Paper(id="p", title="Comparing Segmenters",
                           abstract="AcmeNet and BetaNet achieved mean Dice scores of 90.1 and "
                                    "92.4, respectively.")], nlp=nlp)
    got = {r.value: r.system for r in ex.results}
    assert got.get("90.1") != got.get("92.4")
