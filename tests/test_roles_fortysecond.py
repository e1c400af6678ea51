"""INTRODUCES, forty-second pass: a name the paper sets out in a sentence of "we" and describes
with an appositive ", a / an ..." is the paper's own, whatever the verb ("We formalize X, a
decision framework", "We instantiate the framework as X, an open-source server"), unless a word
of use, comparison or evaluation stands between "we" and the name, another subject takes over,
or other papers write it (rules/we_apposed.py). On papers written for these tests (the rules
alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("We formalize Adaptive Plonk Selection, a decision framework that maps the ratio of "
     "estimated quorb cost to an optimal generation strategy.", "Adaptive Plonk Selection"),
    ("We instantiate the framework as QUORB-PILOT, an open-source server, demonstrating that the "
     "theory translates into a practical tool.", "QUORB-PILOT"),
    ("We resolve this with Q-PLONKNET, a multi-quantile network trained with pinball loss.",
     "Q-PLONKNET"),
    ("To make this intervention reliable, we propose \\textbf{PlonkProbe}, a one-shot "
     "virtual-gate sensitivity measure that ranks blocks.", "PlonkProbe"),
    ("To support training, we develop a scalable data pipeline and construct QuorbSolid, a "
     "dataset of 3,018 geometry problems with paired diagrams.", "QuorbSolid"),
])
def test_we_sentence_apposed_name(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "name"), [
    # a word of use between "we" and the name: what the paper works with
    ("Second, we train our encoder on QuorbAID, an ImageNet-scale satellite imagery dataset, with "
     "several modifications.", "QuorbAID"),
    ("We compare our method against PlonkFormer, a strong transformer baseline for plonks.",
     "PlonkFormer"),
    ("We build on QuorbNet, a recurrent network for plonk tracking, and add a memory.",
     "QuorbNet"),
    ("To evaluate it, we conducted experiments on DeepQuorb, a large scale fundus imaging "
     "dataset.", "DeepQuorb"),
    # another subject takes over: the paper's system acts on it
    ("We examine our agent, demonstrating that it finds drug candidates on PLONK7, a critical "
     "target for cancers.", "PLONK7"),
    # a task: what the paper studies
    ("We study the Compositional Plonk Routing Problem (CPRP), a unified superclass of routing "
     "problems.", "Compositional Plonk Routing Problem"),
    # a piece of a longer name whose short form opens on another letter
    ("We propose BrIdge contextual gap FoR imprOvised trajectory QUorbing (Bifrost), a "
     "training-free method.", "QUorbing"),
    # a contest the paper's solution is for
    ("This paper presents our solution to the PLONK 2026 Quorb Super-Resolution Challenge, a "
     "dual-branch system that fuses plonks.", "PLONK 2026 Quorb Super-Resolution Challenge"),
    # a sentence end the splitter missed: "In X, a ..." opens a new sentence
    ("We introduce QUORB-MARL, an open-source suite of environments for Plonk Management "
     "Planning, offering a platform.In PMQ, a multi-component system is subject to failure.",
     "PMQ"),
    # no "we" in the sentence
    ("The model is pre-trained on QuorbSet, a large corpus of plonks.", "QuorbSet"),
])
def test_not_ours(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is None or e.role != "introduced", name


def test_known_name_stays_used(nlp):
    """A name many mined papers write is not made new by the sentence's shape."""
    e = find(run(nlp, "We fine-tune nothing and study Mistral, an open-source pre-trained "
                      "language model, for question answering.", title="Plonks"), "Mistral")
    assert e is None or e.role != "introduced"


def test_not_verbs_list_is_read():
    """The word list holds the verbs of use the rule reads, with no duplicate."""
    from paperkg.extractors.words import words

    ws = words("we_apposed_not_verbs")
    assert {"train", "compare", "based on", "using"} <= set(ws)
    assert len(ws) == len(set(ws))


# rules/opening_apposed.py: a name restating the sentence's opening "Our / Its / The resulting ..."

@pytest.mark.parametrize(("abstract", "name"), [
    ("We study plonk shapes. Our shape-optimized vision transformer, PlonkViT, achieves results "
     "competitive with larger models.", "PlonkViT"),
    ("We build a quorb scorer. Its core, Kids-QUORB, merges a phoneme encoder with a decoder.",
     "Kids-QUORB"),
    ("We annotate plonk cases. The resulting dataset, AbstainQuorb, comprises 1,636 cases.",
     "AbstainQuorb"),
])
def test_opening_restated_by_name(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is not None and e.role == "introduced", name


@pytest.mark.parametrize(("abstract", "name"), [
    # "this" opens a phrase whose list names others' parts
    ("We study plonks. This efficient architecture incorporates QuorbAttention, Plonk with "
     "Linear Biases (PLiBi), and gated units.", "QuorbAttention"),
    # the name does not restate the opening: no comma closes it
    ("We study plonks. Our results, QuorbNet and PlonkNet included, improve on older work.",
     "QuorbNet"),
    # an older work of the authors
    ("We study plonks. Our previous work, QUORBCF, effectively reduced storage costs.",
     "QUORBCF"),
    # a name other papers write
    ("We study plonks. Our base model, Mistral, is fine-tuned on quorbs.", "Mistral"),
])
def test_opening_not_restated(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Plonks and Quorbs"), name)
    assert e is None or e.role != "introduced", name
