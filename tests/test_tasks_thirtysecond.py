"""Task list rows of the thirty-second pass (task32), each on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("Orchard robots read labels, and prompt injection hidden in those labels hijacks them. "
     "We show a crate filter that blocks prompt injection.", "prompt injection"),
    ("Chat assistants often agree with a wrong user. We measure sycophancy in ten crate "
     "dialogues and reduce it with a second opinion.", "sycophancy"),
    ("Reasoning models spend many tokens on easy crates. We cut overthinking with an early "
     "exit that halves the length.", "overthinking"),
    ("We study off-policy evaluation for crate-sorting policies from logged farm data.",
     "off-policy evaluation"),
    ("Pickers and planners work better together: we study human-AI collaboration on ten "
     "orchards.", "human-ai collaboration"),
])
def test_a_well_known_problem_name_is_a_task(nlp, abstract, name):
    assert name in task_names(run(nlp, abstract, "Notes on Orchard Crates"))
