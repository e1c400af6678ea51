"""INTRODUCES, forty-sixth pass (intro46): a known technique named as the modifier of the paper's
own system ("a conditional mutual information (CMI) estimator") is `used`, on sentences written
for these tests (the rules alone, as `--fast`)."""

from __future__ import annotations

import pytest

from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _role(nlp, text: str, name: str, title: str = "Plonk Quorb Testing") -> str | None:
    """The role of name in one invented paper, or None when no entity holds it."""
    e = find(run(nlp, text, title=title), name)
    return e.role if e is not None else None


@pytest.mark.parametrize("text,name", [
    ("We propose a classifier-based conditional mutual information (CMI) estimator that "
     "captures plonk dependence among quorb variables.", "conditional mutual information"),
    ("We propose and validate a computerized adaptive testing (CAT) framework grounded in "
     "quorb theory for the efficient plonk assessment of language models.",
     "computerized adaptive testing"),
    ("This study proposes a reconfigurable intelligent surface (RIS)-aided plonk network for "
     "low-altitude quorb surveillance.", "reconfigurable intelligent surface"),
])
def test_known_name_before_the_systems_head_is_used(nlp, text, name):
    assert _role(nlp, text, name) == "used"


def test_a_coined_name_before_a_head_stays_introduced(nlp):
    text = ("We propose the Quarkic Plonk Transformer (QPT) framework, a new architecture for "
            "quorb flux modelling.")
    assert _role(nlp, text, "Quarkic Plonk Transformer") == "introduced"


def test_a_known_name_standing_alone_as_the_object_stays_introduced(nlp):
    text = ("We introduce conditional mutual information (CMI), and show that it bounds the "
            "plonk error of quorb classifiers.")
    assert _role(nlp, text, "conditional mutual information") == "introduced"


def test_the_titles_own_name_before_its_colon_is_not_judged(nlp):
    text = ("We propose Graph RAG framework, which grounds plonk answers in a quorb graph "
            "built from the corpus.")
    assert _role(nlp, text, "Graph RAG", title="Graph RAG: Quorb Answers from Plonk Graphs") \
        == "introduced"
