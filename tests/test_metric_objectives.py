"""A measure named as a training loss or an unreported objective is no METRIC
(rules/metric_objectives.py), on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _has(ents: dict, form: str) -> bool:
    """Whether a METRIC of that name (any case) was found."""
    return form.lower() in {m.lower() for m in measures(ents)}


@pytest.mark.parametrize("abstract, form", [
    ("The harbour segmenter combines Dice Loss and Focal Loss functions on the quay scans.",
     "Dice"),
    ("We train the berth classifier with an MSE loss on the tide records and report its recall.",
     "MSE"),
    ("The dock ranker is distilled using a hybrid of cross-entropy, RankNet, and KL divergence "
     "losses on the harbour logs.", "KL divergence"),
    ("The quay forecaster has Gaussian output heads trained via negative log-likelihood on the "
     "tide logs.", "negative log-likelihood"),
    ("We fine-tune the dock model with cross-entropy on the quay logs and report recall and "
     "precision on the tide logs.", "cross-entropy"),
])
def test_a_measure_named_as_a_training_objective_is_no_measure(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert not _has(ents, form), sorted(measures(ents))


@pytest.mark.parametrize("abstract, form", [
    ("Our quay model achieves lower cross-entropy than all previous stack networks on the tide "
     "logs.", "cross-entropy"),
    ("The berth sampler reduces the KL divergence to the target by 40% on the harbour logs.",
     "KL divergence"),
    ("The dock forecaster reaches a mean squared error of 0.12 on the tide records.",
     "mean squared error"),
    ("The harbour detector gains 25.0% accuracy under the 0.75 IoU criterion on the quay scans.",
     "IoU"),
])
def test_a_measure_reported_beside_a_value_or_comparison_stays(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert _has(ents, form), sorted(measures(ents))
