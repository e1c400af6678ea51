"""The thirty-seventh session, helper res37 (docs/results.md): the subject of a value's sentence
read through its head noun, a name inside the sentence's opening phrase, "it" inside a name;
values in seconds, milliseconds and "$\\sim N$" math, and the times,
confidence levels and folds that are no results; checked on invented sentences with entities
given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import guards, systems
from tests.extracting import results_by_value as _found
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


@pytest.mark.parametrize("on", [True, False])
def test_the_level_of_a_one_sided_bound_is_no_result(on):
    text = (_HEAD + "KiteNet raised recall by 12.5 points, with no failure among 120 clean "
            "clips (95% Wilson upper bound 3.1%).")
    got = results_switched(guards, "CI_BOUND", on, text, _OWN)
    assert ("95%" not in got) is on
    assert "12.5 points" in got


def test_a_number_of_folds_is_no_result():
    text = (_HEAD + "Through 5-fold cross validation on BarSet, KiteNet reaches an accuracy of "
            "84.7%.")
    got = results_switched(guards, "CI_BOUND", True, text, _OWN, ("BarSet", "DATASET"))
    assert "5-fold" not in got
    assert "84.7%" in got


@pytest.mark.parametrize("on", [True, False])
def test_times_in_words_are_values(on, monkeypatch):
    from paperkg.extractors.results import values

    monkeypatch.setattr(values, "MORE_UNITS", on)
    pattern = values._value_re(values._NUM)
    found = {m.group(0) for m in pattern.finditer(
        "KiteNet answers in 0.08 seconds, with 2.4 milliseconds per frame.")}
    assert ({"0.08 seconds", "2.4 milliseconds"} <= found) is on


@pytest.mark.parametrize("on", [True, False])
def test_an_approximate_value_inside_its_own_math_is_read_whole(on, monkeypatch):
    from paperkg.extractors.results import values

    monkeypatch.setattr(values, "SIM_MATH", on)
    pattern = values._value_re(values._NUM)
    text = r"up to $\sim10\times$ speedup, $\sim79$% less memory and $\sim 24\%$ fewer errors"
    found = {m.group(0) for m in pattern.finditer(text)}
    assert ({r"$\sim10\times$", r"$\sim79$%", r"$\sim 24\%$"} <= found) is on


@pytest.mark.parametrize("on", [True, False])
def test_a_time_within_which_something_is_done_is_a_result(on):
    text = _HEAD + "KiteNet detects and mitigates a spoofing attack within 0.4 seconds."
    got = results_switched(guards, "TIME_WITHIN", on, text, _OWN)
    assert ("0.4 seconds" in got) is on


def test_a_time_that_is_long_or_a_resolution_is_no_result():
    text = (_HEAD + "KiteNet reads videos that are 20 seconds long on average at a resolution "
            "of 40 milliseconds, and reaches 81.2% accuracy in 3 minutes 36 seconds.")
    got = results_switched(guards, "TIME_WITHIN", True, text, _OWN)
    assert "20 seconds" not in got
    assert "40 milliseconds" not in got
    assert "36 seconds" not in got
    assert "81.2%" in got


@pytest.mark.parametrize("on", [True, False])
def test_values_joined_by_a_slash_share_the_benchmark_after_them(on, monkeypatch):
    from paperkg.extractors.results import benchmarks

    monkeypatch.setattr(benchmarks, "SLASH_SHARED", on)
    # the pattern is built for the switch (monkeypatch puts the old one back)
    monkeypatch.setattr(benchmarks, "_AFTER_BLOCK", benchmarks.after_block())
    text = (_HEAD + "On two detection datasets, KiteNet reaches 60.6%/80.1% mAP50:95/mAP50 "
            "on FooSet and 57.4%/74.7% on BarSet.")
    got = _found(text, _OWN, ("FooSet", "DATASET"), ("BarSet", "DATASET"))
    assert (got["60.6%"]["benchmark"] == "FooSet") is on
    assert (got["57.4%"]["benchmark"] == "BarSet") is on


@pytest.mark.parametrize("on", [True, False])
def test_a_title_phrase_typed_as_a_task_is_not_the_own_system(on):
    text = ("Few-Shot Adaptation of FooDet for Farm Imagery\nWe propose an efficient few-shot "
            "adaptation method for FooDet. Specifically, it reaches up to 24.5% higher mAP than "
            "fully fine-tuned detectors.")
    got = _systems("TITLE_TASK", on, text, ("Few-Shot Adaptation", "TASK"), ("FooDet", "MODEL"),
                   ("mAP", "METRIC"))
    assert (got["24.5%"]["system"] == "THIS_PAPER") is on
