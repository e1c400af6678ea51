"""Results rules of the fourteenth session (docs/results.md): metrics and benchmarks checked on
invented sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_quantity_a_change_goes_from_the_value_on_names_the_metric():
    text = (
        "Safe9: Safer Diffusion\nWe present Safe9. Safe9 keeps quality while improving "
        "compositional generation quality from 41.07% to 46.82% on GenEval. RL-tuning raises "
        "the answer rate while reducing error percentage from 24.43% to 13.71%."
    )
    got = _found(text, ("Safe9", "METHOD", "introduced"), ("GenEval", "BENCHMARK"))
    assert got["41.07%"]["metric"] == "compositional generation quality"
    assert got["46.82%"]["metric"] == "compositional generation quality"
    assert got["24.43%"]["metric"] == "error percentage"
    assert got["13.71%"]["metric"] == "error percentage"


def test_a_change_from_the_value_without_a_measure_head_or_with_a_known_metric_keeps_the_rules():
    text = (
        "Fuse9: Fusion\nWe present Fuse9. Fuse9 boosts re-identification performance from "
        "80% to 99% on one day. It improves PSNR quality from 30.12 to 31.24."
    )
    got = _found(text, ("Fuse9", "METHOD", "introduced"), ("PSNR", "METRIC"))
    assert got["80%"]["metric"] is None
    assert got["30.12"]["metric"] == "PSNR"
