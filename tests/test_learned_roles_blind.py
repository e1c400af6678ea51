"""A role classifier that reads no rules' verdict (twenty-ninth pass): fitted and used without
`rule_intro`, saved with the model, carried by take_parts, and compared by crossfit."""

from __future__ import annotations

import json
import zlib

import numpy as np
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import DIM, LearnedMerge, take_parts, without_verdict
from paperkg.extractors.training.crossfit import _Cached
from tests.test_learned_parts import _record


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    """A gold file of invented records."""
    path = tmp_path_factory.mktemp("blind") / "gold.jsonl"
    path.write_text("".join(json.dumps(_record(n, "GraphSAGE")) + "\n"
                            for n in ("RouteNet", "FlowMatch", "KeyAlign", "PathPair")))
    return path


def test_without_verdict_drops_only_the_rules_verdict():
    """rule_intro and its type cross go; the family and the clause words stay."""
    feats = ["bias", "rule=shape", "rule_intro", "rule_intro_METHOD", "c:propose", "in_title"]
    assert without_verdict(feats) == ["bias", "rule=shape", "c:propose", "in_title"]


def _ent(name: str, role: str, start: int) -> dict:
    """An invented rule entity with one mention."""
    return {"name": name, "type": "METHOD", "role": role, "aliases": [], "confidence": 0.8,
            "mentions": [(name, start, start + len(name), "s")], "extractor": "shape",
            "evaluated": False, "key": name.casefold(), "acronym": None, "long_form": False}


@pytest.mark.parametrize("blind", [False, True])
def test_a_blind_merge_decides_roles_without_the_rules_verdict(blind):
    """A role classifier that trusts only `rule_intro`: it follows the rules' verdict unless the
    merge is blind, when both names get the same role."""
    text = "Two Nets\nWe test AlphaNet and BetaNet here."
    merge = LearnedMerge("m", False, [], "model", 4, 2)
    w = np.zeros(DIM, dtype=np.float32)
    w[zlib.crc32(b"bias") % DIM] = -1.0
    w[zlib.crc32(b"rule_intro") % DIM] = 10.0
    merge.role_model.w = w
    merge.role_blind = blind
    ents = [_ent("AlphaNet", "introduced", text.index("AlphaNet")),
            _ent("BetaNet", "used", text.index("BetaNet"))]
    merge(_Cached(ents, text, [0, text.index("We")]))
    roles = [e["role"] for e in ents]
    assert roles == (["used", "used"] if blind else ["introduced", "used"])


def test_train_roles_blind_saves_and_carries_the_setting(gold, tmp_path):
    """`paperkg train --roles-blind`: no weight on the rules' verdict, the setting saved in
    heads.json and read back, and take_parts("roles") carries it."""
    from paperkg.extractors.learned import load_with_model

    weights = {}
    for blind in (False, True):
        out = tmp_path / f"m{blind}"
        res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out),
                                       *(["--roles-blind"] if blind else [])])
        assert res.exit_code == 0, res.output
        heads = json.loads((out / "paperkg_learned" / "heads.json").read_text())
        assert heads["role_blind"] is blind
        merge = load_with_model(out).get_pipe("paperkg_learned")
        assert merge.role_blind is blind
        weights[blind] = float(merge.role_model.w[zlib.crc32(b"rule_intro") % DIM])
    assert weights[False] != 0.0 and weights[True] == 0.0
    a = LearnedMerge("m", False, [], "union", 4, 2)
    take_parts(a, merge, ["keep"])
    assert a.role_blind is False
    take_parts(a, merge, ["roles"])
    assert a.role_blind is True


def test_crossfit_compares_the_blind_role_settings(gold):
    """crossfit fits the blind role classifier apart and scores every record with it."""
    from paperkg.extractors.training.crossfit import VARIANTS, crossfit
    from paperkg.extractors.training.data import read_records

    names = ["the shipped model, roles refitted",
             "the shipped model, roles refitted without the rules' verdict",
             "the shipped keep classifier, the rest refitted, roles without the rules' verdict"]
    scores = crossfit(read_records([gold]), {n: VARIANTS[n] for n in names}, folds=2,
                      cached=True)
    for n in names:
        assert all(r is not None for r in scores[n])
