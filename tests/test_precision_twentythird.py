"""Twenty-third pass (helper prec23): rules that reject false names by shape and context."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_acronym_before_ordinary_noun_is_no_name(nlp):
    ents = run(nlp, "We render HDR images with a learned tone curve. Our method, ToneNet, "
                    "outperforms prior work on the ERM baseline and the SUMO simulator.")
    assert find(ents, "HDR") is None
    assert find(ents, "ERM") is not None
    assert find(ents, "SUMO") is not None


def test_acronym_before_noun_kept_when_defined_or_named_elsewhere(nlp):
    ents = run(nlp, "Bounding loss (BLX) is a simple objective. BLX weights help detection, "
                    "and we compare with ERM, which uses BLX weights too.")
    assert find(ents, "BLX") is not None


def test_acronym_kept_when_one_occurrence_is_a_name(nlp):
    ents = run(nlp, "We train on KDX samples. Results on KDX show gains over prior work.")
    assert find(ents, "KDX") is not None
