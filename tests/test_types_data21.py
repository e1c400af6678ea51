"""Twenty-first pass (helper data21): data names the rules typed METHOD, typed from the words
around them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- heads.evaluated_on: a listed word opens the list after "on" ---------------------------------


@pytest.mark.parametrize("sentence, names", [
    ("Extensive experiments on Harbor, QLT, and synthetic scans show that our tracker is robust.",
     ("Harbor", "QLT")),
    # a plural data head with "of" before a list
    ("The experimental results on two datasets of ZUFL and Dallas2019 show clear gains.",
     ("ZUFL", "Dallas2019")),
])
def test_a_list_evaluated_on_is_data(nlp, sentence, names):
    ents = run(nlp, sentence)
    for name in names:
        e = find(ents, name)
        assert e is not None and e.type == "DATASET", (name, e)


def test_a_listed_word_outside_an_evaluation_stays_untyped_data(nlp):
    """"built on X, Y": what a system rests on is not evaluated on."""
    e = find(run(nlp, "The service is built on Harbor, QLT, and Kafka for storage."), "QLT")
    assert e is None or e.type != "DATASET"


# --- heads.counted_data: a count of what a name holds --------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("On the external test cohort (ZRX, n=58 patients), the model reaches 0.81 AUC.", "ZRX"),
    ("We also construct a large image-text set, namely QWIB-TD, which contains 4,210 "
     "image-caption triplets.", "QWIB-TD"),
    ("Models are compared on KarSum (2,310 news articles) and on one more set.", "KarSum"),
])
def test_a_count_of_what_a_name_holds_makes_it_data(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "DATASET"


@pytest.mark.parametrize("sentence, name", [
    ("We release ZetaNet (7 billion parameters) under an open licence.", "ZetaNet"),
    ("ZetaNet scores best on both (80.3 vs. 79.8) of the tests.", "ZetaNet"),
])
def test_a_models_size_or_a_score_is_no_data_count(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is None or e.type != "DATASET"


# --- heads.txt: "track" after a name ------------------------------------------------------------


def test_tracks_after_a_list_of_names_are_benchmarks(nlp):
    ents = run(nlp, "We present our winning entries for the Spoken Route Queries and PathStep "
                    "tracks of the workshop challenge.")
    for name in ("Spoken Route Queries", "PathStep"):
        e = find(ents, name)
        assert e is not None and e.type == "BENCHMARK", (name, e)


# --- heads.bracketed_after_head: a coined name alone in a bracket after a task or data head ---


@pytest.mark.parametrize("sentence, name, type_", [
    ("We test the probe on a spatial memory task (GridRecall-V) and on a counting task (CNTQ).",
     "GridRecall-V", "BENCHMARK"),
    ("Existing datasets (e.g., HoloMo) suffer from poor alignment.", "HoloMo", "DATASET"),
])
def test_a_coined_name_bracketed_after_a_head_is_data(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


def test_a_short_form_counted_after_its_long_form_is_left_to_it(nlp):
    """"Open Claim Memory (OCM; 81 papers)": the long form's head decides, not the count."""
    ents = run(nlp, "We introduce two new benchmarks, Open Claim Memory (OCM; 81 papers, 66 "
                    "questions) and Open Layers (OLy; 252 papers).")
    e = find(ents, "OCM")
    assert e is None or e.type != "DATASET"
