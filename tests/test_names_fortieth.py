"""Names, fortieth pass (helper names40): a known name of several words written in the plural or
in British spelling is the known name (not a shorter known one inside it); the acronym of a
dropped organisation or place goes with its long form. On sentences written for these tests,
beside invented names."""

from __future__ import annotations

import pytest

from paperkg.extractors.components import spelling_variants
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("form, plural", [
    ("graph attention network", "graph attention networks"),
    ("wavelet transform", "wavelet transforms"),
    ("multi-layer perceptron", "multi-layer perceptrons"),
    ("neural process", "neural processes"),
])
def test_a_known_name_ending_in_a_counted_head_has_its_plural(form, plural):
    assert plural in spelling_variants(form)


@pytest.mark.parametrize("form, british", [
    ("proximal policy optimization", "proximal policy optimisation"),
    ("normalizing flows", "normalising flows"),
    ("batch normalization", "batch normalisation"),
])
def test_a_known_name_has_its_british_spelling(form, british):
    assert british in spelling_variants(form)


def test_no_british_spelling_for_a_short_stem():
    assert not [v for v in spelling_variants("size-aware pruning") if "sise" in v]


def test_the_british_spelling_is_the_known_name(nlp):
    ents = run(nlp, "We train QuillNet with proximal policy optimisation and compare it with "
                    "ZorbNet. The results hold across seeds.")
    assert find(ents, "proximal policy optimisation", ignore_case=True) is not None


@pytest.mark.parametrize("form", ["nearest neighbor", "information bottleneck", "transformer",
                                  "decision tree", "Graph Attention Network"])
def test_no_plural_for_other_heads_one_word_or_a_cased_form(form):
    assert not [v for v in spelling_variants(form) if v.endswith("s")]


def test_the_plural_keeps_the_whole_known_name(nlp):
    ents = run(nlp, "We stack Graph Attention Networks on the ZorbGraph benchmark, and the "
                    "graph attention networks beat QuillNet. The results hold across seeds.")
    assert find(ents, "Graph Attention Networks", ignore_case=True) is not None
    assert find(ents, "Graph Attention") is None
    assert find(ents, "QuillNet") is not None


@pytest.mark.parametrize("sentence, acr", [
    # a possessive before the long form: the run that the place rule drops is longer than the
    # defined long form, so no acronym definition carried the acronym with it
    ("The Plinket Navy's Zorbian Research Center (ZRC7) and Quarnby University built tools; "
     "ZRC7 tools feed ZorbSeg.", "ZRC7"),
    ("The Zorbian Army's Quarnby Integration Center (QIC2) trained staff, and QIC2 staff used "
     "ZorbSeg on the data.", "QIC2"),
])
def test_the_acronym_of_a_dropped_place_is_dropped_too(nlp, sentence, acr):
    ents = run(nlp, sentence + " The results hold across seeds.")
    assert find(ents, acr) is None
    assert find(ents, "ZorbSeg") is not None


def test_the_acronym_stays_where_its_long_form_is_no_organisation_elsewhere(nlp):
    # the title's last words read with the abstract's first word as "... Learning Foundation"
    ents = run(nlp, "Foundation models are large. Quarnby Graph Learning (QGL) trains them on "
                    "clients, and QGL keeps data local. The results hold across seeds.",
               title="Tuning Foundation Models in Quarnby Graph Learning")
    assert find(ents, "QGL") is not None or find(ents, "Quarnby Graph Learning") is not None


def test_the_acronym_of_a_kept_long_form_stays(nlp):
    ents = run(nlp, "We propose Quarnby Graph Smoothing (QGS) for node labels; QGS beats "
                    "ZorbSeg. The results hold across seeds.")
    assert find(ents, "QGS") is not None
