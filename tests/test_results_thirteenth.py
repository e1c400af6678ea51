"""Results rules of the thirteenth session (docs/results.md): metrics and benchmarks checked on
invented sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_value_a_change_goes_to_takes_the_metric_of_the_value_it_goes_from():
    text = (
        "Steer9: Steering\nWe present Steer9. With Steer9, calibrated F1 improved from 0.7691 "
        "in the zero-shot setting to 0.8613 with text steering and to 0.8722 with image "
        "steering. The true positive rate fell from 0.891, when labels were clean, to 0.512, "
        "when they were biased."
    )
    got = _found(
        text, ("Steer9", "METHOD", "introduced"), ("F1", "METRIC"), ("true positive rate", "METRIC")
    )
    assert got["0.7691"]["metric"] == "F1"
    assert got["0.8722"]["metric"] == "F1"
    assert got["0.512"]["metric"] == "true positive rate"


def test_up_to_is_no_change_from_a_value():
    text = (
        "Spec9: Decoding\nWe present Spec9. Spec9 delivers up to 4.7x the decode throughput of "
        "plain decoding and up to 2.1x that of tree decoding."
    )
    got = _found(text, ("Spec9", "METHOD", "introduced"))
    assert got["2.1x"]["metric"] is None


def test_the_papers_one_dataset_whose_name_calls_it_data_is_the_benchmark_of_scores():
    text = (
        "Stacking for Depression Prediction\nThe Workplace Depression Dataset was collected "
        "from a survey. We stack three classifiers. Our model achieves an accuracy of 97.4% "
        "and an F1-score of 0.96."
    )
    got = _found(
        text,
        ("Workplace Depression Dataset", "DATASET", "used"),
        ("accuracy", "METRIC"),
        ("F1-score", "METRIC"),
    )
    assert got["97.4%"]["benchmark"] == "Workplace Depression Dataset"
    assert got["0.96"]["benchmark"] == "Workplace Depression Dataset"


def test_a_generic_data_name_or_a_second_dataset_is_not_the_papers_one_benchmark():
    text = (
        "Scans9: Classification\nA dataset of 900 scans was collected. We stack three "
        "classifiers. Our model achieves an accuracy of 97.4%."
    )
    got = _found(text, ("A dataset", "DATASET", "used"), ("accuracy", "METRIC"))
    assert got["97.4%"]["benchmark"] is None
    text = (
        "Stacking for Depression Prediction\nThe Workplace Depression Dataset and CohortX were "
        "collected from surveys. We stack three classifiers. Our model achieves an accuracy "
        "of 97.4%."
    )
    got = _found(
        text,
        ("Workplace Depression Dataset", "DATASET", "used"),
        ("CohortX", "DATASET", "used"),
        ("accuracy", "METRIC"),
    )
    assert got["97.4%"]["benchmark"] is None


def test_a_value_of_humans_chance_or_the_previous_best_is_no_systems():
    text = (
        "Tapir9: Agents\nWe present Tapir9. Tapir9 achieves 97% success on PhoneWorld-X, "
        "surpassing human performance (81%). Tapir9 scores 48.2% accuracy, above random "
        "(24.8%) and majority (28.5%) baselines. Tapir9 reaches 90.1%, an improvement over the "
        "previous benchmark of 82%, far below human-level performance of 99%."
    )
    got = _found(
        text,
        ("Tapir9", "METHOD", "introduced"),
        ("PhoneWorld-X", "BENCHMARK", "used"),
        ("accuracy", "METRIC"),
    )
    assert got["97%"]["system"] == "Tapir9"
    assert got["48.2%"]["system"] == "Tapir9"
    assert got["90.1%"]["system"] == "Tapir9"
    for value in ("81%", "24.8%", "28.5%", "82%", "99%"):
        assert got[value]["system"] is None, value
