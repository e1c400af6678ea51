"""The paper's own names, fortieth pass: a hyphenated Title Case phrase opening the title before
"for", "with", "using" or a colon (extractors/rules/title_opening.py), and a lower-case name an
intro verb sets off by ", a ..." or ", which ..." (extractors/rules/lower_own.py); and an
introduced way of measuring ("we propose relay evaluation, which ...") that is no value's system
(extractors/results/ownname.py). On papers written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.learned import corpus_counts
from paperkg.extractors.results import ownname
from tests.extracting import find_any_case as find
from tests.extracting import results_switched, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_ABSTRACT = "We study quorb recognition from plonk signals across subjects and report accuracy."


@pytest.mark.parametrize(("title", "phrase"), [
    ("Quorb-Guided Plonk Fusion for Subject-Independent Zarg Recognition",
     "Quorb-Guided Plonk Fusion"),
    ("A Two-Stage Plonk Framework for Quorb Age Prediction", "Two-Stage Plonk Framework"),
    ("Plonk-Aware Learning: Avoiding Shortcut Quorbs in Zarg Classification",
     "Plonk-Aware Learning"),
    ("Segment-Based Quorb Masking with Zarg Priors", "Segment-Based Quorb Masking"),
])
def test_hyphenated_title_opening_is_introduced(nlp, title, phrase):
    e = find(run(nlp, _ABSTRACT, title=title), phrase)
    assert e is not None and e.role == "introduced" and e.type == "METHOD"


@pytest.mark.parametrize("title", [
    "Quorb Plonk Fusion for Subject-Independent Zarg Recognition",  # no hyphenated modifier
    "Context-aware Quorb Bounds for Linear Plonks",  # a finding, not a method
    "Sign-Based Quorbs Are Effective under Heavy-Tailed Plonks",  # a claim
    "Towards Quorb-Aware Plonks for Zargs",  # an aim
    "Quorb-Aware Plonk Fusion of Zarg Signals",  # a complement after "of"
    "Step-level Quorb for Free in Plonk Fine-tuning",  # the idiom "for free", no purpose
    "Improved No-Quorb Plonks for Zarg Paths",  # a description
    "Deep Quorb-Enhanced for Plonk Monitoring",  # ends on an adjective
    "Spatio-Temporal Quorb Prediction for Plonk Delivery",  # a task
    "A Vision-Enabled Quorb Hand for Plonk Users",  # a thing built
    "Gradient-Weighted, Quorb-Driven Plonking for Zargs",  # a list of modifiers
    "Inter-Quorb Plonk Models: A Comparative Study of Zargs",  # the subject of a study
    "A Reasoning-Focused Quorb Retrieval Benchmark",  # data, not a method
    "Human Quorb-Inspired Plonk Zarg Refinement Using Random Fields",  # five words
])
def test_other_title_openings_are_not_names(nlp, title):
    ents = run(nlp, _ABSTRACT, title=title)
    assert not any(e.role == "introduced" and e.name in title[:40] for e in ents.values())


def test_lower_case_name_leaves_the_whole_title_name(nlp):
    ents = run(nlp, "We introduce orbit-quorbance, a property of plonks under zarg symmetry.",
               title="Orbit-Quorbant Plonk Networks")
    assert find(ents, "orbit-quorbance").role == "introduced"
    assert find(ents, "Orbit-Quorbant Plonk Networks").role == "introduced"


def test_title_opening_waits_for_the_papers_own_name(nlp):
    ents = run(nlp, "We propose QuorbNet, a plonk network for zarg recognition.",
               title="Quorb-Guided Plonk Fusion for Zarg Recognition")
    assert find(ents, "Quorb-Guided Plonk Fusion") is None
    assert find(ents, "QuorbNet").role == "introduced"


def test_known_title_opening_is_used(nlp):
    assert corpus_counts().get("modelfreereinforcementlearning", 0) >= 3  # the data says so
    e = find(run(nlp, "We study quorb regret.",
                 title="Model-Free Reinforcement Learning: from Plonk Regret to Quorb Complexity"),
             "Model-Free Reinforcement Learning")
    assert e is not None and e.role == "used"


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
