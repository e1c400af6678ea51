"""Thirty-seventh pass (task37): a two-word "for X" phrase with the head design, resolution or
bias written once is a description, not the paper's task (words/task_vague_heads.txt);
`preference optimization` is out of the task gazetteer (data/tasks.txt), and three listed names
are the paper's task only when its title writes them (words/task_title_only.txt). Invented
text."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case, run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("phrase", ["crate design", "crate resolution", "crate bias"])
def test_a_purpose_phrase_written_once_is_no_task(nlp, phrase):
    ents = run(nlp, f"We build a glacier sorter for {phrase} in orchards. The sorter weighs "
                    "each crate.", "Notes on Orchard Crates")
    assert phrase not in task_names(ents)


@pytest.mark.parametrize("phrase", ["crate design", "crate resolution"])
def test_the_same_phrase_written_twice_is_a_task(nlp, phrase):
    ents = run(nlp, f"We build a glacier sorter for {phrase} in orchards. Good {phrase} "
                    "saves time.", "Notes on Orchard Crates")
    assert phrase in task_names(ents)


@pytest.mark.parametrize("phrase", ["crate classification", "crate planning"])
def test_a_purpose_phrase_with_another_head_is_still_a_task(nlp, phrase):
    ents = run(nlp, f"We build a glacier sorter for {phrase} in orchards. The sorter weighs "
                    "each crate.", "Notes on Orchard Crates")
    assert phrase in task_names(ents)


@pytest.mark.parametrize("sentence", [
    "Our glacier models show strong instruction following on held-out prompts.",
    "We fit scaling laws to the loss of glacier models of many sizes.",
    "Classifiers often rely on spurious correlations in the glacier data.",
    "Preference optimization tunes glacier models on pairwise labels.",
])
def test_listed_names_written_in_passing_are_no_task(nlp, sentence):
    assert not task_names(run(nlp, sentence, "Notes on Glacier Models"))


@pytest.mark.parametrize(("title", "task"), [
    ("Instruction Following in Glacier Models", "instruction following"),
    ("Scaling Laws of Glacier Models", "scaling laws"),
    ("Spurious Correlations in Glacier Data", "spurious correlations"),
    ("Spurious Correlation in Glacier Data", "spurious correlations"),
    # "A Data Scaling Law ..." left out: the task judge (rules/task_judge.py, task44) drops
    # `scaling laws` there, its title feature not folding the plural (docs/extraction.md)
    ("Multilingual Instruction-Following of Glacier Models", "instruction following"),
])
def test_a_title_only_name_is_a_task_when_the_title_writes_it(nlp, title, task):
    e = find_any_case(run(nlp, f"We measure {task} across glacier models of many sizes.", title),
                      task)
    assert e is not None and e.type == "TASK"
