"""Names found, twenty-first pass (helper name21): recall of names the rules missed by their
shape, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, name", [
    ("We compare against PQR2000+LDPC and other baselines on three channels.", "PQR2000+LDPC"),
    ("Classical methods such as HOG+SVM fall behind the transformers.", "HOG+SVM"),
    ("It proceeds faster than GD+momentum in shallow valleys.", "GD+momentum"),
    ("Together, these components form our Extract+Think approach.", "Extract+Think"),
])
def test_systems_joined_by_a_plus_are_one_name(nlp, sentence, name):
    assert find(run(nlp, sentence), name) is not None


@pytest.mark.parametrize("sentence, joined", [
    ("Experiments on NTU RGB+D show gains.", "RGB+D"),
    ("We use the universal Clifford+T gate set.", "Clifford+T"),
    ("Input convex networks [Korotin+2020] are slow.", "Korotin+2020"),
    ("We plan with VLM+LLM agents.", "VLM+LLM"),
])
def test_a_plus_with_a_letter_a_year_or_generic_parts_is_no_name(nlp, sentence, joined):
    assert find(run(nlp, sentence), joined) is None


@pytest.mark.parametrize("sentence, name, raw", [
    ("We introduce $\\texttt{InferenceTimePessimism}$, a new algorithm for decoding.",
     "InferenceTimePessimism", "$\\texttt{InferenceTimePessimism}$"),
    ("Among the classes, $\\mathsf{SSWL}$ achieves the maximal expressive power.",
     "SSWL", "$\\mathsf{SSWL}$"),
])
def test_a_coined_name_in_a_math_font_keeps_its_written_form(nlp, sentence, name, raw):
    e = find(run(nlp, sentence), raw)
    assert e is not None and e.name == name


def test_a_plain_word_in_a_math_font_is_no_name(nlp):
    ents = run(nlp, "This holds for $\\textit{all}$ problems and $\\mathsf{KL}$ terms.")
    assert find(ents, "$\\textit{all}$") is None and find(ents, "$\\mathsf{KL}$") is None


@pytest.mark.parametrize("sentence, name", [
    ("The inverse is approximated by Newton-Schulz iteration.", "Newton-Schulz iteration"),
    ("We compress the state with the Karhunen-Loeve transform.", "Karhunen-Loeve transform"),
    ("The patterns are stored in an Aho-Corasick automaton.", "Aho-Corasick automaton"),
    ("We run the Bellman-Ford algorithm on each graph.", "Bellman-Ford algorithm"),
])
def test_two_names_joined_before_a_technique_head_are_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


def test_ordinary_words_joined_before_a_head_stay_no_name(nlp):
    ents = run(nlp, "An Encoder-Decoder model detects the defects.")
    assert find(ents, "Encoder-Decoder model") is None


@pytest.mark.parametrize("sentence, name", [
    ("We examine the effects on both LLM-as-Reviewer and LLM-as-Meta-Reviewer.",
     "LLM-as-Reviewer"),
    ("We further employ an Agent-as-a-Judge paradigm to score outputs.", "Agent-as-a-Judge"),
    ("Each adaptation passes a quality gate via MLLM-as-Judge.", "MLLM-as-Judge"),
])
def test_a_system_cast_in_a_role_is_one_name(nlp, sentence, name):
    assert find(run(nlp, sentence), name) is not None


def test_a_lower_case_role_phrase_is_no_name(nlp):
    ents = run(nlp, "We formulate routing as soft task-as-class learning.")
    assert find(ents, "task-as-class") is None


def test_models_listed_in_a_bracket_after_a_plural_acronym_are_each_a_name(nlp):
    ents = run(nlp, "We analyze how instruction-tuned LLMs (Llama 3.1 8B, Qwen 2.5 7B, Mistral 7B)"
                    " encode trust.")
    assert all(find(ents, n) is not None for n in ("Llama 3.1 8B", "Qwen 2.5 7B", "Mistral 7B"))
    assert find(ents, "Llama 3.1 8B, Qwen 2.5 7B, Mistral 7B") is None


def test_a_long_form_with_commas_after_its_acronym_is_still_its_long_form(nlp):
    e = find(run(nlp, "We model energy use in offices. Buildings use HVAC (Heating, Ventilation,"
                      " and Air Conditioning) units."), "HVAC")
    assert e is not None and e.name == "Heating, Ventilation, and Air Conditioning"


@pytest.mark.parametrize("sentence, name", [
    ("Unlike the classic Blahut--Arimoto algorithm, we move the support.",
     "Blahut--Arimoto algorithm"),
    ("Regions are classified under Jensen--Shannon divergence.", "Jensen--Shannon divergence"),
])
def test_two_names_joined_by_a_double_dash_before_a_head_are_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


@pytest.mark.parametrize("sentence, name", [
    ("To address this, we introduce and formalize the \\textbf{non-collusive attack model}, in"
     " which all clients share data.", "non-collusive attack model"),
    ("To this end, we conceptualize the \\emph{causal fingerprint} of generative models.",
     "causal fingerprint"),
])
def test_an_emphasised_phrase_after_two_intro_verbs_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.role == "introduced"
