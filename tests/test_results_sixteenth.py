"""Results rules of the sixteenth session (docs/results.md): metrics checked on invented
sentences of the shapes, with entities given as the entity component leaves them (no
pipeline: fast)."""

from __future__ import annotations

from paperkg.extractors.results import find_results
from tests.extracting import entity_dict
from tests.extracting import results_by_value as _found


def test_a_measure_phrase_after_the_value_names_its_metric_with_more_heads():
    text = (
        "Form5: Form Builders\nWe present Form5. In user studies, Form5 achieved 95.12% "
        "device compatibility, 88.40% build success, 84.75% policy compliance and 73% "
        "checkout completion, with 90% usability relevance ratings."
    )
    got = _found(text, ("Form5", "METHOD", "introduced"))
    assert got["95.12%"]["metric"] == "device compatibility"
    assert got["88.40%"]["metric"] == "build success"
    assert got["84.75%"]["metric"] == "policy compliance"
    assert got["73%"]["metric"] == "checkout completion"
    assert got["90%"]["metric"] == "usability relevance"
    assert all(got[v]["system"] == "Form5" for v in ("95.12%", "88.40%", "73%"))


def test_a_new_head_before_rate_or_score_leaves_the_longer_name():
    text = (
        "Nav5: Drone Navigation\nWe present Nav5. Nav5 reaches 81.5% navigation success rate "
        "and 4.2/5 user preference scores in the field."
    )
    got = _found(text, ("Nav5", "METHOD", "introduced"))
    assert got["81.5%"]["metric"] == "success rate"  # the known metric, not "navigation success"
    assert got["4.2/5"]["metric"] == "user preference scores"


def test_a_bare_success_after_the_value_stays_without_a_metric():
    # the annotators leave "100% success" null more often than they name it
    text = (
        "Grip5: Grasping\nWe present Grip5. In real-robot tests, Grip5 achieved 100% success "
        "on rigid objects and 62% on deformable ones."
    )
    got = _found(text, ("Grip5", "METHOD", "introduced"))
    assert got["100%"]["metric"] is None
    assert got["100%"]["system"] == "Grip5"


def _all(text: str, *ents: tuple) -> list[dict]:
    return find_results(text, [entity_dict(text, *e) for e in ents])


def test_one_value_stated_for_a_list_of_metrics_is_each_metrics():
    text = (
        "Lung6: Nodule Triage\nWe present Lung6. On the held-out cohort, Lung6 reached "
        "precision, recall, and F1-score all exceeding 97% at a 0.5 threshold."
    )
    got = [r for r in _all(text, ("Lung6", "METHOD", "introduced")) if r["value"] == "97%"]
    assert sorted(r["metric"] for r in got) == ["F1-score", "precision", "recall"]
    assert {r["system"] for r in got} == {"Lung6"}


def test_values_paired_with_a_metric_list_respectively_are_not_copied():
    text = (
        "Pipe6: Pipeline Detection\nWe present Pipe6. Pipe6 achieves accuracy, recall, and "
        "precision of 96.2%, 93.3%, and 96.7%, respectively, on urban scenes."
    )
    got = _all(text, ("Pipe6", "METHOD", "introduced"))
    assert sorted(r["value"] for r in got) == ["93.3%", "96.2%", "96.7%"]


def test_a_measure_phrase_before_of_or_is_names_the_metric_no_entity_holds():
    text = (
        "Plan6: Query Planning\nWe present Plan6. Format compliance is 91.2% on the main "
        "queries. Plan6 reaches a final validation loss of 0.214 after tuning, and the drone "
        "keeps remarkably low mean tracking errors of 3.1 mm in flight."
    )
    got = _found(text, ("Plan6", "METHOD", "introduced"))
    assert got["91.2%"]["metric"] == "Format compliance"
    assert got["0.214"]["metric"] == "validation loss"
    assert got["3.1 mm"]["metric"] == "mean tracking errors"


def test_a_known_metric_just_before_wins_over_a_later_measure_phrase():
    text = (
        "Cost6: Cost Models\nWe present Cost6. Cost6 achieves an average absolute prediction "
        "error of 1.1% on kernels, with best- and worst-case errors of 0.3% and 1.9%, "
        "respectively."
    )
    got = _found(text, ("Cost6", "METHOD", "introduced"),
                 ("absolute prediction error", "METRIC"))
    assert got["1.1%"]["metric"] == "absolute prediction error"
    assert got["1.9%"]["metric"] == "absolute prediction error"


def test_a_property_noun_after_a_comparative_names_the_metric():
    text = (
        "Doc6: Document Agents\nWe present Doc6. Doc6 achieves 21% higher readability, 9% "
        "better stability and 14.2% higher annotator preference than prior agents, while "
        "its filter gives roughly 40% greater toxicity reduction than voting."
    )
    got = _found(text, ("Doc6", "METHOD", "introduced"))
    assert got["21%"]["metric"] == "readability"
    assert got["9%"]["metric"] == "stability"
    assert got["14.2%"]["metric"] == "annotator preference"
    assert got["40%"]["metric"] != "toxicity"  # the quantity is the reduction's
