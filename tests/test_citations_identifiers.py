"""Paper identifiers (arXiv ids, DOIs) from JSON fields and URLs, merging by identifier, and
citations by identifier: listings written here, read by the real reader and built for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperkg.graph.build import build_graph
from paperkg.graph.citations import CITES_INFERRED_KEY, add_citations
from paperkg.readers import read_listings

MULTIPLE = "MultiPL-E: A Scalable and Extensible Approach to Benchmarking Neural Code Generation"
HF_TEXT = """Jun 9

Program Synthesis with Large Language Models

This paper explores the limits of the current generation of large language models for program \
synthesis in general purpose programming languages. We evaluate a collection of such models on \
two new benchmarks, MBPP and MathQA-Python.

https://arxiv.org/abs/2108.07732

Jun 10

A Paper Citing By URL

We build on the benchmark of https://arxiv.org/abs/2108.07732 and extend it to many more \
programming languages. This abstract goes on for a while so that it reads like an abstract.
"""


@pytest.fixture()
def listing(tmp_path: Path) -> Path:
    (tmp_path / "a.json").write_text(json.dumps([
        {"title": MULTIPLE, "arxiv_id": "arXiv:2208.08227v2", "abstract": "We propose it."},
        {"title": "Knowledge Transfer for Code LLMs",
         "url": "https://huggingface.co/papers/2308.09895",
         "abstract": "We evaluate on MultiPL-E (https://arxiv.org/abs/2208.08227v1)."},
        {"title": "A Journal Paper", "doi": "https://doi.org/10.1145/3689735",
         "abstract": "Nothing."},
        {"title": "A Journal Paper, Accepted Version", "url": "https://doi.org/10.1145/3689735",
         "abstract": "Nothing at all."},
        {"title": "A Survey That Links A DOI", "abstract":
         "See doi:10.1145/3689735 for the formal semantics; we compare against it."},
        {"title": "A Note", "abstract": "A note on arXiv:2108.07732 and its problems."},
    ]), encoding="utf-8")
    # The same arXiv paper under a slightly different title, in another file and layout.
    (tmp_path / "b.jsonl").write_text(json.dumps({
        "title": "MultiPL-E: a scalable and extensible approach to benchmarking neural code "
                 "generation (extended)", "id": "2208.08227", "abstract": "Longer."}) + "\n",
        encoding="utf-8")
    (tmp_path / "c.txt").write_text(HF_TEXT, encoding="utf-8")
    return tmp_path


def test_identifiers_from_fields_and_urls_become_ids(listing: Path):
    result = read_listings([listing])
    by_title = {p.title: p for p in result.papers}
    multiple = by_title[MULTIPLE]
    assert multiple.id == multiple.arxiv_id == "2208.08227"  # prefix and version dropped
    assert len(multiple.sources) == 2  # the .jsonl record with another title merged into it
    kt = by_title["Knowledge Transfer for Code LLMs"]
    assert kt.id == kt.arxiv_id == "2308.09895"  # from huggingface.co/papers/<id>
    doi = next(p for p in result.papers if p.doi == "10.1145/3689735")
    assert doi.id == "10.1145/3689735" and len(doi.sources) == 2  # same DOI, other title
    ps = by_title["Program Synthesis with Large Language Models"]
    assert ps.id == ps.arxiv_id == "2108.07732"  # the URL line under the text-layout paper
    # An arXiv URL inside an abstract names another paper: it is not the paper's own id.
    citing = by_title["A Paper Citing By URL"]
    assert citing.arxiv_id is None and citing.doi is None
    assert kt.arxiv_id != "2208.08227"
    assert len(result.papers) == 7 and result.merged == 2


def test_identifier_in_text_is_a_citation(listing: Path):
    result = read_listings([listing])
    g = build_graph(result.papers, result.sources, [])
    report = add_citations(g)
    edges = {(u, v): d for u, v, k, d in g.edges(keys=True, data=True)
             if k == CITES_INFERRED_KEY}
    by_title = {d["title"]: n for n, d in g.nodes(data=True) if d.get("label") == "Paper"}
    e = edges[(by_title["A Paper Citing By URL"], "Paper:2108.07732")]
    assert e["kind"] == "uses" and e["entity"] == ""  # "We build on ..."
    assert e["evidence"].startswith("We build on the benchmark of https://arxiv.org/abs/2108.07732")
    e = edges[("Paper:2308.09895", "Paper:2208.08227")]  # a versioned URL still resolves
    assert e["kind"] == "evaluates_on" and "(https://arxiv.org/abs/2208.08227v1)" in e["evidence"]
    e = edges[(by_title["A Survey That Links A DOI"], "Paper:10.1145/3689735")]
    assert e["kind"] == "compares_with"
    e = edges[(by_title["A Note"], "Paper:2108.07732")]
    assert e["kind"] == "mentions"
    assert e["evidence"] == "A note on arXiv:2108.07732 and its problems."
    # The paper's own URL line is not a self-citation; nothing else is linked.
    assert all(u != v for u, v in edges) and len(edges) == 4
    assert report.via_identifier == 4 and report.via_name == 0


def test_records_chained_by_doi_and_arxiv_id_are_one_paper(tmp_path: Path):
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"title": "Paper X: the Original", "doi": "10.1234/abc", "abstract": "One."},
        {"title": "Paper X: The Original (v2)", "arxiv_id": "2401.00001", "abstract": "Two."},
        {"title": "Paper X - the original, journal version", "arxiv_id": "2401.00001v3",
         "doi": "https://doi.org/10.1234/ABC", "abstract": "Three."},
        {"title": "Paper X: the Original", "doi": "10.1/too-short", "abstract": "Four."},
    ]) + "\n", encoding="utf-8")
    result = read_listings([tmp_path])
    # The third record joins the first (same DOI, any case) and the second (same arXiv id); the
    # fourth has the same title and no valid DOI (registrant codes have 4+ digits): same paper.
    assert [(p.id, p.arxiv_id, p.doi, len(p.sources)) for p in result.papers] == [
        ("2401.00001", "2401.00001", "10.1234/abc", 4)]
