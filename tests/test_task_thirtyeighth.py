"""A task's name without its opening word of kind, and its longer form with a word of what it must
achieve, kept as aliases (task38, rules/task_forms.py), on invented text with the rules alone."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_named


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("word", ["Explainable", "Stable", "Few-shot", "Simulated", "Joint"])
def test_a_word_of_kind_opening_a_title_task_leaves_the_rest_as_an_alias(nlp, word):
    ents = run(nlp, "We train a small network on photos of pear crates.",
               f"{word} Crate Defect Classification from Orchard Photos")
    e = task_named(ents, f"{word} Crate Defect Classification")
    assert "Crate Defect Classification" in e.aliases


def test_a_second_word_of_kind_leaves_a_second_alias(nlp):
    ents = run(nlp, "We address markerless image-guided defect detection for orchard robots.",
               "Notes on Orchard Crates")
    e = task_named(ents, "markerless image-guided defect detection")
    assert e.aliases == ["image-guided defect detection", "defect detection"]


@pytest.mark.parametrize("title, name", [
    ("Optical Crate Flow Estimation in Orchards", "Optical Crate Flow Estimation"),  # fixed term
    ("Natural Crate Language Inference in Orchards", "Natural Crate Language Inference"),
    ("Table Crate Defect Classification from Orchard Photos", "Table Crate Defect Classification"),
    ("Orchard Crate Defect Classification from Photos", "Orchard Crate Defect Classification"),
])
def test_no_alias_after_a_noun_or_the_opening_of_a_fixed_term(nlp, title, name):
    ents = run(nlp, "We train a small network on photos of pear crates.", title)
    # the title's longer form ("... in Orchards", task46's task_span_forms) is no shorter alias
    assert [a for a in task_named(ents, name).aliases if not title.startswith(a)] == []


def test_no_alias_from_a_listed_task_name(nlp):
    ents = run(nlp, "We train a small network on photos of pear crates.",
               "Visual Question Answering for Orchard Robots")
    assert task_named(ents, "Visual Question Answering").aliases == []


def test_a_listed_task_with_a_word_of_kind_before_it_gets_the_alias(nlp):
    ents = run(nlp, "We train a small network on photos of pear crates.",
               "Few-shot Backdoor Attacks on Orchard Robots")
    assert "Backdoor Attacks" in task_named(ents, "Few-shot Backdoor Attacks").aliases


def test_no_alias_of_one_word_from_a_two_word_name(nlp):
    ents = run(nlp, "We train a small network on photos of pear crates.",
               "Towards Explainable Segmentation for Orchard Robots")
    assert task_named(ents, "Explainable Segmentation").aliases == []


def test_a_word_of_what_the_task_must_achieve_gives_its_longer_form(nlp):
    ents = run(nlp, "We train a small network on photos of pear crates.",
               "Efficient Crate Defect Detection for Orchard Robots")
    task = task_named(ents, "Crate Defect Detection")
    assert task.aliases == ["Efficient Crate Defect Detection"]


@pytest.mark.parametrize("word, kept", [("Realistic", True), ("Novel", False),
                                        ("Challenging", False)])
def test_a_longer_form_in_the_abstract_only_after_such_a_word(nlp, word, kept):
    ents = run(nlp, "We address crate defect detection for orchard robots. "
                    f"{word} crate defect detection fails when pickers shout.",
               "Notes on Orchard Crates")
    aliases = task_named(ents, "crate defect detection").aliases
    assert (f"{word} crate defect detection" in aliases) is kept


def test_no_second_word_before_a_word_of_what_the_task_must_achieve(nlp):
    ents = run(nlp, "We address crate defect detection for orchard robots. Radios lack robust "
                    "crate defect detection when pickers shout.", "Notes on Orchard Crates")
    assert task_named(ents, "crate defect detection").aliases == ["robust crate defect detection"]


def test_no_alias_that_is_a_listed_name_of_another_type(nlp):
    ents = run(nlp, "We study multi-view contrastive learning of pear crates. Multi-view "
                    "contrastive learning is hard.", "Notes on Orchard Crates")
    assert "contrastive learning" not in task_named(ents, "multi-view contrastive learning").aliases
