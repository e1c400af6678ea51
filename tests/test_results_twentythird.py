"""Results rules of the twenty-third session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them, and once through the shipped rules
pipeline."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from tests.extracting import results_by_value as _found


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_a_number_no_subject_metric_or_result_verb_states_is_no_result():
    text = (
        "Green Building Design\nWe present EcoPlan, a design platform. Analysis of the Pareto "
        "front shows that the envelope U-value ranges from 1.05 to 1.57 W/m2K. Gradients are "
        "near-orthogonal with ~11-14x magnitude imbalance."
    )
    got = _found(text, ("EcoPlan", "METHOD", "introduced"))
    assert "1.05 to 1.57" not in got and "1.05" not in got and "1.57" not in got
    assert "~11-14x" not in got


def test_a_number_with_a_metric_a_result_verb_a_change_or_a_comparative_stays():
    text = (
        "Green Building Design\nWe present EcoPlan, a design platform. For trees below the "
        "canopy, the RMSE was 1.16 cm. Annual energy use dropped by 29.3%. The planner runs "
        "with ~43% fewer parameters than the baseline. Physicians rated it highly (mean "
        "4.4/5)."
    )
    got = _found(text, ("EcoPlan", "METHOD", "introduced"), ("RMSE", "METRIC"))
    assert got["1.16 cm"]["metric"] == "RMSE"
    assert got["29.3%"]["system"] == "EcoPlan"
    assert "~43%" in got
    assert "4.4/5" in got


def test_a_named_subject_keeps_its_value_without_a_result_verb():
    text = (
        "Green Building Design\nWe present EcoPlan, a design platform. In the field trial, "
        "BaseSim needs 12.5% more energy than EcoPlan."
    )
    got = _found(text, ("EcoPlan", "METHOD", "introduced"), ("BaseSim", "METHOD"))
    assert got["12.5%"]["system"] == "BaseSim"


def test_a_data_papers_number_without_a_subject_is_kept_with_no_system():
    text = (
        "GlucoBench: A Benchmark for Glucose Forecasting\nWe introduce GlucoBench, a benchmark "
        "for glucose forecasting. Subgroup-level ratios range from 0.8 to 1.4."
    )
    got = _found(text, ("GlucoBench", "BENCHMARK", "introduced"))
    assert "0.8 to 1.4" in got or "1.4" in got


def test_the_pipeline_drops_a_number_no_result_is_stated_for(nlp):
    title = "EcoPlan: Energy-Efficient Design of Green Buildings"
    abstract = (
        "We present EcoPlan, a design platform for green buildings. Analysis of the Pareto "
        "front shows that the envelope U-value ranges from 1.05 to 1.57 W/m2K. EcoPlan "
        "achieves an accuracy of 91.2% on the BuildSet dataset."
    )
    (ex,) = extract([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    values = {r.value for r in ex.results}
    assert "91.2%" in values
    assert not values & {"1.05 to 1.57", "1.05", "1.57"}
