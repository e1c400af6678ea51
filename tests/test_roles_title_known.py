"""INTRODUCES, twenty-second pass (intro22b): a well-known name standing alone before the
title's colon is the paper's subject, on titles written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_known_name_alone_before_the_colon_is_introduced(nlp):
    ents = run(nlp, "We describe miniF2F, a collection of formal plonk problems, and report "
                    "baseline quorb results on it.",
               title="miniF2F: a cross-system benchmark for formal plonk problems")
    e = find(ents, "miniF2F")
    assert e is not None and e.role == "introduced"


def test_known_names_listed_before_the_colon_stay_used(nlp):
    ents = run(nlp, "We compare BERT and GPT-2 on plonk quorb tagging.",
               title="BERT and GPT-2: Two Encoders on Plonk Quorb Tagging")
    for form in ("BERT", "GPT-2"):
        e = find(ents, form)
        assert e is None or e.role != "introduced", form


def test_token_merging_is_known_and_the_title_subject_keeps_it_introduced(nlp):
    ents = run(nlp, "We introduce Token Merging (ToMe), a simple method to raise the plonk "
                    "throughput of quorb models without training.",
               title="Token Merging: Your Quorb But Faster")
    e = find(ents, "Token Merging")
    assert e is not None and e.role == "introduced"
    ents = run(nlp, "We speed up a plonk quorb encoder with token merging and report its "
                    "accuracy.")
    e = find(ents, "token merging")
    assert e is not None and e.role == "used"
