"""A bracketed acronym or value after a listed name does not break the list (list_types)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, name, type_", [
    ("Our method improves accuracy on CIFAR-10 (+1.2%), SVHN (+3.4%) and QorvaScenes (+5.1%).",
     "QorvaScenes", "DATASET"),
    ("It obtains the best accuracy (0.81) among Llama-2 (0.75), Mistral-7B (0.74), ZelvoCLIP "
     "(0.73), and a small baseline (0.61).", "ZelvoCLIP", "MODEL"),
])
def test_a_bracketed_value_keeps_the_list(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_, e


def test_a_bracketed_phrase_still_ends_the_list(nlp):
    e = find(run(nlp, "On Llama-2 (7B to 70B), QorvaTune achieves higher accuracy than "
                      "plain tuning."), "QorvaTune")
    assert e is not None and e.type != "MODEL", e
