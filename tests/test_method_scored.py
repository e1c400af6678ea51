"""The scorer of lower-case technique-head phrases no other rule took (names46,
rules/method_scored.py): its own heads and features on invented text (what it does as the other
phrase scorers do: tests/test_scored_phrases.py)."""

from __future__ import annotations

from paperkg.extractors.rules import method_scored
from paperkg.extractors.rules.method_scored import features
from paperkg.extractors.words import word_set
from tests.phrase_scoring import context, forms


def test_hyphenated_words_and_the_head_list():
    found = forms(method_scored,
                  "We train with crate-aware bruise distillation and pear reward shaping.")
    assert {"crate-aware bruise distillation", "pear reward shaping"} <= set(found)
    heads = word_set("method_scored_heads")
    assert {"shaping", "distillation", "loss", "mechanism"} <= heads and "the" not in heads


def test_features_read_the_context():
    ctx = context("Pears rot. We propose our crate bruise shaping, which works via pear "
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
