"""Results rules of the twelfth session (docs/results.md): metrics and benchmarks checked on
invented sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_measure_a_change_is_stated_in_names_the_metric():
    text = (
        "Trim9: Decoding\nWe present Trim9. Trim9 yields a 41% improvement in sample "
        "diversity over plain decoding. It achieves a 30-45% reduction in token count and "
        "up to a 2.6x improvement in decoding throughput. It also brings a 12% increase "
        "in safety and a 3x reduction in the number of calls."
    )
    got = _found(text, ("Trim9", "METHOD", "introduced"))
    assert got["41%"]["metric"] == "sample diversity"
    assert got["30-45%"]["metric"] == "token count"
    assert got["2.6x"]["metric"] == "decoding throughput"
    assert got["12%"]["metric"] is None  # no measure head
    assert got["3x"]["metric"] is None  # "the number of": a count of something else


def test_a_change_in_a_longer_phrase_holding_a_known_metric_is_named_whole():
    text = (
        "Rad9: Tutoring\nWe present Rad9. Learners using Rad9 achieved a 52% improvement "
        "in lesion accuracy and a 27% improvement in report-writing accuracy."
    )
    got = _found(text, ("Rad9", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert got["52%"]["metric"] == "lesion accuracy"
    assert got["27%"]["metric"] == "report-writing accuracy"


def test_the_measure_after_a_comparative_names_the_metric():
    text = (
        "Wafer9: Inference\nWe present Wafer9. Wafer9 achieves up to 150x higher accelerator "
        "utilization than prior systems and 12x lower RAM usage. It also gives 20% higher "
        "stability and a 0.4% higher detection AUC."
    )
    got = _found(text, ("Wafer9", "METHOD", "introduced"), ("AUC", "METRIC"))
    assert got["150x"]["metric"] == "accelerator utilization"
    assert got["12x"]["metric"] == "RAM usage"
    # a property noun in -ity is named since the sixteenth pass (the annotators name it)
    assert got["20%"]["metric"] == "stability"
    assert got["0.4%"]["metric"] == "AUC"  # a phrase holding a known metric keeps its name


def test_a_known_metric_with_score_after_it_keeps_its_own_name():
    text = (
        "Mask9: Motion\nWe present Mask9. Mask9 achieves a 3.9% improvement in FID scores on "
        "MotionSet-X."
    )
    got = _found(text, ("Mask9", "METHOD", "introduced"), ("FID", "METRIC"))
    assert got["3.9%"]["metric"] == "FID"


def test_a_factor_by_which_a_model_is_smaller_is_a_size():
    text = (
        "Tiny9: Speech\nWe present Tiny9. Tiny9 matches larger models while being 9x smaller, "
        "and it is 15x smaller than WaveNet-X. It uses 25x fewer parameters. It reaches 12x "
        "smaller error on hard cases."
    )
    got = _found(text, ("Tiny9", "METHOD", "introduced"), ("WaveNet-X", "MODEL"))
    assert "9x" not in got
    assert "15x" not in got
    assert "25x" not in got
    assert got["12x"]["system"] == "Tiny9"  # what shrank is named: a result
