"""INTRODUCES, nineteenth pass: which names a paper introduces, on sentences written for these
tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_title_name_defined_in_the_abstract_is_introduced(nlp):
    ents = run(nlp, "Building on these insights, we study seven plonk paradigms for quorb "
                    "optimization (PLOQO), folding them into text-based search.",
               title="PLOQO: Towards a Robust Quorb Optimization Framework")
    e = find(ents, "PLOQO")
    assert e is not None and e.role == "introduced"


def test_a_title_task_written_before_the_head_of_our_method_is_not_introduced(nlp):
    ents = run(nlp, "In this work, we propose a paired plonk generation method. It trains one "
                    "quorb model for both halves.",
               title="Paired Plonk Generation with Diffusion-Guided Quorb Models")
    e = find(ents, "paired plonk generation")
    assert e is not None and e.role == "used"


def test_a_title_phrase_written_after_our_intro_verb_alone_is_still_ours(nlp):
    ents = run(nlp, "We propose plonk quorb smoothing, which flattens the loss surface.",
               title="Plonk Quorb Smoothing for Robust Training")
    e = find(ents, "plonk quorb smoothing")
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Trigger tokens pull attention away from the text, a phenomenon we term quorb stealing.",
     "quorb stealing"),
    ("We define Plonk Context Sensitivity (PCS) as the fraction of the shift that reappears.",
     "Plonk Context Sensitivity"),
    ("Models trade one skill for the other, a challenge we define as Plonk-Quorb Dichotomy.",
     "Plonk-Quorb Dichotomy"),
])
def test_the_papers_own_word_for_what_it_found_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"


def test_a_phenomenon_the_paper_names_stays_a_task(nlp):
    e = find(run(nlp, "Agents drift toward the majority view during plonk quorb drift, a "
                      "susceptibility that we term plonk quorb drift."), "plonk quorb drift")
    assert e is not None and e.role == "introduced" and e.type == "TASK"


@pytest.mark.parametrize("title", [
    "QuorbNLP: A Survey of Plonk Low-Resource Languages",
    "Plonk Quorb Systems: Challenges and Open Problems",
    "Plonk Transliteration: A Comparative Analysis Between Rule-based and Quorb Approaches",
])
def test_a_title_name_before_a_survey_subtitle_is_not_the_papers_own(nlp, title):
    name = title.split(":")[0]
    ents = run(nlp, f"This paper reviews the work on {name} and its open problems.", title=title)
    assert not [e.name for e in ents.values() if e.role == "introduced"]


def test_a_title_name_before_a_study_of_its_own_is_still_introduced(nlp):
    ents = run(nlp, "We study speculative prefetching with a new simulator.",
               title="QuorbMD: A Comprehensive Study On Speculative Plonk Prefetching")
    e = find(ents, "QuorbMD")
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Our method, \\textbf{QuorbFT-then-PLONK}, decouples skill injection from alignment.",
     "QuorbFT-then-PLONK"),
    ("Our models, QuorbNet for image saliency and PlonkNet for video saliency, are fast.",
     "QuorbNet"),
])
def test_a_name_beside_our_method_or_our_models_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    ("Local Plonk Privacy Mechanism (LPPM) is the gold standard trust model for private "
     "learning. We decompose pixels into bit-planes, which allows us to apply the LPPM to them.",
     "Local Plonk Privacy Mechanism"),
    ("Quorb bottleneck models (QBM) are a popular way of making networks interpretable. We "
     "propose a novel QBM framework that needs no labels.", "Quorb bottleneck models"),
])
def test_a_name_the_abstract_opens_with_as_background_is_not_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "used"


def test_a_part_defined_at_a_sentence_start_after_our_system_is_still_introduced(nlp):
    ents = run(nlp, "We propose QuorbNet, a tracker for event cameras. Scene-Anchored Plonk "
                    "Evidence (SAPE) fuses scanning events with the pose.")
    e = find(ents, "Scene-Anchored Plonk Evidence")
    assert e is not None and e.role == "introduced"


def test_a_name_first_written_in_a_sentence_about_earlier_work_is_not_introduced(nlp):
    ents = run(nlp, "Recently, Unified Plonk Recognition (UPR) has been proposed to reject "
                    "unknown samples. We propose a novel UPR framework that ranks the "
                    "wrongly-classified samples first.")
    e = find(ents, "Unified Plonk Recognition")
    assert e is not None and e.role == "used"


def test_an_enumerated_item_after_a_capital_article_is_ours(nlp):
    ents = run(nlp, "QuorbAgent comprises three core components: (1) Profiling, a module that "
                    "customizes the pipeline; (2) A Plonk Agent, which plans the restoration; "
                    "and (3) A Zarp Agent, which executes the plan.",
               title="QuorbAgent: Agentic Any Image to 4K Super-Resolution")
    for name in ("Plonk Agent", "Zarp Agent"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_a_count_in_a_sentence_about_the_titles_system_by_its_short_form_is_ours(nlp):
    ents = run(nlp, "We propose the Embodied Plonk of Quorbs (EPoQ). EPoQ expands a tree "
                    "through two synergistic mechanisms: (1) Priori Zarping, which generates "
                    "candidate paths; and (2) Reflective Zarping, which corrects them.",
               title="Embodied Plonk of Quorbs: Deliberate Manipulation Planning")
    for name in ("Priori Zarping", "Reflective Zarping"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "title", "name"), [
    ("QuorbGym consists of two components: PlonkInject, which injects a bias into the model, "
     "and PlonkScope, which finds it.", "QuorbGym: Fantastic Biases and How to Find Them",
     "PlonkInject"),
    ("QuorbPlan comprises two components: a PlonkAdapter that maps sketches to paths, and a "
     "planner.", "QuorbPlan: Drone Planning From Human Sketches", "PlonkAdapter"),
    ("We design three specialized modules in QuorbSteward: (1) Dynamic Plonking builds a "
     "graph; (2) Assigned Zarping runs it.", "QuorbSteward: Automating Cross-App Instructions",
     "Dynamic Plonking"),
])
def test_the_counted_parts_of_the_titles_system_are_ours(nlp, abstract, title, name):
    e = find(run(nlp, abstract, title=title), name)
    assert e is not None and e.role == "introduced"


def test_a_plain_word_heading_a_counted_part_is_not_introduced(nlp):
    ents = run(nlp, "QuorbAgent comprises three core components: (1) Profiling, a module that "
                    "customizes the pipeline; (2) a planner.",
               title="QuorbAgent: Agentic Image Restoration")
    e = find(ents, "Profiling")
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "names"), [
    ("We design two efficient variants of SVGD, namely VP-PLONK and GB-PLONK, with fast "
     "convergence.", ("VP-PLONK", "GB-PLONK")),
    ("We evaluate the resulting algorithms called Inverse Plonk Iteration, Inverse Q-quorbing "
     "and Deep Inverse Q-quorbing on the Objectworld benchmark.",
     ("Inverse Q-quorbing", "Deep Inverse Q-quorbing")),
])
def test_the_names_listed_after_a_naming_word_are_all_ours(nlp, sentence, names):
    ents = run(nlp, sentence)
    for name in names:
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_the_list_after_the_intro_verbs_plural_object_is_ours(nlp):
    ents = run(nlp, "We introduce the first set of web-scale Time-Continual (TiC) benchmarks for "
                    "training vision-language models: TiC-Plonk, TiC-Quorb, and TiC-Zarps.")
    for name in ("TiC-Plonk", "TiC-Quorb", "TiC-Zarps"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_a_list_after_an_evaluation_of_named_models_is_not_ours(nlp):
    ents = run(nlp, "This study presents a comprehensive evaluation of three detection models: "
                    "PlonkDet, QuorbNet, and ZarpFormer, for finding defects.")
    for name in ("PlonkDet", "QuorbNet", "ZarpFormer"):
        e = find(ents, name)
        assert e is None or e.role == "used"
