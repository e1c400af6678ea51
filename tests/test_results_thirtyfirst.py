"""The thirty-first session, helper res31 (docs/results.md): "absolute" before a metric of its
own, two values sharing the metric after the second, values of an unnamed compared system, the
real-time factor, "$60.0 \\%$"; checked on invented sentences with entities given as the entity
component leaves them."""

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


def test_a_bracket_after_an_unnamed_compared_system_is_not_the_subjects():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches an F1 score "
            "of 0.81, surpassing the much larger teacher model (F1=0.74), though it "
            "underperformed both radiologists (F1=0.92 and 0.90).")
    got = _found(text, _OWN, ("F1 score", "METRIC"))
    assert got["0.81"]["system"] == "KiteNet"
    assert got["0.74"]["system"] is None
    assert got["0.92"]["system"] is None
    assert got["0.90"]["system"] is None


def test_a_bracket_after_a_named_system_a_preposition_or_a_pair_keeps_its_system():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches an F1 score "
            "of 0.81, outperforming SlowNet (0.74). KiteNet outperforms others on "
            "the test set (0.85 F1). KiteNet outperforms existing approaches (0.88 v.s. 0.80).")
    got = _found(text, _OWN, ("SlowNet", "METHOD"), ("FooBench", "BENCHMARK"),
                 ("F1 score", "METRIC"), ("F1", "METRIC"))
    assert got["0.74"]["system"] == "SlowNet"
    assert got["0.85"]["system"] == "KiteNet"
    assert got["0.88"]["system"] == "KiteNet"


def test_an_of_value_after_an_unnamed_compared_system_is_not_the_subjects():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches a CER of "
            "2.1%, surpassing the human transcription baseline of 2.6%. KiteNet outperforms the "
            "baselines by an average of 4.4%.")
    got = _found(text, _OWN, ("CER", "METRIC"))
    assert got["2.1%"]["system"] == "KiteNet"
    assert got["2.6%"]["system"] is None
    assert got["4.4%"]["system"] == "KiteNet"


def test_the_real_time_factor_is_a_metric(rules_nlp):
    from paperkg.core.records import Paper
    from paperkg.extractors.pipeline import extract

    (ex,) = extract([Paper(id="p", title="Kite Speech", abstract=(
        "We present KiteTTS, a speech synthesis model. KiteTTS runs on a laptop, achieving a "
        "real-time factor of 0.07."))], nlp=rules_nlp)
    assert {e.name: e.type for e in ex.entities}.get("real-time factor") == "METRIC"
    assert {r.value: r.metric for r in ex.results}.get("0.07") == "real-time factor"


def test_a_value_in_dollars_with_a_space_before_the_percent_sign_is_read():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet achieves $61.5 \\%$ "
            "top-1 accuracy, improving accuracy by $4 \\%$ over prior templates.")
    got = _found(text, _OWN, ("top-1 accuracy", "METRIC"), ("accuracy", "METRIC"))
    assert got["$61.5 \\%$"]["metric"] == "top-1 accuracy"
    assert got["$61.5 \\%$"]["number"] == 61.5
    assert got["$4 \\%$"]["kind"] == "delta"
