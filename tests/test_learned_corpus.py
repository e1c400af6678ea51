"""Annotation records without an abstract: texts joined from a corpus folder by title, for
`paperkg train`, `paperkg eval` and the cross-fitted comparison."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.extractors.training.data import corpus_texts, read_records, with_texts

TITLE = "GraphFlow: Sparse Message Passing for Link Prediction"
ABSTRACT = ("We propose GraphFlow, a sparse message passing network for link prediction. "
            "GraphFlow beats GraphSAGE on ogbl-ddi and improves Hits@20 by 4 points.")
ENTITIES = [
    {"name": "GraphFlow", "aliases": [], "type": "METHOD", "role": "introduced"},
    {"name": "GraphSAGE", "aliases": [], "type": "METHOD", "role": "used"},
    {"name": "ogbl-ddi", "aliases": [], "type": "DATASET", "role": "used"},
]


@pytest.fixture
def tiny_corpus(tmp_path):
    """A corpus folder of one gzipped JSON Lines file, and annotation records without texts:
    one title in the corpus, one in it with other spacing and case, one not in it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [{"title": TITLE, "abstract": ABSTRACT, "arxiv_id": "2501.00001"},
            {"title": "Another Paper on  Graphs",
             "abstract": "GraphSAGE is evaluated on ogbl-ddi."},
            {"title": "Unrelated", "abstract": "Nothing here."}]
    with gzip.open(corpus / "papers-00.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    ann = tmp_path / "corpus-A.jsonl"
    recs = [{"id": "a1", "title": TITLE, "entities": ENTITIES, "repos": [], "links": []},
            {"id": "a2", "title": "another paper on graphs",
             "entities": [ENTITIES[1], ENTITIES[2]]},
            {"id": "a3", "title": "A paper nobody has", "entities": ENTITIES}]
    ann.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return corpus, ann


def test_records_join_their_corpus_text_by_title(tiny_corpus):
    corpus, ann = tiny_corpus
    found = corpus_texts(corpus, [TITLE, "another paper on graphs", "missing"])
    assert found[TITLE]["abstract"] == ABSTRACT
    assert found["another paper on graphs"]["title"] == "Another Paper on  Graphs"
    assert "missing" not in found
    counts: dict = {}
    recs = with_texts(read_records([ann]), corpus=corpus, counts=counts)
    assert [r["id"] for r in recs] == ["a1", "a2"]
    assert counts == {"corpus": 2, "skipped": 1}
    assert recs[0]["abstract"] == ABSTRACT and recs[0]["entities"] == ENTITIES
    assert with_texts(read_records([ann])) == []  # no corpus: every text-less record skipped


def test_eval_scores_annotations_on_corpus_texts(tiny_corpus):
    corpus, ann = tiny_corpus
    res = CliRunner().invoke(cli, ["eval", str(ann), "--corpus", str(corpus), "--fast",
                                   "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert (report["papers"], report["matched_papers"], report["skipped"]) == (2, 2, 1)
    rows = {r["row"]: r for r in report["rows"]}
    assert rows["named-untyped"]["gold"] == 5 and rows["named-untyped"]["tp"] >= 4
    table = CliRunner().invoke(cli, ["eval", str(ann), "--corpus", str(corpus), "--fast"])
    assert "2/2 gold papers found (1 skipped: text not found)" in table.output



def test_eval_refuses_a_gold_file_with_no_text_found(tiny_corpus, tmp_path):
    corpus, ann = tiny_corpus
    other = tmp_path / "other-corpus"
    other.mkdir()
    with gzip.open(other / "papers-00.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "Unrelated", "abstract": "Nothing here."}) + "\n")
    res = CliRunner().invoke(cli, ["eval", str(ann), "--corpus", str(other), "--fast"])
    assert res.exit_code == 1
    assert "nothing to score: none of its 3 records' texts was found" in res.output
    assert "F1" not in res.output  # no table of empty rows scored 1.000
    blank = tmp_path / "blank.jsonl"
    blank.write_text("", encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(blank), "--corpus", str(corpus), "--fast"])
    assert res.exit_code != 0 and "Traceback" not in res.output

def test_train_takes_annotations_with_a_corpus(tiny_corpus, tmp_path):
    corpus, ann = tiny_corpus
    res = CliRunner().invoke(cli, ["train", str(ann), "--corpus", str(corpus),
                                   "-o", str(tmp_path / "m")])
    assert res.exit_code == 0, res.output
    assert "fitted on 2 records (2 texts from the corpus, 1 skipped: text not found)" in (
        res.stdout)
    assert (tmp_path / "m" / "config.cfg").is_file()


def test_a_missing_corpus_is_one_line(tiny_corpus, tmp_path):
    _, ann = tiny_corpus
    res = CliRunner().invoke(cli, ["eval", str(ann), "--corpus", str(tmp_path / "nope")])
    assert res.exit_code != 0
    assert "corpus not found" in res.output + str(res.exception)
    assert "Traceback" not in res.output


def test_train_candidates_option_saves_the_candidate_setting(tmp_path):
    """--candidates fits the lower-case candidate classifier and the saved model keeps its
    threshold and --max-candidates."""
    from paperkg.extractors.learned import add_learned
    from paperkg.extractors.pipeline import build_pipeline

    recs = [{"title": f"Paper {i} on queues",
             "abstract": f"Our method, Net{i}, improves organ slot bookkeeping and kidney queue "
                         "allocation over time.",
             "entities": [{"name": "organ slot bookkeeping", "type": "TASK", "role": "used"},
                          {"name": "kidney queue allocation", "type": "TASK", "role": "used"},
                          {"name": f"Net{i}", "type": "METHOD", "role": "introduced"}]}
            for i in range(6)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    terms = tmp_path / "terms.tsv"
    terms.write_text("split conformal calibration\t3\t0\t3\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "m"),
                                   "--candidates", "0.6", "--max-candidates", "2",
                                   "--context", "--retype", "0.6/0.4", "--retype-known",
                                   "0.7/0.3", "--terms", str(terms)])
    assert res.exit_code == 0, res.output
    nlp = build_pipeline()
    assert add_learned(nlp, tmp_path / "m")
    merge = nlp.get_pipe("paperkg_learned")
    assert "allocation" in merge.heads and merge.max_candidates == 2
    assert merge.cand_model.trained and merge.cand_model.threshold == 0.6
    assert merge.cand_context  # --context is saved with the model
    assert merge.terms == {"split conformal calibration": [3, 0, 3]}  # and --terms
    assert "calibration" in merge.theads
    assert (merge.retype_to, merge.retype_from) == (0.6, 0.4)
    assert (merge.known_retype_to, merge.known_retype_from) == (0.7, 0.3)
    bad = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "b"),
                                   "--retype", "high"])
    assert bad.exit_code != 0 and "TO/FROM" in bad.output and "Traceback" not in bad.output
    plain = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "p")])
    assert plain.exit_code == 0 and not (tmp_path / "p" / "paperkg_learned" / "cands.npz").exists()


