"""Corpus terms (training/terms.py): lower-case phrases other abstracts define with an acronym
of their initials, as lower-case candidates and candidate features."""

from __future__ import annotations

import gzip
import json

from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.learned import (
    acronym_terms,
    lower_candidates,
    term_features,
    term_heads,
)
from paperkg.extractors.training.terms import mine_terms, read_terms, write_terms


def test_a_term_is_the_phrase_its_acronym_spells():
    text = ("We apply low-rank adaptation (LoRA) and federated learning (FL) to the task of "
            "named entity recognition (NER), unlike the proposed method (PM) or graph data "
            "(XYZ).")
    assert [t for t, _ in acronym_terms(text)] == [
        "low-rank adaptation", "federated learning", "named entity recognition"]
    start = dict(acronym_terms(text))["federated learning"]
    assert text[start:].startswith("federated learning (FL)")


def test_mining_counts_abstracts_and_cues():
    texts = ["T\nWe use federated learning (FL) here. Again federated learning (FL).",
             "T\nThe task of federated learning (FL) is hard.",
             "T\nOnce: sparse attention routing (SAR)."]
    assert mine_terms(texts) == {"federated learning": [2, 1, 1]}
    assert mine_terms(texts, min_df=1)["sparse attention routing"] == [1, 0, 0]


def test_terms_are_candidates_whatever_their_head(tmp_path):
    terms = {"federated learning": [40, 2, 10]}
    text = "Title\nWe study federated learning and deep learning with kidney allocation."
    plain = lower_candidates(text, {"allocation"}, [])
    assert "federated learning" not in plain and "kidney allocation" in plain
    got = lower_candidates(text, {"allocation"}, [], terms, term_heads(terms))
    assert got["federated learning"] == [(15, 33)]
    assert "deep learning" not in got and "learning" not in got  # not terms, head not listed
    assert term_features("federated learning", terms) == [
        "term", "term_n=5", "term_task=0.0", "term_method=0.25"]
    assert term_features("private federated learning", terms) == ["term_suffix"]
    assert term_features("deep learning", terms) == ["term_none"]
    assert term_features("deep learning", {}) == []
    write_terms(terms, tmp_path / "t.tsv")
    # a phrase the paper defines itself with its acronym is a candidate too (terms on)
    coined = "T\nWe build a progressive compacting stem (PCS); the progressive compacting stem."
    got = lower_candidates(coined, {"allocation"}, [], terms, term_heads(terms))
    assert [coined[a:b] for a, b in got["progressive compacting stem"]] == [
        "progressive compacting stem"] * 2
    assert "compacting stem" not in got
    assert lower_candidates(coined, {"allocation"}, []) == {}
    assert term_features("progressive compacting stem", terms, coined) == [
        "term_own", "term_none"]
    assert read_terms(tmp_path / "t.tsv") == terms and read_terms(tmp_path / "no.tsv") == {}


def test_train_terms_file_must_exist(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"title": "T", "abstract": "A.", "entities": []}) + "\n")
    bad = CliRunner().invoke(cli, ["train", str(gold), "--terms", str(tmp_path / "none")])
    assert bad.exit_code != 0 and "does not exist" in bad.output
    assert "Traceback" not in bad.output


def test_terms_command_leaves_gold_papers_out(tmp_path):
    from paperkg.extractors.training.terms import main

    rows = [{"title": f"Paper {i}", "abstract": "We use federated learning (FL)."}
            for i in range(2)] + [{"title": "Gold paper",
                                   "abstract": "We use sparse attention routing (SAR)."}] * 2
    corpus = tmp_path / "papers-00.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"title": "Gold Paper", "entities": []}) + "\n")
    main([str(gold), "--corpus", str(corpus), "-o", str(tmp_path / "t.tsv")])
    assert read_terms(tmp_path / "t.tsv") == {"federated learning": [2, 0, 2]}


def test_terms_as_features_only_keep_the_head_word_candidates(tmp_path):
    from paperkg.extractors.learned import LearnedMerge
    from paperkg.extractors.training.train import (
        _candidate_gold,
        candidate_rows,
        train_classifiers,
    )

    terms = {"federated learning": [40, 2, 10]}
    records = [{"title": f"Allocation study {i}",
                "abstract": f"We study federated learning for kidney allocation and organ "
                            f"allocation in region {i}.",
                "entities": [{"name": "kidney allocation", "type": "TASK", "role": "used"},
                             {"name": "organ allocation", "type": "TASK",
                              "role": "used"}]} for i in range(3)]
    both = train_classifiers(records, candidates=True, terms=terms)
    feats = train_classifiers(records, candidates=True, terms=terms, term_cands=False)
    assert both.term_cands and not feats.term_cands
    assert feats.terms == terms and "allocation" in feats.heads
    text = f"{records[0]['title']}\n{records[0]['abstract']}"
    cands, _ = _candidate_gold(records[0], text, [], feats.heads, None)
    with_terms, _ = _candidate_gold(records[0], text, [], feats.heads, terms)
    assert "federated learning" not in cands and "federated learning" in with_terms
    assert "kidney allocation" in cands
    # features only: the head-word candidates, each with its term features
    x, _, _ = candidate_rows(records[0], text, [0], [], feats.heads, terms=terms,
                             term_cands=False)
    assert len(x) == len(cands) and all("term_none" in f for f in x)
    x, _, _ = candidate_rows(records[0], text, [0], [], feats.heads, terms=terms)
    assert len(x) == len(with_terms) and any("term" in f for f in x)
    feats.to_disk(tmp_path / "m")
    back = LearnedMerge("paperkg_learned", False, [], "union", 4, 2).from_disk(tmp_path / "m")
    assert back.terms == terms and back.term_cands is False
