"""A synthetic graph in the build contract, for benchmarks (deterministic for a seed)."""

from __future__ import annotations

import random

import networkx as nx

from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph

_WORDS = ("graph neural sparse robust code agent policy reward vision language latent diffusion "
          "retrieval planning offline online contrastive causal symbolic federated").split()


def synthetic_graph(n_papers: int = 100_000, seed: int = 0, entities_per_paper: int = 4,
                    cites_per_paper: int = 2) -> nx.MultiDiGraph:
    """Papers with entity, repository, source and citation edges, sized like real listings."""
    rng = random.Random(seed)
    g = empty_graph()
    add_node(g, S.SOURCE, {"id": "synthetic", "path": "synthetic", "name": "synthetic",
                           "layout": "jsonl", "paper_count": n_papers})
    pools = {label: [f"{label.lower()}-{i}" for i in range(max(10, n_papers // 25))]
             for label in S.ENTITY_LABELS}
    for label, ids in pools.items():
        for eid in ids:
            add_node(g, label, {"id": eid, "name": eid.replace("-", " ").title(),
                                "aliases": [eid.upper()], "paper_count": 0})
    labels = list(S.ENTITY_LABELS)
    for i in range(n_papers):
        pid = f"p{i:07d}"
        words = rng.sample(_WORDS, 5)
        title = " ".join(w.capitalize() for w in words) + f" {i}"
        pk = add_node(g, S.PAPER, {
            "id": pid, "title": title, "abstract": f"We study {' and '.join(words)}. " * 3,
            "authors": rng.randint(1, 12), "published": f"{2015 + i % 10}-{1 + i % 12:02d}-01",
            "title_key": title.lower(), "source_count": 1})
        add_edge(g, pk, S.node_key(S.SOURCE, "synthetic"), S.LISTED_IN, {"line": i + 1})
        for j in range(entities_per_paper):
            label = labels[(i + j) % len(labels)]
            eid = pools[label][int(rng.paretovariate(1.2)) % len(pools[label])]
            role = "introduced" if rng.random() < 0.05 else "used"
            add_edge(g, pk, S.node_key(label, eid), S.rel_for(label, role), {
                "evidence": f"We use {eid}.", "char_start": 7, "char_end": 7 + len(eid),
                "surface": eid, "extractor": "synthetic", "confidence": 0.9, "mentions": 1})
        if i % 3 == 0:
            owner = f"owner{i % 997}"
            rk = add_node(g, S.REPOSITORY, {
                "id": f"https://github.com/{owner}/repo{i}", "url": f"https://github.com/{owner}/repo{i}",
                "host": "github.com", "owner": owner, "name": f"repo{i}", "kind": "code"})
            add_edge(g, pk, rk, S.HAS_CODE, {"evidence": "Code is available.", "char_start": 0,
                                              "char_end": 10})
        for _ in range(cites_per_paper if i else 0):
            j = rng.randrange(0, i)
            add_edge(g, pk, S.node_key(S.PAPER, f"p{j:07d}"), S.CITES, {
                "kind": "uses", "entity": None, "evidence": "We build on it.",
                "source": "inferred", "temporal_conflict": False})
    for n, d in g.nodes(data=True):
        if d["label"] in S.ENTITY_LABELS:
            d["paper_count"] = g.in_degree(n)
    return g
