"""The thirtieth session, helper res30 (docs/results.md): a running cost stated as a factor or a
cut ("2.5x faster convergence", "40x fewer FLOPs") takes no benchmark named outside its clause;
checked on invented sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import benchmarks
from tests.extracting import results_by_value as _found

_OWN = ("KiteNet", "METHOD", "introduced")


def test_a_cost_takes_no_benchmark_from_elsewhere_in_its_sentence():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 71.4% "
            "accuracy on FooBench-2 while requiring 40x fewer FLOPs than dense models and "
            "delivering a 2.5x speedup.")
    got = _found(text, _OWN, ("FooBench-2", "BENCHMARK"), ("accuracy", "METRIC"))
    assert got["71.4%"]["benchmark"] == "FooBench-2"  # a score keeps it
    assert got["40x"]["benchmark"] is None
    assert got["2.5x"]["benchmark"] is None


def test_a_cost_takes_no_benchmark_from_the_sentence_before():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. Experiments are conducted "
            "on the FooBench-2 dataset. At inference, KiteNet achieves 3x inference "
            "acceleration. It also improves accuracy by 4.2%.")
    got = _found(text, _OWN, ("FooBench-2", "BENCHMARK"), ("accuracy", "METRIC"))
    assert got["3x"]["benchmark"] is None
    assert got["4.2%"]["benchmark"] == "FooBench-2"  # a gain in a measure keeps it


def test_a_cost_keeps_the_data_its_sentence_opens_on_or_its_clause_names():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. On FooBench-2, KiteNet "
            "matches the dense model while running 6x faster. KiteNet needs 9x less memory "
            "than retraining from scratch on BarSet.")
    got = _found(text, _OWN, ("FooBench-2", "BENCHMARK"), ("BarSet", "DATASET"))
    assert got["6x"]["benchmark"] == "FooBench-2"
    assert got["9x"]["benchmark"] == "BarSet"
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. In fact, when evaluated on "
            "FooBench-2, KiteNet needs 3.5x fewer training epochs.")
    assert _found(text, _OWN, ("FooBench-2", "BENCHMARK"))["3.5x"]["benchmark"] == "FooBench-2"


def test_the_switch_off_gives_the_old_benchmarks(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(benchmarks, "COST_IN_CLAUSE", False)
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet reaches 71.4% "
            "accuracy on FooBench-2 while requiring 40x fewer FLOPs than dense models.")
    got = _found(text, _OWN, ("FooBench-2", "BENCHMARK"), ("accuracy", "METRIC"))
    assert got["40x"]["benchmark"] == "FooBench-2"


def test_an_interval_in_square_brackets_after_a_value_gives_no_results():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. Agreement with experts "
            "rises from 71% [68.5%, 73.9%] on short clips to 88.2% [86.1%, 90.0%] on long ones.")
    got = _found(text, _OWN)
    assert {"71%", "88.2%"} <= set(got)
    assert not {"68.5%", "73.9%", "86.1%", "90.0%"} & set(got)


def test_a_confidence_level_with_a_word_before_its_name_or_in_the_plural_is_no_result():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet improves recall "
            "by +2.1 points, with 95% bootstrap confidence intervals above zero. KiteNet "
            "reaches a relative error of 1.5% (narrow 95% CIs).")
    got = _found(text, _OWN, ("recall", "METRIC"))
    assert "+2.1 points" in got and "1.5%" in got
    assert "95%" not in got


def test_a_score_after_a_name_is_no_version_of_it(rules_nlp):
    from paperkg.core.records import Paper
    from paperkg.extractors.pipeline import extract

    (ex,) = extract([Paper(id="p", title="Kite Networks", abstract=(
        "We present KiteNet, a sparse video model. KiteNet scores SVHN 0.96 and reaches "
        "(BLEU-4 12.29, BERTScore-F1 71.20) on COCO, ahead of Llama 3.1 and Qwen 2.5."))],
        nlp=rules_nlp)
    names = {e.name: e.type for e in ex.entities}
    assert names.get("SVHN") == "DATASET" and "SVHN 0.96" not in names
    assert names.get("BERTScore-F1") == "METRIC" and "BERTScore-F1 71.20" not in names
    assert "Llama 3.1" in names and "Qwen 2.5" in names  # versions stay with their names
    got = {r.value: r for r in ex.results}
    assert got["71.20"].metric == "BERTScore-F1"
    assert got["0.96"].benchmark == "SVHN"


def test_the_best_method_unnamed_is_no_ones_system():
    text = ("Kite Challenge\nWe present KiteNet, a sparse video model. The best competing "
            "method achieves only 55.2% accuracy. KiteNet reaches 71.4% accuracy.")
    got = _found(text, _OWN, ("accuracy", "METRIC"))
    assert got["55.2%"]["system"] is None
    assert got["71.4%"]["system"] == "KiteNet"


def test_a_name_that_is_the_best_method_keeps_its_value():
    text = ("Kite Challenge\nWe present KiteNet, a sparse video model. In our study, FooNet is "
            "the best method, reaching 63.0% accuracy.")
    got = _found(text, _OWN, ("FooNet", "METHOD"), ("accuracy", "METRIC"))
    assert got["63.0%"]["system"] == "FooNet"


def test_values_before_improvements_in_a_list_of_metrics_pair_in_order():
    text = ("Kite Networks\nWe present KiteNet, a ranking model. KiteNet outperforms prior "
            "methods, with up to 4.1% and 3.2% improvements in HR@20 and NDCG@20, respectively.")
    got = _found(text, _OWN, ("HR@20", "METRIC"), ("NDCG@20", "METRIC"))
    assert got["4.1%"]["metric"] == "HR@20"
    assert got["3.2%"]["metric"] == "NDCG@20"


def test_as_many_subjects_as_values_pair_in_order_without_respectively():
    text = ("Kite Networks\nWe present KiteNet and BoxNet, two sparse video models. "
            "KiteNet and BoxNet consistently outperform dense baselines, achieving accuracy "
            "gains of 2.4% and 1.1%.")
    got = _found(text, ("KiteNet", "METHOD", "introduced"), ("BoxNet", "METHOD", "introduced"),
                 ("accuracy", "METRIC"))
    assert got["2.4%"]["system"] == "KiteNet"
    assert got["1.1%"]["system"] == "BoxNet"


def test_r_squared_written_out_is_a_metric(rules_nlp):
    from paperkg.core.records import Paper
    from paperkg.extractors.pipeline import extract

    (ex,) = extract([Paper(id="p", title="Kite Networks", abstract=(
        "We present KiteNet, a yield model. KiteNet improves yield prediction "
        "(R-squared: 0.61 to 0.83) over prior methods."))], nlp=rules_nlp)
    assert {e.name: e.type for e in ex.entities}.get("R-squared") == "METRIC"
    assert {r.value: r.metric for r in ex.results}.get("0.83") == "R-squared"


def test_a_to_b_right_after_attaining_is_the_systems_own_span():
    text = ("Kite Networks\nWe present KiteNet, a sparse video model. KiteNet achieves 41.2% to "
            "47.5% token reduction across platforms. Experiments show a 12.5% to 14.0% "
            "reduction in cost. Fine-tuning raises recall (61.0% to 68.4%).")
    got = _found(text, _OWN, ("recall", "METRIC"))
    assert got["41.2%"]["system"] == "KiteNet" and got["47.5%"]["system"] == "KiteNet"
    assert got["12.5%"]["system"] == "KiteNet" and got["14.0%"]["system"] == "KiteNet"
    assert got["61.0%"]["system"] is None  # a change from a baseline's value stays one


def test_a_measure_of_intervals_is_a_result():
    text = ("Kite Networks\nWe present KiteNet, a sparse epidemic model. KiteNet reaches 98.5% "
            "bootstrap CI coverage across synthetic experiments.")
    assert "98.5%" in _found(text, _OWN)


def test_a_bare_plural_group_opening_its_sentence_is_no_ones_system():
    text = ("Kite Study\nWe present KiteNet, a sparse video model. Experts struggled to tell "
            "real clips from generated ones, with an accuracy of 52.5%. Models trained on "
            "KiteNet clips reach 71.0% accuracy.")
    got = _found(text, _OWN, ("accuracy", "METRIC"))
    assert got["52.5%"]["system"] is None
    assert got["71.0%"]["system"] == "KiteNet"
