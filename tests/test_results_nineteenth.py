"""Results rules of the nineteenth session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them (no pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_agreement_of_reviewers_is_no_result():
    text = (
        "Toxic Comment Screening\nWe present ToxScreen. The comments were labelled by two "
        "reviewers with substantial agreement (Cohen's kappa = 0.83). Five radiologists read "
        "the scans (Fleiss Kappa = 0.524). ToxScreen reaches an F1 of 0.91."
    )
    got = _found(text, ("ToxScreen", "METHOD", "introduced"), ("F1", "METRIC"))
    assert "0.83" not in got
    assert "0.524" not in got
    assert got["0.91"]["system"] == "ToxScreen"


def test_a_model_s_agreement_with_experts_stays_a_result():
    text = (
        "Automated Q-Matrix Coding\nWe compare language models on Q-matrix coding. Gemini 2.5 "
        "Pro achieves the highest agreement (Kappa = 0.63) with the validated Q-matrix."
    )
    got = _found(text, ("Gemini 2.5 Pro", "MODEL"))
    assert got["0.63"]["system"] == "Gemini 2.5 Pro"
