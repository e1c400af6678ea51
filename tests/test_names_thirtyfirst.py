"""Names found and left out, thirty-first pass (helper names31): a dimension joined to a coined
word, a measure improved from one value to another; on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, find_any_case, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form", [
    ("We propose 2D-QRX, a quantiser for motion tokens.", "2D-QRX"),
    ("Our planner is built on 3D-ZetaLM and a small critic.", "3D-ZetaLM"),
    ("Faults are read by a 1D-CNN over the vibration signal.", "1D-CNN"),
    ("We add 4D-KMB to fuse the frames over time.", "4D-KMB"),
])
def test_a_dimension_joined_to_a_coined_word_is_a_name(nlp, sentence, form):
    ents = run(nlp, "We study scenes seen from moving cameras. " + sentence)
    assert find(ents, form) is not None


@pytest.mark.parametrize("sentence, form", [
    ("The decoder is 3D-aware and cheap.", "3D-aware"),
    ("We lift the points 2D-to-3D with a small network.", "2D-to-3D"),
])
def test_a_dimension_joined_to_a_plain_word_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study scenes seen from moving cameras. " + sentence)
    assert find(ents, form) is None


@pytest.mark.parametrize("sentence, form", [
    ("The volumes are segmented by a 3D U-Net trained from scratch.", "3D U-Net"),
    ("Each scene is rendered with 2D Gaussian Splatting at full size.", "2D Gaussian Splatting"),
])
def test_a_dimension_before_a_known_name_is_part_of_it(nlp, sentence, form):
    ents = run(nlp, "We study scans of livers. " + sentence)
    assert find(ents, form) is not None


def test_a_dimension_before_a_known_task_is_left_to_the_task(nlp):
    ents = run(nlp, "We study scans of livers. We also report 3D object detection scores.")
    assert find(ents, "3D U-Net") is None and all(
        not e.name.startswith("3D") or e.type == "TASK" for e in ents.values())


@pytest.mark.parametrize("sentence, form", [
    ("We blend the parts with Poisson Texture Blending and a small refiner.",
     "Poisson Texture Blending"),
    ("We compare the plain Bayesian QRD with two other estimators.", "Bayesian QRD"),
])
def test_an_eponym_before_a_capitalised_word_opens_the_name(nlp, sentence, form):
    ents = run(nlp, "We study meshes of chairs. " + sentence)
    assert find(ents, form) is not None


def test_an_eponym_alone_is_still_no_name(nlp):
    ents = run(nlp, "We study meshes of chairs. The noise is Gaussian and the prior Bayesian.")
    assert find(ents, "Gaussian") is None and find(ents, "Bayesian") is None


@pytest.mark.parametrize("sentence, form", [
    ("Pre-trained language models (PLMs) read the reports well.", "PLMs"),
    ("Pre-trained models (PTMs) are reused across the sites.", "PTMs"),
])
def test_a_pretrained_model_defined_with_an_acronym_is_no_name(nlp, sentence, form):
    ents = run(nlp, "We study reports of radiologists. " + sentence)
    assert find(ents, form) is None and find_any_case(ents, sentence.split(" (")[0]) is None


@pytest.mark.parametrize("sentence, form", [
    ("Unlike Gaussian MFCs, the channel here is shared.", "Gaussian MFCs"),
    ("The sets reach a Pareto Front after a few rounds.", "Pareto Front"),
])
def test_an_eponym_before_a_kind_or_a_concept_opens_no_name(nlp, sentence, form):
    ents = run(nlp, "We study radio channels of cars. " + sentence)
    assert find(ents, form) is None


def test_a_dimension_joined_to_a_two_letter_acronym_is_no_name(nlp):
    ents = run(nlp, "We study scans of livers. Each 3D-CT volume is cut into slices.",
               title="Fast 3D-CT Slicing for Livers")
    assert find(ents, "3D-CT") is None
