"""INTRODUCES, thirty-ninth pass: a plain title phrase that other papers write ("... via Regret
Minimization", data/known_names.tsv) is a technique the paper uses, not its own name; and a name
with "our ... <head>" as its appositive ("on X, our 20-hour benchmark,") is the paper's own. On
papers written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from paperkg.extractors.learned import corpus_counts
from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_ABSTRACT = "In this work we give the first quorb boosting algorithm with plonk guarantees."


@pytest.mark.parametrize(("title", "abstract", "phrase"), [
    ("Quorb Boosting via Regret Minimization", _ABSTRACT, "Regret Minimization"),
    ("PlonkWorld: Learning Quorb Models via Discrete Diffusion",
     "We propose PlonkWorld, which tokenizes quorbs and predicts them via discrete diffusion.",
     "Discrete Diffusion"),
])
def test_known_title_phrase_is_used(nlp, title, abstract, phrase):
    assert corpus_counts().get(phrase.replace(" ", "").lower(), 0) >= 3  # the data says so
    e = find(run(nlp, abstract, title=title), phrase)
    assert e is not None and e.role == "used" and e.type == "METHOD"


def test_unknown_title_phrase_stays_introduced(nlp):
    e = find(run(nlp, _ABSTRACT, title="Quorb Boosting via Adaptive Plonk Reweighting"),
             "Adaptive Plonk Reweighting")
    assert e is not None and e.role == "introduced"


def test_known_title_phrase_restated_after_intro_verb_stays_introduced(nlp):
    # the abstract says the paper proposes it: its own take on the known technique
    ents = run(nlp, "We propose a regret minimization scheme that boosts every quorb learner.",
               title="Quorb Boosting via Regret Minimization")
    e = find(ents, "Regret Minimization")
    assert e is not None and e.role == "introduced"


def test_title_name_before_colon_is_not_judged(nlp):
    e = find(run(nlp, _ABSTRACT, title="Regret Minimization: Boosting Quorbs with Plonks"),
             "Regret Minimization")
    assert e is None or e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("We validate PlonkAct on QuorbCap, our 20-hour plonk motion benchmark, showing gains.",
     "QuorbCap"),
    ("QuorbAXE, our proposed plonk evaluation method, can detect quorb washing.", "QuorbAXE"),
    ("We test on PlonkBench, our new benchmark for quorb repair.", "PlonkBench"),
])
def test_name_with_our_head_as_appositive_is_introduced(nlp, sentence, name):
    e = find(run(nlp, sentence, title="Plonk Synthesis from Quorbs"), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Compared with QuorbNet, our method achieves higher plonk accuracy.", "QuorbNet"),
    ("Unlike PlonkNet, our method, which uses less memory, is faster.", "PlonkNet"),
    ("Building on QuorbLogic, our method produces grounded plonks.", "QuorbLogic"),
])
def test_name_before_our_clause_is_not_taken(nlp, sentence, name):
    e = find(run(nlp, sentence, title="Plonk Synthesis from Quorbs"), name)
    assert e is None or e.role == "used"
