"""`paperkg rank` on a real store built from a listing written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperkg.core.records import Entity, Mention, PaperExtraction
from paperkg.core.text import sentence_at
from paperkg.graph.analytics import rank
from paperkg.graph.build import build_graph
from paperkg.graph.citations import add_citations
from paperkg.readers import read_listings
from tests.conftest import run_cli

# Papers and what extraction found in them (written here; citations are inferred from the
# titles and abstracts, extraction adds entity types and usage).
PAPERS = {
    "bench": ("MBPPish: Mostly Basic Problems", "2021-08-16",
              "We introduce MBPP, a benchmark of 974 short Python programming problems."),
    "user": ("Better Code Models via Feedback", "2022-05-01",
             "On MBPP, our method improves pass@1. We outperform Codex on MBPP and HumanEval."),
    "late": ("An Early Paper That Names MBPP", "2021-01-10",
             "We evaluate on MBPP."),
    "arm1": ("Guided Decoding with Reward Models", "2024-05-01",
             "We introduce ARM, an autoregressive reward model for guided decoding of text."),
    "arm2": ("Robot Arms in Factories", "2024-05-02",
             "We introduce ARM, a robotic manipulation arm dataset collected in factories."),
    "dec": ("Faster Decoding", "2024-09-01",
            "We compare against ARM for guided decoding with an autoregressive reward model."),
    "vague": ("A Vague Paper", "2024-09-02", "We also use ARM."),
    "early": ("An Early Paper", "2024-05-01", "We also use ARM."),
    "prism_m": ("PRISM: A Foundation Model for Slides", "2024-01-01",
                "We present PRISM, a foundation model."),
    "prism_d": ("Collecting Prism Data", "2024-01-02",
                "We release PRISM, a dataset of photographs."),
    "photo": ("Photo Models", "2024-03-01", "We train on the PRISM dataset."),
    "mentioner": ("Scaling Code Benchmarks", "2024-02-01",
                  "Unlike MBPPish, our suite covers 40 languages."),
}

# paper -> [(surface, type, role, evaluated)]
ENTITIES = {
    "bench": [("MBPP", "BENCHMARK", "introduced", False)],
    "user": [("MBPP", "BENCHMARK", "used", True), ("Codex", "MODEL", "used", False),
             ("HumanEval", "BENCHMARK", "used", True)],
    "late": [("MBPP", "BENCHMARK", "used", True)],
    "arm1": [("ARM", "METHOD", "introduced", False)],
    "arm2": [("ARM", "METHOD", "introduced", False)],
    "dec": [("ARM", "METHOD", "used", False)],
    "vague": [("ARM", "METHOD", "used", False)],
    "early": [("ARM", "METHOD", "used", False)],
    "prism_m": [("PRISM", "MODEL", "introduced", False)],
    "prism_d": [("PRISM", "DATASET", "introduced", False)],
    "photo": [("PRISM", "DATASET", "used", False)],
}


def _extraction(paper, specs) -> PaperExtraction:
    text = paper.text
    ents = []
    for surface, type_, role, evaluated in specs:
        start = text.index(surface, len(paper.title))
        sent = sentence_at(text, start)
        ents.append(Entity(name=surface, type=type_, role=role, key=surface.lower(),
                           evaluated=evaluated, extractor="test",
                           mentions=[Mention(surface, start, start + len(surface), sent)]))
    return PaperExtraction(paper_id=paper.id, entities=ents)


LISTED = {"2024-05-01": ("bench", "arm1", "arm2", "prism_m", "prism_d", "early"),
          "2024-06-01": ("user", "late", "mentioner"),
          "2024-10-01": ("dec", "vague", "photo")}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store with inferred citations plus two OpenAlex CITES edges."""
    from paperkg.graph.ladybug_store import write_graph

    tmp = tmp_path_factory.mktemp("rank")
    date_of = {k: d for d, keys in LISTED.items() for k in keys}
    listing = tmp / "rank.json"
    listing.write_text(json.dumps([
        {"id": key, "title": t, "published": d, "abstract": a, "listing_date": date_of[key]}
        for key, (t, d, a) in PAPERS.items()]), encoding="utf-8")
    result = read_listings([listing])
    by_title = {p.title: p for p in result.papers}
    g = build_graph(result.papers, result.sources,
                    [_extraction(by_title[PAPERS[k][0]], s) for k, s in ENTITIES.items()])
    add_citations(g, min_confidence=0.0)  # every inferred edge: ranking is what is tested
    for a, b in (("vague", "bench"), ("arm2", "arm1")):
        g.add_edge(f"Paper:{a}", f"Paper:{b}", key="CITES|openalex", type="CITES",
                   source="openalex", kind=None, entity=None, evidence="openalex references",
                   temporal_conflict=False)
    db = tmp / "kg.lbug"
    write_graph(g, db)
    return db


