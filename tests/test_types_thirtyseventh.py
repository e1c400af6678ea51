"""Thirty-seventh pass (helper type37): data types from list asides, counts and resource heads.
Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- heads.head_nouns: a list after a head noun whose items carry bracketed asides -------------


@pytest.mark.parametrize("abstract, names, typ", [
    ("Extensive evaluations on two challenging datasets, ZarkoSeg (fetal head and pubic "
     "symphysis ultrasound) and PLUMBE (CT-based pulmonary embolism detection), demonstrate "
     "clear gains.", ("ZarkoSeg", "PLUMBE"), "DATASET"),
    ("We evaluate on three benchmarks: QuorbQA (grade-school math word problems), PlinkEval "
     "(code) and FrobDial (multi-turn dialogue).", ("QuorbQA", "PlinkEval", "FrobDial"),
     "BENCHMARK"),
])
def test_list_items_with_asides_take_the_head(nlp, abstract, names, typ):
    ex = run(nlp, abstract, "Segmentation with priors")
    for name in names:
        e = find(ex, name)
        assert e is not None and e.type == typ, (name, e)


def test_asides_after_an_uncounted_head_make_no_list(nlp):
    ex = run(nlp, "On the Atari benchmarks, ZorbNet (our method) and PlinkNet (a baseline) "
                  "improve the score.", "Planning")
    for name in ("ZorbNet", "PlinkNet"):
        e = find(ex, name)
        assert e is None or e.type not in ("BENCHMARK", "DATASET"), (name, e)


# --- heads.head_nouns: a sample count in a bracket between a name and its data head ------------


def test_a_count_bracket_before_the_head(nlp):
    ex = run(nlp, "Through 5-fold cross validation on the KORV200(N=144) and BRAIDE(N=579) "
                  "dataset, our model demonstrates stable diagnosis.", "Diagnosis from fMRI")
    for name in ("KORV200", "BRAIDE"):
        e = find(ex, name)
        assert e is not None and e.type == "DATASET", (name, e)


# --- heads.data_heads_apart: a slash inside the lower-case words before a data head ------------


def test_a_slashed_modifier_before_the_head(nlp):
    ex = run(nlp, "Experiments on the GLAUX2 optic disc/cup segmentation dataset show that our "
                  "model works.", "Prompt-free segmentation")
    e = find(ex, "GLAUX2")
    assert e is not None and e.type == "DATASET", e


# --- heads.txt: surveys, archives, atlases and databases are data sets by their last word -------


@pytest.mark.parametrize("abstract, name", [
    ("I use the Northland Household Income Survey from 1992 to 2022 to examine how income "
     "shapes risk.", "Northland Household Income Survey"),
    ("We test a segmentation pipeline on the Quellin Tablet Archive. From 1,239 images we "
     "learn a model.", "Quellin Tablet Archive"),
    ("The Morrow Brain Atlas (MBA) offers expression data for every region.", "Morrow Brain Atlas"),
    ("We train on the Global Drizzle Database (GDD) and report errors.", "Global Drizzle Database"),
])
def test_a_resource_head_ends_a_data_name(nlp, abstract, name):
    e = find(run(nlp, abstract, "A study of data"), name)
    assert e is not None and e.type == "DATASET", e


# --- heads.txt: "X, an interactive environment": an environment in an appositive is a benchmark --


@pytest.mark.parametrize("abstract, name", [
    ("We introduce QuorbVille, an interactive environment with LLM-based user simulators for "
     "personalization.", "QuorbVille"),
    ("We build PlinkDojo, an open-ended lifelong learning environment for analytical agents.",
     "PlinkDojo"),
])
def test_an_environment_in_an_appositive_is_a_benchmark(nlp, abstract, name):
    e = find(run(nlp, abstract, "Agents that learn"), name)
    assert e is not None and e.type == "BENCHMARK", e


# --- roles.intro_cues: a data head before "called" types the name, whoever made the data -------


def test_a_dataset_called_x_is_a_dataset(nlp):
    ex = run(nlp, "To train the networks, we also generated a synthetic dataset, called QuorbGTA, "
                  "and an in-the-wild dataset, called PlinkPW-Scene.", "Egocentric pose")
    for name in ("QuorbGTA", "PlinkPW-Scene"):
        e = find(ex, name)
        assert e is not None and e.type == "DATASET", (name, e)
