"""The scorer of lower-case technique-head phrases no other rule took (names46,
rules/method_scored.py): which phrases it looks at, their features, the shipped weights; on
invented text."""

from __future__ import annotations

import re

import pytest

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.method_scored import _phrases, features, score, scorer
from paperkg.extractors.words import word_set
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
    assert _forms("It uses the crate bruise shaping.") == {"crate bruise shaping": True,
                                                          "bruise shaping": False}


@pytest.mark.parametrize("abstract, phrase, cut", [
    ("It uses a novel bruise shaping.", "bruise shaping", "novel bruise shaping"),
    ("The farm's bruise shaping is slow.", "bruise shaping", "s bruise shaping"),
    ("Our Pear bruise shaping is slow.", "bruise shaping", "pear bruise shaping"),
    ("It is slow and fully bruise shaping.", "bruise shaping", "fully bruise shaping"),
])
def test_what_the_phrase_leaves_out(abstract, phrase, cut):
    forms = {f.lower() for f in _forms(abstract)}
    assert phrase in forms and cut not in forms


def test_hyphenated_words_and_the_head_list():
    forms = _forms("We train with crate-aware bruise distillation and pear reward shaping.")
    assert {"crate-aware bruise distillation", "pear reward shaping"} <= set(forms)
    heads = word_set("method_scored_heads")
    assert {"shaping", "distillation", "loss", "mechanism"} <= heads and "the" not in heads


def test_one_word_and_no_head_are_no_phrase():
    assert _forms("We study shaping. The crate sorting stage is cold.") == {}


def test_features_read_the_context():
    ctx = _ctx("Pears rot. We propose our crate bruise shaping, which works via pear "
               "stem distillation and Lumo.")
    a = ctx.text.index("crate bruise")
    f = set(features(ctx, a, a + len("crate bruise shaping"), ["crate", "bruise", "shaping"],
                     True, []))
    assert {"h=shaping", "n=3", "long=True", "pb=our", "na=,", "own=True", "intro=True",
            "sent=2", "nnamed=0", "beside=False", "hyph=False", "plural=False"} <= f
    a = ctx.text.index("pear stem")
    b = a + len("pear stem distillation")
    f = set(features(ctx, a, b, ["pear", "stem", "distillation"], True, [(b + 5, b + 9)]))
    assert {"use=True", "pb=via", "na=and", "list=True", "beside=True", "list_beside=True",
            "nnamed=1", "mhead=True"} <= f


def test_the_shipped_weights():
    sc = scorer()
    assert 0.0 < sc["cut"] < 1.0 and len(sc["weights"]) > 1000
    assert score(["h=shaping"]) > score(["h=features"])
    assert score(["pb=introduce"]) > score(["pb=for"])


def test_a_phrase_the_scorer_keeps(nlp):
    # "pear reward shaping" (0.40 with "and stem contrastive loss" after it) sat on the cut
    # while it was 0.40 (named49; 0.30 since named49b): a phrase the scorer rates well above it
    ents = run(nlp, OPENING + "Our crate policy uses ripeness-guided distillation.",
               "Cold Storage of Pears")
    name = "ripeness-guided distillation"
    assert name in ents and ents[name].type == "METHOD"
    assert ents[name].extractor == "method_scored"
    assert ents[name].role == "used"


@pytest.mark.parametrize("sentence, phrase", [
    ("The crate features are cold in winter.", "crate features"),
    ("The sensor systems run for pear ripening analysis.", "sensor systems"),
])
def test_a_phrase_the_scorer_leaves(nlp, sentence, phrase):
    ents = run(nlp, OPENING + sentence, "Cold Storage of Pears")
    assert phrase not in ents or ents[phrase].extractor != "method_scored"
