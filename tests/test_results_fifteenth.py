"""Results rules of the fifteenth session (docs/results.md): benchmarks and metrics checked on
invented sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_a_dataset_a_model_was_pretrained_on_is_not_the_values_benchmark():
    text = (
        "Lung5: Small Chest Classifiers\nWe present Lung5. Our ImageNet-pretrained encoder "
        "fine-tuned on 900 scans reaches 81.35% accuracy, while the COCO pre-trained detector "
        "stalls at 0.412 (-12.5%)."
    )
    got = _found(
        text,
        ("Lung5", "METHOD", "introduced"),
        ("ImageNet", "DATASET"),
        ("COCO", "DATASET"),
        ("accuracy", "METRIC"),
    )
    assert got["81.35%"]["benchmark"] is None
    assert got["0.412"]["benchmark"] is None
    assert got["-12.5%"]["benchmark"] is None


def test_a_pretrained_name_leaves_the_benchmark_a_value_is_measured_on():
    text = (
        "Det5: Open Detectors\nWe present Det5. Starting from a COCO-pretrained backbone, Det5 "
        "reaches 47.25 AP on LVIS. Trained on ImageNet, it scores 83.1% top-1 accuracy on "
        "ImageNet."
    )
    got = _found(
        text,
        ("Det5", "METHOD", "introduced"),
        ("COCO", "DATASET"),
        ("LVIS", "BENCHMARK"),
        ("ImageNet", "DATASET"),
        ("AP", "METRIC"),
        ("top-1 accuracy", "METRIC"),
    )
    assert got["47.25"]["benchmark"] == "LVIS"
    assert got["83.1%"]["benchmark"] == "ImageNet"


def test_with_no_subject_verb_a_name_before_an_aside_in_brackets_is_the_system():
    text = (
        "Sign5: Sign Recognition\nWe compare video encoders for signs. Among the models, the "
        "VideoMAE variant (MCG-NJU/videomae-base) with the best accuracies of 93.5% on the "
        "first split."
    )
    got = _found(
        text,
        ("VideoMAE", "METHOD"),
        ("MCG-NJU", "METHOD"),
        ("accuracies", "METRIC"),
    )
    assert got["93.5%"]["system"] == "VideoMAE"


def test_with_no_subject_verb_a_name_in_brackets_stays_when_no_name_precedes_it():
    text = (
        "Seg5: Aerial Masks\nWe study aerial masks. On seven scenes (single-pass SAM2 as the "
        "start) the masks with coverage of 93.5% overall."
    )
    got = _found(text, ("SAM2", "MODEL"), ("coverage", "METRIC"))
    assert got["93.5%"]["system"] == "SAM2"


def test_a_name_typed_as_data_that_improves_over_another_is_the_system_not_a_benchmark():
    text = (
        "PACK: Compact Agent Memory\nWe present a compact memory for agents that answer "
        "questions over long documents. On HotpotQA, PACK improves over MemAgent by 4.5% and "
        "2.75% with 3B and 7B backbones, respectively."
    )
    got = _found(
        text,
        ("PACK", "DATASET", "introduced"),
        ("HotpotQA", "DATASET"),
        ("MemAgent", "METHOD"),
    )
    for value in ("4.5%", "2.75%"):
        assert got[value]["system"] == "PACK"
        assert got[value]["benchmark"] == "HotpotQA"


def test_improving_on_a_dataset_keeps_the_dataset_as_benchmark():
    text = (
        "Rank5: Rerankers\nWe present Rank5. Rank5 improves nDCG@10 on MS MARCO by 3.25%."
    )
    got = _found(
        text,
        ("Rank5", "METHOD", "introduced"),
        ("MS MARCO", "DATASET"),
        ("nDCG@10", "METRIC"),
    )
    assert got["3.25%"]["system"] == "Rank5"
    assert got["3.25%"]["benchmark"] == "MS MARCO"


def test_dominates_and_outscores_make_the_name_before_them_the_subject():
    text = (
        "Prot5: Protein Probes\nWe probe protein language models with Prot5. ESM-3 dominates "
        "binding affinity (IB=-0.141; AUROC 0.834 vs. 0.754). AF3 outscores all others on "
        "flexibility (IB=+0.064; AUROC 0.612)."
    )
    got = _found(
        text,
        ("Prot5", "METHOD", "introduced"),
        ("ESM-3", "MODEL"),
        ("AF3", "MODEL"),
        ("AUROC", "METRIC"),
    )
    assert got["0.834"]["system"] == "ESM-3"
    assert got["0.612"]["system"] == "AF3"


def test_a_metric_list_with_a_bracketed_short_name_pairs_with_the_values_respectively():
    text = (
        "Pep5: Peptide Classifiers\nWe present Pep5. The Matthews correlation coefficient (MCC) "
        "and Cohen's kappa were 0.9214 and 0.9177, respectively."
    )
    got = _found(
        text,
        ("Pep5", "METHOD", "introduced"),
        ("Matthews correlation coefficient", "METRIC"),
        ("MCC", "METRIC"),
        ("Cohen's kappa", "METRIC"),
    )
    assert got["0.9214"]["metric"] == "Matthews correlation coefficient"
    assert got["0.9177"]["metric"] == "Cohen's kappa"


def test_a_range_a_change_goes_from_is_one_baseline_value():
    text = (
        "Meta5: Dataset Cards\nWe present Meta5. Guided enrichment with Meta5 raises overall "
        "F1 from 51-58% to 82-90% on four corpora, and from 0.61-0.7 (before) to over 0.93."
    )
    got = _found(text, ("Meta5", "METHOD", "introduced"), ("F1", "METRIC"))
    assert "58%" not in got and "0.7" not in got
    assert got["51-58%"]["system"] is None
    assert got["82-90%"]["system"] == "Meta5"
    assert got["0.61-0.7"]["system"] is None


def test_a_change_from_one_value_to_another_still_splits():
    text = (
        "Meta6: Dataset Cards\nWe present Meta6. Meta6 raises F1 from 51% to 82% and "
        "improves recall by 4%-9% over two baselines."
    )
    got = _found(text, ("Meta6", "METHOD", "introduced"), ("F1", "METRIC"), ("recall", "METRIC"))
    assert got["51%"]["system"] is None
    assert got["82%"]["system"] == "Meta6"
    assert got["4%-9%"]["system"] == "Meta6"
