"""The paper's own names, forty-first pass: a name the rules call the paper's own, written right
before "loss" ("the Quorbic Zarg Plonking (QZP) loss"), also takes the form with the head as an
alias (extractors/rules/own_head_alias.py); a name it does not call its own, or a head not
listed, takes none. On papers written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.words import word_set
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name", "form"), [
    ("In this paper, a Quorbic Zarg Plonking (QZP) loss is proposed to address the imbalance "
     "of plonks.", "Quorbic Zarg Plonking", "Quorbic Zarg Plonking loss"),
    ("We propose a Plonk-Aware VSD loss that bridges the quorbs of the student and the "
     "teacher.", "Plonk-Aware VSD", "Plonk-Aware VSD loss"),
])
def test_own_name_before_loss_takes_the_longer_form_as_alias(nlp, abstract, name, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.name == name and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "form"), [
    # a name the paper uses, not its own
    ("We train ResNet-50 on plonks with the ArcFace loss and a quorb loss.", "ArcFace loss"),
    # heads the list leaves out: the name alone is how the gold names such systems, and a
    # block of a system is a part of it, not the system
    ("We propose Zargnet, a new framework for plonks. The Zargnet framework mixes quorbs.",
     "Zargnet framework"),
    ("We propose Zargformer, a plonk model. A quorb structure is searched out as the basic "
     "Zargformer block.", "Zargformer block"),
])
def test_no_alias_for_used_names_or_unlisted_heads(nlp, abstract, form):
    assert find(run(nlp, abstract), form) is None


def test_the_heads_are_data():
    assert "loss" in word_set("own_name_tail_heads")
    assert not {"framework", "block", "attention"} & word_set("own_name_tail_heads")


def test_a_norm_before_loss_takes_no_alias(nlp):
    # the rules take a letter with its order for a coined name; "L2 loss" names no part
    ents = run(nlp, "Our key insight is that one objective, diffusion L2 loss, trains quorbs.")
    assert find(ents, "L2 loss") is None
