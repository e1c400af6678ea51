"""The L2 penalty as a training option (thirtieth pass): `paperkg train --l2` shrinks the
classifiers it fits, not the parts taken from another model, and crossfit compares a role
classifier fitted under a stronger penalty."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import load_with_model
from tests.test_learned_parts import _record


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """A gold file of invented records."""
    path = tmp_path_factory.mktemp("l2") / "gold.jsonl"
    path.write_text("".join(json.dumps(_record(n, "GraphSAGE")) + "\n"
                            for n in ("RouteNet", "FlowMatch", "KeyAlign", "PathPair")))
    return path


def _train(gold, out, *extra: str):
    """The merge `paperkg train GOLD -o out extra...` saves."""
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out), *extra])
    assert res.exit_code == 0, res.output
    return load_with_model(out).get_pipe("paperkg_learned")


def test_train_l2_shrinks_the_fitted_classifiers_only(gold, tmp_path):
    """A strong --l2 gives smaller role and keep weights; with --parts-from the parts taken
    keep the other model's weights."""
    base = _train(gold, tmp_path / "base")
    strong = _train(gold, tmp_path / "strong", "--l2", "0.5")
    for attr in ("role_model", "keep_model"):
        a, b = getattr(base, attr).w, getattr(strong, attr).w
        assert np.abs(b).sum() < np.abs(a).sum()
    mixed = _train(gold, tmp_path / "mixed", "--l2", "0.5", "--parts-from",
                   str(tmp_path / "base"), "--part", "keep")
    assert np.array_equal(mixed.keep_model.w, base.keep_model.w)
    assert np.array_equal(mixed.role_model.w, strong.role_model.w)


def test_train_l2_refuses_a_negative_penalty(gold, tmp_path):
    """--l2 is a penalty: below 0 it is refused."""
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "m"),
                                   "--l2", "-1"])
    assert res.exit_code != 0


def test_crossfit_compares_roles_under_a_stronger_penalty(gold):
    """crossfit's setting (h) fits its role classifier apart and scores every record."""
    from paperkg.extractors.training.crossfit import VARIANTS, crossfit
    from paperkg.extractors.training.data import read_records

    name = "the shipped model, roles refitted with L2 1e-2"
    assert VARIANTS[name]["l2"] == 1e-2
    scores = crossfit(read_records([gold]), {name: VARIANTS[name]}, folds=2, cached=True)
    assert all(r is not None for r in scores[name])
