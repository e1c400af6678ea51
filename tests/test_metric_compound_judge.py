"""The judge of the shape rules' lower-case measure phrases (metric46,
rules/metric_compound_judge.py): which candidates it rates, their features, the shipped
weights, and sentences whose phrase it drops or keeps; on invented text."""

from __future__ import annotations

import re

import pytest

from paperkg.extractors.rules.base import Cand, Context
from paperkg.extractors.rules.metric_compound_judge import features, judge, judged, score
from tests.extracting import measures, run

TITLE = "Pear Crates in Cold Storage"
OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """The rules alone (`--fast`)."""
    return rules_nlp


def _cand(name: str, rule: str = "metric_compound", gaz: str | None = None) -> Cand:
    """A METRIC candidate of the rule, at offset 0."""
    c = Cand(0, len(name), name, name, "METRIC", 0.6, rule)
    c.gaz_canon = gaz
    return c


def test_which_candidates_are_judged():
    assert judged(_cand("sorting accuracy"))
    assert judged(_cand("bruise error rate", "metric_list"))
    assert not judged(_cand("accuracy"))  # one word: the judge of bare words reads those
    assert not judged(_cand("Dice score"))  # a capital
    assert not judged(_cand("mean absolute error", gaz="mean absolute error"))  # known
    assert not judged(_cand("sorting accuracy", "metric_scored"))  # the scorer has its cut


def test_features_add_the_rule_to_the_phrase_scorer_s():
    abstract = "Pears rot. It improves sorting accuracy by 12% over the baseline."
    text = f"{TITLE}\n{abstract}"
    starts = [0, len(TITLE) + 1] + [m.end() for m in re.finditer(r"\. ", text)]
    ctx = Context(text, sorted(set(starts)), [], [], None)
    a = text.index("sorting accuracy")
    c = Cand(a, a + len("sorting accuracy"), "sorting accuracy", "sorting accuracy", "METRIC",
             0.6, "metric_compound")
    f = set(features(ctx, c, [(c.start, c.end)]))
    assert {"h=accuracy", "w0=sorting", "pb=improves", "na=by", "val30=True",
            "rule=metric_compound"} <= f


def test_the_shipped_weights():
    j = judge()
    assert 0.0 < j["cut"] < 0.5 and len(j["weights"]) > 50
    assert score(["na=than"]) > score(["na=$"])
    assert score(["rule=metric_changed"]) < score(["rule=metric_compound"])


def test_a_phrase_the_judge_drops_and_one_it_keeps(nlp):
    sentence = "Our sensors cut the memory consumption by 30% while improving model accuracy."
    ents = {n.lower() for n in measures(run(nlp, OPENING + sentence, "Cold Storage of Pears"))}
    assert "memory consumption" in ents  # a value right after: measured
    assert "model accuracy" not in ents  # a quality the method improves, no value of its own


@pytest.mark.parametrize("sentence, phrase", [
    ("Our crates reach a bruise detection accuracy of 91.3% on 12 farms.",
     "bruise detection accuracy"),
    ("The approach needs less memory consumption than 3 earlier crates.",
     "memory consumption"),
    # a value right after, or after a verb of change: kept whatever the rating
    ("Our sensors cut the memory consumption while improving model accuracy by 2 points.",
     "model accuracy"),
])
def test_a_measured_phrase_stays(nlp, sentence, phrase):
    ents = measures(run(nlp, OPENING + sentence, "Cold Storage of Pears"))
    assert phrase in {n.lower() for n in ents}, sorted(ents)


def test_a_low_rated_phrase_with_a_changed_value_stays(nlp):
    ctx_abstract = "Pears rot. The model accuracy rises to 93.1% in cold rooms."
    ents = measures(run(nlp, ctx_abstract, "Cold Storage of Pears"))  # rated 0.03, kept
    assert "model accuracy" in {n.lower() for n in ents}, sorted(ents)
