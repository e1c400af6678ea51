"""Thirty-sixth pass (helper silver36): a name no cue typed takes the type the corpus declares
it (extractors/data/words/declared_types.txt). Sentences and names written for these tests."""

from __future__ import annotations

import importlib

import pytest

from paperkg.extractors import words
from paperkg.extractors.training import declared_types as mining
from tests.extracting import find, run

_LEXICON = {"ZorbLin": "DATASET", "KavoRix": "BENCHMARK", "MelTor": "MODEL"}


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.fixture
def lexicon(monkeypatch):
    """An invented lexicon in place of the shipped one."""
    merge = importlib.import_module("paperkg.extractors.rules.merge")
    monkeypatch.setattr(merge, "declared_type", _LEXICON.get)


@pytest.mark.parametrize("name", sorted(_LEXICON))
def test_a_name_no_cue_types_takes_the_declared_type(nlp, lexicon, name):
    e = find(run(nlp, f"We compare our approach with {name} and show large gains.",
                 "Noise in training"), name)
    assert e is not None and e.type == _LEXICON[name], e


@pytest.mark.parametrize("name", sorted(_LEXICON))
def test_without_the_lexicon_the_name_stays_a_method(nlp, name):
    e = find(run(nlp, f"We compare our approach with {name} and show large gains.",
                 "Noise in training"), name)
    assert e is not None and e.type == "METHOD", e


def test_a_cue_in_the_text_wins_over_the_lexicon(nlp, lexicon):
    e = find(run(nlp, "We compare against the ZorbLin method and show large gains.",
                 "Noise in training"), "ZorbLin")
    assert e is not None and e.type == "METHOD", e


def test_the_miner_counts_the_three_shapes():
    counts = mining.count([
        "We test on the ZorbQA and ZorbMC datasets and on the ZorbEval benchmark.",
        "Results on ZorbEval, a new benchmark for noisy labels, are reported.",
        "We train a model called Zorbinator-2 on it.",
        "We use the 7B model and a GPT-based model.",
    ])
    assert counts["ZorbQA"]["DATASET"] == 1 and counts["ZorbMC"]["DATASET"] == 1
    assert counts["ZorbEval"]["BENCHMARK"] == 2
    assert counts["Zorbinator-2"]["MODEL"] == 1
    assert "7B" not in counts and "GPT-based" not in counts


def test_the_miner_leaves_kinds_of_things_out():
    counts = mining.count([
        "We fine-tune a base ZorbR model and several ZorbR models.",
        "Traditionally, ZorbS datasets are small; we also use the original ZorbS corpus.",
    ])
    assert "ZorbR" not in counts and "ZorbS" not in counts and "Traditionally" not in counts


def test_an_all_caps_model_a_short_name_and_a_weak_majority_are_left_out(monkeypatch, tmp_path):
    (tmp_path / "declared_types.txt").write_text(
        "ZORB\tMODEL=9\nZorbLin\tDATASET=4 METHOD=1\nKavoRix\tBENCHMARK=4 METHOD=2\n"
        "Z1\tDATASET=9\n")
    monkeypatch.setattr(words, "WORDS", tmp_path)
    words.words.cache_clear()
    words._declared.cache_clear()
    try:
        assert words._declared() == {"ZorbLin": "DATASET"}
    finally:
        words.words.cache_clear()
        words._declared.cache_clear()


def test_the_list_keeps_a_clear_majority_only():
    words._declared.cache_clear()
    lexicon = words._declared()
    assert all(t in words.DECLARED_TYPES for t in lexicon.values())
    # every kept name passes the count bar in the file
    assert len(lexicon) > 100
