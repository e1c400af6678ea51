"""Names, thirty-ninth pass (helper names39): places, courts, committees and centres named by
their last word are no entities; on sentences written for these tests, with invented places
beside invented method names."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("place, other", [
    ("Zorbia Strip", "PlonkSeg"),
    ("Quarnby International Airport", "FlightZorb"),
    ("Plinket High Court", "QuillLaw"),
    ("Quarnby Hadron Collider", "JetZorb"),
    ("Zorbian Standing Committee", "PlixParse"),
    ("Quarnby Medical Center", "ZorbNet"),
    ("Plinket Sea", "FrostZorb"),
    ("Global South", "QuillCorp"),
])
def test_a_place_named_by_its_last_word_is_no_entity(nlp, place, other):
    ents = run(nlp, f"We use the {place} to test {other}, and the {place} records as well. "
                    "The results hold across seeds.")
    assert find(ents, place) is None
    assert find(ents, other) is not None


def test_a_data_set_named_after_such_a_place_stays(nlp):
    ents = run(nlp, "We release the Plinket Bay dataset of sonar scans, and the Plinket Bay "
                    "dataset is public. The results hold.")
    assert find(ents, "Plinket Bay") is not None
