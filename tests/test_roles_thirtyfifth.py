"""INTRODUCES, thirty-fifth pass: a lower-case part of the paper's method after a verb whose
subject, "we", stands earlier in the sentence ("we ..., and introduce a X strategy"), on
sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_TITLE = "Plonk Synthesis from Quorbs"


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("We split every quorb into patches, and introduce a plonk-guided pooling strategy to "
     "merge their features.", "plonk-guided pooling strategy"),
    ("We describe the quorb graph, propose a two-tower plonk encoder, and design a "
     "sparsity-driven quorb reconstruction mechanism for the graphs.",
     "sparsity-driven quorb reconstruction mechanism"),
])
def test_lower_part_after_and_with_we_before_is_introduced(nlp, sentence, phrase):
    ents = run(nlp, sentence, title=_TITLE)
    e = find(ents, phrase)
    assert e is not None and e.role == "introduced"


def test_lower_part_after_and_without_we_is_not_taken(nlp):
    ents = run(nlp, "Earlier systems split every quorb into patches, and introduce a "
                    "plonk-guided pooling strategy to merge their features.", title=_TITLE)
    e = find(ents, "plonk-guided pooling strategy")
    assert e is None or e.role == "used"


def test_we_in_an_earlier_sentence_is_not_the_subject(nlp):
    ents = run(nlp, "We study quorbs. Prior plonkers split every quorb into patches and "
                    "develop a plonk-guided pooling strategy to merge their features.",
               title=_TITLE)
    e = find(ents, "plonk-guided pooling strategy")
    assert e is None or e.role == "used"
