"""Thirty-first pass (helper type31): a data head in a looser appositive. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- appositions.apposed_data: "X, a bird's-eye-view dataset", "X - a new benchmark" ------------


@pytest.mark.parametrize("abstract, name, type_", [
    ("We add real-world trajectories derived from ZorbD, a bird's-eye-view dataset recorded "
     "from drones.", "ZorbD", "DATASET"),
    ("To study these, we collect ZorbNA - a new benchmark of human-machine co-written texts.",
     "ZorbNA", "BENCHMARK"),
    ("This work introduces ZorbARC: an experimental testbed for reasoning in low-data regimes.",
     "ZorbARC", "BENCHMARK"),
    ("We sample ten hours of speech from ZorbSound, the world's largest online collection of "
     "poetry readings.", "ZorbSound", "DATASET"),
])
def test_a_looser_appositive_types_a_data_name(nlp, abstract, name, type_):
    e = find(run(nlp, abstract, "A study of data"), name)
    assert e is not None and e.type == type_, e


def test_new_in_the_appositive_makes_the_name_ours(nlp):
    e = find(run(nlp, "To study these, we collect ZorbNA - a new benchmark of co-written texts.",
                 "Co-written texts"), "ZorbNA")
    assert e is not None and e.role == "introduced", e


@pytest.mark.parametrize("abstract, name", [
    # a method head before the data head: the appositive says what X is, and it is no data
    ("We present ZorbUMI, a framework for a data collection system that transfers skills.",
     "ZorbUMI"),
    ("We present Zorb4D, a method and dataset for the analysis of close interactions.",
     "Zorb4D"),
    # "the" with no ordinal or superlative: a new clause, not an appositive
    ("Compared with ZorbParse, the benchmark reveals a fragmented picture of parsers.",
     "ZorbParse"),
])
def test_no_data_type_without_a_data_appositive(nlp, abstract, name):
    e = find(run(nlp, abstract, "A study of systems"), name)
    assert e is not None and e.type == "METHOD", e


# --- appositions.apposed_method: a method head says a name typed as data is a method ------------


@pytest.mark.parametrize("title, abstract, name", [
    # a title's "Benchmarking" typed it BENCHMARK
    ("ZorbLearn: Benchmarking Machine Learning for Weather",
     "Results with ZorbLearn, an open-source PyTorch library that simplifies training, are "
     "reported.", "ZorbLearn"),
    # a known data set of the same spelling (the gazetteer's CoLA) typed it DATASET
    ("CoLA: Collaborative Low-Rank Adaptation",
     "In response, we propose CoLA, a more flexible LoRA architecture with an efficient "
     "initialization.", "CoLA"),
])
def test_a_method_appositive_undoes_a_data_type(nlp, title, abstract, name):
    e = find(run(nlp, abstract, title), name)
    assert e is not None and e.type == "METHOD", e


@pytest.mark.parametrize("title, abstract, name", [
    # named as data
    ("ZorbBench: A Benchmark for Video Models",
     "Results on ZorbBench, a quantitative framework for auditing coherence, are mixed.",
     "ZorbBench"),
    # the appositive is about evaluating
    ("ZorbPlay: A Benchmark for Game Agents",
     "Results on ZorbPlay, a novel framework that evaluates agents by games, are mixed.",
     "ZorbPlay"),
])
def test_a_method_appositive_about_evaluation_keeps_the_data_type(nlp, title, abstract, name):
    e = find(run(nlp, abstract, title), name)
    assert e is not None and e.type == "BENCHMARK", e


# --- words/on_not_data.txt: "based on X", "prior work on X" are no data X is evaluated on --------


@pytest.mark.parametrize("abstract, name", [
    ("Experiments show gains. Our approach is based on ZorbGAN, with conditioning on logits "
     "instead of labels, and improves accuracy.", "ZorbGAN"),
    ("Results improve. We extend our prior work on Zmart HPA and propose a secure variant that "
     "outperforms baselines.", "Zmart HPA"),
])
def test_what_a_work_rests_on_is_no_data(nlp, abstract, name):
    e = find(run(nlp, abstract, "A study of systems"), name)
    assert e is not None and e.type == "METHOD", e


def test_experiments_on_a_name_still_make_it_data(nlp):
    e = find(run(nlp, "Experiments on ZorbSet show that our method outperforms baselines.",
                 "A study of systems"), "ZorbSet")
    assert e is not None and e.type == "DATASET", e


# --- heads.evaluated_on: a list of models after "on" is no data ------------------------------


@pytest.mark.parametrize("abstract, name", [
    # a known model in the list
    ("Comprehensive evaluations on SD-Z, SDXL, and Flux using two solvers reveal gains.", "SD-Z"),
    # "models" after the list
    ("We evaluate HSA on the Wan-Z and LTZ-2 models for video generation, with large speedups.",
     "Wan-Z"),
    # a possessive: what belongs to X
    ("Experiments show accuracy gains when we lean less on ZorbNX's router in answers.",
     "ZorbNX"),
])
def test_a_model_list_after_on_is_no_data(nlp, abstract, name):
    e = find(run(nlp, abstract, "A study of generators"), name)
    assert e is not None and e.type not in ("DATASET", "BENCHMARK"), e


def test_a_comma_after_an_opening_phrase_joins_no_model_list(nlp):
    e = find(run(nlp, "On ZCB, QuimLM 32B wins up to 83% of speed comparisons against standard "
                      "RLVR.", "Code optimization"), "ZCB")
    assert e is not None and e.type == "DATASET", e


def test_a_data_list_after_on_stays_data(nlp):
    e = find(run(nlp, "Experiments on ZorbSet, QuimData, and KelBench show that our method "
                      "outperforms baselines.", "A study of systems"), "QuimData")
    assert e is not None and e.type in ("DATASET", "BENCHMARK"), e


# --- heads.head_nouns: a name spelled out in words, said to be "a ... model", is a method --------


def test_a_spelled_out_name_called_a_model_is_a_method(nlp):
    e = find(run(nlp, "In this paper, we propose Graph Zeural Network Query Executor (GNN-ZE), a "
                      "neural-symbolic model that enjoys the advantages of both.",
                 "Logical queries"), "Graph Zeural Network Query Executor")
    assert e is not None and e.type == "METHOD", e


@pytest.mark.parametrize("abstract, name", [
    ("We use Zorb Speech 2, a multilingual speech model for dialects.", "Zorb Speech 2"),
    ("We use ZorbSpeech, a multilingual speech model for dialects.", "ZorbSpeech"),
])
def test_a_release_or_a_coined_word_called_a_model_stays_a_model(nlp, abstract, name):
    e = find(run(nlp, abstract, "Speech"), name)
    assert e is not None and e.type == "MODEL", e


# --- heads.data_heads_apart: "benchmark" as a verb before a name types nothing ------------------


def test_benchmark_as_a_verb_types_no_benchmark(nlp):
    e = find(run(nlp, "We benchmark QuimFM against state-of-the-art diffusion models.",
                 "Molecules"), "QuimFM")
    assert e is not None and e.type != "BENCHMARK", e


def test_the_benchmark_before_a_name_still_types_it(nlp):
    e = find(run(nlp, "Results on the benchmark ZorbSQL show gains for our parser.",
                 "Text to SQL"), "ZorbSQL")
    assert e is not None and e.type == "BENCHMARK", e


# --- far_lists: a list of baselines after the benchmarks' head is no benchmark list --------------


def test_baselines_between_the_head_and_the_list_stop_the_far_head(nlp):
    e = find(run(nlp, "Experiments on CORe50, TiROD, and PASCAL VOC benchmarks with three "
                      "standard baselines (Fine-tuning, EWC, ZiCaRL) demonstrate gains.",
                 "Continual detection"), "ZiCaRL")
    assert e is not None and e.type == "METHOD", e


def test_a_far_head_still_types_its_list(nlp):
    e = find(run(nlp, "We evaluate our method on eight public benchmarks under both single-class "
                      "and multi-class settings: MVTec-AD, MVTec-LOCO, ZisA and Real-IAZ.",
                 "Anomaly detection"), "ZisA")
    assert e is not None and e.type == "BENCHMARK", e


def test_models_between_the_head_and_the_list_do_not_stop_it(nlp):
    e = find(run(nlp, "We introduce the first set of web-scale benchmarks for training "
                      "vision-language models: ZiC-DataComp, ZiC-YFCC, and ZiC-Redcaps.",
                 "Continual training"), "ZiC-YFCC")
    assert e is not None and e.type == "BENCHMARK", e
