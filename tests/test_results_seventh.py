"""Results rules of the seventh session (docs/results.md): value shapes and attribution checked
on invented sentences of the shapes, with entities given as the entity component leaves them
(no pipeline: fast)."""

from __future__ import annotations

from paperkg.extractors.results import find_results, read_number


def _ent(text: str, name: str, typ: str, role: str = "used") -> dict:
    """An entity dict with every mention of its name in text."""
    at, mentions = 0, []
    while (i := text.find(name, at)) >= 0:
        mentions.append((name, i, i + len(name), ""))
        at = i + len(name)
    return {"name": name, "type": typ, "role": role, "aliases": [], "mentions": mentions}


def _found(text: str, *ents: tuple) -> dict:
    return {r["value"]: r for r in find_results(text, [_ent(text, *e) for e in ents])}


def test_factors_written_in_words_are_ratios_where_a_change_is_said():
    text = ("QuickSolve: Fast Solvers\nWe propose QuickSolve. QuickSolve is fivefold faster than "
            "the simplex baseline, gives a two-fold reduction in memory and runs ten times "
            "quicker on large graphs. Our contributions are threefold: a solver, a proof and a "
            "benchmark.")
    got = _found(text, ("QuickSolve", "METHOD", "introduced"))
    assert set(got) == {"fivefold", "two-fold", "ten times"}
    assert all(r["kind"] == "ratio" and r["unit"] == "x" for r in got.values())
    assert got["fivefold"]["system"] == "QuickSolve"
    assert (got["fivefold"]["number"], got["two-fold"]["number"], got["ten times"]["number"]) \
        == (5.0, 2.0, 10.0)


def test_orders_of_magnitude_are_factors_of_ten_to_that_power():
    text = ("GridSim: Surrogates\nWe propose GridSim. GridSim runs 1-2 orders of magnitude faster "
            "than the simulator and reduces trainable parameters by four orders of magnitude. "
            "The scaling law holds across three orders of magnitude in compute.")
    got = _found(text, ("GridSim", "METHOD", "introduced"))
    assert set(got) == {"1-2 orders of magnitude", "four orders of magnitude"}
    assert got["four orders of magnitude"]["number"] == 10000.0
    assert got["1-2 orders of magnitude"]["number"] == 10.0
    assert got["four orders of magnitude"]["system"] == "GridSim"


def test_a_text_whose_only_result_is_written_in_words_is_read():
    text = ("PathNet: Planning\nWe propose PathNet. PathNet plans paths three orders of magnitude "
            "faster than sampling planners.")
    assert [r["value"] for r in find_results(text, [_ent(text, "PathNet", "METHOD",
                                                         "introduced")])] == \
        ["three orders of magnitude"]


def test_decimals_written_without_a_leading_zero():
    text = ("SegLite: Lesions\nWe propose SegLite. SegLite obtains a dice coefficient of .9411 on "
            "ISIC and shows .9467 dice coefficient with +/- .0310 standard deviation on PH2, "
            "a significant gain (p = .007).")
    got = _found(text, ("SegLite", "METHOD", "introduced"), ("ISIC", "DATASET"),
                 ("PH2", "DATASET"), ("dice coefficient", "METRIC"))
    assert set(got) == {".9411", ".9467"}
    assert read_number(".9411") == 0.9411 and read_number("-.5") == -0.5
    assert got[".9411"]["metric"] == "dice coefficient" and got[".9411"]["benchmark"] == "ISIC"


def test_folds_of_cross_validation_and_bounds_of_confidence_intervals_are_not_results():
    text = ("DermNet: Lesions\nWe propose DermNet. With 10-fold stratified cross-validation, "
            "DermNet reaches 91.2% accuracy, with bootstrap 95% confidence intervals of "
            "[90.1%, 92.3%].")
    got = _found(text, ("DermNet", "METHOD", "introduced"), ("accuracy", "METRIC"))
    assert set(got) == {"91.2%"}


def test_the_quantity_a_change_is_stated_on_names_the_metric_when_its_head_is_a_measure():
    text = ("PlanBot: Agents\nWe propose PlanBot. PlanBot reduces the total expected loss by ~94% "
            "and cuts peak memory by 35%, and improves its answers by 12%. On ProactiveBench, "
            "it lowers false alarms by 22.78% and improves F1 by 20.14%.")
    got = _found(text, ("PlanBot", "METHOD", "introduced"), ("ProactiveBench", "BENCHMARK"),
                 ("F1", "METRIC"))
    assert got["~94%"]["metric"] == "expected loss"
    assert got["35%"]["metric"] == "peak memory"
    assert got["12%"]["metric"] is None  # "answers" is no measure
    assert got["22.78%"]["metric"] == "false alarms"
    assert got["20.14%"]["metric"] == "F1"
