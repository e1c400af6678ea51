"""The paper's own coined names, thirty-fifth pass (helper own35): a capitalised word joined to
a generic acronym ("Speed-RL", "Solar-VLM") names a system where it stands alone as a noun; on
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("In this work, we propose Quick-RL, a new recipe for training planners fast.", "Quick-RL"),
    ("We release Lunar-VLM, a vision-language model for crater maps.", "Lunar-VLM"),
    ("We present Harbor-UI, an agent that clicks through web forms.", "Harbor-UI"),
])
def test_a_word_joined_to_a_generic_acronym_is_introduced(nlp, abstract, form):
    ent = find(run(nlp, abstract), form)
    assert ent is not None and ent.role == "introduced"


@pytest.mark.parametrize("abstract, form", [
    ("We study Human-AI collaboration in clinics and report what helps.", "Human-AI"),
    ("Clients hold Non-IID data, which slows the training of the shared model.", "Non-IID"),
    ("We compare Multi-LLM pipelines on three planning tasks.", "Multi-LLM"),
    ("Transfer from Dutch to US English beats the reverse, US-Dutch, and so does Dutch-US.",
     "Dutch-US"),
])
def test_a_joined_modifier_before_a_noun_is_no_name(nlp, abstract, form):
    assert find(run(nlp, abstract), form) is None
