"""A task the rules found whose name opens with a word that opens no task's name is dropped
(task36, words/task_not_first.txt, rules/merge.py), on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("first", ["traditional", "poor", "lower", "manual"])
def test_a_purpose_phrase_opening_with_a_not_first_word_is_no_task(nlp, first):
    ents = run(nlp, f"Crate sorters are used for {first} fruit classification in orchards. "
                    "We sort crates by weight.", "Notes on Orchard Crates")
    assert not any(t.startswith(first) for t in task_names(ents))


def test_a_clause_opening_with_although_is_no_task(nlp):
    ents = run(nlp, "Although fruit classification is old, crate sorting is new. We sort "
                    "crates by weight.", "Notes on Orchard Crates")
    assert not any(t.startswith("although") for t in task_names(ents))


def test_the_same_phrase_without_the_word_is_still_a_task(nlp):
    ents = run(nlp, "Crate sorters are used for fruit classification in orchards. We sort "
                    "crates by weight.", "Notes on Orchard Crates")
    assert "fruit classification" in task_names(ents)
