"""The second keep classifier for the paper's own title pieces (learned.guard_keep, thirty-eighth
pass, learn38): a refitted keep classifier decides every name but those the rules call the
paper's own from a title rule, which another model's keep classifier decides."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import (
    DIM,
    MODEL_DIR,
    LearnedMerge,
    guard_keep,
    load_with_model,
    own_piece,
)
from paperkg.extractors.words import word_set
from tests.test_learned_parts import _record

TEXT = ("Gradient Lifting for Efficient Compression of Language Models\nWe introduce Gradient "
        "Lifting, a method that compresses language models. It beats GPTQ on WikiText-2.")


def _ent(extractor: str, role: str) -> dict:
    """A rule entity found by extractor, with the rules' role."""
    return {"name": "Gradient Lifting", "type": "METHOD", "role": role,
            "extractor": extractor, "mentions": []}


def test_own_piece_needs_the_rules_introduced_and_a_listed_rule():
    """A title rule's introduced name is an own piece; the same name used, or found only by
    another rule, is not; "*" stands for every rule."""
    rules = word_set("keep_own_rules")
    assert own_piece(_ent("title_task+title_case_phrase", "introduced"), rules)
    assert own_piece(_ent("lower_part", "introduced"), rules)
    assert not own_piece(_ent("title_task+title_case_phrase", "used"), rules)
    assert not own_piece(_ent("coined_name", "introduced"), rules)
    assert own_piece(_ent("coined_name", "introduced"), frozenset({"*"}))


def test_own_piece_plain_leaves_coined_shapes_out():
    """plain: a title piece of plain words is an own piece, a coined shape is not."""
    rules = word_set("keep_own_rules")
    assert own_piece(_ent("title_method", "introduced"), rules, plain=True)
    for name in ("A*-Thought", "Mogrifier LSTM", "@skills", "Data-Efficient Training", "T5 Lift"):
        ent = {**_ent("title_method", "introduced"), "name": name}
        assert own_piece(ent, rules) and not own_piece(ent, rules, plain=True)


#: the title rules' own name is a coined shape here (LSTM)
CODED = ("Symbolic LSTM Lifting for Efficient Compression of Language Models\nWe introduce "
         "Symbolic LSTM Lifting, a method that compresses language models. It beats GPTQ on "
         "WikiText-2.")


def _names(model_dir, text: str = TEXT) -> set[str]:
    """The names the pipeline with model_dir gives text."""
    doc = load_with_model(model_dir)(text)
    return {e["name"] for e in doc.user_data["pk_ents"]}


@pytest.fixture(scope="module")
def dropping(tmp_path_factory):
    """The shipped model with a keep classifier that drops every name it decides, and the
    same with the shipped keep classifier as the guard of the paper's own title pieces."""
    root = tmp_path_factory.mktemp("keep_own")
    plain, guarded = root / "plain", root / "guarded"
    shutil.copytree(MODEL_DIR, plain)
    np.savez_compressed(plain / "paperkg_learned" / "keep.npz",
                        w=np.full(DIM, -10.0, dtype=np.float32))
    shutil.copytree(plain, guarded)
    learned = guarded / "paperkg_learned"
    shutil.copy(MODEL_DIR / "paperkg_learned" / "keep.npz", learned / "keep_own.npz")
    shutil.copy(MODEL_DIR / "paperkg_learned" / "keep.json", learned / "keep_own.json")
    heads = json.loads((learned / "heads.json").read_text())
    heads["own_rules"] = sorted(word_set("keep_own_rules"))
    (learned / "heads.json").write_text(json.dumps(heads))
    return plain, guarded


def test_the_guard_decides_the_title_piece_and_nothing_else(dropping):
    """With a keep classifier that drops everything, the title rules' introduced name survives
    only by the guard (the shipped keep classifier keeps it); the used model stays dropped."""
    plain, guarded = dropping
    shipped = _names(MODEL_DIR)
    assert "Gradient Lifting" in shipped
    assert "GPTQ" in shipped
    assert not {"Gradient Lifting", "GPTQ"} & _names(plain)
    got = _names(guarded)
    assert "Gradient Lifting" in got
    assert "GPTQ" not in got


def test_guard_keep_takes_the_other_keep_classifier():
    """guard_keep copies the other model's keep weights and threshold and the listed rules."""
    shipped = load_with_model(MODEL_DIR).get_pipe("paperkg_learned")
    merge = LearnedMerge("m", False, [], "union", 4, 2)
    assert not merge.keep_own_model.trained
    guard_keep(merge, shipped)
    assert merge.keep_own_model.trained
    assert np.array_equal(merge.keep_own_model.w, shipped.keep_model.w)
    assert merge.keep_own_model.threshold == shipped.keep_model.threshold
    assert merge.own_rules == word_set("keep_own_rules")
    with pytest.raises(ValueError):
        guard_keep(LearnedMerge("m", False, [], "union", 4, 2), merge)  # no keep of its own


def test_train_keep_own_from_saves_the_shipped_keep_as_the_guard(tmp_path):
    """`paperkg train --keep-own-from MODEL`: keep_own.npz is the shipped keep.npz's bytes,
    keep.npz is fitted, and heads.json lists the guarded rules."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(_record(n, "ResNet")) + "\n"
                            for n in ("TileNet", "SparseMix", "QueryLift", "GridTune")))
    out = tmp_path / "g"
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out),
                                   "--keep-own-from", str(MODEL_DIR)])
    assert res.exit_code == 0, res.output
    new, old = out / "paperkg_learned", MODEL_DIR / "paperkg_learned"
    assert (new / "keep_own.npz").read_bytes() == (old / "keep.npz").read_bytes()
    assert (new / "keep.npz").read_bytes() != (old / "keep.npz").read_bytes()
    heads = json.loads((new / "heads.json").read_text())
    assert heads["own_rules"] == sorted(word_set("keep_own_rules"))
    merge = load_with_model(out).get_pipe("paperkg_learned")
    assert merge.keep_own_model.trained and merge.own_rules == word_set("keep_own_rules")
    assert merge.own_plain is False
    plain = tmp_path / "p"
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(plain), "--keep-own-from",
                                   str(MODEL_DIR), "--keep-own-plain"])
    assert res.exit_code == 0, res.output
    assert load_with_model(plain).get_pipe("paperkg_learned").own_plain is True
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(plain), "--keep-own-plain"])
    assert res.exit_code != 0 and "--keep-own-from" in res.output


def test_a_plain_guard_leaves_a_coined_title_name_to_the_keep_classifier(dropping, tmp_path):
    """With own_plain, the guard still decides `Gradient Lifting` (plain words), but
    `Symbolic LSTM Lifting` (a coined shape) falls to the keep classifier, which drops it."""
    _, guarded = dropping
    plain = tmp_path / "plain_guard"
    shutil.copytree(guarded, plain)
    heads_path = plain / "paperkg_learned" / "heads.json"
    heads = json.loads(heads_path.read_text())
    heads["own_plain"] = True
    heads_path.write_text(json.dumps(heads))
    assert load_with_model(plain).get_pipe("paperkg_learned").own_plain is True
    assert "Gradient Lifting" in _names(plain)
    assert "Symbolic LSTM Lifting" in _names(MODEL_DIR, CODED)
    assert "Symbolic LSTM Lifting" in _names(guarded, CODED)
    assert "Symbolic LSTM Lifting" not in _names(plain, CODED)
