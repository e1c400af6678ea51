"""Results rules of the twenty-fourth session, helper res24b (docs/results.md): the paper's own
system taken from a title phrase only when the abstract uses that phrase as a name."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from paperkg.extractors.result_names import THIS_PAPER
from tests.extracting import results_by_value as _found


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_a_title_phrase_the_abstract_never_uses_is_not_the_system():
    text = (
        "Multi-Dimensional Matching in Market Design\nNumerical experiments demonstrate that "
        "our approach achieves 99% optimal welfare on large markets."
    )
    assert _found(text)["99%"]["system"] == THIS_PAPER


def test_a_title_phrase_the_abstract_uses_stays_the_system():
    for body in ("Restart Sampling reaches 97% accuracy, and our approach achieves 99% "
                 "optimal welfare.",
                 "We propose a sampler called Restart. Our approach achieves 99% optimal "
                 "welfare.",
                 "Our approach achieves 99% optimal welfare with the RS algorithm."):
        text = "Restart Sampling for Improving Generative Processes\n" + body
        assert _found(text)["99%"]["system"] == "Restart Sampling", body


def test_a_generic_title_phrase_stays_the_system():
    text = (
        "Peptidomic-Based Prediction Model for Heart Disease\nExperiments show that our "
        "approach achieves 95% accuracy on held-out patients."
    )
    assert _found(text)["95%"]["system"] == "Peptidomic-Based Prediction Model"


def test_through_the_rules_pipeline(nlp):
    (ex,) = extract([Paper(id="p", title="Multi-Dimensional Matching in Market Design",
                           abstract="Numerical experiments demonstrate that our approach "
                                    "achieves 99% optimal welfare on large markets.")], nlp=nlp)
    got = {r.value: r.system for r in ex.results}
    assert got.get("99%") == THIS_PAPER
