"""Names found, twenty-second pass (helper name22): recall of named entities, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


def test_multiple_before_a_known_method_is_no_variant(nlp):
    ents = run(nlp, "We evaluate multiple ViT backbones and multiple PCA projections.")
    assert find(ents, "multiple ViT") is None and find(ents, "multiple PCA") is None


def test_multiple_importance_sampling_is_a_known_method(nlp):
    ents = run(nlp, "The estimator combines the proposals by multiple importance sampling.")
    assert find(ents, "multiple importance sampling", ignore_case=True) is not None
