"""INTRODUCES, twentieth pass: which names a paper introduces, on sentences written for these
tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def introduced(ents: dict) -> list:
    """The introduced entities."""
    return [e for e in ents.values() if e.role == "introduced"]


def test_a_subtitle_long_form_before_for_is_the_title_name(nlp):
    ents = run(nlp, "In this paper, we propose temporal plonk-logic embedding, which reads quorb "
                    "graphs as logic. TPLEX answers queries over long horizons.",
               title="TPLEX: Temporal Plonk-Logic Embedding for Complex Quorb Reasoning")
    e = find(ents, "TPLEX")
    assert e is not None and e.role == "introduced"
    assert find(ents, "Temporal Plonk-Logic Embedding") is e
    assert len(introduced(ents)) == 1


def test_a_subtitle_phrase_that_does_not_spell_the_title_name_stays_apart(nlp):
    ents = run(nlp, "We propose MMQORB. To train it, we introduce hard plonk contrastive "
                    "learning, which mines negatives.",
               title="MMQORB: Hard Plonk Contrastive Learning for Fine-Grained Quorb Understanding")
    e = find(ents, "MMQORB")
    assert e is not None and e.role == "introduced"
    assert find(ents, "Hard Plonk Contrastive Learning") is not e


def test_a_title_opening_technique_before_for_is_the_papers_method(nlp):
    ents = run(nlp, "Quorb discovery is hard. We show that contrasting behaviors makes skills "
                    "diverse, and it beats prior work on the URLB benchmark.",
               title="Behavior Contrastive Plonking for Unsupervised Quorb Discovery")
    e = find(ents, "Behavior Contrastive Plonking")
    assert e is not None and e.role == "introduced" and e.type == "METHOD"


def test_a_title_opening_phrase_is_not_ours_when_the_abstract_names_our_own(nlp):
    ents = run(nlp, "We propose QuorbNet, which plonks the graph before it is searched.",
               title="Behavior Contrastive Plonking for Unsupervised Quorb Discovery")
    e = find(ents, "Behavior Contrastive Plonking")
    assert e is None or e.role == "used"


def test_a_title_opening_phrase_the_abstract_writes_again_is_not_ours(nlp):
    ents = run(nlp, "Bilevel plonk optimization is a common tool; we apply bilevel plonk "
                    "optimization to quorb search and study its failure modes.",
               title="Bilevel Plonk Optimization for Quorb Architecture Search")
    e = find(ents, "Bilevel Plonk Optimization")
    assert e is None or e.role == "used"


def test_a_capitalised_name_called_new_is_introduced(nlp):
    ents = run(nlp, "Quorb planners drift over long horizons. The planner weights its layers "
                    "using a novel Plonk-Aware Normalization (PA Norm) learned from the map.")
    e = find(ents, "Plonk-Aware Normalization")
    assert e is not None and e.role == "introduced"


def test_an_acronym_before_a_head_called_new_is_not_introduced(nlp):
    ents = run(nlp, "Source-free quorb adaptation (SFQA) transfers a model without its data. "
                    "Results show a new SFQA framework would help plonk detection.")
    e = find(ents, "SFQA")
    assert e is None or e.role == "used"
