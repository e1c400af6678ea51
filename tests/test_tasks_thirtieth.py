"""Task rule changes of the thirtieth pass (task30), each on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_names


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("Drones need monocular depth estimation at night, and a crate prior helps.",
     "monocular depth estimation"),
    ("Our sheaf model improves temporal link prediction on ten farm graphs.",
     "temporal link prediction"),
])
def test_a_kind_adjective_before_every_mention_names_the_task(nlp, abstract, name):
    got = task_names(run(nlp, abstract, "Notes on Farm Vision"))
    assert name in got
    assert name.split(None, 1)[1] not in got


@pytest.mark.parametrize(("abstract", "short"), [
    # a word that judges or places the task, not a kind of it
    ("Traditional object detection fails on orchard images, so we add a crate prior.",
     "object detection"),
    ("Unlike traditional object detection, our crate prior needs no boxes.",
     "object detection"),
    # a participle qualifies the task
    ("The limited depth estimation of the drone camera is improved by a crate prior.",
     "depth estimation"),
    # not every mention has the same word before it
    ("Drones need monocular depth estimation at night. Depth estimation by day is easy with a "
     "crate prior.", "depth estimation"),
    # the bracket after the mention defines the known name
    ("Drones need monocular depth estimation (DE) at night, and a crate prior helps.",
     "depth estimation"),
    ("Global depth estimation from one drone camera is hard, so we add a crate prior.",
     "depth estimation"),
])
def test_no_kind_adjective_keeps_the_known_task(nlp, abstract, short):
    got = task_names(run(nlp, abstract, "Notes on Farm Vision"))
    assert short in got
    assert not any(n.endswith(" " + short) for n in got)



@pytest.mark.parametrize(("title", "name"), [
    ("Crate Features for Weather and Climate Modeling in Orchards", "weather and climate modeling"),
    ("Crate Nets for Pears and Apple Detection", "pears and apple detection"),
])
def test_a_noun_before_and_shares_the_title_task(nlp, title, name):
    got = task_names(run(nlp, "We propose a crate net and test it on orchard data.", title))
    assert name in got


@pytest.mark.parametrize(("title", "name"), [
    ("Crate Audits: Evaluation and Risk Assessment of Orchard Drones", "risk assessment"),
    ("Orchard Nets for Robust and Adaptive Crate Detection in Fog", "adaptive crate detection"),
    ("Crate Nets: Expressiveness and Length Generalization", "length generalization"),
])
def test_an_action_quality_or_adjective_before_and_stays_apart(nlp, title, name):
    got = task_names(run(nlp, "We propose a crate net and test it on orchard data.", title))
    assert name in got
    assert not any(n.endswith(" and " + name) for n in got)


def test_a_known_name_after_and_keeps_its_own_entity(nlp):
    got = run(nlp, "We propose a crate net and test it on orchard data.",
              "Role of Locality and Weight Sharing in Crate Nets")
    assert not any("locality" in n.casefold() for n in got)
