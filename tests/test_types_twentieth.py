"""Twentieth pass (helper type20): a name's type from the words around it. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


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


# --- heads: appositives with a bracket or quotes, "cohorts", "evaluated using X" ----------------


@pytest.mark.parametrize("sentence, name, type_", [
    ("We present QORTED, a speech-to-text translation (S2TT) dataset for Central Tamil.",
     "QORTED", "DATASET"),
    ("To study drift, we build ``DriftLab``, an empirical testbed of curated shifts.",
     "DriftLab", "BENCHMARK"),
    ("We test it on nodule data from the Boston Imaging and Lung-QX-PT cohorts.", "Lung-QX-PT",
     "DATASET"),
    ("Two tasks, clone detection and summarisation, are evaluated using QuMeSa (1,679 methods) "
     "and CodeSearchNet.", "QuMeSa", "DATASET"),
])
def test_appositive_cohort_and_evaluated_using_type_data(nlp, sentence, name, type_):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == type_


def test_a_name_after_evaluated_with_and_a_comma_types_no_subject(nlp):
    ents = run(nlp, "Implemented in gem5 and evaluated with SPEC 2017, QUILL-GUARD reduces "
                    "misspeculation.", title="QUILL-GUARD: Gating Memory Accesses")
    e = find(ents, "QUILL-GUARD")
    assert e is not None and e.type == "METHOD"


# --- heads: the paper's own name in apposition to a method head -------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("We introduce ChipLLM, the first wafer-scale LLM inference system. ChipLLM runs fast.",
     "ChipLLM"),
    ("This paper introduces RoBERTa-XRD, a novel two-stage framework that labels reports.",
     "RoBERTa-XRD"),
])
def test_our_name_said_to_be_a_framework_or_system_is_a_method(nlp, sentence, name):
    e = find(run(nlp, sentence), name)
    assert e is not None and e.type == "METHOD"


def test_our_name_shaped_as_a_benchmark_stays_one(nlp):
    e = find(run(nlp, "We introduce VidQualBench, the first evaluation scheme for captions."),
             "VidQualBench")
    assert e is not None and e.type == "BENCHMARK"
