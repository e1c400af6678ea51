"""INTRODUCES, thirty-eighth pass: a coined name in brackets closing the object of the paper's
intro verb ("we propose a ... approach for X (NAME)"), a second verb joined to the intro verb by
"and" ("we design and analyze X"), and the paper's own system named after "our <architecture /
optimizer / pipeline / technique>,", on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_TITLE = "Plonk Synthesis from Quorbs"


@pytest.mark.parametrize(("sentence", "name"), [
    ("We design and analyze QuorbSearch, an algorithm for finding the best plonk.", "QuorbSearch"),
    ("Here we propose and open-source PlonkAgent, which writes quorb reports.", "PlonkAgent"),
    ("We construct and release Quorb-Env, the largest verifiable plonk dataset to date.",
     "Quorb-Env"),
    ("This paper introduces and empirically evaluates PlonkNet, a network for quorbs.",
     "PlonkNet"),
])
def test_second_verb_after_and_keeps_the_object_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence, title=_TITLE), name)
    assert e is not None and e.role == "introduced"


def test_other_verb_after_and_is_not_read_past(nlp):
    # "compare" is no verb of the paper's own making: what it is compared with is not ours
    ents = run(nlp, "We propose a plonk method and compare against QuorbSearch on three sets.",
               title=_TITLE)
    e = find(ents, "QuorbSearch")
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "name"), [
    ("We evaluate our CNN architecture, QuorbNet, on three occluded plonk sets.", "QuorbNet"),
    ("Our new optimizer, Orthogonal Plonk, re-balances the gradients of quorbs.",
     "Orthogonal Plonk"),
    ("Our tracking pipeline, PlonkTrack, tracks every quorb.", "PlonkTrack"),
])
def test_name_after_our_system_head_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence, title=_TITLE), name)
    assert e is not None and e.role == "introduced"


def test_name_after_our_head_without_comma_is_not_taken(nlp):
    ents = run(nlp, "We compare our pipeline with QuorbDetect and PlonkLab.", title=_TITLE)
    e = find(ents, "QuorbDetect")
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "name"), [
    ("In this work, we propose a novel contrastive plonk pre-training based approach for quorb "
     "classification (FedQuorb).", "FedQuorb"),
    ("This paper presents a deep plonk network (QuorbCon) for scale invariance.", "QuorbCon"),
    ("We also design a probabilistic quorb logic solver (OV-QLS).", "OV-QLS"),
])
def test_coined_name_closing_the_intro_object_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence, title=_TITLE), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    # a clause between the verb and the bracket: the name is what the object works with
    ("We propose a plonk method that is trained with a quorb encoder (QuorbEnc).", "QuorbEnc"),
    # no intro verb of the paper's: a building block the paper uses
    ("We train a plonk network with stochastic quorb depth (QuorbDrop).", "QuorbDrop"),
    # a verb's own object inside the phrase: what the framework works on
    ("This study presents a comparative plonk framework evaluating an image-based quorb model "
     "(QuorbHeM) alongside a baseline.", "QuorbHeM"),
    # the bracket sits inside the phrase: it describes the data set, it names nothing
    ("We developed a bilingual (Plonk-Quorb) safety evaluation dataset for plonks.", "Plonk-Quorb"),
    # a listed name is somebody else's
    ("We present a plonk pipeline built around a pre-trained encoder (ResNet-50).", "ResNet-50"),
])
def test_bracket_name_outside_the_intro_object_is_not_taken(nlp, sentence, name):
    e = find(run(nlp, sentence, title=_TITLE), name)
    assert e is None or e.role == "used"


def test_short_form_of_a_name_right_before_it_is_left_to_the_bracket_rules(nlp):
    # "QuorbBench (QBench)": one entity with its short form, not a second introduced one
    ents = run(nlp, "We present QuorbPlonkBench (QPBench), a benchmark of 580 plonk scenarios.",
               title=_TITLE)
    e = find(ents, "QPBench")
    assert e is None or e.role == "used"


def test_short_form_of_a_title_case_name_in_the_phrase_stays_with_it(nlp):
    # "a Quorb Contrastive Learning framework (qQCL)": the long form is the introduced entity
    ents = run(nlp, "To this end, we propose a Quorb Contrastive Learning framework (qQCL) that "
                    "links plonks.", title=_TITLE)
    e = find(ents, "qQCL")
    assert e is None or e.role == "used"
