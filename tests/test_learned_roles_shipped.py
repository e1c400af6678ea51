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


CANDS = "the shipped role and candidate classifiers, the rest refitted"


def test_roles_and_cands_shipped_takes_those_two_parts_only():
    """Setting (m) takes the role and candidate classifiers from the shipped model; keep and
    types are refitted."""
    from paperkg.extractors.training.crossfit import VARIANTS

    assert VARIANTS[CANDS]["shipped_parts"] == ["roles", "cands"]
    assert {"keep", "types"} <= set(PARTS) - set(VARIANTS[CANDS]["shipped_parts"])


def test_train_with_shipped_roles_and_cands_keeps_their_files(gold, tmp_path):
    """`paperkg train --parts-from MODEL --part roles --part cands` (setting (m) as a model):
    the role and candidate files are the shipped ones' bytes, the keep classifier is fitted."""
    from click.testing import CliRunner

    from paperkg.cli import cli
    from paperkg.extractors.learned import MODEL_DIR

    out = tmp_path / "m"
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out), "--candidates", "0.7",
                                   "--parts-from", str(MODEL_DIR), "--part", "roles",
                                   "--part", "cands"])
    assert res.exit_code == 0, res.output
    new, old = out / "paperkg_learned", MODEL_DIR / "paperkg_learned"
    for name in ("roles.npz", "cands.npz"):
        assert (new / name).read_bytes() == (old / name).read_bytes()
    assert (json.loads((new / "heads.json").read_text())["heads"]
            == json.loads((old / "heads.json").read_text())["heads"])
    assert (new / "keep.npz").read_bytes() != (old / "keep.npz").read_bytes()
