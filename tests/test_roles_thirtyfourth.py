"""INTRODUCES, thirty-fourth pass: the counted parts of the paper's system when the sentence
that counts them names the system by a name introduced in a sentence before, or opens on "The
framework"; on sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize(("abstract", "name"), [
    ("We propose Plonkformer, a model for headset audio. Plonkformer integrates three "
     "components: (i) Quorb Echo Masking, which hides echoes; (ii) Zen-Level Gating, which "
     "routes channels; and (iii) Drift Phase Alignment, which aligns phases.",
     "Zen-Level Gating"),
    ("We propose Plonkformer, a model for headset audio. Plonkformer integrates three "
     "components: (i) Quorb Echo Masking, which hides echoes; (ii) Zen-Level Gating, which "
     "routes channels; and (iii) Drift Phase Alignment, which aligns phases.",
     "Drift Phase Alignment"),
    ("We present Plonkformer, a headset model. The framework consists of two key modules: "
     "QuorbAlign-v2 and ZenAlign-v2.", "ZenAlign-v2"),
])
def test_parts_of_a_system_named_before_are_introduced(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.role == "introduced"


@pytest.mark.parametrize(("abstract", "name"), [
    # two plain capitalised words describe a step; they do not name a part
    ("We introduce Plonkformer, a paradigm for headset audio. Plonkformer comprises three "
     "components: Audio Scoring, Audio Selection, and Audio Ordering.", "Audio Scoring"),
    # the listed name only modifies the part ("a QRBX-based module")
    ("We present Plonkformer, a headset model. The framework integrates three innovations: a "
     "Quorb Echo Masking (QEM) mechanism that hides echoes; an adaptive gate; and a Zen Phase "
     "Aligner (ZPA)-based enhancement module.", "Zen Phase Aligner"),
    ("We present Plonkformer, a headset pipeline. The pipeline comprises three modules: (1) an "
     "echo masker; (2) a channel router; and (3) a three-field QRBX solver with projection.",
     "QRBX"),
])
def test_plain_or_modifying_items_stay_used(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is None or e.role == "used"
