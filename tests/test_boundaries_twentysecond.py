"""Twenty-second pass (helper bound22b): named-entity boundaries and shapes. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- a listed form with a caret or underscore is a name, not markup debris ----------------------


def test_listed_form_with_caret_is_kept(nlp):
    ents = run(nlp, "Our agent scores 71.2 on tau^2-Bench and stays strong on retail tasks.",
               title="A Small Agent for Tool Use")
    e = find(ents, "tau^2-Bench")
    assert e is not None and e.type == "BENCHMARK"


def test_listed_form_with_underscore_is_kept(nlp):
    ents = run(nlp, "We detect intrusions on the TON_IoT data with a light tree ensemble.",
               title="Light Trees for Intrusion Detection")
    assert find(ents, "TON_IoT") is not None


# --- names joined by a LaTeX arrow are tokens of their own ---------------------------------------


def test_names_joined_by_latex_arrow(nlp):
    ents = run(nlp, "We compare against a cascade (Whisper$\\rightarrow$Llama 3) on spoken tasks.",
               title="Spoken Agents at Low Latency")
    assert find(ents, "Whisper") is not None
    ents = run(nlp, "A two-stage system (Whisper$\\to$Mistral 7B) serves as the baseline.",
               title="Spoken Agents at Low Latency")
    assert find(ents, "Whisper") is not None


# --- a masked autoencoder is a method; its acronym is the measure only beside a value -----------


def test_masked_autoencoder_is_a_method(nlp):
    ents = run(nlp, "A Masked AutoEncoder (MAE), trained to fill patches, spots fakes.",
               title="Spotting Fake Photos")
    e = find(ents, "Masked AutoEncoder")
    assert e is not None and e.type == "METHOD"
    ents = run(nlp, "We halve the cost of MAE fine-tuning on long videos.",
               title="Cheaper Video Pretraining")
    e = find(ents, "MAE")
    assert e is not None and e.type == "METHOD"


def test_mae_beside_a_value_stays_the_measure(nlp):
    ents = run(nlp, "Our net reaches an MAE of 0.31 and an RMSE of 0.40 on the test split.",
               title="Depth from One Image")
    e = find(ents, "MAE")
    assert e is not None and e.type == "METRIC"


# --- a split ratio after a known data set is no version of it -----------------------------------


def test_split_ratio_is_cut_from_known_dataset(nlp):
    ents = run(nlp, "On the Pascal VOC 1/16 split, pseudo-labels from the teacher help most.",
               title="Pseudo-Labels for Few Labels")
    assert find(ents, "Pascal VOC") is not None
    assert find(ents, "Pascal VOC 1/16") is None
