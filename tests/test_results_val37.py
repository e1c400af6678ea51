"""Helper val37 (docs/results.md): lengths in metres read as values, and the
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
    text = _HEAD + "KiteNet reaches an average pose error of 1.27 m and a drift of 0.083m."
    got = _found(values, "METRES", on, text, _OWN)
    assert ("1.27 m" in got and "0.083m" in got) is on


def test_lengths_that_are_settings_or_sizes_are_no_values():
    text = (_HEAD + "Trained on 0.5m resolution imagery and high resolution (0.3 m) tiles, "
            "KiteNet needs a single 20 m walking trial, 1.68m tweets in total and imagery "
            "spanning resolutions from 500m to 0.6m, and reaches an error of 1.27 m.")
    got = _found(values, "METRES", True, text, _OWN)
    assert "1.27 m" in got
    assert not {"0.5m", "0.3 m", "20 m", "1.68m", "0.6m"} & set(got)


def test_a_speed_in_metres_per_second_is_not_read_as_metres():
    got = _found(values, "METRES", True, _HEAD + "KiteNet hits balls at 11.5 m/s.", _OWN)
    assert "11.5 m" not in got


@pytest.mark.parametrize("on", [True, False])
def test_the_bounds_of_an_interval_without_brackets_are_no_values(on):
    text = (_HEAD + "KiteNet led at 51.3 percent accuracy, with a 95 percent confidence "
            "interval of 40.1 to 60.3 percent.")
    got = results_switched(guards, "CI_RANGE", on, text, _OWN)
    assert ("40.1 to 60.3 percent" not in got) is on


@pytest.mark.parametrize("on", [True, False])
def test_a_share_of_the_time_is_a_value_whatever_the_verb(on):
    text = (_HEAD + "Asked twice, frontier models pick the same plan as KiteNet 81% of the time, "
            "yet trail on 12% of the tasks.")
    got = results_switched(guards, "FREQ_TIME", on, text, _OWN)
    assert ("81%" in got) is on
    assert "12%" not in got


@pytest.mark.parametrize("on", [True, False])
def test_a_correlation_written_in_math_is_a_value(on):
    text = (_HEAD + r"KiteNet reaches Spearman $\rho = 0.87$ with human ranks and a Pearson "
            r"correlation of $r = 0.812$ on held-out users, at $k = 5$.")
    got = results_switched(guards, "TEX_STAT", on, text, _OWN)
    assert ("0.87" in got and "0.812" in got) is on
    assert "5" not in got


def test_a_correlation_given_with_its_p_value_is_no_value():
    text = (_HEAD + r"On the held-out split, sharpness predicts transfer ($\rho = +0.374$, "
            r"$p = 0.0012$), and KiteNet reaches Spearman $\rho = 0.87$ with human ranks.")
    got = results_switched(guards, "TEX_STAT", True, text, _OWN)
    assert "0.87" in got
    assert "+0.374" not in got and "0.374" not in got
