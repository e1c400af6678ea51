"""Helper sys39 (docs/results.md): the paper's own system named where the entity rules left it
unmarked: an entity right after "we propose (a novel)", a coined name the text presents as
"NAME, a ... framework" where it opens a contribution, a lower-case name "we present NAME,
which ..." used again, and the name right after "our" before a value; checked on invented
sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.results import baselines, ownname
from tests.extracting import results_switched


@pytest.mark.parametrize("on", [True, False])
def test_an_entity_right_after_we_propose_a_novel_is_the_papers_own(on):
    text = ("Routing in sparse cities\nWe propose a novel Kite Router Framework for sparse "
            "street graphs. On CityA, our approach achieves 91.2% route accuracy.")
    got = results_switched(ownname, "WE_ENTITY", on, text,
                           ("Kite Router Framework", "METHOD"), ("CityA", "DATASET"))
    assert got["91.2%"]["system"] == ("Kite Router Framework" if on else THIS_PAPER)


@pytest.mark.parametrize("on", [True, False])
def test_a_coined_name_opening_a_contribution_with_a_framework_is_the_papers_own(on):
    text = ("Passage for emergency vehicles in cities\nThis thesis makes two contributions. "
            "First, KiteLight, a decentralized multi-agent routing framework, joins routing "
            "with signal control. It achieved 42.6% faster travel times.")
    got = results_switched(ownname, "WE_ENTITY", on, text, ("KiteLight", "METHOD"))
    assert got["42.6%"]["system"] == ("KiteLight" if on else THIS_PAPER)


def test_a_name_heading_a_modifier_or_described_in_the_background_is_no_own_system():
    text = ("Views of one scene\nKiteCLIP, a foundational vision-language model, yields rich "
            "embeddings. We introduce KiteMAP-based metrics that use matches. These metrics "
            "achieve up to 4x higher correlation with human judgments.")
    got = results_switched(ownname, "WE_ENTITY", True, text, ("KiteCLIP", "MODEL"),
                           ("KiteMAP", "METHOD"))
    assert got["4x"]["system"] == THIS_PAPER


def test_a_model_described_after_a_preposition_is_no_own_system():
    text = ("Speech recognition with a frozen language model\nWe train an audio interface for "
            "KiteLM, a 26B mixture-of-experts model. The resulting model reaches 6.6 percent "
            "word error rate on CleanSpeech.")
    got = results_switched(ownname, "WE_ENTITY", True, text, ("KiteLM", "MODEL"),
                           ("CleanSpeech", "DATASET"))
    assert got["6.6 percent"]["system"] == THIS_PAPER


@pytest.mark.parametrize("on", [True, False])
def test_a_lower_case_name_we_present_and_use_again_is_the_papers_own(on):
    text = ("Learning to compress prompts\nTo avoid retraining, we present kiting, which "
            "trains a language model to compress prompts into a few tokens. On decoder "
            "models, kiting enables up to 26x compression of prompts.")
    got = results_switched(ownname, "WE_LOWER", on, text)
    assert got["26x"]["system"] == ("kiting" if on else THIS_PAPER)


def test_a_lower_case_phrase_not_used_again_or_opened_by_a_count_is_no_name():
    text = ("Learning to compress prompts\nWe propose two methods, which compress prompts. "
            "We present prompt folding, a compression step. The result is a 26x compression "
            "of prompts.")
    got = results_switched(ownname, "WE_LOWER", True, text)
    assert got["26x"]["system"] == THIS_PAPER


_TITLE = "The Kite Hypothesis for sparse networks\n"
_OWN = [("Kite Hypothesis", "METHOD", "introduced"), ("KiteNet-S", "MODEL", "introduced"),
        ("CIFAR-10", "DATASET")]


@pytest.mark.parametrize("on", [True, False])
def test_the_name_right_after_our_is_the_values_system(on):
    text = (_TITLE + "Without retraining, our KiteNet-S not only sets a new record of 94.8% "
            "on CIFAR-10 but also beats dense networks.")
    got = results_switched(ownname, "OUR_NAME", on, text, *_OWN)
    assert got["94.8%"]["system"] == ("KiteNet-S" if on else "Kite Hypothesis")


def test_a_name_before_a_system_or_data_noun_after_our_is_the_papers_base():
    text = (_TITLE + "In particular, we show that our single ViT-H model can be finetuned to "
            "achieve 86.6% on CIFAR-10. With our augmented RLVR data, pass@1 rises to 27.8%. "
            "We show that our KRI fitness criterion leads to a ~30% gain in coverage. Humans "
            "outperform the baselines at our KToM task (11% higher).")
    got = results_switched(ownname, "OUR_NAME", True, text, *_OWN, ("ViT-H", "MODEL"),
                           ("RLVR", "METHOD"), ("KRI", "METHOD"), ("KToM", "METHOD"))
    assert got["86.6%"]["system"] == "Kite Hypothesis"
    assert got["27.8%"]["system"] == "Kite Hypothesis"
    assert got["~30%"]["system"] == "Kite Hypothesis"
    assert got["11%"]["system"] != "KToM"


@pytest.mark.parametrize("on", [True, False])
def test_a_subtitle_phrase_with_a_method_head_names_the_papers_system(on):
    text = ("Finding secrets in code: A Hybrid Kite-BERT Framework for Leak Detection\nOur "
            "model achieves a macro F1-score of 0.90 on leaked keys.")
    got = results_switched(ownname, "TITLE_SUBTITLE", on, text)
    assert got["0.90"]["system"] == ("Hybrid Kite-BERT Framework" if on else THIS_PAPER)


def test_a_subtitle_that_only_describes_names_no_system():
    for title in ("Finding secrets in code: A Neuro-Symbolic Approach",
                  "Finding secrets in code: An LLM-Empowered Kite Inference Pipeline",
                  "Finding secrets in code: An End-to-End Modular Pipeline for Robots"):
        text = title + "\nOur model achieves a macro F1-score of 0.90 on leaked keys."
        got = results_switched(ownname, "TITLE_SUBTITLE", True, text)
        assert got["0.90"]["system"] == THIS_PAPER


@pytest.mark.parametrize("on", [True, False])
def test_a_value_stated_of_a_named_baseline_stays_with_it(on):
    text = (_TITLE + "On our dataset, a strong KiteRes-101 baseline attains competitive macro "
            "AUC (e.g., 92.64% in our runs). Our results surpass a 10-epoch SGD baseline "
            "(84.41%) in minutes.")
    got = results_switched(baselines, "BASELINE_NAMED", on, text, *_OWN,
                           ("KiteRes-101", "MODEL"), ("SGD", "METHOD"))
    assert (got["92.64%"]["system"] == "KiteRes-101") is on
    assert (got["84.41%"]["system"] == "SGD") is on


def test_a_change_or_the_first_of_a_pair_after_a_named_baseline_is_not_its():
    text = (_TITLE + "KiteNet-S improves over the KiteRes-101 baseline by 4.2% on CIFAR-10. "
            "KiteNet-S exceeds the strong KiteRes-101 baseline (75.4% vs. 74.2%).")
    got = results_switched(baselines, "BASELINE_NAMED", True, text, *_OWN,
                           ("KiteRes-101", "MODEL"))
    assert got["4.2%"]["system"] != "KiteRes-101"
    assert got["75.4%"]["system"] != "KiteRes-101"


def test_a_subtitle_naming_two_approaches_names_no_system():
    # the capitalised run stops at "and": the subtitle names two things, neither the system
    title = "Kite calls: Conditional Distillation and Mixture of Experts Approaches"
    assert ownname.subtitle_phrase(title) is None
    assert ownname.subtitle_phrase("Kite calls: Conditional Distillation for Speakers") == \
        "Conditional Distillation"


def test_a_lower_case_kind_of_system_after_we_propose_is_no_own_name():
    text = ("Fast sensor calibration\nWe propose a kite neural network that reads three "
            "cheap sensors. It cuts calibration time by up to 89% on our rig.")
    got = results_switched(ownname, "WE_ENTITY", True, text, ("kite neural network", "METHOD"))
    assert got["89%"]["system"] == THIS_PAPER
