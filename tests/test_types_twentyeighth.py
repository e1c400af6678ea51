"""Twenty-eighth pass (helper type28): types from context. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- heads.contests: a name ending in a contest noun or written before one is a benchmark ------


@pytest.mark.parametrize("abstract, name", [
    ("This paper describes our entry to the KALEIDO 2027 Shared Task on claim verification. "
     "Our system ranks third.", "KALEIDO 2027 Shared Task"),
    ("We report the results of the ORBIX 2026 Competition on table parsing. Twelve teams "
     "took part.", "ORBIX 2026 Competition"),
    ("Our agent was the winning system of the QuillRAG competition at a major venue. It "
     "combines retrieval with a reranker.", "QuillRAG"),
])
def test_a_contest_is_a_benchmark(nlp, abstract, name):
    e = find(run(nlp, abstract, "A system for claims"), name)
    assert e is not None and e.type == "BENCHMARK", e


def test_challenges_of_a_field_are_no_contest(nlp):
    e = find(run(nlp, "Multi-agent learning is applied to Power Grid Dispatch (PGD) challenges in "
                      "many sectors. We review PGD methods.", "A review"), "PGD")
    assert e is None or e.type != "BENCHMARK", e


def test_a_task_before_its_contest_noun_stays_a_task(nlp):
    e = find(run(nlp, "We study speech emotion recognition. Our system for the speech emotion "
                      "recognition challenge uses a small encoder.", "Emotion from speech"),
             "speech emotion recognition")
    assert e is None or e.type != "BENCHMARK", e


# --- base.type_by_shape: a hyphen-joined count of millions ends a data set's name ---------------


def test_a_name_ending_in_a_count_of_millions_is_a_data_set(nlp):
    e = find(run(nlp, "Our table detector is pretrained with PixTab-3M and then fine-tuned with "
                      "few labels. It beats earlier detectors.", "Tables from few labels"),
             "PixTab-3M")
    assert e is not None and e.type == "DATASET", e


def test_an_uneven_count_of_millions_is_a_model_size(nlp):
    e = find(run(nlp, "Results show that Mixo-DM-410M, trained with our sampler, converges "
                      "faster than the baseline.", "Faster pretraining"), "Mixo-DM-410M")
    assert e is None or e.type != "DATASET", e


def test_a_model_family_with_a_size_in_millions_stays_a_model(nlp):
    e = find(run(nlp, "We distil the teacher into Pythia-70M and report the loss. The small "
                      "student keeps most of the quality.", "Small students"), "Pythia-70M")
    assert e is not None and e.type == "MODEL", e


# --- heads.data_heads_apart: a plural data head a few words after a list types the whole list ---


@pytest.mark.parametrize("abstract, names, type_", [
    ("On the HOLTA and Verimed continual learning benchmarks, the method keeps most of its "
     "accuracy.", ("HOLTA", "Verimed"), "BENCHMARK"),
    ("Our approach, validated on the `Quarnet' and `Zibble' ray-tracing datasets, lowers the "
     "error.", ("Quarnet", "Zibble"), "DATASET"),
])
def test_a_list_before_lower_case_words_and_a_plural_data_head_is_data(nlp, abstract, names,
                                                                       type_):
    ents = run(nlp, abstract, "Learning without forgetting")
    for name in names:
        e = find(ents, name)
        assert e is not None and e.type == type_, (name, e)


def test_one_name_before_a_plural_data_head_is_not_typed_by_it(nlp):
    e = find(run(nlp, "We study how Plonkify handles long context reasoning benchmarks and "
                      "report the cost.", "Reasoning at length"), "Plonkify")
    assert e is None or e.type not in ("DATASET", "BENCHMARK"), e


# --- heads.evaluated_on: a first name shaped as data types the rest of its list after "on" ------


def test_a_data_shaped_first_name_types_its_list_after_on(nlp):
    ents = run(nlp, "We propose a tracker. Experiments on FOOTDB, PLANK, EgoWalkers, and "
                    "TrekSet4D show that Vortexa achieves competitive results.", "Tracking people")
    for name in ("PLANK", "EgoWalkers"):
        e = find(ents, name)
        assert e is not None and e.type == "DATASET", (name, e)
    e = find(ents, "Vortexa")
    assert e is None or e.type not in ("DATASET", "BENCHMARK"), e
