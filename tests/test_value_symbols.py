"""A unit or interval symbol right after a number is no name (rules/value_symbols.py), on
sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, symbol", [
    ("The audit found a gap of 4.2 points (95% CI 3.1-5.3) between the two harbour survey arms.",
     "CI"),
    ("The spiking quay detector draws only 0.5 mJ per frame on the harbour scans.", "mJ"),
    ("The tide potential predicts formation energies within 0.03 eV of the reference values.",
     "eV"),
])
def test_a_symbol_after_a_number_is_no_name(nlp, abstract, symbol):
    ents = run(nlp, abstract)
    assert symbol not in ents, sorted(ents)


def test_the_same_letters_not_after_a_number_are_left_to_the_other_rules(nlp):
    ents = run(nlp, "The harbour agent scores 0.91 Dice while the tide model draws 2 mW less.")
    assert "Dice" in ents, sorted(ents)
