"""Metric rule changes of the thirty-second session's metric pass (tuned on pools A-E, N-R and
train), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _measures(ents) -> set[str]:
    return {n for n, e in ents.items() if e.type == "METRIC"}


@pytest.mark.parametrize("abstract, wrong, right", [
    ("Common metrics such as accuracy and harbour-score fail to reflect the dock tagger's value.",
     "harbour-score fail", "harbour-score"),
    ("Classical measures such as Jaccard, cosine, and quay overlap compare the berth sets.",
     "quay overlap compare the", "quay overlap"),
])
def test_a_verb_after_a_listed_measure_ends_it(nlp, abstract, wrong, right):
    found = _measures(run(nlp, abstract))
    assert wrong not in found
    assert right in found


@pytest.mark.parametrize("abstract, wrong", [
    ("The berth logs hold metrics like tide height, hull drift, etc. for every dock.", "etc"),
    ("Our pipeline computes harbour metrics, including BLEU and ROUGE-L, together with two "
     "docking scores.", "together"),
    ("Further metrics, including log loss and Cohen kappa, further supported the dock tagger.",
     "further supported"),
])
def test_a_closing_word_in_a_measure_list_is_no_measure(nlp, abstract, wrong):
    assert wrong not in _measures(run(nlp, abstract))


def test_the_listed_measures_before_the_verb_stay(nlp):
    found = _measures(run(nlp, "Our metrics such as berth fidelity and quay overlap show the gap."))
    assert {"berth fidelity", "quay overlap"} <= found
