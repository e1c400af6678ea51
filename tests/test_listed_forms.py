"""A metric found in one form of its metrics.txt line has the line's other forms as aliases
(thirty-first session, helper malias31, docs/results.md): its name stays the text's form, a
result's metric is matched through them, and two papers' forms are one Metric node."""

from __future__ import annotations

import pytest

from paperkg.core.records import Entity, Paper, PaperExtraction
from paperkg.extractors.evaluate import evaluate
from paperkg.extractors.listed_forms import add_listed_forms
from paperkg.extractors.pipeline import extract
from paperkg.graph.build import build_graph
from tests.extracting import gold_file


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def _one(nlp, abstract: str) -> PaperExtraction:
    (ex,) = extract([Paper(id="p", title="Segmenting Organs", abstract=abstract)], nlp=nlp)
    return ex


def test_a_long_listed_form_keeps_its_name_and_gains_the_short_form(nlp):
    ex = _one(nlp, "We propose AcmeSeg. AcmeSeg reaches F1 scores of 0.91 on the FooBench "
                   "benchmark.")
    (metric,) = [e for e in ex.entities if e.type == "METRIC"]
    assert metric.name == "F1 scores"
    assert "F1" in metric.aliases and "F1 score" in metric.aliases
    assert [r.metric for r in ex.results] == ["F1 scores"]
    assert not [e for e in ex.entities if e.type != "METRIC" and e.aliases]


def test_a_result_metric_the_gold_writes_short_or_long_is_matched(nlp, tmp_path):
    text = "We propose AcmeSeg. AcmeSeg reaches F1 scores of 0.91 on the FooBench benchmark."
    for written in ("F1", "F1 scores"):
        path = gold_file(tmp_path, "Segmenting Organs", text,
                         [("AcmeSeg", "METHOD", "introduced"), ("FooBench", "BENCHMARK"),
                          (written, "METRIC")],
                         [{"system": "AcmeSeg", "benchmark": "FooBench", "metric": written,
                           "value": "0.91", "kind": "score"}])
        rows = {r["row"]: r for r in evaluate(path, nlp=nlp)["rows"]}
        assert (rows["results-full"]["tp"], rows["results-full"]["fp"]) == (1, 0), written
        assert (rows["METRIC"]["tp"], rows["METRIC"]["fp"]) == (1, 0), written


def test_a_result_read_by_a_listed_form_is_named_by_its_entity(nlp):
    ex = _one(nlp, "We propose AcmeSeg, which achieves up to 18.1% improvement in Dice scores "
                   "for small organs.")
    assert [r.metric for r in ex.results] == ["Dice scores"]


def test_the_short_and_the_long_form_in_two_papers_are_one_metric_node(nlp):
    papers = [Paper(id="p1", title="Segmenting Organs",
                    abstract="AcmeSeg reaches F1 scores of 0.91 on FooBench."),
              Paper(id="p2", title="Segmenting Cells",
                    abstract="BetaSeg reaches an F1 of 0.93 on BarBench.")]
    g = build_graph(papers, [], extract(papers, nlp=nlp))
    metrics = [a for _, a in g.nodes(data=True) if a.get("label") == "Metric"
               or str(_).startswith("Metric")]
    assert len(metrics) == 1
    assert {"F1", "F1 scores"} <= {metrics[0]["name"], *metrics[0]["aliases"]}


def test_a_name_on_no_line_or_on_two_lines_gains_nothing():
    ex = PaperExtraction(paper_id="p", entities=[
        Entity("Acme score", "METRIC", "used", [], [], 0.9, "rule", "acmescore"),
        Entity("F1", "METRIC", "used", ["BLEU"], [], 0.9, "rule", "f1"),
        Entity("F1", "METHOD", "used", [], [], 0.9, "rule", "f1")])
    add_listed_forms(ex)
    assert [e.aliases for e in ex.entities] == [[], ["BLEU"], []]


def _metric(name: str) -> Entity:
    return Entity(name, "METRIC", "used", [], [], 0.9, "rule", name.lower())


def test_a_short_name_and_the_word_score_is_also_the_short_name():
    ex = PaperExtraction(paper_id="p", entities=[
        _metric("VFID score"), _metric("R2 scores"), _metric("micro F1 scores"),
        _metric("CLIP score"), _metric("benchmark score"), _metric("Overall Score"),
        _metric("sentence BLEU score")])
    add_listed_forms(ex)
    got = {e.name: e.aliases for e in ex.entities}
    assert got["VFID score"] == ["VFID"]
    assert "R2" in got["R2 scores"] and "R^2" in got["R2 scores"]
    assert "micro F1" in got["micro F1 scores"] and "Micro-F1" in got["micro F1 scores"]
    # a listed model's name, plain words, a longer name: no measure of their own
    assert got["CLIP score"] == ["CLIPScore"]
    assert got["benchmark score"] == got["Overall Score"] == got["sentence BLEU score"] == []


def test_a_result_by_a_short_name_and_score_matches_the_gold_short_name(nlp, tmp_path):
    text = "We propose AcmeVid. AcmeVid reaches a VFID score of 0.51 on the FooVid benchmark."
    path = gold_file(tmp_path, "Generating Videos", text,
                     [("AcmeVid", "METHOD", "introduced"), ("FooVid", "BENCHMARK"),
                      ("VFID", "METRIC")],
                     [{"system": "AcmeVid", "benchmark": "FooVid", "metric": "VFID",
                       "value": "0.51", "kind": "score"}])
    rows = {r["row"]: r for r in evaluate(path, nlp=nlp)["rows"]}
    assert (rows["results-full"]["tp"], rows["METRIC"]["tp"]) == (1, 1)
