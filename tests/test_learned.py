"""The learned part of extraction: alignment, roles, merge, training, eval --compare."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.core.records import Paper
from paperkg.extractors.learned import add_learned, role_features, role_model
from paperkg.extractors.pipeline import build_pipeline, extract, load_pipeline
from paperkg.extractors.training.data import align, gold_text, held_out

RECORD = {
    "title": "GraphFlow: Sparse Message Passing for Link Prediction",
    "abstract": "We propose GraphFlow, a sparse message passing network for link prediction. "
                "GraphFlow beats GraphSAGE on ogbl-ddi and improves Hits@20 by 4 points.",
    "entities": [
        {"name": "GraphFlow", "aliases": [], "type": "METHOD", "role": "introduced"},
        {"name": "link prediction", "aliases": [], "type": "TASK", "role": "used"},
        {"name": "GraphSAGE", "aliases": [], "type": "METHOD", "role": "used"},
        {"name": "ogbl-ddi", "aliases": [], "type": "DATASET", "role": "used"},
        {"name": "Hits@20", "aliases": [], "type": "METRIC", "role": "used"},
    ],
}


def test_align_finds_every_mention_without_overlaps():
    text = gold_text(RECORD)
    spans = align(RECORD)
    got = [(text[a:b], label) for a, b, label, _ in spans]
    assert got.count(("GraphFlow", "METHOD")) == 3
    assert [t for t, lab in got if lab == "TASK"] == ["Link Prediction", "link prediction"]
    assert ("ogbl-ddi", "DATASET") in got and ("Hits@20", "METRIC") in got
    assert all(b1 <= a2 for (_, b1, _, _), (a2, _, _, _) in zip(spans, spans[1:], strict=False))


def test_align_any_case_longest_form_first():
    rec = {"title": "T", "abstract": "Deep Q-Networks and deep q-networks differ from Q-Networks.",
           "entities": [{"name": "Deep Q-Networks", "aliases": ["Q-Networks"],
                         "type": "METHOD", "role": "used"}]}
    text = gold_text(rec)
    found = [text[a:b] for a, b, _, _ in align(rec)]
    assert found == ["Deep Q-Networks", "deep q-networks", "Q-Networks"]


def test_held_out_is_stable():
    assert held_out(RECORD, 20) == held_out(dict(RECORD), 20)
    assert held_out(RECORD, 100) and not held_out(RECORD, 0)


def test_role_features_read_the_clause():
    text = gold_text(RECORD)
    a = text.index("GraphFlow,")
    feats = role_features(text, [0, text.index("We"), text.index("GraphFlow beats")],
                          "GraphFlow", "METHOD", [(0, 9), (a, a + 9)], ["coined"], True)
    assert {"title_lead", "title_lead_colon", "rule_intro", "c:propose", "b1:propose",
            "s:we", "coined"} <= set(feats)


def test_role_model_learns_and_saves(tmp_path):
    intro = ["bias", "c:propose", "s:we"]
    used = ["bias", "c:outperforms", "s:than"]
    model = role_model()
    assert not model.trained
    model.fit([intro, used] * 20, [1, 0] * 20)
    assert model.prob(intro) > 0.8 > 0.2 > model.prob(used)
    model.to_disk(tmp_path)
    again = role_model().from_disk(tmp_path)
    assert again.prob(intro) == pytest.approx(model.prob(intro))


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A model folder made by `paperkg train` on two records in two steps."""
    folder = tmp_path_factory.mktemp("tiny")
    gold = folder / "gold.jsonl"
    other = dict(RECORD, title="Another title about GraphSAGE",
                 abstract="GraphSAGE is evaluated on ogbl-ddi for link prediction.")
    gold.write_text("\n".join(json.dumps(r) for r in (RECORD, other)) + "\n")
    out = folder / "model"
    res = CliRunner().invoke(cli, ["train", str(gold), "--output", str(out), "--max-steps", "2",
                                   "--json"])
    assert res.exit_code == 0, res.output
    return out, json.loads(res.stdout)


def test_train_smoke_two_steps(tiny_model):
    """paperkg train end to end on two records, two steps: a loadable model folder."""
    out, report = tiny_model
    assert report["train"] == 2 and report["bytes"] > 0
    nlp = build_pipeline()
    assert add_learned(nlp, out)
    assert nlp.get_pipe("paperkg_learned").role_model.trained
    doc = nlp(gold_text(RECORD))
    assert doc.user_data["pk_ents"]


