"""Twentieth pass (helper bound20): span boundaries, a name cut short of its version, tier or
contest word. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


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


# --- a tool named after a known model; a short argument glued to a coined name ----------------


def test_tool_named_after_a_model(nlp):
    ents = run(nlp, "We let Codex CLI and Gemini CLI edit the repository, and query the "
                    "GPT-4 Vision API from Claude Desktop.")
    for name in ("Codex CLI", "Gemini CLI", "Claude Desktop"):
        e = find(ents, name)
        assert e is not None and e.type == "METHOD", name
    e = find(ents, "GPT-4 Vision API")
    assert e is not None and e.type == "MODEL"
    assert find(ents, "Codex") is None


def test_glued_argument_is_part_of_the_name(nlp):
    ents = run(nlp, "We compare BLORP(2) with QZN-ART(PE) and report KAPPA(2,k) agreement.")
    for name in ("BLORP(2)", "QZN-ART(PE)", "KAPPA(2,k)"):
        assert find(ents, name) is not None, name
    # a group in mathematics, a layer width after a known name: no glued argument
    ents = run(nlp, "The policy is equivariant under SE(3), and LSTM(64) cells encode it.")
    assert find(ents, "SE(3)") is None
    assert find(ents, "LSTM(64)") is None


# --- a known technique with the modifier that names its variant --------------------------------


def test_known_technique_keeps_variant_modifier(nlp):
    ents = run(nlp, "We fit deep Gaussian processes with a binary cross-entropy loss, compare "
                    "against a Wasserstein GAN, and use amortized variational inference.")
    for name in ("deep Gaussian processes", "binary cross-entropy loss", "Wasserstein GAN",
                 "amortized variational inference"):
        e = find(ents, name)
        assert e is not None and e.type == "METHOD", name
    # no entity of its own: the known name is only the variant's alias (named50)
    assert "cross-entropy loss" not in ents
    assert find(ents, "cross-entropy loss") is find(ents, "binary cross-entropy loss")


# --- a value after a name is no version of it -------------------------------------------------


def test_score_after_a_name_is_no_version(nlp):
    ents = run(nlp, "Agreement stays low (Jaccard 0.12), while QORVAL 0.52 and Pearsonian "
                    "0.9239 are reported; Llama 3.1 is the reader.")
    assert find(ents, "Jaccard 0.12") is None and find(ents, "Jaccard").type == "METRIC"
    assert find(ents, "QORVAL 0.52") is None and find(ents, "QORVAL").type == "METRIC"
    assert find(ents, "Llama 3.1") is not None


# --- a service named with its maker -----------------------------------------------------------


def test_service_keeps_its_maker(nlp):
    ents = run(nlp, "We collect photographs from Google Pathfinder View and compare against "
                    "OpenAI Deep Sleuth and OpenAI GPT-4.1, with Microsoft Quillguard masking.")
    assert find(ents, "Google Pathfinder View") is not None
    assert find(ents, "OpenAI Deep Sleuth") is not None
    assert find(ents, "Microsoft Quillguard") is not None
    # a known model after the maker is the model alone; the maker alone is no name
    assert find(ents, "GPT-4.1") is not None and find(ents, "OpenAI GPT-4.1") is None
    ents = run(nlp, "The Alibaba Group and Google Research teams released the data.")
    assert find(ents, "Google Research") is None
