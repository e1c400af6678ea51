"""Results rules of the seventh session (docs/results.md): value shapes and attribution checked
on invented sentences of the shapes, with entities given as the entity component leaves them
(no pipeline: fast)."""

from __future__ import annotations

from paperkg.extractors.results import find_results, read_number
from tests.extracting import entity_dict as _ent
from tests.extracting import results_by_value as _found


def test_factors_written_in_words_are_ratios_where_a_change_is_said():
    text = ("QuickSolve: Fast Solvers\nWe propose QuickSolve. QuickSolve is fivefold faster than "
            "the simplex baseline, gives a two-fold reduction in memory and runs ten times "
            "quicker on large graphs. Our contributions are threefold: a solver, a proof and a "
            "benchmark.")
    got = _found(text, ("QuickSolve", "METHOD", "introduced"))
    assert set(got) == {"fivefold", "two-fold", "ten times"}
    assert all(r["kind"] == "ratio" and r["unit"] == "x" for r in got.values())
    assert got["fivefold"]["system"] == "QuickSolve"
    assert (got["fivefold"]["number"], got["two-fold"]["number"], got["ten times"]["number"]) \
        == (5.0, 2.0, 10.0)


def test_orders_of_magnitude_are_factors_of_ten_to_that_power():
    text = ("GridSim: Surrogates\nWe propose GridSim. GridSim runs 1-2 orders of magnitude faster "
            "than the simulator and reduces trainable parameters by four orders of magnitude. "
            "The scaling law holds across three orders of magnitude in compute.")
    got = _found(text, ("GridSim", "METHOD", "introduced"))
    assert set(got) == {"1-2 orders of magnitude", "four orders of magnitude"}
    assert got["four orders of magnitude"]["number"] == 10000.0
    assert got["1-2 orders of magnitude"]["number"] == 10.0
    assert got["four orders of magnitude"]["system"] == "GridSim"


def test_a_text_whose_only_result_is_written_in_words_is_read():
    text = ("PathNet: Planning\nWe propose PathNet. PathNet plans paths three orders of magnitude "
            "faster than sampling planners.")
    assert [r["value"] for r in find_results(text, [_ent(text, "PathNet", "METHOD",
                                                         "introduced")])] == \
        ["three orders of magnitude"]


def test_decimals_written_without_a_leading_zero():
    text = ("SegLite: Lesions\nWe propose SegLite. SegLite obtains a dice coefficient of .9411 on "
            "ISIC and shows .9467 dice coefficient with +/- .0310 standard deviation on PH2, "
            "a significant gain (p = .007).")
    got = _found(text, ("SegLite", "METHOD", "introduced"), ("ISIC", "DATASET"),
                 ("PH2", "DATASET"), ("dice coefficient", "METRIC"))
    assert set(got) == {".9411", ".9467"}
    assert read_number(".9411") == 0.9411 and read_number("-.5") == -0.5
    assert got[".9411"]["metric"] == "dice coefficient" and got[".9411"]["benchmark"] == "ISIC"


def test_folds_of_cross_validation_and_bounds_of_confidence_intervals_are_not_results():
    text = ("DermNet: Lesions\nWe propose DermNet. With 10-fold stratified cross-validation, "
            "DermNet reaches 91.2% accuracy, with bootstrap 95% confidence intervals of "
            "[90.1%, 92.3%].")
    got = _found(text, ("DermNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"91.2%"}


def test_the_quantity_a_change_is_stated_on_names_the_metric_when_its_head_is_a_measure():
    text = ("PlanBot: Agents\nWe propose PlanBot. PlanBot reduces the total expected loss by ~94% "
            "and cuts peak memory by 35%, and improves its answers by 12%. On ProactiveBench, "
            "it lowers false alarms by 22.78% and improves F1 by 20.14%.")
    got = _found(text, ("PlanBot", "METHOD", "introduced"), ("ProactiveBench", "BENCHMARK"),
                 ("F1", "METRIC"))
    assert got["~94%"]["metric"] == "expected loss"
    assert got["35%"]["metric"] == "peak memory"
    assert got["12%"]["metric"] is None  # "answers" is no measure
    assert got["22.78%"]["metric"] == "false alarms"
    assert got["20.14%"]["metric"] == "F1"


def test_the_metric_word_pattern_matches_as_a_longest_first_alternation_would():
    import re

    from paperkg.extractors.words import trie_alternation

    words = ["F1", "F1 score", "F1-score", "accuracy", "top-1 accuracy", "top-1", "AP", "AP50",
             "mAP", "R^2"]
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    wrap = r"(?<![\w\-@])(?:{})(?![\w@])"
    old = re.compile(wrap.format(plain), re.I)
    new = re.compile(wrap.format(trie_alternation(words, lower=True)), re.I)
    text = ("We report F1 score 0.8, f1-score 0.7, F1 0.6, top-1 accuracy 81%, TOP-1 70%, AP50 "
            "44, AP 40 and mAP 39, R^2 = 0.9, F1s and APx are no metrics.")
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert [m.group(0) for m in new.finditer(text)][:3] == ["F1 score", "f1-score", "F1"]


def test_an_added_share_of_parameters_or_flops_is_an_overhead_not_a_result():
    text = ("SpecDiT: Diffusion\nWe propose SpecDiT. With 0.6% additional theoretical FLOPs and "
            "1.36% additional parameters, SpecDiT achieves an 8.7% relative FID reduction.")
    got = _found(text, ("SpecDiT", "METHOD", "introduced"), ("FID", "METRIC"))
    assert set(got) == {"8.7%"}


def test_metrics_listed_after_the_values_pair_in_order_with_respectively():
    text = ("KGNet: Completion\nWe propose KGNet. KGNet achieves improvements of 5.47%, 3.27%, "
            "and 1.01% in the Hits@1, Hits@3, and Hits@10 metrics, respectively. It reaches "
            "41.2% and 50.3% in Hits@1 on FB15k.")
    got = _found(text, ("KGNet", "METHOD", "introduced"), ("Hits@1", "METRIC"),
                 ("Hits@3", "METRIC"), ("Hits@10", "METRIC"), ("FB15k", "DATASET"))
    assert [got[v]["metric"] for v in ("5.47%", "3.27%", "1.01%")] == \
        ["Hits@1", "Hits@3", "Hits@10"]
    assert got["50.3%"]["metric"] == "Hits@1"  # one metric, no "respectively": shared


def test_a_compression_ratio_of_a_value_is_a_result_a_plain_ratio_of_is_a_setting():
    text = ("SeisZip: Compression\nWe propose SeisZip. SeisZip achieves a compression ratio of "
            "19:1, trained with a ratio of 1:3 between real and synthetic maps.")
    got = _found(text, ("SeisZip", "METHOD", "introduced"), ("compression ratio", "METRIC"))
    assert set(got) == {"19:1"}
    assert got["19:1"]["kind"] == "ratio" and got["19:1"]["metric"] == "compression ratio"


def test_the_narrow_edges_of_the_new_rules():
    text = ("CoreRAG: Compression\nWe propose CoreRAG. With a compression ratio of 3%, CoreRAG "
            "improves EM by 3.3 points and reduces time and costs by 13% and 16%, respectively. "
            "Its prediction intervals (95% empirical coverage) are well calibrated.")
    got = _found(text, ("CoreRAG", "METHOD", "introduced"), ("EM", "METRIC"),
                 ("compression ratio", "METRIC"))
    assert "3%" not in got  # a compression setting, not a result
    assert got["13%"]["metric"] != "and costs" and got["16%"]["metric"] != "and costs"
    assert "95%" in got  # a coverage inside the brackets of prediction intervals is a result
