"""Thirtieth pass (speed): a fresh build's graph step hands its entity edges to the EdgeSpill as
value tuples and writes a paper's Result rows without a scratch graph, with the same rows in
the same order."""

from __future__ import annotations

from paperkg.core.records import Entity, Mention, Paper, PaperExtraction, Result
from paperkg.graph import schema as S
from paperkg.graph.build import ENTITY_EDGE_PROPS, add_results, build_graph, empty_graph


class _Rows:
    """An EdgeSpill's `row` and `node`, recorded."""

    def __init__(self) -> None:
        self.got: list[tuple] = []

    def row(self, u: str, v: str, rel: str, attrs: dict) -> None:
        self.got.append(("row", u, v, rel, dict(attrs)))

    def node(self, attrs: dict) -> None:
        self.got.append(("node", dict(attrs)))


def _extraction() -> PaperExtraction:
    """An invented paper: two entities, three results, two of them at one offset (one id)."""
    quill = Entity("QuillNet", "METHOD", "introduced", ["QN"],
                   [Mention("QuillNet", 0, 8, "QuillNet."),
                    Mention("QuillNet", 20, 28, "We propose QuillNet.")], 0.9, "intro",
                   "quillnet")
    pebble = Entity("Pebble Bench", "BENCHMARK", "used", [], [], 1.0, "gaz", "pebble bench")
    return PaperExtraction("p1", [quill, pebble], results=[
        Result("91.2%", "score", system="QN", benchmark="pebble bench", start=40, end=45,
               sentence="QN gets 91.2% on Pebble Bench.", number=91.2, unit="%"),
        Result("3.0x", "ratio", system="Nowhere", start=60, end=64, sentence="3.0x faster."),
        Result("91.2%", "score", metric="accuracy", condition="tuned", start=40, end=45,
               sentence="again"),
    ])


def test_result_rows_come_as_a_graph_of_the_results_would_give_them():
    """One Result node per id (the second filling in only what the first lacked), one edge
    per (from, to, type), the first; the nodes, then the first result's links, the paper's
    REPORTS_RESULT edges, the other results' links."""
    ex = _extraction()
    g = empty_graph()
    for key in ("Paper:p1", "Method:quillnet", "Benchmark:pebble bench"):
        g.add_node(key)
    rows = _Rows()
    add_results(g, ex, rows)
    first = {"label": S.RESULT, "id": "p1#r40", "value": "91.2%", "number": 91.2, "unit": "%",
             "kind": "score", "condition": "tuned", "system": "QN",
             "benchmark": "pebble bench", "metric": "accuracy"}
    second = {"label": S.RESULT, "id": "p1#r60", "value": "3.0x", "number": None, "unit": "",
              "kind": "ratio", "condition": None, "system": "Nowhere", "benchmark": None,
              "metric": None}
    reported = {"type": S.REPORTS_RESULT, "extractor": "results"}
    assert rows.got == [
        ("node", first), ("node", second),
        ("row", "Result:p1#r40", "Method:quillnet", S.OF, {"type": S.OF}),
        ("row", "Result:p1#r40", "Benchmark:pebble bench", S.MEASURED_ON,
         {"type": S.MEASURED_ON}),
        ("row", "Paper:p1", "Result:p1#r40", S.REPORTS_RESULT,
         {**reported, "evidence": "QN gets 91.2% on Pebble Bench.", "char_start": 40,
          "char_end": 45, "surface": "91.2%"}),
        ("row", "Paper:p1", "Result:p1#r60", S.REPORTS_RESULT,
         {**reported, "evidence": "3.0x faster.", "char_start": 60, "char_end": 64,
          "surface": "3.0x"}),
    ]
    # the same nodes and edges as the graph holds them without rows
    add_results(g, ex)
    assert {k: v for k, v in g.nodes["Result:p1#r40"].items()} == first
    assert sorted((u, v, k) for u, v, k in g.edges(keys=True)) == sorted(
        (r[1], r[2], r[3]) for r in rows.got if r[0] == "row")


def test_entity_edges_are_handed_as_values_in_the_property_order():
    """entity_edges gets each edge's values as a tuple in ENTITY_EDGE_PROPS' order: zipped,
    the attributes the graph's own edge has without entity_edges."""
    ex = _extraction()
    paper = Paper(id="p1", title="QuillNet", abstract="We propose QuillNet on Pebble Bench.")
    handed: list[tuple] = []
    build_graph([paper], [], [ex], entity_edges=lambda *a: handed.append(a))
    whole = build_graph([paper], [], [_extraction()])
    assert [(u, v, k) for u, v, k, _ in handed] == [
        ("Paper:p1", "Method:quillnet", S.INTRODUCES),
        ("Paper:p1", "Benchmark:pebble bench", S.EVALUATED_ON)]
    for u, v, rel, values in handed:
        assert isinstance(values, tuple)
        assert {"type": rel, **dict(zip(ENTITY_EDGE_PROPS, values, strict=True))} == \
            whole.edges[u, v, rel]
    assert whole.edges["Paper:p1", "Method:quillnet", S.INTRODUCES]["char_start"] == 20
    for rel in {S.rel_for(label, role) for label in S.ENTITY_LABELS
                for role in ("introduced", "used")}:
        assert tuple(S.REL_TYPES[rel].prop_names) == ENTITY_EDGE_PROPS
