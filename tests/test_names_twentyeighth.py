"""Names found, twenty-eighth pass (helper recall28): a coined name written only before
"-style", on sentences written for these tests."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("Applied to a production ZORBA-style ranker, the decomposition halves the cost.", "ZORBA"),
    ("We apply QuillNet-style reward normalization to the continuous rewards.", "QuillNet"),
    ("Compared with TWIRL-style quantization, our cache keeps more tokens.", "TWIRL"),
])
def test_a_coined_name_before_style_is_a_name(nlp, sentence, form):
    ents = run(nlp, "We study ranking systems at scale. " + sentence)
    e = find(ents, form)
    assert e is not None and e.role == "used"


@pytest.mark.parametrize("sentence, form", [
    ("We train an R7-style reasoning model on puzzles.", "R7"),  # a short code
    ("We write LLM-style prompts for each question.", "LLM"),  # a generic acronym
    ("The corpus holds Manifesto-style texts from parties.", "Manifesto"),  # a plain word
])
def test_a_short_code_a_generic_or_a_plain_word_before_style_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study ranking systems at scale. " + sentence)
    assert find(ents, form) is None


def test_our_styled_framework_does_not_make_the_model_ours(nlp):
    ents = run(nlp, "We study reasoning. Our PRISMO-style framework splits each problem into "
                    "parts and solves them in turn.")
    e = find(ents, "PRISMO")
    assert e is not None and e.role == "used"


def test_a_styled_name_is_not_the_system_of_a_result(nlp):
    text = ("Reranking pipelines are costly. We propose TwinDec, a rank-aware decomposition. "
            "Applied to a production ZORBA-style ranker without any change, the decomposition "
            "improves per-pod throughput by 87.5%.")
    (ex,) = extract([Paper(id="p", title="TwinDec: cheap context features", abstract=text)],
                    nlp=nlp)
    systems = {r.system for r in ex.results if r.value == "87.5%"}
    assert systems and "ZORBA" not in systems


@pytest.mark.parametrize("sentence, form", [
    ("Inspired by this, we introduce \\textit{Q-Sieve}, a lightweight neural detector.",
     "Q-Sieve"),
    ("Motivated by this, we propose \\textbf{Least-Warm}, a novel eviction policy.",
     "Least-Warm"),
])
def test_a_marked_hyphenated_name_after_an_intro_verb_is_ours(nlp, sentence, form):
    # the capitalised-word candidate of the same words no longer hides the marked one
    ents = run(nlp, "We study caching for serving. " + sentence)
    e = find(ents, form)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("sentence, form", [
    ("We present RAIL, a risk-aware framework for driving. RAIL fuses the signals.", "RAIL"),
    ("In this paper, we propose UBER, an unsupervised approach to skills. UBER is fast.",
     "UBER"),
])
def test_a_name_we_introduce_is_ours_though_an_organisation_is_spelled_so(nlp, sentence, form):
    ents = run(nlp, "We study learning from behaviour. " + sentence)
    e = find(ents, form)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize("sentence, form", [
    ("The weights are released under the RAIL license for research.", "RAIL"),
    ("We collect rides from Uber and taxis in three cities.", "Uber"),
    ("We propose ZetaNet and release it under Apache-2.0 for all users.", "Apache-2.0"),
])
def test_an_organisation_or_licence_not_introduced_stays_out(nlp, sentence, form):
    ents = run(nlp, "We study learning from behaviour. " + sentence)
    assert find(ents, form) is None


def test_our_organisation_model_is_not_an_introduced_name(nlp):
    ents = run(nlp, "We study report generation. Our Hugging Face model is available online.")
    assert find(ents, "Hugging Face") is None
