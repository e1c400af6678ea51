"""INTRODUCES, thirtieth pass: the paper's own name survives a later "the X project" and a
"controlled by X" (neither makes it an organisation), a snake-case name is no markup debris, and
a means clause that builds a name ("by constructing X") introduces it; on sentences written for
these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_own_name_stays_when_a_later_sentence_calls_it_a_project(nlp):
    ents = run(nlp, "In this work, we introduce Plonkmo, a speech model for talking to "
                    "headsets. Plonkmo hears well. The Plonkmo project page is online.",
               title="Plonkmo: A Speech Model for Headsets")
    e = find(ents, "Plonkmo")
    assert e is not None and e.role == "introduced"


def test_a_project_the_paper_does_not_introduce_is_still_dropped(nlp):
    ents = run(nlp, "The Quorbit project, an open collaboration, released headsets. We "
                    "propose Plonkmo, a speech model.")
    assert find(ents, "Quorbit") is None
    assert find(ents, "Plonkmo").role == "introduced"


@pytest.mark.parametrize("verb", ["controlled", "enabled", "labeled", "modeled"])
def test_a_verb_ending_in_led_before_by_is_no_maker(nlp, verb):
    ents = run(nlp, f"Each headset agent is {verb} by PlonkLlama models, which are small "
                    "language models tuned for headsets.")
    assert find(ents, "PlonkLlama") is not None


def test_led_by_still_names_a_maker(nlp):
    ents = run(nlp, "The effort was led by QuorbCorp and we propose Plonkmo, a speech model.")
    assert find(ents, "QuorbCorp") is None


@pytest.mark.parametrize("name", ["Plonk_MATH", "QuorbQA_v2"])
def test_a_snake_case_name_is_kept(nlp, name):
    ents = run(nlp, f"We evaluate headsets on {name} and on HeadBench.")
    assert find(ents, name) is not None


def test_a_subscript_is_still_debris(nlp):
    ents = run(nlp, "The plonk loss uses Q_t and x_i terms on HeadBench.")
    assert find(ents, "Q_t") is None and find(ents, "x_i") is None


@pytest.mark.parametrize(("abstract", "name"), [
    ("This study steadies plonking by constructing QuorbBench, a benchmark of headset drift.",
     "QuorbBench"),
    ("We merge three headset models, creating the PlonkMed model family.", "PlonkMed"),
    ("Our approach begins with constructing the Plonk-Driven Headset Corpus (PDHC), where "
     "headsets are plonked.", "Plonk-Driven Headset Corpus"),
])
def test_a_name_after_a_means_clause_that_builds_it_is_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Steady Headsets"), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    ("Twenty children (12 typically developing, QD) wore plonk headsets.", "QD"),
    ("A case study on developing a Quorb Headset Vehicle is shown.", "Quorb Headset Vehicle"),
    ("Using PlonkNet as a building block, we steady headsets.", "PlonkNet"),
])
def test_an_ing_word_that_builds_nothing_is_no_cue(nlp, abstract, name):
    e = find(run(nlp, abstract, title="Steady Headsets"), name)
    assert e is None or e.role != "introduced"
