"""Thirty-ninth pass (speed): work skipped where a cheap test says nothing can match, each
checked against the search it stands in for: the reported-value verbs found by str.find, the
"group" cue's window test, the bracket names' openings, and the intro verbs' offsets found once
a paper."""

from __future__ import annotations

import random

import pytest

from paperkg.core.text import sentence_starts
from paperkg.extractors.results.cues import GROUP_PIECES, cues, may_hold_group
from paperkg.extractors.rules import metric_reported
from paperkg.extractors.rules.base import Context, positions, words
from tests.extracting import find, run, train_gold_texts


def _reported_by_verbs(text: str, lo: int) -> list[tuple[int, int]]:
    """The reported-value pattern's matches as reported_measures now finds them."""
    pattern, end, out = metric_reported._pattern(), lo, []
    for i in positions(text, words("metric_report_verbs")):
        m = pattern.match(text, i) if i >= end else None
        if m is not None:
            end = m.end()
            out.append(m.span())
    return out


@pytest.mark.parametrize("text", [
    "T\nSafeDrive attains a 66.8% driving score and reaches 0.84 exact-matching accuracy.",
    "T\nIt achieved 97.24% platform compatibility, 87.10% compilation success.",
    "T\nshowshows 12.5% gains; reachreaches 3.1% recall, achieves achieves 9.9% precision.",
    "achieves 1.5% accuracy in the title\nand obtains 2.5% recall in the abstract.",
    "T\nno value here, only achievements.",
])
def test_reported_verbs_found_by_find_match_finditer(text):
    lo = text.find("\n")
    want = [m.span() for m in metric_reported._pattern().finditer(text, lo)]
    assert _reported_by_verbs(text, lo) == want


def test_reported_verbs_found_by_find_match_finditer_on_gold():
    for text in train_gold_texts():
        for lo in (0, text.find("\n")):
            want = [m.span() for m in metric_reported._pattern().finditer(text, lo)]
            assert _reported_by_verbs(text, lo) == want


def test_group_window_test_holds_every_group_match():
    group = cues()["group"]
    for text in train_gold_texts():
        for m in group.finditer(text):
            assert may_hold_group(text, m.start(), m.end()), m.group()


@pytest.mark.parametrize(("text", "held"), [
    ("Existing LLMs fail at 12%", True),
    ("the best approach reaches 40%", True),
    ("However, participants rated it 4.1", True),
    ("Open-source MODELS trail at 30%", True),
    ("The baseline reaches 41.2% accuracy", True),
    ("It reaches 41.2% accuracy on the test set", False),
    ("Caf\u00e9 reaches 41.2%", True),  # not ASCII: the pattern is searched
])
def test_group_window_test(text, held):
    assert may_hold_group(text, 0, len(text)) is held
    if not held:
        assert cues()["group"].search(text) is None
        assert not any(p in text.lower() for p in GROUP_PIECES)


def test_group_window_false_only_where_the_pattern_finds_nothing():
    rng = random.Random(3939)
    words_ = ["all", "existing", "LLMs", "models", "model", "Methods", "the", "best", "method",
              "approach", "However,", "Experts", "agents", "top", "systems", "of", "we", "x",
              "strong", "baselines", "(13)", ".", "is", "humans", "annotators", "VLMs"]
    for _ in range(5000):
        text = " ".join(rng.choice(words_) for _ in range(rng.randint(1, 8)))
        if not may_hold_group(text, 0, len(text)):
            assert cues()["group"].search(text) is None, text


def test_bracket_names_reads_brackets_after_the_title_only(rules_nlp):
    abstract = "We propose a deep CNN (SITHCon) for sequences. It converges quickly."
    ents = run(rules_nlp, abstract, title="Deep CNNs (ZorbNet) at scale")
    assert find(ents, "SITHCon").role == "introduced"


def test_intro_verb_positions_found_once_and_shared(rules_nlp):
    from paperkg.extractors.rules import intro_objects

    gaz = rules_nlp.get_pipe("paperkg_gazetteer")
    text = "T\nWe propose a sparse gating network and introduce a progressive U-Net. We design it."
    ctx = Context(text, sentence_starts(text), [], [], gaz)
    got = intro_objects._verb_positions(ctx)
    assert got == positions(text, intro_objects._VERBS) == [5, 41, 75]
    assert intro_objects._verb_positions(ctx) is got  # the second stage reads the same list
    ents = run(rules_nlp, "We propose sparse gating networks for routing. It converges.")
    assert find(ents, "sparse gating networks").role == "introduced"
