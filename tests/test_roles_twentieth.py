"""INTRODUCES, twentieth pass: which names a paper introduces, on sentences written for these
tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find as _find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def find(ents: dict, form: str):
    """The entity named form, ignoring case."""
    return _find(ents, form, ignore_case=True)


def introduced(ents: dict) -> list:
    """The introduced entities."""
    return [e for e in ents.values() if e.role == "introduced"]


def test_a_subtitle_long_form_before_for_is_the_title_name(nlp):
    ents = run(nlp, "In this paper, we propose temporal plonk-logic embedding, which reads quorb "
                    "graphs as logic. TPLEX answers queries over long horizons.",
               title="TPLEX: Temporal Plonk-Logic Embedding for Complex Quorb Reasoning")
    e = find(ents, "TPLEX")
    assert e is not None and e.role == "introduced"
    assert find(ents, "Temporal Plonk-Logic Embedding") is e
    assert len(introduced(ents)) == 1


def test_a_subtitle_phrase_that_does_not_spell_the_title_name_stays_apart(nlp):
    ents = run(nlp, "We propose MMQORB. To train it, we introduce hard plonk contrastive "
                    "learning, which mines negatives.",
               title="MMQORB: Hard Plonk Contrastive Learning for Fine-Grained Quorb Understanding")
    e = find(ents, "MMQORB")
    assert e is not None and e.role == "introduced"
    assert find(ents, "Hard Plonk Contrastive Learning") is not e

