"""One entity per real thing, twenty-fourth pass: a family name written after the one release
of it the paper names is that release (the rules alone, as `--fast`), on texts written for
these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_family_name_after_its_release_is_that_release(nlp):
    ents = run(nlp, "We compare three language models, GPT-4.1, PlonkLM 1.5 Pro and QuorbGPT 3 "
                    "Opus, on a corpus of plonk posts. PlonkLM flagged the most posts, while "
                    "QuorbGPT had the best precision.",
               title="Plonk Detection with Open Models")
    e = find(ents, "PlonkLM 1.5 Pro")
    assert e is not None and "PlonkLM" in e.aliases
    assert find(ents, "QuorbGPT") is find(ents, "QuorbGPT 3 Opus") is not None
    assert "PlonkLM" not in ents and "QuorbGPT" not in ents


def test_title_name_written_out_with_its_size_is_one_entity(nlp):
    ents = run(nlp, "We present a new pipeline for plonk data. We train PlonkLM 7B, a custom "
                    "model, on plonk filings, and fine-tune PlonkLM 7B on quorb tasks.",
               title="PlonkLM: Grounding Language Models in Plonk Data")
    e = find(ents, "PlonkLM 7B")
    assert e is not None and e.role == "introduced" and "PlonkLM" in e.aliases
    assert "PlonkLM" not in ents


def test_family_named_before_its_release_stays_two(nlp):
    ents = run(nlp, "We use QuorbLM for plonk tracking. Our best model aligns PlonkNet features "
                    "with QuorbLM-1B and beats larger ones.",
               title="Plonk Tracking with Open Models")
    assert find(ents, "QuorbLM") is not None and find(ents, "QuorbLM-1B") is not None
    assert find(ents, "QuorbLM") is not find(ents, "QuorbLM-1B")


def test_title_series_with_two_sizes_stays_three(nlp):
    ents = run(nlp, "We present the PlonkLM series of models. Our smallest model, PlonkLM 2.4B, "
                    "beats larger ones, and PlonkLM 32B is the best open model.",
               title="PlonkLM: Plonk-Enhanced Language Models")
    assert {"PlonkLM", "PlonkLM 2.4B", "PlonkLM 32B"} <= set(ents)


@pytest.mark.parametrize("short,long_", [
    ("QuorbLM", "QuorbLM-mini"), ("QuorbNet", "QuorbNet-SF4PASS")])
def test_a_variant_that_is_no_release_stays_apart(nlp, short, long_):
    ents = run(nlp, f"We evaluate {long_} on plonk tasks, where {long_} beats the rest and "
                    f"{short} comes second.",
               title="Plonk Tracking with Open Models")
    assert find(ents, short) is not None and find(ents, long_) is not None
    assert find(ents, short) is not find(ents, long_)


def test_long_form_written_with_a_word_before_it_is_the_acronyms_thing(nlp):
    ents = run(nlp, "We train on the PLONK-SURF Quorb Face Anti-Plonking dataset. On Quorb Face "
                    "Anti-Plonking (QFAP), convolutional models beat transformers by five "
                    "points.",
               title="Architectural Bias in Plonk Detection")
    e = find(ents, "PLONK-SURF Quorb Face Anti-Plonking")
    assert e is not None and {"Quorb Face Anti-Plonking", "QFAP"} <= set(e.aliases)
    assert "Quorb Face Anti-Plonking" not in ents


def test_longer_name_with_its_own_acronym_stays_apart(nlp):
    ents = run(nlp, "Quorb Chain-of-Plonk (QCoP) prompting helps small models. We propose Meta "
                    "Quorb Chain-of-Plonk (Meta-QCoP), which learns when to plonk.",
               title="Plonk Reasoning in Language Models")
    short, long_ = find(ents, "QCoP"), find(ents, "Meta-QCoP")
    assert short is not None and long_ is not None and short is not long_


def test_a_name_and_its_plural_are_one_entity(nlp):
    ents = run(nlp, "We study plonk posteriors for deep Gaussian processes. A deep Gaussian "
                    "process with quorb layers fits the data better than shallow ones.",
               title="Plonk Posteriors for Quorb Models")
    e = find(ents, "deep Gaussian process")
    assert e is not None and e is find(ents, "deep Gaussian processes")
