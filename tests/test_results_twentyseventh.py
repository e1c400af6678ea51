"""Results rules of the twenty-seventh session, helper res27 (docs/results.md): a name "our" and
a system noun hold, a measure given its short form right before the value; values joined by
slashes on benchmarks joined so."""

from __future__ import annotations

from paperkg.extractors import results
from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.results import lists, metrics, systems
from tests.extracting import results_by_value as _found


def test_a_name_between_our_and_a_system_noun_is_the_papers_own():
    text = ("Plume Fields for Infrared Scenes\nOur final GlowNet method requires 50% fewer "
            "images and achieves an average PSNR of 39.8 dB.")
    got = _found(text, ("GlowNet", "METHOD"), ("PSNR", "METRIC"))
    assert got["39.8 dB"]["system"] == THIS_PAPER
    text = ("Plume Fields for Infrared Scenes\nOur lightweight GlowNet-AQ variant attains the "
            "best accuracy (89.04).")
    got = _found(text, ("GlowNet", "METHOD", "introduced"), ("GlowNet-AQ", "METHOD"),
                 ("accuracy", "METRIC"))
    assert got["89.04"]["system"] == "GlowNet-AQ"  # a variant of the own system keeps its name


def test_a_name_our_modifies_is_read_only_with_the_switch(monkeypatch):
    text = ("Plume Fields for Infrared Scenes\nOur final GlowNet method achieves an average PSNR "
            "of 39.8 dB.")
    monkeypatch.setattr(systems, "OUR_MODIFIER", False)
    got = _found(text, ("GlowNet", "METHOD"), ("PSNR", "METRIC"))
    assert got["39.8 dB"]["system"] == "GlowNet"


def test_a_measure_with_its_short_form_right_before_the_value_is_its_metric():
    text = ("Safe Driving Agents\nOn RoadSim, DriveNet achieves a Lane Keeping Score (LKS) of "
            "0.85, a Route Breach Count (RBC) of 0.75 and a Detour Rate (DR) of 0.02.")
    ents = (("RoadSim", "BENCHMARK"), ("DriveNet", "METHOD", "introduced"),
            ("Lane Keeping Score", "METRIC"), ("Route Breach Count", "METHOD"),
            ("Detour Rate", "METRIC"))
    got = _found(text, *ents)
    assert got["0.85"]["metric"] == "Lane Keeping Score"
    assert got["0.75"]["metric"] == "Route Breach Count"


def test_a_measure_with_its_short_form_is_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(results, "DEFINED_MEASURE", False)
    text = ("Safe Driving Agents\nOn RoadSim, DriveNet achieves a Lane Keeping Score (LKS) of "
            "0.85, a Route Breach Count (RBC) of 0.75 and a Detour Rate (DR) of 0.02.")
    got = _found(text, ("RoadSim", "BENCHMARK"), ("DriveNet", "METHOD", "introduced"),
                 ("Lane Keeping Score", "METRIC"), ("Route Breach Count", "METHOD"),
                 ("Detour Rate", "METRIC"))
    assert got["0.75"]["metric"] != "Route Breach Count"


def test_values_joined_by_slashes_pair_with_benchmarks_joined_so(monkeypatch):
    text = ("Steps in Video\nOur model advances step classification (+2.8% / +3.3% on CookSet "
            "/ KitchenSet) and step forecasting (+7.4% on CookSet).")
    ents = (("CookSet", "DATASET"), ("KitchenSet", "DATASET"))
    got = _found(text, *ents)
    assert got["+2.8%"]["benchmark"] == "CookSet"
    assert got["+3.3%"]["benchmark"] == "KitchenSet"
    monkeypatch.setattr(lists, "SLASH_PAIRS", False)
    assert _found(text, *ents)["+2.8%"]["benchmark"] != "CookSet"


def test_a_measure_with_its_short_form_takes_the_value_it_moves_to(monkeypatch):
    text = ("Safe Driving Agents\nUnder spoofing attacks, DriveNet raises the Success Rate (SR) "
            "to 0.68 and lowers the Route Breach Count (RBC) to 0.37.")
    ents = (("DriveNet", "METHOD", "introduced"), ("Success Rate", "METRIC"),
            ("Route Breach Count", "METHOD"))
    assert _found(text, *ents)["0.37"]["metric"] == "Route Breach Count"
    monkeypatch.setattr(metrics, "ACR_TO", False)
    assert _found(text, *ents)["0.37"]["metric"] != "Route Breach Count"
