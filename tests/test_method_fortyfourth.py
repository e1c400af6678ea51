"""Named techniques, forty-fourth pass: a proper name written mid-sentence right before a
technique word of words/eponym_technique_heads.txt is one METHOD with it, though no other rule
made a candidate of the name (extractors/rules/eponym_techniques.py); a word the corpus or the
paper writes in lower case, a sentence's first word, or a head the list leaves out makes none.
On papers written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.words import word_set
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("We fit the plonk weights with a first-order Quorbin expansion around the optimum.",
     "Quorbin expansion"),
    ("The Zarglov iteration converges linearly for every plonk operator we consider.",
     "Zarglov iteration"),
    ("Training minimises a Plonkett-Zarg loss over the quorbs of each batch.",
     "Plonkett-Zarg loss"),
    ("Weights are factored by a Quorbmann decomposition before the plonks are pruned.",
     "Quorbmann decomposition"),
    # a lower-case particle of the person's name belongs to it
    ("We split each plonk field by the van Zorbeck decomposition into three parts.",
     "van Zorbeck decomposition"),
])
def test_a_proper_name_before_a_technique_word_is_a_method(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.type == "METHOD" and e.name == name


@pytest.mark.parametrize(("abstract", "form"), [
    # a sentence's first word is capitalised whatever it is
    ("Quorbin expansion of the plonks is slow. We study the zargs instead.", "Quorbin expansion"),
    # a word the corpus writes in lower case ("existing") is no name
    ("We show that the Existing loss of plonk models fails on quorbs.", "Existing loss"),
    # the paper writes the word in lower case too: an ordinary word of this text
    ("We apply a Zargle test to the plonks; the zargle scores are low.", "Zargle test"),
    # a language is no person's name
    ("Scores on the English test of the shared plonk task are reported.", "English test"),
    # written alone too: the name of a system, the head one of its parts
    ("The Zorbix bridges join the plonk frames, and Zorbix runs in real time.", "Zorbix bridges"),
    # a describing adjective made from a name
    ("We smooth every plonk with a Gaussian filter of width three.", "Gaussian filter"),
    # a head the list leaves out
    ("We place a Quorbin kernel on the plonks of every zarg.", "Quorbin kernel"),
])
def test_no_name_for_ordinary_words_sentence_openers_or_unlisted_heads(nlp, abstract, form):
    assert find(run(nlp, abstract), form) is None


def test_the_heads_are_data():
    heads = word_set("eponym_technique_heads")
    assert {"loss", "expansion", "iteration", "decomposition"} <= heads
    assert not {"inference", "kernel", "mechanism", "model", "method"} & heads


def test_a_technique_named_after_a_person_is_used_not_introduced(nlp):
    # the intro verb's object, but a person's technique: the paper uses it
    e = find(run(nlp, "Specifically, our method introduces Zarglov regularization, plonk "
                      "weighting and quorb recoordination to minimise the error."),
             "Zarglov regularization")
    assert e is not None and e.type == "METHOD" and e.role == "used"
