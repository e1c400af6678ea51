"""The keep feature for the paper's own pieces (learned.own_features, thirty-ninth pass,
keep39): a model fitted with it gives its keep classifier one more feature for a name the
rules call the paper's own from a title rule or lower_part; a model without it reads none."""

from __future__ import annotations

import json
import shutil
import zlib

import numpy as np
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import DIM, MODEL_DIR, load_with_model, own_features
from tests.test_learned_parts import _record

TEXT = ("Gradient Lifting for Efficient Compression of Language Models\nWe introduce Gradient "
        "Lifting, a method that compresses language models. It beats GPTQ on WikiText-2.")


def _ent(name: str, extractor: str, role: str = "introduced") -> dict:
    """A rule entity found by extractor, with the rules' role."""
    return {"name": name, "type": "METHOD", "role": role, "extractor": extractor,
            "mentions": []}


def test_own_features_plain_marks_plain_word_own_pieces_only():
    """`plain`: one feature for an introduced plain-word name of a listed rule; none for a
    coined shape, a used name, or a name only another rule found."""
    assert own_features(_ent("Efficient Calibration", "title_method"), "plain") == ["own_plain"]
    assert own_features(_ent("advanced data selection scheme", "lower_part"),
                        "plain") == ["own_plain"]
    assert own_features(_ent("Gradient Lifting", "title_task+title_case_phrase"),
                        "plain") == ["own_plain"]
    for name in ("A*-Thought", "Mogrifier LSTM", "@skills", "micro-thought chunking mechanism"):
        assert own_features(_ent(name, "title_method+lower_part"), "plain") == []
    assert own_features(_ent("Efficient Calibration", "title_method", "used"), "plain") == []
    assert own_features(_ent("Efficient Calibration", "coined_name"), "plain") == []
    assert own_features(_ent("Efficient Calibration", "title_whole"), "plain") == []


def test_own_features_split_names_the_source_and_hyphenated_parts():
    """`split`: the source of a plain-word piece (lower_part alone or a title rule), and a
    feature of its own for a hyphenated lower-case lower_part name."""
    assert own_features(_ent("advanced data selection scheme", "lower_part"),
                        "split") == ["own_plain:lower"]
    assert own_features(_ent("Efficient Calibration", "title_method+lower_part"),
                        "split") == ["own_plain:title"]
    assert own_features(_ent("micro-thought chunking mechanism", "lower_part"),
                        "split") == ["own_hyph:lower"]
    assert own_features(_ent("Micro-Thought Chunking", "title_method"), "split") == []
    with pytest.raises(ValueError):
        own_features(_ent("Efficient Calibration", "title_method"), "all")


def _names(model_dir, text: str = TEXT) -> set[str]:
    """The names the pipeline with model_dir gives text."""
    return {e["name"] for e in load_with_model(model_dir)(text).user_data["pk_ents"]}


def test_the_feature_reaches_the_keep_classifier_only_when_the_model_says_so(tmp_path):
    """The shipped keep weights with a strong negative weight on `own_plain`: the title's own
    `Gradient Lifting` stays while heads.json names no own_feats (the shipped model's case)
    and is dropped once it says `plain`; the used GPTQ stays in both."""
    model = tmp_path / "m"
    shutil.copytree(MODEL_DIR, model)
    learned = model / "paperkg_learned"
    w = np.load(learned / "keep.npz")["w"].copy()
    w[zlib.crc32(b"own_plain") % DIM] = -30.0
    np.savez_compressed(learned / "keep.npz", w=w)
    nlp = load_with_model(model)
    assert nlp.get_pipe("paperkg_learned").own_feats == ""
    shipped = _names(MODEL_DIR)
    assert {"Gradient Lifting", "GPTQ"} <= shipped
    assert {e["name"] for e in nlp(TEXT).user_data["pk_ents"]} == shipped
    heads = json.loads((learned / "heads.json").read_text())
    heads["own_feats"] = "plain"
    (learned / "heads.json").write_text(json.dumps(heads))
    got = _names(model)
    assert "Gradient Lifting" not in got and "GPTQ" in got


def test_train_keep_own_feats_saves_the_setting(tmp_path):
    """`paperkg train --keep-own-feats plain` writes own_feats to heads.json and the loaded
    merge reads it; a plain train writes none; an unknown kind is refused."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(_record(n, "ResNet")) + "\n"
                            for n in ("TileNet", "SparseMix", "QueryLift", "GridTune")))
    out, bare = tmp_path / "f", tmp_path / "b"
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out),
                                   "--keep-own-feats", "plain"])
    assert res.exit_code == 0, res.output
    assert json.loads((out / "paperkg_learned" / "heads.json").read_text())["own_feats"] == "plain"
    assert load_with_model(out).get_pipe("paperkg_learned").own_feats == "plain"
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(bare)])
    assert res.exit_code == 0, res.output
    assert "own_feats" not in json.loads((bare / "paperkg_learned" / "heads.json").read_text())
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(bare), "--keep-own-feats", "x"])
    assert res.exit_code != 0
