"""Twenty-first pass (helper data21): data names the rules typed METHOD, typed from the words
around them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


# --- heads.evaluated_on: a listed word opens the list after "on" ---------------------------------


@pytest.mark.parametrize("sentence, names", [
    ("Extensive experiments on Harbor, QLT, and synthetic scans show that our tracker is robust.",
     ("Harbor", "QLT")),
    # a plural data head with "of" before a list
    ("The experimental results on two datasets of ZUFL and Dallas2019 show clear gains.",
     ("ZUFL", "Dallas2019")),
])
def test_a_list_evaluated_on_is_data(nlp, sentence, names):
    ents = run(nlp, sentence)
    for name in names:
        e = find(ents, name)
        assert e is not None and e.type == "DATASET", (name, e)


def test_a_listed_word_outside_an_evaluation_stays_untyped_data(nlp):
    """"built on X, Y": what a system rests on is not evaluated on."""
    e = find(run(nlp, "The service is built on Harbor, QLT, and Kafka for storage."), "QLT")
    assert e is None or e.type != "DATASET"
