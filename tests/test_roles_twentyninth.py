"""INTRODUCES, twenty-ninth pass: a name given to a noun an older-word marks ("a recent method,
named X") is somebody else's, and a name a passive introduces ("the X (XA) algorithm is
designed") is the paper's own; on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("Plonked headsets drift. A recent method called Quorbic Plonk Estimation (QPE) is an "
     "alternative that tries to reduce drift. We present a more general form of QPE.",
     "Quorbic Plonk Estimation"),
    ("We steady OPS by incorporating a recently developed technique called flumbeating to make "
     "it robust to drift.", "flumbeating"),
    ("Headsets drift. A recent solution, named Plonk-QX, plonks each headset twice. We propose "
     "a faster one.", "Plonk-QX"),
])
def test_a_name_given_to_an_older_thing_is_not_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    ("We develop a new algorithm, called Quorbex, that plonks headsets without drift.",
     "Quorbex"),
    ("We unfold the traditional plonking problem into a learnable network, named Quorb Plonk "
     "Network, which plonks headsets.", "Quorb Plonk Network"),
])
def test_a_name_the_paper_gives_stays_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "names"), [
    ("To bridge the domains, a plonk domain generator (PDG) module is proposed to build "
     "transitions between them.", ["plonk domain generator"]),
    ("Based on the paths, the Hybrid Quorb-Least-Plonks (HQLP) algorithm is designed to "
     "estimate plonks.", ["Hybrid Quorb-Least-Plonks"]),
    ("To achieve this, Contrastive Plonk Constraint and Text Quorb Constraint are further "
     "proposed.", ["Contrastive Plonk Constraint", "Text Quorb Constraint"]),
    ("In this article the Change Plonk Quorb Model is introduced, which plonks headsets.",
     ["Change Plonk Quorb Model"]),
])
def test_a_name_a_passive_introduces_is_introduced(nlp, abstract, names):
    doc = run(nlp, abstract, title="Drift-Free Headsets")
    for name in names:
        e = find(doc, name)
        assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "name"), [
    # put into something, proposed by others, a modifier of another noun, past tense
    ("A Large Quorb Plonk Attention (LQPA) mechanism is introduced into the backbone.",
     "Large Quorb Plonk Attention"),
    ("The Quorb Plonk Network (QPN) is proposed by Smith et al. (2020) for plonking.",
     "Quorb Plonk Network"),
    ("A modified version of the Deck-of-Plonks (DoP) method is proposed to build plonks.",
     "Deck-of-Plonks"),
    ("Quorb plonk theory (QPT) was designed to address this challenge. We study drift.",
     "Quorb plonk theory"),
    # a modified version of a thing that exists
    ("A modified Noisy Plonk Training is developed to refine flawed labels.",
     "Noisy Plonk Training"),
])
def test_a_name_a_passive_does_not_introduce_stays_used(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize(("abstract", "names"), [
    ("We propose QX-Plonk, a two-stage framework. The first stage, QX-Engine, synthesizes "
     "plonks. The second stage, QX-Reasoner, employs reverse plonking.",
     ["QX-Engine", "QX-Reasoner"]),
    ("We propose TIBR5D. The first stage is an Iterative Quorb Instance Tracing (IQIT) at the "
     "segment level.", ["Iterative Quorb Instance Tracing"]),
    ("Our framework has three modules. The first module, the Nodule Plonker, coordinates "
     "detection models.", ["Nodule Plonker"]),
])
def test_a_part_set_out_by_its_place_is_introduced(nlp, abstract, names):
    doc = run(nlp, abstract, title="Drift-Free Headsets")
    for name in names:
        e = find(doc, name)
        assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "name"), [
    # a known name, a name that only modifies the part's noun
    ("Our framework has three parts. The first component is a lightweight Multi-Layer "
     "Perceptron (MLP) that predicts plonks.", "Multi-Layer Perceptron"),
    ("Our index has two parts. The first component is a dual-branch QXNW structure with "
     "plonk-based insertion.", "QXNW"),
])
def test_a_part_by_its_place_that_is_no_new_name_stays_used(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is None or e.role != "introduced"
