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
