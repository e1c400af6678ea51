"""Results, fifty-first pass, second round (helper intro52, docs/extraction.md): a name only
the role judge made introduced, written in the abstract and not the title, does not become
the paper's own system for a value with no named subject (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.results import systems

_BUILD = ("Estimating quorb flux is hard. We build on Plonk Sampling, which draws plonk states in "
          "proportion to their flux. Plonk Sampling is fast. Our method reduces the variance "
          "by 40%.")


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _paper(nlp, title: str, abstract: str, judged_own: bool = True):
    """The extraction of one invented paper with the JUDGED_OWN switch set as given."""
    old = systems.JUDGED_OWN
    systems.JUDGED_OWN = judged_own
    try:
        (ex,) = extract([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    finally:
        systems.JUDGED_OWN = old
    return ex


def _system(ex, value: str) -> str | None:
    """The system of the result with this value."""
    return next((r.system for r in ex.results if r.value == value), None)


def test_a_judged_name_of_the_abstract_is_not_the_own_system(nlp):
    ex = _paper(nlp, "Estimating Quorb Flux", _BUILD)
    roles = {e.name: e.role for e in ex.entities}
    assert roles.get("Plonk Sampling") == "introduced"  # the judge's promotion stays
    assert _system(ex, "40%") == THIS_PAPER
    off = _paper(nlp, "Estimating Quorb Flux", _BUILD, judged_own=False)
    assert _system(off, "40%") == "Plonk Sampling"


def test_a_name_the_title_writes_is_still_the_own_system(nlp):
    ex = _paper(nlp, "Estimating Quorb Flux with Plonk Sampling", _BUILD)
    assert _system(ex, "40%") == "Plonk Sampling"
