"""Helper slots45 (docs/results.md): a learned judge of the values the results rules read drops
those whose number the gold would not hold (shares of a population, other measurements, sizes)
and keeps stated scores (results/judge.py, weights in data/results_judge.json); the training
script labels each value as `paperkg eval` matches it (training/results_judge.py)."""

from __future__ import annotations

import pytest

from paperkg.core.records import Entity, PaperExtraction, Result
from paperkg.extractors.evaluate import Score, _result_rows
from paperkg.extractors.results import find_results, judge
from paperkg.extractors.training.results_judge import gated, labels
from tests.extracting import entity_dict, results_switched

_OWN = ("KiteNet", "METHOD", "introduced")
_HEAD = "Kite Networks\nWe present KiteNet, a sparse routing model. "


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize(("sentence", "value"), [
    ("Our results show that 86.5% of generated images depicted people with lighter skin "
     "tones, and 22% contained explicit content.", "22%"),
    ("The index was lower in patients whose samples were drawn after 3pm, with values of "
     "5.00 hours compared to 10.01 hours in other groups.", "5.00 hours"),
])
def test_the_judge_drops_a_number_no_result_states(on, sentence, value):
    got = results_switched(judge, "JUDGE", on, _HEAD + sentence, _OWN)
    assert (value in got) is not on


def test_the_judge_keeps_a_stated_score():
    text = _HEAD + "KiteNet reaches 92.3% accuracy on ImageNet, improving accuracy by 3.1%."
    got = results_switched(judge, "JUDGE", True, text, _OWN, ("accuracy", "METRIC"),
                           ("ImageNet", "DATASET"))
    assert got["92.3%"]["metric"] == "accuracy" and got["3.1%"]["system"] == "KiteNet"


def test_collecting_keeps_every_value_with_its_features():
    text = _HEAD + "The index was lower, with values of 5.00 hours for KiteNet."
    judge.COLLECT = []
    try:
        got = find_results(text, [entity_dict(text, *_OWN)])
        seen = judge.COLLECT
    finally:
        judge.COLLECT = None
    assert [r["value"] for r in got] == ["5.00 hours"]
    assert "_default" not in got[0]
    (a, b, feats), = seen
    assert text[a:b] == "5.00 hours"
    assert {"u=hours", "pb=of", "a1=for", "mag=<10", "dec=True"} <= set(feats)


def test_labels_count_as_paperkg_eval_does():
    gold = {"entities": [{"name": "KiteNet", "type": "METHOD"},
                         {"name": "accuracy", "type": "METRIC"}],
            "results": [{"value": "92.3%", "system": "KiteNet", "benchmark": None,
                         "metric": "accuracy"},
                        {"value": "3.1%", "system": "KiteNet", "benchmark": None,
                         "metric": None}]}
    ex = PaperExtraction("p", entities=[Entity("KiteNet", "METHOD", "introduced")], results=[
        Result("92.3%", "score", system="KiteNet", metric="accuracy"),  # right, full too
        Result("3.1%", "delta", system=None),  # the number right, the system wrong
        Result("92.3%", "score", system="KiteNet"),  # the gold value taken already
        Result("20 hours", "score", system="KiteNet")])  # no gold value's number
    rows = {n: Score(n) for n in ("results-value", "results-full")}
    _result_rows(gold, ex, rows)
    got = labels(gold, ex)
    assert got == [(1, 1, 1), (0, 0, 1), (0, 0, 0), (0, 0, 0)]
    assert sum(v for v, _, _ in got) == rows["results-value"].tp
    assert sum(f for _, f, _ in got) == rows["results-full"].tp


def test_gated_counts_only_the_values_kept():
    papers = [{"set": "corpus-Z", "gold": 3, "preds": [
        {"feats": ["u=%"], "v": 1, "f": 1, "n": 1},
        {"feats": ["u=hours"], "v": 0, "f": 0, "n": 0}]}]
    model = (0.0, {"u=%": 2.0, "u=hours": -2.0})
    assert gated(papers, None, 0.5) == {"corpus-Z": [1, 1, 2, 3]}
    assert gated(papers, model, 0.5) == {"corpus-Z": [1, 1, 1, 3]}
