"""A coined short name and the phrase it abbreviates word by word, both written in a paper with
no bracket between them, are one entity (extractors/rules/abbreviated_names.py, folded at
merging): "HMC" and "Hamiltonian Monte Carlo", "QuaZarPM" and "Quasi-Zargled Plonk Mixing". A
short name with a digit (a variant), or whose pieces do not open the phrase's words, stays
apart. On papers written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules.abbreviated_names import abbreviates, pieces
from paperkg.extractors.words import word_set
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("title", "abstract", "short", "phrase"), [
    ("Learning plonks", "Hamiltonian Monte Carlo is slow on plonk models. We show that HMC "
     "with a zargle step scales to large plonk graphs.", "HMC", "Hamiltonian Monte Carlo"),
    ("QuaZarPM: Mixing at Scale", "We study Quasi-Zargled Plonk Mixing for sparse graphs. On "
     "four benchmarks, QuaZarPM improves accuracy over the baselines.", "QuaZarPM",
     "Quasi-Zargled Plonk Mixing"),
    # a plural piece opens a plural word
    ("Zargling plonk graphs", "Plonk Zargle Networks are strong on sparse graphs. We find "
     "that PlonkZargNets mix faster than Quorb Machines on every graph.", "PlonkZargNets",
     "Plonk Zargle Networks"),
])
def test_a_short_name_and_the_phrase_it_abbreviates_are_one_entity(nlp, title, abstract,
                                                                  short, phrase):
    ents = run(nlp, abstract, title=title)
    e = find(ents, phrase)
    assert e is not None and short in (e.name, *e.aliases), sorted(ents)
    assert find(ents, short) is e


def test_the_paper_s_own_short_name_makes_the_phrase_its_own(nlp):
    ents = run(nlp, "We study Quasi-Zargled Plonk Mixing for sparse graphs. On four "
               "benchmarks, QuaZarPM improves accuracy over the baselines.",
               title="QuaZarPM: Mixing at Scale")
    assert find(ents, "Quasi-Zargled Plonk Mixing").role == "introduced"


@pytest.mark.parametrize(("abstract", "short", "phrase"), [
    # numbered variants are other models
    ("We compare Plonk Zargle Networks with Quorb Machines. PZN-2 and PZN-3 converge faster "
     "than the Quorb Machines on sparse plonk graphs.", "PZN-2", "Plonk Zargle Networks"),
    # "Mix" does not open "Zargling"
    ("We compare Region Zargling with Quorb Machines. RegionMix converges faster than the "
     "Quorb Machines on sparse plonk graphs.", "RegionMix", "Region Zargling"),
])
def test_variants_and_other_names_stay_apart(nlp, abstract, short, phrase):
    ents = run(nlp, abstract, title="Plonk graphs")
    a, b = find(ents, short), find(ents, phrase)
    assert a is not None and b is not None and a is not b, sorted(ents)


@pytest.mark.parametrize(("short", "phrase", "expected"), [
    ("GLFS", "Gaussian Light Field Splatting", True),
    ("QuaSAR", "Quasi-Symbolic Abstract Reasoning", True),
    ("EMFs", "embedded-model flows", True),
    ("TiS-TSL", "Time-Switchable Teacher-Student Learning", True),
    ("QZLSTM", "Quorbic Zargle LSTMs", True),  # an acronym among the words is spelled whole
    ("TAP-GPT", "Tabular Alzheimer's Prediction GPT", True),
    ("OK-VQA", "A-OKVQA", False),  # "a" and an acronym: one coined name, no phrase
    ("I-RAVEN", "A-I-RAVEN", False),  # hyphens alone: one coined name
    ("SyRAG", "Symmetric Rank Adaptation of Graphs", True),  # "of" is skipped
    ("SAM2", "Segment Anything Model", False),  # a digit: a variant
    ("U-Net", "UinU-Net", False),  # the phrase is itself a coined name
    ("RegionMix", "Region Merging", False),
    ("GLF", "Gaussian Light Field Splatting", False),  # one word unspelled
])
def test_abbreviates(short, phrase, expected):
    assert abbreviates(short, phrase) is expected


def test_pieces_and_the_skipped_words_are_data():
    assert pieces("QuaSAR") == ("Qua", "S", "A", "R")
    assert pieces("EBMs") == ("E", "B", "M")
    assert pieces("λ-GRPO") == () and pieces("RASER-2") == ()
    assert {"of", "for", "and"} <= word_set("abbreviation_skip_words")
