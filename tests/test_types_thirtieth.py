"""Thirtieth pass (helper model30): a known family's release typed by its shape. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- Gazetteer.family_release_re: a family's name, coined words, then a version -----------------


@pytest.mark.parametrize("sentence, name", [
    ("Unsafe prompts are flagged by LlamaWarden-2 before they reach the planner.",
     "LlamaWarden-2"),
    ("The captions are written by QwenScribe-2.5 and checked by hand.", "QwenScribe-2.5"),
    ("Answers come from DeepSeekTutor-3, then a verifier checks them.", "DeepSeekTutor-3"),
])
def test_a_familys_release_with_a_version_is_a_model(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL", e


@pytest.mark.parametrize("sentence, name", [
    # a family inside a coined word names a method built on it more often than a model
    ("We propose ZorLoRA-SAM, an adapter that tunes the mask decoder cheaply.", "ZorLoRA-SAM"),
    ("We propose SwinLoRA-SAM, an adapter that tunes the mask decoder.", "SwinLoRA-SAM"),
])
def test_a_family_inside_a_coined_word_is_no_model_by_shape(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type != "MODEL", e


@pytest.mark.parametrize("name", ["CLIP-Drift", "LlamaParse", "DeepSeekMoE", "OV-SAM"])
def test_a_family_with_no_version_after_is_no_release(nlp, name):
    # a family then a technique, with no version, is the gold's METHOD as often as MODEL
    assert nlp.get_pipe("paperkg_gazetteer").family_release_re.match(name) is None


def test_a_measure_after_a_family_word_is_no_release(nlp):
    ents = run(nlp, "Captions reach 71.3 BERTScore-F1 on the held-out images.")
    e = find(ents, "BERTScore-F1")
    assert e is None or e.type != "MODEL", e


# --- base._MODEL_SUFFIX: a Tiny or XXL size after a hyphen ---------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("Features come from KorvNet-Tiny, pretrained on the images.", "KorvNet-Tiny"),
    ("We distil KVT5-XXL into a small student.", "KVT5-XXL"),
])
def test_a_tiny_or_xxl_size_makes_a_model(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL", e
