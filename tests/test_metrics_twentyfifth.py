"""Metric rule changes of the twenty-fifth session's metric pass (tuned on poolA, poolC and
train, kept only where poolB rose too), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_measure_head_after_the_short_forms_bracket_types_the_long_form(nlp):
    ents = run(nlp, "To compare the trackers fairly, we construct a Layered Harbour Agreement "
                    "(LHA) metric that scores every threshold at once.")
    e = find(ents, "Layered Harbour Agreement")
    assert e is not None and e.type == "METRIC" and e.role == "introduced"


@pytest.mark.parametrize("abstract, form, role", [
    ("We propose Harbour Drift Consistency (HDC) as a complementary metric to accuracy for "
     "ranking the trackers.", "Harbour Drift Consistency", "introduced"),
    ("From these runs we define the Tidal Mismatch Error as a metric for the quality of the "
     "maps.", "Tidal Mismatch Error", "introduced"),
    ("Following earlier work, the trackers are ranked with Harbour Drift Consistency as the "
     "main measure of their stability.", "Harbour Drift Consistency", "used"),
])
def test_a_name_set_out_as_a_metric_is_a_measure(nlp, abstract, form, role):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC" and e.role == role, form


def test_a_name_used_as_a_backbone_is_no_measure(nlp):
    e = find(run(nlp, "We use ResNet as a backbone for the harbour tracker."), "ResNet")
    assert e is not None and e.type != "METRIC"


@pytest.mark.parametrize("abstract, form", [
    ("Tuning lifts the harbour Precision at 5 by 16% over the plain ranker.", "Precision at 5"),
    ("The catalog ranker improves Recall at 10 by 9.6% on average over the baselines.",
     "Recall at 10"),
])
def test_a_ranking_measure_at_a_cut_off_is_one_name(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


def test_a_ranking_measure_at_a_value_is_no_cut_off(nlp):
    ents = run(nlp, "The ranker delivered the highest precision at 0.920 on the harbour set.")
    assert not any(" at " in n for n in ents)


@pytest.mark.parametrize("abstract, form", [
    ("The ranker surpasses the baselines by 8.1% in q-NDR while keeping its speed.", "q-NDR"),
    ("The depth model beats the teacher by 7.03% in RMSE and 19.3% in SqDev on the harbour "
     "scans.", "SqDev"),
])
def test_a_name_after_a_value_and_in_is_a_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


@pytest.mark.parametrize("abstract, form", [
    ("The tuned model lifts recall by 16% in English and 43% in Mandarin on the harbour "
     "set.", "Mandarin"),
    ("The trackers gain 3.1% in ImageNet accuracy and 2.4% on ImageNet, against the plain "
     "baseline.", "ImageNet"),
])
def test_a_language_or_a_known_data_set_after_in_is_no_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is None or e.type != "METRIC", form


def test_a_known_measure_averaged_over_runs_is_that_measure(nlp):
    ents = run(nlp, "Across three folds the tracker reaches a mean F1 score of 0.893 and a "
                    "mean balanced accuracy of 0.66 on the harbour set.")
    # metric34: the averaged forms are the measure's aliases, never a name of their own
    names = {e.name for e in ents.values()}
    assert "mean F1 score" not in names and "mean balanced accuracy" not in names
    assert find(ents, "mean F1 score") is find(ents, "F1 score")
    for form in ("F1 score", "balanced accuracy"):
        e = find(ents, form)
        assert e is not None and e.type == "METRIC", form


@pytest.mark.parametrize("abstract, form", [
    ("The server cuts median latency by up to 30x against the harbour baseline.",
     "median latency"),
    ("The regressor reaches a mean absolute error of 1.2 on the harbour set.",
     "mean absolute error"),
])
def test_a_cost_statistic_or_a_whole_known_name_keeps_its_mean(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form
