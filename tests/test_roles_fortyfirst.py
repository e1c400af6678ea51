"""INTRODUCES, forty-first pass: a thing the paper's intro sentence sets after "a" / "an" and
defines with its short form is the paper's own ("we propose X, a framework that begins by
estimating a Relative Texture Density Map (RTDM)"), unless other papers write it, it is built
on, or no "we" introduces anything in its sentence (rules/defined_new.py). On papers written for
these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("To address this, we propose TexQuorb, a novel framework that begins by estimating a "
     "Relative Plonk Density Map (RPDM) to represent the plonk distribution.",
     "Relative Plonk Density Map"),
    ("We propose QuorbRL, a constrained policy-gradient algorithm with dense verifiable rewards, "
     "intervention-validity gating, and a policy-conditioned counterfactual plonk (PCCP) "
     "estimator.", "policy-conditioned counterfactual plonk"),
    ("We introduce QuorbDrive, an end-to-end framework for driving, which unifies perception and "
     "reasoning through an interleaved Multi-modal Chain-of-Quorbs (iMCoQ) mechanism.",
     "interleaved Multi-modal Chain-of-Quorbs"),
])
def test_defined_after_article_in_intro_sentence(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "name"), [
    # other papers write it: a building block
    ("We introduce QuorbK2, a Mixture-of-Experts (MoE) large language model with many plonks.",
     "Mixture-of-Experts"),
    # built on, not built
    ("We build on a Quorb Plonk Network (QPN) and add three plonk layers to it.",
     "Quorb Plonk Network"),
    # no "we" introduces anything in its sentence
    ("Methods that use a Plonk Quorb Estimator (PQE) are slow. We propose QuorbFix for plonks.",
     "Plonk Quorb Estimator"),
    # a phrase about the name, not the name after its article
    ("This study presents an exploratory evaluation of Quorb Generation Systems (QGS) within "
     "contemporary plonk practice.", "Quorb Generation Systems"),
    # a building block the paper's method uses
    ("We propose QuorbKT, which represents a state at each step using a Normal-Inverse-Plonk "
     "(NIP) distribution.", "Normal-Inverse-Plonk"),
    # a naming word after it: the field of what the paper names
    ("We design QuorbPlay, an agent that competes in a General Plonk Playing (GPP) competition "
     "called PlonkCup.", "General Plonk Playing"),
    # the appositive of a name already introduced: what it is for
    ("We construct Gaza-Change-v2, a new multi-class change detection (MCD) dataset about the "
     "Gaza strip.", "multi-class change detection"),
    # a source, not a thing built
    ("This paper presents findings from a Plonk Institute for Quorb Studies (PIQS) workshop on "
     "plonks.", "Plonk Institute for Quorb Studies"),
    # what the method is built on
    ("This paper proposes a model-free plonk method for joint quorb scheduling based on a "
     "combined plonk system (CPS) integrating quorbs.", "combined plonk system"),
    ("We develop a plonk regressor (PR) combining a shallow quorb map with a trainable plonk "
     "kernel alignment (PKA) layer.", "plonk kernel alignment"),
    # an ordinary one
    ("We develop a greedy algorithm which is able to transform an arbitrary probability quorb "
     "function (PQF) into the target PQF.", "probability quorb function"),
    # a cited sentence
    ("We propose QuorbFix, which replaces a Plonk Quorb Estimator (PQE) [12] with plonks.",
     "Plonk Quorb Estimator"),
])
def test_defined_after_article_left_used(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is not None and e.role == "used", name


def test_later_subject_not_made_a_part(nlp):
    """A name found here does not make a name opening a later sentence the paper's part."""
    ents = run(nlp, "We propose a plonk framework that fuses quorb imagery via a coupled global "
               "plonk transformer (CGPT) to learn representations. Thermal quorbs (TQ) "
               "measurements from PlonkSat are used to quantify the relationship.",
               title="Plonks and Quorbs")
    assert find(ents, "coupled global plonk transformer").role == "introduced"
    e = find(ents, "Thermal quorbs")
    assert e is None or e.role == "used"
