"""INTRODUCES, thirty-sixth pass: a name's intro cue is the intro verb nearest before it in its
sentence, not the first one ("We present an X trained on Y and introduce Zorbnet, a ..."), on
sentences written for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


_TITLE = "Plonk Tracking of Quorb Tissue"


@pytest.mark.parametrize(("sentence", "name"), [
    ("We also present a quorb segmentation network trained on these scans and introduce "
     "Zorbnet, a multi-task model for finding plonk regions.", "Zorbnet"),
    ("We mitigate this by introducing a quorb alignment framework with the proposed "
     "Plonk Variational Encoder (PVE) as its generative part.", "Plonk Variational Encoder"),
])
def test_the_nearest_intro_verb_is_the_cue(nlp, sentence, name):
    ents = run(nlp, sentence, title=_TITLE)
    e = find(ents, name)
    assert e is not None and e.role == "introduced"


def test_a_nearer_older_cue_still_says_not_ours(nlp):
    ents = run(nlp, "We present a quorb tracker that builds on the recently proposed "
                    "Plonk Variational Encoder (PVE) for its features.", title=_TITLE)
    e = find(ents, "Plonk Variational Encoder")
    assert e is None or e.role == "used"


def test_a_dataset_called_x_keeps_the_head_before_called(nlp):
    ents = run(nlp, "Additionally, we propose a dataset called \\textbf{QuorbActions} to "
                    "evaluate plonk agents.", title=_TITLE)
    e = find(ents, "QuorbActions")
    assert e is not None and e.role == "introduced" and e.type == "DATASET"
