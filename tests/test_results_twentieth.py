"""Results rules of the twentieth session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them (no pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_share_of_a_gap_a_cause_accounts_for_is_no_result():
    text = (
        "Essay Scoring Gaps\nWe present GapScore. Approximately 69% of the gap is attributable "
        "to content quality, and prompt design contributed 89% of scoring improvement. GapScore "
        "reaches a QWK of 0.71."
    )
    got = _found(text, ("GapScore", "METHOD", "introduced"), ("QWK", "METRIC"))
    assert "69%" not in got
    assert "89%" not in got
    assert got["0.71"]["system"] == "GapScore"


def test_a_gap_a_system_closes_stays_a_result():
    text = (
        "Cheap Distillation\nWe present DistilQ. DistilQ recovers 58% of the base-to-teacher "
        "gap, closing 82% of the oracle gap at one third of the cost."
    )
    got = _found(text, ("DistilQ", "METHOD", "introduced"))
    assert got["58%"]["system"] == "DistilQ"
    assert got["82%"]["system"] == "DistilQ"


def test_a_ratio_takes_the_metric_its_change_verb_names():
    text = (
        "Fast Graph Vision\nWe present GraphViG. Experiments show that GraphViG reduces "
        "end-to-end inference latency for vision tasks by up to 5x against other models."
    )
    got = _found(text, ("GraphViG", "METHOD", "introduced"), ("inference latency", "METRIC"))
    assert got["5x"]["metric"] == "inference latency"


def test_a_ratio_after_another_change_keeps_no_metric():
    text = (
        "Token Pruning\nWe present PruneVLA. PruneVLA keeps its success rate while reducing "
        "FLOPs by 59% and the visual token count by over 3x."
    )
    got = _found(text, ("PruneVLA", "METHOD", "introduced"), ("FLOPs", "METRIC"))
    assert got["3x"]["metric"] is None
