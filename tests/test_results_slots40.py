"""Helper slots40 (docs/results.md): names the entity rules typed a method that the text writes
as a value's measure (measures.py) or as the data it was measured on (datanames.py); checked on
invented sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import datanames, measures
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_a_method_named_before_its_value_after_a_verb_of_attaining_is_the_metric(on):
    text = (_HEAD + "On the EmoTalk corpus, KiteNet outperforms prior work, achieving WA 80.7% "
            "and UA 81.3%.")
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", on, text, _OWN,
                           ("WA", "METHOD"), ("UA", "METHOD"))
    assert (got["80.7%"]["metric"] == "WA") is on
    assert (got["81.3%"]["metric"] == "UA") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_method_a_verb_of_change_changes_by_the_value_is_the_metric(on):
    text = _HEAD + "In an online test, KiteNet lifts delivery RouteQ by 2.4% over the old planner."
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", on, text, _OWN,
                           ("RouteQ", "METHOD"))
    assert (got["2.4%"]["metric"] == "RouteQ") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_method_written_after_the_value_or_before_a_falling_score_is_the_metric(on):
    text = (_HEAD + "KiteNet attains 1.31 and 1.52 mean route-deviation (MRD) on the two city "
            "maps. Driver workload fell as well, with DLX-index scores dropping by 18.4%.")
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", on, text, _OWN,
                           ("mean route-deviation", "METHOD"), ("DLX-index", "METHOD"))
    assert (got["1.31"]["metric"] == got["1.52"]["metric"] == "mean route-deviation") is on
    assert (got["18.4%"]["metric"] == "DLX-index") is on


def test_a_method_compared_against_or_after_a_hyphened_number_is_no_metric():
    text = (_HEAD + "KiteNet improves over GridNet by 5.1% on every map. It gains 3.2 points "
            "over Best-of-5 self-voting and 1.1 points over TreeVote.")
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", True, text, _OWN,
                           ("GridNet", "METHOD"), ("self-voting", "METHOD"),
                           ("TreeVote", "METHOD"))
    assert got["5.1%"]["metric"] != "GridNet"
    assert got["1.1 points"]["metric"] != "self-voting"


def test_a_task_written_after_the_value_is_no_metric():
    text = _HEAD + "KiteNet reaches success rates of 86.0% in part picking and 76.3% in stacking."
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", True, text, _OWN,
                           ("part picking", "TASK"), ("stacking", "TASK"))
    assert got["76.3%"]["metric"] != "stacking"


@pytest.mark.parametrize("on", [True, False])
def test_a_method_a_value_is_stated_on_is_the_benchmark(on):
    text = _HEAD + "KiteNet achieves +2.30% on Harbor Walk, while the baselines stall."
    got = results_switched(datanames, "DATA_TYPED_OTHERWISE", on, text, _OWN,
                           ("Harbor Walk", "METHOD"))
    assert (got["+2.30%"]["benchmark"] == "Harbor Walk") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_method_named_before_a_noun_for_data_items_is_the_benchmark(on):
    text = _HEAD + "On 5,000 random Route50 instances, KiteNet attains a 0.41% optimality gap."
    got = results_switched(datanames, "DATA_TYPED_OTHERWISE", on, text, _OWN,
                           ("Route50", "METHOD"))
    assert (got["0.41%"]["benchmark"] == "Route50") is on


def test_a_method_after_on_that_heads_a_modifier_or_its_sequences_is_no_benchmark():
    text = (_HEAD + "KiteNet improves accuracy by 4.2% on GridNet backbones. It shortens "
            "CoT sequences by 31% on average.")
    got = results_switched(datanames, "DATA_TYPED_OTHERWISE", True, text, _OWN,
                           ("GridNet", "METHOD"), ("CoT", "METHOD"))
    assert got["4.2%"]["benchmark"] != "GridNet"
    assert got["31%"]["benchmark"] != "CoT"


@pytest.mark.parametrize("on", [True, False])
def test_a_method_after_in_and_a_change_by_the_value_is_the_metric(on):
    text = (_HEAD + "KiteNet beats the best router by 12.5% in route-level Dispatch Factor, "
            "with win rates of 86% in Harbor Planning.")
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", on, text, _OWN,
                           ("Dispatch Factor", "METHOD"), ("Harbor Planning", "METHOD"))
    assert (got["12.5%"]["metric"] == "Dispatch Factor") is on
    assert got["86%"]["metric"] != "Harbor Planning"


def test_a_speedup_in_a_latency_names_the_latency():
    text = _HEAD + "KiteNet achieves up to 2.6x speedup in planning latency on CityA."
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", True, text, _OWN)
    assert got["2.6x"]["metric"] == "planning latency"


def test_a_metric_after_a_bracketed_relative_gain_is_the_gains():
    text = (_HEAD + "KiteNet reaches 52.5 (+6.8 relative) RQ on CityA and 67.73 (+25.73 "
            "relative) DQ on CityB.")
    got = results_switched(measures, "MEASURE_TYPED_OTHERWISE", True, text, _OWN,
                           ("RQ", "METRIC"), ("DQ", "METRIC"))
    assert got["+6.8"]["metric"] == "RQ"
    assert got["+25.73"]["metric"] == "DQ"
