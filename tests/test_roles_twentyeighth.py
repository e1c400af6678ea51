"""INTRODUCES, twenty-eighth pass: a several-word title name the abstract never writes again is
the title's hook, and one it writes only in lower case with no cue is its topic, not the
paper's system; on sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_ABSTRACT = ("Quorb headsets drift when plonked. We build a testbed that plonks five headsets "
             "at once and report how far each drifts.")


@pytest.mark.parametrize("title", [
    "QX Plonk Check: What Headsets Deliver for Drift",
    "In Good QUORBs: Plonking Headsets for Drift",
])
def test_a_several_word_title_name_never_written_again_is_no_name(nlp, title):
    name = title.split(":")[0]
    e = find(run(nlp, _ABSTRACT, title=title), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize(("title", "abstract", "name"), [
    # written again whole
    ("Plonk Quorb Networks: Drift-Free Headsets",
     "We propose Plonk Quorb Networks, which plonk headsets without drift.",
     "Plonk Quorb Networks"),
    # its first two words written again, spelled out
    ("Negative Quorb Plonk ODEs: Drift-Free Headsets",
     "We propose a negative quorb ordinary differential equation (NQODE) controller that "
     "plonks headsets.", "Negative Quorb Plonk ODEs"),
    # a coined word of it written again
    ("PloNK V2: Drift-Free Headsets",
     "We propose the PloNK framework, which plonks headsets without drift.", "PloNK V2"),
    # a benchmark the paper releases, whatever the abstract writes
    ("QX Plonk Bench: A Live Drift Benchmark for Headsets", _ABSTRACT, "QX Plonk Bench"),
])
def test_a_title_name_the_abstract_writes_again_stays_introduced(nlp, title, abstract, name):
    e = find(run(nlp, abstract, title=title), name)
    assert e is not None and e.role == "introduced"


def test_a_one_word_title_name_needs_no_second_writing(nlp):
    e = find(run(nlp, _ABSTRACT, title="Plonkify: Drift-Free Quorb Headsets"), "Plonkify")
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("title", "abstract", "name"), [
    ("Plonk Sentiment: The Catalyst for Quorb Change",
     "Quorbs drift, yet the influence of plonk sentiment, a latent trait, is unknown. We "
     "measure it on five headsets.", "Plonk Sentiment"),
    ("Quorb Plonk Channels: Girsanov-Based Modeling and Drift",
     "Analytical modeling of quorb plonk channels under dynamic fields is hard. We derive "
     "closed forms.", "Quorb Plonk Channels"),
])
def test_a_title_name_written_only_in_lower_case_without_a_cue_is_the_topic(
        nlp, title, abstract, name):
    e = find(run(nlp, abstract, title=title), name)
    assert e is None or e.role != "introduced"


@pytest.mark.parametrize(("title", "abstract", "name"), [
    ("Plonk Gating: Drift-Free Quorb Headsets",
     "We propose plonk gating (PG), an end-to-end trainable scheme for quorb headsets.",
     "Plonk Gating"),
    ("The Quorb Plonk Hypothesis: Weak Headsets Yield Strong Gains",
     "We formulate the quorb plonk hypothesis to explain this drift.", "Quorb Plonk Hypothesis"),
    ("Quorb Plonk Channels: Drift-Free Headsets",
     "We present Quorb Plonk Channels, which plonk headsets without drift.",
     "Quorb Plonk Channels"),
    # a naming cue the stems list holds ("refer"), and a name set out in code or emphasis
    ("Quorbish Autoencoders: Drift-Free Headsets",
     "We couple plonks to encoders, which we refer to as quorbish autoencoders, and train them.",
     "Quorbish Autoencoders"),
    ("Quorb-Plonk: A Python Package for Drift",
     "The \\texttt{quorb-plonk} package plonks headsets without drift.", "Quorb-Plonk"),
])
def test_a_title_name_written_after_a_cue_or_with_its_capitals_stays_introduced(
        nlp, title, abstract, name):
    e = find(run(nlp, abstract, title=title), name)
    assert e is not None and e.role == "introduced"
