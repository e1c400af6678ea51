"""The scorer of lower-case measure-head phrases no other rule took (metric45,
rules/metric_scored.py): which phrases it looks at, their features, the shipped weights; on
invented text."""

from __future__ import annotations

import re

import pytest

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.metric_scored import _phrases, features, score, scorer
from tests.extracting import run

TITLE = "Pear Crates in Cold Storage"
OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "


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
    assert _forms("It cuts the crate sorting time.") == {"crate sorting time": True,
                                                          "sorting time": False}


@pytest.mark.parametrize("abstract, phrase, cut", [
    ("It has a higher spoilage coverage.", "spoilage coverage", "higher spoilage coverage"),
    ("The farm's spoilage coverage is low.", "spoilage coverage", "s spoilage coverage"),
    ("Our Pear spoilage coverage is low.", "spoilage coverage", "pear spoilage coverage"),
    ("It has notably spoilage coverage.", "spoilage coverage", "notably spoilage coverage"),
])
def test_what_the_phrase_leaves_out(abstract, phrase, cut):
    forms = {f.lower() for f in _forms(abstract)}
    assert phrase in forms and cut not in forms


def test_a_head_of_the_scorer_s_own_list_and_of_the_metric_lists():
    forms = _forms("It lowers sorting overhead, crate retrieval time and bruise error rate.")
    assert {"sorting overhead", "crate retrieval time", "bruise error rate"} <= set(forms)


def test_one_word_and_no_head_are_no_phrase():
    assert _forms("We study coverage. The crate sorting stage is cold.") == {}


def test_features_read_the_context():
    ctx = _ctx("Pears rot. It improves spoilage coverage by 12% in terms of sorting fidelity.")
    a = ctx.text.index("spoilage")
    f = set(features(ctx, a, a + len("spoilage coverage"), ["spoilage", "coverage"], True, []))
    assert {"h=coverage", "n=2", "pb=improves", "na=by", "val30=True", "vafter=True",
            "change=True", "cue=False", "sent=2", "nmet=0", "beside=False"} <= f
    a = ctx.text.index("sorting fidelity")
    f = set(features(ctx, a, a + len("sorting fidelity"), ["sorting", "fidelity"], True,
                     [(a - 20, a - 5)]))
    assert {"cue=True", "quality=True", "nmet=1"} <= f


def test_the_shipped_weights():
    sc = scorer()
    assert 0.0 < sc["cut"] < 1.0 and len(sc["weights"]) > 100
    assert score(["val30=True"]) > score(["val30=False"])
    assert score(["cue=True"]) > score(["cue=False"])


def test_a_phrase_the_scorer_keeps(nlp):
    ents = run(nlp, OPENING + "It improves answer fidelity by 12% and plan executability by 8%.",
               "Cold Storage of Pears")
    assert "answer fidelity" in ents and ents["answer fidelity"].type == "METRIC"
    assert ents["answer fidelity"].extractor == "metric_scored"


@pytest.mark.parametrize("sentence, phrase", [
    ("The sensor network has high energy usage in winter.", "energy usage"),
    ("We report spoilage coverage and pear sorting fidelity for all crates.",
     "spoilage coverage"),
])
def test_a_phrase_the_scorer_leaves(nlp, sentence, phrase):
    ents = run(nlp, OPENING + sentence, "Cold Storage of Pears")
    assert phrase not in ents or ents[phrase].extractor != "metric_scored"
