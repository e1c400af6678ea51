"""Helper results50 (docs/results.md): the paper's one or introduced benchmark goes only to values
whose sentence ends after the text has named it (results/benchmarks.py ONE_BENCH_BEFORE), a
value that states a running cost takes no benchmark from the sentence before
(COST_NOT_BORROWED), and values with a unit of power, energy, rate or speed are read
(results/values.py PHYS_UNITS); checked on invented sentences with entities given as the entity
component leaves them."""

from __future__ import annotations

import pytest

from paperkg.extractors.results import benchmarks, values
from tests.extracting import results_by_value, results_switched

_TITLE = "Gated Residual Networks for Grading\n"
_KITE = ("KiteNet", "METHOD", "introduced")


def _slots(r: dict) -> tuple:
    """A result's system, benchmark and metric."""
    return r["system"], r["benchmark"], r["metric"]


@pytest.mark.parametrize("on", [True, False])
def test_the_one_benchmark_named_only_after_the_value_is_not_its(on):
    text = _TITLE + ("KiteNet reaches an accuracy of 45.71% on held-out patients. We further "
                     "evaluate KiteNet on the BarSet dataset and release the code.")
    got = results_switched(benchmarks, "ONE_BENCH_BEFORE", on, text, _KITE,
                           ("accuracy", "METRIC"), ("BarSet", "DATASET"))
    assert _slots(got["45.71%"]) == ("KiteNet", None if on else "BarSet", "accuracy")


@pytest.mark.parametrize("on", [True, False])
def test_the_one_benchmark_named_before_the_value_is_still_its(on):
    text = _TITLE + ("We evaluate KiteNet on the BarSet dataset. KiteNet reaches an accuracy of "
                     "45.71% on held-out patients.")
    got = results_switched(benchmarks, "ONE_BENCH_BEFORE", on, text, _KITE,
                           ("accuracy", "METRIC"), ("BarSet", "DATASET"))
    assert got["45.71%"]["benchmark"] == "BarSet"


@pytest.mark.parametrize("on", [True, False])
def test_an_introduced_benchmark_named_only_after_the_value_is_not_its(on):
    text = _TITLE + ("Current models reach an accuracy of only 38.2%. To study this, we "
                     "introduce BarBench, a benchmark of graded slides.")
    got = results_switched(benchmarks, "ONE_BENCH_BEFORE", on, text, ("accuracy", "METRIC"),
                           ("BarBench", "BENCHMARK", "introduced"))
    assert got["38.2%"]["benchmark"] == (None if on else "BarBench")


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize(("clause", "value"), [
    ("runs at a speed of 49 FPS on a Jetson board", "49 FPS"),
    ("its total computation cost decreases by 38% compared to the baseline", "38%"),
])
def test_a_cost_takes_no_benchmark_from_the_sentence_before(on, clause, value):
    text = _TITLE + ("Experiments are conducted on the BarSet dataset. KiteNet reaches an "
                     f"accuracy of 91.2%, and {clause}.")
    got = results_switched(benchmarks, "COST_NOT_BORROWED", on, text, _KITE,
                           ("accuracy", "METRIC"), ("BarSet", "DATASET"),
                           ("computation cost", "METRIC"))
    assert got[value]["benchmark"] == (None if on else "BarSet")
    assert got["91.2%"]["benchmark"] == "BarSet"  # the score the data measures keeps it


@pytest.mark.parametrize("on", [True, False])
def test_values_with_a_physical_unit_are_matched_whole(on, monkeypatch):
    monkeypatch.setattr(values, "PHYS_UNITS", on)
    pattern = values._value_re(values._NUM)
    found = {m.group(0) for m in pattern.finditer(
        "It reaches 48 Mbps, draws 5.863 mW and spends 2.98 mJ at 4065 GOPS/W.")}
    assert ({"48 Mbps", "5.863 mW", "2.98 mJ", "4065 GOPS/W"} <= found) is on
