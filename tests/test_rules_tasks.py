"""Task rule changes of the sixth session (tuned on train split a, checked on split b and the
annotators' corpus papers), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def tasks(ents: dict) -> set[str]:
    """Names of the TASK entities, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == "TASK"}


@pytest.mark.parametrize("sentence", [
    "These findings matter for our understanding of transformers.",
    "Transfer in policies requires learning from many agents.",
])
def test_a_task_phrase_stops_at_possessives_quantifiers_and_verbs(nlp, sentence):
    found = tasks(run(nlp, sentence))
    assert not {"our understanding", "policies requires learning"} & found


def test_a_task_phrase_after_for_is_still_found(nlp):
    assert "time-series forecasting" in tasks(run(
        nlp, "We release a toolkit for time-series forecasting and evaluate it on 9 datasets."))
