"""Results rules of the tenth session (docs/results.md): attribution checked on invented
sentences of the shapes, with entities given as the entity component leaves them (no pipeline:
fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_a_name_after_with_that_achieves_is_the_subject_not_a_comparison():
    text = ("EVOLVE-Y: Cross-modal Tuning\nWe propose EVOLVE-Y. Results show the effect of our "
            "approach, with GPT-2 achieving the lowest perplexity (8.21) in one configuration, "
            "and compared with BERT at 9.4 perplexity.")
    got = _found(text, ("EVOLVE-Y", "METHOD", "introduced"), ("GPT-2", "MODEL"),
                 ("BERT", "MODEL"), ("perplexity", "METRIC"))
    assert got["8.21"]["system"] == "GPT-2"


def test_a_method_phrase_holding_a_preposition_or_reporting_verb_is_no_subject():
    text = ("Minitap: Android Agents\nWe present Minitap, a multi-agent system. Ablations show "
            "multi-agent decomposition contributes +21 points over single-agent baselines. "
            "Under graded relevance the ranker attains 0.752 nDCG@5. Dynamic evaluation "
            "improves perplexity to 51.1.")
    got = _found(text, ("Minitap", "METHOD", "introduced"), ("nDCG@5", "METRIC"),
                 ("perplexity", "METRIC"))
    assert got["+21 points"]["system"] == "Minitap"
    assert got["0.752"]["system"] == "Minitap"
    assert got["51.1"]["system"] == "Dynamic evaluation"


def test_a_value_right_after_compared_to_is_the_compared_systems():
    text = ("RadPlay: Radiology Training\nWe present RadPlay. Participants using RadPlay "
            "achieved a 68% improvement in localization accuracy compared to 17% with "
            "traditional passive methods, and a 41% success rate against 12% for greedy.")
    got = _found(text, ("RadPlay", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert got["68%"]["system"] == "RadPlay"
    assert got["17%"]["system"] is None
    assert got["12%"]["system"] is None


def test_a_title_naming_the_means_gives_way_to_the_system_the_abstract_presents():
    text = ("Calm Reasoning in Quantized LLMs via Manifold Steering\nWe propose HELIX, a "
            "decoding framework built on manifold steering. On GSM8K it maintains 88.84% "
            "accuracy at high temperature.")
    got = _found(text, ("Manifold Steering", "METHOD", "introduced"),
                 ("HELIX", "METHOD", "introduced"), ("GSM8K", "BENCHMARK"),
                 ("accuracy", "METRIC"))
    assert got["88.84%"]["system"] == "HELIX"


def test_a_title_lead_stays_the_papers_system_whatever_the_abstract_presents():
    text = ("PointNet9: Vectors via Point Abstraction\nWe propose Vector-oriented Point Set "
            "Abstraction, a module of PointNet9. It achieves 72.3% mIoU on S3DIS.")
    got = _found(text, ("PointNet9", "MODEL", "introduced"),
                 ("Vector-oriented Point Set Abstraction", "METHOD", "introduced"),
                 ("S3DIS", "DATASET"), ("mIoU", "METRIC"))
    assert got["72.3%"]["system"] == "PointNet9"


def test_from_a_to_b_with_qualifiers_gives_the_baselines_value_and_the_systems():
    text = ("CanalNet: Canal Graphs\nWe propose CanalNet. Experiments show that CanalNet "
            "reduces unreachable segments from around 18% to 3%, and lowers the attack "
            "success rate from 89% to under 7%.")
    got = _found(text, ("CanalNet", "METHOD", "introduced"),
                 ("attack success rate", "METRIC"))
    assert got["18%"]["system"] is None
    assert got["3%"]["system"] == "CanalNet"
    assert got["89%"]["system"] is None
    assert got["7%"]["system"] == "CanalNet"


def test_a_name_after_in_that_modifies_a_noun_is_not_the_values_system():
    text = ("AlphaGate: Gate Minimisation\nWe propose AlphaGate. Our method achieves a "
            "reduction of up to 32% in CNOT gate count. Classifiers show a record shape bias "
            "(99% for Imagen).")
    got = _found(text, ("AlphaGate", "METHOD", "introduced"), ("CNOT", "METHOD"),
                 ("Imagen", "MODEL"))
    assert got["32%"]["system"] == "AlphaGate"
    assert got["99%"]["system"] == "Imagen"


def test_a_metric_name_typed_as_a_method_is_no_system_of_its_bracketed_value():
    text = ("LCFuse: Yield Regression\nWe propose LCFuse. The LCFuse model outperforms "
            "CatBoost, achieving low RMSE (0.6829) and MAE (0.3147).")
    got = _found(text, ("LCFuse", "METHOD", "introduced"), ("CatBoost", "METHOD"),
                 ("MAE", "METHOD"), ("RMSE", "METRIC"))
    assert got["0.3147"]["system"] == "LCFuse"
