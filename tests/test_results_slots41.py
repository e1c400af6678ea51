"""Helper slots41 (docs/results.md): a value's benchmark from a name no entity holds after
"VALUE on" (freshdata.py), from the data that labels it (labelled.py) and from a list of
benchmarks opening its sentence (lists.py); its metric from the object of a verb of change
further back (farchange.py), and none from a lower-case phrase a second verb of change names or
before a value of fewer things or a speedup (metrics.py); checked on invented sentences with
entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import farchange, freshdata, labelled, lists, metrics
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_a_name_no_entity_holds_after_value_on_is_the_benchmark(on):
    text = (_HEAD + "KiteNet attains 2.15% route error on CityGrid and 7.42% on Velmora--gains "
            "of 3.1 and 4.4 points over the greedy planner.")
    got = results_switched(freshdata, "FRESH_DATA", on, text, _OWN, ("CityGrid", "DATASET"),
                           ("route error", "METRIC"))
    assert (got["7.42%"]["benchmark"] == "Velmora") is on
    assert got["2.15%"]["benchmark"] == "CityGrid"


def test_a_name_after_value_on_that_is_hardware_a_level_or_a_kind_of_data_is_no_benchmark():
    text = (_HEAD + "KiteNet runs 1.8x faster on Jetson Orin, reaches 31.0% on Hard, and gains "
            "4.2% on QA and fact-checking benchmarks.")
    got = results_switched(freshdata, "FRESH_DATA", True, text, _OWN)
    assert got["1.8x"]["benchmark"] is None
    assert got["31.0%"]["benchmark"] is None
    assert got["4.2%"]["benchmark"] is None


@pytest.mark.parametrize("on", [True, False])
def test_the_data_named_before_a_colon_or_alone_in_brackets_labels_the_value(on):
    text = (_HEAD + "KiteNet attains FID scores of 24.8 (UrbanSet 2018) and 7.96 (UrbanSet 2020)"
            " at the default scale, and notable gains on two suites (MapQA: +0.4%, RoadVQA: "
            "+1.9%).")
    got = results_switched(labelled, "LABELLED", on, text, _OWN, ("FID", "METRIC"),
                           ("UrbanSet 2018", "DATASET"), ("UrbanSet 2020", "DATASET"),
                           ("MapQA", "BENCHMARK"), ("RoadVQA", "BENCHMARK"))
    assert (got["24.8"]["benchmark"] == "UrbanSet 2018") is on
    assert (got["7.96"]["benchmark"] == "UrbanSet 2020") is on
    assert (got["+0.4%"]["benchmark"] == "MapQA") is on
    assert (got["+1.9%"]["benchmark"] == "RoadVQA") is on


def test_a_system_in_brackets_after_a_value_is_no_label():
    text = _HEAD + "KiteNet attains a top-1 accuracy of 81.2% (ResNet-50) on RoadSet."
    got = results_switched(labelled, "LABELLED", True, text, _OWN, ("ResNet-50", "MODEL"),
                           ("RoadSet", "DATASET"))
    assert got["81.2%"]["benchmark"] == "RoadSet"


@pytest.mark.parametrize("on", [True, False])
def test_benchmarks_listed_at_the_sentence_start_pair_with_its_values_in_order(on):
    text = (_HEAD + "On MapQA and RoadVQA, KiteNet improves retrieval recall by 5.7 and 8.5 "
            "points over baselines.")
    got = results_switched(lists, "CLOSED_LIST", on, text, _OWN, ("MapQA", "DATASET"),
                           ("RoadVQA", "DATASET"), ("KiteNet", "DATASET"),
                           ("retrieval recall", "METRIC"))
    assert (got["5.7"]["benchmark"] == "MapQA") is on
    assert (got["8.5 points"]["benchmark"] == "RoadVQA") is on


@pytest.mark.parametrize("on", [True, False])
def test_the_object_of_a_verb_of_change_further_back_is_the_metric(on):
    text = (_HEAD + "KiteNet improves the throughput over three serving systems, FastServe, "
            "Hugging Face Accelerate, and FlexRoute, by up to 29x and 3x on long prompts. It "
            "raised the coverage rate of the planning language of our city team on the "
            "International Road Planning Olympiads 2000-2024 road planning problems from 66% "
            "to 88%.")
    got = results_switched(farchange, "FAR_CHANGE", on, text, _OWN, ("throughput", "METRIC"),
                           ("coverage rate", "METRIC"))
    assert (got["3x"]["metric"] == "throughput") is on
    assert (got["66%"]["metric"] == got["88%"]["metric"] == "coverage rate") is on


def test_a_metric_a_second_verb_or_a_modifier_stands_between_is_not_the_values():
    text = (_HEAD + "KiteNet reduces the latency of the planner on city maps by 30%, and reaches "
            "up to 2.9x speedup. It boosts GridNet performance over the three strong "
            "planning baselines of the city road planning contest of the last two years by "
            "3.3% as well. It lowers latency, and (2) the drift, where cues amplify it by 10x.")
    got = results_switched(farchange, "FAR_CHANGE", True, text, _OWN, ("latency", "METRIC"),
                           ("GridNet", "METRIC"))
    assert got["2.9x"]["metric"] != "latency"
    assert got["3.3%"]["metric"] is None
    assert got["10x"]["metric"] is None


@pytest.mark.parametrize("on", [True, False])
def test_a_lower_case_phrase_a_second_verb_of_change_names_is_no_metric(on):
    text = (_HEAD + "KiteNet improves route accuracy by 1.9 points and reduces planner calls by "
            "18% over the greedy planner. It lifts recall by 2.2% and improves OCR by 4.5%. It "
            "lifts recall by 3.1% while reducing planner calls per route by 12%.")
    got = results_switched(metrics, "OWN_CHANGE_NULL", on, text, _OWN,
                           ("route accuracy", "METRIC"), ("recall", "METRIC"))
    assert got["1.9 points"]["metric"] == "route accuracy"
    assert (got["18%"]["metric"] is None) is on
    assert got["18%"]["metric"] != "route accuracy"
    assert got["4.5%"]["metric"] == "OCR"
    assert got["12%"]["metric"] == "planner calls per route"


@pytest.mark.parametrize("on", [True, False])
def test_a_value_of_fewer_things_or_a_speedup_takes_no_metric_named_before_it(on):
    text = (_HEAD + "KiteNet surpasses GridNet with 19% higher route accuracy, 43% fewer planner "
            "calls, and a 78.2% speedup on the city maps.")
    got = results_switched(metrics, "OWN_QUANTITY", on, text, _OWN, ("route accuracy", "METRIC"),
                           ("GridNet", "METHOD"))
    assert got["19%"]["metric"] == "route accuracy"
    assert (got["43%"]["metric"] is None) is on
    assert (got["78.2%"]["metric"] is None) is on


def test_a_name_after_value_on_in_a_paper_that_introduces_a_benchmark_is_its_part():
    text = ("Bounty Tasks\nWe introduce RoadBench, a benchmark of routing tasks. The best agent, "
            "PathAgent, solves 5% on Detect and 67.5% on Patch.")
    got = results_switched(freshdata, "FRESH_DATA", True, text,
                           ("RoadBench", "BENCHMARK", "introduced"), ("PathAgent", "METHOD"))
    assert got["5%"]["benchmark"] == got["67.5%"]["benchmark"] == "RoadBench"


@pytest.mark.parametrize("on", [True, False])
def test_respectively_after_a_measure_name_without_a_comma_pairs_the_benchmarks(on):
    text = (_HEAD + "On MapQA and RoadVQA, KiteNet achieves 76.48% and 87.39% macro-F1 "
            "respectively.")
    got = results_switched(lists, "RESP_NAMED", on, text, _OWN, ("MapQA", "DATASET"),
                           ("RoadVQA", "DATASET"), ("macro-F1", "METRIC"))
    assert (got["76.48%"]["benchmark"] == "MapQA") is on
    assert (got["87.39%"]["benchmark"] == "RoadVQA") is on
