"""crossfit's setting (e) of the thirty-sixth pass: every part refitted but the shipped role
classifier."""

from __future__ import annotations

import json

import pytest

from paperkg.extractors.learned import PARTS
from tests.test_learned_parts import _record

NAME = "the shipped role classifier, the rest refitted"


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """A gold file of invented records."""
    path = tmp_path_factory.mktemp("roles") / "gold.jsonl"
    path.write_text("".join(json.dumps(_record(n, "ResNet")) + "\n"
                            for n in ("TileNet", "SparseMix", "QueryLift", "GridTune")))
    return path


def test_roles_shipped_takes_only_the_role_classifier_from_the_shipped_model():
    """Setting (e) takes the role classifier, and nothing else, from the shipped model."""
    from paperkg.extractors.training.crossfit import VARIANTS

    assert VARIANTS[NAME]["shipped_parts"] == ["roles"]
    assert set(PARTS) - {"roles"}


def test_crossfit_scores_every_record_with_the_shipped_roles(gold):
    """Setting (e) fits in each fold and scores every record out of fold."""
    from paperkg.extractors.training.crossfit import VARIANTS, crossfit
    from paperkg.extractors.training.data import read_records

    scores = crossfit(read_records([gold]), {NAME: VARIANTS[NAME]}, folds=2, cached=True)
    assert all(r is not None for r in scores[NAME])
