"""crossfit's setting (k) of the thirty-fourth pass: the shipped model with only its keep
classifier refitted."""

from __future__ import annotations

import json

import pytest

from paperkg.extractors.learned import PARTS
from tests.test_learned_parts import _record

NAME = "the shipped model, keep refitted"


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """A gold file of invented records."""
    path = tmp_path_factory.mktemp("keep") / "gold.jsonl"
    path.write_text("".join(json.dumps(_record(n, "GraphSAGE")) + "\n"
                            for n in ("RouteNet", "FlowMatch", "KeyAlign", "PathPair")))
    return path


def test_keep_only_takes_every_other_part_from_the_shipped_model():
    """Setting (k) takes every part but keep from the shipped model."""
    from paperkg.extractors.training.crossfit import VARIANTS

    assert set(VARIANTS[NAME]["shipped_parts"]) == set(PARTS) - {"keep"}


def test_crossfit_scores_every_record_with_the_keep_classifier_refitted(gold):
    """Setting (k) fits in each fold and scores every record out of fold."""
    from paperkg.extractors.training.crossfit import VARIANTS, crossfit
    from paperkg.extractors.training.data import read_records

    scores = crossfit(read_records([gold]), {NAME: VARIANTS[NAME]}, folds=2, cached=True)
    assert all(r is not None for r in scores[NAME])
