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
def tiny_gold(tmp_path_factory):
    """Two gold records in a JSON Lines file."""
    gold = tmp_path_factory.mktemp("tiny-gold") / "gold.jsonl"
    other = dict(RECORD, title="Another title about GraphSAGE",
                 abstract="GraphSAGE is evaluated on ogbl-ddi for link prediction.")
    gold.write_text("\n".join(json.dumps(r) for r in (RECORD, other)) + "\n")
    return gold


def _train(gold, out, *extra):
    res = CliRunner().invoke(cli, ["train", str(gold), "--output", str(out), "--json", *extra])
    assert res.exit_code == 0, res.output
    return out, json.loads(res.stdout)


@pytest.fixture(scope="module")
def tiny_model(tiny_gold, tmp_path_factory):
    """A model folder made by `paperkg train` on two records: the classifiers alone."""
    return _train(tiny_gold, tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def tiny_span_model(tiny_gold, tmp_path_factory):
    """A model folder made by `paperkg train --spans` on two records in two steps."""
    return _train(tiny_gold, tmp_path_factory.mktemp("tiny-spans") / "model", "--spans",
                  "--max-steps", "2")


def test_train_smoke(tiny_model):
    """paperkg train end to end on two records: a loadable model folder of classifiers."""
    out, report = tiny_model
    assert report["train"] == 2 and report["bytes"] > 0
    nlp = build_pipeline()
    assert add_learned(nlp, out)
    merge = nlp.get_pipe("paperkg_learned")
    assert merge.role_model.trained and merge.keep_model.trained
    assert merge.retype_models["METHOD"].trained
    assert "ner" not in nlp.pipe_names
    doc = nlp(gold_text(RECORD))
    assert doc.user_data["pk_ents"]
    assert "pk_text" not in doc.user_data  # the scratch data is dropped after the learned part


def test_train_is_reproducible(tiny_gold, tiny_model, tmp_path):
    """Two trainings with the same arguments write the same bytes."""
    out, _ = tiny_model
    again, _ = _train(tiny_gold, tmp_path / "again")
    files = sorted(f.relative_to(out) for f in out.rglob("*") if f.is_file())
    assert files == sorted(f.relative_to(again) for f in again.rglob("*") if f.is_file())
    assert all((out / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_the_learned_part_runs_last_and_leaves_results_alone(tiny_model, gold, seeds):
    """The learned merge runs after the results rules, so results are the rules' own; --fast
    leaves it out."""
    from paperkg.extractors.learned import load_with_model
    from paperkg.readers import read_listings

    out, _ = tiny_model
    nlp = load_with_model(out)
    assert nlp.pipe_names[-1] == "paperkg_learned"
    assert "paperkg_learned" not in load_pipeline(fast=True).pipe_names
    papers = read_listings([str(seeds)]).papers[:40]
    full = extract(papers, nlp=nlp)
    rules = extract(papers, fast=True)
    assert [ex.results for ex in full] == [ex.results for ex in rules]
    assert any(ex.results for ex in rules)


def test_a_span_model_runs_after_the_rules(tiny_span_model):
    """With --spans, ner and the learned merge run after the rules, and --fast leaves them out;
    every entity comes from the rules or the span model."""
    from paperkg.extractors.learned import load_with_model

    out, _ = tiny_span_model
    nlp = load_with_model(out)
    assert nlp.pipe_names.index("ner") > nlp.pipe_names.index("paperkg_entities")
    assert nlp.pipe_names[-1] == "paperkg_learned"
    assert "ner" not in load_pipeline(fast=True).pipe_names
    papers = [Paper(id="p", title=RECORD["title"], abstract=RECORD["abstract"])]
    (full,) = extract(papers, nlp=nlp)
    (rules,) = extract(papers, fast=True)
    assert {"GraphFlow", "GraphSAGE"} <= {e.name for e in rules.entities}
    assert all(e.extractor for e in full.entities)
    assert {e.name for e in full.entities} <= {e.name for e in rules.entities} | {
        e.name for e in full.entities if e.extractor == "ner"}


def test_a_gated_span_model_keeps_the_rules_text_only(tiny_span_model, tmp_path):
    """A model folder with the span gate: its `ner` comes back disabled, the gate runs it, and
    the pipeline (rules, gate, merge) keeps the text-only tokenizer."""
    import spacy

    from paperkg.extractors import span_gate  # noqa: F401 - registers paperkg_span_gate
    from paperkg.extractors.learned import load_with_model
    from paperkg.extractors.pipeline import _text_only

    out, _ = tiny_span_model
    model = spacy.load(out)
    model.add_pipe("paperkg_span_gate", before="paperkg_learned", config={"gate": "all"})
    model.disable_pipe("ner")
    model.to_disk(tmp_path / "gated")
    nlp = load_with_model(tmp_path / "gated")
    assert "ner" in nlp.disabled and "ner" not in nlp.pipe_names
    assert nlp.pipe_names[-2:] == ["paperkg_span_gate", "paperkg_learned"]
    assert _text_only(nlp)
    doc = nlp(gold_text(RECORD))
    assert "pk_ner" not in doc.user_data  # read (and dropped) by the merge
    assert {"GraphFlow", "GraphSAGE"} <= {e["name"] for e in doc.user_data["pk_ents"]}


def test_train_vectors_need_spans(tiny_gold, tmp_path):
    res = CliRunner().invoke(cli, ["train", str(tiny_gold), "-o", str(tmp_path / "m"),
                                   "--vectors", "--corpus", str(tmp_path)])
    assert res.exit_code != 0
    assert "--spans" in res.output + str(res.exception)


def test_keep_features_read_salience():
    """The keep features say how often and where an entity is named, crossed with its type."""
    from paperkg.extractors.learned import keep_features

    text = gold_text(RECORD)
    starts = [0, text.index("We"), text.index("GraphFlow beats")]
    ent = {"name": "GraphFlow", "type": "METHOD", "role": "introduced", "aliases": [],
           "confidence": 0.9, "extractor": "coined_name",
           "mentions": [("GraphFlow", a, a + 9, "") for a in
                        (0, text.index("GraphFlow,"), text.index("GraphFlow beats"))]}
    other = dict(ent, name="GraphSAGE", role="used", mentions=[])
    feats = set(keep_features(text, starts, ent, [ent, other]))
    assert {"n=3|METHOD", "title=True|METHOD", "shape=cap|METHOD", "x:coined_name|METHOD",
            "same_type=2|METHOD", "intro=True|METHOD", "head:graphflow|METHOD"} <= feats
    assert not any(f.startswith("same_type") for f in keep_features(text, starts, ent))


def test_retype_follows_a_confident_classifier():
    """A rule entity takes another type only when the type classifiers are sure of it and not
    of the rules' type; gazetteer names keep theirs."""
    from paperkg.extractors.learned import LearnedMerge, type_features

    text = "T\nWe train on FooBar and report the BazScore of FooNet."
    starts = [0, 2]

    def ent(name, type_, extractor="coined_name"):
        a = text.index(name)
        return {"name": name, "type": type_, "role": "used", "aliases": [], "confidence": 0.8,
                "extractor": extractor, "mentions": [(name, a, a + len(name), "")]}

    merge = LearnedMerge("paperkg_learned", False, [], "union", 4, 2)
    foobar, foonet = ent("FooBar", "METHOD"), ent("FooNet", "METHOD", "gazetteer")
    rows = [type_features(text, starts, e, [foobar, foonet]) for e in (foobar, foonet)]
    for t, m in merge.retype_models.items():
        m.fit(rows * 20, [int(t == "DATASET"), int(t == "MODEL")] * 20)
    merge.retype_to, merge.retype_from = 0.7, 0.3
    cache = {}

    def feats_of(e):
        from paperkg.extractors.learned import keep_features, role_features

        if id(e) not in cache:
            rf = role_features(text, starts, e["name"], e["type"], [(m[1], m[2]) for m in
                               e["mentions"]], e["extractor"].split("+"), False)
            cache[id(e)] = (e, e["type"], rf, keep_features(text, starts, e, [foobar, foonet],
                                                             base=rf))
        return cache[id(e)]

    merge._retype_learned(text, starts, [foobar, foonet], feats_of)
    assert foobar["type"] == "DATASET"
    assert foonet["type"] == "METHOD"  # a gazetteer name keeps its type
    merge.retype_to = 1.1  # never confident enough
    foobar["type"] = "METHOD"
    merge._retype_learned(text, starts, [foobar], feats_of)
    assert foobar["type"] == "METHOD"
    merge.known_retype_to, merge.known_retype_from = 0.7, 0.3  # gazetteer names too, if asked
    merge._retype_learned(text, starts, [foobar, foonet], feats_of)
    assert (foobar["type"], foonet["type"]) == ("METHOD", "MODEL")


def test_lower_case_candidates():
    """Lower-case phrases ending in a head word, outside the rules' mentions, without function
    words; title words in any case."""
    from paperkg.extractors.learned import lower_candidates

    text = "Robust Image Restoration\nWe study image restoration with sparse attention of the "\
           "noisy images and the GraphFlow attention."
    got = lower_candidates(text, {"restoration", "attention"}, covered=[(0, 6)])
    assert {"image restoration", "restoration", "sparse attention", "attention"} <= set(got)
    assert len(got["image restoration"]) == 2  # the title's and the abstract's
    assert "robust image restoration" not in got  # 'Robust' lies in a covered span
    assert not any(k.startswith("the ") or "graphflow" in k for k in got)


def test_lower_candidates_keep_the_texts_spacing_and_skip_every_covered_overlap():
    """A phrase is its case-folded words with single spaces, but words with nothing between
    them stay joined; a start inside any covered span (not only the last one before the head)
    is skipped, whatever the order the spans are given in."""
    from paperkg.extractors.learned import candidate_features, lower_candidates

    text = "T\nWe use deep  Neural\tlearning, fast kêrnel learning and wide shallow learning."
    got = lower_candidates(text, {"learning"}, covered=[])
    # 'kêrnel' is three tokens (k, ê, rnel) with nothing between them
    assert {"kêrnel learning", "êrnel learning", "rnel learning"} <= set(got)
    assert not any(" ê" in k or "ê " in k for k in got)
    assert "wide shallow learning" in got and "deep neural learning" not in got
    a = text.index("wide")
    cut = lower_candidates(text, {"learning"}, covered=[(a + 2, a + 3), (0, 1)])
    assert "wide shallow learning" not in cut and "shallow learning" in cut
    assert cut["learning"] == got["learning"]
    feats = candidate_features(text, [0, 2], "shallow learning", cut["shallow learning"], 4)
    assert {"b1:wide", "b2:and", "head:learning", "w:shallow", "first_sent=1"} <= set(feats)
    assert feats == sorted(feats) and "in_title" not in feats


def test_crossfit_scores_every_record_out_of_fold(gold, seeds):
    """The cross-fitted comparison scores each record once with classifiers fitted on the
    other folds; its rules-only row is the scorer's own figure on the same records."""
    from paperkg.extractors.training.crossfit import bootstrap, crossfit, fold_of, pooled, table
    from paperkg.extractors.training.data import read_records, with_texts

    records = with_texts(read_records([gold]), seeds)
    scores = crossfit(records, {"keep + roles": {"keep_threshold": 0.4}}, folds=3)
    assert list(scores) == ["rules only", "keep + roles"]
    assert all(len(v) == len(records) for v in scores.values())
    named = {"METHOD", "MODEL", "DATASET", "BENCHMARK"}  # each row belongs to its own record
    assert [s["named-typed"].gold for s in scores["keep + roles"]] == [
        sum(e["type"] in named for e in r["entities"]) for r in records]
    assert {fold_of(r, 3) for r in records} == {0, 1, 2}
    base = pooled(scores["rules only"])
    assert 0 < base["named-typed"].f1 <= 1 and base["named-typed"].gold > 50
    assert bootstrap(scores["rules only"], scores["rules only"], "named-typed", n=50) == 0.5
    assert "| keep + roles | " in table(scores, n=50)
    fast = crossfit(records, {"keep + roles": {"keep_threshold": 0.4}}, folds=3, cached=True)
    for row in ("named-untyped", "named-typed", "INTRODUCES", "TASK", "results-full"):
        assert pooled(fast["keep + roles"])[row].as_dict() == pooled(
            scores["keep + roles"])[row].as_dict()  # the merge over cached rule output


def test_train_bad_gold_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["train", str(tmp_path / "missing.jsonl")])
    assert res.exit_code != 0
    assert "gold file not found" in str(res.exception) or "gold file not found" in res.output


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


def test_held_out_comparison_rows(tiny_span_model, tmp_path):
    """The held-out comparison scores the rules and each merge setting on the same records."""
    from paperkg.extractors.evaluate import evaluate
    from paperkg.extractors.training.compare import ROWS, compare, held_out_file, table

    out, _ = tiny_span_model
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


def test_error_classes_say_where_a_gold_name_is_lost():
    """errors.classify puts each gold entity in one class (found, wrong type, dropped by a
    classifier, candidate not taken, boundaries, no candidate by shape) and each wrong
    prediction in one (alias not joined, boundaries, no gold name)."""
    from paperkg.extractors.training.errors import classify, shape

    text = ("Sparse Routing for Link Prediction\nWe propose sparse routing, and evaluate on "
            "ogbl-ddi and the Cora graph with mean reciprocal rank. Node classification too.")
    ents = [{"name": n, "aliases": [], "type": t, "role": r}
            for n, t, r in [("sparse routing", "METHOD", "introduced"),
                            ("link prediction", "TASK", "used"),
                            ("ogbl-ddi", "DATASET", "used"), ("Cora", "DATASET", "used"),
                            ("mean reciprocal rank", "METRIC", "used"),
                            ("node classification", "TASK", "used")]]
    record = {"title": "t", "entities": ents}

    def pred(name, type_, role="used", extractor="names"):
        a = text.find(name)
        return {"name": name, "aliases": [], "type": type_, "role": role,
                "extractor": extractor, "mentions": [(name, a, a + len(name), "")]}

    final = [pred("sparse routing", "METHOD"), pred("ogbl-ddi", "METHOD"),
             pred("Cora graph", "DATASET"), pred("Sparse Routing", "METHOD")]
    rules = [*final, pred("Link Prediction", "TASK")]
    gold, fp = classify(record, text, rules, final, {"mean reciprocal rank": [(0, 1)]})
    got = {g["name"]: c for c, g in gold}
    assert got == {"sparse routing": "found", "link prediction":
                   "rule entity dropped by a classifier", "ogbl-ddi": "wrong type (METHOD)",
                   "Cora": "boundaries: overlaps a prediction",
                   "mean reciprocal rank": "lower-case candidate not taken",
                   "node classification": "no candidate: lower-case, abstract"}
    assert sorted(c for c, _ in fp) == ["boundaries (overlaps a gold name)",
                                        "duplicate: alias not joined",
                                        "role: introduction missed"]
    assert [shape(n) for n in ("GPT-4o", "Cora", "Penn Treebank", "beam search")] == [
        "acronym or coined", "one capitalised word", "Title Case words", "lower-case"]


def test_boundary_extension_renames_a_rule_entity_to_the_longer_form():
    """A rule entity takes the longer form (up to two content words before, one after) that
    the extension model is confident of; function words never join; a longer form another
    entity already has is left alone."""
    import numpy as np

    from paperkg.extractors.canonical import canonical_key
    from paperkg.extractors.learned import _index, boundary_options, extend_entities, extend_model

    text = "Title\nWe use the Euler-Maruyama method and deep Gaussian processes (GP method)."
    a = text.index("Gaussian")
    got = [text[s:e] for *_, s, e in boundary_options(text, a, a + 18, text.index("\n"))]
    assert got == ["deep Gaussian processes"]  # "and" never joins
    a = text.index("Euler")
    assert [text[s:e] for *_, s, e in boundary_options(text, a, a + 14, 5)] == [
        "Euler-Maruyama method"]

    def ent(name):
        a = text.index(name)
        return {"name": name, "type": "METHOD", "role": "used", "aliases": [],
                "extractor": "capitalised_word", "key": canonical_key(name),
                "mentions": [(name, a, a + len(name), "")]}

    model = extend_model(0.6)
    model.w = np.zeros_like(model.w)
    model.w[_index(["dir=L0R1", "dir=L1R0"])] = 5.0  # one word on either side is confident
    other = {**ent("Title"), "name": "deep Gaussian processes",
             "key": canonical_key("deep Gaussian processes")}
    ents = [ent("Euler-Maruyama"), ent("Gaussian processes"), other]
    extend_entities(model, text, [0, 6], ents)
    assert [e["name"] for e in ents] == ["Euler-Maruyama method", "Gaussian processes",
                                         "deep Gaussian processes"]
    assert ents[0]["mentions"][0][1:3] == (text.index("Euler"), text.index(" and"))
    assert ents[0]["extractor"] == "capitalised_word+extended"


def test_corpus_statistics_of_candidates(tmp_path):
    """The corpus statistics count each candidate phrase once an abstract: as the longest
    candidate at a place, before an acronym of its initials, after `called` / `we propose a`,
    in a title; the candidate features read them bucketed."""
    from paperkg.extractors.learned import corpus_features
    from paperkg.extractors.training.train import corpus_stats

    rows = [("Margin Prompting for Parsing", "We propose a margin-aware prompting (MAP) for "
             "parsing. Margin-aware prompting helps."),
            ("A second paper", "A method called the margin-aware prompting, and the soft "
             "prompting."),
            ("Left out", "We propose a margin-aware prompting (MAP) again.")]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in rows))
    stats = corpus_stats(corpus, frozenset({"prompting"}), exclude=["Left out"], min_df=1)
    # abstracts, longest at a place, acronym, coined, proposed, in a title
    assert stats["margin-aware prompting"] == [2, 2, 1, 1, 1, 0]
    # longest only where `Margin-aware` is capitalised; in a title as `Margin Prompting`
    assert stats["prompting"] == [2, 1, 0, 0, 0, 1]
    assert stats["soft prompting"] == [1, 1, 0, 0, 0, 0]
    feats = corpus_features("margin-aware prompting", stats)
    assert {"c_df=1", "c_max=1.0", "c_acr=1", "c_coin=1", "c_prop=1", "c_title_rate=0.0",
            "c_spec=0"} <= set(feats)
    assert corpus_features("unseen prompting", stats) == ["c_none|n=2"]
    assert corpus_features("margin-aware prompting", {}) == []


