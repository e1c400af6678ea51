"""The thirty-fourth session, helper res34 (docs/results.md): a value in brackets after a word
of comparison that is the first of "(A vs. B)" or a gain written with "+" is the subject's, not
the compared system's; checked on invented sentences with entities given as the entity
component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import systems
from tests.extracting import results_by_value as _found
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse video model. "


def _switched(name: str, on: bool, text: str, *ents: tuple) -> dict:
    """The results of text with switch name of the systems module set to on."""
    return results_switched(systems, name, on, text, *ents)


_FIRST = (_HEAD + "KiteNet reaches a higher hit rate compared to the older FooNet model "
          "(61.2% vs. 33.5%), at half the cost.")
_FIRST_ENTS = (_OWN, ("FooNet", "MODEL"), ("hit rate", "METRIC"))


@pytest.mark.parametrize("on", [True, False])
def test_the_first_of_a_versus_pair_after_a_comparison_is_the_subjects(on):
    got = _switched("FIRST_NOT_COMPARED", on, _FIRST, *_FIRST_ENTS)
    assert (got["61.2%"]["system"] == "KiteNet") is on
    assert got["61.2%"]["system"] in ("KiteNet", None)


def test_the_second_of_the_pair_stays_the_compared_systems():
    got = _found(_FIRST, *_FIRST_ENTS)
    assert got["33.5%"]["system"] != "KiteNet"


_GAIN = (_HEAD + "KiteNet ranks first on BarBench, above the strongest baselines (+3.7% over "
         "plain FooNet and +2.5% over tuned FooNet).")
_GAIN_ENTS = (_OWN, ("FooNet", "MODEL"), ("BarBench", "BENCHMARK"))


@pytest.mark.parametrize("on", [True, False])
def test_a_gain_with_a_plus_in_brackets_after_a_comparison_is_the_subjects(on):
    got = _switched("GAIN_NOT_COMPARED", on, _GAIN, *_GAIN_ENTS)
    assert (got["+3.7%"]["system"] == "KiteNet") is on
    assert (got["+2.5%"]["system"] == "KiteNet") is on


def test_a_plain_score_in_brackets_after_a_comparison_stays_the_compared_systems():
    text = (_HEAD + "KiteNet reaches 71.0% on BarBench, well above the strongest baseline "
            "(52.4%).")
    got = _found(text, *_GAIN_ENTS)
    assert got["52.4%"]["system"] is None
    assert got["71.0%"]["system"] == "KiteNet"
