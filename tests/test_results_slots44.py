"""Helper slots44 (docs/results.md): each later item of a list of changes names its own
quantity before "by" (results/changelist.py), and a listed metric takes the longer form its
sentence writes (results/metricforms.py), the terms of a product are no results
(results/dimensions.py), and a described part is no name of the own system (results/systems.py
DESCRIBED_OWN), and a value a change of its own follows takes no metric before it
(results/ownchange.py); checked on invented sentences with entities given as
the entity component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import (
    changelist,
    dimensions,
    find_results,
    metricforms,
    ownchange,
    systems,
)
from tests.extracting import entity_dict, results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_a_later_item_of_a_list_of_changes_names_its_own_quantity(on):
    text = _HEAD + ("Compared with dense routing, KiteNet reduces latency by 82.95 percent, "
                    "token cost by 82.29 percent, and stale-knowledge usage by 96.58 percent.")
    got = results_switched(changelist, "ITEM_QUANTITY", on, text, _OWN,
                           ("latency", "METRIC"), ("token cost", "METRIC"))
    assert got["82.29 percent"]["metric"] == "token cost"
    assert got["96.58 percent"]["metric"] == ("stale-knowledge usage" if on else "token cost")


def test_an_item_after_and_and_a_decimal_point_in_the_first_item():
    text = _HEAD + ("KiteNet improves sensing coverage by 29.7% and courier income by 39.2% "
                    "on average.")
    got = results_switched(changelist, "ITEM_QUANTITY", True, text, _OWN,
                           ("sensing coverage", "METRIC"))
    assert got["39.2%"]["metric"] == "courier income"


def test_no_item_quantity_for_a_name_or_a_clause_of_its_own():
    text = _HEAD + ("KiteNet improves accuracy by 3.1% over RouteNet and GateNet by 2.4%. "
                    "It reduces FLOPs by 94.0%, improves inference speed by 3.1 times.")
    got = results_switched(changelist, "ITEM_QUANTITY", True, text, _OWN,
                           ("accuracy", "METRIC"), ("FLOPs", "METRIC"),
                           ("RouteNet", "METHOD"), ("GateNet", "METHOD"))
    assert got["2.4%"]["metric"] == "accuracy"  # GateNet is a name, not a quantity
    assert got["3.1 times"]["metric"] != "FLOPs"


@pytest.mark.parametrize(("sentence", "value", "listed", "written"), [
    ("KiteNet obtains 4.52 F1-all on the KITTI-2015 test set.", "4.52", "F1", "F1-all"),
    ("KiteNet reaches an F1-max of 87.0 percent.", "87.0 percent", "F1", "F1-max"),
    ("KiteNet achieves an AP(50) of 76.6%.", "76.6%", "AP", "AP(50)"),
    ("KiteNet reaches 35.6 mAP^N_50 on MS-COCO.", "35.6", "mAP", "mAP^N_50"),
    ("KiteNet achieves a macro F1-score of 0.90.", "0.90", "F1-score", "macro F1-score"),
])
def test_a_listed_metric_takes_the_longer_form_the_sentence_writes(sentence, value, listed,
                                                                     written):
    for on in (True, False):
        got = results_switched(metricforms, "METRIC_FORM", on, _HEAD + sentence, _OWN,
                               (listed, "METRIC"))
        assert got[value]["metric"] == (written if on else listed)


def test_no_longer_form_for_a_hyphenated_word_or_an_iou_range():
    text = _HEAD + ("KiteNet improves CTR by 2.0% over CTR-GCN. It reaches 0.732 mAP50 and "
                    "0.61 mAP50-95.")
    got = results_switched(metricforms, "METRIC_FORM", True, text, _OWN, ("CTR", "METRIC"),
                           ("CTR-GCN", "MODEL"), ("mAP50", "METRIC"))
    assert got["2.0%"]["metric"] == "CTR"
    assert got["0.732"]["metric"] == "mAP50"
    text = _HEAD + "Adapted systems reach at most 2.9% scope-macro STRICTPASS."
    got = results_switched(metricforms, "METRIC_FORM", True, text, _OWN, ("STRICTPASS", "METRIC"))
    assert got["2.9%"]["metric"] == "STRICTPASS"  # "scope-macro" is no averaging word


@pytest.mark.parametrize("on", [True, False])
def test_the_terms_of_a_product_are_no_results(on):
    text = _HEAD + ("We evaluate twins across a $3 \\times 5 \\times 2 \\times 2$ grid with "
                    "SE-ResNeXt101 $(32 \\times 4d)$ (all $p \\le 2.6 \\times 10^{-6}$). "
                    "KiteNet runs 4.2x faster than RouteNet and reaches 1.82x (95% CI 1.3-2.5) "
                    "the throughput.")
    got = results_switched(dimensions, "PRODUCT_TERMS", on, text, _OWN, ("RouteNet", "METHOD"))
    for term in ("5 \\times", "32 \\times", "2.6 \\times"):
        assert (term in got) is not on
    assert "4.2x" in got and "1.82x" in got


@pytest.mark.parametrize("on", [True, False])
def test_a_described_part_is_no_name_of_the_own_system(on):
    text = ("Band Selection for Spectral Imaging\nWe propose a band selection strategy for "
            "hyperspectral data. Our method reaches 92.4% accuracy on the test scenes.")
    ents = [entity_dict(text, "band selection strategy", "METHOD", "introduced"),
            entity_dict(text, "accuracy", "METRIC")]
    ents[0]["extractor"] = "lower_part"
    old = systems.DESCRIBED_OWN
    systems.DESCRIBED_OWN = on
    try:
        got = {r["value"]: r for r in find_results(text, ents)}
    finally:
        systems.DESCRIBED_OWN = old
    assert got["92.4%"]["system"] == ("THIS_PAPER" if on else "band selection strategy")
    ents[0]["extractor"] = "coined_name"  # a name the rules found otherwise stays the own name
    assert find_results(text, ents)[0]["system"] == "band selection strategy"


@pytest.mark.parametrize("on", [True, False])
def test_a_change_of_its_own_after_the_value_takes_no_metric_before_it(on):
    text = _HEAD + ("KiteNet gains 11.2 points in F1 score and a 53.5% reduction in errors. "
                    "It keeps the PSNR of RouteNet with 36% lower bitrates. It improves "
                    "FLOPs by 95.51% with a 95.31% parameter reduction.")
    got = results_switched(ownchange, "OWN_CHANGE_AFTER", on, text, _OWN,
                           ("F1 score", "METRIC"), ("PSNR", "METRIC"), ("FLOPs", "METRIC"),
                           ("RouteNet", "METHOD"))
    assert got["53.5%"]["metric"] == (None if on else "F1 score")
    assert got["36%"]["metric"] == (None if on else "PSNR")
    assert got["95.31%"]["metric"] == (None if on else "FLOPs")


def test_a_change_with_no_quantity_of_its_own_keeps_the_metric_before_it():
    text = _HEAD + ("KiteNet lowers the MSE of RouteNet, a 26% reduction. On BIRD its execution "
                    "accuracy rises, a 5.8% absolute improvement over RouteNet.")
    got = results_switched(ownchange, "OWN_CHANGE_AFTER", True, text, _OWN,
                           ("MSE", "METRIC"), ("execution accuracy", "METRIC"),
                           ("RouteNet", "METHOD"), ("BIRD", "DATASET"))
    assert got["26%"]["metric"] == "MSE"
    assert got["5.8%"]["metric"] == "execution accuracy"
