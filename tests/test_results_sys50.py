"""Results rules of the fiftieth session, helper sys50 (docs/results.md): a coined word that is
no subject (a compound modifier, a preposition's object, a unit, a measure before its change)
and a title phrase that is a known technique do not name the value's system."""

from __future__ import annotations

from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.results import systems
from tests.extracting import results_by_value as _found
from tests.extracting import results_switched as _switched

_OWN = ("Sim2Plan", "METHOD", "introduced")


def test_a_compound_modifier_is_no_coined_subject():
    text = ("Sim2Plan: Scheduling Mines with Language Models\nWe propose Sim2Plan. Evaluated "
            "across mining instances, the LLM-based framework recovers 94% of the optimal NPV.")
    assert _found(text, _OWN)["94%"]["system"] == "Sim2Plan"
    off = _switched(systems, "COINED_STRICT", False, text, _OWN)
    assert off["94%"]["system"] == "LLM-based"


def test_the_object_of_a_preposition_is_no_coined_subject():
    text = ("Sim2Plan: Token Scoring for Video\nWe propose Sim2Plan. Applying test-time scaling "
            "for long-video QA further yields gains of 1.5% compared to the baseline.")
    assert _found(text, _OWN)["1.5%"]["system"] == "Sim2Plan"
    assert _switched(systems, "COINED_STRICT", False, text, _OWN)["1.5%"]["system"] == "QA"


def test_a_unit_after_a_number_is_no_coined_subject():
    text = ("Tiny Arrhythmia Classifiers\nThe model has a size of 1.267 KB, achieves an accuracy "
            "of 96.38% for classifying four types of arrhythmia.")
    assert _found(text)["96.38%"]["system"] == THIS_PAPER


def test_a_measure_before_its_change_is_no_coined_subject():
    text = ("Sim2Plan: Tracing Knowledge\nWe propose Sim2Plan. The proposed method yields the "
            "maximum ACC improvement of 6.89%.")
    assert _found(text, _OWN)["6.89%"]["system"] == "Sim2Plan"


def test_a_coined_subject_still_holds_its_value():
    text = ("Gating Precision for Fast Networks\nCompared to 8-bit uniform quantization, PG "
            "obtains a 1.2% improvement in perplexity on the Penn Tree Bank.")
    assert _found(text)["1.2%"]["system"] == "PG"


def test_a_known_technique_in_the_title_is_not_the_own_system():
    text = ("Adapting Reinforcement Learning with Chain-of-Thought Supervision\nWe tune a "
            "tutor with reinforcement learning. The tuned model improves accuracy by 4.2% on "
            "the test set.")
    assert systems.own_system([], text.index("\n"), text[:text.index("\n")], text) == THIS_PAPER
    assert _found(text)["4.2%"]["system"] == THIS_PAPER
    off = _switched(systems, "TITLE_KNOWN", False, text)
    assert off["4.2%"]["system"] == "Reinforcement Learning"


def test_a_method_phrase_title_no_gazetteer_holds_keeps_its_name():
    text = ("Staged Training for Robust Parsers\nStaged Training improves accuracy by 4.2% "
            "on the test set.")
    title = text[:text.index("\n")]
    assert systems.own_system([], text.index("\n"), title, text) == "Staged Training"


def test_a_gain_for_a_model_in_an_own_sentence_is_the_own_systems():
    ents = (("AdvPrompt", "METHOD", "introduced"), ("Claude-3.7", "MODEL"),
            ("MATH-500", "BENCHMARK"))
    text = ("AdvPrompt: Short Reasoning\nWe propose AdvPrompt. For closed-source APIs, AdvPrompt "
            "reduces token usage on MATH-500 by 35% for Claude-3.7.")
    assert _found(text, *ents)["35%"]["system"] == "AdvPrompt"
    assert _switched(systems, "GAIN_FOR_OWN", False, text, *ents)["35%"]["system"] == "Claude-3.7"


def test_a_compared_value_for_a_model_stays_the_models():
    ents = (("PatchBoard", "METHOD", "introduced"), ("LangGraph", "METHOD"))
    text = ("PatchBoard: Shared Boards for Agents\nWe propose PatchBoard. PatchBoard achieves an "
            "84.6% success rate, compared with 30.8% for LangGraph.")
    assert _found(text, *ents)["30.8%"]["system"] == "LangGraph"
    text = ("Skills for Agents\nRelative to no skill, skill conditions increase the pass rate by "
            "26.7 percentage points for GPT-5.5.")
    assert _found(text, ("GPT-5.5", "MODEL"))["26.7 percentage points"]["system"] == "GPT-5.5"
