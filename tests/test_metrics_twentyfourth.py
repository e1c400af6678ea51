"""Metric rule changes of the twenty-fourth session (tuned on poolA and train, kept only where the
held-out poolB rose too), each on sentences written for it."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("abstract", [
    "The planner relies on high prediction accuracy. Evaluation on the harbour set shows that it "
    "outperforms the baselines.",
    "We study how the cache interacts with low retrieval accuracy. Our experiments report that "
    "the new layout helps.",
])
def test_a_compound_measure_wants_evidence_in_its_own_sentence(nlp, abstract):
    ents = run(nlp, abstract)
    head = abstract.split(" accuracy")[0].rsplit(" ", 1)[-1] + " accuracy"
    for form in (head, "accuracy"):
        e = find(ents, form)
        assert e is None or e.type != "METRIC", form


@pytest.mark.parametrize("abstract, name", [
    ("The planner improves prediction accuracy by 4.2 points on the harbour set.",
     "prediction accuracy"),
    ("On the harbour set the planner reaches higher retrieval accuracy than the baselines.",
     "retrieval accuracy"),
    ("In the harbour the new planner brings the collision rate down to 3 in 1,000 runs.",
     "collision rate"),
])
def test_a_compound_measure_with_evidence_in_its_sentence_is_kept(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.type == "METRIC"


@pytest.mark.parametrize("abstract, form", [
    ("Our scheduler keeps 92% accuracy under strict latency constraints on the edge devices.",
     "latency"),
    ("The scheduler was evaluated against the accuracy requirements of clinical use.",
     "accuracy"),
    ("Kernel fusion removes the latency bottleneck at low batch sizes, as our evaluation shows.",
     "latency"),
])
def test_a_measure_word_naming_a_demand_is_no_measure(nlp, abstract, form):
    ents = run(nlp, abstract)
    for e in ents.values():
        assert not (e.type == "METRIC" and form in (e.name, *e.aliases)
                    or e.type == "METRIC" and e.name.endswith(" " + form)), e.name


@pytest.mark.parametrize("abstract, name", [
    ("The surrogate models keep mean squared errors of about 0.001 across all horizons.",
     "mean squared errors"),
    ("Our forecasts bring the mean absolute errors down to 0.3 at both sites.",
     "mean absolute errors"),
])
def test_a_known_measure_with_a_plural_head_is_the_measure(nlp, abstract, name):
    e = find(run(nlp, abstract), name)
    assert e is not None and e.type == "METRIC"


def test_a_plural_head_after_no_known_measure_is_no_measure(nlp):
    ents = run(nlp, "Annotators disagree on the borderline cases, and their rates differ.")
    assert not any(e.type == "METRIC" for e in ents.values())
