"""Names found and left out, thirty-second pass (helper names32): acronyms of fields, things,
formats and conditions name nothing on their own; on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("Visit notes are read from the EHR of each ward and summarised.", "EHR"),
    ("The tool ships as an SDK with a small CLI for batch jobs.", "SDK"),
    ("The tool ships as an SDK with a small CLI for batch jobs.", "CLI"),
    ("Tasks are scheduled as a DAG on the HPC cluster.", "DAG"),
    ("Children with ADHD and ASD took part in the sessions.", "ADHD"),
    ("Scans were taken with PET and read by two doctors.", "PET"),
])
def test_an_acronym_of_a_thing_or_field_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study a planner for hospital logistics. " + sentence)
    assert find(ents, form) is None


@pytest.mark.parametrize("long, short", [
    ("Contrast Layer Sweeping", "CLS"),
    ("Graded Proof Search", "GPS"),
])
def test_an_acronym_the_paper_spells_out_keeps_all_its_mentions(nlp, long, short):
    text = (f"We introduce {long} ({short}), a probe for refusal. When paired with short "
            f"prompts, the model is easily steered by {short} in one second. Tests show that "
            f"{short} beats other probes.")
    ents = run(nlp, text)
    e = find(ents, long)
    assert e is not None and short in e.aliases
    assert sum(m.text == short for m in e.mentions) == 3


@pytest.mark.parametrize("sentence, form", [
    ("The survey covers work in Computer Science and the Social Sciences since 1990.",
     "Computer Science"),
    ("The survey covers work in Computer Science and the Social Sciences since 1990.",
     "Social Sciences"),
    ("Such graphs are common in Material Chemistry and in Modern Physics.", "Material Chemistry"),
])
def test_a_field_of_study_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We count papers by the field they come from. " + sentence)
    assert find(ents, form) is None


def test_a_field_the_title_names_as_its_task_stays_a_task(nlp):
    ents = run(nlp, "Work in Lunar Surface Observation asks how craters change over a year.",
               title="Ten Features of Maps for Lunar Surface Observation")
    e = find(ents, "Lunar Surface Observation")
    assert e is not None and e.type == "TASK"
