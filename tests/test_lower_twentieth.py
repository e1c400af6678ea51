"""Lower-case names, twentieth pass (helper lower20): the paper's own techniques written in
lower case, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, long_form, short", [
    ("We propose a dual coalescent projection (DCP) that keeps the latent space apart.",
     "dual coalescent projection", "DCP"),
    ("Our merge order selection (MOS) lowers the cost of merging.",
     "merge order selection", "MOS"),
    ("This paper introduces a measure neural mapping (MNM) over probability inputs.",
     "measure neural mapping", "MNM"),
])
def test_a_lower_case_long_form_the_paper_proposes_is_its_method(nlp, sentence, long_form,
                                                                  short):
    e = find(run(nlp, sentence), long_form)
    assert e is not None and e.type == "METHOD" and short in e.aliases


@pytest.mark.parametrize("sentence, long_form", [
    ("Slides are scanned as whole slide images (WSIs) at high resolution.",
     "whole slide images"),
    ("Patients were enrolled in randomized controlled trials (RCTs) across sites.",
     "randomized controlled trials"),
    ("We study joint radio (JR) links.", "joint radio"),
])
def test_a_lower_case_long_form_without_the_papers_word_stays_no_name(nlp, sentence,
                                                                      long_form):
    assert find(run(nlp, sentence), long_form) is None


@pytest.mark.parametrize("sentence, name", [
    ("The flow field is reduced by proper orthogonal decomposition before training.",
     "proper orthogonal decomposition"),
    ("Safety requirements are written in signal temporal logic for the planner.",
     "signal temporal logic"),
    ("We calibrate the classifier with temperature scaling on held-out data.",
     "temperature scaling"),
    ("The serving engine combines prefix caching with batching.", "prefix caching"),
    ("Transcripts were analysed by open coding in two rounds.", "open coding"),
])
def test_a_textbook_technique_of_the_twentieth_batch_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


def test_a_lower_case_long_form_before_a_singular_technique_head_is_a_name(nlp):
    ents = run(nlp, "Between the domains, a dynamic domain generator (DDG) module aligns the "
                    "features.")
    e = find(ents, "dynamic domain generator")
    assert e is not None and e.type == "METHOD" and "DDG" in e.aliases


def test_a_lower_case_long_form_before_a_plural_head_stays_no_name(nlp):
    ents = run(nlp, "Scans of whole tissue regions (WTR) models were compared.")
    assert find(ents, "whole tissue regions") is None
