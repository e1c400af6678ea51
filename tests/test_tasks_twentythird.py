"""Task rule changes of the twenty-third pass (task23), each on sentences written for it."""

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


@pytest.mark.parametrize("sentence, task", [
    ("We propose GlacierNet, a light framework for AIGC image detection in news archives.",
     "aigc image detection"),
    ("GlacierNet sets a new state of the art in 3D part segmentation on indoor scans.",
     "3d part segmentation"),
    ("GlacierNet is evaluated on the SAR ship detection task with two public sets.",
     "sar ship detection"),
])
def test_an_acronym_may_open_a_task_phrase(nlp, sentence, task):
    assert task in of_type(run(nlp, sentence), "TASK")
