"""Helper val37 (docs/results.md): lengths in metres and throughputs read as values, and the
bounds of a confidence interval stated without brackets kept out; checked on invented
sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import guards, values
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse pose model. "


def _found(module, switch: str, on: bool, text: str, *ents: tuple) -> dict:
    """The results of text with a switch of module set to on, the value pattern rebuilt."""
    old = getattr(module, switch)
    setattr(module, switch, on)
    saved = values._VALUE
    values._VALUE = values._value_re(rf"{values._NUM}|(?<![\d,])\.\d+(?![\d.,])",
                                     r"[+\-−±~$\\\d.]")
    try:
        return results_switched(module, switch, on, text, *ents)
    finally:
        setattr(module, switch, old)
        values._VALUE = saved


@pytest.mark.parametrize("on", [True, False])
def test_a_decimal_length_in_metres_is_a_value(on):
    text = _HEAD + "KiteNet reaches an average pose error of 1.27 m and a 0.083m drift."
    got = _found(values, "METRES", on, text, _OWN)
    assert ("1.27 m" in got and "0.083m" in got) is on


def test_lengths_that_are_settings_or_sizes_are_no_values():
    text = (_HEAD + "Trained on 0.5m resolution imagery and high resolution (0.3 m) tiles, "
            "KiteNet needs a single 20 m walking trial and reaches an error of 1.27 m.")
    got = _found(values, "METRES", True, text, _OWN)
    assert "1.27 m" in got
    assert not {"0.5m", "0.3 m", "20 m"} & set(got)


def test_a_speed_in_metres_per_second_is_not_read_as_metres():
    got = _found(values, "METRES", True, _HEAD + "KiteNet hits balls at 11.5 m/s.", _OWN)
    assert "11.5 m" not in got


@pytest.mark.parametrize("on", [True, False])
def test_a_throughput_is_a_value(on):
    text = (_HEAD + "KiteNet decodes at 22.63 tokens/s on one CPU thread and scales to "
            "5000 transactions per second.")
    got = _found(values, "THROUGHPUT", on, text, _OWN)
    assert ("22.63 tokens/s" in got and "5000 transactions per second" in got) is on


@pytest.mark.parametrize("on", [True, False])
def test_the_bounds_of_an_interval_without_brackets_are_no_values(on):
    text = (_HEAD + "KiteNet led at 51.3 percent accuracy, with a 95 percent confidence "
            "interval of 40.1 to 60.3 percent.")
    got = results_switched(guards, "CI_RANGE", on, text, _OWN)
    assert ("40.1 to 60.3 percent" not in got) is on
