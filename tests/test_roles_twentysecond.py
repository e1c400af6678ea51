"""INTRODUCES, twenty-second pass: names after "namely," (a comma after it) and the measures of a
counted list the paper defines, on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_name_after_namely_and_a_comma_is_introduced(nlp):
    ents = run(nlp, "Since multimodal QUIE data sets are not publicly available, we also "
                    "construct a large-scale image-text QUIE data set, namely, PLONK-QD, which "
                    "contains 6,418 triplets.",
               title="Plonk Meets Language: Quorb Enhancement with Text")
    e = find(ents, "PLONK-QD")
    assert e is not None and e.role == "introduced"


def test_names_listed_after_namely_and_a_comma_are_introduced(nlp):
    ents = run(nlp, "The proposed plonk framework is shown by extending two existing quorb "
                    "approaches, and providing their active extensions, namely, Plonk-QNN-A, "
                    "and Plonk-QNN-B.",
               title="Plonk-Enabled Active Learning for Quorb Reduction")
    for form in ("Plonk-QNN-A", "Plonk-QNN-B"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_measures_of_a_counted_list_we_define_are_introduced(nlp):
    ents = run(nlp, "Quorb detectors are brittle. To capture this, we define two complementary "
                    "metrics: plonk distribution consistency and plonk distribution preservation, "
                    "which quantify stability under plonk edits.",
               title="Plonk Stability Analysis for Robust Quorb Detection")
    for form in ("plonk distribution consistency", "plonk distribution preservation"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_measures_of_a_list_others_use_stay_used(nlp):
    ents = run(nlp, "We evaluate PlonkNet on quorb retrieval and report two metrics: "
                    "plonk distribution consistency and mean quorb recall.",
               title="PlonkNet: Quorb Retrieval with Plonks")
    e = find(ents, "plonk distribution consistency")
    assert e is None or e.role == "used"


def test_enumerated_items_opening_their_sentences_are_introduced(nlp):
    ents = run(nlp, "To address these challenges, we propose a multi-agent framework named "
                    "QuorbSteward. We design three specialized modules in QuorbSteward: (1) Plonk "
                    "Recruitment builds a scheduling graph from the quorb flow. (2) Assigned "
                    "Quorbing assigns the task to plonk agents. (3) Adjusted Plonking conducts "
                    "evaluation to give reflection tips.",
               title="QuorbSteward: Integrating Plonk Agents with Self-Evolution")
    for form in ("Assigned Quorbing", "Adjusted Plonking"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_enumerated_items_of_a_list_not_ours_stay_used(nlp):
    ents = run(nlp, "Prior quorb pipelines have three stages: (1) Plonk Parsing reads the input "
                    "text. (2) Quorb Ranking sorts the candidates by score. (3) Plonk Pruning "
                    "drops the rest. We study their failures.",
               title="Why Quorb Pipelines Fail")
    for form in ("Quorb Ranking", "Plonk Pruning"):
        e = find(ents, form)
        assert e is None or e.role == "used", form


def test_title_name_before_a_dash_is_introduced(nlp):
    ents = run(nlp, "Access to the right evidence does not guarantee that quorb models reason "
                    "with it. We study this gap using plonk guidelines as a testbed. QuorbRAG "
                    "measures accuracy and consistency of reasoning.",
               title="QuorbRAG - Clinical Assessment and Reasoning in Plonks")
    e = find(ents, "QuorbRAG")
    assert e is not None and e.role == "introduced"


def test_title_phrase_before_a_dash_is_no_name(nlp):
    ents = run(nlp, "The Plonk Trap is a hazard of quorb models. We argue that reasoning "
                    "itself leads there.",
               title="The Plonk Trap -- Logical Reasoning as a Pathway to Quorb Awareness")
    e = find(ents, "Plonk Trap")
    assert e is None or e.role == "used"


def test_coined_measures_we_count_are_introduced(nlp):
    ents = run(nlp, "Quorbs in PlonkLLMs pose risks. We investigate four attention-derived "
                    "metrics: PLONKRATIO, PLONKCONSISTENCY, PLONKENTROPY, and QUORBENTROPY, "
                    "designed to capture pathological attention patterns.",
               title="Detecting Quorbs in PlonkLLMs Using Attention Maps")
    for form in ("PLONKRATIO", "PLONKCONSISTENCY", "PLONKENTROPY", "QUORBENTROPY"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_known_measures_we_count_stay_used(nlp):
    ents = run(nlp, "We train PlonkNet on quorb captions. We report two metrics: BLEU and "
                    "ROUGE-L, and compare with strong baselines.",
               title="PlonkNet: Quorb Captioning with Plonks")
    for form in ("BLEU", "ROUGE-L"):
        e = find(ents, form)
        assert e is None or e.role == "used", form


def test_names_built_on_the_title_name_are_introduced(nlp):
    ents = run(nlp, "Quorb education lacks feedback. PlonkGame addresses this gap by combining "
                    "gamification with public datasets. In PlonkGame Localize, players draw "
                    "boxes around abnormalities. In PlonkGame Report, players compose findings.",
               title="PlonkGame: An AI-Powered Platform for Quorb Education")
    for form in ("PlonkGame Localize", "PlonkGame Report"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_web_address_of_the_title_name_is_not_introduced(nlp):
    ents = run(nlp, "Quorb education lacks feedback. PlonkGame addresses this gap by combining "
                    "gamification with public datasets. Project page: PlonkGame.github.io.",
               title="PlonkGame: An AI-Powered Platform for Quorb Education")
    e = find(ents, "PlonkGame.github.io")
    assert e is None or e.role == "used"
