"""Helper slots43 (docs/results.md): a value of a clause with no subject verb whose nearest name
is a used method is the paper's own named system's (results/ownloose.py), not where that name
acts, is a model, or the paper names no system of its own; checked on invented sentences with
entities given as the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import ownloose
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_a_used_method_of_a_verbless_clause_gives_way_to_the_own_name(on):
    text = _HEAD + ("In long-context scenarios, integrating the HMT plug-in reduces prefill "
                    "latency by 23.23x. Fine-tuning with a latent critic yields 100% RDKit "
                    "validity and 99.75% novelty.")
    got = results_switched(ownloose, "OWN_OVER_LOOSE", on, text, _OWN, ("HMT", "METHOD"),
                           ("RDKit", "METHOD"), ("prefill latency", "METRIC"),
                           ("novelty", "METRIC"))
    assert got["23.23x"]["system"] == ("KiteNet" if on else "HMT")
    assert got["99.75%"]["system"] == ("KiteNet" if on else "RDKit")


def test_a_used_method_that_acts_keeps_its_value():
    text = _HEAD + ("Under stronger stress, AdamW degrades to 1885.24 final perplexity. "
                    "Compared to the planner alone, GRU--RL improved the mean error from 0.51 "
                    "to 0.32.")
    got = results_switched(ownloose, "OWN_OVER_LOOSE", True, text, _OWN, ("AdamW", "METHOD"),
                           ("GRU", "METHOD"), ("perplexity", "METRIC"),
                           ("mean error", "METRIC"))
    assert got["1885.24"]["system"] == "AdamW"
    assert got["0.32"]["system"] == "GRU--RL"


def test_a_used_model_or_a_paper_without_its_own_name_keeps_the_nearest_name():
    text = _HEAD + "On the test split, the Llama-3-8B reproduction gives 71.2% accuracy."
    got = results_switched(ownloose, "OWN_OVER_LOOSE", True, text, _OWN,
                           ("Llama-3-8B", "MODEL"), ("accuracy", "METRIC"))
    assert got["71.2%"]["system"] == "Llama-3-8B"
    text = ("Routing at Scale\nWe study routing. In long-context scenarios, integrating the "
            "HMT plug-in reduces prefill latency by 23.23x.")
    got = results_switched(ownloose, "OWN_OVER_LOOSE", True, text, ("HMT", "METHOD"),
                           ("prefill latency", "METRIC"))
    assert got["23.23x"]["system"] == "HMT"


@pytest.mark.parametrize(("sentence", "acts"), [
    ("A Route Gate built on these signals achieves 78.6% coverage.", True),
    ("Existing solvers adopt a Route Gate (RG), whose throughput is 80.7% higher.", True),
    ("The Route Gate with Direct Preference Optimization (DPO) outperforms it (0.63).", True),
    ("Integrating the Route Gate plug-in reduces latency by 23x.", False),
    ("It yields 100% Route Gate validity.", False),
])
def test_a_name_that_acts_is_read_past_participles_brackets_and_asides(sentence, acts):
    end = sentence.index("Route Gate") + len("Route Gate")
    assert ownloose.own_over_loose(sentence, end, "METHOD", "used", "KiteNet") is not acts


def test_a_value_for_the_state_of_the_art_model_name_is_that_name():
    text = _HEAD + ("KiteNet reaches an average accuracy of 80.3%, compared to 63.4% for the "
                    "state-of-the-art model RouteCLIP.")
    got = results_switched(ownloose, "OWN_OVER_LOOSE", True, text, _OWN,
                           ("RouteCLIP", "MODEL"), ("average accuracy", "METRIC"))
    assert got["80.3%"]["system"] == "KiteNet"
    assert got["63.4%"]["system"] == "RouteCLIP"


@pytest.mark.parametrize("on", [True, False])
def test_a_value_stated_for_an_unnamed_system_has_no_system(on):
    text = _HEAD + ("KiteNet improves task success from 71.8% for compute-matched planning and "
                    "75.4% for an information-matched baseline to 78.9%.")
    got = results_switched(ownloose, "FOR_UNNAMED", on, text, _OWN, ("task success", "METRIC"))
    assert got["75.4%"]["system"] == (None if on else "KiteNet")
    assert got["78.9%"]["system"] == "KiteNet"


def test_a_value_for_small_models_or_for_a_named_model_keeps_its_system():
    text = _HEAD + ("KiteNet improves accuracy, with gains of up to 48 points for small models "
                    "and 15 points for frontier models.")
    got = results_switched(ownloose, "FOR_UNNAMED", True, text, _OWN, ("accuracy", "METRIC"))
    assert got["48 points"]["system"] == "KiteNet"
