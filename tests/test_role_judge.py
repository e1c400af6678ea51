"""INTRODUCES, forty-eighth pass (intro48): the role judge (rules/role_judge.py) makes
introduced a name the rules left `used` when the paper writes it as its own ("X, which ...",
"X achieves ...", in the title and the abstract) and leaves alone the names it takes from
others, on sentences written for these tests (the rules alone, as `--fast`, with the shipped
weights)."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules import role_judge
from tests.extracting import find_any_case as find
from tests.extracting import run


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _role(nlp, text: str, name: str, title: str) -> str | None:
    """The role of name in one invented paper, or None when no entity holds it."""
    e = find(run(nlp, text, title=title), name)
    return e.role if e is not None else None


@pytest.mark.parametrize("title,text,name", [
    ("Quorb Flux Estimation with Plonk Sampling",
     "Estimating quorb flux is hard. Our estimator relies on Plonk Sampling, which draws plonk "
     "states in proportion to their flux. Experiments show that Plonk Sampling reduces the "
     "variance by 40%.", "Plonk Sampling"),
    ("Plonk Transfer for Quorb Graphs",
     "We study quorb graphs. The Zibbel Encoder, which maps every quorb to a plonk vector, is "
     "trained jointly with a decoder. The Zibbel Encoder achieves 91.2% accuracy on "
     "QuorbBench.", "Zibbel Encoder"),
])
def test_a_name_the_paper_writes_as_its_own_is_introduced(nlp, title, text, name):
    assert _role(nlp, text, name, title) == "introduced"


@pytest.mark.parametrize("text,name", [
    ("We study quorb graphs. Existing methods such as GraphSAGE and GCN fail on plonk graphs. "
     "We fine-tune BERT on QuorbBench and compare with GraphSAGE.", "GraphSAGE"),
    ("We study quorb graphs. Existing methods such as GraphSAGE and GCN fail on plonk graphs. "
     "We fine-tune BERT on QuorbBench and compare with GraphSAGE.", "BERT"),
    ("We study quorb graphs. We propose a plonk transfer method. We fine-tune it with "
     "ResNet-50, which is pretrained on ImageNet.", "ResNet-50"),
])
def test_a_name_taken_from_others_stays_used(nlp, text, name):
    assert _role(nlp, text, name, "Plonk Transfer for Quorb Graphs") == "used"


def test_the_shipped_judge_rates_a_known_listed_name_low():
    feats = ["bias", "type=MODEL", "known=3", "listed", "x:m=1", "x:oneword", "x:s_others"]
    assert role_judge.score(feats) < role_judge.judge()["cut"]


def _ent(text: str, name: str, role: str = "used") -> dict:
    """An entity dict as the judge reads it, with every mention of name in text."""
    ms, i = [], text.find(name)
    while i >= 0:
        ms.append([name, i, i + len(name), 0])
        i = text.find(name, i + 1)
    return {"name": name, "aliases": [], "type": "METHOD", "role": role, "mentions": ms,
            "extractor": "coined_name"}


def test_a_name_listed_beside_an_introduced_one_is_its_sibling():
    """fifty-first pass (intro51): "two layers -- TF-Attention and TC-Attention": the rules
    introduce one, the other shares a piece with it and stands in its list."""
    text = ("Quorb Attention\nWe propose two layers -- TC-Attention and TF-Attention. "
            "TF-Attention is faster.")
    tc = _ent(text, "TC-Attention", "introduced")
    feats = role_judge._siblings(text, _ent(text, "TF-Attention"), [tc])
    assert feats == {"x:sib_piece", "x:sib_piece_coined", "x:sib_list"}


@pytest.mark.parametrize("text,name", [
    ("Plonk Transfer\nWe propose PlonkNet. We compare it with GraphSAGE on QuorbBench.",
     "GraphSAGE"),
    ("Plonk Transfer\nWe propose PlonkNet, trained on ImageNet. BERT is slower.", "BERT"),
])
def test_a_name_apart_from_the_introduced_ones_is_no_sibling(text, name):
    """No piece in common and no list shared with the paper's PlonkNet."""
    own = _ent(text, "PlonkNet", "introduced")
    assert role_judge._siblings(text, _ent(text, name), [own]) == set()
