"""INTRODUCES, thirty-first pass: a second new thing joined to the object of the paper's intro
verb and set out with its acronym ("..., and a Y (YY) that ..."), and the names a counted plural
of the paper's lists after a comma ("we introduce two metrics, A and B"); on sentences written
for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("To steady headsets, we propose a Plonk Drift Filter (PDF) module for joint smoothing of "
     "audio and video signals, and a Quorb Echo Splitter (QES) that separates echoes.",
     "Quorb Echo Splitter"),
    ("We propose Plonkish Audio Tuning (PAT) with a Quorb-guided Echo Encoder (QEE) to hear "
     "echoes.", "Quorb-guided Echo Encoder"),
    ("We design a Plonk Field (PF) module combined with a Multi-Scale Quorb Decoder (MQD) to "
     "refine headset maps.", "Multi-Scale Quorb Decoder"),
])
def test_a_second_new_thing_with_its_acronym_is_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    # what the object is made with, or set between: somebody else's
    ("We propose a method to learn headset drift approximated with a Plonk Quorb Mixture (PQM).",
     "Plonk Quorb Mixture"),
    ("We propose a headset agent alternating between a Forward Plonk Model (FPM) and a Backward "
     "Quorb Model (BQM).", "Backward Quorb Model"),
    # a known building block
    ("We propose Plonkmo, a headset model that works with a Gated Recurrent Unit (GRU) layer.",
     "Gated Recurrent Unit"),
    # not the paper's intro verb
    ("Prior work combines headsets with a Plonk Quorb Mixture (PQM).", "Plonk Quorb Mixture"),
])
def test_a_joined_thing_that_is_not_new_stays_used(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "used"


def test_counted_metrics_after_a_comma_are_introduced(nlp):
    ents = run(nlp, "Focusing on headsets, we introduce two metrics, Plonk Margin and Quorb "
                    "Frequency, to analyze drift.")
    for name in ("Plonk Margin", "Quorb Frequency"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name


def test_a_long_counted_list_after_a_comma_is_introduced(nlp):
    ents = run(nlp, "We introduce five headset metrics, Plonk Appropriateness, Quorb "
                    "Aesthetics, Echo Cohesion, Drift Consistency, and Drift Presence, that "
                    "earlier metrics miss.")
    for name in ("Plonk Appropriateness", "Quorb Aesthetics", "Drift Presence"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name


def test_a_counted_list_the_paper_only_evaluates_stays_used(nlp):
    ents = run(nlp, "We evaluate two metrics, Plonk Margin and Quorb Frequency, on headsets.")
    for name in ("Plonk Margin", "Quorb Frequency"):
        e = find(ents, name)
        assert e is not None and e.role == "used", name


def test_emphasised_items_of_the_papers_counted_parts_are_introduced(nlp):
    ents = run(nlp, "PlonkNet resolves both problems through three tightly integrated components: "
                    "(1)~\\textbf{Cross-Echo Plonk Alignment (CEPA)} integrates audio; "
                    "(2)~\\textbf{Headset Drift Mining (HDM)} mines drift; and "
                    "(3)~\\textbf{Quorb Multitask (QMT)} trains jointly.",
               title="PlonkNet: Steady Headsets")
    for name in ("Cross-Echo Plonk Alignment", "Headset Drift Mining", "Quorb Multitask"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced", name


def test_the_first_emphasised_item_of_an_enumeration_is_introduced(nlp):
    ents = run(nlp, "We propose a three-stage pipeline for headsets: (1) \\textit{Plonk Structured "
                    "Compression}, which filters echoes; (2) \\textit{Quorb Memory Consolidation}, "
                    "an asynchronous process; and (3) \\textit{Adaptive Echo Retrieval}, which "
                    "retrieves.")
    e = find(ents, "Plonk Structured Compression")
    assert e is not None and e.role == "introduced"


def test_emphasised_items_of_somebody_elses_list_stay_used(nlp):
    ents = run(nlp, "Prior headset work reinforces two behaviors: (1) \\textbf{Plonk Specificity}, "
                    "confining echoes, and (2) \\textbf{Quorb Concealment}, hiding them.")
    for name in ("Plonk Specificity", "Quorb Concealment"):
        e = find(ents, name)
        assert e is not None and e.role == "used", name


@pytest.mark.parametrize(("abstract", "name", "type_"), [
    ("We compile PlonkSet, a curated dataset of verified headset recordings.", "PlonkSet",
     "DATASET"),
    ("With the synthesized data, we train Quorb-SVA, a series of headset models.", "Quorb-SVA",
     "MODEL"),
    ("We use it to train PlonkGround, a strong universal grounding model for headsets.",
     "PlonkGround", "MODEL"),
    ("We collect PlonkDNA - a new benchmark of headset texts.", "PlonkDNA", "BENCHMARK"),
])
def test_a_name_the_paper_makes_and_describes_is_introduced(nlp, abstract, name, type_):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced" and e.type == type_


@pytest.mark.parametrize(("abstract", "name"), [
    ("We train ResNet-50, a convolutional network, on headsets.", "ResNet-50"),
    ("Prior work used it to train QuorbNet, a model for headsets [3].", "QuorbNet"),
    ("We train PlonkNet on headsets and compare it with QuorbNet, a model for echoes.",
     "PlonkNet"),
])
def test_a_known_cited_or_undescribed_name_after_a_verb_of_making_stays_used(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "used"


def test_data_the_papers_system_is_evaluated_on_after_namely_stay_used(nlp):
    ents = run(nlp, "The proposed method is evaluated on three public benchmark datasets, namely "
                    "PlonkFall, UP-Quorb, and HeadAct.")
    for name in ("PlonkFall", "UP-Quorb", "HeadAct"):
        e = find(ents, name)
        assert e is not None and e.role == "used", name


@pytest.mark.parametrize(("abstract", "name"), [
    ("The proposed method is evaluated on two public datasets and a newly collected dataset, "
     "namely PlonkFall.", "PlonkFall"),
    ("We propose a novel defense, namely Chain-of-Plonking, to reduce echoes.",
     "Chain-of-Plonking"),
])
def test_a_new_thing_after_namely_is_still_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced"
