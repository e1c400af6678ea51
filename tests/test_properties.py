"""Names, fifty-first pass, second round (helper named52), `rules/properties.py`: a Title Case
phrase that ends in a noun of a property or a quality ("-ity", "-ness", "-acy", or a quality word
such as "Speed") names what a system has, not a technique, and is dropped when only its shape
found it; the paper's own phrase, a thing whose name only ends like a property ("Harness") and a
system noun head stay. On sentences written for these tests, beside invented names."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.properties import property_noun
from tests.extracting import named_by_name as _named
from tests.extracting import run

OPENING = "Pears bruise in cold rooms. We add sensors to crates. "
TITLE = "Pear Crates"


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("word, expected", [
    ("Fidelity", True), ("Self-Awareness", True), ("Literacy", True), ("consistency", True),
    ("Speed", True), ("Harness", False), ("Community", False), ("Transformer", False),
    ("City", False), ("Activities", False)])
def test_property_nouns(word, expected):
    assert property_noun(word) is expected


def test_an_ity_property_phrase_is_no_name(nlp):
    ents = _named(run(nlp, OPENING + "We study the Acoustic Fidelity of crate sensors.", TITLE))
    assert "acoustic fidelity" not in ents


def test_an_acy_property_phrase_is_no_name(nlp):
    ents = _named(run(nlp, OPENING + "Workers lack Media Literacy when they read the sensors.",
                      TITLE))
    assert "media literacy" not in ents


def test_a_quality_word_phrase_is_no_name(nlp):
    ents = _named(run(nlp, OPENING + "We report the Adaptation Speed of every crate sensor.",
                      TITLE))
    assert "adaptation speed" not in ents


def test_the_papers_own_property_named_phrase_stays(nlp):
    ents = _named(run(nlp, OPENING + "We introduce Crate Consistency, a method for pears.", TITLE))
    assert ents["crate consistency"].role == "introduced"


def test_a_harness_is_a_thing_and_stays(nlp):
    ents = _named(run(nlp, OPENING + "We run the Tasi Harness on the crate sensors.", TITLE))
    assert "tasi harness" in ents


def test_a_system_head_phrase_stays(nlp):
    ents = _named(run(nlp, OPENING + "We run Crate Transformer on the sensor readings.", TITLE))
    assert "crate transformer" in ents
