"""Names, forty-ninth pass (helper named49): "reranking" is out of the technique list (the gold
names it in none of the tuning papers that write it; a TASK rule may still take it), and the
learned scorer of lower-case technique phrases keeps a phrase only at its shipped cut (0.40 in
named49's pass, 0.30 since named49b chose it by F1 in both modes). On sentences written for these
tests, beside invented names."""

from __future__ import annotations

import pytest

import paperkg.extractors.rules.method_scored as method_scored
from paperkg.extractors.rules.method_scored import scorer
from tests.extracting import named_by_name, run

OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "
TITLE = "Cold Storage of Pears"


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _named(ents: dict) -> set[str]:
    """The folded names of the named (non-task, non-measure) entities."""
    return set(named_by_name(ents))


@pytest.mark.parametrize("sentence", [
    "QuillRank retrieves pear notes, and reranking orders them by ripeness.",
    "We add a re-ranking stage after QuillRank retrieves pear notes.",
])
def test_reranking_is_no_named_technique(nlp, sentence):
    ents = run(nlp, OPENING + sentence, TITLE)
    assert not {"reranking", "re-ranking"} & _named(ents)
    assert "quillrank" in _named(ents)


def test_a_known_technique_beside_it_stays(nlp):
    ents = run(nlp, OPENING + "QuillRank reranks pear notes with knowledge distillation.", TITLE)
    assert "knowledge distillation" in _named(ents)


def _scored(nlp, sentence: str) -> dict[str, float]:
    """The method scorer's probability of each phrase it scores in one invented paper."""
    method_scored.COLLECT = []
    try:
        run(nlp, OPENING + sentence, TITLE)
        return {phrase: p for phrase, _, p in method_scored.COLLECT}
    finally:
        method_scored.COLLECT = None


def test_the_shipped_cut():
    assert scorer()["cut"] == pytest.approx(0.30)


def test_a_phrase_under_the_cut_is_left(nlp):
    # scored between names46's first cut (0.25) and the shipped one (0.30): left out
    sentence = "The crate model is trained by pear bruise augmentation."
    p = _scored(nlp, sentence)["pear bruise augmentation"]
    assert 0.25 <= p < scorer()["cut"]
    assert "pear bruise augmentation" not in _named(run(nlp, OPENING + sentence, TITLE))


def test_a_phrase_between_the_cuts_is_kept(nlp):
    # scored between the shipped cut (0.30) and named49's 0.40, where it was left out
    sentence = "We train the crate policy with pear reward shaping."
    p = _scored(nlp, sentence)["pear reward shaping"]
    assert scorer()["cut"] <= p < 0.40
    assert "pear reward shaping" in _named(run(nlp, OPENING + sentence, TITLE))


def test_a_phrase_over_the_cut_is_kept(nlp):
    sentence = "Our crate policy uses ripeness-guided distillation."
    assert _scored(nlp, sentence)["ripeness-guided distillation"] >= scorer()["cut"]
    ents = run(nlp, OPENING + sentence, TITLE)
    e = ents["ripeness-guided distillation"]
    assert e.type == "METHOD" and e.extractor == "method_scored"
