"""Data sets and benchmarks of an odd shape (helper bench42, session 42): a name opening with a
digit or joining two words with "&" before a data head, and a name marked with an apostrophe
and a two-digit year; venues marked so stay out. On sentences written for these tests, beside
invented names."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_digit_led_name_before_a_plural_data_head(nlp):
    ents = run(nlp, "Experiments on the QuillML3D and 200ZORB datasets show gains for ZorbNet.")
    e = find(ents, "200ZORB")
    assert e is not None and e.type == "DATASET"


def test_a_digit_led_hyphenated_name_before_benchmarks(nlp):
    ents = run(nlp, "Experiments on QF-OVD and 4Q-OVD benchmarks show that ZorbNet achieves gains.")
    e = find(ents, "4Q-OVD")
    assert e is not None and e.type == "BENCHMARK"


def test_an_ampersand_name_before_a_data_head(nlp):
    ents = run(nlp, "We test ZorbNet on the Quill&Zorb dataset, a benchmark of agent faults.")
    e = find(ents, "Quill&Zorb")
    assert e is not None and e.type == "DATASET"


@pytest.mark.parametrize("phrase", ["2D and 3D datasets", "a 40B-token dataset",
                                    "the 7T datasets", "a Q&A dataset"])
def test_a_dimension_a_count_or_a_short_pair_is_no_name(nlp, phrase):
    ents = run(nlp, f"ZorbNet is trained on {phrase} and tested with care.")
    assert not [n for n, e in ents.items() if e.type in ("DATASET", "BENCHMARK")], sorted(ents)


def test_year_marked_names_are_benchmarks(nlp):
    ents = run(nlp, "ZorbNet improves over GRPO by up to 6.0 points on QMC'23 and 5.2 points on "
                    "ZAIME'24.")
    for name in ("QMC'23", "ZAIME'24"):
        e = find(ents, name)
        assert e is not None and e.type == "BENCHMARK", sorted(ents)


def test_a_year_marked_name_with_its_language_pair(nlp):
    ents = run(nlp, "Experiments on two translation benchmarks, QMT'14 English-German and QMT'14 "
                    "English-French, show gains for ZorbNet.")
    assert find(ents, "QMT'14 English-German") is not None
    assert find(ents, "QMT'14 English-French") is not None


def test_a_year_marked_name_after_datasets_is_a_dataset(nlp):
    ents = run(nlp, "Experiments use benchmark datasets including QHG14, ZREC'17, and QHMDB.")
    e = find(ents, "ZREC'17")
    assert e is not None and e.type == "DATASET"


@pytest.mark.parametrize("venue", ["ICLR'25", "SIGMOD'25", "arXiv'23"])
def test_a_listed_venue_is_no_name(nlp, venue):
    ents = run(nlp, f"Quill and Zorb, {venue}, showed that ZorbNet keeps its accuracy.")
    assert find(ents, venue) is None


@pytest.mark.parametrize("sentence", ["ZorbNet runs faster than QuillInfer (QuroSys'25, Best "
                                      "paper) on one GPU.",
                                      "ZorbNet builds on the theorem of Quill et al. [QICOMP'20].",
                                      "ZorbNet won the first place at QuillMedia'25."])
def test_a_year_marked_citation_or_meeting_is_no_name(nlp, sentence):
    ents = run(nlp, sentence)
    assert not [n for n in ents if "'" in n], sorted(ents)


def test_a_typed_name_keeps_its_type(nlp):
    ents = run(nlp, "We release 3QGen-Bench, a benchmark for 3D generation. We believe that our "
                    "3QGen-Bench dataset will help.", title="3QGen-Bench: A Benchmark Suite")
    e = find(ents, "3QGen-Bench")
    assert e is not None and e.type == "BENCHMARK"
