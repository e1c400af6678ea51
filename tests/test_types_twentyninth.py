"""Twenty-ninth pass (helper type29): types from a title's subtitle. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- a subtitle with no article whose title-case phrase ends in a data head --------------------


@pytest.mark.parametrize("title, name, type_", [
    ("Quarrelix: Large-Scale Datasets and a Baseline for Argument Mining", "Quarrelix",
     "DATASET"),
    ("Vintrix: Multilingual Visual Reasoning Benchmark for Small Agents", "Vintrix", "BENCHMARK"),
    ("Korvane: Open Corpus of Regional Court Rulings", "Korvane", "DATASET"),
])
def test_a_bare_subtitle_data_head_types_the_title_name(nlp, title, name, type_):
    e = find(run(nlp, f"We release {name} to the community. Baselines trail humans by a wide "
                      "margin.", title), name)
    assert e is not None and e.type == type_, e


@pytest.mark.parametrize("title, name", [
    # a method or model head with no article is no type here (the gold splits them)
    ("Torvalen: Semantic-Oriented Diffusion Model for Artifact Removal", "Torvalen"),
    ("Quibbler: Multi-turn Dialogue Generation Method for Agents", "Quibbler"),
    # a verb phrase, a gerund or a question opening the subtitle
    ("Brastor: Adaptively Propels Large Datasets with Tools", "Brastor"),
    ("Plenvex: Learning Robust Benchmarks for Agents", "Plenvex"),
    # "Benchmark of ..." compares systems on the name (a data set of digits here)
    ("Zindmist: Benchmark of Four Classifiers for Digit Recognition", "Zindmist"),
])
def test_other_bare_subtitles_give_no_data_type(nlp, title, name):
    e = find(run(nlp, f"We present {name}, which improves accuracy on three tasks.", title), name)
    assert e is None or e.type not in ("DATASET", "BENCHMARK"), e


def test_a_benchmark_of_systems_leaves_a_data_set_named_so(nlp):
    e = find(run(nlp, "We collect Zindmist, a dataset of 9,000 handwritten digits.",
                 "Zindmist: Benchmark of Four Classifiers for Digit Recognition"), "Zindmist")
    assert e is not None and e.type == "DATASET", e


# --- a list of data names outside an evaluation sentence ----------------------------------------


def test_a_data_list_outside_evaluation_takes_its_typed_members_type(nlp):
    ents = run(nlp, "The cohorts were sourced from ZorVex, QuimDB, TalCorpus, and BronTal. We "
                    "harmonise their labels.")
    for name in ("ZorVex", "BronTal"):
        e = find(ents, name)
        assert e is not None and e.type == "DATASET", e


def test_a_mostly_untyped_list_outside_evaluation_keeps_its_types(nlp):
    ents = run(nlp, "We release ToolKo, which wraps KelNet, ZorVex, and QuimDB behind one "
                    "interface.")
    e = find(ents, "KelNet")
    assert e is None or e.type != "DATASET", e
