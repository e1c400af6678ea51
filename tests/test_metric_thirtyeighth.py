"""Metric changes of the thirty-eighth session's metric pass (tuned on pools Y, Z, V-X and
train), on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract", [
    "The harbour forecaster gives a 21.1% reduction in MAE relative to the quay baseline.",
    "The harbour forecaster also achieves a 9% lower MAE on the dock split.",
    "The harbour regressor obtains 0.08 MAE on the dock split.",
    "The harbour forecaster wins with an average MAE reduction of 3.8% on long berths.",
    "Our berth model reduces the MAE of the tide forecasts.",
])
def test_a_shared_acronym_with_a_change_stated_is_the_measure(nlp, abstract):
    ents = run(nlp, abstract)
    assert ents["MAE"].type == "METRIC"


@pytest.mark.parametrize("abstract", [
    "Inspired by MAE, we propose a quay encoder for berth images.",
    "We compare 12 MAE variants for berth images.",
    "The quay encoder improves MAE pretraining on berth images.",
    "It trains 2x faster than MAE-style pretraining on berth images.",
])
def test_a_shared_acronym_naming_a_model_stays_the_model(nlp, abstract):
    ents = run(nlp, abstract)
    assert "MAE" not in measures(ents)


@pytest.mark.parametrize("abstract, form", [
    ("The dock scheduler improves SLO attainment for TPOT and TBT by up to 66% and 48%.",
     "SLO attainment"),
    ("The dock scheduler improves SLO attainment for TPOT and TBT by up to 66% and 48%.", "TPOT"),
    ("The dock scheduler improves SLO attainment for TPOT and TBT by up to 66% and 48%.", "TBT"),
    ("The quay generator improves mean QED by 2.3% on the berth molecules.", "QED"),
    ("Quantizing the berth model raises its PPL by 54.7% on average.", "PPL"),
    ("The judge agrees with harbour pilots (Cohen's k of 0.67).", "Cohen's k"),
    ("The judge is calibrated with Cohen's $\\kappa$ = 0.77 on the quay axis.", "Cohen's κ"),
    ("The berth encoder attains mean Pearson correlations of 0.32 on the dock split.",
     "Pearson correlations"),
])
def test_standard_measures_and_their_written_forms(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form in measures(ents), sorted(ents)


@pytest.mark.parametrize("abstract, form", [
    ("We study QED corrections to the scattering amplitude of the harbour lattice.", "QED"),
    ("We report a negative result on PPL-based pruning of the berth model.", "PPL"),
])
def test_short_forms_with_other_senses_need_a_value(nlp, abstract, form):
    assert form not in measures(run(nlp, abstract))


@pytest.mark.parametrize("abstract, form", [
    ("On the quay benchmark, the dock planner attains a 66.8% driving score.", "driving score"),
    ("Pilots are swayed by harbour notices, with an average misleading rate of 28.8%.",
     "misleading rate"),
    ("The berth classifier reaches a training accuracy of 99.2% on the dock split.",
     "training accuracy"),
    ("The quay robot has an overall grasping accuracy of 89% on four tasks.",
     "grasping accuracy"),
])
def test_an_ing_word_that_names_the_measure(nlp, abstract, form):
    assert form in measures(run(nlp, abstract))


@pytest.mark.parametrize("abstract, form", [
    ("The berth recipe includes a 30% masking ratio for the dock encoder.", "masking ratio"),
    ("The dock planner keeps improving accuracy of 90% across berths.", "improving accuracy"),
    ("The quay model keeps the learning rate fixed during berth training.", "learning rate"),
])
def test_an_ing_word_that_does_not(nlp, abstract, form):
    assert form not in measures(run(nlp, abstract))


@pytest.mark.parametrize("abstract, form", [
    ("The dock compiler achieves 56.4% compilation success; berth checks follow.",
     "compilation success"),
    ("The quay judge shows 73.68% directional consistency with harbour pilots.",
     "directional consistency"),
    ("The berth model reaches 0.968 validation bits-per-byte under a fixed budget.",
     "validation bits-per-byte"),
    ("The quay router achieves a 0.32% optimality gap under beam search.", "optimality gap"),
    ("The berth judge achieves 0.92 evaluation quality measured as F1 against pilots.",
     "evaluation quality"),
    ("The dock ranker achieves a 0.97 correlation with harbour pilots.", "correlation"),
])
def test_the_measure_a_reported_value_is_given_in(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form in measures(ents), sorted(ents)
    assert ents[form].extractor.startswith("metric_reported")


@pytest.mark.parametrize("abstract, form", [
    ("The quay planner achieves a 16% average performance improvement on berths.",
     "average performance improvement"),
    ("The dock model achieves up to 30% higher success rate on two berths.",
     "higher success rate"),
    ("The quay model obtains 2.75 billion activated parameters in all.",
     "billion activated parameters"),
    ("The harbour agent achieves 100% success on the dock split.", "success"),
    ("The quay study shows 24 harbour pilots on the dock.", "harbour pilots"),
    ("The berth parser achieves 7.5% requiring boundary adjustments.",
     "requiring boundary adjustments"),
    ("The quay AUC reached 0.9748 for both classes of berths.", "for both classes"),
    ("The berth auction achieves 99% optimal welfare in seconds.", "optimal welfare"),
    ("The best quay agents achieve only 22% score on our berth suite.", "score"),
])
def test_words_after_a_reported_value_that_name_no_measure(nlp, abstract, form):
    assert form not in measures(run(nlp, abstract))


def test_each_value_listed_after_a_reported_one_names_its_measure(nlp):
    found = measures(run(nlp, "The quay agent achieved 97.24% berth compatibility, 87.10% dock "
                              "compilation success, and 86.98% harbour compliance in our study, "
                              "with 24 pilots."))
    assert {"berth compatibility", "dock compilation success", "harbour compliance"} <= set(found)
    assert "pilots" not in found
