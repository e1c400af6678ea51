"""INTRODUCES, twenty-first pass: the counted parts of the paper's own system after a comma or
past the clause that describes each, on sentences written for these tests (the rules alone, as
`--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_counted_parts_after_a_comma_are_introduced(nlp):
    ents = run(nlp, "Quorb video recognition is costly. Specially, QuorbNeXt consists of two key "
                    "modules, the Plonk Imitator and the Single-Step Quorb Encoder.",
               title="QuorbNeXt: Rethinking Plonk Design for Quorb Video Recognition")
    for form in ("Plonk Imitator", "Single-Step Quorb Encoder"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_counted_parts_past_a_describing_clause_are_introduced(nlp):
    ents = run(nlp, "Quorbs drift in large models. QuorbGym consists of two components: "
                    "PlonkInject, which injects a quorb into the model while it is frozen, and "
                    "PlonkScope, which uses the injected signals to find the quorb.",
               title="QuorbGym: Fantastic Quorbs and How to Find Them")
    for form in ("PlonkInject", "PlonkScope"):
        e = find(ents, form)
        assert e is not None and e.role == "introduced", form


def test_a_clause_after_the_counted_items_adds_no_more(nlp):
    ents = run(nlp, "Quorbs drift in large models. QuorbGym consists of two components: "
                    "PlonkInject and PlonkScope, which are trained on the Zarvox Quorb Corpus, "
                    "and compared with FlimNet.",
               title="QuorbGym: Fantastic Quorbs and How to Find Them")
    e = find(ents, "FlimNet")
    assert e is None or e.role == "used"


def test_a_used_subtitle_phrase_the_title_name_spells_is_folded_into_it(nlp):
    ents = run(nlp, "Quorb models transfer poorly. We present GraphAlignQ, which aligns plonk "
                    "geometry across quorb domains.",
               title="GraphAlignQ: Geometry-aware Alignment for Improving Transfer Learning in "
                     "Quorb Models")
    e = find(ents, "GraphAlignQ")
    assert e is not None and e.role == "introduced"
    assert find(ents, "Geometry-aware Alignment") is e


def test_a_used_subtitle_phrase_the_title_name_does_not_spell_stays_apart(nlp):
    ents = run(nlp, "Quorb models transfer poorly. We present GraphQuorb, which aligns plonk "
                    "geometry across quorb domains.",
               title="GraphQuorb: Geometry-aware Alignment for Improving Transfer Learning in "
                     "Quorb Models")
    f = find(ents, "Geometry-aware Alignment")
    assert f is not None and f is not find(ents, "GraphQuorb")
