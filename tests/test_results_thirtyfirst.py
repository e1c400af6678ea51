"""The thirty-first session, helper res31 (docs/results.md): a metric's name without a leading
"absolute" when the rest is a metric of its own; checked on invented sentences with entities
given as the entity component leaves them."""

from __future__ import annotations

from tests.extracting import results_by_value as _found

_OWN = ("KiteNet", "METHOD", "introduced")


def test_absolute_before_a_known_metric_is_dropped():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet achieves absolute "
            "F1 score gains of 12.4% over the base model and an absolute accuracy gain of 3.1%.")
    got = _found(text, _OWN, ("absolute F1 score", "METRIC"), ("absolute accuracy", "METRIC"))
    assert got["12.4%"]["metric"] == "F1 score"
    assert got["3.1%"]["metric"] == "accuracy"


def test_absolute_stays_where_the_rest_is_no_metric_of_its_own():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches a mean "
            "absolute error of 0.41 on FooBench-2.")
    got = _found(text, _OWN, ("mean absolute error", "METRIC"), ("FooBench-2", "BENCHMARK"))
    assert got["0.41"]["metric"] == "mean absolute error"


def test_two_values_with_words_of_their_own_share_the_metric_after_them():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. Joint training of KiteNet "
            "achieves 94.41% visual and 79.37% audio accuracy on FooBench.")
    got = _found(text, _OWN, ("accuracy", "METRIC"), ("FooBench", "BENCHMARK"))
    assert got["94.41%"]["metric"] == "accuracy"
    assert got["79.37%"]["metric"] == "accuracy"


def test_a_value_before_a_metric_and_another_keeps_its_own():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 91.2% "
            "accuracy and 80.5% recall on FooBench.")
    got = _found(text, _OWN, ("accuracy", "METRIC"), ("recall", "METRIC"),
                 ("FooBench", "BENCHMARK"))
    assert got["91.2%"]["metric"] == "accuracy"
    assert got["80.5%"]["metric"] == "recall"
