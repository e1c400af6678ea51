"""Helper val38 (docs/results.md): settings a paper varies and shares of its data listed in
brackets kept out of the results; checked on invented sentences with the entities given."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import settings
from tests.extracting import results_by_value, results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse pose model. "


@pytest.mark.parametrize("on", [True, False])
def test_settings_a_paper_varies_are_no_values(on):
    text = (_HEAD + "We test KiteNet with varying missing rates (20%, 50%, and 70%) and "
            "across different noise levels, including 32dB, 22dB and 12dB, where it reaches "
            "91.2% accuracy.")
    got = results_switched(settings, "SETTING_LIST", on, text, _OWN)
    assert "91.2%" in got
    assert (not {"20%", "50%", "70%", "32dB", "22dB", "12dB"} & set(got)) is on


def test_a_value_after_other_words_than_the_list_is_kept():
    text = (_HEAD + "KiteNet is tuned by controllers with varying levels of tuning for a "
            "maximum improvement in lap time by 60.85%.")
    assert "60.85%" in results_by_value(text, _OWN)


@pytest.mark.parametrize("on", [True, False])
def test_shares_of_the_data_after_a_word_of_composition_are_no_values(on):
    text = ("KiteSet: A Video Anomaly Dataset\nWe present KiteSet, a video anomaly dataset. The "
            "dataset comprises low-light (8%), low-resolution videos (13%), along with daylight "
            "(64%) anomalous videos. And it covers anomalous events like stalking (3.9%) and "
            "normal (50%). KiteNet reaches 91.2% accuracy on KiteSet.")
    got = results_switched(settings, "DATA_SHARES", on, text,
                           ("KiteSet", "DATASET", "introduced"), ("KiteNet", "METHOD"))
    assert "91.2%" in got
    assert (not {"8%", "13%", "64%", "3.9%", "50%"} & set(got)) is on


def test_scores_of_names_or_results_in_a_list_are_kept():
    text = (_HEAD + "KiteNet beats strong models, including GPT-4 (80.1%) and Claude (75.2%), "
            "and improves tasks that require reasoning, including in-context learning (+8%).")
    got = results_by_value(text, _OWN, ("GPT-4", "MODEL"), ("Claude", "MODEL"))
    assert {"80.1%", "75.2%", "+8%"} <= set(got)
