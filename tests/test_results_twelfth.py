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
