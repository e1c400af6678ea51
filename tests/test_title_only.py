"""Names, fifty-first pass (helper named51), `rules/title_only.py` and `rules/plain_words.py`: a
name only the title writes, found by its shape or place there and never mentioned in the
abstract nor set out as the paper's own, is dropped; a known name or one the abstract writes
stays. A lone ordinary capitalised word that only a list's data head typed (a category or a
topic) is no data set; a name of shape only that the text writes only after "at" is no name
(`rules/places.py`). On sentences written for these tests, beside invented names."""

from __future__ import annotations

import pytest

from tests.extracting import named_by_name as _named
from tests.extracting import run

OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_coined_title_word_the_abstract_never_writes_is_dropped(nlp):
    ents = _named(run(nlp, OPENING + "We fit a small model to the sensor readings.",
                      "Pear Bruise Forecasts with QRX Crates"))
    assert "qrx" not in ents


def test_a_coined_title_word_the_abstract_writes_stays(nlp):
    ents = _named(run(nlp, OPENING + "We fit QRX to the sensor readings of every crate.",
                      "Pear Bruise Forecasts with QRX Crates"))
    assert "qrx" in ents


def test_a_title_means_piece_the_abstract_never_writes_is_dropped(nlp):
    title = "Effective Ripeness Steering for Pear Bruise Detection"
    ents = _named(run(nlp, OPENING + "We fit a small model to the sensor readings.", title))
    assert "ripeness steering" not in ents


def test_a_means_piece_opening_the_title_stays_the_papers_own(nlp):
    title = "Ripeness Steering for Pear Bruise Detection"
    ents = _named(run(nlp, OPENING + "We fit a small model to the sensor readings.", title))
    assert ents["ripeness steering"].role == "introduced"


def test_the_titles_own_name_stays(nlp):
    ents = _named(run(nlp, OPENING + "We fit a small model to the sensor readings.",
                      "QRX: Pear Bruise Forecasts from Crate Sensors"))
    assert "qrx" in ents


def test_a_known_name_only_the_title_writes_stays(nlp):
    ents = _named(run(nlp, OPENING + "We fit a small model to the sensor readings.",
                      "Pear Bruise Forecasts with Transformers"))
    assert any("transformer" in k for k in ents)


def test_an_ordinary_word_a_data_list_types_is_no_data_set(nlp):
    text = OPENING + ("We use three datasets, Hotel, Library and Market, of crate readings. "
                      "Our model beats the baselines.")
    ents = _named(run(nlp, text, "Cold Storage of Pears"))
    assert not {"hotel", "library", "market"} & set(ents)


def test_a_coined_word_in_a_data_list_stays(nlp):
    text = OPENING + ("We use three datasets, PearSet, Library and Market, of crate readings. "
                      "Our model beats the baselines.")
    ents = _named(run(nlp, text, "Cold Storage of Pears"))
    assert "pearset" in ents


def test_a_coined_name_only_written_after_at_is_no_name(nlp):
    # rules/places.py (same pass): a company, a venue or a setting
    text = OPENING + "We ran a case study at QRXcorp and report the bruise counts."
    ents = _named(run(nlp, text, "Cold Storage of Pears"))
    assert "qrxcorp" not in ents


def test_a_coined_name_also_written_elsewhere_stays(nlp):
    text = OPENING + ("We ran QRXnet on the crates. QRXnet finds bruises early, and the study "
                      "at QRXnet scale shows it.")
    ents = _named(run(nlp, text, "Cold Storage of Pears"))
    assert "qrxnet" in ents
