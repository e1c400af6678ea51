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
