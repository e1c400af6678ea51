"""Results rules of the eighth session (docs/results.md): attribution checked on invented
sentences of the shapes, with entities given as the entity component leaves them (no pipeline:
fast)."""

from __future__ import annotations

from tests.extracting import gold_file
from tests.extracting import results_by_value as _found


def test_a_value_takes_the_one_benchmark_its_sentence_names_in_another_clause():
    text = ("LinkX: Explanations\nWe propose LinkX. Using the HeritageKG dataset, our approach "
            "yields a precision of 0.70 and an F1-score of 0.69.")
    got = _found(text, ("LinkX", "METHOD", "introduced"), ("HeritageKG", "DATASET"),
                 ("precision", "METRIC"), ("F1-score", "METRIC"))
    assert got["0.70"]["benchmark"] == "HeritageKG" and got["0.69"]["benchmark"] == "HeritageKG"


def test_a_value_outside_the_clauses_of_several_named_benchmarks_takes_none_of_them():
    text = ("BiSeg: Segmentation\nWe propose BiSeg. Compared with SegBase, BiSeg achieves better "
            "results on BraTS2023 and clear gains on ACDC, while reducing computational cost by "
            "up to 77.9%.")
    got = _found(text, ("BiSeg", "METHOD", "introduced"), ("SegBase", "METHOD"),
                 ("BraTS2023", "DATASET"), ("ACDC", "DATASET"))
    assert got["77.9%"]["system"] == "BiSeg"
    assert got["77.9%"]["benchmark"] is None


def test_a_factor_by_which_something_is_larger_is_a_size_not_a_result():
    text = ("FlowLite: Speech\nWe propose FlowLite. FlowLite supports 4x larger batch sizes, "
            "beats the 400x larger TeacherNet and uses 30 times as many layers as VoiceNet, "
            "while running 3x faster and reaching 2-3x larger gains.")
    got = _found(text, ("FlowLite", "METHOD", "introduced"), ("TeacherNet", "MODEL"),
                 ("VoiceNet", "MODEL"))
    assert set(got) == {"3x", "2-3x"}


def test_the_ablation_counts_what_each_switch_of_the_rules_is_worth(nlp, tmp_path):
    from paperkg.extractors.results_audit import ablate

    path = gold_file(
        tmp_path, "FooNet: Faster Things",
        "We propose FooNet. FooNet gets better results on ImageNet and clear gains on COCO, "
        "while running with 77.9% less energy.",
        [("FooNet", "METHOD", "introduced"), ("ImageNet", "DATASET"), ("COCO", "DATASET")],
        [{"system": "FooNet", "benchmark": None, "metric": None, "value": "77.9%",
          "kind": "delta"}])
    rows = ablate(path, nlp=nlp)
    assert rows["(all on)"] == {"results-value": (1, 0, 0), "results-full": (1, 0, 0)}
    # with the sentence's benchmarks read as one, 77.9% would be COCO's
    assert rows["BENCH_ONE_IN_SENTENCE"] == {"results-value": (1, 0, 0),
                                             "results-full": (0, 1, 1)}
    assert rows["SIZE_FACTOR"] == rows["(all on)"]
