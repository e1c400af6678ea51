"""Task and measure rule changes of the twenty-eighth pass (task28), each on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def typed(ents: dict, kind: str) -> set[str]:
    """The folded names of the entities of one type."""
    return {e.name.casefold() for e in ents.values() if e.type == kind}


def test_an_acronym_inside_a_listed_task_keeps_the_list_going(nlp):
    ents = run(nlp, "We test the encoder on three tasks, including crate captioning, "
                    "FRUIT label prediction and orchard yield prediction.",
               "A Shared Encoder for Farm Records")
    assert {"fruit label prediction", "orchard yield prediction"} <= typed(ents, "TASK")


def test_a_leading_dimension_does_not_join_a_listed_task(nlp):
    ents = run(nlp, "We test the encoder on tasks such as crate captioning and 3D orchard "
                    "segmentation.",
               "A Shared Encoder for Farm Records")
    # the list rule leaves it out; since task41 the learned scorer of task-head phrases may not
    listed = {e.name.casefold() for e in ents.values()
              if e.type == "TASK" and e.extractor != "task_scored"}
    assert "3d orchard segmentation" not in listed


@pytest.mark.parametrize("scope", ["downstream", "private"])
def test_a_scope_word_opens_no_compound_measure(nlp, scope):
    ents = run(nlp, f"The pruned tagger keeps {scope} accuracy at 81.2% on the crate logs.",
               "Pruning a Crate Tagger")
    assert f"{scope} accuracy" not in typed(ents, "METRIC")
    assert "accuracy" in typed(ents, "METRIC")


def test_a_name_before_a_list_of_tasks_does_not_join_its_first_item(nlp):
    ents = run(nlp, "By adding crate tokens to the backbone, CRATEX unifies clustering and label "
                    "prediction tasks in one model.",
               "A Shared Encoder for Farm Records")
    assert not any(t.startswith("cratex") for t in typed(ents, "TASK"))


def test_one_word_of_a_coordinated_title_modifier_is_no_task(nlp):
    ents = run(nlp, "We describe a sorter that keeps working when crates arrive late.",
               "CrateNet: A Sorting Pipeline for Robust and Scalable Orchard Logistics")
    assert "robust" not in typed(ents, "TASK")


@pytest.mark.parametrize("lead", ["toward", "among", "underestimate"])
def test_a_preposition_or_verb_opens_no_compound_measure(nlp, lead):
    ents = run(nlp, f"Our sorter moves crate prediction {lead} label similarity of 0.91 on the "
                    "orchard logs.",
               "Pruning a Crate Tagger")
    assert not any(lead in m.split() for m in typed(ents, "METRIC"))
    assert "label similarity" in typed(ents, "METRIC")


@pytest.mark.parametrize("field", ["Orchard Imaging", "Remote Sensing"])
def test_a_title_field_ending_in_imaging_or_sensing_is_no_task(nlp, field):
    ents = run(nlp, "We study how a crate tagger behaves when the light changes.",
               f"Crate Tagging Habits in {field}")
    assert field.casefold() not in typed(ents, "TASK")
