"""Results rules of the twenty-fourth session (docs/results.md), checked on invented sentences
with entities given as the entity component leaves them, and once through the shipped rules
pipeline."""

from __future__ import annotations

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from tests.extracting import results_by_value as _found

_ENTS = (("FooNet", "METHOD", "introduced"), ("QuuxBench", "DATASET"), ("accuracy", "METRIC"))


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


@pytest.fixture(autouse=True)
def _named_after_taken(monkeypatch):
    """These papers name their one benchmark after the values; since results50 the rule takes
    only a name written by the value's sentence (benchmarks.ONE_BENCH_BEFORE, tested in
    test_results_results50.py), so the rule's other guards are checked with that switch off."""
    from paperkg.extractors.results import benchmarks

    monkeypatch.setattr(benchmarks, "ONE_BENCH_BEFORE", False)


def _paper(sentence: str) -> str:
    """A paper whose one benchmark is named after its values (taken by the one-benchmark rule)."""
    return (f"FooNet for Retrieval\nWe present FooNet, a retrieval model. {sentence} FooNet "
            "also reaches 91.2% accuracy. All experiments run on the QuuxBench dataset.")


def test_a_score_takes_the_papers_one_benchmark_also_on_a_split_of_it():
    got = _found(_paper("FooNet keeps 88.4% accuracy on validation data."), *_ENTS)
    assert got["91.2%"]["benchmark"] == "QuuxBench"
    assert got["88.4%"]["benchmark"] == "QuuxBench"


@pytest.mark.parametrize("sentence", [
    "On Middlebury 2014, FooNet keeps 88.4% accuracy.",
    "On the Burgers' equation dataset, FooNet keeps 88.4% accuracy.",
    "FooNet keeps 88.4% accuracy on commonsense benchmarks.",
    "FooNet keeps 88.4% accuracy in real-world data.",
    "FooNet keeps 88.4% accuracy on the Lean prover.",
])
def test_a_sentence_naming_data_of_its_own_does_not_take_the_papers_one_benchmark(sentence):
    got = _found(_paper(sentence), *_ENTS)
    assert got["91.2%"]["benchmark"] == "QuuxBench"
    assert got["88.4%"]["benchmark"] is None


def test_a_name_an_entity_holds_is_no_data_of_its_own():
    got = _found(_paper("Built on Llama-3, FooNet keeps 88.4% accuracy."), *_ENTS,
                 ("Llama-3", "MODEL"))
    assert got["88.4%"]["benchmark"] == "QuuxBench"


def test_the_pipeline_leaves_a_value_on_other_data_without_the_papers_benchmark(nlp):
    title = "FooNet for Retrieval"
    abstract = ("We present FooNet, a retrieval model. On the Burgers' equation dataset, "
                "FooNet keeps 88.4% accuracy. All experiments run on the QuuxBench dataset.")
    (ex,) = extract([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    got = {r.value: r for r in ex.results}
    assert got["88.4%"].benchmark is None
