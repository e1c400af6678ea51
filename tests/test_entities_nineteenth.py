"""Named entities, nineteenth pass (helper ent19): well-known resources, models, benchmarks and
textbook techniques from the gazetteers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, name, type_", [
    ("We downscale ERA5 reanalysis fields over the region.", "ERA5", "DATASET"),
    ("Relations are drawn from WordNet and ConceptNet.", "WordNet", "DATASET"),
    ("Concepts are linked to UMLS before ranking.", "UMLS", "DATASET"),
    ("Clips are taken from Ego4D for the study.", "Ego4D", "DATASET"),
    ("Scans come from ADNI and the Human Connectome Project.", "Human Connectome Project",
     "DATASET"),
    ("We fine-tune WavLM on the speech data.", "WavLM", "MODEL"),
    ("Frozen features of BGE-M3 feed the ranker.", "BGE-M3", "MODEL"),
    ("We report accuracy on Humanity's Last Exam.", "Humanity's Last Exam", "BENCHMARK"),
    ("The agent is scored on ScienceWorld after training.", "ScienceWorld", "BENCHMARK"),
    ("We compare against Informer on the series.", "Informer", "METHOD"),
])
def test_a_well_known_name_is_found_with_its_type(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


@pytest.mark.parametrize("sentence, name", [
    ("We regularise the encoder with an information bottleneck on the codes.",
     "information bottleneck"),
    ("The sampler relies on negative sampling over the graph.", "negative sampling"),
    ("We add consistency regularization to the student.", "consistency regularization"),
    ("We apply activation steering to the residual stream.", "activation steering"),
    ("The solver is built on deep unfolding of the iterations.", "deep unfolding"),
])
def test_a_textbook_technique_written_in_lower_case_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


@pytest.mark.parametrize("sentence, name", [
    ("We fit the density by score-matching on the samples.", "score-matching"),
    ("The student learns by cotraining on two views.", "cotraining"),
    ("We build on retrieval augmented generation for the answers.",
     "retrieval augmented generation"),
    ("Each layer applies self attention over the tokens.", "self attention"),
])
def test_a_known_technique_in_another_spelling_is_found(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


def test_spelling_variants_toggle_gaps_and_prefixes_but_not_around_function_words():
    from paperkg.extractors.components import spelling_variants

    assert spelling_variants("score matching") == ["score-matching"]
    assert "cotraining" in spelling_variants("co-training")
    assert spelling_variants("squeeze-and-excitation") == []
    assert spelling_variants("Graph Neural Network") == []  # a cased name: written as listed


def test_a_respelled_name_inside_a_long_form_leaves_the_long_form(nlp):
    ents = run(nlp, "We propose a squeeze and excitation multi-layer perceptron (SE-MLP) "
                    "for the signals.")
    assert find(ents, "squeeze and excitation") is None


@pytest.mark.parametrize("sentence, name", [
    ("Alerts from Zabbix are joined with the network logs.", "Zabbix"),
    ("Hyperparameters are tuned with Optuna on the validation split.", "Optuna"),
    ("We let Claude Code edit the repository.", "Claude Code"),
    ("Tables are stored as Parquet files and queried through Trino.", "Trino"),
])
def test_a_well_known_software_system_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


@pytest.mark.parametrize("sentence, name", [
    ("We compare with GLM-5 and other open models.", "GLM-5"),
    ("Forecasts of Chronos-2 serve as the baseline.", "Chronos-2"),
    ("We prompt TabPFN with the training rows.", "TabPFN"),
    ("Handwriting is read with TrOCR before parsing.", "TrOCR"),
])
def test_a_released_model_or_a_family_with_a_version_is_a_model(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "MODEL"


@pytest.mark.parametrize("sentence, name, type_", [
    ("Flows of NSL-KDD are replayed against the detector.", "NSL-KDD", "DATASET"),
    ("Motions are generated from the texts of HumanML3D and KIT-ML.", "HumanML3D", "DATASET"),
    ("Instances are drawn from TSPLIB for the tours.", "TSPLIB", "DATASET"),
    ("The policy is evaluated in AntMaze after offline training.", "AntMaze", "BENCHMARK"),
])
def test_a_well_known_data_set_or_benchmark_of_a_field_is_found_with_its_type(
        nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


@pytest.mark.parametrize("sentence, name", [
    ("Answers are scored by LLM-as-judge against the references.", "LLM-as-judge"),
    ("We add a VLM-as-a-Judge check on the images.", "VLM-as-a-Judge"),
])
def test_a_judge_model_spelled_without_its_article_is_the_known_technique(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"
