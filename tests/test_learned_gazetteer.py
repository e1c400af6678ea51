"""The keep and type classifiers' gazetteer features: which data lists hold a name."""

from __future__ import annotations

import json

import pytest

from paperkg.extractors.learned import (
    MODEL_DIR,
    LearnedMerge,
    add_learned,
    gazetteer_features,
    keep_features,
    type_features,
)
from paperkg.extractors.pipeline import build_pipeline
from paperkg.extractors.training.train import fit_merge, record_rows, rule_outputs

RECORD = {
    "title": "ZetaRoute: Sparse Routing for Image Classification",
    "abstract": "We propose ZetaRoute, a sparse routing network for image classification. "
                "On ImageNet, ZetaRoute beats ResNet-50 and a BERT-style encoder in top-1 "
                "accuracy.",
    "entities": [
        {"name": "ZetaRoute", "aliases": [], "type": "METHOD", "role": "introduced"},
        {"name": "image classification", "aliases": [], "type": "TASK", "role": "used"},
        {"name": "ImageNet", "aliases": [], "type": "DATASET", "role": "used"},
        {"name": "ResNet-50", "aliases": [], "type": "MODEL", "role": "used"},
        {"name": "top-1 accuracy", "aliases": [], "type": "METRIC", "role": "used"},
    ],
}


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def _ent(name: str, type_: str, aliases: tuple[str, ...] = ()) -> dict:
    return {"name": name, "type": type_, "aliases": list(aliases)}


def test_the_lists_holding_a_name_crossed_with_the_rules_type():
    """A listed data set typed as the list says agrees; typed otherwise it does not."""
    assert gazetteer_features(_ent("ImageNet", "DATASET")) == [
        "gz:DATASET|DATASET", "gz_agree=True|DATASET"]
    assert gazetteer_features(_ent("ImageNet", "METHOD")) == [
        "gz:DATASET|METHOD", "gz_agree=False|METHOD"]


def test_an_alias_or_a_first_word_is_looked_up_too():
    """A coined name is in no list; an alias in one counts; a longer name's first word is read
    on its own (`BERT` of `BERT-style encoder`)."""
    assert gazetteer_features(_ent("ZetaRoute", "METHOD")) == ["gz_none|METHOD"]
    assert "gz:DATASET|METHOD" in gazetteer_features(_ent("ZetaSet", "METHOD", ("ImageNet",)))
    feats = gazetteer_features(_ent("BERT-style encoder", "METHOD"))
    assert "gz_none|METHOD" in feats and "gz_part:MODEL|METHOD" in feats


def test_generic_words_are_marked():
    assert "gz:generic|METHOD" in gazetteer_features(_ent("deep learning", "METHOD"))


def test_keep_and_type_features_read_the_lists_only_when_asked(nlp):
    """On the shipped rules' output, the keep and type features carry the lists with gaz=True
    and nothing of them without it (the shipped model's features are unchanged)."""
    [(text, starts, ents)] = rule_outputs(nlp, [RECORD])
    by_name = {e["name"]: e for e in ents}
    imagenet = by_name["ImageNet"]
    on = set(keep_features(text, starts, imagenet, ents, gaz=True))
    off = set(keep_features(text, starts, imagenet, ents))
    assert {f"gz:DATASET|{imagenet['type']}"} <= on
    assert not any(f.startswith("gz") for f in off)
    assert on - off == set(gazetteer_features(imagenet))
    assert f"gz_none|{by_name['ZetaRoute']['type']}" in type_features(
        text, starts, by_name["ZetaRoute"], ents, gaz=True)
    rows = record_rows(RECORD, text, starts, ents, gaz=True)
    assert any(f.startswith("gz") for f in rows["keep"][0][0])
    assert not any(f.startswith("gz") for f in rows["roles"][0][0])  # roles: unchanged


def test_a_model_fitted_with_the_lists_says_so_and_the_shipped_one_does_not(nlp, tmp_path):
    """fit_merge(gaz=True) saves gaz_feats in heads.json, and a pipeline loading that model
    reads the lists; the shipped model loads with them off."""
    outputs = rule_outputs(nlp, [RECORD])
    merge = LearnedMerge("paperkg_learned", False, [], "union", 4, 2)
    fit_merge(merge, [RECORD] * 3, outputs * 3, candidates=True, gaz=True)
    assert merge.gaz_feats is True
    import spacy

    blank = spacy.blank("en")
    pipe = blank.add_pipe("paperkg_learned", config={"add_spans": False})
    for attr in ("role_model", "keep_model", "retype_models", "retype_to", "gaz_feats"):
        setattr(pipe, attr, getattr(merge, attr))
    blank.to_disk(tmp_path / "m")
    heads = json.loads((tmp_path / "m" / "paperkg_learned" / "heads.json").read_text())
    assert heads["gaz_feats"] is True
    rules = build_pipeline()
    assert add_learned(rules, tmp_path / "m")
    assert rules.get_pipe("paperkg_learned").gaz_feats is True
    shipped = build_pipeline()
    assert add_learned(shipped, MODEL_DIR)
    assert shipped.get_pipe("paperkg_learned").gaz_feats is False


def test_a_listed_name_another_family_typed_wrong_is_retyped():
    """Type classifiers that learned `a name the DATASET list holds, typed METHOD, is a
    DATASET` retype such a name, whatever family found it; a coined name keeps its type."""
    text = "T\nWe train on PlainBank and OddNet."
    starts = [0, 2]

    def ent(name, type_, aliases=()):
        a = text.index(name)
        return {"name": name, "type": type_, "role": "used", "aliases": list(aliases),
                "confidence": 0.8, "extractor": "capitalised_run",
                "mentions": [(name, a, a + len(name), "")]}

    listed, coined = ent("PlainBank", "METHOD", ("ImageNet",)), ent("OddNet", "METHOD")
    merge = LearnedMerge("paperkg_learned", False, [], "union", 4, 2)
    merge.gaz_feats = True
    rows = [type_features(text, starts, e, [listed, coined], gaz=True) for e in (listed, coined)]
    for t, m in merge.retype_models.items():
        m.fit(rows * 20, [int(t == "DATASET"), int(t == "METHOD")] * 20)
    cache: dict = {}

    def feats_of(e):
        if id(e) not in cache:
            kf = keep_features(text, starts, e, [listed, coined], gaz=True)
            cache[id(e)] = (e, e["type"], kf, kf)
        return cache[id(e)]

    merge._retype_learned(text, starts, [listed, coined], feats_of)
    assert (listed["type"], coined["type"]) == ("DATASET", "METHOD")
