"""INTRODUCES, nineteenth pass: which names a paper introduces, on sentences written for these
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


def test_a_title_name_defined_in_the_abstract_is_introduced(nlp):
    ents = run(nlp, "Building on these insights, we study seven plonk paradigms for quorb "
                    "optimization (PLOQO), folding them into text-based search.",
               title="PLOQO: Towards a Robust Quorb Optimization Framework")
    e = find(ents, "PLOQO")
    assert e is not None and e.role == "introduced"
