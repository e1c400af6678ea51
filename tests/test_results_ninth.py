"""Results rules of the ninth session (docs/results.md): attribution checked on invented
sentences of the shapes, with entities given as the entity component leaves them (no pipeline:
fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_a_system_written_joined_by_plus_is_the_joined_name():
    text = ("Radiomics Baselines: A Study\nWe compare classical pipelines. Notably, LBP+SVM "
            "achieved an AUC of 0.917, while FMX+XGBoost outperformed Dinov2 with 0.846.")
    got = _found(text, ("SVM", "METHOD"), ("XGBoost", "METHOD"), ("Dinov2", "MODEL"),
                 ("AUC", "METRIC"))
    assert got["0.917"]["system"] == "LBP+SVM"
    assert got["0.846"]["system"] == "FMX+XGBoost"


def test_a_double_dash_between_a_word_and_a_name_is_a_dash_not_a_joined_name():
    text = ("Hybrid Control: A Study\nWe study controllers. Across three tasks--walking, "
            "dancing, and backflip--A2CF achieves convergence 30% faster than BaseCtl.")
    got = _found(text, ("A2CF", "METHOD"), ("BaseCtl", "METHOD"))
    assert got["30%"]["system"] == "A2CF"


def test_a_leading_even_or_fine_tuned_is_no_part_of_the_system_name():
    text = ("SQLBench: A Benchmark\nWe introduce SQLBench. Even GPT-4o attains only 58.34% "
            "accuracy. Fine-tuned ResNet50 achieved 99.43% accuracy.")
    got = _found(text, ("SQLBench", "BENCHMARK", "introduced"), ("Even GPT-4o", "MODEL"),
                 ("Fine-tuned ResNet50", "MODEL"), ("accuracy", "METRIC"))
    assert got["58.34%"]["system"] == "GPT-4o"
    assert got["99.43%"]["system"] == "ResNet50"


def test_a_metric_written_with_a_latex_script_is_named_as_written():
    text = ("GuardNet: Prompt Leaks\nWe propose GuardNet. GuardNet raises prompt-level F$_1$ "
            "scores from 66.4\\% to 99.8\\% on LeakBench, reaches 61.2 AP$_{50}$ and a high "
            "R$^2$ score of 0.98.")
    got = _found(text, ("GuardNet", "METHOD", "introduced"), ("LeakBench", "BENCHMARK"))
    assert got["99.8\\%"]["metric"] == "F$_1$"
    assert got["61.2"]["metric"] == "AP$_{50}$"
    assert got["0.98"]["metric"] == "R$^2$ score"


def test_a_value_right_after_a_possessive_name_is_that_names():
    text = ("HybridGen: Robot Data\nWe propose HybridGen. HybridGen reaches a 59.7% success "
            "rate, significantly outperforming Mimicgen's 49.5% and RoboBase's accuracy of "
            "41.2%.")
    got = _found(text, ("HybridGen", "METHOD", "introduced"), ("RoboBase", "MODEL"),
                 ("success rate", "METRIC"), ("accuracy", "METRIC"))
    assert got["59.7%"]["system"] == "HybridGen"
    assert got["49.5%"]["system"] == "Mimicgen"
    assert got["41.2%"]["system"] == "RoboBase"


def test_an_introduced_name_typed_as_a_task_is_the_papers_system_when_called_a_method():
    text = ("Leveraging Noise for Segmentation\nWe propose FLexible Edge eXploitation for "
            "Segmentation, a simple framework for domain generalisation. Experiments show "
            "2.44% mIoU gains on ACDC.")
    got = _found(text, ("FLexible Edge eXploitation for Segmentation", "TASK", "introduced"),
                 ("ACDC", "DATASET"), ("mIoU", "METRIC"))
    assert got["2.44%"]["system"] == "FLexible Edge eXploitation for Segmentation"


def test_a_metric_named_after_on_right_after_the_value_is_the_values():
    text = ("MuKG: Link Prediction\nWe propose MuKG. MuKG improves over existing models by "
            "13% on MRR, 7% on Hits@1 and 4% on the Hits@3 metric.")
    got = _found(text, ("MuKG", "METHOD", "introduced"), ("MRR", "METRIC"),
                 ("Hits@1", "METRIC"), ("Hits@3", "METRIC"))
    assert [got[v]["metric"] for v in ("13%", "7%", "4%")] == ["MRR", "Hits@1", "Hits@3"]


def test_a_hyphenated_title_case_name_no_entity_holds_is_a_subject():
    text = ("Schedules for Midtraining\nWe study learning-rate schedules. On a 15B model, "
            "Drop-Stable-Rampup improves average accuracy over Cosine-decay by +2.98.")
    got = _found(text, ("accuracy", "METRIC"))
    assert got["+2.98"]["system"] == "Drop-Stable-Rampup"
