"""The judge of merged TASK entities (task44, rules/task_judge.py): its features, which entities it
judges, the shipped weights, and the training script's counting; on invented text."""

from __future__ import annotations

import re

import pytest

from paperkg.extractors.rules import task_judge
from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.task_judge import features, judge, score
from paperkg.extractors.training.task_judge import counts
from tests.extracting import run, task_names

TITLE = "Pear Crate Sorting in Cold Rooms"


def _ctx(abstract: str, title: str = TITLE) -> Context:
    """A context over title and abstract, a sentence at each full stop."""
    text = f"{title}\n{abstract}"
    starts = [0, len(title) + 1] + [m.end() for m in re.finditer(r"\. ", text)]
    return Context(text, sorted(set(starts)), [], [], None)


def _entity(ctx: Context, name: str, extractor: str = "gazetteer") -> dict:
    """A merged TASK entity with every mention of name in the context's text."""
    mentions = [(name, m.start(), m.end(), "") for m in
                re.finditer(re.escape(name), ctx.text, re.IGNORECASE)]
    return {"name": name, "type": "TASK", "role": "used", "aliases": [], "mentions": mentions,
            "extractor": extractor, "acronym": None}


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_a_listed_mention_in_passing():
    ctx = _ctx("Models serve many problems, such as crate sorting and pear grading. We cool "
               "rooms.")
    f = features(ctx, _entity(ctx, "crate sorting"), 2)
    assert {"fam=gazetteer", "e=crate sorting", "h=sorting", "list=True", "own=False",
            "pb=as", "na=and", "sent=1", "last=False", "ntask=2"} <= set(f)


def test_the_papers_own_sentence_and_the_title():
    ctx = _ctx("Rooms are cold. We study crate sorting in cold rooms.")
    f = features(ctx, _entity(ctx, "crate sorting", "gazetteer+title_task"), 1)
    assert {"t_in=True", "t_form=True", "own=True", "list=False", "sent=2", "last=True",
            "m=1", "r=title_task", "nr=2"} <= set(f)


def test_a_title_only_task_has_no_abstract_features():
    ctx = _ctx("Rooms are cold.")
    f = features(ctx, _entity(ctx, "crate sorting"), 1)
    assert "abs=none" in f and not any(x.startswith("pb=") for x in f)


def test_the_shipped_model():
    jd = judge()
    assert set(jd["families"]) == {"gazetteer", "task_for", "task_repeated"}
    assert 0 < jd["cut"] < 1 and len(jd["weights"]) > 100
    ctx = _ctx("We study crate sorting in cold rooms.", "Crate Sorting in Cold Rooms")
    assert score(features(ctx, _entity(ctx, "crate sorting"), 1)) > jd["cut"]


def test_a_known_task_named_in_passing_is_dropped(nlp):
    abstract = ("Models serve many problems, such as binary classification and text "
                "generation, in farms. We sort pear crates in cold rooms.")
    assert "text generation" not in task_names(run(nlp, abstract, TITLE))


def test_a_known_task_the_paper_studies_stays(nlp):
    abstract = "We study anomaly detection for pear crates in cold rooms."
    assert "anomaly detection" in task_names(run(nlp, abstract, TITLE))


def test_every_task_is_kept_while_collecting(nlp):
    abstract = ("Models serve many problems, such as binary classification and text "
                "generation, in farms. We sort pear crates in cold rooms.")
    task_judge.COLLECT = []
    try:
        names = task_names(run(nlp, abstract, TITLE))
        seen = dict(task_judge.COLLECT)
    finally:
        task_judge.COLLECT = None
    assert "text generation" in names and "text generation" in seen


def test_counts_match_one_to_one():
    paper = {"preds": [{"forms": ["a b"]}, {"forms": ["a b", "c"]}, {"forms": ["x"]}],
             "gold": [{"forms": ["a b"], "own": True}, {"forms": ["d"], "own": True},
                      {"forms": ["x"], "own": False}]}
    assert counts(paper, [True, True, True]) == (2, 1, 1, 2)  # the second "a b" is a duplicate
    assert counts(paper, [False, True, False]) == (1, 0, 1, 2)
