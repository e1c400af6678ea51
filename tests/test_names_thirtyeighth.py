"""Names, thirty-eighth pass (helper names38): a run of coined words is not joined into one name
when one of its words is a listed not-name such as an accelerator, while a maker stays with its
product; on sentences written for these tests, with invented names beside real makers and
devices."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, joined, part", [
    # an accelerator between two names, or after one
    ("We fine-tune Zorb-27B H800 PlixMathQA in one day.", "Zorb-27B H800 PlixMathQA",
     "PlixMathQA"),
    ("Throughput of ZorbServe H200 is measured per token.", "ZorbServe H200", "ZorbServe"),
])
def test_a_run_with_a_word_that_names_nothing_alone_is_split(nlp, sentence, joined, part):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert find(ents, joined) is None
    assert find(ents, part) is not None


def test_the_device_is_not_a_name(nlp):
    ents = run(nlp, "We fine-tune Zorb-27B H800 PlixMathQA in one day. It converges.")
    assert find(ents, "H800") is None


@pytest.mark.parametrize("sentence, name", [
    ("We test the detectors on ZorbTec AD and report the image-level scores.", "ZorbTec AD"),
    # a maker and its product: one name
    ("Models are served on AWS QuilMaker for the study.", "AWS QuilMaker"),
])
def test_a_run_without_such_a_word_stays_whole(nlp, sentence, name):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert find(ents, name) is not None


@pytest.mark.parametrize("sentence, name, short", [
    # a long form whose words two hyphens (LaTeX's en dash) or an en dash join
    ("We propose the Zorbus--Plinkett--Maruyama (ZPM) scheme for the equation.",
     "Zorbus--Plinkett--Maruyama", "ZPM"),
    ("We adopt the Source--Quill--Channel--Receiver (SQCR) framework in our study.",
     "Source--Quill--Channel--Receiver", "SQCR"),
    ("We compare with the Zorbus\u2013Plinkett (ZP) method on the task.", "Zorbus\u2013Plinkett",
     "ZP"),
])
def test_a_long_form_joined_by_dashes_is_defined(nlp, sentence, name, short):
    ents = run(nlp, sentence + " It converges.")
    e = find(ents, name)
    assert e is not None and short in e.aliases


def test_a_dash_that_separates_still_cuts_the_long_form(nlp):
    ents = run(nlp, "We study complexity---Quill Point Symmetry (QPS) in this work. It holds.")
    e = find(ents, "QPS")
    assert e is not None and e.name == "Quill Point Symmetry"


@pytest.mark.parametrize("sentence, name, part", [
    ("We build on the Zorbus--Plinkett Framework for iterations. It converges.",
     "Zorbus--Plinkett Framework", "Plinkett Framework"),
])
def test_a_run_joined_by_two_hyphens_stays_whole(nlp, sentence, name, part):
    ents = run(nlp, sentence)
    assert find(ents, name) is not None and find(ents, part) is None


def test_three_hyphens_still_split_a_run(nlp):
    ents = run(nlp, "We train on CEs---In this work we train ZorbNet on data. It converges.")
    assert all("---" not in name for name in ents)
