"""INTRODUCES, twenty-ninth pass: a name given to a noun an older-word marks ("a recent method,
named X") is somebody else's; on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("Plonked headsets drift. A recent method called Quorbic Plonk Estimation (QPE) is an "
     "alternative that tries to reduce drift. We present a more general form of QPE.",
     "Quorbic Plonk Estimation"),
    ("We steady OPS by incorporating a recently developed technique called flumbeating to make "
     "it robust to drift.", "flumbeating"),
    ("Headsets drift. A recent solution, named Plonk-QX, plonks each headset twice. We propose "
     "a faster one.", "Plonk-QX"),
])
def test_a_name_given_to_an_older_thing_is_not_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    ("We develop a new algorithm, called Quorbex, that plonks headsets without drift.",
     "Quorbex"),
    ("We unfold the traditional plonking problem into a learnable network, named Quorb Plonk "
     "Network, which plonks headsets.", "Quorb Plonk Network"),
])
def test_a_name_the_paper_gives_stays_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Drift-Free Headsets"), name)
    assert e is not None and e.role == "introduced"
