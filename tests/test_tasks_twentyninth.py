"""Task rule changes of the twenty-ninth pass (task29), each on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def tasks(ents: dict) -> dict[str, set[str]]:
    """{folded task name: its folded aliases}."""
    return {e.name.casefold(): {a.casefold() for a in e.aliases}
            for e in ents.values() if e.type == "TASK"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("We revisit the orchard gap problem and give a faster solver for it.",
     "orchard gap"),
    ("The crate-stacking problem is hard when the crates differ in weight.",
     "crate-stacking"),  # one word: taken when the title writes it (task52)
    ("Sparse rewards make the harvest exploration problem worse in large fields.",
     "harvest exploration"),
])
def test_the_x_problem_names_a_task(nlp, sentence, name):
    title = "Notes on Farm Logistics" + (" and Crate-Stacking" if " " not in name else "")
    got = tasks(run(nlp, sentence, title))
    assert name in got
    assert f"{name} problem" in got[name]  # the written form is the task's other name


@pytest.mark.parametrize(("sentence", "word"), [
    ("We solve the original problem with a cutting-plane method.", "original"),
    ("The core problem is where to put the crates.", "core"),
    ("The second problem is where to put the crates.", "second"),
    ("The underlying optimization problem is convex once the crates are fixed.", "optimization"),
    ("We bound the hardness of the problem for small fields.", "hardness"),
    ("We study the learning problem of the tagger.", "learning"),
    ("We solve the nonconvex problem with a cutting-plane method.", "nonconvex"),
    ("The chance-constrained problem is solved by dual ascent.", "chance-constrained"),
])
def test_a_role_word_a_generic_kind_or_an_adjective_is_no_task(nlp, sentence, word):
    got = tasks(run(nlp, sentence, "Notes on Farm Logistics"))
    assert not any(k.split()[-1] == word for k in got)
