"""Twenty-fourth pass (helper prec24): rules that reject false names by shape and context."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def test_coined_symbol_inside_a_formula_is_no_name(nlp):
    ents = run(nlp, r"We prove a regret bound of order $\tilde{O}(\sqrt{H^{5}SAT})$ and "
                    r"$\tilde{O}((dT)^{3/4})$ for our GraphMix method.")
    assert find(ents, "SAT") is None
    assert find(ents, "dT") is None
    assert find(ents, "GraphMix") is not None


def test_name_that_is_the_whole_formula_stays(nlp):
    ents = run(nlp, r"We propose an ensemble framework called $FreeTickets$, which beats "
                    r"deep ensembles at $\mathcal{O}(1)$ cost.")
    assert find(ents, "FreeTickets") is not None

