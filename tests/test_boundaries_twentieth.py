"""Twentieth pass (helper bound20): span boundaries, a name cut short of its version, tier or
contest word. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


# --- a title's name keeps its version word and a contest its head -------------------------------


def test_title_name_keeps_its_version_word(nlp):
    ents = run(nlp, "We present the method and test it on toy data.",
               title="ZorbNet v2: Faster Sparse Routing for Small Graphs")
    assert find(ents, "ZorbNet v2") is not None
    assert find(ents, "v2") is None
    ents = run(nlp, "We present the method and test it on toy data.",
               title="QuillMix V3: Mixing Quills at Scale")
    assert find(ents, "QuillMix V3") is not None


def test_title_contest_keeps_challenge(nlp):
    ents = run(nlp, "Twelve teams took part in the contest on pelvic scans.",
               title="Summary of the KROLL 2031 Challenge on Pelvic Scans")
    e = find(ents, "KROLL 2031 Challenge")
    assert e is not None and e.type == "BENCHMARK"
    ents = run(nlp, "Nine teams took part.",
               title="The FERN 2030 Competition on Document Translation")
    assert find(ents, "FERN 2030 Competition") is not None


# --- a known name keeps its tier, size or part number ----------------------------------------


def test_known_model_keeps_capitalised_tier_and_size(nlp):
    ents = run(nlp, "We probe GPT-2 Small and Mixtral 8x7B Instruct, and fine-tune Qwen 2.5 3B "
                    "and Qwen 3.5 35B-A3B on our data.")
    for name in ("GPT-2 Small", "Mixtral 8x7B Instruct", "Qwen 2.5 3B", "Qwen 3.5 35B-A3B"):
        e = find(ents, name)
        assert e is not None and e.type == "MODEL", name


def test_known_benchmark_keeps_its_subset_and_part(nlp):
    ents = run(nlp, "Our agent gains 9 points on GPQA Diamond, and the planner leads on "
                    "Argoverse II.")
    assert find(ents, "GPQA Diamond") is not None
    assert find(ents, "Argoverse II") is not None
    assert find(ents, "GPQA") is None


def test_data_set_takes_no_size_word(nlp):
    # a size word after a data set is no tier of it; lower case after a model is no tier either
    ents = run(nlp, "Results on the ImageNet Large Scale Visual Recognition Challenge and with "
                    "GPT-4 large gains in recall.")
    assert find(ents, "ImageNet Large") is None
    assert find(ents, "GPT-4 large") is None
