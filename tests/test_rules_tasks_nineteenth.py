"""Task and measure rule changes of the nineteenth pass (task19), each on sentences written for
it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def tasks(ents: dict) -> set[str]:
    """Names of the TASK entities, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == "TASK"}


_OTHER_TASK = "We study change detection on satellite images with a sparse graph model."


@pytest.mark.parametrize("title, task", [
    ("A Sparse Graph Model for Glacier Hazard Assessment", "glacier hazard assessment"),
    ("Sparse Graphs for Glacier Robustness: A Study", "glacier robustness"),
])
def test_a_title_for_x_naming_a_purpose_is_a_task_beside_another(nlp, title, task):
    found = tasks(run(nlp, _OTHER_TASK, title=title))
    assert "change detection" in found
    assert task in found


@pytest.mark.parametrize("title, not_task", [
    ("A Sparse Graph Model for Fast Glacier Inversion of Ice Sheets", "fast glacier inversion"),
    ("A Sparse Graph Model for Glacier Hazard Mitigation in Alpine Valleys",
     "glacier hazard mitigation"),
    ("A Sparse Graph Model for Glacier Maps", "glacier maps"),
])
def test_a_title_for_x_of_y_or_a_thing_is_no_task_beside_another(nlp, title, not_task):
    assert not_task not in tasks(run(nlp, _OTHER_TASK, title=title))


def test_a_title_for_x_with_a_title_case_hyphen_compound_is_a_task(nlp):
    found = tasks(run(nlp, "We map ice fronts with a sparse graph model.",
                      title="A Sparse Graph Model for Multi-Source Glacier Monitoring"))
    assert "multi-source glacier monitoring" in found


def test_a_title_for_x_with_an_inner_capital_is_still_a_coined_name(nlp):
    found = tasks(run(nlp, "We map ice fronts with a sparse graph model.",
                      title="A Sparse Graph Model for GlacierNet Monitoring"))
    assert "glaciernet monitoring" not in found


@pytest.mark.parametrize("sentence, not_task", [
    ("Prior detectors are based on quantile glacier regression.", "quantile glacier regression"),
    ("Current systems rely on glacier boundary detection.", "glacier boundary detection"),
])
def test_a_phrase_after_based_on_or_rely_on_is_the_means_not_a_task(nlp, sentence, not_task):
    assert not_task not in tasks(run(nlp, sentence))


def test_a_phrase_after_on_stays_a_task_elsewhere(nlp):
    assert "glacier boundary detection" in tasks(run(
        nlp, "We report results on glacier boundary detection for alpine maps."))


def types(ents: dict) -> dict[str, str]:
    """Type of each entity, by case-folded name."""
    return {e.name.casefold(): e.type for e in ents.values()}


@pytest.mark.parametrize("sentence, name", [
    ("We compare glacier restorers using NIQE, MUSIQ and NMI.", "niqe"),
    ("We compare glacier restorers using NIQE, MUSIQ and NMI.", "musiq"),
    ("We compare glacier restorers using NIQE, MUSIQ and NMI.", "nmi"),
    ("Enhanced speech improves PESQ from 2.1 to 2.9.", "pesq"),
])
def test_well_known_quality_and_clustering_measures_are_metrics(nlp, sentence, name):
    assert types(run(nlp, sentence)).get(name) == "METRIC"


@pytest.mark.parametrize("sentence, name", [
    ("Our GlacierScore rises from 0.61 to 0.74 on the held-out maps.", "glacierscore"),
    ("The InMelt-Index improves from 0.61 to 0.74 on the held-out maps.", "inmelt-index"),
])
def test_a_coined_score_or_index_is_a_metric(nlp, sentence, name):
    assert types(run(nlp, sentence)).get(name) == "METRIC"


def test_a_title_piece_with_a_hyphen_compound_before_the_means_is_a_task(nlp):
    found = tasks(run(nlp, "We map ice fronts with a sparse graph model.",
                      title="GlacierX: Multi-Source Glacier Segmentation via Sparse Graphs"))
    assert "multi-source glacier segmentation" in found


@pytest.mark.parametrize("title, not_task", [
    ("GlacierX: Multi-Source Glacier Learning via Sparse Graphs", "multi-source glacier learning"),
    ("GlacierX: Multi-Source Glacier Segmentation for Alpine Maps",
     "multi-source glacier segmentation"),
])
def test_a_title_piece_with_a_hyphen_compound_elsewhere_stays_a_name(nlp, title, not_task):
    found = tasks(run(nlp, "We map ice fronts with a sparse graph model.", title=title))
    assert not_task not in found


@pytest.mark.parametrize("sentence, not_task", [
    ("The solver is tuned for glacier policy optimization.", "glacier policy optimization"),
    ("A sparse adapter is used for glacier knowledge transfer.", "glacier knowledge transfer"),
])
def test_a_for_phrase_ending_in_a_technique_head_is_no_task(nlp, sentence, not_task):
    assert not_task not in tasks(run(nlp, sentence))


def test_a_task_phrase_ending_in_a_technique_head_is_still_found_by_its_pattern(nlp):
    assert "glacier policy optimization" in tasks(run(
        nlp, "We study the glacier policy optimization problem with sparse rewards."))


def test_a_capitalised_name_ending_in_auc_is_a_metric(nlp):
    ents = run(nlp, "Our detector raises the Equalized Glacier AUC from 0.71 to 0.80.")
    assert types(ents).get("equalized glacier auc") == "METRIC"
