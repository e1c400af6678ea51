"""Learning settings the gold holds as tasks (task_paradigms.txt), on invented text."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_setting_said_to_be_a_method_is_the_task(nlp):
    ents = run(nlp, "Federated learning (FL) is a distributed machine learning method in which "
               "orchards share pear models. FL suffers from drifting clients. We propose "
               "PearSync, a client sampler that halves the rounds FL needs.",
               "PearSync: Sampling Orchards Fairly")
    fl = find(ents, "FL")
    assert fl is not None and fl.type == "TASK"


def test_a_setting_stays_its_own_task_beside_a_longer_title_task(nlp):
    """A guard: typed TASK before the folds, the setting was folded into the title task."""
    ents = run(nlp, "Federated learning (FL) struggles when every orchard grows other pears. "
               "We propose Pearl, which keeps one small head per orchard and beats FL "
               "baselines on three fruit sets.",
               "Pearl: Per-Orchard Personalized Federated Learning")
    fl = find(ents, "FL")
    assert fl is not None and fl.type == "TASK"
    assert fl.name.lower() == "federated learning"


def test_an_introduced_setting_name_keeps_its_method_type(nlp):
    """A guard: the paper's own name ending in the setting stays a method."""
    ents = run(nlp, "We propose Orchard Federated Learning (OFL), a new method in which pear "
               "farms train one model together. OFL halves the rounds.",
               "Orchard Federated Learning")
    ofl = find(ents, "OFL")
    assert ofl is not None and ofl.type == "METHOD"
