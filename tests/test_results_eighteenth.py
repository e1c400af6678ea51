"""Results rules of the eighteenth session (docs/results.md): acronyms no entity holds written
right after a value, and scores without a unit that share the metric of the score before them,
checked on invented sentences with entities given as the entity component leaves them (no
pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_an_acronym_right_after_the_value_is_its_metric():
    text = (
        "Land Cover Probes\nWe present GeoProbe. GeoProbe yields gains of +4% OA and +5.1% "
        "mAP on EuroSAT-L, needs 41% fewer MACs than the baseline, and reaches 61.98% J&F "
        "on the MeViS test set with 4.48% average NMI gains over prior methods."
    )
    got = _found(text, ("GeoProbe", "METHOD", "introduced"), ("mAP", "METRIC"),
                 ("EuroSAT-L", "DATASET"), ("MeViS", "DATASET"))
    assert got["+4%"]["metric"] == "OA"
    assert got["+5.1%"]["metric"] == "mAP"
    assert got["41%"]["metric"] == "MACs"
    assert got["61.98%"]["metric"] == "J&F"
    assert got["4.48%"]["metric"] == "NMI"


def test_a_word_of_the_setting_after_the_value_is_no_metric():
    text = (
        "Small Tuning\nWe present TinyTune. With only 10% SFT data, TinyTune improves "
        "accuracy by 3.2%."
    )
    got = _found(text, ("TinyTune", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert got.get("10%", {}).get("metric") != "SFT"
    assert got["3.2%"]["metric"] == "accuracy"


def test_a_score_without_a_unit_takes_the_metric_of_the_score_before_it():
    text = (
        "Ranking Logs\nWe present LogRank. Our best system achieves an average NDCG@10 of "
        "0.296 across the entire training and test dataset of all twelve monthly snapshots, "
        "with an overall best score of 0.395 on 2023-05."
    )
    got = _found(text, ("LogRank", "METHOD", "introduced"), ("NDCG@10", "METRIC"))
    assert got["0.296"]["metric"] == "NDCG@10"
    assert got["0.395"]["metric"] == "NDCG@10"


def test_a_bare_score_of_another_kind_keeps_its_own_metric():
    text = (
        "Ranking Logs\nWe present LogRank. LogRank reaches an NDCG@10 of 0.296, improving "
        "recall by 0.05 over BM25."
    )
    got = _found(text, ("LogRank", "METHOD", "introduced"), ("NDCG@10", "METRIC"),
                 ("BM25", "METHOD"))
    assert got["0.296"]["metric"] == "NDCG@10"
    assert got["0.05"]["metric"] != "NDCG@10"


def test_the_quantity_a_change_verb_names_before_by_is_the_values():
    text = (
        "Place Recognition\nWe present SeqFormer. SeqFormer boosts recall by up to 17% while "
        "reducing sequence extraction time by 36%. At a CFG of 4.5, it improves OCR by 47.5% "
        "and enhances uncertainty estimation performance by 17.5%."
    )
    got = _found(text, ("SeqFormer", "METHOD", "introduced"), ("recall", "METRIC"),
                 ("CFG", "METRIC"))
    assert got["17%"]["metric"] == "recall"
    assert got["36%"]["metric"] == "sequence extraction time"
    assert got["47.5%"]["metric"] == "OCR"
    assert got["17.5%"]["metric"] is None


def test_a_comparison_or_values_paired_respectively_keep_the_metric_before():
    text = (
        "Private Inference\nWe present ReduNet. ReduNet improves accuracy and reduces ReLU "
        "count by up to 3.5% and 3.5x, respectively. On MATH500, ReduNet reaches 71.2% "
        "accuracy, improving over TraceRL by 6.32%."
    )
    got = _found(text, ("ReduNet", "METHOD", "introduced"), ("accuracy", "METRIC"),
                 ("TraceRL", "METHOD"), ("MATH500", "BENCHMARK"))
    assert got["3.5%"]["metric"] == "accuracy"
    assert got["6.32%"]["metric"] == "accuracy"
