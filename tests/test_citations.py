"""Inferred citations on small listings written here, with extraction records given directly.

These pin the rules (direction, evidence, kinds, self-citations, shared names, dates); the
seed-level behaviour with the real extractor is pinned in test_citations_seeds.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperkg.core.dates import appeared_after, date_parts, later_than, paper_date
from paperkg.core.records import Entity, Mention, PaperExtraction
from paperkg.core.text import sentence_at
from paperkg.graph.build import build_graph
from paperkg.graph.citations import (
    CITES_INFERRED_KEY,
    add_citations,
    inferred_citations,
    name_like,
    title_lead,
)
from paperkg.readers import read_listings


def test_dates_compare_only_at_a_common_known_precision():
    assert date_parts("2024-06-09") == (2024, 6, 9)
    assert date_parts("2024-06") == (2024, 6, None)
    assert date_parts("--06-09") == (None, 6, 9)
    assert date_parts("June 9") is None and date_parts(None) is None
    assert appeared_after((2024, 7, None), (2024, 6, 9)) is True
    assert appeared_after((2024, 6, None), (2024, 6, 9)) is False  # same month: cannot tell
    assert appeared_after((2023, None, None), (2024, 1, 1)) is False
    assert appeared_after((None, 7, 1), (2024, 6, 9)) is None  # no year: never compared
    assert appeared_after(None, (2024, 6, 9)) is None
    # A --MM-DD date is unknown (a listing page can mix years); the listing date stays apart.
    assert paper_date({"published": "--06-09", "listing_date": "2024-07-01"}) == (
        None, (2024, 7, 1))
    assert paper_date({"published": "2024-06", "listing_date": None}) == ((2024, 6, None), None)
    # Publication dates are compared when both papers have one, else listing dates, never one
    # kind against the other.
    pub_a, pub_b = {"published": "2024-06-09"}, {"published": "2024-07-01"}
    assert later_than(paper_date(pub_b), paper_date(pub_a)) is True
    assert later_than(paper_date(pub_a), paper_date(pub_b)) is False
    listed_a = {"published": "--06-09", "listing_date": "2024-06-10"}
    listed_b = {"published": "--05-01", "listing_date": "2024-08-01"}
    assert later_than(paper_date(listed_b), paper_date(listed_a)) is True
    assert later_than(paper_date(listed_b), paper_date(pub_a)) is None  # listing vs published


def test_title_leads_are_system_names_only():
    assert title_lead("MultiPL-E: A Scalable and Extensible Approach") == "MultiPL-E"
    assert title_lead("Orca 2: Teaching Small Language Models How to Reason") == "Orca 2"
    assert title_lead("Survey: What We Know") is None
    assert title_lead("$\\mathcal{B}$-Coder: Value-Based Deep RL") is None
    assert title_lead("A Study of Things With No Colon") is None
    assert title_lead("StarCoder 2 and The Stack v2: The Next Generation") is None  # 6 words
    assert name_like("MultiPL-E") and name_like("SQIRL") and name_like("Orca 2")
    assert not name_like("Correlated Proxies") and not name_like("Less is More")


def test_sentence_at_finds_the_sentence_of_an_offset():
    text = "Title here\nFirst sentence. We evaluate on MBPP. Last one."
    assert sentence_at(text, text.index("MBPP")) == "We evaluate on MBPP."
    assert sentence_at(text, 2) == "Title here"


# ---------------------------------------------------------------------------------------------
# Graph-level rules

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


@pytest.fixture()
def graph(tmp_path: Path):
    listing = tmp_path / "rules.json"
    listing.write_text(json.dumps([
        {"id": key, "title": t, "published": d, "abstract": a}
        for key, (t, d, a) in PAPERS.items()]), encoding="utf-8")
    result = read_listings([listing])
    by_title = {p.title: p for p in result.papers}
    ids = {key: by_title[t].id for key, (t, _, _) in PAPERS.items()}
    exts = [_extraction(by_title[PAPERS[k][0]], specs) for k, specs in ENTITIES.items()]
    g = build_graph(result.papers, result.sources, exts)
    return g, ids


def _edges(g) -> dict[tuple[str, str], dict]:
    return {(u.split(":", 1)[1], v.split(":", 1)[1]): d for u, v, d in inferred_citations(g)}


def test_citer_names_what_the_cited_paper_introduced(graph):
    g, ids = graph
    report = add_citations(g)
    edges = _edges(g)
    e = edges[(ids["user"], ids["bench"])]
    # The first mention's sentence says "On MBPP ..." (evaluated on): kind evaluates_on.
    assert e["kind"] == "evaluates_on" and e["entity"] == "Benchmark:mbpp"
    assert e["evidence"] == "On MBPP, our method improves pass@1."
    assert e["source"] == "inferred" and e["type"] == "CITES" and e["temporal_conflict"] is False
    assert (ids["bench"], ids["user"]) not in edges  # direction: the introducer cites no one
    assert g.has_edge(f"Paper:{ids['user']}", f"Paper:{ids['bench']}", key=CITES_INFERRED_KEY)
    assert report.added == len(edges)


def test_shared_name_attributed_by_type_then_context_else_unlinked(graph):
    g, ids = graph
    report = add_citations(g)
    edges = _edges(g)
    # PRISM the dataset vs PRISM the model: the dataset user cites the dataset paper.
    assert (ids["photo"], ids["prism_d"]) in edges and (ids["photo"], ids["prism_m"]) not in edges
    # ARM introduced by two papers as a METHOD: the decoding paper's sentence decides ...
    assert edges[(ids["dec"], ids["arm1"])]["kind"] == "compares_with"
    assert (ids["dec"], ids["arm2"]) not in edges
    # ... while "We also use ARM." cannot be attributed: unlinked and counted ...
    assert not any(a == ids["vague"] for a, _ in edges)
    assert report.unattributed == 1 and report.ambiguous_names == ["Method:arm"]
    # ... unless only one of the introducers had appeared by then (arm2 came a day later).
    assert edges[(ids["early"], ids["arm1"])]["temporal_conflict"] is False
    assert (ids["early"], ids["arm2"]) not in edges


def test_no_self_citation_and_title_lead_route(graph):
    g, ids = graph
    report = add_citations(g)
    edges = _edges(g)
    assert all(a != b for a, b in edges)
    # The benchmark paper names its own MBPP: no edge from it at all.
    assert not any(a == ids["bench"] for a, _ in edges)
    # "MBPPish" is only the title lead of the benchmark paper, named in another abstract.
    e = edges[(ids["mentioner"], ids["bench"])]
    assert e["kind"] == "mentions" and e["entity"] == ""
    assert e["evidence"] == "Unlike MBPPish, our suite covers 40 languages."
    assert report.via_title == 1


def test_temporal_conflict_is_flagged_not_dropped(graph):
    g, ids = graph
    report = add_citations(g)
    edges = _edges(g)
    assert edges[(ids["late"], ids["bench"])]["temporal_conflict"] is True
    assert edges[(ids["user"], ids["bench"])]["temporal_conflict"] is False
    assert report.temporal_conflicts == 1


def test_add_citations_is_idempotent_and_keeps_service_edges(graph):
    g, ids = graph
    g.add_edge(f"Paper:{ids['vague']}", f"Paper:{ids['bench']}", key="CITES|openalex",
               type="CITES", source="openalex", kind=None, entity=None, evidence="refs",
               temporal_conflict=False)
    first = add_citations(g).summary()
    edges = sorted((u, v) for u, v, _ in inferred_citations(g))
    second = add_citations(g).summary()
    assert second == first and sorted((u, v) for u, v, _ in inferred_citations(g)) == edges
    assert g.has_edge(f"Paper:{ids['vague']}", f"Paper:{ids['bench']}", key="CITES|openalex")
    assert sorted(_edges(g)) == sorted([
        (ids["user"], ids["bench"]), (ids["late"], ids["bench"]), (ids["dec"], ids["arm1"]),
        (ids["photo"], ids["prism_d"]), (ids["mentioner"], ids["bench"]),
        (ids["early"], ids["arm1"])])
    assert first["cites_inferred"] == 6 and first["by_kind"] == {
        "compares_with": 1, "evaluates_on": 2, "mentions": 1, "uses": 2}


def test_a_coined_name_is_found_where_extraction_missed_it(tmp_path: Path):
    listing = tmp_path / "names.json"
    listing.write_text(json.dumps([
        {"id": "tulu", "title": "TULU 3: Open Post-Training", "published": "2024-11-22",
         "abstract": "We propose a novel method we call Reinforcement Learning with Verifiable "
                     "Rewards (RLVR)."},
        {"id": "olmo", "title": "Open Models", "published": "2025-01-01",
         "abstract": "We follow Tülu 3 closely. Our final stage uses RLVR with math rewards."},
        {"id": "other", "title": "Unrelated", "published": "2025-01-02",
         "abstract": "We study rlvr in lower case and RLVRs as a plural, not the name."},
    ]), encoding="utf-8")
    result = read_listings([listing])
    by_id = {p.id: p for p in result.papers}
    spec = [("Reinforcement Learning with Verifiable Rewards", "METHOD", "introduced", False)]
    ext = _extraction(by_id["tulu"], spec)
    ext.entities[0].aliases = ["RLVR"]
    g = build_graph(result.papers, result.sources, [ext])  # nothing extracted from the others
    report = add_citations(g)
    edges = _edges(g)
    # Both the title lead ("TULU 3" as "Tülu 3") and the alias "RLVR" name the paper; one edge
    # is kept, with the earlier of two equally strong sentences.
    e = edges[("olmo", "tulu")]
    assert e["source"] == "inferred" and e["kind"] == "uses"
    assert e["evidence"] == "We follow Tülu 3 closely." and e["entity"] == ""
    del g.nodes["Paper:olmo"]["title"], g.nodes["Paper:olmo"]["abstract"]
    g.nodes["Paper:olmo"].update(title="Open Models", abstract="Our final stage uses RLVR.")
    report = add_citations(g)
    e = _edges(g)[("olmo", "tulu")]
    assert e["evidence"] == "Our final stage uses RLVR." and e["entity"].startswith("Method:")
    assert ("other", "tulu") not in edges  # case and whole words matter for coined names
    assert report.via_name == 1 and report.added == 1
