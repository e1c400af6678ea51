"""Task rule changes of the fifty-first pass, second round (task52), each on a paper written
for it: a weak task phrase (the abstract's opening subject, a one-word "the X problem") only
when the title writes it."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract", [
    "Puzzle scene weaving has gained attention in graphics. We propose LoomNet, which keeps a "
    "memory of earlier frames and reuses it.",
    "Puzzle scene weaving has gained attention in graphics. We propose LoomNet, which keeps a "
    "memory of earlier frames for puzzle scene weaving.",
])
def test_the_opening_subject_the_title_does_not_write_is_no_task(nlp, abstract):
    ents = run(nlp, abstract, "Persistent Worlds with Long Memories")
    assert "puzzle scene weaving" not in task_names(ents)


def test_the_opening_subject_the_title_writes_is_a_task(nlp):
    ents = run(nlp, "Puzzle scene weaving has gained attention in graphics. We propose LoomNet, "
                    "which keeps a memory of earlier frames and reuses it.",
               "LoomNet: Long Memories for Puzzle Scene Weaving")
    assert "puzzle scene weaving" in task_names(ents)


@pytest.mark.parametrize("word", ["crevasse", "safety"])
def test_a_one_word_problem_the_title_does_not_write_is_no_task(nlp, word):
    ents = run(nlp, f"We build a glacier tracker from radar maps. It also eases the {word} "
                    "problem of the field teams.", "Tracking Glaciers from Radar Maps")
    assert word not in task_names(ents)


def test_a_one_word_problem_the_title_writes_is_a_task(nlp):
    ents = run(nlp, "We build a glacier tracker from radar maps. It solves the crevasse problem "
                    "of the field teams.", "Crevasse Tracking from Radar Maps")
    assert "crevasse" in task_names(ents) or "crevasse problem" in task_names(ents)


def test_a_problem_of_two_words_needs_no_title(nlp):
    ents = run(nlp, "We build a glacier tracker from radar maps. It solves the crevasse routing "
                    "problem of the field teams.", "Tracking Glaciers from Radar Maps")
    assert "crevasse routing" in task_names(ents)
