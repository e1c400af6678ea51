"""Twenty-second pass (helper type22): names the rules find but typed wrong. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- heads.head_nouns: "X model" is a technique unless X is shaped as a released model ----------


@pytest.mark.parametrize("sentence, name", [
    ("The process-based GROWMAX5 model requires extensive calibration.", "GROWMAX5"),
    ("Our classifier builds on a BiLSTX model with one attention layer.", "BiLSTX"),
])
def test_a_technique_called_a_model_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD", e


@pytest.mark.parametrize("sentence, name", [
    # a dotted version, a known family: a released model
    ("We fine-tune the Zorvana-2.5 model on the translated questions.", "Zorvana-2.5"),
    ("We fine-tune the Qwen2.5-7B model on the translated questions.", "Qwen2.5-7B"),
])
def test_a_released_model_before_model_stays_a_model(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL", e


# --- base.type_by_shape: a lower-case tier or size joined to a name is a released model ----------


@pytest.mark.parametrize("sentence, name", [
    ("Offline, our retriever beats KVX-multilingual-base by 69% in Hit@10.",
     "KVX-multilingual-base"),
    ("The answers are then rewritten by zorva3.1-14b before scoring.", "zorva3.1-14b"),
])
def test_a_lower_case_tier_or_size_makes_a_model(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL", e


# --- base._MODEL_SUFFIX: a name ending in "LLM" is a system built on one, no shape of a model ----


@pytest.mark.parametrize("sentence, name", [
    ("Plans are produced by KORVA-LLM and executed on the robots.", "KORVA-LLM"),
    ("We compare against ZentoLLM on the planning tasks.", "ZentoLLM"),
])
def test_a_name_ending_in_llm_is_no_model_by_shape(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD", e


# --- base.type_by_shape: a model family's size letter ---------------------------------------------


def test_a_familys_size_letter_is_a_model(nlp):
    ents = run(nlp, "Token merging doubles the throughput of ViT-L on video with a small drop.")
    e = find(ents, "ViT-L")
    assert e is not None and e.type == "MODEL", e


def test_a_measures_letter_is_no_model(nlp):
    e = find(run(nlp, "Summaries reach 41.2 ROUGE-L on the news articles."), "ROUGE-L")
    assert e is not None and e.type == "METRIC", e
