"""The thirty-sixth session, helper res36 (docs/results.md): a time, or a gap, energy, coverage
and a few other measured quantities, named as what a change is stated on; checked on invented
sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import metrics
from tests.extracting import results_by_value as _found
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse video model. "


def _switched(on: bool, text: str, *ents: tuple) -> dict:
    """The results of text with TIME_CHANGED of the metrics module set to on."""
    return results_switched(metrics, "TIME_CHANGED", on, text, *ents)


@pytest.mark.parametrize("on", [True, False])
def test_a_time_changed_by_the_value_is_its_metric(on):
    text = _HEAD + "KiteNet reduces frame decoding time by up to 41.5% over plain FooNet."
    got = _switched(on, text, _OWN, ("FooNet", "MODEL"))
    assert (got["41.5%"]["metric"] == "frame decoding time") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_reduction_in_a_time_after_the_value_is_its_metric(on):
    text = _HEAD + "In our pilot, KiteNet gives a 64% reduction in labelling time."
    got = _switched(on, text, _OWN)
    assert (got["64%"]["metric"] == "labelling time") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_gap_or_coverage_changed_by_the_value_is_its_metric(on):
    text = (_HEAD + "KiteNet reduces the calibration gap by over 22% and improves "
            "scene coverage by 13.5% on BarBench.")
    got = _switched(on, text, _OWN, ("BarBench", "BENCHMARK"))
    assert (got["22%"]["metric"] == "calibration gap") is on
    assert (got["13.5%"]["metric"] == "scene coverage") is on


def test_a_ratio_of_a_time_keeps_no_metric():
    text = _HEAD + "KiteNet shortens rendering time by 2.4x against FooNet."
    got = _found(text, _OWN, ("FooNet", "MODEL"))
    assert got["2.4x"]["metric"] is None


def test_a_time_to_something_is_not_named_at_its_head():
    text = _HEAD + "KiteNet brings a 70% reduction in mean time to repair for field crews."
    got = _found(text, _OWN)
    assert got["70%"]["metric"] != "mean time"
