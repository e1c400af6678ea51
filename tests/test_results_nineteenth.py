"""Results rules of the nineteenth session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them (no pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_agreement_of_reviewers_is_no_result():
    text = (
        "Toxic Comment Screening\nWe present ToxScreen. The comments were labelled by two "
        "reviewers with substantial agreement (Cohen's kappa = 0.83). Five radiologists read "
        "the scans (Fleiss Kappa = 0.524). ToxScreen reaches an F1 of 0.91."
    )
    got = _found(text, ("ToxScreen", "METHOD", "introduced"), ("F1", "METRIC"))
    assert "0.83" not in got
    assert "0.524" not in got
    assert got["0.91"]["system"] == "ToxScreen"


def test_a_model_s_agreement_with_experts_stays_a_result():
    text = (
        "Automated Q-Matrix Coding\nWe compare language models on Q-matrix coding. Gemini 2.5 "
        "Pro achieves the highest agreement (Kappa = 0.63) with the validated Q-matrix."
    )
    got = _found(text, ("Gemini 2.5 Pro", "MODEL"))
    assert got["0.63"]["system"] == "Gemini 2.5 Pro"


def test_the_scale_a_task_is_set_at_is_no_result():
    text = (
        "Restoration Transformers\nWe present ResViT. The pre-trained model is then adjusted "
        "for 4x super-resolution, and a 30% downsampling portion keeps training cheap. On DiT "
        "it keeps FID low at 4.53x acceleration, and ResViT reaches a PSNR of 31.2 dB."
    )
    got = _found(text, ("ResViT", "METHOD", "introduced"), ("PSNR", "METRIC"))
    assert "4x" not in got
    assert "30%" not in got
    assert "4.53x" not in got
    assert got["31.2 dB"]["system"] == "ResViT"


def test_a_speedup_reached_at_is_still_a_result():
    text = (
        "Fast Decoding\nWe present SpecX. SpecX wins in-distribution at 2.95x speedup and "
        "achieves 40.1% SR on unseen scenes."
    )
    got = _found(text, ("SpecX", "METHOD", "introduced"))
    assert "2.95x" in got
    assert "40.1%" in got


def test_the_share_of_the_data_a_condition_holds_for_is_no_result():
    text = (
        "Robust Ranking\nWe present RankSCO. RankSCO ranks agents best when 59% or more of the "
        "preference data is missing, and it stays ahead when 50% of the labels are corrupted, "
        "reaching 87.5% accuracy."
    )
    got = _found(text, ("RankSCO", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert "59%" not in got
    assert "50%" not in got
    assert got["87.5%"]["system"] == "RankSCO"


def test_the_name_whose_score_changes_holds_the_value_a_change_goes_from():
    text = (
        "Teacher Distillation for Detectors\nWe present MTPD. MTPD boosts the performance of "
        "ResNet-50 based RetinaNet from 36.5% to 42.0% AP on MS COCO. For CheXOne-3B, "
        "steering with MTPD increased calibrated F1 from 0.8528 to 0.8666."
    )
    got = _found(text, ("MTPD", "METHOD", "introduced"), ("RetinaNet", "METHOD"),
                 ("CheXOne-3B", "MODEL"), ("AP", "METRIC"), ("F1", "METRIC"),
                 ("MS COCO", "DATASET"))
    assert got["36.5%"]["system"] == "RetinaNet"
    assert got["42.0%"]["system"] == "MTPD"
    assert got["0.8528"]["system"] == "CheXOne-3B"


def test_the_subject_of_a_change_does_not_hold_the_value_it_goes_from():
    text = (
        "Co-Ablation\nWe present CoAx. On the IOI circuit, CoAx raises backup-head recovery "
        "from 0.33 to 0.91 ROC-AUC."
    )
    got = _found(text, ("CoAx", "METHOD", "introduced"), ("ROC-AUC", "METRIC"))
    assert got["0.33"]["system"] is None
    assert got["0.91"]["system"] == "CoAx"


def test_a_ranking_metric_is_named_with_its_cutoff_in_words():
    text = (
        "Job Matching\nWe present JobRank. JobRank achieved a Precision at 10 score of 0.8032 "
        "and improved nDCG at 10 from 0.9666 to 0.9739. It reaches 77.5% top-1 accuracy at "
        "238 MFLOPS."
    )
    got = _found(text, ("JobRank", "METHOD", "introduced"), ("Precision", "METRIC"),
                 ("nDCG", "METRIC"), ("top-1 accuracy", "METRIC"))
    assert got["0.8032"]["metric"] == "Precision at 10"
    assert got["0.9739"]["metric"] == "nDCG at 10"
    assert got["77.5%"]["metric"] == "top-1 accuracy"


def test_a_name_in_the_aside_after_the_subject_is_not_the_subject():
    text = (
        "Relation Extraction on Historical Texts\nWe compare models. The domain-specific model "
        "Xunzi-Qwen1.5-14B, with Simplified Chinese input and chain-of-thought prompting, "
        "achieves the best relation extraction (F1 = 0.68)."
    )
    got = _found(text, ("Xunzi-Qwen1.5-14B", "MODEL"), ("chain-of-thought prompting", "METHOD"),
                 ("F1", "METRIC"))
    assert got["0.68"]["system"] == "Xunzi-Qwen1.5-14B"


def test_names_listed_before_the_subject_stay_compared():
    text = (
        "Language Identification\nWe present UniLID. Evaluations against baselines, including "
        "fastText, GlotLID, and CLD3, show that UniLID achieves competitive performance, "
        "surpassing 70% accuracy with few samples."
    )
    got = _found(text, ("UniLID", "METHOD", "introduced"), ("fastText", "MODEL"),
                 ("GlotLID", "MODEL"), ("CLD3", "MODEL"), ("accuracy", "METRIC"))
    assert got["70%"]["system"] == "UniLID"
