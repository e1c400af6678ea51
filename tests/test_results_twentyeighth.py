"""Results rules of the twenty-eighth session, helper res28 (docs/results.md): "respectively"
after a metric with a decimal point, benchmarks listed right before the values they pair with, a
name in brackets right after an unnamed group."""

from __future__ import annotations

from paperkg.extractors import results
from paperkg.extractors.results import lists, systems
from tests.extracting import results_by_value as _found


def test_respectively_after_a_metric_with_a_decimal_point_pairs_the_benchmarks():
    text = ("Dense Captions in Point Clouds\nExperiments on two datasets, RoomScan and Obj3D, show "
            "that CapNet beats earlier methods by 9.21% and 4.05% in CIDEr@0.5IoU, respectively.")
    got = _found(text, ("RoomScan", "DATASET"), ("Obj3D", "DATASET"),
                 ("CapNet", "METHOD", "introduced"), ("CIDEr@0.5IoU", "METRIC"))
    assert got["9.21%"]["benchmark"] == "RoomScan"
    assert got["4.05%"]["benchmark"] == "Obj3D"


def test_benchmarks_listed_right_before_the_values_pair_with_them(monkeypatch):
    text = ("Geometry Problems for Vision Models\nOur best models surpass the baselines in "
            "ShapeQA and AngleBench by 8.3% and 2.6%, ahead of closed models.")
    ents = (("ShapeQA", "BENCHMARK"), ("AngleBench", "BENCHMARK"))
    got = _found(text, *ents)
    assert got["8.3%"]["benchmark"] == "ShapeQA"
    assert got["2.6%"]["benchmark"] == "AngleBench"
    monkeypatch.setattr(lists, "PAIR_BEFORE", False)
    assert _found(text, *ents)["8.3%"]["benchmark"] != "ShapeQA"


def test_one_benchmark_before_two_values_is_no_pairing():
    text = ("Geometry Problems for Vision Models\nOur models surpass the baselines in ShapeQA "
            "by 8.3% and 2.6% in accuracy and recall.")
    got = _found(text, ("ShapeQA", "BENCHMARK"))
    assert got["2.6%"]["benchmark"] in ("ShapeQA", None)


def test_a_name_in_brackets_after_an_unnamed_group_is_the_system(monkeypatch):
    text = ("A Benchmark of Map Questions\nWe test twelve models, and even the best model "
            "(Orca-9) achieves only 41.5% accuracy on MapQA.")
    ents = (("Orca-9", "MODEL"), ("MapQA", "BENCHMARK", "introduced"), ("accuracy", "METRIC"))
    assert _found(text, *ents)["41.5%"]["system"] == "Orca-9"
    monkeypatch.setattr(systems, "GROUP_NAMED", False)
    assert _found(text, *ents)["41.5%"]["system"] is None


def test_a_group_without_a_bracketed_name_stays_unnamed():
    text = ("A Benchmark of Map Questions\nWe test twelve models, and even the best model "
            "achieves only 41.5% accuracy on MapQA (Orca-9 is second).")
    ents = (("Orca-9", "MODEL"), ("MapQA", "BENCHMARK", "introduced"), ("accuracy", "METRIC"))
    assert _found(text, *ents)["41.5%"]["system"] is None


def test_a_name_that_falls_short_is_the_subject():
    text = ("Fraud Detection on Claims\nKNN and Ridge reached validation accuracies of 79.2% and "
            "81.1%, respectively, while Lasso struggled with a validation accuracy of 63.3%.")
    ents = (("KNN", "METHOD"), ("Ridge", "METHOD"), ("Lasso", "METHOD"),
            ("validation accuracy", "METRIC"))
    assert _found(text, *ents)["63.3%"]["system"] == "Lasso"
    text = ("Routing Under Shift\nBenchmarking reveals that the solver Tourer degrades by over "
            "20% under distributional shift.")
    assert _found(text, ("Tourer", "METHOD"))["20%"]["system"] == "Tourer"
    text = ("Fraud Detection on Claims\nLasso emerged as the best-performing model, achieving "
            "a validation accuracy of 91.2%.")
    assert _found(text, ("Lasso", "METHOD"), ("validation accuracy", "METRIC"))["91.2%"][
        "system"] == "Lasso"


def test_a_model_named_right_after_a_change_holds_the_value_it_starts_from(monkeypatch):
    text = ("Thinking Fast on Small Models\nOur training task improves average accuracy from "
            "24.9% to 27.9% for Lumo-1B, and halves the tokens used.")
    ents = (("Lumo-1B", "MODEL"), ("average accuracy", "METRIC"))
    assert _found(text, *ents)["24.9%"]["system"] == "Lumo-1B"
    monkeypatch.setattr(results, "FOR_AFTER_BASE", False)
    assert _found(text, *ents)["24.9%"]["system"] != "Lumo-1B"