def _json(*args: str, db: Path) -> list[dict]:
    r = run_cli("rank", *args, "--format", "json", "--db", str(db))
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_most_cited_inferred_enriched_and_together(store: Path):
    rows = _json("--by", "citations", db=store)
    assert [(r["paper"], r["cited_by"], r["inferred"], r["openalex"], r["cited_by_any"])
            for r in rows] == [("bench", 2, 1, 1, 2), ("arm1", 1, 0, 1, 1)]
    # Inferred: only "On MBPP, ..." (user -> bench). "late" names MBPP before bench appeared;
    # ARM and PRISM are claimed by several corpus papers (contested), so they link nothing.
    assert rows[0]["rank"] == 1 and rows[0]["title"] == PAPERS["bench"][0]
    inferred = _json("--by", "citations", "--source", "inferred", db=store)
    assert [(r["paper"], r["cited_by_inferred"]) for r in inferred] == [("bench", 1)]
    enriched = _json("--by", "citations", "--source", "enriched", db=store)
    # Ties broken by citations from every source: bench (2 in all) before arm1 (1).
    assert [(r["paper"], r["cited_by_enriched"]) for r in enriched] == [("bench", 1), ("arm1", 1)]


def test_pagerank_puts_the_most_cited_paper_first(store: Path):
    rows = _json("--by", "pagerank", db=store)
    assert [r["paper"] for r in rows] == ["bench", "arm1"]
    assert rows[0]["pagerank"] > rows[1]["pagerank"] > 0
    assert [r["cited_by"] for r in rows] == [2, 1]
    only = _json("--by", "pagerank", "--source", "openalex", db=store)
    assert sorted(r["paper"] for r in only) == ["arm1", "bench"]


def test_most_used_benchmarks_and_datasets(store: Path):
    rows = _json("--by", "usage", db=store)  # default: datasets and benchmarks
    assert [(r["entity"], r["type"], r["papers"], r["introduced_by"]) for r in rows] == [
        ("MBPP", "Benchmark", 2, ["bench"]), ("HumanEval", "Benchmark", 1, []),
        ("PRISM", "Dataset", 1, ["prism_d"])]
    only = _json("--by", "usage", "--type", "Benchmark", db=store)
    assert [r["entity"] for r in only] == ["MBPP", "HumanEval"]
    methods = _json("--by", "usage", "--type", "method,MODEL", db=store)
    assert [(r["entity"], r["papers"]) for r in methods] == [("ARM", 3), ("Codex", 1)]


def test_rising_entities_across_listing_dates(store: Path):
    rows = _json("--by", "rising", db=store)
    assert [(r["entity"], r["type"], r["papers_2024-10-01"], r["mean_before"], r["growth"])
            for r in rows] == [("ARM", "Method", 2, 1.5, 0.5), ("PRISM", "Dataset", 1, 0.5, 0.5)]
    assert rows[0]["by_date"] == {"2024-05-01": 3, "2024-10-01": 2}


def test_table_output_and_limit(store: Path):
    r = run_cli("rank", "--by", "citations", "--limit", "1", "--db", str(store))
    assert r.returncode == 0, r.stderr
    assert "rank by citations" in r.stdout and "bench" in r.stdout and "(1 row)" in r.stdout
    csv = run_cli("rank", "--by", "usage", "--format", "csv", "--db", str(store))
    assert csv.stdout.splitlines()[:2] == ["rank,entity,type,papers,introduced_by",
                                           '1,MBPP,Benchmark,2,"[""bench""]"']


def test_bad_requests_are_one_line(store: Path, tmp_path: Path):
    cases = {
        ("--by", "usage", "--type", "Gadget"): "paperkg: error: unknown entity type 'Gadget': "
        "use one of Method, Model, Dataset, Benchmark, Metric, Task",
        ("--by", "citations", "--type", "Benchmark"): "paperkg: error: --type applies to "
        "entity rankings (usage, rising), not citations",
        ("--source", "crossref"): "paperkg: error: unknown citation source 'crossref': use "
        "inferred, openalex, semanticscholar, enriched or all",
    }
    for args, line in cases.items():
        r = run_cli("rank", *args, "--db", str(store))
        assert r.returncode == 1 and r.stderr.strip().splitlines() == [line], r.stderr
    r = run_cli("rank", "--by", "fame", "--db", str(store))
    assert r.returncode == 2 and "Invalid value for '--by'" in r.stderr
    r = run_cli("rank", "--db", str(tmp_path / "none.lbug"))
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


def test_rank_api_on_a_graph_needs_two_listing_dates(tmp_path: Path):
    listing = tmp_path / "one.json"
    listing.write_text(json.dumps([{"title": "Only Paper", "abstract": "Nothing.",
                                    "listing_date": "2024-01-01"}]), encoding="utf-8")
    result = read_listings([listing])
    g = build_graph(result.papers, result.sources, [])
    assert rank("citations", graph=g) == (
        ["rank", "paper", "title", "cited_by", "cited_by_any"], [])
    from paperkg.core.errors import UserError

    with pytest.raises(UserError, match="at least two listing dates; the graph has 1"):
        rank("rising", graph=g)

