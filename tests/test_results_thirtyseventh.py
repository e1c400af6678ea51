"""The thirty-seventh session, helper res37 (docs/results.md): the subject of a value's sentence
read through its head noun, a name inside the sentence's opening phrase, "it" inside a name;
checked on invented sentences with entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import systems
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse video model. "


def _systems(switch: str, on: bool, text: str, *ents: tuple) -> dict:
    """The results of text with a switch of the systems module set to on."""
    return results_switched(systems, switch, on, text, *ents)


@pytest.mark.parametrize("on", [True, False])
def test_a_name_before_its_head_noun_is_the_subject(on):
    text = (_HEAD + "Among the baselines, the gradient boosting regressor performed best, reaching "
            "R2 scores of 0.95 (training), 0.76 (validation), and 0.83 (test).")
    got = _systems("HEAD_WORD", on, text, _OWN, ("gradient boosting", "METHOD"))
    assert (got["0.83"]["system"] == "gradient boosting") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_name_and_a_free_word_before_a_system_noun_is_the_subject(on):
    text = (_HEAD + "Trained on pseudo-labels, the resulting FooNet student model surpasses BarNet "
            "by 3.1%.")
    got = _systems("HEAD_WORD", on, text, _OWN, ("FooNet", "MODEL"), ("BarNet", "MODEL"))
    assert (got["3.1%"]["system"] == "FooNet") is on


def test_a_participle_before_the_noun_does_not_make_the_name_the_subject():
    text = _HEAD + "In the end, our FooNet based approach boosts recall by as much as 11.4%."
    got = _systems("HEAD_WORD", True, text, _OWN, ("FooNet", "MODEL"))
    assert got["11.4%"]["system"] != "FooNet"


@pytest.mark.parametrize("on", [True, False])
def test_a_name_in_the_opening_phrase_is_not_the_system(on):
    text = (_HEAD + "On decoder (FooLM-7B) and encoder-decoder (BarLM-XL) models, "
            "prompt folding enables up to 26x compression of prompts.")
    got = _systems("LOOSE_NOT_OPENER", on, text, _OWN, ("FooLM-7B", "MODEL"),
                   ("BarLM-XL", "MODEL"))
    assert (got["26x"]["system"] != "BarLM-XL") is on


def test_a_name_after_the_opening_comma_stays_the_system():
    text = _HEAD + "On the hardest split, LiteQuant traces a frontier from 5x compression."
    got = _systems("LOOSE_NOT_OPENER", True, text, _OWN, ("LiteQuant", "METHOD"))
    assert got["5x"]["system"] == "LiteQuant"


@pytest.mark.parametrize("on", [True, False])
def test_it_inside_a_name_is_not_the_own_system(on):
    text = (_HEAD + "The Gemma-3-4b-it model, fine-tuned with LoRA, reached a mean accuracy of "
            "80.4% against 69.6% for BarNet.")
    got = _systems("OWN_NOT_IN_NAME", on, text, _OWN, ("Gemma-3-4b-it", "MODEL"),
                   ("LoRA", "METHOD"), ("BarNet", "MODEL"))
    assert (got["80.4%"]["system"] == "Gemma-3-4b-it") is on
