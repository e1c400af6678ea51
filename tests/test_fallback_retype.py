"""A name no cue typed (METHOD by the rules' fallback) takes a named type from the type
classifiers at looser thresholds than a cue-typed name (thirty-fifth pass)."""

from __future__ import annotations

import numpy as np

from paperkg.core.text import sentence_starts
from paperkg.extractors.learned import LearnedMerge, _index
from paperkg.extractors.pipeline import load_pipeline

TEXT = "Gains on Zorblax. We report results on Zorblax zorbly and compare three baselines."


def _merge() -> LearnedMerge:
    """A merge whose type classifiers read one feature: the word 'zorbly' after a mention,
    DATASET at 0.60 and METHOD at 0.40 (below the cue-typed thresholds, 0.7 and 0.3)."""
    m = LearnedMerge("t", add_spans=False, add_types=[], roles="rules", max_tasks=4,
                     min_chars=2)
    (i,) = _index(["ta:zorbly"])
    for t, w in (("DATASET", 0.4), ("METHOD", -0.4)):
        weights = np.zeros_like(m.retype_models[t].w)
        weights[i] = w
        m.retype_models[t].w = weights
    m.retype_models["MODEL"].w = m.retype_models["MODEL"].w.copy()
    m.retype_models["MODEL"].w[0] = 1e-6  # trained (any weight), so P(MODEL) ~ 0.5
    return m


def _entity() -> dict:
    """An untyped coined name, as the rules leave it."""
    a = TEXT.index("Zorblax zorbly")
    return {"name": "Zorblax", "type": "METHOD", "role": "used", "aliases": [],
            "mentions": [("Zorblax", a, a + 7, "")], "confidence": 0.6,
            "extractor": "coined_name", "evaluated": False, "key": "zorblax",
            "acronym": None, "long_form": False}


def _retyped(fallback: set[str], to: float = 0.5) -> str:
    """The entity's type after the type classifiers, with these fallback keys."""
    m = _merge()
    m.fallback_retype_to = to
    e = _entity()
    m._retype_learned(TEXT, sentence_starts(TEXT), [e], lambda e: [e, e["type"], [], []],
                      fallback)
    return e["type"]


def test_a_name_no_cue_typed_takes_the_classifiers_named_type():
    assert _retyped({"zorblax"}) == "DATASET"


def test_a_cue_typed_name_keeps_the_stricter_thresholds():
    assert _retyped(set()) == "METHOD"


def test_off_above_one():
    assert _retyped({"zorblax"}, to=2.0) == "METHOD"


def test_the_rules_mark_the_names_no_cue_typed():
    nlp = load_pipeline(fast=True)
    nlp.get_pipe("paperkg_entities").keep_scratch = True
    try:
        doc = nlp("Sorting with Few Labels\nWe compare QuixLoom with prior sorters and evaluate "
                  "both on the Quimby dataset.")
    finally:
        nlp.get_pipe("paperkg_entities").keep_scratch = False
    keys = {e["key"]: e["type"] for e in doc.user_data["pk_ents"]}
    assert keys["quixloom"] == "METHOD" and keys["quimby"] == "DATASET"
    assert doc.user_data["pk_fallback"] == {"quixloom"}  # "dataset" types the other
    assert all("fallback" not in e for e in doc.user_data["pk_ents"])
