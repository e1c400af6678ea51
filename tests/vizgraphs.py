"""Small graphs in the networkx contract for the viz tests (hostile text included)."""

from __future__ import annotations

import random

import networkx as nx

from paperkg.graph import schema as S

ALERT_IMG = "<img src=x onerror=alert(1)>"
ALERT_SCRIPT = "<script>alert(2)</script>"
MARKER_IMG = "<img src=x onerror=\"document.title='PWNED';window.__pwned=1\">"
MARKER_SCRIPT = "<script>window.__pwned=2</script>"
HOSTILE = f"{ALERT_IMG} {ALERT_SCRIPT} {MARKER_IMG} {MARKER_SCRIPT}"


def _node(g: nx.MultiDiGraph, label: str, id_: str, **props) -> str:
    key = S.node_key(label, id_)
    g.add_node(key, label=label, id=id_, **props)
    return key


def _edge(g: nx.MultiDiGraph, a: str, b: str, rel: str, **props) -> None:
    key = f"{rel}|{props.get('source', 'inferred')}" if rel == S.CITES else rel
    g.add_edge(a, b, key=key, type=rel, **props)


def small_graph() -> nx.MultiDiGraph:
    """Two papers, a method, a dataset, a benchmark and a repository; hostile text everywhere."""
    g = nx.MultiDiGraph()
    p1 = _node(g, S.PAPER, "2401.00001", title=f"LoRA for everyone {ALERT_IMG}",
               abstract=f"We introduce LoRA-X, a method {HOSTILE}. The second sentence is "
                        "not shown.", url="https://arxiv.org/abs/2401.00001",
               published="2024-01-02", authors=3)
    p2 = _node(g, S.PAPER, "2402.00002", title="Evaluating adapters",
               abstract="We use LoRA-X on GLUE. More text.", url="javascript:alert(3)")
    m = _node(g, S.METHOD, "lora-x", name=f"LoRA-X {MARKER_IMG}", aliases=["Low-Rank X"],
              paper_count=2)
    d = _node(g, S.DATASET, "glue", name="GLUE", aliases=[], paper_count=1)
    b = _node(g, S.BENCHMARK, "mmlu", name="MMLU", aliases=[], paper_count=1)
    r = _node(g, S.REPOSITORY, "github.com/acme/lorax", url="https://github.com/acme/lorax",
              host="github.com", owner="acme", name="lorax", kind="code")
    _edge(g, p1, m, S.INTRODUCES, evidence=f"We introduce LoRA-X {MARKER_SCRIPT}.",
          surface="LoRA-X", extractor="rule:introduce", confidence=0.9, char_start=10,
          char_end=16)
    _edge(g, p2, m, S.USES, evidence="We use LoRA-X on GLUE.", surface="LoRA-X",
          extractor="rule:use", confidence=0.8)
    _edge(g, p2, d, S.EVALUATED_ON, evidence="We use LoRA-X on GLUE.", surface="GLUE")
    _edge(g, p1, b, S.EVALUATED_ON, evidence="Results on MMLU.", surface="MMLU")
    _edge(g, p1, r, S.HAS_CODE, evidence="Code: https://github.com/acme/lorax")
    _edge(g, p2, p1, S.CITES, kind="uses", entity=m, evidence="We use LoRA-X on GLUE.",
          source="inferred")
    return g


def star_graph(spokes: int = 20) -> nx.MultiDiGraph:
    """One method used by `spokes` papers; paper i also uses i datasets (later papers busier)."""
    g = nx.MultiDiGraph()
    hub = _node(g, S.METHOD, "hub", name="Hub", aliases=[], paper_count=spokes)
    for i in range(spokes):
        p = _node(g, S.PAPER, f"p{i:03d}", title=f"Paper {i:03d}", abstract="A. B.")
        _edge(g, p, hub, S.USES, evidence=f"Paper {i} uses Hub.")
        for j in range(i % 4):
            d = _node(g, S.DATASET, f"d{i:03d}-{j}", name=f"Data {i}-{j}", aliases=[],
                      paper_count=1)
            _edge(g, p, d, S.USES, evidence="uses data")
    return g


def synthetic_graph(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """About n_nodes papers and entities, each paper naming a few (skewed towards hubs)."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    n_papers = max(1, n_nodes * 2 // 5)
    entities = []
    for j in range(n_nodes - n_papers):
        label = S.ENTITY_LABELS[j % len(S.ENTITY_LABELS)]
        entities.append(_node(g, label, f"e{j}", name=f"{label} {j}", aliases=[],
                              paper_count=0))
    for i in range(n_papers):
        p = _node(g, S.PAPER, f"p{i}", title=f"Paper {i} about things",
                  abstract=f"We study thing {i}. Second sentence.")
        for _ in range(rnd.randint(1, 6)):
            e = entities[int(len(entities) * rnd.random() ** 2)]
            role = "introduced" if rnd.random() < 0.1 else "used"
            _edge(g, p, e, S.rel_for(S.split_key(e)[0], role), evidence=f"Paper {i} names it.")
    for e in entities:
        if g.degree(e) == 0:
            p = S.node_key(S.PAPER, f"p{rnd.randrange(n_papers)}")
            _edge(g, p, e, S.rel_for(S.split_key(e)[0], "used"), evidence="names it")
    return g
