"""Twenty-third pass (helper prec23): rules that reject false names by shape and context."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_acronym_before_ordinary_noun_is_no_name(nlp):
    ents = run(nlp, "We render HDR images with a learned tone curve. Our method, ToneNet, "
                    "outperforms prior work on the ERM baseline and the SUMO simulator.")
    assert find(ents, "HDR") is None
    assert find(ents, "ERM") is not None
    assert find(ents, "SUMO") is not None


def test_acronym_before_noun_kept_when_defined_or_named_elsewhere(nlp):
    ents = run(nlp, "Bounding loss (BLX) is a simple objective. BLX weights help detection, "
                    "and we compare with ERM, which uses BLX weights too.")
    assert find(ents, "BLX") is not None


def test_acronym_kept_when_one_occurrence_is_a_name(nlp):
    ents = run(nlp, "We train on KDX samples. Results on KDX show gains over prior work.")
    assert find(ents, "KDX") is not None


def test_spelled_out_field_opening_the_abstract_is_no_name(nlp):
    ents = run(nlp, "Electronic Health Records (EHRs) often lack explicit links between drugs "
                    "and diagnoses. We propose MedLinker, a linker for such records.")
    assert find(ents, "Electronic Health Records") is None and find(ents, "EHRs") is None
    assert find(ents, "MedLinker") is not None


def test_spelled_out_name_opening_the_abstract_before_a_head_noun_stays(nlp):
    ents = run(nlp, "Vision-Language-Action (VLA) models enable robots to follow "
                    "instructions. We propose RoboFlex, a policy for such robots.")
    assert find(ents, "Vision-Language-Action") is not None


def test_spelled_out_name_later_in_the_abstract_stays(nlp):
    ents = run(nlp, "Linking drugs to diagnoses is hard. In this work we mine "
                    "Electronic Health Records (EHRs) with a new linker, MedLinker.")
    assert find(ents, "Electronic Health Records") is not None


def test_title_case_piece_of_a_longer_title_case_phrase_is_no_name(nlp):
    ents = run(nlp, "We measure the Superiority of Comparison Person in chats and train "
                    "Gradient Boosted Forests on the answers.")
    assert find(ents, "Comparison Person") is None
    assert find(ents, "Gradient Boosted Forests") is not None


def test_title_case_phrase_beside_another_capitalised_word_is_no_name(nlp):
    ents = run(nlp, "Our planner approximately maximizes Nash Social Welfare in the market. "
                    "We train Gradient Boosted Forests on the answers.")
    assert find(ents, "Social Welfare") is None
    assert find(ents, "Gradient Boosted Forests") is not None


def test_title_case_phrase_opening_the_abstract_is_no_name(nlp):
    ents = run(nlp, "Reliable Uncertainty Quantification remains open for vision models. "
                    "We propose CalibNet, a calibrated head.")
    assert find(ents, "Reliable Uncertainty Quantification") is None
    assert find(ents, "CalibNet") is not None


def test_title_case_phrase_opening_the_abstract_before_a_head_noun_stays(nlp):
    ents = run(nlp, "The Diligent Learner framework suggests that models can improve. We "
                    "study it on puzzles.")
    assert find(ents, "Diligent Learner") is not None
