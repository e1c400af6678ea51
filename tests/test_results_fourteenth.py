"""Results rules of the fourteenth session (docs/results.md): metrics and benchmarks checked on
invented sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from tests.extracting import results_by_value as _found


def test_the_quantity_a_change_goes_from_the_value_on_names_the_metric():
    text = (
        "Safe9: Safer Diffusion\nWe present Safe9. Safe9 keeps quality while improving "
        "compositional generation quality from 41.07% to 46.82% on GenEval. RL-tuning raises "
        "the answer rate while reducing error percentage from 24.43% to 13.71%."
    )
    got = _found(text, ("Safe9", "METHOD", "introduced"), ("GenEval", "BENCHMARK"))
    assert got["41.07%"]["metric"] == "compositional generation quality"
    assert got["46.82%"]["metric"] == "compositional generation quality"
    assert got["24.43%"]["metric"] == "error percentage"
    assert got["13.71%"]["metric"] == "error percentage"


def test_a_change_from_the_value_without_a_measure_head_or_with_a_known_metric_keeps_the_rules():
    text = (
        "Fuse9: Fusion\nWe present Fuse9. Fuse9 boosts re-identification performance from "
        "80% to 99% on one day. It improves PSNR quality from 30.12 to 31.24."
    )
    got = _found(text, ("Fuse9", "METHOD", "introduced"), ("PSNR", "METRIC"))
    assert got["80%"]["metric"] is None
    assert got["30.12"]["metric"] == "PSNR"


def test_a_versus_bracket_after_a_setting_name_is_the_subjects_and_the_compared_ones():
    text = (
        "Steer7: Logit Steering\nWe present Steer7. Steer7 achieves higher attack success "
        "rates on Llama 2 (71% vs. 21.6%) and Qwen 7B (92% vs. 78.2%)."
    )
    got = _found(
        text,
        ("Steer7", "METHOD", "introduced"),
        ("Llama 2", "MODEL"),
        ("Qwen 7B", "MODEL"),
        ("attack success rates", "METRIC"),
    )
    assert got["92%"]["system"] == "Steer7"
    assert got["78.2%"]["system"] is None


def test_a_versus_bracket_after_a_compared_name_gives_it_the_second_value():
    text = (
        "Agent7: Long Video Agents\nWe present Agent7. On LVBench, Agent7 outperforms the "
        "10x larger Qwen2.5-VL-72B (51.5% vs. 46.3%)."
    )
    got = _found(
        text,
        ("Agent7", "METHOD", "introduced"),
        ("Qwen2.5-VL-72B", "MODEL"),
        ("LVBench", "BENCHMARK"),
    )
    assert got["51.5%"]["system"] == "Agent7"
    assert got["46.3%"]["system"] == "Qwen2.5-VL-72B"


def test_bare_decimals_in_versus_brackets_after_benchmarks_are_scores_of_both_systems():
    text = (
        "Tiny7: Small Reasoners\nWe present Tiny7. Remarkably, it surpasses the 400x larger "
        "DeepSeek R1 on two math benchmarks: AIME24 (81.3 vs. 78.8) and AIME25 (73.4 vs. 71.0)."
    )
    got = _found(
        text,
        ("Tiny7", "MODEL", "introduced"),
        ("DeepSeek R1", "MODEL"),
        ("AIME24", "BENCHMARK"),
        ("AIME25", "BENCHMARK"),
    )
    assert got["81.3"]["system"] == "Tiny7"
    assert got["81.3"]["benchmark"] == "AIME24"
    assert got["78.8"]["system"] == "DeepSeek R1"
    assert got["71.0"]["system"] == "DeepSeek R1"
    assert got["71.0"]["benchmark"] == "AIME25"


def test_a_measure_phrase_listed_before_its_bracketed_value_names_the_metric():
    text = (
        "Lite7: Knowledge Mining\nWe present Lite7, an efficient variant that outperforms "
        "batch processing on hit rate (+2.7%, p=0.006), hypothesis yield (+3.5, p<0.001), and "
        "best-match alignment (+0.42, p<0.001). It also gives superior plan quality (3 times "
        "higher)."
    )
    got = _found(text, ("Lite7", "METHOD", "introduced"), ("hit rate", "METRIC"))
    assert got["+2.7%"]["metric"] == "hit rate"
    assert got["+3.5"]["metric"] == "hypothesis yield"
    assert got["+0.42"]["metric"] == "best-match alignment"
    assert got["3 times"]["metric"] is None
