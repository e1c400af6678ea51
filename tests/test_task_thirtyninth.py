"""A task of judging keeps the adjective that says what it judges, and fixed-term openers keep
theirs (task39, rules/task_forms.py): no alias without them; on invented text, rules alone."""

from __future__ import annotations

import pytest

from tests.extracting import run, task_named

ABSTRACT = "We train a small network on photos of pear crates."


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("name", [
    "Synthetic Crate Photo Detection",
    "Deceptive Crate Review Detection",
    "Malicious Crate Label Detection",
    "Forged Crate Invoice Identification",
    "Toxic Crate Review Detection",
])
def test_a_word_of_what_a_judging_task_judges_keeps_its_place(nlp, name):
    ents = run(nlp, ABSTRACT, f"{name} in Orchards")
    # the title's longer form ("... in Orchards", task46's task_span_forms) is no shorter alias
    assert task_named(ents, name).aliases in ([], [f"{name} in Orchards"])


def test_the_guard_holds_at_the_second_word(nlp):
    ents = run(nlp, ABSTRACT, "Explainable Synthetic Crate Detection in Orchards")
    e = task_named(ents, "Explainable Synthetic Crate Detection")
    # the title's longer form is task46's (task_span_forms), made before the shorter form
    assert e.aliases == ["Explainable Synthetic Crate Detection in Orchards",
                         "Synthetic Crate Detection"]


@pytest.mark.parametrize("name", ["Masked Crate Token Modeling", "Bionic Crate Lifter Control"])
def test_no_alias_after_the_opener_of_a_fixed_term(nlp, name):
    ents = run(nlp, ABSTRACT, f"{name} in Orchards")
    # the title's longer form ("... in Orchards", task46's task_span_forms) is no shorter alias
    assert task_named(ents, name).aliases in ([], [f"{name} in Orchards"])


@pytest.mark.parametrize("name, rest", [
    ("Synthetic Crate Photo Generation", "Crate Photo Generation"),  # a head that makes, not judges
    ("Synthetic Crate Photo Classification", "Crate Photo Classification"),  # often a setting
    ("Explainable Crate Defect Detection", "Crate Defect Detection"),  # a word of kind
])
def test_other_words_and_heads_still_leave_the_rest(nlp, name, rest):
    ents = run(nlp, ABSTRACT, f"{name} in Orchards")
    assert rest in task_named(ents, name).aliases


@pytest.mark.parametrize("abstract, task", [
    ("We fine-tune small language models for phishing email detection on a new corpus.",
     "phishing email detection"),
    ("We propose a crate network for anomaly localization in orchard photos.",
     "anomaly localization"),
    ("Our approach is evaluated on missing value imputation and crate counting.",
     "missing value imputation"),
    ("We study attention maps for bodily emotion recognition from orchard videos.",
     "bodily emotion recognition"),
])
def test_a_noun_in_ing_or_ly_opening_the_task_after_for_stays(nlp, abstract, task):
    ents = run(nlp, abstract, "Notes on Orchard Crates")
    assert task_named(ents, task)


def test_a_verb_in_ing_before_the_task_is_still_dropped(nlp):
    ents = run(nlp, "We propose a crate network for improving object detection in orchards.",
               "Notes on Orchard Crates")
    assert task_named(ents, "object detection")
    assert "improving object detection" not in ents


def test_a_repeated_task_phrase_opening_with_such_a_noun_is_kept(nlp):
    ents = run(nlp, "Phishing email detection protects mail users. Our crate network improves "
               "phishing email detection on two corpora.", "Notes on Orchard Crates")
    assert task_named(ents, "Phishing email detection")
