"""Twentieth pass (helper type20): a name's type from the words around it. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp():
    """The rules alone (`--fast`)."""
    from paperkg.extractors.pipeline import load_pipeline

    return load_pipeline(fast=True)


# --- heads: a data head after the short form's bracket ------------------------------------------


@pytest.mark.parametrize("sentence, name, type_", [
    ("To probe this, we introduce the Graded Claim Repair with Sources (GCRS) benchmark, "
     "which covers 300 claims.", "Graded Claim Repair with Sources", "BENCHMARK"),
    ("The detector is evaluated on the Tremor Onset Writing Samples (TOWS) dataset.",
     "Tremor Onset Writing Samples", "DATASET"),
    ("Using the Urban Spectra V3 (U-Spec) dataset, we pick three bands.", "Urban Spectra V3",
     "DATASET"),
])
def test_a_data_head_after_the_short_forms_bracket_types_the_name(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


@pytest.mark.parametrize("sentence, name", [
    # a task's short form before a data head: the data set is of that task
    ("We release a clause-to-table parsing (CTP) dataset of 5k clauses.", "CTP"),
    # a plural head sorts the bracketed kind: "Open Question Answering (OQA) benchmarks"
    ("Gains hold on Open Question Answering (OQA) benchmarks.", "Open Question Answering"),
])
def test_a_task_before_the_bracket_and_head_stays_no_data_set(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is None or e.type not in ("DATASET", "BENCHMARK")


def test_a_toolbox_before_the_bracket_and_head_stays_a_method(nlp):
    e = find(run(nlp, "It reuses the Plasma Shape Control toolbox (PSC) suite for tuning."),
             "PSC")
    assert e is None or e.type not in ("DATASET", "BENCHMARK")


# --- heads.txt: "challenge" and the plural "suites" after a name -------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("We describe QR-Lift, a pipeline built for the PVQ-XR challenge at WACV 2026.", "PVQ-XR"),
    ("Experiments on the QTLZ and WKT suites show that the solver converges faster.", "QTLZ"),
    ("Experiments on the QTLZ and WKT suites show that the solver converges faster.", "WKT"),
])
def test_a_challenge_or_suites_after_a_name_makes_it_a_benchmark(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "BENCHMARK"
