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


@pytest.mark.parametrize("sentence, parts, other", [
    ("In Stage-1, ZorbNet is trained on images; in Stage-2, ZorbNet is tuned. Stage-1 takes a "
     "day.", ("Stage-1", "Stage-2"), "ZorbNet"),
    ("Patients on Day-1 and Day-7 were scanned by PlixScan, and Day-1 scans were noisy.",
     ("Day-1", "Day-7"), "PlixScan"),
    ("We study Type-I and Type-II errors of QuillTest, and Type-I errors dominate.",
     ("Type-I", "Type-II"), "QuillTest"),
    ("We run Round-0 of QuillTune, then Round-1; Round-0 is cheap.", ("Round-0", "Round-1"),
     "QuillTune"),
])
def test_a_numbered_step_or_part_is_no_entity(nlp, sentence, parts, other):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert all(find(ents, p) is None for p in parts)
    assert find(ents, other) is not None


@pytest.mark.parametrize("sentence, name", [
    # a model's size letter and a shared task's part are not steps of the study
    ("We train PlixNet-B on the data; PlixNet-B converges.", "PlixNet-B"),
    ("Results on ZorbEval Subtask B show gains; ZorbEval Subtask B is hard.", "ZorbEval Subtask B"),
])
def test_names_with_a_letter_or_number_stay(nlp, sentence, name):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert find(ents, name) is not None
