"""Names found and left out, thirtieth pass (helper recall30): background techniques the
gazetteer no longer names, known short names in brackets after their long form, places, function
words before a data head, decimal model sizes; on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("We train the ranker with early stopping on a held-out split.", "early stopping"),
    ("The agent revises its plan by self-reflection after each step.", "self-reflection"),
    ("Keys and values stay in the KV cache between the decoding steps.", "KV cache"),
    ("Long inputs are read with sparse attention over local windows.", "sparse attention"),
])
def test_a_background_technique_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study planning agents for warehouses. " + sentence)
    assert find_any_case(ents, form) is None


@pytest.mark.parametrize("sentence, long_, short", [
    ("We compare Random Forest and Extreme Gradient Boosting (XGBoost) on the flares.",
     "Extreme Gradient Boosting", "XGBoost"),
    ("The critic is trained with Adaptive Moment Estimation (Adam) at a small rate.",
     "Adaptive Moment Estimation", "Adam"),
    ("The arm is driven by Twin Delayed Deep Deterministic Policy Gradient (TD3) in the loop.",
     "Twin Delayed Deep Deterministic Policy Gradient", "TD3"),
])
def test_a_known_name_in_brackets_after_its_long_form_is_one_entity(nlp, sentence, long_, short):
    ents = run(nlp, "We study control of robot arms. " + sentence)
    e = find_any_case(ents, short)
    assert e is not None and long_ in (e.name, *e.aliases)


def test_a_known_name_whose_long_form_holds_another_long_form_stays_apart(nlp):
    ents = run(nlp, "We study control of robot arms. We compare Deep Deterministic Policy "
                    "Gradient (DDPG) and Twin Delayed Deep Deterministic Policy Gradient (TD3) "
                    "in the loop.")
    e = find_any_case(ents, "TD3")
    assert e is not None and "DDPG" not in (e.name, *e.aliases)


def test_a_known_name_in_brackets_after_another_phrase_stays_apart(nlp):
    ents = run(nlp, "We study control of robot arms. A Pretrained Vision Backbone (CLIP) "
                    "encodes the camera frames.")
    e = find_any_case(ents, "CLIP")
    assert e is not None and "Pretrained Vision Backbone" not in (e.name, *e.aliases)


@pytest.mark.parametrize("place", ["Sierra Nevada", "Santa Marta", "Eastern Greenland",
                                   "Helheim Glacier", "Ho Chi Minh City", "Hong Kong"])
def test_a_place_is_no_name(nlp, place):
    ents = run(nlp, f"We study land use. We map palm clusters across {place} from the images.")
    assert find_any_case(ents, place) is None


def test_a_place_before_a_data_head_is_still_a_data_set(nlp):
    ents = run(nlp, "We study land use. We train on the South Andes Farms dataset of images.")
    e = find_any_case(ents, "South Andes Farms")
    assert e is not None and e.type == "DATASET"


@pytest.mark.parametrize("sentence, form", [
    ("We study rumours. Results: The dataset holds 1,200 threads.", "The dataset"),
    ("We study rumours. (2) Coverage: Our benchmark joins exam questions.", "Our benchmark"),
    ("We study rumours on forums (The datasets are public).", "The datasets"),
    ("We study rumours. We release this Q&A dataset to the community.", "A dataset"),
])
def test_a_function_word_before_a_data_head_names_nothing(nlp, sentence, form):
    assert find_any_case(run(nlp, sentence), form) is None


def test_a_plain_word_before_a_data_head_is_still_a_name(nlp):
    e = find_any_case(run(nlp, "We study rumours. We test on the Palm dataset."), "Palm dataset")
    assert e is not None and e.type == "DATASET"


@pytest.mark.parametrize("form", ["OPT 2.7B", "OPT 6.7B"])
def test_a_known_models_size_with_a_decimal_keeps_its_unit(nlp, form):
    ents = run(nlp, f"We study prompt transfer. The generator moves from BLIP-2 {form} to a new "
                    "language model.")
    e = find_any_case(ents, form)
    assert e is not None and e.type == "MODEL"
    assert find_any_case(ents, form[:-1]) is None
