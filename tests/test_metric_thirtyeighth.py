"""Metric changes of the thirty-eighth session's metric pass (tuned on pools Y, Z, V-X and
train), on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract", [
    "The harbour forecaster gives a 21.1% reduction in MAE relative to the quay baseline.",
    "The harbour forecaster also achieves a 9% lower MAE on the dock split.",
    "The harbour regressor obtains 0.08 MAE on the dock split.",
    "The harbour forecaster wins with an average MAE reduction of 3.8% on long berths.",
    "Our berth model reduces the MAE of the tide forecasts.",
])
def test_a_shared_acronym_with_a_change_stated_is_the_measure(nlp, abstract):
    ents = run(nlp, abstract)
    assert ents["MAE"].type == "METRIC"


@pytest.mark.parametrize("abstract", [
    "Inspired by MAE, we propose a quay encoder for berth images.",
    "We compare 12 MAE variants for berth images.",
    "The quay encoder improves MAE pretraining on berth images.",
    "It trains 2x faster than MAE-style pretraining on berth images.",
])
def test_a_shared_acronym_naming_a_model_stays_the_model(nlp, abstract):
    ents = run(nlp, abstract)
    assert "MAE" not in measures(ents)
