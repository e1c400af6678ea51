"""Twenty-fourth pass (helper bound24): span boundaries. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- a name written only inside a longer name of the paper is a piece of it ---------------------


def test_known_name_only_inside_longer_name_is_dropped(nlp):
    ents = run(nlp, "We study ship tracking in radar frames. To this end, we devise the "
                    "harbor-line Transformer: it reads the range axis first and beats two "
                    "strong trackers.",
               title="Reading Radar Frames with Harbor-Line Transformer")
    assert find(ents, "Harbor-Line Transformer") is not None
    assert find(ents, "Transformer") is None
    ents = run(nlp, "This paper introduces the Corridor Graph Convolutional Network (CGCN). This "
                    "model beats strong baselines on two road sets.",
               title="Corridor Graph Convolutional Network for Traffic Forecasting")
    assert find(ents, "Corridor Graph Convolutional Network") is not None
    assert find(ents, "Graph Convolutional Network") is None


def test_coined_pieces_of_a_two_word_name_are_dropped(nlp):
    ents = run(nlp, "We present Dual-Scale Kernel FlowNet (DSK FlowNet) for scene flow. "
                    "DSK FlowNet runs at 40 frames a second and halves the error of prior work.",
               title="DSK FlowNet: Fast Scene Flow")
    assert find(ents, "DSK FlowNet") is not None
    assert find(ents, "DSK") is None and find(ents, "FlowNet") is None


def test_known_name_also_standing_alone_is_kept(nlp):
    ents = run(nlp, "We devise the harbor-line Transformer: it reads the range axis first. Unlike "
                    "a plain Transformer, it needs no positional code.",
               title="Reading Radar Frames with Harbor-Line Transformer")
    assert find(ents, "Harbor-Line Transformer") is not None
    assert find(ents, "Transformer") is not None


# --- the article opening a title's name is no part of it -----------------------------------------


def test_title_name_drops_its_article(nlp):
    ents = run(nlp, "We present the Tessellated Ledger, a store for sparse sensor logs. The "
                    "Tessellated Ledger answers range queries in constant time.",
               title="The Tessellated Ledger: Range Queries over Sensor Logs")
    e = find(ents, "Tessellated Ledger")
    assert e is not None and e.role == "introduced"
    assert find(ents, "The Tessellated Ledger") is None


# --- a whole title with a preposition inside is a description, not a name ------------------------


def test_whole_title_with_preposition_is_no_name(nlp):
    ents = run(nlp, "We fit a small gradient-boosted model to predict tide heights from harbour "
                    "sensor logs and test it on three ports.",
               title="Tide Forecasting Across Coastal Harbour Networks")
    assert find(ents, "Tide Forecasting Across Coastal Harbour Networks") is None


def test_whole_title_noun_phrase_still_named(nlp):
    ents = run(nlp, "We fit a small gradient-boosted model to predict tide heights from harbour "
                    "sensor logs and test it on three ports.",
               title="Coastal Harbour Tide Embeddings")
    assert find(ents, "Coastal Harbour Tide Embeddings") is not None
