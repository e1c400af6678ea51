"""Task and measure rule changes of the twenty-second pass (task22), each on sentences written
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


def test_average_accuracy_is_a_measure(nlp):
    ents = run(nlp, "On the glacier benchmark, GlacierNet improves average accuracy from 24.9% to "
                    "27.9% over the strongest baseline.")
    assert "average accuracy" in of_type(ents, "METRIC")


@pytest.mark.parametrize("sentence", [
    "Pruning the glacier model reduces inference latency on small edge devices.",
    "The cache gives faster glacier maps and lower retrieval latency for field teams.",
])
def test_a_cost_compound_without_a_measurement_is_no_measure(nlp, sentence):
    assert not any(m.endswith("latency") for m in of_type(run(nlp, sentence), "METRIC"))


def test_a_cost_compound_with_a_value_is_a_measure(nlp):
    ents = run(nlp, "GlacierNet cuts inference latency to 12 ms on one GPU.")
    assert "inference latency" in of_type(ents, "METRIC")


@pytest.mark.parametrize("title, piece", [
    ("Probabilistic Modeling of Glacier Calving in Polar Radar Maps", "probabilistic modeling"),
    ("Asymmetric Control of Which Glacier Fronts Survive", "asymmetric control"),
])
def test_a_title_process_before_of_is_no_task(nlp, title, piece):
    ents = run(nlp, "We study ice fronts in polar radar maps.", title=title)
    assert piece not in of_type(ents, "TASK")


def test_a_title_task_before_of_stays_a_task(nlp):
    ents = run(nlp, "We study ice fronts in polar radar maps.",
               title="Safe Locomotion of Glacier Robots on Polar Ice")
    assert "safe locomotion" in of_type(ents, "TASK")


def test_a_title_piece_before_for_and_a_task_is_the_means(nlp):
    ents = run(nlp, "Ice fronts move. Deep models map them poorly in polar radar images. "
                    "Experiments on two glacier sets show gains in front accuracy.",
               title="Deep Isometric Learning for Glacier Front Segmentation")
    assert "glacier front segmentation" in of_type(ents, "TASK")
    assert "isometric learning" not in of_type(ents, "TASK")
    assert "isometric learning" in of_type(ents, "METHOD")


@pytest.mark.parametrize("sentence, measure", [
    ("The glacier sensor scheduler lowers the average age of information to 3.2 s.",
     "age of information"),
    ("GlacierNet reaches a mean corruption error (mCE) of 48.2 on the corrupted ice maps.",
     "mean corruption error"),
    ("GlacierNet reaches a validation loss of 0.41 after ten epochs on the ice maps.",
     "validation loss"),
])
def test_well_known_measures_of_this_pass_are_metrics(nlp, sentence, measure):
    assert measure in of_type(run(nlp, sentence), "METRIC")
