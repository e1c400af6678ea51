"""Names found, twenty-fourth pass (helper recall24): recall of named entities by shape and
grammar, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("We propose $\\lambda$-TRPQ, a variant of policy optimisation.", "$\\lambda$-TRPQ"),
    ("Graphs are built from the $k$-Farthest Anchors of each node.", "$k$-Farthest Anchors"),
    ("We compare against $\\beta$-VAEs and standard autoencoders.", "$\\beta$-VAEs"),
])
def test_a_name_led_by_a_math_variable_keeps_its_variable(nlp, sentence, form):
    ents = run(nlp, "We study representation learning. " + sentence)
    assert find(ents, form) is not None


def test_a_math_variable_name_and_its_short_form_after_or_are_one_entity(nlp):
    ents = run(nlp, "This paper introduces a way to explore called $g$-Drift Policy Search, or "
                    "$g$-DPS. $g$-DPS minimizes a divergence between two distributions.")
    e = find(ents, "$g$-Drift Policy Search")
    assert e is not None and "$g$-DPS" in e.aliases
    assert sum(1 for x in ents.values() if "$g$-DPS" in (x.name, *x.aliases)) == 1


@pytest.mark.parametrize("sentence, form", [
    # a plain word with a parameter
    ("We prove the map is $L$-Lipschitz on the whole domain.", "$L$-Lipschitz"),
    # a notion up to a tolerance
    ("The mechanism satisfies $\\varepsilon$-LDP for every user.", "$\\varepsilon$-LDP"),
])
def test_a_parameter_before_a_plain_word_or_a_tolerance_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study private learning. " + sentence)
    assert find(ents, form) is None
