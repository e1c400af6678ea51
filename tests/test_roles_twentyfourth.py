"""INTRODUCES, twenty-fourth pass: role decisions read from the clause and the title, on
sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_title_name_after_the_leaves_the_article_out(nlp):
    ents = run(nlp, "Quorb models excel at plonking but fail at simple quorb tasks. We call "
                    "this the plonkish quorb paradox and study it on five quorb benchmarks.",
               title="The Plonkish Quorb Paradox: What It Can Plonk, It May Not Quorb")
    e = find(ents, "Plonkish Quorb Paradox")
    assert e is not None and e.role == "introduced"
    assert find(ents, "The Plonkish Quorb Paradox") is None

