"""Regret as a measure (thirty-sixth session's metric pass, tuned on pools A-E, N-V and train),
on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _measures(ents) -> set[str]:
    return {n.lower() for n, e in ents.items() if e.type == "METRIC"}


@pytest.mark.parametrize("abstract, measure", [
    ("Our berth scheduler achieves 14% lower regret than the harbour baseline over 500 rounds.",
     "regret"),
    ("We show that the dock bandit keeps its cumulative regret below 3.2 after 10,000 tides.",
     "cumulative regret"),
    ("The quay sampler attains a Bayesian regret of 0.8, better than greedy berth allocation.",
     "bayesian regret"),
])
def test_regret_with_a_value_is_a_measure(nlp, abstract, measure):
    assert measure in _measures(run(nlp, abstract))


@pytest.mark.parametrize("abstract", [
    "We prove regret bounds for the dock bandit and compare it with 3 harbour baselines.",
    "A no-regret learning rule lets 12 berth agents reach an equilibrium quickly.",
    "Sailors often regret the choice of harbour.",
])
def test_regret_as_a_bound_a_modifier_or_a_verb_is_no_measure(nlp, abstract):
    assert not {m for m in _measures(run(nlp, abstract)) if "regret" in m}
