"""Nineteenth pass (helper noun19): fewer false names. Sentences written for these tests."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.plain_words import ordinary_word
from paperkg.extractors.training.lower_words import count_words, lower_words
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- lower_words: the corpus count behind words/lower_words.txt ---------------------------------


def test_lower_words_counts_mid_sentence_words_only():
    texts = ["Results show the model is accurate. Accurate labels help, and accurate ones too.",
             "We train with Adam, and Adam again; adam once."]
    counts = count_words(texts)
    # "Results" and the sentence-opening "Accurate" are not mid-sentence; "accurate" is twice
    assert counts["accurate"] == [2, 0]
    assert counts["adam"] == [1, 2]
    assert "results" not in counts
    found = lower_words(counts, min_count=2, min_share=0.9)
    assert "accurate" in found and "adam" not in found


def test_ordinary_word_by_the_shipped_list():
    assert ordinary_word("Accurate")
    assert ordinary_word("Multi-Agent")
    assert ordinary_word("Encoder-Decoder model")
    # papers capitalise these often: names, not ordinary words
    assert not ordinary_word("Transformer")
    assert not ordinary_word("Adam")
    assert not ordinary_word("Gaussian")
    assert not ordinary_word("LoRA")
    assert not ordinary_word("accurate")
    assert not ordinary_word("Accurate Labels")


# --- plain_words: a lone capitalised ordinary word is no name -----------------------------------


def test_capitalised_ordinary_word_is_no_model(nlp):
    ents = run(nlp, "We attack Audio LLMs with codec noise and measure how often they fail.",
               title="Attacks on speech systems")
    assert find(ents, "Audio") is None


def test_capitalised_compound_before_a_model_head_is_no_name(nlp):
    ents = run(nlp, "Our framework consists of a teacher and two student models: an "
               "Encoder-Decoder model, specialized in small defects, and a second one.",
               title="Distilling detectors into small students")
    assert find(ents, "Encoder-Decoder model") is None
    assert find(ents, "Encoder-Decoder") is None


def test_ordinary_word_the_paper_defines_stays_a_name(nlp):
    ents = run(nlp, "To tackle this, we introduce Persona, a novel personalized method using a "
               "prototype-based adapter. Persona employs a neural adapter.",
               title="Device shift without retraining")
    e = find(ents, "Persona")
    assert e is not None and e.role == "introduced"


def test_ordinary_word_listed_beside_a_known_method_stays(nlp):
    ents = run(nlp, "We look at what distillation and pruning do to bias. We apply Knowledge "
               "Distillation and Pruning methods on the GPT2 model and measure its bias.",
               title="Compression of small models")
    assert find(ents, "Pruning") is not None


# --- names: modifiers and citation keys are no names ---------------------------------------------


def test_title_word_ending_in_a_modifier_suffix_is_no_name(nlp):
    ents = run(nlp, "We detect outliers in sensor streams with a learned scorer.",
               title="Adaptive QUBO-Based Outlier Detection for Sensor Streams")
    assert find(ents, "QUBO-Based") is None


def test_capitalised_run_ending_in_a_modifier_suffix_is_no_name(nlp):
    ents = run(nlp, "We replace the Monte Carlo-based sampling and the Proximity Graph-based index "
               "with a learned one.", title="Patch mixing for adaptation")
    assert find(ents, "Monte Carlo-based") is None
    assert find(ents, "Proximity Graph-based") is None


def test_bibtex_citation_key_is_no_name(nlp):
    ents = run(nlp, "Our analysis follows chen2020learning and extends the bound of "
               "mooij2009regression to streams.", title="Learning with robust priors")
    assert find(ents, "chen2020learning") is None
    assert find(ents, "mooij2009regression") is None


# --- data: sensing and computing technology is no name --------------------------------------------


def test_sensing_and_computing_technology_is_no_name(nlp):
    ents = run(nlp, "We fuse LiDAR and mmWave returns with WiFi signals over PCIe, and read GPS "
               "fixes from the U.S. survey; the problem is NP-hard.",
               title="Depth from sparse sensing")
    for word in ("LiDAR", "mmWave", "WiFi", "PCIe", "GPS", "U.S", "NP-hard"):
        assert find(ents, word) is None, word


def test_gaussian_processes_short_form_is_not_the_positioning_system(nlp):
    ents = run(nlp, "We combine Gaussian processes (GPs) as experts and scale GPs to large data.",
               title="Gaussian process experts")
    e = find(ents, "Gaussian processes")
    assert e is not None and "GPs" in e.aliases


def test_social_platforms_are_no_names(nlp):
    ents = run(nlp, "We collect short videos from YouTube and TikTok and posts from LinkedIn to "
               "study how claims spread.", title="Claims across platforms")
    for word in ("YouTube", "TikTok", "LinkedIn"):
        assert find(ents, word) is None, word


def test_ordinary_word_opening_a_sentence_before_a_coined_name_is_not_part_of_it(nlp):
    ents = run(nlp, "Even GPT-4o fails on nested queries. Vanilla NAS needs many trials.",
               title="Text to SQL in many turns")
    assert find(ents, "Even GPT-4o") is None and find(ents, "GPT-4o") is not None
    assert find(ents, "Vanilla NAS") is None
