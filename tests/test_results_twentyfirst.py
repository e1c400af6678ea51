"""Results rules of the twenty-first session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them (no pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_last_name_of_a_list_of_datasets_is_no_single_values_benchmark():
    text = (
        "Place Recognition\nWe present LoopFormer. Experiments on the Alpine, Harbour, and "
        "CityScan datasets show that LoopFormer boosts recall by up to 17% over the baseline."
    )
    got = _found(text, ("LoopFormer", "METHOD", "introduced"), ("Alpine", "DATASET"),
                 ("CityScan", "DATASET"), ("recall", "METRIC"))
    assert got["17%"]["benchmark"] is None
    assert got["17%"]["metric"] == "recall"


def test_the_first_name_of_a_list_of_tasks_is_no_single_values_benchmark():
    text = (
        "Diffusion Planning\nWe present FlowPlan. Results on MazeNav and Kitchen tasks show "
        "that FlowPlan reaches a success rate of 91.2%."
    )
    got = _found(text, ("FlowPlan", "METHOD", "introduced"), ("MazeNav", "BENCHMARK"),
                 ("success rate", "METRIC"))
    assert got["91.2%"]["benchmark"] is None


def test_a_single_named_dataset_stays_the_benchmark():
    text = (
        "Place Recognition\nWe present LoopFormer. Experiments on the CityScan dataset show "
        "that LoopFormer boosts recall by up to 17% over the baseline."
    )
    got = _found(text, ("LoopFormer", "METHOD", "introduced"), ("CityScan", "DATASET"),
                 ("recall", "METRIC"))
    assert got["17%"]["benchmark"] == "CityScan"


def test_a_data_papers_title_lead_is_the_benchmark_of_its_results():
    text = (
        "RefactorBench Pro: Benchmarking Agents on Multilingual Code Refactoring\nWe present "
        "RefactorBench Pro, built from 300 repositories. Experiments with frontier models show "
        "that the best model achieves only 41.2% resolve rate."
    )
    got = _found(text, ("RefactorBench", "BENCHMARK", "introduced"),
                 ("RefactorBench Pro", "BENCHMARK", "introduced"), ("resolve rate", "METRIC"))
    assert got["41.2%"]["benchmark"] == "RefactorBench Pro"
    assert got["41.2%"]["system"] is None


def test_a_group_after_a_preposition_is_no_subject():
    text = (
        "Guarding Agents\nWe present ShieldLoop. Our guardrail consistently outperforms "
        "prompt-based defenses across all models, recovering 19.9% of failures."
    )
    got = _found(text, ("ShieldLoop", "METHOD", "introduced"))
    assert got["19.9%"]["system"] == "ShieldLoop"


def test_a_group_a_value_is_stated_for_stays_null():
    text = (
        "Jailbreak Audit\nWe present AttackKit. Attack success rates reach 74.4% for "
        "proprietary models and 70.6% for open-weights models."
    )
    got = _found(text, ("AttackKit", "METHOD", "introduced"), ("attack success rates", "METRIC"))
    assert got["70.6%"]["system"] is None


def test_a_coined_name_before_a_measured_noun_is_no_subject():
    text = (
        "Metadata Repair\nWe present MetaFix. Guided enrichment raises overall FAIR scores from "
        "52% to 81%, and held-out worst-group KL reductions of 13.7% follow."
    )
    got = _found(text, ("MetaFix", "METHOD", "introduced"))
    assert got["81%"]["system"] == "MetaFix"
    assert got["13.7%"]["system"] == "MetaFix"


def test_a_coined_name_before_a_plural_system_noun_is_no_subject():
    text = (
        "Video Feedback\nWe present ReelFix. Evaluations on open and proprietary T2V models "
        "demonstrate that \\(\\projectname\\) significantly enhances temporal alignment by "
        "almost 40%."
    )
    got = _found(text, ("ReelFix", "METHOD", "introduced"))
    assert got["40%"]["system"] == "ReelFix"


def test_a_compared_value_for_a_named_model_in_a_stated_state_is_that_models():
    text = (
        "Medical Image Classification\nWe present MedLite. The MedGem-4b model demonstrated "
        "superior capability by achieving a mean test accuracy of 80.37% compared to 69.58% for "
        "the untuned GPT-4."
    )
    got = _found(text, ("MedLite", "METHOD", "introduced"), ("MedGem-4b", "MODEL"),
                 ("GPT-4", "MODEL"), ("accuracy", "METRIC"))
    assert got["80.37%"]["system"] == "MedGem-4b"
    assert got["69.58%"]["system"] == "GPT-4"


def test_a_spread_written_with_plus_minus_in_ascii_is_no_result():
    text = (
        "Sign Language Recognition\nWe present SignLite. Trained from scratch, SignLite attains "
        "96.37% accuracy (95.72% +- 0.54% over five seeds) and handles size variations of "
        "+-33%."
    )
    got = _found(text, ("SignLite", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert "96.37%" in got
    assert "95.72%" in got
    assert not any("0.54" in v or "33" in v for v in got)
