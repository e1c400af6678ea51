"""Twenty-eighth pass (helper type28): types from context. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- heads.contests: a name ending in a contest noun or written before one is a benchmark ------


@pytest.mark.parametrize("abstract, name", [
    ("This paper describes our entry to the KALEIDO 2027 Shared Task on claim verification. "
     "Our system ranks third.", "KALEIDO 2027 Shared Task"),
    ("We report the results of the ORBIX 2026 Competition on table parsing. Twelve teams "
     "took part.", "ORBIX 2026 Competition"),
    ("Our agent was the winning system of the QuillRAG competition at a major venue. It "
     "combines retrieval with a reranker.", "QuillRAG"),
])
def test_a_contest_is_a_benchmark(nlp, abstract, name):
    e = find(run(nlp, abstract, "A system for claims"), name)
    assert e is not None and e.type == "BENCHMARK", e


def test_a_task_before_its_contest_noun_stays_a_task(nlp):
    e = find(run(nlp, "We study speech emotion recognition. Our system for the speech emotion "
                      "recognition challenge uses a small encoder.", "Emotion from speech"),
             "speech emotion recognition")
    assert e is None or e.type != "BENCHMARK", e
