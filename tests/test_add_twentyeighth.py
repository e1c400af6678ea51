"""Twenty-eighth pass (issue 13, adding papers): work made while an add waits for its extraction."""

from __future__ import annotations

from paperkg.graph import schema as S
from paperkg.graph.build import add_bare_nodes, bare_nodes, empty_graph


def test_bare_nodes_join_after_the_graphs_own_and_behave_as_added_ones():
    g = empty_graph()
    g.add_node("Paper:p2", label=S.PAPER, title="from the part")
    g.add_node("Dataset:d", label=S.DATASET, name="Toy Set")
    made = bare_nodes((k, {"label": S.PAPER, "title": t}) for k, t in (
        ("Paper:p1", "Alpha"), ("Paper:p2", "made early"), ("Paper:p3", "Gamma")))
    add_bare_nodes(g, made)
    assert list(g) == ["Paper:p2", "Dataset:d", "Paper:p1", "Paper:p3"]
    assert g.nodes["Paper:p2"]["title"] == "from the part"  # g's own node is kept
    assert dict(g.nodes["Paper:p3"]) == {"label": S.PAPER, "title": "Gamma"}
    assert g.number_of_nodes() == 4 and "Paper:p1" in g.nodes
    g.add_edge("Paper:p3", "Paper:p1", key="CITES|inferred", type=S.CITES)
    g.add_edge("Paper:p3", "Dataset:d", key=S.USES, type=S.USES)
    assert sorted(g.successors("Paper:p3")) == ["Dataset:d", "Paper:p1"]
    assert list(g.predecessors("Paper:p1")) == ["Paper:p3"] and g.in_degree("Paper:p2") == 0
    g.remove_node("Paper:p3")
    assert list(g) == ["Paper:p2", "Dataset:d", "Paper:p1"] and g.number_of_edges() == 0


def test_an_update_makes_the_stored_claims_beside_its_other_reads(monkeypatch):
    from paperkg.graph import registry_store
    class Index:
        names = {"Quolm-7", "Brix"}
        made = 0

        def claims_by_node(self):
            Index.made += 1

    monkeypatch.setattr(registry_store, "_cite_index", lambda store: Index())
    monkeypatch.setattr(registry_store, "_steady_rows", lambda store, ends: [("p", "x", "y")])
    index, rows = registry_store._cite_read(None, ["p"])
    assert isinstance(index, Index) and rows == [("p", "x", "y")]
    assert Index.made == 1
    monkeypatch.setattr(registry_store, "_cite_index", lambda store: None)
    assert registry_store._cite_read(None, [])[0] is None


def test_the_stored_index_makes_its_claims_once_and_the_citations_read_them():
    from paperkg.graph.citations.claims import Claim
    from paperkg.graph.citations.infer import _Cites
    from paperkg.graph.citations.stored import StoredIndex, index_rows

    def entry(claims, lead=None, links=()):
        return {"claims": claims, "lead": lead, "starts": "", "links": list(links), "pairs": [],
                "key": "k", "spans": []}

    entries = {"a1": entry([["Quolm", "title", 1, ""], ["QX-2", "clause", 0, "quick x"]],
                           lead="Quolm"),
               "a2": entry([], links=["2401.00001"]), "a3": entry([])}
    index = StoredIndex(None, rows=index_rows(entries), entries=entries)
    made = index.claims_by_node()
    assert made == {"Paper:a1": [Claim("Paper:a1", "Quolm", "title", True, ""),
                                 Claim("Paper:a1", "QX-2", "clause", False, "quick x")]}
    assert index.claims_by_node() is made
    nodes = {f"Paper:{p}": {"title": "T", "abstract": ""} for p in ("a1", "a2", "a3", "n1")}
    cites = _Cites(nodes, {}, index, ["Paper:n1"])
    assert cites.claims("Paper:a1") is made["Paper:a1"]
    assert cites.claims("Paper:a2") == [] and cites.claims("Paper:a3") == []
    assert cites.lead("Paper:a1") == "Quolm" and cites.links("Paper:a2") == ["2401.00001"]
