"""INTRODUCES, thirty-second pass: a second name the paper's intro verb introduces, joined to the
first by "and" and described the way the first one is ("We introduce A, a ..., and B, a ...");
on sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("We introduce Plonk-Gym, a harness that versions headset state, and Plonk-Bench, a frozen "
     "suite of headset tasks.", "Plonk-Bench"),
    ("We introduce Quorb-GRPO, a thrifty variant of Group Relative Policy Optimization, and "
     "Quorb-PM, a token-level matching strategy.", "Quorb-PM"),
    ("To steady headsets, we introduce Plonk Drift Augmentation (PDA) to perturb audio signals "
     "by their frequency, and Quorb Echo Masking (QEM) to break echoes across channels.",
     "Quorb Echo Masking"),
    ("To train both routers, we build Plonk-QTR-10K for allocation supervision and "
     "Quorb-FLR-200K for relevance supervision.", "Quorb-FLR-200K"),
])
def test_a_second_object_described_alike_is_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    # joined by a bare "and" to a name the first object's description uses
    ("We propose Plonkformer, a headset model that uses QuorbNet and ZenTrix, a strong "
     "encoder.", "ZenTrix"),
    # described differently from the first object
    ("We introduce Plonkformer, a headset model, and QuorbNet for the audio channel.",
     "QuorbNet"),
    # a new clause with its own verb
    ("We propose Plonkformer, a headset model; and QuorbNet, a strong encoder, is used to "
     "compare.", "QuorbNet"),
    # not the paper's intro verb
    ("Prior work adopted Plonkformer, a headset model, and QuorbNet, a strong encoder.",
     "QuorbNet"),
])
def test_a_joined_name_not_described_alike_stays_used(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "used"


@pytest.mark.parametrize(("abstract", "name"), [
    ("During training, a novel plonk-balanced quorb loss is proposed to even out headset drift.",
     "plonk-balanced quorb loss"),
    ("Upon that, an isolation plonk loss is further introduced to push echoes apart.",
     "isolation plonk loss"),
    ("Upon that, a quorb-isolation loss is further introduced to push echoes apart.",
     "quorb-isolation loss"),
    ("Additionally, a drift-weighted plonk sampling strategy is introduced to favour hard "
     "headsets.", "drift-weighted plonk sampling strategy"),
    ("In addition, a contrastive plonk edge loss (CPELoss) is developed for sharper headset "
     "maps.", "contrastive plonk edge loss"),
])
def test_a_technique_a_passive_intro_verb_sets_out_is_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced" and e.type == "METHOD"


@pytest.mark.parametrize(("abstract", "name"), [
    # somebody else's: by whom, or where, it was set out
    ("The plonk-balanced quorb loss is proposed by earlier headset studies.",
     "plonk-balanced quorb loss"),
    ("Here, a plonk-balanced quorb loss is proposed by the headset community.",
     "plonk-balanced quorb loss"),
    # one plain word before the head: a description
    ("Then, a staking mechanism is introduced to share headsets.", "staking mechanism"),
    # no technique head at the end of the subject
    ("During training, a novel plonk-balanced quorb headset is proposed to even out drift.",
     "plonk-balanced quorb headset"),
])
def test_a_passive_without_our_technique_introduces_nothing(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is None or e.role == "used"


def test_a_part_a_passive_intro_verb_sets_out_is_not_the_results_system(nlp):
    from paperkg.extractors.results.systems import own_system

    ents = [{"name": "plonk-balanced quorb loss", "type": "METHOD", "role": "introduced",
             "extractor": "passive_object", "mentions": [["x", 60, 85]]}]
    assert own_system(ents, 20, "Quorb headsets", "x" * 120) != "plonk-balanced quorb loss"
