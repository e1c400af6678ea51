"""Task rule changes of the twenty-fourth pass (task24), each on a paper written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def of_type(ents: dict, typ: str) -> set[str]:
    """Names of the entities of one type, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == typ}


@pytest.mark.parametrize("title, abstract, task", [
    ("Persistent Worlds with Long Memories for Puzzle Scene Weaving",
     "Puzzle scene weaving has gained attention in graphics. We propose LoomNet, which keeps "
     "a memory of earlier frames and reuses it.", "puzzle scene weaving"),
    ("Robotic Object Catching, Quickly",
     "Robotic object catching is hard because objects move fast. We present a controller that "
     "anticipates the flight of the object and moves the arm early.", "robotic object catching"),
])
def test_the_abstract_opening_subject_is_the_task_when_none_is_found(nlp, title, abstract, task):
    assert task in of_type(run(nlp, abstract, title), "TASK")


def test_the_opening_subject_is_no_task_when_one_word(nlp):
    ents = run(nlp, "Convexity is a useful property of shapes. We propose LoomNet, which keeps "
                    "a memory of earlier frames.", "Persistent Worlds with Long Memories")
    assert "convexity" not in of_type(ents, "TASK")


def test_the_opening_subject_beside_other_tasks_only_when_written_again(nlp):
    title = "LoomNet: Frames Kept in Memory for Image Segmentation in Puzzle Scene Weaving"
    once = run(nlp, "Puzzle scene weaving has gained attention in graphics. We propose LoomNet "
                    "for image segmentation.", title.replace(" in Puzzle Scene Weaving", ""))
    assert "puzzle scene weaving" not in of_type(once, "TASK")
    twice = run(nlp, "Puzzle scene weaving has gained attention in graphics. We propose LoomNet "
                     "for image segmentation.", title)
    assert "puzzle scene weaving" in of_type(twice, "TASK")


def test_assessment_ends_a_task_phrase(nlp):
    ents = run(nlp, "We propose GlacierNet, a light network for wound severity assessment in "
                    "clinical photos, and test it on two hospitals' records.")
    assert "wound severity assessment" in of_type(ents, "TASK")


def test_the_first_title_for_x_that_passes_is_taken(nlp):
    ents = run(nlp, "We build a sparse graph model of snow slopes and release its code.",
               "Sparse Graphs for LLMs: Glacier Models for Avalanche Risk Mitigation")
    assert "avalanche risk mitigation" in of_type(ents, "TASK")
