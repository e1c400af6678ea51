"""The paper-level judge of a bare general measure word (rules/metric_judge.py, weights in
data/metric_judge.json), on sentences written for it."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules import metric_judge
from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_bare_latency_named_beside_other_measures_with_no_value_goes(nlp):
    got = measures(run(nlp, "The quay cache cuts latency and memory usage of the dock planner "
                            "while keeping its F1 score high."))
    assert "latency" not in got and "F1 score" in got, sorted(got)


@pytest.mark.parametrize("abstract, word", [
    ("The dock router reduces latency by 40% to 12 ms on the quay servers.", "latency"),
    ("QuayNet reaches 94.1% accuracy and 0.82 F1 on the dock scans.", "accuracy"),
])
def test_a_bare_measure_with_a_value_stays(nlp, abstract, word):
    got = measures(run(nlp, abstract))
    assert word in got, sorted(got)


def test_the_judge_reads_a_value_near_a_mention_and_the_title():
    text = "Fast harbour latency\nThe dock router reaches 12 ms latency on the quay servers."
    feats = metric_judge.features(text, text.index("\n"), "latency", 0)
    assert {"title", "val30", "w=latency", "oth=0", "rec=2"} <= set(feats), feats
    far = metric_judge.features("T\nWe cut latency a lot. The F1 is 0.9 today.", 1, "latency", 1)
    assert "val30" not in far and "valsent" not in far, far


def test_the_shipped_judge_rates_a_valued_word_above_a_bare_listed_one():
    valued = metric_judge.score(["oth=0", "rec=1", "val30", "w=latency"])
    bare = metric_judge.score(["list", "oth=1", "rec=1", "w=latency"])
    assert bare < metric_judge.judge()["cut"] <= valued


def test_a_word_we_measure_is_never_dropped():
    text = "T\nWe analyze energy consumption, latency, and accuracy of every configuration."
    assert metric_judge.measured_by_us(text, 1, "latency")
    assert metric_judge.measured_by_us("T\nStudies use proxy metrics such as latency and FLOPs.",
                                       1, "latency")
    assert not metric_judge.measured_by_us("T\nThe cache cuts latency and memory use.", 1,
                                           "latency")
