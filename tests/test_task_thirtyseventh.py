"""Thirty-seventh pass (task37): a two-word "for X" phrase with a purpose head (design, planning,
discovery, retrieval, alignment, resolution, bias) written once is a description, not the
paper's task (words/task_vague_heads.txt); problem names the gold rarely keeps as tasks are out of
the task gazetteer (data/tasks.txt). Invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("phrase", ["crate design", "crate planning", "crate discovery",
                                    "crate retrieval", "crate alignment"])
def test_a_purpose_phrase_written_once_is_no_task(nlp, phrase):
    ents = run(nlp, f"We build a glacier sorter for {phrase} in orchards. The sorter weighs "
                    "each crate.", "Notes on Orchard Crates")
    assert phrase not in task_names(ents)


@pytest.mark.parametrize("phrase", ["crate design", "crate planning", "crate retrieval"])
def test_the_same_phrase_written_twice_is_a_task(nlp, phrase):
    ents = run(nlp, f"We build a glacier sorter for {phrase} in orchards. Good {phrase} "
                    "saves time.", "Notes on Orchard Crates")
    assert phrase in task_names(ents)


def test_a_purpose_phrase_with_another_head_is_still_a_task(nlp):
    ents = run(nlp, "We build a glacier sorter for crate classification in orchards. The "
                    "sorter weighs each crate.", "Notes on Orchard Crates")
    assert "crate classification" in task_names(ents)


@pytest.mark.parametrize("sentence", [
    "Our glacier models show strong instruction following on held-out prompts.",
    "We fit scaling laws to the loss of glacier models of many sizes.",
    "Classifiers often rely on spurious correlations in the glacier data.",
    "Preference optimization tunes glacier models on pairwise labels.",
])
def test_names_out_of_the_task_gazetteer_are_no_task(nlp, sentence):
    assert not task_names(run(nlp, sentence, "Notes on Glacier Models"))
