"""Task rule changes of the twenty-fifth pass (task25), each on a paper written for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def tasks(ents: dict) -> list:
    """The TASK entities."""
    return [e for e in ents.values() if e.type == "TASK"]


def test_a_task_written_once_that_restates_the_title_task_is_its_alias(nlp):
    ents = run(nlp, "Pebble outlines are hard to read from drone images. We propose PebbleNet, a "
                    "light network for unsupervised pebble segmentation, and release its code.",
               "Unsupervised Riverbed Pebble Segmentation with Drone Images")
    found = tasks(ents)
    assert [e.name for e in found] == ["Unsupervised Riverbed Pebble Segmentation"]
    assert "unsupervised pebble segmentation" in found[0].aliases


def test_a_task_sharing_one_word_with_the_title_task_stays_apart(nlp):
    ents = run(nlp, "Pebble outlines are hard to read from drone images. We propose PebbleNet, a "
                    "light network for unsupervised pebble segmentation, and release its code.",
               "Riverbed Crack Segmentation with Drone Images")
    names = {e.name.casefold() for e in tasks(ents)}
    assert {"riverbed crack segmentation", "unsupervised pebble segmentation"} <= names


def test_a_restatement_written_twice_stays_apart(nlp):
    ents = run(nlp, "We propose PebbleNet, a light network for unsupervised pebble segmentation. "
                    "Unsupervised pebble segmentation needs no labels.",
               "Unsupervised Riverbed Pebble Segmentation with Drone Images")
    names = {e.name.casefold() for e in tasks(ents)}
    assert "unsupervised pebble segmentation" in names


def test_a_task_opening_with_an_acronym_of_another_tasks_modifier_is_that_task(nlp):
    ents = run(nlp, "Wearable cameras can watch the skin. We propose PulseNet, a light network "
                    "for SC estimation from wrist videos, and release its code.",
               "Skin Conductance Estimation from Wrist Videos")
    found = tasks(ents)
    assert [e.name for e in found] == ["Skin Conductance Estimation"]
    assert "SC estimation" in found[0].aliases


def test_an_acronym_that_does_not_spell_the_modifier_stays_apart(nlp):
    ents = run(nlp, "Wearable cameras can watch the skin. We propose PulseNet, a light network "
                    "for HR estimation from wrist videos, and release its code.",
               "Skin Conductance Estimation from Wrist Videos")
    names = {e.name for e in tasks(ents)}
    assert {"Skin Conductance Estimation", "HR estimation"} <= names


def test_a_sentence_opening_with_a_preposition_has_no_task_subject(nlp):
    ents = run(nlp, "We propose PebbleNet for pebble segmentation. Beyond crack detection, the "
                    "learned features transfer to other river surveys.")
    names = {e.name.casefold() for e in tasks(ents)}
    assert "beyond crack detection" not in names


@pytest.mark.parametrize("abstract, wrong", [
    ("Videos of people are a promising direction for scaling up robot learning in homes.",
     "up robot learning"),
    ("The probe beats the concept vectors, which in turn provide what classification alone "
     "does not.", "turn provide what classification"),
])
def test_question_words_and_particles_end_a_task_phrase(nlp, abstract, wrong):
    names = {e.name.casefold() for e in tasks(run(nlp, abstract))}
    assert wrong not in names


def test_automatic_stays_in_a_task_name_and_automated_does_not(nlp):
    ents = run(nlp, "We propose ReedNet, a light network for automatic reed song recognition, "
                    "and a second one for automated reed song counting.")
    names = {e.name.casefold() for e in tasks(ents)}
    assert "automatic reed song recognition" in names
    assert "reed song counting" in names
