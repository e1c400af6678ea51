"""INTRODUCES, twenty-fourth pass: role decisions read from the clause and the title, on
sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_title_name_after_the_leaves_the_article_out(nlp):
    ents = run(nlp, "Quorb models excel at plonking but fail at simple quorb tasks. We call "
                    "this the plonkish quorb paradox and study it on five quorb benchmarks.",
               title="The Plonkish Quorb Paradox: What It Can Plonk, It May Not Quorb")
    e = find(ents, "Plonkish Quorb Paradox")
    assert e is not None and e.role == "introduced"
    assert find(ents, "The Plonkish Quorb Paradox") is None


@pytest.fixture(scope="module")
def whole_title_abstract():
    """An abstract that names nothing of its own."""
    return ("We study how plonk quorbs behave when the quorb budget is small and give bounds "
            "for the plonking error under mild assumptions.")


@pytest.mark.parametrize("title", [
    "Provably Plonking Quorb-Centric Representations",
    "Transfer Plonking Across Quorb Product Classes",
    "Vision Plonker Based Quorb Equipment Positioning",
])
def test_whole_title_clause_is_no_name(nlp, whole_title_abstract, title):
    ents = run(nlp, whole_title_abstract, title=title)
    assert find(ents, title) is None


def test_whole_title_noun_phrase_is_still_the_papers_method(nlp, whole_title_abstract):
    ents = run(nlp, whole_title_abstract, title="Continuous Quorb Embeddings")
    e = find(ents, "Continuous Quorb Embeddings")
    assert e is not None and e.role == "introduced"


def test_name_after_a_result_verb_of_the_proposed_system_is_not_introduced(nlp):
    ents = run(nlp, "Extensive simulations demonstrate that the proposed framework delivers "
                    "superior quorb plonk rate (QPR), throughput, and resilience across "
                    "diverse channel scenarios.",
               title="Adaptive Plonk Transceiver Design for Quorb-Free Wireless Systems")
    e = find(ents, "quorb plonk rate")
    assert e is None or e.role == "used"


def test_name_right_after_the_proposed_method_is_still_introduced(nlp):
    ents = run(nlp, "Experiments show that the proposed method QuorbNet outperforms strong "
                    "baselines on three plonk benchmarks.",
               title="Plonking Quorbs with Learned Priors")
    e = find(ents, "QuorbNet")
    assert e is not None and e.role == "introduced"


def test_title_via_phrase_describing_the_papers_named_system_is_used(nlp):
    ents = run(nlp, "To this end, we introduce QuorbMimic, a two-stage residual plonking "
                    "framework for precise and expressive quorb control.",
               title="QuorbMimic: From General Plonk Tracking to Quorb Control via Residual "
                     "Plonking")
    e = find(ents, "Residual Plonking")
    assert e is None or e.role == "used"
    e = find(ents, "QuorbMimic")
    assert e is not None and e.role == "introduced"


def test_title_via_phrase_the_abstract_names_with_a_short_form_is_introduced(nlp):
    ents = run(nlp, "Our key contribution is a novel Geometric Consistent Quorb Diffusion "
                    "model (GCQuorbDiffusion), where we represent plonks as quorb bundles.",
               title="GCQuorbDiffusion: Pose-Free Plonk Reconstruction via Geometric "
                     "Consistent Quorb Diffusion")
    e = find(ents, "Geometric Consistent Quorb Diffusion")
    assert e is not None and e.role == "introduced"


def test_short_form_defined_before_as_a_modifier_is_not_introduced(nlp):
    ents = run(nlp, "Agentic systems increasingly rely on the Quorb Context Protocol (QCP) as a "
                    "key enabler of plonk applications. This paper introduces an QCP server "
                    "for analysing plonk logs with large language models.",
               title="PlonkBag QCP Server: Analysing Plonk Data with LLMs")
    e = find(ents, "Quorb Context Protocol")
    assert e is not None and e.role == "used"


def test_short_form_defined_before_naming_the_method_is_introduced(nlp):
    ents = run(nlp, "We study dynamic quorb encoding with plonk-level contrastive learning "
                    "(DQE-PCL) for whole-plonk images. We propose the DQE-PCL method, which "
                    "learns plonk representations end to end.",
               title="Dynamic Quorb Encoding for Whole Plonk Images")
    e = find(ents, "DQE-PCL")
    assert e is not None and e.role == "introduced"
