"""A task's longer forms written around a mention kept as aliases (task46,
rules/task_span_forms.py), on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _aliases(ents: dict, name: str) -> list[str]:
    """The aliases of the task named name."""
    e = find(ents, name)
    assert e is not None and e.type == "TASK"
    return e.aliases


def test_a_word_and_and_before_the_task_gives_the_pair(nlp):
    ents = run(nlp, "We study speaker verification for orchard radios. Both acoustic and speaker "
                    "verification fail when pickers shout.", "Notes on Orchard Crates")
    assert "acoustic and speaker verification" in _aliases(ents, "speaker verification")


@pytest.mark.parametrize("before", ["for and", "2 and", "is and", "crates and", "retrieval and",
                                    "Crate-QA and"])
def test_no_pair_after_a_function_word_a_number_or_a_noun(nlp, before):
    ents = run(nlp, f"We study speaker verification for orchard radios. It is {before} speaker "
                    "verification that fails.", "Notes on Orchard Crates")
    assert not [a for a in _aliases(ents, "speaker verification") if " and " in a]


def test_an_action_noun_after_and_gives_the_pair(nlp):
    ents = run(nlp, "We study speaker verification and correction for orchard radios.",
               "Notes on Orchard Crates")
    assert "speaker verification and correction" in _aliases(ents, "speaker verification")


@pytest.mark.parametrize("after", ["and pruning", "and crates", "and the correction",
                                   "and enhance"])
def test_no_pair_after_other_words(nlp, after):
    ents = run(nlp, f"We study speaker verification {after} for orchard radios.",
               "Notes on Orchard Crates")
    assert not [a for a in _aliases(ents, "speaker verification") if " and " in a]


@pytest.mark.parametrize("title, form", [
    ("Speaker Verification in Orchard Radios", "Speaker Verification in Orchard Radios"),
    ("Speaker Verification in the Loud Orchard", "Speaker Verification in the Loud Orchard"),
    ("Speaker Verification without Crate Noise: A Study",
     "Speaker Verification without Crate Noise"),
])
def test_a_title_task_with_where_it_is_done_gives_the_longer_form(nlp, title, form):
    ents = run(nlp, "We study speaker verification for orchard radios.", title)
    assert form in _aliases(ents, "Speaker Verification")


@pytest.mark.parametrize("title", [
    "Speaker Verification in Radio Models",  # what it is done in is a model
    "Speaker Verification with Crate Noise",  # "with": the means, not a place
    "Speaker Verification in Many Loud Orchard Crate Radios",  # past four words
    "Speaker Verification to Crate Noise",  # "to": what the task is robust to, mostly
])
def test_no_title_form_after_the_means_a_model_or_four_words(nlp, title):
    ents = run(nlp, "We study speaker verification for orchard radios.", title)
    aliases = _aliases(ents, "Speaker Verification")
    assert not [a for a in aliases if " with " in a or " Models" in a or "Crate Radios" in a
                or " to " in a]


def test_a_name_before_a_task_head_gives_the_longer_form(nlp):
    ents = run(nlp, "We study text-to-SQL generation for orchard logs. Text-to-SQL is hard.",
               "Text-to-SQL for Orchard Logs")
    assert "text-to-SQL generation" in _aliases(ents, "Text-to-SQL")


def test_no_longer_form_for_a_name_ending_in_a_task_head(nlp):
    ents = run(nlp, "We study speaker verification generation for orchard radios.",
               "Speaker Verification for Orchard Radios")
    e = find(ents, "Speaker Verification")
    assert e is None or "Speaker Verification generation" not in e.aliases
