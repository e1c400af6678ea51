"""INTRODUCES, twenty-seventh pass: the paper's own variant of a known name, set as the whole
object of an intro verb, on sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("text", "name"), [
    ("We propose a separated hierarchical Transformer for quorb plonking.",
     "separated hierarchical Transformer"),
    ("We introduce fairness-aware Low-Rank Adaptation for quorb models, combining plonks.",
     "fairness-aware Low-Rank Adaptation"),
    ("We also develop scale-oriented contrastive learning to align the quorbs.",
     "scale-oriented contrastive learning"),
])
def test_modifiers_before_a_known_name_as_the_object_are_introduced(nlp, text, name):
    e = find(run(nlp, text, title="Plonking Quorbs at Scale"), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("text", "name"), [
    # only evaluative words before the known name: a description, not a name
    ("We propose an end-to-end convolutional neural network for quorb plonking.",
     "end-to-end convolutional neural network"),
    # the name the phrase describes comes later in the clause
    ("We propose a novel plonk-aware generative adversarial network for quorb synthesis "
     "called QP-GAN, which plonks.", "plonk-aware generative adversarial network"),
    # "introduce" as "cause": a measure is no variant
    ("Plonking the quorbs would introduce substantial latency at inference.",
     "substantial latency"),
    # somebody else's verb
    ("Prior work proposes scale-oriented contrastive learning for quorbs.",
     "scale-oriented contrastive learning"),
])
def test_descriptions_and_other_clauses_are_not_variants(nlp, text, name):
    e = find(run(nlp, text, title="Plonking Quorbs at Scale"), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize("text", [
    "To address this, we propose Quorb Plonk Divergence (QPD), a metric that isolates shifts.",
    "Then we introduce QPD, a plonk-level measure that isolates shifts.",
])
def test_a_measure_set_out_as_the_intro_verbs_object_is_introduced(nlp, text):
    e = find(run(nlp, text, title="Plonking Quorbs at Scale"), "QPD")
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("text", [
    "We use the Quorb Plonk Divergence (QPD), a metric that isolates shifts.",
    "Prior work proposed the Quorb Plonk Divergence (QPD), a metric that isolates shifts.",
    "We propose a plonk model evaluated with Quorb Plonk Divergence (QPD), a metric of shifts.",
])
def test_a_measure_not_the_papers_object_stays_used(nlp, text):
    e = find(run(nlp, text, title="Plonking Quorbs at Scale"), "QPD")
    assert e is None or e.role == "used"
