"""Names left out, thirty-fourth pass (helper names34): things, units, assays, signals and
emphasised words written like coined names name nothing on their own; on sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("Two raters were compared with a McNemar test on the held-out items.", "McNemar"),
    ("Lessons were drawn from K-12 classrooms in three districts.", "K-12"),
    ("The triples are stored as RDF before they are indexed.", "RDF"),
    ("The service exposes a REST API that answers in JSON.", "REST"),
    ("Scans were acquired with OCT in forty eyes.", "OCT"),
    ("Brain responses were recorded with MEG and the N400 peak was measured.", "MEG"),
    ("Brain responses were recorded with MEG and the N400 peak was measured.", "N400"),
    ("Samples of SARS-CoV-2 were sequenced before the trial.", "SARS-CoV-2"),
    ("The board draws 20 mW and computes in Float16 on the device.", "Float16"),
    ("A model must handle ALL of the cases.", "ALL"),
    ("We show that the judge answers YES when it should say BUT.", "BUT"),
    ("Kernels were timed on one H200 and one B200 at full load.", "H200"),
    ("Kernels were timed on one H200 and one B200 at full load.", "B200"),
    ("The agent clicks on elements of the DOM of each page.", "DOM"),
    ("Wallets on Web3 platforms sign every call.", "Web3"),
    ("Replies were rated on the Big Five traits by two judges.", "Big Five"),
])
def test_a_thing_unit_or_emphasised_word_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study a planner for clinic logistics. " + sentence)
    assert find(ents, form) is None


def test_a_listed_word_the_paper_spells_out_still_names_its_long_form(nlp):
    text = ("We introduce Recursive Decoding Filters (RDF), a probe for refusal. When paired "
            "with short prompts, RDF steers the model in one second.")
    e = find(run(nlp, text), "Recursive Decoding Filters")
    assert e is not None and "RDF" in e.aliases


def test_a_platform_listed_as_data_is_not_joined_to_the_words_before_it(nlp):
    ents = run(nlp, "We study topic models for short texts. We cluster COVID-19-related Twitter "
                    "posts into topics.")
    assert find(ents, "COVID-19-related Twitter") is None
