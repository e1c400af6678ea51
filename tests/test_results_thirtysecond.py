"""The thirty-second session, helper res32 (docs/results.md): values joined by a slash, a
percent before another, with a space round the slash, each keeping its unit as written;
checked on invented sentences with entities given as the entity component leaves them."""

from __future__ import annotations

from paperkg.extractors.results import guards
from tests.extracting import results_by_value as _found

_OWN = ("KiteNet", "METHOD", "introduced")


def test_two_whole_percents_joined_by_a_slash_are_two_values():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 76%/69% "
            "certified accuracy on FooBench.")
    got = _found(text, _OWN, ("certified accuracy", "METRIC"), ("FooBench", "BENCHMARK"))
    assert set(got) == {"76%", "69%"}
    assert got["69%"]["metric"] == "certified accuracy"


def test_a_space_round_the_slash_keeps_the_first_value():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 58.8% / "
            "54.0% mIoU on FooBench, and 0.76 / 0.69 accuracy on BarBench.")
    got = _found(text, _OWN, ("mIoU", "METRIC"), ("accuracy", "METRIC"),
                 ("FooBench", "BENCHMARK"), ("BarBench", "BENCHMARK"))
    assert {"58.8%", "54.0%", "0.76", "0.69"} <= set(got)
    assert got["58.8%"]["metric"] == "mIoU"


def test_the_second_value_keeps_its_percent_and_a_chain_goes_on_past_it():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches "
            "72.3%/64.8%/50.3% mAP on FooBench.")
    got = _found(text, _OWN, ("mAP", "METRIC"), ("FooBench", "BENCHMARK"))
    assert set(got) == {"72.3%", "64.8%", "50.3%"}


def test_fractions_and_counts_stay_no_results():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet blocks 0/5 "
            "attacks and solves 122/500 tasks, with a rating of 3.37/5.")
    got = _found(text, _OWN)
    assert "0" not in got and "122" not in got and "500" not in got and "5" not in got
    assert "3.37/5" in got


def test_the_switch_off_gives_the_old_reading():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 76%/69% "
            "certified accuracy and 81.1%/89.4% recall on FooBench.")
    ents = (_OWN, ("certified accuracy", "METRIC"), ("recall", "METRIC"),
            ("FooBench", "BENCHMARK"))
    guards.SLASH_VALUES = False
    try:
        got = _found(text, *ents)
    finally:
        guards.SLASH_VALUES = True
    assert "76%" not in got and "89.4" in got
