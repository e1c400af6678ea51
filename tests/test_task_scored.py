"""The scorer of task-head phrases no other rule took (task41, rules/task_scored.py): the
phrases only it looks at (a capitalised word, not a capital, ends them) and its features on
invented text (what it does as the other phrase scorers do: tests/test_scored_phrases.py)."""

from __future__ import annotations

from paperkg.extractors.rules import task_scored
from paperkg.extractors.rules.task_scored import features
from tests.phrase_scoring import context, forms


def test_a_function_word_ends_the_phrase():
    assert forms(task_scored, "It works for the crate detection.") == {"crate detection": True}


def test_a_mixed_case_acronym_or_a_digit_stays():
    assert "3D crate detection" in forms(task_scored, "It helps with 3D crate detection.")


def test_the_title_is_not_looked_at():
    assert forms(task_scored, "It is cold.", "Pear Crate Detection and bruise detection") == {}


def test_a_head_of_the_scorer_s_own_list_is_looked_at():
    found = forms(task_scored, "It helps with pear bruise diagnosis and crate selection in ports.")
    assert {"pear bruise diagnosis", "bruise diagnosis", "crate selection"} <= set(found)


def test_a_head_the_gold_seldom_names_is_not_looked_at():
    assert forms(task_scored, "It speeds up fruit data processing and crate sampling.") == {}


def test_features_read_the_context():
    ctx = context("Pears rot. It helps in pear bruise detection, and bruise detection is hard.",
                  "Bruise Detection for Pears")
    a = ctx.text.index("pear bruise")
    f = features(ctx, a, a + len("pear bruise detection"), ["pear", "bruise", "detection"], True)
    assert {"h=detection", "n=3", "long=True", "pb=in", "na=,", "sent=2", "last=True",
            "rec=1", "hrec=3+", "t_phrase=False", "t_head=True", "t_mod=True",
            "listed=True"} <= set(f)
    a = ctx.text.index("Pears")
    assert "listed=False" in features(ctx, a, a + 9, ["pear", "diagnosis"], True)
