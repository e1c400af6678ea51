"""Metric rule changes of the twenty-seventh session's metric pass (tuned on poolA, poolC, poolD,
poolE and train), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract, form", [
    ("Multi-view inputs give the dock detector better mAP50 and mAP50-95 on the night frames.",
     "mAP50"),
    ("Multi-view inputs give the dock detector better mAP50 and mAP50-95 on the night frames.",
     "mAP50-95"),
    ("The pose model lowers PA-MPJPE on the harbour walkers.", "PA-MPJPE"),
    ("Segmenters are compared by mean F1 (mF1) and class-wise cIoU on the harbour scans.",
     "cIoU"),
])
def test_a_known_measure_with_a_prefix_or_cut_off_is_a_measure(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


def test_a_prefix_on_a_name_that_is_no_measure_types_nothing(nlp):
    e = find(run(nlp, "We fine-tune mHarbourNet on the dock scans with a small learning rate."),
             "mHarbourNet")
    assert e is None or e.type != "METRIC"


@pytest.mark.parametrize("abstract, word", [
    ("The harbour maps improve the ranking by 12%, while grid-based localization error is cut by "
     "one third.", "while"),
    ("The new dock tracker is scored on drift diagnostics alongside aggregate accuracy, which "
     "rises by 4%.", "alongside"),
    ("We train on the harbour scans to predict test error from the weights alone, within 3%.",
     "predict"),
])
def test_a_conjunction_preposition_or_verb_opens_no_compound_measure(nlp, abstract, word):
    ents = run(nlp, abstract)
    assert not any(n.lower().startswith(word + " ") for n in ents), ents


def test_average_precision_is_a_known_measure(nlp):
    e = find(run(nlp, "The dock detector gains 3.1% in AUROC and average precision over the "
                      "plain tracker."), "average precision")
    assert e is not None and e.type == "METRIC"


def test_a_model_named_before_a_measure_is_no_part_of_it(nlp):
    ents = run(nlp, "The harbour runtime reduces Dockformer-7B generation latency by 17x over the "
                    "plain loop.")
    e = find(ents, "generation latency")
    assert e is not None and e.type == "METRIC" and not any("Dockformer-7B generation" in n
                                                            for n in ents)


def test_aggregate_is_a_scope_word_the_measure_leaves_out(nlp):
    ents = run(nlp, "The dock tracker sustains an aggregate throughput of 90,000 frames per "
                    "second.")
    assert find(ents, "throughput") is not None and not any("aggregate" in n for n in ents)


@pytest.mark.parametrize("abstract, form", [
    ("Hard mining lifts the harbour re-identification metrics, R1 and mAP@k, on the dock "
     "cameras.", "mAP@k"),
    ("The dock captioner gains 7.1% in CIDEr@0.5IoU over the plain tracker.", "CIDEr@0.5IoU"),
    ("The harbour geolocator improves Acc@1km and Acc@25km on the night frames.", "Acc@1km"),
])
def test_a_measure_at_k_or_at_a_cut_off_with_a_unit_is_one_name(nlp, abstract, form):
    e = find(run(nlp, abstract), form)
    assert e is not None and e.type == "METRIC", form


def test_a_finite_verb_ends_a_listed_measure(nlp):
    ents = run(nlp, "Common uncertainty measures such as harbour entropy do not separate the "
                    "dock errors from noise.")
    assert find(ents, "harbour entropy") is not None and not any(n.endswith(" do") for n in ents)
