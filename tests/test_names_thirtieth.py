"""Names found and left out, thirtieth pass (helper recall30): background techniques the
gazetteer no longer names, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("We train the ranker with early stopping on a held-out split.", "early stopping"),
    ("The agent revises its plan by self-reflection after each step.", "self-reflection"),
    ("Keys and values stay in the KV cache between the decoding steps.", "KV cache"),
    ("Long inputs are read with sparse attention over local windows.", "sparse attention"),
])
def test_a_background_technique_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study planning agents for warehouses. " + sentence)
    assert find_any_case(ents, form) is None
