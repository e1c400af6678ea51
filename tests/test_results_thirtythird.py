"""The thirty-third session, helper res33 (docs/results.md): lists of values paired with lists
of benchmarks, named later in the clause before "respectively", or earlier after "on" with no
"respectively", and "respectively" kept to the values' own sentence; checked on invented
sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import lists
from tests.extracting import results_by_value as _found
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse video model. "


def _switched(name: str, on: bool, text: str, *ents: tuple) -> dict:
    """The results of text with switch name of the lists module set to on."""
    return results_switched(lists, name, on, text, *ents)


def _benchmarks(got: dict) -> dict:
    return {value: r["benchmark"] for value, r in got.items()}


_LATER = (_HEAD + "KiteNet gains 3.3%, 8.5%, and 7.5% over the usual dense model in terms of "
          "F-score for the FooSet, BarSet, and BazSet datasets, respectively.")
_LATER_ENTS = (_OWN, ("F-score", "METRIC"), ("FooSet", "DATASET"), ("BarSet", "DATASET"),
               ("BazSet", "DATASET"))


@pytest.mark.parametrize("on", [True, False])
def test_benchmarks_listed_later_before_respectively_pair_in_order(on):
    got = _switched("RESP_LATER", on, _LATER, *_LATER_ENTS)
    want = {"3.3%": "FooSet", "8.5%": "BarSet", "7.5%": "BazSet"}
    assert (_benchmarks(got) == want) is on
    assert got["8.5%"]["metric"] == "F-score"


def test_a_value_between_the_list_and_respectively_pairs_nothing_later():
    text = (_HEAD + "KiteNet gains 3.3% and 8.5% over the dense model, which costs 40% more, on "
            "FooSet and BarSet, respectively.")
    got = _found(text, _OWN, ("FooSet", "DATASET"), ("BarSet", "DATASET"))
    assert got["3.3%"]["benchmark"] != "FooSet" or got["8.5%"]["benchmark"] != "BarSet"


_BEFORE = (_HEAD + "Experiments on the FooSet and BarSet benchmarks show that KiteNet beats "
           "the dense model, with 3.1% and 4.2% accuracy gains.")
_BEFORE_ENTS = (_OWN, ("accuracy", "METRIC"), ("FooSet", "DATASET"), ("BarSet", "DATASET"))


@pytest.mark.parametrize("on", [True, False])
def test_benchmarks_listed_after_on_pair_with_as_many_values(on):
    got = _switched("BENCH_PAIRED", on, _BEFORE, *_BEFORE_ENTS)
    assert (_benchmarks(got) == {"3.1%": "FooSet", "4.2%": "BarSet"}) is on


def test_a_longer_list_of_benchmarks_pairs_nothing():
    text = (_HEAD + "Experiments on the FooSet, BarSet and BazSet benchmarks show that KiteNet "
            "beats the dense model, with 3.1% and 4.2% accuracy gains.")
    got = _found(text, *_BEFORE_ENTS, ("BazSet", "DATASET"))
    assert got["3.1%"]["benchmark"] != "FooSet" and got["4.2%"]["benchmark"] != "BarSet"


def test_a_decimal_point_in_a_metric_name_before_respectively():
    text = (_HEAD + "On FooSet and BarSet, KiteNet beats the dense model by 11.1% and 7.1% in "
            "CIDEr@0.5IoU, respectively.")
    got = _found(text, _OWN, ("CIDEr@0.5IoU", "METRIC"), ("FooSet", "DATASET"),
                 ("BarSet", "DATASET"))
    assert _benchmarks(got) == {"11.1%": "FooSet", "7.1%": "BarSet"}


_PREV = (_HEAD + "We test it on BarSet and BazSet. On the May and June splits of FooBench, "
         "KiteNet reaches a Pass@1 of 35% and 31%, respectively.")
_PREV_ENTS = (_OWN, ("Pass@1", "METRIC"), ("FooBench", "BENCHMARK"), ("BarSet", "DATASET"),
              ("BazSet", "DATASET"))


@pytest.mark.parametrize("on", [True, False])
def test_respectively_takes_no_benchmark_of_the_sentence_before_its_own(on):
    got = _switched("RESP_OWN_SENTENCE", on, _PREV, *_PREV_ENTS)
    assert ("BazSet" in _benchmarks(got).values()) is not on


def test_with_none_in_its_own_sentence_the_list_before_of_as_many_names():
    text = (_HEAD + "We test it on two benchmarks, FooSet and BarSet. KiteNet reaches 4.8% and "
            "10.5% higher accuracy, respectively.")
    got = _found(text, _OWN, ("accuracy", "METRIC"), ("FooSet", "DATASET"),
                 ("BarSet", "DATASET"))
    assert _benchmarks(got) == {"4.8%": "FooSet", "10.5%": "BarSet"}


def test_with_metrics_listed_respectively_no_benchmarks_from_before():
    text = (_HEAD + "We test it on FooSet, then on BarSet. KiteNet gains 11.1% and 35.4% in "
            "BLEU-4 and METEOR scores, respectively.")
    got = _found(text, _OWN, ("BLEU-4", "METRIC"), ("METEOR", "METRIC"),
                 ("FooSet", "DATASET"), ("BarSet", "DATASET"))
    assert got["11.1%"]["metric"] == "BLEU-4" and got["35.4%"]["metric"] == "METEOR"
    assert set(_benchmarks(got).values()) == {None}