def test_a_model_runs_after_the_rules(tiny_model):
    """With a model folder (as shipped in extractors/model/ once one beats the rules), ner and the
    learned merge run after the rule component, and --fast leaves them out."""
    from paperkg.extractors.learned import load_with_model

    out, _ = tiny_model
    nlp = load_with_model(out)
    assert nlp.pipe_names.index("ner") > nlp.pipe_names.index("paperkg_entities")
    assert "paperkg_learned" in nlp.pipe_names
    assert "ner" not in load_pipeline(fast=True).pipe_names
    papers = [Paper(id="p", title=RECORD["title"], abstract=RECORD["abstract"])]
    (full,) = extract(papers, nlp=nlp)
    (rules,) = extract(papers, fast=True)
    assert {"GraphFlow", "GraphSAGE"} <= {e.name for e in rules.entities}
    assert all(e.extractor for e in full.entities)
    assert {e.name for e in full.entities} <= {e.name for e in rules.entities} | {
        e.name for e in full.entities if e.extractor == "ner"}


def test_train_bad_gold_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["train", str(tmp_path / "missing.jsonl")])
    assert res.exit_code != 0
    assert "gold file not found" in str(res.exception) or "gold file not found" in res.output


def test_eval_compare_rules(tmp_path, gold, seeds):
    res = CliRunner().invoke(cli, ["eval", str(gold), str(seeds), "--compare", "rules",
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    rules = {r["row"]: r for r in report["compare"]["rules"]}
    full = {r["row"]: r for r in report["rows"]}
    assert set(rules) == set(full) and "named-typed" in full and "INTRODUCES" in full


def test_merge_adds_uncovered_spans_only():
    """paperkg_learned on a real Doc: a span no rule covers becomes an entity; covered ones not."""
    from spacy.tokens import Span

    from paperkg.extractors.learned import LearnedMerge

    nlp = build_pipeline()
    text = ("A study of patching\nWe revisit hierarchical patching and compare it "
            "with GraphSAGE.")
    doc = nlp(text)
    rule_names = {e["name"] for e in doc.user_data["pk_ents"]}
    assert "GraphSAGE" in rule_names
    assert not [n for n in rule_names if "patching" in n]  # no rule covers the new span
    a = text.index("hierarchical")
    b = text.index(" and compare")
    g = text.index("GraphSAGE")
    new = doc.char_span(a, b, label="METHOD")
    covered = doc.char_span(g, g + len("GraphSAGE"), label="TASK")
    doc.ents = [Span(doc, new.start, new.end, "METHOD"),
                Span(doc, covered.start, covered.end, "TASK")]
    merge = LearnedMerge("paperkg_learned", True, ["METHOD", "TASK"], "union", 4, 2)
    merge(doc)
    ents = {e["name"]: e for e in doc.user_data["pk_ents"]}
    assert ents["hierarchical patching"]["extractor"] == "ner"
    assert ents["hierarchical patching"]["type"] == "METHOD"
    assert ents["GraphSAGE"]["type"] != "TASK"  # the rules' entity keeps its type


def test_eval_model_option_rejects_a_non_model(tmp_path, gold, seeds):
    res = CliRunner().invoke(cli, ["eval", str(gold), str(seeds), "--model", str(tmp_path)])
    assert res.exit_code != 0
    assert "not a trained model folder" in res.output + str(res.exception)


def test_held_out_comparison_rows(tiny_model, tmp_path):
    """The held-out comparison scores the rules and each merge setting on the same records."""
    from paperkg.extractors.evaluate import evaluate
    from paperkg.extractors.training.compare import ROWS, compare, held_out_file, table

    out, _ = tiny_model
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(RECORD) + "\n")
    held = tmp_path / "held.jsonl"
    assert held_out_file([gold], held, percent=100) == 1
    assert held_out_file([gold], tmp_path / "none.jsonl", percent=0) == 0
    scores = compare(out, held, variants={"no model spans": {"add_spans": False}})
    assert list(scores) == ["rules only", "no model spans"]
    assert all(set(row) == set(ROWS) for row in scores.values())
    base = evaluate(held, [held], nlp=load_pipeline(fast=True))["rows"]
    rules = {r["row"]: r["f1"] for r in base}
    assert scores["rules only"]["named-untyped"] == rules["named-untyped"] > 0
    assert "| no model spans |" in table(scores)
