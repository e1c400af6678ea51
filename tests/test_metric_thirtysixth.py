"""Metric changes of the thirty-sixth session's metric pass (tuned on pools A-E, N-V and train),
on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract", [
    "Our berth scheduler cuts end-to-end latency by 9x on dock devices.",
    "The quay tagger reaches 142 ms end-to-end latency and an AUC of 0.98.",
])
def test_end_to_end_latency_is_the_measure_written(nlp, abstract):
    found = measures(run(nlp, abstract))
    assert "end-to-end latency" in found
    assert "latency" not in found


def test_end_to_end_latency_keeps_the_gate_of_latency(nlp):
    found = measures(run(nlp, "The harbour system improves dock utilization while reducing "
                               "end-to-end latency."))
    assert not found


def test_a_word_between_leaves_the_longer_measure(nlp):
    found = measures(run(nlp, "The berth tagger reduces end-to-end prefill latency by 13%."))
    assert "prefill latency" in found
