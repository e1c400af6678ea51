"""The scorer of task-head phrases no other rule took (task41, rules/task_scored.py): which
phrases it looks at, their features, the shipped weights; on invented text."""

from __future__ import annotations

import re

import pytest

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.task_scored import _phrases, features, score, scorer
from tests.extracting import run

TITLE = "Pear Crates in Cold Storage"


def _ctx(abstract: str, title: str = TITLE) -> Context:
    """A context over title and abstract, a sentence at each full stop."""
    text = f"{title}\n{abstract}"
    starts = [0, len(title) + 1] + [m.end() for m in re.finditer(r"\. ", text)]
    return Context(text, sorted(set(starts)), [], [], None)


def _forms(abstract: str, title: str = TITLE) -> dict[str, bool]:
    """The phrases the family looks at, each with whether it is the longest of its head."""
    return {" ".join(ws): longest for _, _, ws, longest in _phrases(_ctx(abstract, title))}


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def test_the_longest_phrase_and_its_shorter_forms():
    forms = _forms("It helps with pear bruise detection in ports.")
    assert forms == {"pear bruise detection": True, "bruise detection": False}


def test_a_function_word_ends_the_phrase():
    assert _forms("It works for the crate detection.") == {"crate detection": True}


@pytest.mark.parametrize("abstract, phrase, cut", [
    ("The farm's crate detection is slow.", "crate detection", "s crate detection"),
    ("Our Pear crate detection is slow.", "crate detection", "pear crate detection"),
    ("A robust crate detection is slow.", "crate detection", "robust crate detection"),
    ("It helps quickly crate detection.", "crate detection", "quickly crate detection"),
])
def test_what_the_phrase_leaves_out(abstract, phrase, cut):
    forms = {f.lower() for f in _forms(abstract)}
    assert phrase in forms and cut not in forms


def test_a_mixed_case_acronym_or_a_digit_stays():
    assert "3D crate detection" in _forms("It helps with 3D crate detection.")


def test_the_title_is_not_looked_at():
    assert _forms("It is cold.", "Pear Crate Detection and bruise detection") == {}


def test_a_head_of_the_scorer_s_own_list_is_looked_at():
    forms = _forms("It helps with pear bruise diagnosis and crate selection in ports.")
    assert {"pear bruise diagnosis", "bruise diagnosis", "crate selection"} <= set(forms)


def test_a_head_the_gold_seldom_names_is_not_looked_at():
    assert _forms("It speeds up fruit data processing and crate sampling.") == {}


def test_one_word_is_no_phrase():
    assert _forms("We study detection. It is cold.") == {}


def test_features_read_the_context():
    ctx = _ctx("Pears rot. It helps in pear bruise detection, and bruise detection is hard.",
               "Bruise Detection for Pears")
    a = ctx.text.index("pear bruise")
    f = features(ctx, a, a + len("pear bruise detection"), ["pear", "bruise", "detection"], True)
    assert {"h=detection", "n=3", "long=True", "pb=in", "na=,", "sent=2", "last=True",
            "rec=1", "hrec=3+", "t_phrase=False", "t_head=True", "t_mod=True",
            "listed=True"} <= set(f)
    a = ctx.text.index("Pears")
    assert "listed=False" in features(ctx, a, a + 9, ["pear", "diagnosis"], True)


def test_the_shipped_weights():
    sc = scorer()
    assert 0.0 < sc["cut"] < 1.0 and len(sc["weights"]) > 100
    assert score(["h=detection"]) > score(["h=learning"])
    assert score(["pb=in"]) > score(["pb=we"])


OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "


@pytest.mark.parametrize("sentence, title, phrase", [
    ("It gains across stem classification performance on farms.", "Cold Storage of Pears",
     "stem classification"),
    ("The sensors perform 3D segmentation on crates.", TITLE, "3D segmentation"),
    ("It improves bruise diagnosis, and bruise diagnosis is hard.", "Cold Storage of Pears",
     "bruise diagnosis"),
])
def test_a_phrase_the_scorer_keeps(nlp, sentence, title, phrase):
    ents = run(nlp, OPENING + sentence, title)
    assert phrase in ents and ents[phrase].type == "TASK"
    assert ents[phrase].extractor == "task_scored" and ents[phrase].role == "used"


@pytest.mark.parametrize("sentence, phrase", [
    ("The net learns weight alignment with a teacher.", "weight alignment"),
    ("It improves the annotation of pear transfer.", "pear transfer"),
    ("It lowers the cost of crate design in farms.", "crate design"),
    ("It gains across crate selection performance on farms.", "crate selection"),
])
def test_a_phrase_the_scorer_leaves(nlp, sentence, phrase):
    assert phrase not in run(nlp, OPENING + sentence, "Cold Storage of Pears")
