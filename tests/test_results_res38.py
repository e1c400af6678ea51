"""Helper res38 (docs/results.md): measure phrases no metric list holds, named after the
value or before "of VALUE"; hardware names that are no benchmark; a name after a later value
that is that value's; the upper end of an IoU range in a metric's name; checked on invented
sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import benchmarks, hardware, metrics, phrases
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_a_phrase_with_a_measure_head_after_the_value_names_the_metric(on):
    text = (_HEAD + "On the city benchmark, KiteNet attains a 71.4% driving score and a "
            "0.27% optimality gap.")
    got = results_switched(phrases, "PHRASE_AFTER", on, text, _OWN)
    assert (got["71.4%"]["metric"] == "driving score") is on
    assert (got["0.27%"]["metric"] == "optimality gap") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_phrase_before_of_and_the_value_names_the_metric(on):
    text = _HEAD + "KiteNet achieves an average route fitness of 93.5% in every run."
    got = results_switched(phrases, "PHRASE_OF", on, text, _OWN)
    assert (got["93.5%"]["metric"] == "average route fitness") is on


def test_a_phrase_is_shared_with_the_next_score_of_its_sentence():
    text = (_HEAD + "KiteNet reaches route correctness of 97% on CityA routes and 52% on "
            "CityB routes.")
    got = results_switched(phrases, "PHRASE_OF", True, text, _OWN)
    assert got["97%"]["metric"] == got["52%"]["metric"] == "route correctness"


def test_a_metric_shared_from_the_score_before_wins_over_the_phrase():
    text = (_HEAD + "KiteNet achieves an average NDCG@10 of 0.296 on all data, with an "
            "overall best score of 0.395 on the May split.")
    got = results_switched(phrases, "PHRASE_OF", True, text, _OWN, ("NDCG@10", "METRIC"))
    assert got["0.395"]["metric"] == "NDCG@10"


def test_comparatives_names_and_changes_are_no_measure_phrase():
    text = (_HEAD + "KiteNet gives 3.1x faster convergence, 2x higher memory efficiency, "
            "Exploit scores of 44.5% and a 12% gain in return.")
    got = results_switched(phrases, "PHRASE_AFTER", True, text, _OWN)
    assert got["3.1x"]["metric"] is None
    assert got["2x"]["metric"] is None
    assert got["44.5%"]["metric"] is None
    assert got["12%"]["metric"] != "gain in return"


def test_a_bare_head_needs_a_word_before_it():
    text = _HEAD + "KiteNet reaches a score of 41.2 and 88% probability of success."
    got = results_switched(phrases, "PHRASE_OF", True, text, _OWN)
    assert got["41.2"]["metric"] is None
    assert got["88%"]["metric"] is None


def test_a_known_metric_near_the_value_wins_over_the_phrase():
    text = _HEAD + "KiteNet achieves an overall score of 0.81 F1 on the test split."
    got = results_switched(phrases, "PHRASE_OF", True, text, _OWN)
    assert got["0.81"]["metric"] == "F1"


@pytest.mark.parametrize("on", [True, False])
def test_a_name_written_before_a_hardware_noun_is_no_benchmark(on):
    text = (_HEAD + "On the Vela V80 FPGA, KiteNet achieves a 2.4x speedup, and it is 1.7 and "
            "1.9 times faster on the Orca and x86 computing clusters, respectively.")
    ents = (_OWN, ("V80", "DATASET"), ("Orca", "DATASET"), ("x86", "DATASET"))
    got = results_switched(hardware, "HARDWARE_NOT_BENCH", on, text, *ents)
    assert (got["2.4x"]["benchmark"] is None) is on
    assert (got["1.9 times"]["benchmark"] is None) is on


def test_data_named_before_a_preposition_and_a_device_stays_the_benchmark():
    text = _HEAD + "On ImageNet on a single GPU, KiteNet reaches 81.2% top-1 accuracy."
    got = results_switched(hardware, "HARDWARE_NOT_BENCH", True, text, _OWN,
                           ("ImageNet", "DATASET"))
    assert got["81.2%"]["benchmark"] == "ImageNet"


@pytest.mark.parametrize("on", [True, False])
def test_a_name_right_after_a_later_value_is_that_values_benchmark(on):
    text = (_HEAD + "KiteNet cuts routing time by 41.5% and memory by 23%, with a +2.1% "
            "improvement on RouteBench.")
    got = results_switched(benchmarks, "CLAIMED_AFTER", on, text, _OWN,
                           ("RouteBench", "BENCHMARK"))
    assert (got["41.5%"]["benchmark"] is None) is on
    assert got["+2.1%"]["benchmark"] == "RouteBench"


def test_a_values_own_pair_does_not_claim_the_name():
    text = (_HEAD + "KiteNet raises the delivery rate from 61.2% to over 90.4% on RouteBench, "
            "and its error falls 12.5% vs 19.5% in the RouteBench city split.")
    got = results_switched(benchmarks, "CLAIMED_AFTER", True, text, _OWN,
                           ("RouteBench", "BENCHMARK"))
    assert got["61.2%"]["benchmark"] == "RouteBench"


def test_values_listed_before_one_name_share_it():
    text = (_HEAD + "We also release MapSet. Our 2D and 3D variants achieve label-free route "
            "planning with 28.4\\% and 33.5\\% mIoU on RouteBench, improving 4.7\\% and 7.9\\%, "
            "respectively.")
    got = results_switched(benchmarks, "CLAIMED_AFTER", True, text, _OWN,
                           ("route planning", "TASK"), ("mIoU", "METRIC"),
                           ("RouteBench", "DATASET"), ("MapSet", "DATASET"))
    assert got["28.4\\%"]["benchmark"] == "RouteBench"


@pytest.mark.parametrize("on", [True, False])
def test_the_upper_end_of_an_iou_range_is_part_of_the_metric(on):
    text = _HEAD + "KiteNet achieves 55.3% mAP@50 and 35.6% mAP@50-95 on the drone split."
    got = results_switched(metrics, "IOU_RANGE", on, text, _OWN)
    assert got["55.3%"]["metric"] == "mAP@50"
    assert (got["35.6%"]["metric"] == "mAP@50-95") is on
