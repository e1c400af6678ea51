"""Metric changes of the thirty-seventh session's metric pass (tuned on pools A-E, N-X and train),
on sentences written for them."""

from __future__ import annotations

import pytest

from tests.extracting import measures, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_title_case_compound_measure_is_kept_whole(nlp):
    found = measures(run(nlp, "Debate rounds give up to 10.6% increase in Execution Accuracy for "
                               "Qwen2.5-7B-Instruct on the harbour split."))
    assert "Execution Accuracy" in found


def test_a_compound_around_a_known_measure_is_the_measure(nlp):
    found = measures(run(nlp, "The berth segmenter outperforms its baseline, yielding "
                               "improvements in Dice Similarity Coefficient scores."))
    assert "Dice Similarity Coefficient" in found
    assert "Dice" not in found


def test_listed_measures_with_bracketed_short_forms(nlp):
    ents = run(nlp, "We measure quay alignment with three new metrics: Berth Phase Drift (BPD), "
                    "Dock Beat Synchrony (DBS), and Dock Beat Spread (DBSp). Experiments show "
                    "gains.")
    for name in ("Dock Beat Synchrony", "Dock Beat Spread"):
        assert ents[name].type == "METRIC", name


@pytest.mark.parametrize("abstract, form", [
    ("The quay net reaches MIoU scores of 70.24% on the dock split.", "MIoU"),
    ("The harbour retriever reaches 52.4 nDCG on the dock benchmark.", "nDCG"),
    ("The berth classifier achieves AUCs of 0.853 and 0.803 on the test set.", "AUCs"),
    ("The crane regressor reaches RMSEs of 37.66 ns on the test set.", "RMSEs"),
])
def test_a_known_measure_in_another_case_or_the_plural(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert ents[form].type == "METRIC"


@pytest.mark.parametrize("abstract, form", [
    ("We apply MAP estimation to the harbour model and report its accuracy of 91%.", "MAP"),
    ("We introduce a training criterion called DICE that raises the accuracy to 93%.", "DICE"),
    ("The dock denoiser gives the largest gains at low SNRs.", "SNRs"),
])
def test_other_names_of_the_same_letters_are_no_measure(nlp, abstract, form):
    ents = run(nlp, abstract)
    assert form not in ents or ents[form].type != "METRIC"


def test_a_title_case_method_name_ending_in_a_measure_word_stays_a_method(nlp):
    ents = run(nlp, "We propose the Harbour Similarity method to reduce feature redundancy. "
                    "Minimizing Harbour Similarity improves classification accuracy by 3%.")
    assert ents["Harbour Similarity"].type != "METRIC"


def test_a_letter_before_a_known_measure_names_its_own_variant(nlp):
    found = measures(run(nlp, "The dock tokenizer reaches a gFID of 1.8 and an rFID of 0.5."))
    assert "gFID" in found and "rFID" in found
    assert "rFID" not in found["gFID"].aliases



def test_a_resource_measure_with_a_value_or_a_short_form(nlp):
    found = measures(run(nlp, "Our dock scheduler improves energy efficiency by 23% and cuts "
                               "token usage by 40%."))
    assert "energy efficiency" in found and "token usage" in found
    ents = run(nlp, "We maximise the energy efficiency (EE) of full-duplex harbour links.")
    assert ents["energy efficiency"].type == "METRIC"


def test_a_resource_word_without_a_measurement_is_no_measure(nlp):
    assert not measures(run(nlp, "Energy efficiency is a concern for harbour cranes, and we "
                                  "study token usage patterns."))


def test_a_list_item_after_the_and_the_end_of_a_list(nlp):
    ents = run(nlp, "Selection controls error metrics such as the Quay-Wise Error Rate (QWER) "
                    "and the False Berth Proportion (FBP), yet some existing frameworks are "
                    "confined to a single rate.")
    assert ents["False Berth Proportion"].type == "METRIC"
    assert "yet some existing frameworks" not in ents


def test_compounds_ending_in_a_known_measure_stay_apart(nlp):
    found = measures(run(nlp, "The quay model reaches 82.6% region-level berth classification "
                               "accuracy and 97.2% two-class dock diagnosis accuracy."))
    assert "region-level berth classification accuracy" in found
    assert "two-class dock diagnosis accuracy" in found


def test_a_count_in_a_list_of_measures_is_no_measure(nlp):
    ents = run(nlp, "Studies rate harbour rerankers with proxy metrics such as latency, the "
                    "number of forward passes, input tokens, and output tokens.")
    assert "number" not in ents