def test_lexicon_features_leave_the_record_itself_out():
    """The lexicon says how often a phrase was a candidate and a gold name in the training
    papers; a training record's own counts are taken out, so it cannot see its own label."""
    from paperkg.extractors.learned import lexicon_features

    lex = {"kidney queue allocation": [4, 3, {"TASK": 3}], "queue allocation": [1, 1, {"TASK": 1}]}
    assert lexicon_features("kidney queue allocation", lex) == [
        "lex_n=3", "lex_rate=0.75", "lex_type=TASK"]
    assert lexicon_features("kidney queue allocation", lex, own=(1, 1, "TASK")) == [
        "lex_n=3", "lex_rate=0.75", "lex_type=TASK"]
    assert lexicon_features("kidney queue allocation", lex, own=(1, 0, "")) == [
        "lex_n=3", "lex_rate=1.0", "lex_type=TASK"]
    assert lexicon_features("queue allocation", lex, own=(1, 1, "TASK")) == []
    assert lexicon_features("unseen phrase", lex) == [] and lexicon_features("x", None) == []


def test_train_lexicon_is_saved_and_loaded(tmp_path):
    from paperkg.extractors.learned import add_learned
    from paperkg.extractors.pipeline import build_pipeline

    recs = [{"title": f"Paper {i} on queues",
             "abstract": f"Our method, Net{i}, improves organ slot bookkeeping and kidney queue "
                         "allocation over time.",
             "entities": [{"name": "organ slot bookkeeping", "type": "TASK", "role": "used"},
                          {"name": f"Net{i}", "type": "METHOD", "role": "introduced"}]}
            for i in range(4)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    res = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "m"),
                                   "--candidates", "0.5", "--lexicon"])
    assert res.exit_code == 0, res.output
    nlp = build_pipeline()
    assert add_learned(nlp, tmp_path / "m")
    lex = nlp.get_pipe("paperkg_learned").lexicon
    # a phrase no rule takes (the task scorer reads "allocation" as a task head since task42)
    assert lex["organ slot bookkeeping"] == [4, 4, {"TASK": 4}]
    assert lex["slot bookkeeping"][:2] == [4, 0]


def test_corpus_df_counts_candidate_phrases_and_leaves_out_gold_papers(tmp_path):
    from paperkg.extractors.learned import df_features
    from paperkg.extractors.training.train import corpus_df

    rows = [{"title": f"Paper {i}", "abstract": f"On the kidney queue allocation {i}."}
            for i in range(5)] + [{"title": "Gold paper", "abstract": "kidney queue allocation"}]
    path = tmp_path / "papers-00.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    df = corpus_df(tmp_path, frozenset({"allocation"}), exclude=["Gold  Paper"])
    assert df == {"kidney queue allocation": 5, "queue allocation": 5, "allocation": 5}
    assert df_features("queue allocation", df) == ["df=2", "df=2|nwords=2"]
    assert df_features("slot allocation", df) == ["df=0", "df=0|nwords=2"]
    assert df_features("slot allocation", {}) == []


def test_candidate_context_features():
    """The context features of a lower-case candidate: nesting, sentence cues, an acronym in
    brackets after it, word endings, a rule mention right beside it; off without a context."""
    from paperkg.extractors.learned import CandidateContext, candidate_features, lower_candidates

    text = ("Queue Allocation\nWe propose the kidney queue allocation (KQA) with GraphFlow "
            "slot allocation. Slot allocation is hard.")
    covered = [(text.index("GraphFlow"), text.index("GraphFlow") + 9)]
    cands = lower_candidates(text, {"allocation"}, covered)
    ctx = CandidateContext(cands, covered)
    starts = [0, text.index("We"), text.index("Slot")]

    def feats(phrase, with_ctx=True):
        return set(candidate_features(text, starts, phrase, cands[phrase], len(cands),
                                      ctx=ctx if with_ctx else None))

    kqa = feats("kidney queue allocation")
    assert {"has_shorter", "acr_after", "acr_match=True", "s:propose", "s:we",
            "hsuf:ion", "fsuf:-|n=3"} <= kqa and "has_longer" not in kqa
    assert {"has_longer", "is_prefix"} & feats("queue allocation") == {"has_longer"}
    assert "rule_before" in feats("slot allocation")
    plain = feats("kidney queue allocation", with_ctx=False)
    assert plain < kqa and not any(f.startswith(("has_", "acr_", "hsuf")) for f in plain)
