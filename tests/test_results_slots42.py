"""Helper slots42 (docs/results.md): numbers that state what people agreed on, a share of what
a system is given, the size of other models or a licence's version are no results
(results/givens.py); checked on invented sentences with entities given as the entity
component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import givens
from tests.extracting import results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
def test_the_agreement_of_annotators_or_reviewers_is_no_result(on):
    text = (_HEAD + "Three annotators labelled the routes, with an inter-annotator agreement "
            "of 0.81. Screening by two people (reviewer agreement, a Cohen's kappa of 0.74) "
            "kept 54 studies. KiteNet reaches an agreement with the planners of 0.69.")
    got = results_switched(givens, "PEOPLE_AGREEMENT", on, text, _OWN)
    assert ("0.81" in got) is not on
    assert ("0.74" in got) is not on
    assert got["0.69"]["system"] == "KiteNet"


@pytest.mark.parametrize("on", [True, False])
def test_a_share_of_parameters_or_data_a_system_is_given_is_no_result(on):
    text = (_HEAD + "KiteNet matches full fine-tuning with only 0.3% trainable parameters and "
            "reaches 91.2% accuracy with merely 5% labeled data, or 90.4% using only 2% clean "
            "training data.")
    got = results_switched(givens, "GIVEN_SHARE", on, text, _OWN, ("accuracy", "METRIC"))
    assert ("0.3%" in got) is not on
    assert ("5%" in got) is not on
    assert ("2%" in got) is not on
    assert got["91.2%"]["system"] == "KiteNet"


def test_a_share_of_the_samples_or_a_saving_in_parameters_stays_a_result():
    text = (_HEAD + "KiteNet reaches the same mAP with only 24% of the samples, and needs 43% "
            "fewer parameters than the greedy planner.")
    got = results_switched(givens, "GIVEN_SHARE", True, text, _OWN, ("mAP", "METRIC"))
    assert "43%" in got


@pytest.mark.parametrize("on", [True, False])
def test_the_size_of_other_models_is_no_result(on):
    text = (_HEAD + "KiteNet improves route error by 4.1 points, outperforming planners 10x "
            "the size and baselines with up to 13x more parameters.")
    got = results_switched(givens, "OTHERS_SIZE", on, text, _OWN, ("route error", "METRIC"))
    assert ("10x" in got) is not on
    assert ("13x" in got) is not on
    assert "4.1 points" in got


@pytest.mark.parametrize("on", [True, False])
def test_a_licence_version_is_no_result(on):
    text = (_HEAD + "KiteNet improves route error by 4.1 points. We release model weights, "
            "inference code, and tokenizers under an Apache 2.0 license to enable broad use.")
    got = results_switched(givens, "LICENCE_VERSION", on, text, _OWN, ("route error", "METRIC"))
    assert ("2.0" in got) is not on


def test_a_share_of_another_size_stays_a_result():
    text = (_HEAD + "KiteNet keeps a route map that is only 0.6% the size of the densest "
            "baseline map.")
    got = results_switched(givens, "OTHERS_SIZE", True, text, _OWN)
    assert "0.6%" in got
