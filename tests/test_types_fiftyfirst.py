"""Fifty-first pass (helper typed51): model family variants, patch sizes, far lists after "i.e.".
Sentences and names written for these tests (the families are real, the variants invented)."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.family_parts import family_part_type
from tests.extracting import find, run

_FAMILIES = ("CLIP", "ResNet", "YOLO", "ViT", "Phi", "Command", "Gemma")


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- family_parts: a coined name whose last part is a model family's name -----------------------


@pytest.mark.parametrize("name", [
    "QorbNL-CLIP", "Zarked-ResNet-18", "Plinky Underwater YOLO", "Resnet34", "ViT-G/14",
    "QuorViT-400m/14",
])
def test_family_variants_are_models(name):
    assert family_part_type(name, _FAMILIES) == "MODEL"


@pytest.mark.parametrize("name", [
    "CLIP-QG",  # the family first: a method built on it
    "Human-in-Command",  # a family that is a plain word
    "Plink Reasoning-Gemma",  # one capital: "Gemma" reads as a word here
    "Positive Noise for CLIP",  # a phrase with a lower-case word
    "CLIP",  # the family alone is the gazetteer's business
    "Top-1/5",  # a cut-off, no patch size
])
def test_other_names_are_not(name):
    assert family_part_type(name, _FAMILIES) is None


def test_variant_typed_model_in_text(nlp):
    ex = run(nlp, "Applying our loss to existing contrastive variants (QorbNL-CLIP and "
                  "Zarked-ResNet-18) also improves robustness.", "Robust retrieval")
    for name in ("QorbNL-CLIP", "Zarked-ResNet-18"):
        e = find(ex, name)
        assert e is not None and e.type == "MODEL", (name, e)


# --- far_lists: a plural data head, then "i.e." or "that include", then the list ---------------


@pytest.mark.parametrize("abstract, names, typ", [
    ("The loss outperforms prior methods on three benchmarks, i.e., QORFW, PLINKW, and ZARBLW, "
     "with negligible overhead.", ("QORFW", "PLINKW", "ZARBLW"), "BENCHMARK"),
    ("Our estimator beats the baselines on causal datasets that include QuibHDP, ZorbJobs and "
     "PlinkTwins.", ("QuibHDP", "ZorbJobs", "PlinkTwins"), "DATASET"),
])
def test_far_list_after_ie(nlp, abstract, names, typ):
    ex = run(nlp, abstract, "Landmark detection")
    for name in names:
        e = find(ex, name)
        assert e is not None and e.type == typ, (name, e)


def test_ie_after_another_kind_makes_no_data_list(nlp):
    ex = run(nlp, "We compare on two benchmarks against strong baselines, i.e., QorbNet and "
                  "PlinkNet.", "Planning")
    for name in ("QorbNet", "PlinkNet"):
        e = find(ex, name)
        assert e is None or e.type not in ("BENCHMARK", "DATASET"), (name, e)


def test_own_variant_is_no_model_by_its_name():
    assert family_part_type("QorbNL-CLIP", _FAMILIES, own=True) is None
    assert family_part_type("ViT-G/14", _FAMILIES, own=True) == "MODEL"


def test_variant_the_title_alone_writes_stays_out(nlp):
    ex = run(nlp, "We study how robust retrieval models are to noisy captions and propose a "
                  "simple fix.", "Robust retrieval with noisy Zorb-CLIP captions")
    assert find(ex, "Zorb-CLIP") is None  # a coined word of the title alone, as a method would


# --- paper_data_type: what the abstract calls its data types a name evaluated on --------------


def test_benchmarks_abstract_evaluates_on_benchmarks(nlp):
    ex = run(nlp, "Our planner is strong on open-loop and closed-loop benchmarks. On QuorSim, it "
                  "records a score of 91.6, and on PlinkDrive it attains 66.8%.", "Driving")
    for name in ("QuorSim", "PlinkDrive"):
        e = find(ex, name)
        assert e is not None and e.type == "BENCHMARK", (name, e)


def test_datasets_abstract_evaluates_on_data_sets(nlp):
    ex = run(nlp, "We collect two new datasets and compare against benchmarks from prior work. "
                  "On QuorSim, our planner records a score of 91.6.", "Driving")
    e = find(ex, "QuorSim")
    assert e is not None and e.type == "DATASET", e
