"""Names found and left out, thirty-first pass (helper names31): a dimension joined to a coined
word, a measure improved from one value to another; on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("We propose 2D-QRX, a quantiser for motion tokens.", "2D-QRX"),
    ("Our planner is built on 3D-ZetaLM and a small critic.", "3D-ZetaLM"),
    ("Faults are read by a 1D-CNN over the vibration signal.", "1D-CNN"),
    ("We add 4D-KMB to fuse the frames over time.", "4D-KMB"),
])
def test_a_dimension_joined_to_a_coined_word_is_a_name(nlp, sentence, form):
    ents = run(nlp, "We study scenes seen from moving cameras. " + sentence)
    assert find(ents, form) is not None


@pytest.mark.parametrize("sentence, form", [
    ("The decoder is 3D-aware and cheap.", "3D-aware"),
    ("We lift the points 2D-to-3D with a small network.", "2D-to-3D"),
])
def test_a_dimension_joined_to_a_plain_word_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study scenes seen from moving cameras. " + sentence)
    assert find(ents, form) is None
