"""Task and measure rule changes of the twenty-first pass (task21), each on sentences written
for it."""

from __future__ import annotations

import pytest

from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def of_type(ents: dict, typ: str) -> set[str]:
    """Names of the entities of one type, case-folded."""
    return {e.name.casefold() for e in ents.values() if e.type == typ}


@pytest.mark.parametrize("title, task", [
    ("Learning Glacier Front Segmentation for Polar Radar Maps", "glacier front segmentation"),
    ("Understanding Glacier Calving Prediction with Radar Maps", "glacier calving prediction"),
    ("Radar Maps: Learning Glacier Front Segmentation", "glacier front segmentation"),
])
def test_title_opening_verb_is_not_part_of_the_task(nlp, title, task):
    found = of_type(run(nlp, "We study ice fronts in polar radar maps.", title=title), "TASK")
    assert task in found
    assert not any(t.startswith(("learning ", "understanding ")) for t in found)


@pytest.mark.parametrize("name", ["Glacier Routing Problems", "Ice Shelf Allocation Problem"])
def test_a_named_problem_is_a_task(nlp, name):
    ents = run(nlp, f"We study {name} on polar radar maps and solve {name} with a new solver.")
    assert name.casefold() in of_type(ents, "TASK")


@pytest.mark.parametrize("sentence, measure", [
    ("The rankings of the glacier trackers agree by the Spearman rank correlation coefficient.",
     "spearman rank correlation coefficient"),
    ("We compare the ice-front masks with the Jaccard and report where they differ.", "jaccard"),
    ("The glacier tracker improves the weighted-F1 metric on the ice-front maps.", "weighted-f1"),
    ("We rank the glacier trackers by their Elo ratings from pairwise human votes.",
     "elo ratings"),
])
def test_well_known_measures_are_metrics(nlp, sentence, measure):
    assert measure in of_type(run(nlp, sentence), "METRIC")


@pytest.mark.parametrize("title, task", [
    ("Hard Negative Learning for Fine-Grained Crevasse Understanding in Large Radar Models",
     "fine-grained crevasse understanding"),
    ("Radar Features to Enable Deep Glacier Models in Crevasse Detection", "crevasse detection"),
])
def test_title_for_task_before_a_setting(nlp, title, task):
    found = of_type(run(nlp, "We study ice sheets from space.", title=title), "TASK")
    assert task in found


@pytest.mark.parametrize("sentence, measure", [
    ("The glacier tracker predicts melt rates well (up to GLR2 of .70) across seasons.", "glr2"),
    ("Agreement between the glacier raters is good (GICC $\\approx$ .80) at nine raters.",
     "gicc"),
])
def test_a_name_before_a_value_without_its_leading_zero_is_a_measure(nlp, sentence, measure):
    assert measure in of_type(run(nlp, sentence), "METRIC")


@pytest.mark.parametrize("sentence, measure", [
    ("The glacier matcher improves Rank-1 and Rank-5 on the ice-front gallery.", "rank-5"),
    ("The glacier tracker is scored by front error (MPJPE), mesh quality (CDg, CDi, F10) and "
     "rendering quality (PSNR).", "f10"),
])
def test_a_measure_at_a_cut_off_is_a_metric(nlp, sentence, measure):
    assert measure in of_type(run(nlp, sentence), "METRIC")


def test_a_measure_without_its_score_is_the_same_measure(nlp):
    ents = run(nlp, "The crevasse detector lifts the F2 score of 0.801 to 0.857, and boosting F2 "
                    "from 0.742 to 0.833 keeps recall at 0.99.")
    metrics = {e.name.casefold(): e for e in ents.values() if e.type == "METRIC"}
    assert "f2 score" in metrics and "f2" not in metrics
    assert "F2" in metrics["f2 score"].aliases
