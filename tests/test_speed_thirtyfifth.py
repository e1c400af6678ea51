"""Thirty-fifth pass (speed): the word before a task's or a measure's mention found from the
mention backwards (the same match as task_forms.WORD_BEFORE's search), and the measure forms'
step left at once on a paper with no measure."""

from __future__ import annotations

import random

import pytest

from paperkg.extractors.rules import metric_forms, task_forms


def _by_regex(text: str, a: int) -> tuple[int, str] | None:
    """word_before as the regex search it replaced finds it."""
    m = task_forms.WORD_BEFORE.search(text, max(0, a - 40), a)
    return None if m is None else (m.start(), m.group(1))


@pytest.mark.parametrize(("text", "word"), [
    ("We study online tasks here.", "online"),
    ("(robust tasks", "robust"),
    ("\u201cfew-shot tasks", "few-shot"),
    ("the_x2 tasks", "the_x2"),
    ("caf\u00e9 tasks", "caf\u00e9"),  # a word character past its first ASCII one
    ("\u00e9t\u00e9 tasks", None),  # its first letter not ASCII
    ("a-b--c tasks", "a-b--c"),
    ("word \ntasks", "word"),  # `$` before a last newline
    ("word\ntasks", None),
    ("x.word tasks", None),  # "." before the word: no lookbehind character
    ("_lead tasks", None),  # "_" opens no word
    (" " * 45 + "far tasks", "far"),
    ("averyveryveryveryveryveryveryverylongword tasks", None),  # longer than the window
])
def test_word_before_finds_what_the_regex_finds(text, word):
    a = text.rindex("tasks")
    got = task_forms.word_before(text, a)
    assert got == _by_regex(text, a)
    assert (got[1] if got else None) == word


def test_word_before_same_as_regex_on_random_texts():
    rng = random.Random(35)
    pieces = list("ab Z09_-( \"'\u201c\n\t\u00a0\u00e9\u0663.,x\u2003\u00b2\u00bd") + \
        ["word ", "long-form ", " \n"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for a in range(len(text) + 1):
            assert task_forms.word_before(text, a) == _by_regex(text, a), (text, a)


def test_measure_forms_leave_a_paper_without_measures_as_it_is():
    out = [{"name": "continual learning", "type": "TASK", "aliases": [],
            "mentions": [("continual learning", 10, 28, "")]}]
    metric_forms.metric_forms(out, "We study continual learning accuracy.")
    assert out[0]["aliases"] == []

