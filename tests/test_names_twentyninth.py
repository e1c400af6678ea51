"""Names found, twenty-ninth pass (helper recall29): a participle joined to a coined word in a
run of capitalised words, sized vision architectures typed MODEL, on sentences written for
these tests."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("sentence, form, gone", [
    ("The QORVA-trained KLM policy is deployed in two plants.", "QORVA", "QORVA-trained"),
    ("We score 6 ZEB-specialized data sets with the probe.", "ZEB", "ZEB-specialized"),
    ("The cache serves WUXI-indexed PLOB embeddings to the ranker.", "WUXI", "WUXI-indexed"),
])
def test_a_joined_participle_is_not_part_of_the_name(nlp, sentence, form, gone):
    ents = run(nlp, "We study serving systems at scale. " + sentence)
    assert find(ents, form) is not None
    assert find(ents, gone) is None


@pytest.mark.parametrize("form", ["VGG19", "MobileNetV1", "DenseNet-121", "YOLOv11x",
                                  "ResNet-50", "EfficientNet-B3"])
def test_a_vision_architecture_with_a_depth_or_version_is_a_model(nlp, form):
    ents = run(nlp, f"We study wound images. As the backbone we train {form} on our images.")
    e = find(ents, form)
    assert e is not None and e.type == "MODEL"


def test_a_vision_architecture_named_alone_stays_a_method(nlp):
    ents = run(nlp, "We study wound images. As the backbone we train VGG on our images.")
    e = find(ents, "VGG")
    assert e is not None and e.type == "METHOD"


def test_a_name_joined_to_a_participle_is_not_a_results_system(nlp):
    text = ("Clot monitoring takes an hour. Traditional Viscometry (VSC), a common diagnostic "
            "modality, is slow. We present Plasma State Reconstruction (PSR), a new algorithm "
            "for small clinical data. PSR evaluates with 4 VSC-specialized data sets and "
            "establishes remarkable performance -- predictions of R2 > 0.97 for clotting traits.")
    (ex,) = extract([Paper(id="p", title="Neural clot assessment: leveraging Viscometry",
                           abstract=text)], nlp=nlp)
    systems = {r.system for r in ex.results if r.value == "0.97"}
    assert systems == {"Plasma State Reconstruction"}


@pytest.mark.parametrize("sentence, gone", [
    ("We crop Regions of Interest (ROI) before the classifier.", "Regions of Interest"),
    ("The scenes come from Synthetic Aperture Radar (SAR) passes.", "Synthetic Aperture Radar"),
    ("Planning for Autonomous Vehicles (AVs) must be safe.", "Autonomous Vehicles"),
    ("Headsets for Augmented Reality (AR) render the scene.", "Augmented Reality"),
])
def test_a_long_form_naming_a_thing_or_a_field_is_no_name(nlp, sentence, gone):
    ents = run(nlp, "We study perception at scale. " + sentence)
    assert find(ents, gone) is None


def test_a_thing_phrase_before_a_data_head_or_a_method_long_form_stays(nlp):
    ents = run(nlp, "We study perception at scale. We train on the Rural Vehicles dataset. "
                    "We propose Sparse Region Transformer (SRT) for it.")
    assert find(ents, "Rural Vehicles") is not None
    assert find(ents, "Sparse Region Transformer") is not None
