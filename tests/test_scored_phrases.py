"""What the learned phrase scorers (task41's task_scored, metric45's metric_scored, names46's
method_scored) do alike, family by family: the longest phrase and its shorter forms, what a
phrase leaves out, the shipped weights, phrases kept and left on invented text; and the shared
scoring loop (rules/scored_phrases.py)."""

from __future__ import annotations

import pytest

from paperkg.extractors.rules import method_scored, metric_scored, task_scored
from paperkg.extractors.rules.scored_phrases import rate_phrases
from tests.extracting import run
from tests.phrase_scoring import OPENING, TITLE, context, forms

FAMILIES = {"task": task_scored, "metric": metric_scored, "method": method_scored}


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


@pytest.mark.parametrize("family, abstract, expected", [
    ("task", "It helps with pear bruise detection in ports.",
     {"pear bruise detection": True, "bruise detection": False}),
    ("metric", "It cuts the crate sorting time.",
     {"crate sorting time": True, "sorting time": False}),
    ("method", "It uses the crate bruise shaping.",
     {"crate bruise shaping": True, "bruise shaping": False}),
])
def test_the_longest_phrase_and_its_shorter_forms(family, abstract, expected):
    assert forms(FAMILIES[family], abstract) == expected


@pytest.mark.parametrize("family, abstract, phrase, cut", [
    ("task", "The farm's crate detection is slow.", "crate detection", "s crate detection"),
    ("task", "Our Pear crate detection is slow.", "crate detection", "pear crate detection"),
    ("task", "A robust crate detection is slow.", "crate detection", "robust crate detection"),
    ("task", "It helps quickly crate detection.", "crate detection", "quickly crate detection"),
    ("metric", "It has a higher spoilage coverage.", "spoilage coverage",
     "higher spoilage coverage"),
    ("metric", "The farm's spoilage coverage is low.", "spoilage coverage",
     "s spoilage coverage"),
    ("metric", "Our Pear spoilage coverage is low.", "spoilage coverage",
     "pear spoilage coverage"),
    ("metric", "It has notably spoilage coverage.", "spoilage coverage",
     "notably spoilage coverage"),
    ("method", "It uses a novel bruise shaping.", "bruise shaping", "novel bruise shaping"),
    ("method", "The farm's bruise shaping is slow.", "bruise shaping", "s bruise shaping"),
    ("method", "Our Pear bruise shaping is slow.", "bruise shaping", "pear bruise shaping"),
    ("method", "It is slow and fully bruise shaping.", "bruise shaping",
     "fully bruise shaping"),
])
def test_what_the_phrase_leaves_out(family, abstract, phrase, cut):
    found = {f.lower() for f in forms(FAMILIES[family], abstract)}
    assert phrase in found and cut not in found


@pytest.mark.parametrize("family, abstract", [
    ("task", "We study detection. It is cold."),
    ("metric", "We study coverage. The crate sorting stage is cold."),
    ("method", "We study shaping. The crate sorting stage is cold."),
])
def test_one_word_and_no_head_are_no_phrase(family, abstract):
    assert forms(FAMILIES[family], abstract) == {}


@pytest.mark.parametrize("family, most, better", [
    ("task", 100, [("h=detection", "h=learning"), ("pb=in", "pb=we")]),
    ("metric", 100, [("val30=True", "val30=False"), ("cue=True", "cue=False")]),
    ("method", 1000, [("h=shaping", "h=features"), ("pb=introduce", "pb=for")]),
])
def test_the_shipped_weights(family, most, better):
    module = FAMILIES[family]
    sc = module.scorer()
    assert 0.0 < sc["cut"] < 1.0 and len(sc["weights"]) > most
    for high, low in better:
        assert module.score([high]) > module.score([low])


@pytest.mark.parametrize("family, sentence, title, phrase, etype, role", [
    ("task", "It gains across stem classification performance on farms.",
     "Cold Storage of Pears", "stem classification", "TASK", "used"),
    ("task", "The sensors perform 3D segmentation on crates.", TITLE, "3D segmentation",
     "TASK", "used"),
    ("task", "It improves bruise diagnosis, and bruise diagnosis is hard.",
     "Cold Storage of Pears", "bruise diagnosis", "TASK", "used"),
    ("metric", "It improves answer fidelity by 12% and plan executability by 8%.",
     "Cold Storage of Pears", "answer fidelity", "METRIC", None),
    # "pear reward shaping" (0.40 with "and stem contrastive loss" after it) sat on the cut
    # while it was 0.40 (named49; 0.30 since named49b): a phrase the scorer rates well above it
    ("method", "Our crate policy uses ripeness-guided distillation.", "Cold Storage of Pears",
     "ripeness-guided distillation", "METHOD", "used"),
])
def test_a_phrase_the_scorer_keeps(nlp, family, sentence, title, phrase, etype, role):
    ents = run(nlp, OPENING + sentence, title)
    assert phrase in ents and ents[phrase].type == etype
    assert ents[phrase].extractor == f"{family}_scored"
    if role is not None:
        assert ents[phrase].role == role


@pytest.mark.parametrize("family, sentence, phrase", [
    ("task", "The net learns weight alignment with a teacher.", "weight alignment"),
    ("task", "It improves the annotation of pear transfer.", "pear transfer"),
    ("task", "It lowers the cost of crate design in farms.", "crate design"),
    ("task", "It gains across crate selection performance on farms.", "crate selection"),
    ("metric", "The sensor network has high energy usage in winter.", "energy usage"),
    ("metric", "We report spoilage coverage and pear sorting fidelity for all crates.",
     "spoilage coverage"),
    ("method", "The crate features are cold in winter.", "crate features"),
    ("method", "The sensor systems run for pear ripening analysis.", "sensor systems"),
])
def test_a_phrase_the_scorer_leaves(nlp, family, sentence, phrase):
    ents = run(nlp, OPENING + sentence, "Cold Storage of Pears")
    if family == "task":  # no task rule takes these either
        assert phrase not in ents
    else:
        assert phrase not in ents or ents[phrase].extractor != f"{family}_scored"


def _rated(collect: list | None) -> list[tuple[str, str, str]]:
    """The candidates rate_phrases adds over metric_scored's phrases of an invented sentence
    with a model that keeps every phrase: (name, type, family)."""
    ctx = context("It lowers the crate sorting time and the pear bruise time.")
    model = {"bias": 5.0, "weights": {"n=3": -10.0}, "cut": 0.5}

    def feats_of(a: int, b: int, ws: list[str], longest: bool) -> list[str] | None:
        """n=; None for a phrase holding "bruise" (passed by)."""
        return None if "bruise" in ws else [f"n={len(ws)}"]

    rate_phrases(ctx, metric_scored._phrases(ctx), model, feats_of, collect, "METRIC", 0.6,
                 "scored_test")
    return [(c.name, c.type, c.rule) for c in ctx.cands]


def test_the_scoring_loop_keeps_the_best_form_at_each_end():
    # "crate sorting time" (n=3) falls under the cut, "sorting time" is kept; the phrases
    # holding "bruise" are passed by, "pear bruise time" and "bruise time" alike
    assert _rated(None) == [("sorting time", "METRIC", "scored_test")]


def test_the_scoring_loop_adds_nothing_while_collecting():
    collect: list = []
    assert _rated(collect) == []
    assert [(phrase, feats) for phrase, feats, _ in collect] == [
        ("crate sorting time", ["n=3"]), ("sorting time", ["n=2"])]
    assert collect[0][2] < 0.5 < collect[1][2]
