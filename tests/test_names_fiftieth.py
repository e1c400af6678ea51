"""Names, fiftieth pass (helper named50): a plural acronym of three capitals or more whose
singular is a known name is kept ("SVMs"); a known technique extended to its variant keeps the
known name as an alias where the text never writes it alone ("a hierarchical Transformer"); a
scored technique phrase ending in a kind word keeps the phrase without it as an alias when two
words or more are left ("... weighting scheme"). On sentences written for these tests, beside
invented names."""

from __future__ import annotations

import pytest

from tests.extracting import named_by_name as _named
from tests.extracting import run

OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "
TITLE = "Cold Storage of Pears"


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_known_plural_acronym_is_kept(nlp):
    ents = _named(run(nlp, OPENING + "We train per-client SVMs on small sets of pear photos.",
                      TITLE))
    assert "svms" in ents and ents["svms"].type == "METHOD"


def test_an_unknown_plural_acronym_is_still_dropped(nlp):
    ents = _named(run(nlp, OPENING + "We compare QRTs on small sets of pear photos.", TITLE))
    assert "qrts" not in ents


def test_a_known_two_letter_plural_is_still_dropped(nlp):
    # "IP" is a known short form (inverse propensity weighting); "IPs" is read many ways
    ents = _named(run(nlp, OPENING + "We place several IPs on the crate chip.", TITLE))
    assert "ips" not in ents


def test_a_variant_keeps_the_known_name_as_an_alias(nlp):
    ents = _named(run(nlp, OPENING + "We train a hierarchical Transformer on pear photos.",
                      TITLE))
    assert "Transformer" in ents["hierarchical transformer"].aliases


def test_a_known_name_written_alone_stays_its_own(nlp):
    text = OPENING + "A Transformer reads the photos. We train a hierarchical Transformer on them."
    ents = _named(run(nlp, text, TITLE))
    assert "transformer" in ents
    assert "Transformer" not in ents["hierarchical transformer"].aliases


def test_a_scored_phrase_keeps_its_form_without_the_kind_word(nlp):
    ents = _named(run(nlp, OPENING + "Our crate policy uses a bruise-aware weighting scheme.",
                      TITLE))
    e = ents["bruise-aware weighting scheme"]
    assert e.extractor == "method_scored"
    assert "bruise-aware weighting" in e.aliases
