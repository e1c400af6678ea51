"""Results rules of the sixth session's seventh pass (docs/results.md): value shapes and
attribution checked on invented sentences of the shapes, with entities given as the entity
component leaves them (no pipeline: fast)."""

from __future__ import annotations

from paperkg.extractors.results import read_number
from tests.extracting import gold_file
from tests.extracting import results_by_value as _found


def test_plus_minus_written_with_a_slash_and_inside_latex_dollars():
    text = ("FooNet: Things\nWe propose FooNet. FooNet achieves 98.98+/-0.12% accuracy on steps "
            "and 95.94+/-0.21% on whole tasks, and a quality score of $92.8 \\pm 4.1$.")
    got = _found(text, ("FooNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"98.98+/-0.12%", "95.94+/-0.21%", "$92.8 \\pm 4.1$"}
    assert read_number("98.98+/-0.12%") == 98.98 and read_number("$92.8 \\pm 4.1$") == 92.8
    assert got["95.94+/-0.21%"]["system"] == "FooNet"
    assert got["95.94+/-0.21%"]["metric"] == "accuracy"


def test_a_latex_range_of_factors_and_a_rating_out_of_five_point_zero():
    text = ("ReMix: Faster Decoding\nWe propose ReMix. ReMix achieves a $2-8 \\times$ inference "
            "speedup. Users rate its answers 4.89/5.0 on average.")
    got = _found(text, ("ReMix", "METHOD", "introduced"))
    assert got["$2-8 \\times$"]["kind"] == "ratio"
    assert got["$2-8 \\times$"]["number"] == 2.0
    assert "4.89/5.0" in got and "5.0" not in got


def test_the_audit_counts_the_misses_of_results_full_by_what_is_wrong(nlp, tmp_path):
    from paperkg.extractors.results_audit import audit

    path = gold_file(
        tmp_path, "FooNet: Faster Things",
        "We propose FooNet. It reaches 81.0% top-5 hit breadth on ImageNet, and 12.5 points of "
        "gain.",
        [("FooNet", "METHOD", "introduced"), ("ImageNet", "DATASET"),
         ("top-5 hit breadth", "METRIC")],
        [{"system": "FooNet", "benchmark": "ImageNet", "metric": "top-5 hit breadth",
          "value": "81.0%", "kind": "score"},
         {"system": "FooNet", "benchmark": None, "metric": None, "value": "7.5",
          "kind": "score"}])
    out = audit(path, nlp=nlp)
    misses = out["misses"]
    assert misses["value not found"] == 1
    assert misses["metric: null (gold name not extracted, in the sentence)"] == 1
    assert out["value_misses"] == {"value not found": 1}  # 81.0% is FooNet's: no value miss


def test_values_on_a_counted_list_of_benchmarks_pair_in_order():
    text = ("V2P: Grounding\nWe propose V2P. The model trained by V2P achieves 92.3% and 50.5% "
            "on two benchmarks ScreenSpot-v2 and ScreenSpot-Pro.")
    got = _found(text, ("V2P", "METHOD", "introduced"), ("ScreenSpot-v2", "BENCHMARK"),
                 ("ScreenSpot-Pro", "BENCHMARK"))
    assert got["92.3%"]["benchmark"] == "ScreenSpot-v2"
    assert got["50.5%"]["benchmark"] == "ScreenSpot-Pro"


def test_a_factor_takes_the_metric_before_by_over():
    text = ("Medha: Serving\nWe propose Medha. Medha improves throughput by over 5x and "
            "cuts median latency by nearly 30x, reaching 1.2x less cost.")
    got = _found(text, ("Medha", "METHOD", "introduced"), ("throughput", "METRIC"),
                 ("median latency", "METRIC"))
    assert got["5x"]["metric"] == "throughput"
    assert got["30x"]["metric"] == "median latency"
    assert got["1.2x"]["metric"] is None


def test_unnamed_test_data_after_the_value_has_no_benchmark_and_no_fallback():
    text = ("Foo: Bar\nWe evaluate on BraTS2021. This approach achieves a Spearman correlation "
            "of 0.338 on the test dataset. It reaches a Dice of 0.91 on BraTS2021.")
    got = _found(text, ("BraTS2021", "DATASET"), ("Spearman correlation", "METRIC"),
                 ("Dice", "METRIC"))
    assert got["0.338"]["benchmark"] is None
    assert got["0.91"]["benchmark"] == "BraTS2021"
    other = _found(text.replace("the test dataset", "the test set of BraTS2021"),
                   ("BraTS2021", "DATASET"), ("Spearman correlation", "METRIC"))
    assert other["0.338"]["benchmark"] == "BraTS2021"


def test_a_system_named_right_before_at_and_the_value():
    text = ("KAT: Coding\nWe propose KAT. KAT achieves 79.6% on SWE-bench Verified (vs. Claude "
            "Opus 4.6 at 80.8%). We train at 40% sparsity.")
    got = _found(text, ("KAT", "MODEL", "introduced"), ("SWE-bench Verified", "BENCHMARK"),
                 ("Claude Opus 4.6", "MODEL"))
    assert got["79.6%"]["system"] == "KAT"
    assert got["80.8%"]["system"] == "Claude Opus 4.6"
    assert got["80.8%"]["benchmark"] == "SWE-bench Verified"
    assert "40%" not in got  # a setting


def test_a_bare_score_in_brackets_after_a_benchmark_name():
    text = ("KAT: Coding\nWe propose KAT. KAT maintains strong scores on Terminal-Bench Hard "
            "(46.8) and tau2-Bench (93.9). It was built on Qwen-Suite (2.5).")
    got = _found(text, ("KAT", "MODEL", "introduced"), ("Terminal-Bench Hard", "BENCHMARK"),
                 ("tau2-Bench", "BENCHMARK"), ("Qwen-Suite", "DATASET"))
    assert (got["46.8"]["system"], got["46.8"]["benchmark"]) == ("KAT", "Terminal-Bench Hard")
    assert got["93.9"]["benchmark"] == "tau2-Bench"
    assert "2.5" not in got  # no result cue in its sentence: a version


def test_data_splits_and_decades_are_not_results():
    text = ("FooNet: Things\nSince the 1990s, networks grew. We propose FooNet. The data is split "
            "into 80% for training and 20% for testing (a 70/30% train split elsewhere). FooNet "
            "reaches 91% accuracy.")
    got = _found(text, ("FooNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"91%"}


def test_a_name_after_a_comparison_with_adjectives_is_not_the_subject():
    text = ("Q: Tuning\nWe propose QWTHN. QWTHN, compared to classical LoRA, reduces training "
            "loss by up to 15%.")
    got = _found(text, ("QWTHN", "METHOD", "introduced"), ("LoRA", "METHOD"))
    assert got["15%"]["system"] == "QWTHN"


def test_values_after_name_and_colon_are_that_names():
    text = ("DualView: Reranking\nWe propose DualView. It outperforms cross-encoders (BGE-Large: "
            "92.0% Recall, Jina-v3: 90.1% Recall) and reaches 99.4% Recall.")
    got = _found(text, ("DualView", "METHOD", "introduced"), ("BGE-Large", "MODEL"),
                 ("Jina-v3", "MODEL"), ("Recall", "METRIC"))
    assert got["92.0%"]["system"] == "BGE-Large" and got["90.1%"]["system"] == "Jina-v3"
    assert got["99.4%"]["system"] == "DualView"


def test_a_stage_named_as_the_subject_of_its_clause():
    text = ("QE: Ranking\nWe propose QE-Rec. The QE model yields a 0.98% improvement in CTR, "
            "while the subsequent Ranking Alignment stage contributes an additional 0.13% gain.")
    got = _found(text, ("QE-Rec", "METHOD", "introduced"), ("Ranking Alignment", "METHOD"),
                 ("CTR", "METRIC"))
    assert got["0.13%"]["system"] == "Ranking Alignment"


def test_a_measure_phrase_after_the_value_is_named_as_written():
    text = ("FICC: Control\nWe propose FICC. We achieve 118.4% mean human performance and 36.0% "
            "median performance, with 26% average performance improvement and a 0.97 F1, "
            "demonstrating strong performance. Answers get 4.89/5.0 average response quality.")
    got = _found(text, ("FICC", "METHOD", "introduced"))
    assert got["118.4%"]["metric"] == "mean human performance"
    assert got["36.0%"]["metric"] == "median performance"
    assert got["4.89/5.0"]["metric"] == "average response quality"
    assert got["26%"]["metric"] is None  # an improvement of performance: no metric named


def test_an_acronym_typed_otherwise_next_to_the_value_is_its_metric():
    text = ("Grade: Scoring\nWe propose GradeNet. Our models reach the state of the art on the "
            "SpokenWOZ test set (34.66% JGA). ResNet18 records a BPCER of 10.44%. Our method "
            "achieves most of the scoring improvement (QWK: 0.531 to 0.686). It outperforms "
            "LSTM by 5%.")
    got = _found(text, ("GradeNet", "METHOD", "introduced"), ("SpokenWOZ", "DATASET"),
                 ("JGA", "METHOD"), ("BPCER", "METHOD"), ("QWK", "METHOD"),
                 ("ResNet18", "MODEL"), ("LSTM", "METHOD"))
    assert got["34.66%"]["metric"] == "JGA"
    assert (got["10.44%"]["metric"], got["10.44%"]["system"]) == ("BPCER", "ResNet18")
    assert got["0.686"]["metric"] == "QWK" and got["0.686"]["system"] == "GradeNet"
    assert got["5%"]["metric"] is None


def test_a_statistic_before_a_comparator_is_a_result_with_that_metric():
    text = ("Twin: Digital Twins\nWe propose TwinNet. TwinNet reconstructs signals with R2 > 0.99 "
            "and reaches R2 = 0.98. Gemini gets the highest agreement (Kappa = 0.63), with k = 5.5 "
            "and p < 0.05. Annotators agree well (inter-annotator kappa = 0.81).")
    got = _found(text, ("TwinNet", "METHOD", "introduced"), ("Gemini", "MODEL"))
    assert (got["0.99"]["metric"], got["0.99"]["system"]) == ("R2", "TwinNet")
    assert got["0.98"]["system"] == "TwinNet"
    assert (got["0.63"]["metric"], got["0.63"]["system"]) == ("Kappa", "Gemini")
    assert not {"5.5", "0.05", "0.81"} & set(got)


def test_groups_compared_in_a_list_and_groups_that_achieve():
    text = ("VOne: Robust Nets\nWe propose VOneNets. VOneNets are robust, outperforming the base "
            "CNNs and state-of-the-art methods by 18% and 3%, respectively. Yet shapes stay hard, "
            "with top models achieving under 50% accuracy.")
    got = _found(text, ("VOneNets", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert got["18%"]["system"] == "VOneNets" and got["3%"]["system"] == "VOneNets"
    assert got["50%"]["system"] is None


def test_a_coined_name_in_brackets_and_a_possessive_before_by():
    text = ("MALoT: Provers\nWe propose MALoT. MALoT achieves 61.07% accuracy, outperforming "
            "whole-proof generation (Godel-Prover, 55.33%). Extra hints reduce GPT-5's accuracy "
            "by 3-19 pp.")
    got = _found(text, ("MALoT", "METHOD", "introduced"), ("GPT-5", "MODEL"),
                 ("accuracy", "METRIC"))
    assert got["61.07%"]["system"] == "MALoT"
    assert got["55.33%"]["system"] == "Godel-Prover"
    assert got["3-19 pp"]["system"] == "GPT-5"


def test_numbers_listed_before_a_shared_unit_are_results():
    text = ("LaMA: Agents\nWe propose LaMA. LaMA improves over LaMMA-P by 2, 7, and 15 percentage "
            "points. It gains 10 and 15 points on AIME24 and AMC23, respectively. It beats "
            "the S3DIS Area 5 and 78.4% mIoU results, and adds 7% on Hits@1, 4% on Hits@3.")
    got = _found(text, ("LaMA", "METHOD", "introduced"), ("AIME24", "BENCHMARK"),
                 ("AMC23", "BENCHMARK"), ("Hits@1", "METRIC"), ("Hits@3", "METRIC"))
    assert {"2", "7", "15 percentage points", "10", "15 points"} <= set(got)
    assert got["7"]["kind"] == "delta" and got["2"]["system"] == "LaMA"
    assert got["10"]["benchmark"] == "AIME24"
    assert not {"5", "1", "3"} & set(got)  # "Area 5", "Hits@1"


def test_a_share_of_noise_occlusion_or_poisoning_is_a_condition_not_a_result():
    text = ("Track: Robust Tracking\nWe propose TrackNet. With up to 90% occlusion, TrackNet "
            "sustains 95.1% accuracy; under 10% symmetric label noise it keeps 85.2% accuracy, and "
            "after 50% sensor loss 91%. It also leaves 12% less noise in outputs.")
    got = _found(text, ("TrackNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"95.1%", "85.2%", "91%", "12%"}


def test_more_change_verbs_make_a_subject():
    text = ("Guard: Defences\nWe study defences. ABAC collapses attack success and slashes the "
            "expected loss by ~94%. TCD, especially when paired with prompt fixes, significantly "
            "restores accuracy by +39%. SLMs can match models 2 -- 6x their size.")
    got = _found(text, ("TCD", "METHOD", "introduced"))
    assert got["~94%"]["system"] == "ABAC"
    assert got["+39%"]["system"] == "TCD"


def test_frequencies_before_a_noun_and_mixing_ratios_are_settings():
    text = ("WaveFlow: Audio\nWe propose WaveFlow. WaveFlow can generate 22.05 kHz high-fidelity "
            "audio 42.6x faster than real-time. Trained with a 1:1 ratio of real to synthetic "
            "data, it reaches a 19:1 compression.")
    got = _found(text, ("WaveFlow", "METHOD", "introduced"))
    assert set(got) == {"42.6x", "19:1"}


def test_an_appositive_name_before_its_verb_and_a_signed_gain_in_brackets():
    text = ("CodeV: Verilog\nWe propose CodeV. The resulting model, CodeV-R1-7B, achieves 68.6% "
            "pass@1. ClawRec outperforms the baselines, achieving an NDCG@20 of 0.6134 (+0.1126). "
            "The gain holds in GAUC, leading to a 3.5% lower error rate.")
    got = _found(text, ("CodeV", "METHOD", "introduced"), ("CodeV-R1-7B", "MODEL"),
                 ("ClawRec", "METHOD"), ("NDCG@20", "METRIC"), ("GAUC", "METRIC"))
    assert got["68.6%"]["system"] == "CodeV-R1-7B"
    assert got["+0.1126"]["system"] == "ClawRec" and got["+0.1126"]["kind"] == "delta"
    assert got["3.5%"]["system"] != "GAUC"  # "GAUC, leading to": not its subject
