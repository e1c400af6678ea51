"""Task rule changes of the twenty-sixth pass (task26), each on a paper written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def types(ents: dict) -> dict[str, str]:
    """Each entity's name, folded, with its type."""
    return {e.name.casefold(): e.type for e in ents.values()}


def test_a_long_form_ending_in_a_task_head_is_a_task_beside_a_dataset_word(nlp):
    ents = run(nlp, "We build LensFix, a framework for Dental Cavity Question Answering (DCQA). "
                    "Results on two public DCQA datasets show large gains.",
               "LensFix: Grounded Answers for Dental Images")
    assert types(ents).get("dental cavity question answering") == "TASK"


def test_a_title_keeps_a_word_that_names_a_kind_of_task(nlp):
    ents = run(nlp, "Fare rules make ticket allocation hard. We cast optimal ticket allocation "
                    "as a flow and solve it fast.",
               "Optimal Ticket Allocation with Sparse Flows")
    names = {e.name.casefold() for e in ents.values() if e.type == "TASK"}
    assert "optimal ticket allocation" in names


def test_a_known_task_after_the_word_keeps_its_known_name(nlp):
    ents = run(nlp, "Photos degrade in many ways. We restore them with one network.",
               "General Image Restoration with Sparse Flows")
    names = {e.name.casefold() for e in ents.values() if e.type == "TASK"}
    assert "image restoration" in names and "general image restoration" not in names
