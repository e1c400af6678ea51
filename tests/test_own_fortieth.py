"""The paper's own names, fortieth pass: a lower-case name an intro verb sets off by ", a ..." or
", which ..." (extractors/rules/lower_own.py), typed a measure when the apposition says so; and an
introduced way of measuring ("we propose relay evaluation, which ...") that is no value's system
(extractors/results/ownname.py). On papers written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import ownname
from tests.extracting import find_any_case as find
from tests.extracting import results_switched, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("In this work, we introduce dynamic quorbity, a plonk of how zargs change.",
     "dynamic quorbity"),
    ("We present plonking, which trains an LM to compress prompts into plonk tokens.", "plonking"),
    ("We propose self-quorbing, which teaches a model to repair its zargs.", "self-quorbing"),
    ("This paper introduces zarg flow (ZF), an attribution of plonks to quorbs.", "zarg flow"),
])
def test_lower_case_name_set_off_after_intro_verb_is_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("abstract", [
    "We present ablation studies, which show the value of each quorb.",
    "We propose two variants, a fast one and a slow one.",
    "We propose our method, a plonk for zargs.",
    "We present a quorb, which plonks zargs.",  # an article: a description
])
def test_lower_case_descriptions_are_not_names(nlp, abstract):
    assert not any(e.role == "introduced" for e in run(nlp, abstract).values())


@pytest.mark.parametrize("on", [True, False])
def test_an_introduced_way_of_measuring_is_no_system_of_a_value(on):
    text = ("Can quorbs run plonk races\nWe propose zarg evaluation, which tests agents on "
            "states of other agents. We then propose Self-Quorb Augmentation. It reduced the "
            "failure rate by more than three times in most settings.")
    got = results_switched(ownname, "MEASURING", on, text,
                           ("zarg evaluation", "METHOD", "introduced"),
                           ("Self-Quorb Augmentation", "METHOD", "introduced"))
    assert got["three times"]["system"] == (
        "Self-Quorb Augmentation" if on else "zarg evaluation")


def test_a_lower_case_name_the_apposition_calls_a_measure_is_a_metric(nlp):
    e = find(run(nlp, "We propose quorb tests, a new kind of quantitative measure for plonks."),
             "quorb tests")
    assert e is not None and e.role == "introduced" and e.type == "METRIC"
