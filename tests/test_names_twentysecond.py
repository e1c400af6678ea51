"""Names found, twenty-second pass (helper name22): recall of named entities, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_multiple_before_a_known_method_is_no_variant(nlp):
    ents = run(nlp, "We evaluate multiple ViT backbones and multiple PCA projections.")
    assert find(ents, "multiple ViT") is None and find(ents, "multiple PCA") is None


def test_multiple_importance_sampling_is_a_known_method(nlp):
    ents = run(nlp, "The estimator combines the proposals by multiple importance sampling.")
    assert find(ents, "multiple importance sampling", ignore_case=True) is not None


@pytest.mark.parametrize("sentence, name, typ", [
    ("Node features are then processed with graph neural networks.", "graph neural networks",
     "METHOD"),
    ("We compare against random forests and support vector machines.", "random forests",
     "METHOD"),
    ("The dependencies are encoded in a Bayesian network over the sensors.", "Bayesian network",
     "METHOD"),
    ("Tactics are mapped onto MITRE ATT&CK techniques by the model.", "MITRE ATT&CK", "DATASET"),
    ("Road layouts are taken from OpenStreetMap for every city.", "OpenStreetMap", "DATASET"),
    ("Exploration remains hard on Montezuma's Revenge for most agents.", "Montezuma's Revenge",
     "BENCHMARK"),
    ("Cascades run on the IEEE 118-bus and IEEE 14-bus grids.", "IEEE 118-bus", "DATASET"),
    ("Features are selected by LASSO regression before the fit.", "LASSO regression", "METHOD"),
    ("The weights are trained with L2 regularization only.", "L2 regularization", "METHOD"),
    ("We report accuracy on Amazon Review Polarity for each budget.", "Amazon Review Polarity",
     "DATASET"),
    ("A decoder of stacked GRUs reads the sequence.", "GRUs", "METHOD"),
    ("Each scene is stored with INRs of small width.", "INRs", "METHOD"),
    ("We train the robot arm with a diffusion policy on twenty demonstrations.",
     "diffusion policy", "METHOD"),
    ("Training shards the experts by expert parallelism across eight GPUs.",
     "expert parallelism", "METHOD"),
    ("Demonstrations are multiplied with MimicGen before training.", "MimicGen", "METHOD"),
    ("We collect the cases recorded in the AI Incident Database since 2020.",
     "AI Incident Database", "DATASET"),
    ("Spins are updated by Glauber dynamics at each temperature.", "Glauber dynamics", "METHOD"),
    ("The offline values are estimated by fitted Q-evaluation.", "fitted Q-evaluation",
     "METHOD"),
    ("Low-resolution inputs are made by bicubic interpolation of each frame.",
     "bicubic interpolation", "METHOD"),
    ("The two samples are compared by a likelihood-ratio test at level 0.05.",
     "likelihood-ratio test", "METHOD"),
    ("The optimiser is tested on the Ackley function in ten dimensions.", "Ackley function",
     "BENCHMARK"),
    ("The bits pass every test of NIST SP 800-22 after debiasing.", "NIST SP 800-22",
     "BENCHMARK"),
    ("Trajectories are predicted on ETH/UCY with the usual splits.", "ETH/UCY", "DATASET"),
])
def test_well_known_names_added_to_the_gazetteer(nlp, sentence, name, typ):
    e = find(run(nlp, sentence), name, ignore_case=True)
    assert e is not None and e.type == typ
