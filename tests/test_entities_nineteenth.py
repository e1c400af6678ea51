"""Named entities, nineteenth pass (helper ent19): well-known resources, models, benchmarks and
textbook techniques from the gazetteers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


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