def test_weighted_fit():
    """Weights of 1 fit the same weights as no weights; a heavier example pulls harder."""
    from paperkg.extractors.learned import BinaryModel
    from paperkg.extractors.training.data import record_weights

    x, y = [["bias", "a"], ["bias", "a"], ["bias", "b"]], [1, 0, 0]
    plain, ones, heavy = BinaryModel("p"), BinaryModel("o"), BinaryModel("h")
    plain.fit(x, y)
    ones.fit(x, y, weights=[1.0, 1.0, 1.0])
    heavy.fit(x, y, weights=[4.0, 1.0, 1.0])
    assert (plain.w == ones.w).all()
    assert heavy.prob(["bias", "a"]) > plain.prob(["bias", "a"])
    recs = [{"title": "a"}, {"title": "b", "from_corpus": True}]
    assert record_weights(recs) is None
    assert record_weights(recs, 2.0) == [2.0, 1.0]


def test_train_with_corpus_statistics_and_weights(tiny_gold, tmp_path):
    """--corpus-stats saves the statistics with the model and the merge reads them back;
    --gold-weight trains; a bad weight is one line."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"title": "Other", "abstract": "Fast link prediction and "
                                  "sparse link prediction on graphs."}) + "\n" * 1
                      + json.dumps({"title": "More", "abstract": "Fast link prediction."})
                      + "\n")
    out, _ = _train(tiny_gold, tmp_path / "m", "--candidates", "0.5", "--corpus-stats",
                    "--corpus", str(corpus), "--gold-weight", "2", "--candidates-used")
    assert (out / "paperkg_learned" / "corpus_stats.json").is_file()
    nlp = build_pipeline()
    assert add_learned(nlp, out)
    assert nlp.get_pipe("paperkg_learned").cand_roles is False
    assert nlp.get_pipe("paperkg_learned").cstats["link prediction"] == [2, 2, 0, 0, 0, 0]
    res = CliRunner().invoke(cli, ["train", str(tiny_gold), "-o", str(tmp_path / "x"),
                                   "--gold-weight", "0"])
    assert res.exit_code != 0 and "Traceback" not in res.output


def test_candidates_kept_used_skip_the_role_classifier():
    """With cand_roles off, a lower-case candidate stays used where the role classifier would
    make it introduced; a rule entity is still decided."""
    from paperkg.extractors.learned import LearnedMerge
    from paperkg.extractors.training.crossfit import _Cached

    merge = LearnedMerge("m", False, [], "model", 4, 2)
    merge.role_model.fit([["bias"]] * 10, [1] * 10)  # calls everything introduced
    text = "T\nWe use margin prompting with FooNet."

    def ent(name, extractor):
        a = text.index(name)
        return {"name": name, "type": "METHOD", "role": "used", "aliases": [],
                "mentions": [(name, a, a + len(name), text)], "confidence": 0.8,
                "extractor": extractor, "key": name.casefold(), "evaluated": False,
                "acronym": None, "long_form": False}

    for kept_used in (False, True):
        merge.cand_roles = not kept_used
        doc = _Cached([ent("margin prompting", "candidate"), ent("FooNet", "coined_name")],
                      text, [0, 2])
        merge(doc)
        roles = [e["role"] for e in doc.user_data["pk_ents"]]
        assert roles == (["used", "introduced"] if kept_used else ["introduced", "introduced"])
