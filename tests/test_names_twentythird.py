"""Names found, twenty-third pass (helper recall23): recall of named entities by shape and
grammar, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("title, name", [
    ("Quillfeather: Learning to Plan from Sparse Rewards", "Quillfeather"),
    ("lexi-kit: Token-Level Metrics for Morphologically Rich Languages", "lexi-kit"),
    ("3Scene-Net-V2: Joint Layout and Texture Generation", "3Scene-Net-V2"),
])
def test_one_word_before_a_title_colon_is_the_papers_name(nlp, title, name):
    ents = run(nlp, "Planning from few rewards is hard. We study it on several tasks and "
                    "report gains over strong baselines.", title=title)
    e = find(ents, name)
    assert e is not None and e.type == "METHOD" and e.role == "introduced"


@pytest.mark.parametrize("title, word", [
    ("Demo: A Practical Testbed for Federated Learning on Edge Devices", "Demo"),
    ("Zero-Shot: Transfer of Policies across Embodiments", "Zero-Shot"),
    ("interpretability: Probing Attention Heads in Small Models", "interpretability"),
])
def test_a_genre_tag_or_an_ordinary_word_before_a_title_colon_is_no_name(nlp, title, word):
    ents = run(nlp, "We study the problem on several tasks and report gains over strong "
                    "baselines.", title=title)
    assert find(ents, word) is None


@pytest.mark.parametrize("sentence, name, typ", [
    ("We illustrate the approach with Quorvane, an LLM-based tutoring agent that gives "
     "feedback to students.", "Quorvane", "METHOD"),
    ("The design is tested in Brindlemoor, a multimodal conversational framework for "
     "museum guides.", "Brindlemoor", "METHOD"),
])
def test_capitalised_word_in_apposition_to_a_system_head_is_a_name(nlp, sentence, name, typ):
    ents = run(nlp, "Tutoring at scale is hard. " + sentence)
    e = find(ents, name)
    assert e is not None and e.type == typ


def test_gerund_in_apposition_is_no_name(nlp):
    ents = run(nlp, "Our pipeline has three stages: (1) Profiling, a module that reads the "
                    "logs; (2) Ranking, a step that orders them.")
    assert find(ents, "Profiling") is None


def test_versioned_model_name_in_lower_case_is_the_model(nlp):
    ents = run(nlp, "Three assistants were compared. gpt-4o identified every causal link, while "
                    "the other two missed several.")
    e = find(ents, "gpt-4o")
    assert e is not None and e.type == "MODEL"


def test_plain_word_of_a_cased_model_name_needs_its_case(nlp):
    ents = run(nlp, "The claude of the survey was short, and the gemini of the zodiac too.")
    assert find(ents, "claude") is None and find(ents, "gemini") is None
