"""INTRODUCES, twenty-fifth pass: role decisions read from the clause, on sentences written for
these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_QUORB_TITLE = "QuorbFM: Plonk-Robust Federated Learning for Quorb Imaging"


@pytest.mark.parametrize("name", [
    "Spectral Quorb Retrieval", "Plonk-wise Token Fusion", "Prefix Quorb Prompting"])
def test_enumerated_items_after_the_papers_system_are_introduced(nlp, name):
    ents = run(nlp, "Quorb scans differ across sites. Accordingly, QuorbFM integrates (i) "
                    "Spectral Quorb Retrieval to inject global priors, (ii) Plonk-wise Token "
                    "Fusion to align representations, and (iii) Prefix Quorb Prompting to "
                    "condition local cues. Experiments on three sites show large gains.",
               title=_QUORB_TITLE)
    e = find(ents, name)
    assert e is not None and e.role == "introduced"


def test_enumerated_items_with_a_bare_closing_bracket_are_introduced(nlp):
    ents = run(nlp, "We propose a three-stage training scheme for small quorb models: "
                    "1) Distilled Quorb Pre-Plonking to align the views, and 2) Distilled "
                    "Quorb Fine-Plonking to refine the knowledge.",
               title="QuorbKD: Distilling Plonk Models")
    for name in ("Distilled Quorb Pre-Plonking", "Distilled Quorb Fine-Plonking"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_enumerated_findings_are_not_introduced(nlp):
    ents = run(nlp, "Experiments on three settings validate our theory: (1) Quorb Parity "
                    "Plonking, where the model generalises, and (2) Quorb Addition Plonking, "
                    "where it does not.",
               title=_QUORB_TITLE)
    e = find(ents, "Quorb Parity Plonking")
    assert e is None or e.role == "used"


def test_enumerated_name_before_a_plain_noun_is_only_a_modifier(nlp):
    ents = run(nlp, "QuorbFM jointly optimizes (i) a Quorb Erasure (QE) reward to suppress "
                    "targets and (ii) a Plonk Space (PS) reward to keep fidelity.",
               title=_QUORB_TITLE)
    e = find(ents, "Quorb Erasure")
    assert e is None or e.role == "used"


@pytest.mark.parametrize("name", ["Interleaved Plonk-Act", "Dynamic Quorb Allocator"])
def test_counted_innovations_of_the_papers_system_are_introduced(nlp, name):
    ents = run(nlp, "We introduce QuorbPlan, a framework that enables interleaved plonking "
                    "through two key innovations: an Interleaved Plonk-Act architecture that "
                    "pipelines plonking with acting, and a Dynamic Quorb Allocator that adapts "
                    "quorb budgets to the deadline.",
               title="QuorbPlan: Adaptive Quorb Allocation for Embodied Plonking")
    e = find(ents, name)
    assert e is not None and e.role == "introduced"


def test_counted_mechanisms_after_any_verb_are_introduced(nlp):
    ents = run(nlp, "We introduce QBP, a simple baseline that unites two complementary "
                    "mechanisms: QuorbDown, a light activation change that keeps plonks "
                    "alive, and Decreasing Plonkpropagation, a gradient schedule.",
               title="A Simple Baseline for Stable and Plonkable Networks")
    for name in ("QuorbDown", "Decreasing Plonkpropagation"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"


def test_counted_modules_something_comes_from_are_not_introduced(nlp):
    ents = run(nlp, "We use this model to build the graph from two study modules: Embedded "
                    "Quorbs and Development of Plonk Systems.",
               title="Graph Completion for Quorb Curricula")
    e = find(ents, "Embedded Quorbs")
    assert e is None or e.role == "used"


@pytest.mark.parametrize(("sentence", "phrase", "words_before"), [
    ("Second, we present a deformation-aware plonk densification strategy that grows quorbs.",
     "deformation-aware plonk densification strategy", "deformation-aware plonk densification"),
    ("We introduce a wordless quorb training mechanism to align plonks with motions.",
     "wordless quorb training mechanism", "wordless quorb training"),
])
def test_lower_part_is_also_named_without_its_kind_word(nlp, sentence, phrase, words_before):
    ents = run(nlp, sentence, title="Plonk Synthesis from Quorbs")
    e = find(ents, phrase)
    assert e is not None and e.role == "introduced"
    assert words_before in e.aliases


def test_lower_part_keeps_a_head_that_is_part_of_its_name(nlp):
    ents = run(nlp, "We devise a geometric quorb consistency loss that aligns the plonks.",
               title="Plonk Synthesis from Quorbs")
    e = find(ents, "geometric quorb consistency loss")
    assert e is not None and "geometric quorb consistency" not in e.aliases


def test_enumerated_item_opening_its_sentence_after_a_colon_clause_is_introduced(nlp):
    ents = run(nlp, "We introduce a novel two-stage framework designed to plonk quorbs: (1) "
                    "Dynamic Quorb Encoder (DQE) at the first stage groups the plonks. (2) "
                    "Dynamic Plonk Transformer (DPT) at the second stage generates quorbs.",
               title="DPT: Plonk Generation with Dynamic Quorbs")
    for name in ("Dynamic Quorb Encoder", "Dynamic Plonk Transformer"):
        e = find(ents, name)
        assert e is not None and e.role == "introduced"
