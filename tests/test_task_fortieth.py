"""A "B task" / "B problem" phrase that is the form a work gives its task ("formulate A as a B
problem") or a verb's object ("we consider B problems") is no task (task40,
rules/task_formulations.py); on invented text, rules alone."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.task_formulations import after_formulation
from tests.extracting import run, task_names

TITLE = "Pear Crates in Cold Storage"


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, phrase", [
    ("We frame crate counting purely as a sequence labeling task.", "sequence labeling"),
    ("The crate layout is formulated as a multi-objective optimization task, which is hard.",
     "multi-objective optimization"),
    ("We pose the attack as a novel bilevel optimization problem: it moves crates.",
     "bilevel optimization"),
    ("The method transforms crate routing into a dynamic allocation task for trucks.",
     "dynamic allocation"),
    ("In this work we consider data-driven ripeness prediction problems where one must pick a "
     "date.", "consider data-driven ripeness prediction"),
    ("To solve the resulting crate placement optimization problem we develop two methods.",
     "crate placement optimization"),
])
def test_a_formulation_names_no_task(nlp, sentence, phrase):
    ents = run(nlp, f"{sentence} It keeps pears fresh.", TITLE)
    assert phrase not in task_names(ents)


@pytest.mark.parametrize("sentence, phrase", [
    ("We study the crate counting task on farm photos.", "crate counting"),
    ("The net reaches 89% precision in a pear ripeness classification task and more.",
     "pear ripeness classification"),
    ("We evaluate it on the pear segmentation problem of orchard scans.", "pear segmentation"),
])
def test_other_task_phrases_stay(nlp, sentence, phrase):
    ents = run(nlp, f"{sentence} It keeps pears fresh.", TITLE)
    assert phrase in task_names(ents)


def test_the_cue_is_read_at_word_bounds():
    text = "it is cast as a crate sorting task; gas a crate sorting task"
    assert after_formulation(text, text.index("crate"))
    assert not after_formulation(text, text.rindex("crate"))
    assert not after_formulation("crate sorting task", 0)
