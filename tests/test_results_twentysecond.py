"""Results rules of the twenty-second session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them (no pipeline)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_a_share_a_system_attains_solves_or_is_within_is_a_result():
    text = (
        "Kernel Agents\nWe present ForgeNet. ForgeNet attains approximately 93% of the oracle "
        "planner's throughput. It also solves 88% of Tier 1 kernels, and its schedules are within "
        "roughly 3% of the best-known makespans. A sampling strategy realizes up to 71% of this "
        "theoretical potential."
    )
    got = _found(text, ("ForgeNet", "METHOD", "introduced"))
    assert got["93%"]["system"] == "ForgeNet"
    assert got["88%"]["system"] == "ForgeNet"
    assert got["3%"]["system"] == "ForgeNet"
    assert "71%" in got


def test_a_share_of_the_data_a_system_is_given_stays_no_result():
    text = (
        "Kernel Agents\nWe present ForgeNet. ForgeNet is trained on 40% of the training data and "
        "reaches an accuracy of 91.5%."
    )
    got = _found(text, ("ForgeNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert "40%" not in got
    assert got["91.5%"]["system"] == "ForgeNet"


def test_data_no_entity_holds_named_with_its_data_noun_is_the_benchmark():
    text = (
        "Gait Scoring\nWe present GaitNet. Evaluation on the Lisbon open walking dataset shows "
        "that GaitNet reaches an accuracy of 91.2%. GaitNet also improves recall from 0.71 to "
        "0.84."
    )
    got = _found(text, ("GaitNet", "METHOD", "introduced"), ("accuracy", "METRIC"),
                 ("recall", "METRIC"))
    assert got["91.2%"]["benchmark"] == "Lisbon open walking dataset"
    assert got["0.84"]["benchmark"] == "Lisbon open walking dataset"


def test_a_capitalised_data_name_with_an_acronym_is_named_without_the_data_noun():
    text = (
        "Dialogue Memory\nWe present MemoTalk. Experiments on the Long Session Talk (LST) dataset "
        "demonstrate the effect. MemoTalk achieves a win rate of 88.1%."
    )
    got = _found(text, ("MemoTalk", "METHOD", "introduced"), ("win rate", "METRIC"))
    assert got["88.1%"]["benchmark"] == "Long Session Talk"


def test_a_gain_in_a_quality_measure_is_on_the_papers_one_benchmark(monkeypatch):
    from paperkg.extractors.results import benchmarks

    # the data is named after the values: taken only with results50's ONE_BENCH_BEFORE off
    monkeypatch.setattr(benchmarks, "ONE_BENCH_BEFORE", False)
    text = (
        "Aerial Person Search\nWe present SkyReID. SkyReID improves Rank-1 by 11.2% over the "
        "baseline and reduces memory usage by 38%. Experiments on the AirPed dataset confirm "
        "these gains."
    )
    got = _found(text, ("SkyReID", "METHOD", "introduced"), ("AirPed", "DATASET"),
                 ("Rank-1", "METRIC"))
    assert got["11.2%"]["benchmark"] == "AirPed"
    assert got["38%"]["benchmark"] is None


def test_two_decimals_set_against_each_other_are_results():
    text = (
        "Layout Priors\nWe present PlaceNet. Our priors outperform sparse human annotations on "
        "image editing (3.91 vs. 2.64 judge rating)."
    )
    got = _found(text, ("PlaceNet", "METHOD", "introduced"))
    assert got["3.91"]["system"] == "PlaceNet"
    assert "2.64" in got


def test_a_bare_decimal_alone_in_brackets_stays_no_result():
    text = "Layout Priors\nWe present PlaceNet. The threshold (0.35) is set by hand."
    got = _found(text, ("PlaceNet", "METHOD", "introduced"))
    assert "0.35" not in got
