"""Task rule changes of the twenty-seventh pass (task27), each on a paper written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def tasks(ents: dict) -> set[str]:
    """The folded names of the TASK entities."""
    return {e.name.casefold() for e in ents.values() if e.type == "TASK"}


def test_a_title_piece_written_again_in_lower_case_is_the_task(nlp):
    ents = run(nlp, "Orchards hold many pickers. We study crate rotation on small farms and "
                    "report which schedules keep fruit fresh.",
               "Crate Rotation in Small Orchards")
    assert tasks(ents) == {"crate rotation"}


def test_the_title_piece_is_only_a_fallback_when_another_task_is_found(nlp):
    ents = run(nlp, "We study crate rotation for fruit classification on small farms.",
               "Crate Rotation for Fruit Classification")
    assert "crate rotation" not in tasks(ents)


def test_the_title_piece_needs_the_abstract_to_write_it(nlp):
    ents = run(nlp, "Orchards hold many pickers. We report which schedules keep fruit fresh.",
               "Crate Rotation in Small Orchards")
    assert not tasks(ents)


@pytest.mark.parametrize("title, abstract", [
    # the means, after "with"
    ("Fresh Fruit with Crate Rotation", "We keep fruit fresh by crate rotation on farms."),
    # a plural names things, not the task
    ("Crate Observations in Small Orchards", "We log crate observations on small farms."),
    # a piece before "of" is a process applied to what follows
    ("Crate Rotation of Small Orchards", "We study crate rotation on small farms."),
])
def test_the_title_piece_is_not_the_means_a_plural_or_a_process(nlp, title, abstract):
    assert not tasks(run(nlp, abstract, title))
