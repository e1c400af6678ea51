"""INTRODUCES, twenty-third pass: the items of a counted list of the paper's own things past the
first one's describing clause, on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_second_item_of_new_counted_list_past_a_clause_is_introduced(nlp):
    ents = run(nlp, "Plonkha introduces three key innovations: (1) the mechanism of adaptive "
                    "quorb chunking; (2) two new parallelism strategies: Quorb Pipeline "
                    "Parallelism (QPP) to reduce time-to-first-token by pipelining quorb "
                    "chunks, and Plonk-Cache Parallelism (PCP) to lower the decoding cost by "
                    "distributing plonks across servers.",
               title="Plonkha: Serving Long Quorb Requests Without Approximation")
    for form in ("Quorb Pipeline Parallelism", "Plonk-Cache Parallelism"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_second_item_of_intro_counted_list_past_a_clause_is_introduced(nlp):
    ents = run(nlp, "In this paper, we present two techniques for use in plonk-aware systems: "
                    "Quorb Decomposition, which decomposes input prompts into a structured "
                    "schema that systems can parse easily, and Selective Plonk Filtering, which "
                    "removes irrelevant plonks from the context.",
               title="Quorb Decomposition and Selective Plonk Filtering")
    for form in ("Quorb Decomposition", "Selective Plonk Filtering"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_known_name_past_the_clause_stays_used(nlp):
    ents = run(nlp, "We propose two new quorb strategies: Plonk Pipeline Quorbing (PPQ) to "
                    "reduce latency by pipelining chunks, and the Transformer as a baseline "
                    "for comparison.",
               title="Quorbing Plonks at Scale")
    e = find(ents, "Transformer")
    assert e is None or e.role == "used"


def test_part_phrase_the_papers_system_introduces_is_introduced(nlp):
    ents = run(nlp, "To mitigate background distractions, PlonkNet introduces a suppression "
                    "attention mechanism that minimizes the model's focus on irrelevant quorbs.",
               title="PlonkNet: From Quorb Suppression to Center Peaking")
    e = find(ents, "suppression attention mechanism")
    assert e is not None and e.role == "introduced"


def test_part_phrase_prior_work_proposes_is_not_introduced(nlp):
    ents = run(nlp, "To mitigate background distractions, prior work proposes a suppression "
                    "attention mechanism that minimizes the focus on irrelevant quorbs.",
               title="PlonkNet: From Quorb Suppression to Center Peaking")
    e = find(ents, "suppression attention mechanism")
    assert e is None or e.role == "used"
