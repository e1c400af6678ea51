"""Inferred citations on small listings written here: the rules one at a time.

Names and their case rules, earned introductions, dates, ambiguity, other meanings, confidence,
incremental runs and determinism; the seed-level behaviour is pinned in
test_citations_seeds.py and the measured precision on real abstracts in docs/citations.md.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx
import pytest

from paperkg.graph.build import build_graph
from paperkg.graph.citations import (
    CITES_INFERRED_KEY,
    add_citations,
    cannot_cite,
    inferred_citations,
    paper_claims,
    paper_interval,
    title_lead,
)
from paperkg.graph.citations.claims import Claim, NameStats, generic_reason
from paperkg.graph.citations.infer import confidence, corroboration
from paperkg.graph.citations.names import NameIndex, is_coined
from paperkg.readers import read_listings


def _found(index: NameIndex, text: str) -> list[str]:
    return [name for _, _, name in index.find(text)]


def test_coined_names_only():
    assert all(is_coined(n) for n in ["LoRA", "MBPP", "GPT-4o", "MultiPL-E", "Orca 2", "T5"])
    assert not any(is_coined(n) for n in ["Whisper", "Transformer", "Zero-Shot", "of 2", "A"])


def test_names_match_whole_and_case_exact():
    index = NameIndex(["SAE", "ReAct", "MultiPL", "LoRA", "HumanEval", "Qwen2", "TULU 3"])
    assert _found(index, "We train SAES and SAE-based probes.") == ["SAE"]  # not SAES
    assert _found(index, "REACT retrieves; ReAct acts.") == ["ReAct"]
    assert _found(index, "MultiPL-E extends it.") == []  # a longer name, not MultiPL
    assert _found(index, "LoRA-based tuning beats Q-LoRA and Meta-LoRA.") == ["LoRA"]
    assert _found(index, "HumanEval+ and Qwen2.5 are other names.") == []
    # a version number after a space is a later paper: "LoRA 2.0", "LoRA- 2" (LoRA-2 typed)
    assert _found(index, "LoRA 2.0 and (LoRA- 2) differ; LoRA 500 times.") == ["LoRA"]
    assert _found(index, "LoRA 4.3% and HumanEval 80.1 are scores.") == ["LoRA", "HumanEval"]
    assert _found(index, 'Best practices from T\\"ulu 3 and T\u00dcLU 3.') == ["TULU 3", "TULU 3"]


def test_mentions_are_every_sentences_first_find_of_each_name():
    """_mentions (find asked only around whole-run spellings) gives what find on every
    sentence gives: the first sentence and offset of each name in each paper."""
    from paperkg.core.text import sentences
    from paperkg.graph.citations.infer import _Cites, _mentions

    names = ["SAE", "ReAct", "MultiPL", "LoRA", "HumanEval", "Qwen2", "TULU 3", "Q-LoRA",
             "X-Net", "Orca 2", "A-A", "MBPP"]
    texts = [("LoRA: low-rank adaptation", "We train SAES and SAE-based probes. LoRA-based "
              "tuning beats Q-LoRA and Meta-LoRA. MultiPL-E extends it; MultiPL."),
             ("On HumanEval+", "HumanEval+ and Qwen2.5 are other names. Qwen2 is not. "
              "LoRA 2.0 and (LoRA- 2) differ; LoRA 500 times. MBPP"),
             ("T\\\"ulu 3 and friends", "Best practices from T\\\"ulu 3 and T\u00dcLU 3. Orca 2 "
              "and X-Net, A-A-A and A-A. REACT retrieves; ReAct acts. SAE."),
             ("Nothing", "No name is written here at all, not even lora.")]
    nodes = {f"Paper:{i}": {"label": "Paper", "title": t, "abstract": a}
             for i, (t, a) in enumerate(texts)}
    index = NameIndex(names)
    want: dict[str, list] = {}
    for p, d in sorted(nodes.items()):
        seen: set[str] = set()
        title = d["title"]
        for start, sent in [(0, title), *((len(title) + 1 + s, t)
                                          for s, t in sentences(d["abstract"]))]:
            for s, _, name in index.find(sent):
                if name not in seen:
                    seen.add(name)
                    want.setdefault(name, []).append((p, start + s, s, sent))
    got = {n: [m[:4] for m in ms] for n, ms in _mentions(nodes, index, _Cites(nodes, {})).items()}
    assert got == want and len(want) >= 8


def test_linear_matching_on_a_million_character_title():
    title = "LoRA " * 200_000  # one 1,000,000-character sentence naming the name everywhere
    index = NameIndex(["LoRA"])
    assert sum(1 for _ in index.find(title)) == 200_000
    g = nx.MultiDiGraph()
    g.add_node("Paper:a", label="Paper", title="LoRA: Low-Rank Adaptation", published="2021-06",
               abstract="We propose LoRA, a low-rank adaptation of large models.")
    g.add_node("Paper:b", label="Paper", title=title + "x" * 10, published="2024-01",
               abstract="a" * 1_000_000)
    add_citations(g, min_confidence=0.0)  # completes (was quadratic: issue 16)


@pytest.mark.parametrize(("abstract", "claimed"), [
    ("We introduce LoopBench, a benchmark of 1,204 C programs.", ["LoopBench"]),
    ("This paper introduces two new benchmarks, MBPP and MathQA-Python, to test models.",
     ["MBPP", "MathQA-Python"]),
    ("We propose a practical algorithm, called Trust Region Policy Optimization (TRPO).",
     ["TRPO"]),
    ("We propose a novel method we call Reinforcement Learning with Verifiable Rewards (RLVR).",
     ["RLVR"]),
    # using, extending or naming an existing thing is no introduction
    ("We propose to investigate three novel self-supervised tasks for GCNs.", []),
    ("We propose a new training procedure for ReLU networks.", []),
    ("Specifically, we propose an efficient UNet by removing redundancy.", []),
    ("We propose a novel deep neural network (DNN) based framework for labels.", []),
    ("We report results on five benchmarks, namely HumanEval, MBPP and DS-1000.", []),
    ("We reformulate the popular Model-Agnostic Meta-Learning (MAML) as a robust objective.", []),
    ("We propose the time-invariant steady neural ODE (TisODE), which regularises it.", []),
    # naming what the paper studies is no introduction either ...
    ("This paper investigates a population-based training regime based on game-theoretic "
     "principles called Policy-Spaced Response Oracles (PSRO).", []),
    ("This paper re-examines a continuous optimization framework dubbed NOTEARS for learning "
     "Bayesian networks.", []),
    # a longer numbered name: "VTON 360" is proposed, not the task VTON
    ("Virtual Try-On (VTON) is useful. In this work, we propose VTON 360, a novel 3D VTON "
     "method.", []),
    # ... unless the paper then introduces something itself
    ("We study reward hacking and propose a new method called SafeRL.", ["SafeRL"]),
])
def test_introduction_clauses(abstract, claimed):
    assert [c.name for c in paper_claims("p", "A Title", abstract)] == sorted(claimed)


def test_title_lead_needs_a_coined_name_the_abstract_confirms():
    assert title_lead("MultiPL-E: A Scalable Approach") == "MultiPL-E"
    assert title_lead("Survey: Code Models") is None and title_lead("No Lead Here") is None
    confirmed = paper_claims("p", "MultiPL-E: A Scalable Approach",
                             "We present MultiPL-E, a system for translating benchmarks.")
    assert [(c.name, c.how, c.strong) for c in confirmed] == [("MultiPL-E", "title", True)]
    only_named = paper_claims("p", "CoolNet: Fast Nets", "It is fast. CoolNet runs on phones.")
    assert [(c.name, c.how, c.strong) for c in only_named] == [("CoolNet", "title", False)]
    assert paper_claims("p", "Whisper: Courtside Edition", "We present Whisper, a tool.") == []
    assert paper_claims("p", "CoolNet: Fast Nets", "Fast networks for phones.") == []


def test_corroborated_acronyms():
    stats = {"MBPP": NameStats(76, 0, "2023-06", "2023-12"), "TRPO": NameStats(22, 0, "", ""),
             "CVDP": NameStats(3, 1, "", ""), "SAC": NameStats(125, 6, "", ""),
             "STEM": NameStats(90, 0, "", ""), "LoRA": NameStats(300, 0, "", "")}
    # established in the corpus (1 - 3/76) and its users agree in topic with the claimant
    assert corroboration("MBPP", stats, 0.95) == round(1 - 3 / 76, 4)
    assert 0 < corroboration("MBPP", stats, 0.8) < corroboration("MBPP", stats, 0.9)
    assert corroboration("MBPP", stats, 0.6) == 0.0  # users write about something else
    assert corroboration("CVDP", stats, 1.0) == 0.0  # named by too few corpus papers
    assert corroboration("ABCD", stats, 1.0) == 0.0  # not in the corpus at all
    # three capitals, a common word, a mixed-case name: not corroborated this way
    assert corroboration("SAC", stats, 1.0) == corroboration("STEM", stats, 1.0) == 0.0
    assert corroboration("LoRA", stats, 1.0) == 0.0
    # "two new benchmarks, MBPP and ...", undated pages, few shared topic words: below the
    # default without corroboration, above it with
    claim = Claim("p", "MBPP", "clause", True)
    plain = confidence(claim, "MBPP", 0.064, 0, False, False)
    assert plain < 0.75 <= confidence(claim, "MBPP", 0.064, 0, False, False,
                                      corroboration("MBPP", stats, 0.95))
    assert confidence(claim, "MBPP", 0.064, 0, False, False, 0.0) == plain


def test_generic_names_are_not_specific():
    assert generic_reason("LLM") == "generic"  # named by thousands of corpus papers
    assert generic_reason("AI") == "short" and generic_reason("Whisper") == "word"
    assert generic_reason("MultiPL-E") is None


def test_intervals_from_publication_arxiv_id_and_listing():
    assert paper_interval({"published": "2021"}) == ((2021, 1, 1), (2021, 12, 31))
    assert paper_interval({"arxiv_id": "2108.07732"}) == ((2021, 8, 1), (2021, 8, 31))
    assert paper_interval({"published": "2021-08-16", "arxiv_id": "2108.07732"}) == (
        (2021, 8, 16), (2021, 8, 16))
    # a listing says when a paper was seen: a latest date only
    assert paper_interval({"listing_date": "2024-05-02"}) == (None, (2024, 5, 2))
    assert paper_interval({"listing_date": "--05-02"}) == (None, None)
    a, b = paper_interval({"published": "2021-03"}), paper_interval({"published": "2021-08-16"})
    assert cannot_cite(a, b) and not cannot_cite(b, a)
    assert not cannot_cite(paper_interval({}), b)


# ---------------------------------------------------------------------------------------------
# Graph-level rules (no extraction: the rules read titles and abstracts)

PAPERS = {
    "loop": ("LoopBench: Loop Invariants for Code Models", "2024-03-04",
             "We introduce LoopBench, a benchmark of C programs whose loops need invariants "
             "for verification by language models."),
    "user": ("Teaching Code Models to Verify Loops", "2024-06-01",
             "We fine-tune code language models on verification traces of loops. On LoopBench "
             "our models prove 40% more loop invariants than the base models."),
    "early": ("Loop Invariants Before The Benchmark", "2024-01-10",
              "Code language models verify loops; LoopBench results follow."),
    "undated": ("Loop Verification Without A Date", None,
                "Loop invariants for C programs: language models on LoopBench verify loops."),
    "arm1": ("Guided Decoding with Reward Models", "2024-05-01",
             "We introduce QuorraNet, an autoregressive reward model for guided decoding of text."),
    "arm2": ("Robot Arms in Factories", "2024-05-02",
             "We introduce QuorraNet, a robotic manipulation dataset collected in factories."),
    "dec": ("Faster Decoding", "2024-09-01",
            "We compare against QuorraNet for guided decoding with an autoregressive reward "
            "model."),
    "ram": ("RAMBLE: Replace Attention with MLP Blocks", "2024-02-01",
            "We propose RAMBLE, a forecasting model that replaces attention with MLP blocks."),
    "ram_other": ("Serving Search Indexes", "2024-08-01",
                  "Our index fits in RAMBLE (Random Access Memory Buffer Layer Extension) on "
                  "commodity servers."),
}


def _graph(tmp_path: Path, papers: dict = PAPERS) -> tuple[nx.MultiDiGraph, dict[str, str]]:
    listing = tmp_path / "rules.json"
    listing.write_text(json.dumps([
        {"id": key, "title": t, "abstract": a, **({"published": d} if d else {})}
        for key, (t, d, a) in papers.items()]), encoding="utf-8")
    result = read_listings([listing])
    by_title = {p.title: p.id for p in result.papers}
    return build_graph(result.papers, result.sources, []), {
        k: by_title[t] for k, (t, _, _) in papers.items()}


def _edges(g) -> dict[tuple[str, str], dict]:
    return {(u.split(":", 1)[1], v.split(":", 1)[1]): d for u, v, d in inferred_citations(g)}


def test_citer_names_what_the_cited_paper_introduced(tmp_path: Path):
    g, ids = _graph(tmp_path)
    report = add_citations(g, min_confidence=0.0)
    edges = _edges(g)
    e = edges[(ids["user"], ids["loop"])]
    assert e["name"] == "LoopBench" and e["source"] == "inferred" and e["temporal"] == "ok"
    assert e["evidence"].startswith("On LoopBench our models prove")
    assert e["kind"] == "compares_with"  # "more ... than the base models"
    assert 0.5 < e["confidence"] <= 1.0
    # the undated citer is linked, and says its order could not be checked
    assert edges[(ids["undated"], ids["loop"])]["temporal"] == "unknown"
    # a paper cannot cite a later one: the early mention is not linked, and counted
    assert (ids["early"], ids["loop"]) not in edges and report.later_mentions == 1
    assert not any(v == ids["user"] for _, v in edges)  # no reverse edge


def test_two_claimants_link_none_and_are_counted(tmp_path: Path):
    g, ids = _graph(tmp_path)
    report = add_citations(g, min_confidence=0.0)
    assert not [k for k in _edges(g) if k[1] in (ids["arm1"], ids["arm2"])]
    assert report.ambiguous_names == ["QuorraNet"] and report.ambiguous_mentions == 1


def test_a_citer_that_spells_the_name_out_otherwise_is_not_linked(tmp_path: Path):
    g, ids = _graph(tmp_path)
    report = add_citations(g, min_confidence=0.0)
    assert (ids["ram_other"], ids["ram"]) not in _edges(g)
    assert report.other_meaning_mentions == 1


def test_threshold_keeps_only_confident_edges(tmp_path: Path):
    g, _ = _graph(tmp_path)
    add_citations(g, min_confidence=0.0)
    scores = sorted(d["confidence"] for _, _, d in inferred_citations(g))
    cut = scores[-1]
    report = add_citations(g, min_confidence=cut)
    assert [d["confidence"] for _, _, d in inferred_citations(g)] == [cut] * scores.count(cut)
    assert report.below_threshold == len(scores) - scores.count(cut)


def test_idempotent_deterministic_and_keeps_service_edges(tmp_path: Path):
    g, ids = _graph(tmp_path)
    g.add_edge(f"Paper:{ids['dec']}", f"Paper:{ids['arm1']}", key="CITES|openalex",
               type="CITES", source="openalex", evidence="refs", temporal_conflict=False)
    first = add_citations(g, min_confidence=0.0).summary()
    edges = sorted(_edges(g).items())
    assert add_citations(g, min_confidence=0.0).summary() == first
    assert sorted(_edges(g).items()) == edges
    assert g.has_edge(f"Paper:{ids['dec']}", f"Paper:{ids['arm1']}", key="CITES|openalex")
    # the same papers inserted in another order give the very same edges
    shuffled = nx.MultiDiGraph()
    nodes = list(g.nodes(data=True))
    random.Random(7).shuffle(nodes)
    shuffled.add_nodes_from(nodes)
    add_citations(shuffled, min_confidence=0.0)
    assert sorted(_edges(shuffled).items()) == edges


def test_incremental_run_equals_a_full_run(tmp_path: Path):
    g, ids = _graph(tmp_path)
    full = g.copy()
    add_citations(full, min_confidence=0.0)
    part = g.copy()
    part.remove_node(f"Paper:{ids['user']}")
    add_citations(part, min_confidence=0.0)
    part.add_node(f"Paper:{ids['user']}", **g.nodes[f"Paper:{ids['user']}"])
    add_citations(part, papers=[f"Paper:{ids['user']}"], min_confidence=0.0)
    assert sorted(_edges(part).items()) == sorted(_edges(full).items())
    assert CITES_INFERRED_KEY == "CITES|inferred"


def test_confidence_does_not_depend_on_the_collection(tmp_path: Path):
    """Topic weights and the random-pair baseline come from the shipped corpus statistics, so
    papers added to a collection do not move the confidence of an edge between two others
    (with the collection's own idf this edge went from 0.4 to 1.0)."""
    two = {"zq": ("ZephyrQA: Questions about Weather", "2024-03-01",
                  "We introduce ZephyrQA, a benchmark of weather questions for forecasting "
                  "assistants."),
           "rd": ("Robust Reading Comprehension", "2024-09-01",
                  "Our reader answers questions on ZephyrQA and other reading tasks with "
                  "retrieval.")}
    more = {**two, **{f"x{i}": (f"Weather Study {i}", "2024-07-01",
                                "Forecasting questions for weather assistants.")
                      for i in range(4)}}
    small, _ = _graph(tmp_path, two)
    add_citations(small, min_confidence=0.0)
    big, _ = _graph(tmp_path, more)
    add_citations(big, min_confidence=0.0)
    assert list(_edges(small).values())[0]["confidence"] == 0.811
    assert _edges(small) == _edges(big)


def test_kept_claims_give_the_same_edges_and_stale_ones_are_not_used(tmp_path: Path):
    """Per-paper results kept with a paper (cache.paper_features: claims, words, sentences)
    stand in for its own only when their key matches its text and the citation code: a stale
    entry is ignored."""
    from paperkg.graph.citations.cache import features_key, paper_features

    g, ids = _graph(tmp_path)
    full = g.copy()
    want = add_citations(full, min_confidence=0.0).summary()
    papers = {n: d for n, d in g.nodes(data=True) if d.get("label") == "Paper"}
    kept = {n: json.loads(json.dumps(paper_features(d["title"], d.get("abstract") or "")))
            for n, d in papers.items()}  # as the store keeps them: plain JSON
    cached = g.copy()
    assert add_citations(cached, min_confidence=0.0, features=kept).summary() == want
    assert sorted(_edges(cached).items()) == sorted(_edges(full).items())
    loop = f"Paper:{ids['loop']}"
    assert kept[loop]["claims"] == [["LoopBench", "title", True, ""]]
    # an entry that claims nothing, once under the paper's own key (it is trusted: no edge to
    # LoopBench's claimant) and once under another text's key (ignored: the edges stay)
    trusted = {**kept, loop: {**kept[loop], "claims": []}}
    assert (ids["user"], ids["loop"]) not in _edges(_cited(g, trusted))
    stale = {**kept, loop: {**kept[loop], "key": features_key("another title", ""),
                            "claims": []}}
    assert sorted(_edges(_cited(g, stale)).items()) == sorted(_edges(full).items())
    assert features_key("a", "bc") != features_key("ab", "c")


#: More papers for updates: a longer name under a kept one's first run ("QNet 2" takes the
#: mention from "QNet"), two names of one paper where a new rival claimant makes one ambiguous,
#: links by arXiv id (one from a paper naming nothing of the cited one), users of old and new
#: names.
UPDATE_PAPERS = {
    **PAPERS,
    "pro": ("LoopBench-Pro: Harder Loop Invariants", "2024-08-01",
            "We introduce LoopBench-Pro, a harder benchmark of loops for code models."),
    "pro_user": ("Solving Harder Loops", "2024-10-01",
                 "Our verifier solves LoopBench-Pro and LoopBench loops with language models."),
    "sum": ("Loop Summaries", "2024-03-20",
            "We introduce SumLoop, a summariser of loops. We also release SumBench, a "
            "benchmark of loop summaries; see arxiv.org/abs/2403.01234 for LoopBench."),
    "sum_user": ("Summaries in Verification", "2024-11-02",
                 "Using SumLoop summaries and the SumBench benchmark, code models verify loops."),
    "sum_rival": ("Summing Loops Otherwise", "2024-03-25",
                  "We propose SumLoop, a loop summation kernel for GPUs."),
    "id_only": ("Verification Notes", "2024-09-09",
                "Follow-up notes on the results of arxiv.org/abs/2403.01234 and their limits."),
    "qnet": ("QNet: Quantile Networks", "2023-01-01",
             "We introduce QNet, a quantile network for returns."),
    "qnet2": ("QNet 2: Quantile Networks Again", "2024-01-01",
              "We introduce QNet 2, a faster quantile network for returns."),
    "q_user": ("Distributional Returns", "2024-06-01",
               "We compare against QNet 2 on quantile returns of agents."),
}


def _update_graph(tmp_path: Path, listed: dict) -> tuple:
    """The graph of papers (id -> (title, date, abstract)) read from a listing, its Paper ids in
    order, and each paper's kept citation entry (as stored: through JSON)."""
    rows = [{"id": k, "title": t, "abstract": a, **({"published": d} if d else {}),
             **({"arxiv_id": "2403.01234"} if k == "loop" else {})}
            for k, (t, d, a) in listed.items()]
    return graph_with_kept(tmp_path / "update.json", rows)


def graph_with_kept(listing: Path, rows: list[dict]) -> tuple:
    """The graph of listing rows written to LISTING, its Paper ids in order, and each paper's
    kept citation entry (as stored: through JSON)."""
    from paperkg.graph.citations.cache import paper_features

    listing.write_text(json.dumps(rows), encoding="utf-8")
    result = read_listings([listing])
    g = build_graph(result.papers, result.sources, [])
    papers = sorted(n for n, d in g.nodes(data=True) if d.get("label") == "Paper")
    kept = {n: json.loads(json.dumps(paper_features(g.nodes[n]["title"],
                                                    g.nodes[n].get("abstract") or "")))
            for n in papers}
    return g, papers, kept


def test_an_update_judges_only_what_new_papers_touch_and_equals_a_full_run(tmp_path: Path):
    """add_citations(previous=...) after papers are added, in random splits, gives the edges
    (every property) of a full run over all of them."""
    from paperkg.graph.citations import Previous

    g, papers, kept = _update_graph(tmp_path, UPDATE_PAPERS)
    full = g.copy()
    add_citations(full, min_confidence=0.0, features=kept)
    want = sorted(_edges(full).items())
    assert len(want) >= 6 and any(d["name"] == "" for _, d in want)  # an identifier edge
    splits = [[[n for n in papers if n != last], [last]] for last in papers]  # one new paper
    for seed in range(8):  # and three random parts
        rnd = random.Random(seed)
        order = papers[:]
        rnd.shuffle(order)
        cuts = sorted(rnd.sample(range(1, len(order)), 2))
        splits.append([order[:cuts[0]], order[cuts[0]:cuts[1]], order[cuts[1]:]])
    updated = []
    for parts in splits:
        grown = nx.MultiDiGraph()
        for i, part in enumerate(parts):
            stored = [(u, v, dict(d)) for u, v, d in inferred_citations(grown)]
            grown.add_nodes_from((n, g.nodes[n]) for n in part)
            report = add_citations(grown, min_confidence=0.0, features=kept,
                                   previous=Previous(stored, set(part)) if i else None)
        assert sorted(_edges(grown).items()) == want, parts[-1]
        updated.append(report.updated_names)
    assert min(updated) < len({c[0] for x in kept.values() for c in x["claims"]})


def test_the_fingerprint_covers_every_module_per_paper_results_are_made_by():
    """cache.fingerprint hashes _MADE_BY: every module of the package the per-paper results'
    modules import (transitively) is there, and the inference is not (its changes keep the
    kept entries)."""
    import ast

    from paperkg.graph.citations import cache

    root = Path(cache.__file__).parent
    todo, seen = ["cache.py"], set()
    while todo:
        mod = todo.pop()
        seen.add(mod)
        for node in ast.walk(ast.parse((root / mod).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                if f"{node.module}.py" not in seen:
                    todo.append(f"{node.module}.py")
    assert seen <= set(cache._MADE_BY) and "infer.py" not in cache._MADE_BY


def _cited(g: nx.MultiDiGraph, features: dict) -> nx.MultiDiGraph:
    out = g.copy()
    add_citations(out, min_confidence=0.0, features=features)
    return out


def test_a_build_keeps_each_papers_claims_in_its_state(tmp_path: Path, monkeypatch):
    """A build makes each paper's claims once and keeps them; an update makes only the new
    paper's, judges only the names it touches (the default threshold: the stored edges are
    that threshold's), and its edges are a fresh build's."""
    from paperkg.graph.citations import cache
    from paperkg.graph.citations.cache import features_key
    from paperkg.graph.ladybug_store import read_state
    from paperkg.graph.pipeline import build

    made: list[str] = []

    def counting(paper, title, abstract, *folded):
        made.append(title)
        return paper_claims(paper, title, abstract, *folded)

    monkeypatch.setattr(cache, "paper_claims", counting)
    listing, more = tmp_path / "rules.json", tmp_path / "more.json"
    rows = [{"id": k, "title": t, "abstract": a, **({"published": d} if d else {}),
             **({"arxiv_id": "2403.01234"} if k == "loop" else {})}
            for k, (t, d, a) in UPDATE_PAPERS.items()]
    listing.write_text(json.dumps(rows[1:]), encoding="utf-8")
    more.write_text(json.dumps(rows[:1]), encoding="utf-8")
    db, fresh = tmp_path / "kg.lbug", tmp_path / "fresh.lbug"
    build([listing], db=db, fast=True)
    assert sorted(made) == sorted(r["title"] for r in rows[1:])
    made.clear()
    report = build([more], db=db, fast=True)
    assert made == [rows[0]["title"]]  # the kept papers' claims came from the store
    assert 0 < report.citations["updated_names"] < report.citations["claims"]
    build([listing, more], db=fresh, fast=True)
    from paperkg.graph.ladybug_store import load_graph

    assert sorted(_edges(load_graph(db)).items()) == sorted(_edges(load_graph(fresh)).items())
    assert len(_edges(load_graph(db))) >= 4
    state = {pid: json.loads(x) for pid, (_, x) in read_state(db).items()}
    assert len(state) == len(UPDATE_PAPERS) and all(len(x) == 4 for x in state.values())
    title, _, abstract = PAPERS["loop"]
    (entry,) = [x[3] for x in state.values() if x[3]["claims"][:1] == [
        ["LoopBench", "title", True, ""]]]
    assert entry["key"] == features_key(title, abstract)


def test_an_update_through_the_stored_index_equals_a_full_run(tmp_path: Path):
    """The same splits with the store's per-name index (citations/stored.py) instead of every
    kept paper's entry: the update is handed only the new papers' entries, reads the others'
    records and postings from the index, and gives a full run's edges; the index an update
    leaves (StoredIndex.changes) is the one made from all the papers' entries."""
    from paperkg.graph.citations import Previous
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.stored import StoredIndex, index_rows

    # and a name without a coined run, looked for in every paper's text
    more = {"orca": ("Orca 2: Teaching Small Language Models", "2023-11-01",
                     "We introduce Orca 2, a small language model taught to reason."),
            "orca_user": ("Small Reasoners", "2024-02-01",
                          "We fine-tune Orca 2 on math word problems.")}
    g, papers, kept = _update_graph(tmp_path, {**UPDATE_PAPERS, **more})
    by_id = {n.split(":", 1)[1]: e for n, e in kept.items()}
    full = g.copy()
    add_citations(full, min_confidence=0.0, features=kept)
    want = sorted(_edges(full).items())
    assert any(d["name"] == "Orca 2" for _, d in want)
    splits = [[[n for n in papers if n != last], [last]] for last in papers]
    for seed in range(8):
        rnd = random.Random(seed)
        order = papers[:]
        rnd.shuffle(order)
        cuts = sorted(rnd.sample(range(1, len(order)), 2))
        splits.append([order[:cuts[0]], order[cuts[0]:cuts[1]], order[cuts[1]:]])
    for parts in splits:
        grown = nx.MultiDiGraph()
        index: list[tuple[str, str]] = []
        for i, part in enumerate(parts):
            stored = [(u, v, dict(d)) for u, v, d in inferred_citations(grown)]
            grown.add_nodes_from((n, g.nodes[n]) for n in part)
            new = {n.split(":", 1)[1]: by_id[n.split(":", 1)[1]] for n in part}
            if i:
                held = StoredIndex(None, index, by_id)
                add_citations(grown, min_confidence=0.0, features={n: kept[n] for n in part},
                              previous=Previous(stored, set(part), kept=held))
                gone, made = held.changes({}, new)
                index = sorted({**{k: v for k, v in index if k not in set(gone)},
                                **dict(made)}.items())
            else:
                add_citations(grown, min_confidence=0.0, features=kept)
                index = index_rows(new)
            have = {n.split(":", 1)[1] for n in grown if n.startswith("Paper:")}
            assert sorted(index) == sorted(index_rows({p: by_id[p] for p in have}))
        assert sorted(_edges(grown).items()) == want, parts[-1]
    # a stored paper's text changes: its old keys and links leave the index, its new ones join
    old = by_id["sum"]
    changed = json.loads(json.dumps(paper_features("Loop Summaries", "We introduce SumLoopX.")))
    gone, made = StoredIndex(None, index_rows(by_id), by_id).changes({"sum": old},
                                                                    {"sum": changed})
    index = {k: v for k, v in index_rows(by_id) if k not in set(gone)} | dict(made)
    assert sorted(index.items()) == sorted(index_rows({**by_id, "sum": changed}))
    assert index["k\tSumBench"] == "sum_user" and index["k\tSumLoopX"] == "sum"


def test_names_without_a_coined_run_are_filed_under_a_pair_of_runs():
    """A name without a coined run ('Orca 2', 'A-Crab') is found through the first pair of runs
    it writes (stored.name_pair): every paper's entry keeps the pairs its text writes as whole
    runs, and the index files the papers under them (rows "p\\t<pair>")."""
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.names import name_parts
    from paperkg.graph.citations.stored import index_rows, name_pair

    f = paper_features("A-Crab: Orca 2 and Peace 2.0",
                       "We compare P-Check, XA-Crab, Best-of-N and LLM-X.\nModel 2 is ours.")
    assert f["pairs"] == ["A-Crab", "Model 2", "Orca 2", "P-Check", "Peace 2", "of-N"]
    assert [name_pair(name_parts(n)) for n in ("A-Crab", "Peace 2.0", "Best-of-N", "e-4DGS")
            ] == ["A-Crab", "Peace 2", "of-N", None]
    rows = dict(index_rows({"x": f}))
    assert rows["p\tOrca 2"] == "x" and rows["p\tA-Crab"] == "x"
    assert "p\tXA-Crab" not in rows and "p\tLLM-X" not in rows  # coined runs: keys


def test_long_paper_lists_of_the_index_are_kept_compressed_and_read_back():
    """A CiteIndex row whose papers are many (or whose first id starts like a packed value) is
    kept compressed; StoredIndex reads the same ids back, and an update's rewrite of such a row
    (StoredIndex.changes) is the row a build of all the papers makes."""
    from paperkg.graph.citations.cache import paper_features
    from paperkg.graph.citations.stored import _PACK_OVER, StoredIndex, index_rows

    many = {f"paper-{i:04d}": paper_features(f"Study {i}", "We evaluate LoRA on MBPP.")
            for i in range(200)}
    odd = {"=odd": paper_features("Odd Ids", "We tune RareNetX.")}
    rows = dict(index_rows({**many, **odd}))
    plain = " ".join(sorted(many))
    assert len(plain) > _PACK_OVER
    assert rows["k\tLoRA"] != plain and len(rows["k\tLoRA"]) < len(plain) / 2
    assert rows["k\tRareNetX"] != "=odd"  # would read as packed: packed too
    held = StoredIndex(None, rows.items(), {**many, **odd})
    got = held.postings(["k\tLoRA", "k\tMBPP", "k\tRareNetX", "k\tNone"])
    assert got == {"k\tLoRA": sorted(many), "k\tMBPP": sorted(many), "k\tRareNetX": ["=odd"],
                   "k\tNone": []}
    new = {"paper-9999": paper_features("Late", "We fine-tune LoRA.")}
    gone, made = held.changes({}, new)
    index = {k: v for k, v in rows.items() if k not in set(gone)} | dict(made)
    assert index == dict(index_rows({**many, **odd, **new}))
    assert StoredIndex(None, index.items(), {}).holding(["LoRA"]) == {*many, "paper-9999"}


def test_judged_in_a_child_as_here(tmp_path: Path, monkeypatch):
    """A fresh build's citation judging and CiteIndex table made in a spawned child (from
    the Paper nodes and the state spool's citation results) are those made in this process;
    a child that cannot run them leaves them to this process."""
    from paperkg.graph import pipeline as gp
    from paperkg.graph.citations.cache import paper_features

    g, _ = _graph(tmp_path)
    spool = gp.StateSpool(tmp_path / "state.parquet", packed=False)
    for n, d in sorted(g.nodes(data=True)):
        if d.get("label") == "Paper":
            spool.add(n.split(":", 1)[1], "h", json.dumps(
                [[], [], [], paper_features(d.get("title") or "", d.get("abstract") or "")]))
    spool.close()
    here = gp._judge_spooled(gp._cited_nodes(g), str(spool.path))
    assert here[0][2].num_rows and here[1].named and here[1].identified == []
    child = gp._Judging(g, spool.path).result(g)
    assert child[0][2].equals(here[0][2]) and child[1] == here[1]

    made = []

    def in_this_process(nodes, path):
        made.append(path)
        return here

    monkeypatch.setattr(gp, "_judge_spooled", in_this_process)
    monkeypatch.setattr(gp, "_JUDGE_CHILD", "raise SystemExit(1)")  # a child that fails
    assert gp._Judging(g, spool.path).result(g) is here and made == [str(spool.path)]
    # the graph's citations from what was judged are add_citations' own
    want = g.copy()
    add_citations(want, min_confidence=0.0)
    add_citations(g, min_confidence=0.0, judged=child[1])
    assert sorted(map(repr, inferred_citations(g))) == sorted(map(repr, inferred_citations(want)))
    assert _edges(g)
