"""Classifiers fitted on chosen files: per-file weights, parts taken from another model, and
crossfit's scored files and shipped-model settings (twenty-sixth pass)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import MODEL_DIR, PARTS, LearnedMerge, take_parts
from paperkg.extractors.training.data import WEIGHT, record_weights, with_file_weights


def _record(name: str, other: str) -> dict:
    """An invented record: the paper's own method beside a used one."""
    return {"title": f"{name}: Sparse Routing for Graph Matching",
            "abstract": f"We propose {name}, a sparse routing network for graph matching. "
                        f"{name} beats {other} on the PascalVOC keypoints.",
            "entities": [
                {"name": name, "aliases": [], "type": "METHOD", "role": "introduced"},
                {"name": "graph matching", "aliases": [], "type": "TASK", "role": "used"},
                {"name": other, "aliases": [], "type": "METHOD", "role": "used"}]}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Two gold files of invented records: one 'tuned on', one to score."""
    root = tmp_path_factory.mktemp("parts")
    tuned, fresh = root / "tuned.jsonl", root / "fresh.jsonl"
    tuned.write_text("".join(json.dumps(_record(n, "GraphSAGE")) + "\n"
                             for n in ("RouteNet", "FlowMatch", "KeyAlign")))
    fresh.write_text("".join(json.dumps(_record(n, "GMNet")) + "\n"
                             for n in ("SparseGM", "PathPair", "NodeLink", "EdgeTie")))
    return tuned, fresh


def test_file_weights_scale_the_records_of_one_file(files):
    """A file's weight marks its records; record_weights multiplies it with the gold weight."""
    tuned, fresh = files
    recs = with_file_weights([tuned, fresh], {"tuned.jsonl": 0.3})
    assert [r.get(WEIGHT, 1.0) for r in recs] == [0.3] * 3 + [1.0] * 4
    assert record_weights(recs) == [0.3] * 3 + [1.0] * 4
    recs[0]["from_corpus"] = True
    assert record_weights(recs, 2.0) == [0.3] + [0.6] * 2 + [2.0] * 4
    assert record_weights(with_file_weights([fresh], {str(tuned): 0.3})) is None


def test_take_parts_moves_one_classifier_and_its_settings():
    """take_parts gives a merge another's role classifier only; unknown parts and keep
    classifiers reading other features are refused."""
    a, b = (LearnedMerge("m", False, [], "union", 4, 2) for _ in range(2))
    b.retype_to = 0.9
    take_parts(a, b, ["roles"])
    assert a.role_model is b.role_model and a.keep_model is not b.keep_model
    assert a.retype_to == 0.7
    take_parts(a, b, ["types", "cands"])
    assert a.retype_to == 0.9 and a.cand_model is b.cand_model
    assert set(PARTS) == {"roles", "keep", "types", "cands", "extend"}
    with pytest.raises(ValueError):
        take_parts(a, b, ["tok2vec"])
    b.gaz_feats = True
    with pytest.raises(ValueError):
        take_parts(a, b, ["keep"])


def test_train_takes_parts_from_the_shipped_model(files, tmp_path):
    """`paperkg train --parts-from DIR --part keep --file-weight F=W`: the new model's keep
    classifier is the shipped one's, its role classifier is fitted; bad options are one line."""
    tuned, fresh = files
    out = tmp_path / "m"
    res = CliRunner().invoke(cli, ["train", str(tuned), str(fresh), "-o", str(out),
                                   "--file-weight", f"{tuned.name}=0.3",
                                   "--parts-from", str(MODEL_DIR), "--part", "keep"])
    assert res.exit_code == 0, res.output
    new, old = out / "paperkg_learned", MODEL_DIR / "paperkg_learned"
    assert (new / "keep.npz").read_bytes() == (old / "keep.npz").read_bytes()
    assert (new / "roles.npz").read_bytes() != (old / "roles.npz").read_bytes()
    for bad in (["--file-weight", "gold.jsonl"], ["--file-weight", "x=0"],
                ["--part", "keep"]):
        res = CliRunner().invoke(cli, ["train", str(tuned), "-o", str(tmp_path / "x"), *bad])
        assert res.exit_code != 0 and "Traceback" not in res.output


def test_crossfit_scores_only_the_scored_files(files):
    """With scored records, only they are folded and scored (the others train in every
    fold); the shipped model scores through the cached merge as itself, whole or by parts."""
    from paperkg.extractors.training.crossfit import VARIANTS, crossfit, pooled
    from paperkg.extractors.training.data import read_records

    tuned, fresh = files
    records = read_records([tuned, fresh])
    scored = [False] * 3 + [True] * 4
    names = ["the shipped model", "the shipped model, every part through the fold merge",
             "fitted on the scored files only", "every file, the unscored at weight 0.3"]
    scores = crossfit(records, {n: VARIANTS[n] for n in names}, folds=2, cached=True,
                      scored=scored)
    for rows in scores.values():
        assert rows[:3] == [None] * 3 and all(r is not None for r in rows[3:])
    whole, parts = (pooled(scores[n][3:]) for n in names[:2])
    for row in ("named-untyped", "named-typed", "INTRODUCES", "TASK"):
        assert whole[row].as_dict() == parts[row].as_dict()
    assert whole["named-untyped"].gold == 8
