"""Results rules of the eleventh session (docs/results.md): attribution checked on invented
sentences of the shapes, with entities given as the entity component leaves them (no pipeline:
fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_a_benchmark_named_right_before_the_value_holds_among_several_unnamed_ones():
    text = ("Fuse9: Retrieval\nWe present Fuse9. Our method achieves competitive results "
            "across benchmarks, including CIRQ mAP@50 of 38.5, and improves by 4.1% across "
            "three datasets. Baselines trail on multiple CIRQ benchmarks by 7.7% on average.")
    got = _found(text, ("Fuse9", "METHOD", "introduced"), ("CIRQ", "BENCHMARK"),
                 ("mAP@50", "METRIC"))
    assert got["38.5"]["benchmark"] == "CIRQ"
    assert got["4.1%"]["benchmark"] is None
    assert got["7.7%"]["benchmark"] is None  # the name of the plural group, not one benchmark


def test_a_values_own_unit_names_the_metric_when_no_other_is_near():
    text = ("Fast9: Layout Analysis\nWe present Fast9. It exceeds 30 FPS on a Jetson board. "
            "It reaches 0.93 mAP at 41 FPS.")
    got = _found(text, ("Fast9", "METHOD", "introduced"), ("FPS", "METRIC"),
                 ("mAP", "METRIC"))
    assert got["30 FPS"]["metric"] == "FPS"
    assert got["0.93"]["metric"] == "mAP"


def test_values_listed_before_as_many_metrics_pair_with_them_in_order():
    text = ("DIFF9: Filtering\nWe present DIFF9. DIFF9 achieves improvements of up to 14.1% "
            "and 12.5% in Recall@20 and NDCG@20 across four datasets.")
    got = _found(text, ("DIFF9", "METHOD", "introduced"), ("Recall@20", "METRIC"),
                 ("NDCG@20", "METRIC"))
    assert got["14.1%"]["metric"] == "Recall@20"
    assert got["12.5%"]["metric"] == "NDCG@20"


def test_values_each_with_its_metric_pair_with_a_list_of_benchmarks_after_them():
    text = ("GeoFM9: Pretraining\nWe present GeoFM9. GeoFM9 shows gains of +4% OA and +5.1% "
            "mAP on EuroSAT-X and BigEarth-X. It improves by 7.3% on ACDC and 15.6% on AMOS.")
    got = _found(text, ("GeoFM9", "METHOD", "introduced"), ("EuroSAT-X", "DATASET"),
                 ("BigEarth-X", "DATASET"), ("ACDC", "DATASET"), ("AMOS", "DATASET"),
                 ("mAP", "METRIC"))
    assert got["+4%"]["benchmark"] == "EuroSAT-X"
    assert got["+5.1%"]["benchmark"] == "BigEarth-X"
    assert got["7.3%"]["benchmark"] == "ACDC"
    assert got["15.6%"]["benchmark"] == "AMOS"


def test_a_margin_over_others_takes_the_metric_of_the_sentences_scores():
    text = ("Plan9: Planning\nWe present Plan9. On the MAT-X benchmark, Plan9 achieves success "
            "rates of 0.95 on compound tasks and 0.84 on complex tasks, improving over the "
            "previous state-of-the-art Lam9 by 2 and 7 percentage points respectively. Plan9 "
            "reaches 60.2% top-1 accuracy on the long-horizon subset of MAT-X with all tools "
            "enabled, and it improves efficiency over Lam9 by 76.25%.")
    got = _found(text, ("Plan9", "METHOD", "introduced"), ("MAT-X", "BENCHMARK"),
                 ("Lam9", "METHOD"), ("success rates", "METRIC"), ("top-1 accuracy", "METRIC"))
    assert got["2"]["metric"] == "success rates"
    assert got["7 percentage points"]["metric"] == "success rates"
    assert got["76.25%"]["metric"] is None  # a change of another quantity, not a margin


def test_data_the_sentence_names_without_an_entity_is_the_values_benchmark():
    text = ("SEU9: Speech Enhancement\nWe present SEU9. Results on the VCTK+DEMAND9 dataset "
            "show that SEU9 attains a PESQ score of 3.59.")
    got = _found(text, ("SEU9", "METHOD", "introduced"), ("PESQ", "METRIC"))
    assert got["3.59"]["benchmark"] == "VCTK+DEMAND9"


def test_a_ratio_of_the_metric_named_after_it_with_the_between():
    text = ("Bole9: Decoding\nWe present Bole9. Bole9 delivers up to 4.72x the offline decode "
            "throughput of autoregressive decoding.")
    got = _found(text, ("Bole9", "METHOD", "introduced"),
                 ("offline decode throughput", "METRIC"))
    assert got["4.72x"]["metric"] == "offline decode throughput"
