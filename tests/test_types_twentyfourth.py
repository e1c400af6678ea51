"""Twenty-fourth pass (helper type24): types from context. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extracting import find, run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


# --- tasks.aims_subject: a sentence-opening name that "aims/refers/seeks to" is a task -----------


@pytest.mark.parametrize("abstract, name", [
    ("Counterfactual learning to rank (CLTR) aims to learn a ranking policy from user clicks. "
     "Existing CLTR methods assume one policy.", "Counterfactual learning to rank"),
    ("Urban general intelligence (UGI) refers to the capacity of AI systems to act in cities. "
     "We study it.", "Urban general intelligence"),
    ("Individualized treatment rules (ITRs) aim to tailor care to each patient. We give bounds.",
     "Individualized treatment rules"),
])
def test_a_name_said_to_aim_or_refer_to_something_is_a_task(nlp, abstract, name):
    e = find(run(nlp, abstract, "Towards better decisions"), name)
    assert e is not None and e.type == "TASK", e


def test_one_coined_word_that_aims_to_stays_a_method(nlp):
    e = find(run(nlp, "Hallucination is common. Therefore, LayerCD aims to filter out "
                      "hallucinations by contrast. LayerCD improves answers.",
                 "Decoding with layers"), "LayerCD")
    assert e is not None and e.type == "METHOD", e


# --- tasks.named_as_task: a name the sentence calls a task or problem is a task ---------------


@pytest.mark.parametrize("abstract, name", [
    ("We formalize this audit task as Refinement Provenance Inference (RPI) and show that it "
     "can be solved.", "Refinement Provenance Inference"),
    ("In this paper, we introduce the problem of Incomplete Sentiment Analysis with Unseen "
     "Modality Combinations (ISAUMC), aiming to help models.",
     "Incomplete Sentiment Analysis with Unseen Modality Combinations"),
    ("We introduce a new task, Visual Action Reasoning, and propose a large benchmark.",
     "Visual Action Reasoning"),
])
def test_a_name_called_a_task_or_problem_is_a_task(nlp, abstract, name):
    e = find(run(nlp, abstract, "Towards better decisions"), name)
    assert e is not None and e.type == "TASK", e


def test_a_name_that_goes_on_after_the_problem_of_stays_a_method(nlp):
    e = find(run(nlp, "We use PINNs to solve the inverse problem of the SIR model using "
                      "infection data. The SIR model fits well.", "Epidemic inference"), "SIR")
    assert e is None or e.type != "TASK", e


# --- heads.sized_models: a size before a name, an appositive ending in LLM: a released model --


@pytest.mark.parametrize("abstract, name", [
    ("Our kernels reduce the memory of the 12B FLUX.1-dev model by half.", "FLUX.1-dev"),
    ("We then developed SSDF-Core, a core diagnostic LLM that acquires clinical knowledge.",
     "SSDF-Core"),
    ("We introduce POINTS-Long, a native dual-mode MLLM featuring dynamic token reduction.",
     "POINTS-Long"),
])
def test_a_released_model_by_context(nlp, abstract, name):
    e = find(run(nlp, abstract, "Models for many things"), name)
    assert e is not None and e.type == "MODEL", e


@pytest.mark.parametrize("abstract, name", [
    ("We present Inquizzitor, an LLM-based formative assessment agent for classrooms.",
     "Inquizzitor"),
    ("We present CORTEX, a multi-agent LLM framework for triage.", "CORTEX"),
])
def test_a_system_built_with_models_stays_a_method(nlp, abstract, name):
    e = find(run(nlp, abstract, "Systems for many things"), name)
    assert e is not None and e.type == "METHOD", e


@pytest.mark.parametrize("abstract, name", [
    ("Such models often induce a critical failure mode we term sink-collapse: the output "
     "reverts to the prompt.", "sink-collapse"),
    ("Models trade one skill for another, a challenge we define as Composition-Knowledge "
     "Dichotomy. To address this, we propose a fix.", "Composition-Knowledge Dichotomy"),
    ("We term this failure mode Tool-Induced Myopia (TIM), and study it on a new benchmark.",
     "Tool-Induced Myopia"),
])
def test_a_named_failure_or_phenomenon_is_a_task(nlp, abstract, name):
    e = find(run(nlp, abstract, "On what goes wrong"), name)
    assert e is not None and e.type == "TASK", e


def test_a_method_given_a_name_stays_a_method(nlp):
    e = find(run(nlp, "We propose a framework we term FooBar, which works. FooBar is fast.",
                 "A fast framework"), "FooBar")
    assert e is not None and e.type == "METHOD", e
