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
