"""The scorer of lower-case measure-head phrases no other rule took (metric45,
rules/metric_scored.py): its own heads and features on invented text (what it does as the other
phrase scorers do: tests/test_scored_phrases.py)."""

from __future__ import annotations

from paperkg.extractors.rules import metric_scored
from paperkg.extractors.rules.metric_scored import features
from tests.phrase_scoring import context, forms


def test_a_head_of_the_scorer_s_own_list_and_of_the_metric_lists():
    found = forms(metric_scored,
                  "It lowers sorting overhead, crate retrieval time and bruise error rate.")
    assert {"sorting overhead", "crate retrieval time", "bruise error rate"} <= set(found)


def test_features_read_the_context():
    ctx = context("Pears rot. It improves spoilage coverage by 12% in terms of sorting fidelity.")
    a = ctx.text.index("spoilage")
    f = set(features(ctx, a, a + len("spoilage coverage"), ["spoilage", "coverage"], True, []))
    assert {"h=coverage", "n=2", "pb=improves", "na=by", "val30=True", "vafter=True",
            "change=True", "cue=False", "sent=2", "nmet=0", "beside=False"} <= f
    a = ctx.text.index("sorting fidelity")
    f = set(features(ctx, a, a + len("sorting fidelity"), ["sorting", "fidelity"], True,
                     [(a - 20, a - 5)]))
    assert {"cue=True", "quality=True", "nmet=1"} <= f
