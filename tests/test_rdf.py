"""RDF export: round trips through independent parsers, hostile text, SHACL, IRIs, formats."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS

from paperkg.core.csvcells import original
from paperkg.core.errors import UserError
from paperkg.graph import rdf
from paperkg.graph import schema as S
from paperkg.graph.build import add_edge, add_node, empty_graph
from paperkg.graph.export import atomic_output, export
from tests.rdf_tools import rapper_count

ROOT = Path(__file__).resolve().parent.parent

PKG = rdflib.Namespace(S.PKG_ONTOLOGY)
PROV = rdflib.Namespace(S.PREFIXES["prov"])

# Text that breaks naive writers: quotes, backslashes, newlines, angle brackets, non-ASCII,
# LaTeX, a Turtle long-string terminator, control characters and a lone '\r'.
HOSTILE = ('He said "hi" \\ then \\" left\nline two\r\n<b>x</b> > < & café 東京 🚀 '
           '$\\alpha_{1}$ \\textbf{B} 50\\% """ \'\'\' \t tab \x00 nul \x07 bell \x7f')
HOSTILE_IDS = ("2401.00001", "10.1000/xyz (v2)?#frag", "name.", "-dash", ".dot", "a~b",
               "ünïcode/≈", "50%", "a b\\c\"d")


def hostile_graph() -> nx.MultiDiGraph:
    """A small graph in the build contract with hostile text and ids everywhere."""
    g = empty_graph()
    src = add_node(g, S.SOURCE, {"id": "abc123", "path": "/tmp/l\"st.txt", "name": "l\"st.txt",
                                 "layout": "blocks", "listing_date": "2024-01-05",
                                 "paper_count": 2})
    papers = []
    for i, pid in enumerate(HOSTILE_IDS):
        papers.append(add_node(g, S.PAPER, {
            "id": pid, "title": f"{HOSTILE} #{i}", "abstract": HOSTILE * 2, "authors": i,
            "published": ("2024-01-02", "2023-11", "2022", "--03-04")[i % 4],
            "listing_date": "2024-01-05", "arxiv_id": pid, "doi": None,
            "url": "https://arxiv.org/abs/x?a=1&b=<2>", "title_key": "t", "source_count": 1,
            "venue": "NeurIPS \"24\"", "author_names": ["Zoë O'Neil", "李 雷", "Zoë O'Neil"]}))
        add_edge(g, papers[-1], src, S.LISTED_IN, {"line": i + 1, "listing_date": "2024-01-05"})
    entities = {}
    for label in S.ENTITY_LABELS:
        entities[label] = add_node(g, label, {"id": f"{label.lower()} {HOSTILE_IDS[1]}",
                                              "name": HOSTILE, "aliases": [HOSTILE, "plain"],
                                              "paper_count": 2})
    repo = add_node(g, S.REPOSITORY, {"id": "github.com/o/r", "url": "https://github.com/o/r",
                                      "host": "github.com", "owner": "o", "name": "r",
                                      "kind": "code"})
    link = add_node(g, S.LINK, {"id": "https://x.org/a?b=c#d", "url": "https://x.org/a?b=c#d",
                                "host": "x.org"})
    evidence = {"evidence": HOSTILE, "char_start": 3, "char_end": 9, "surface": "B\\\"x",
                "extractor": "rule:intro", "confidence": 0.875, "mentions": 2}
    for label, key in entities.items():
        add_edge(g, papers[0], key, S.INTRODUCES, evidence)
        add_edge(g, papers[1], key, S.rel_for(label, "used"), {})  # no evidence: no statement
    add_edge(g, papers[1], entities[S.DATASET], S.EVALUATED_ON, evidence)
    add_edge(g, papers[0], repo, S.HAS_CODE, {"evidence": HOSTILE, "char_start": 0,
                                              "char_end": 4})
    add_edge(g, papers[0], link, S.HAS_LINK, {"evidence": "see", "char_start": 0,
                                              "char_end": 3})
    add_edge(g, papers[1], papers[0], S.CITES, {
        "kind": "uses", "entity": entities[S.METHOD], "evidence": HOSTILE, "source": "inferred",
        "temporal_conflict": True})
    add_edge(g, papers[1], papers[0], S.CITES, {"source": "openalex"})
    return g


@pytest.fixture(scope="module")
def hostile():
    return hostile_graph()


@pytest.fixture(scope="module")
def exports(hostile, tmp_path_factory):
    """The hostile graph exported in every RDF format: {fmt: (path, result)}."""
    out = tmp_path_factory.mktemp("rdf")
    files = {}
    for fmt, ext in (("turtle", "ttl"), ("ntriples", "nt"), ("jsonld", "jsonld")):
        path = out / f"kg.{ext}"
        files[fmt] = (path, export(fmt, path, graph=hostile))
    return files


RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}


def parse(path: Path, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(str(path), format=RDFLIB_FORMAT[fmt])


def test_turtle_ntriples_jsonld_parse_back_isomorphic(exports):
    graphs = {fmt: parse(path, fmt) for fmt, (path, _) in exports.items()}
    n = exports["ntriples"][1].triples
    assert n > 300 and all(len(g) == n for g in graphs.values())
    assert isomorphic(graphs["turtle"], graphs["ntriples"])
    assert isomorphic(graphs["jsonld"], graphs["ntriples"])
    # and pyoxigraph reads back exactly the triples rdflib read
    for fmt, (path, _) in exports.items():
        ox_format = rdf.FORMATS[fmt]
        import pyoxigraph as ox

        back = {str(q.triple) for q in ox.parse(path=str(path), format=ox_format)}
        assert len(back) == n, fmt


@pytest.mark.rapper
def test_rapper_accepts_turtle_and_ntriples(exports, rapper):
    for fmt, syntax in (("turtle", "turtle"), ("ntriples", "ntriples")):
        path, result = exports[fmt]
        code, count, err = rapper_count(rapper, path, syntax)
        assert code == 0, err
        assert count == result.triples, err


@pytest.mark.rapper
def test_rapper_rejects_a_broken_file(rapper, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix p: <http://x/> .\np:a p:b "unterminated .\n', encoding="utf-8")
    code, _, _ = rapper_count(rapper, bad, "turtle")
    assert code != 0


def test_hostile_text_round_trips_exactly(exports, hostile):
    for fmt, (path, _) in exports.items():
        g = parse(path, fmt)
        titles = {str(o) for o in g.objects(None, DCTERMS.title)}
        expected = {d["title"] for _, d in hostile.nodes(data=True) if d["label"] == S.PAPER}
        assert titles == expected, fmt
        evidence = {str(o) for o in g.objects(None, PKG.evidenceSentence)}
        assert HOSTILE in evidence, fmt
        names = {str(o) for o in g.objects(None, RDFS.label)}
        assert HOSTILE in names, fmt
        surfaces = {str(o) for o in g.objects(None, PKG.surfaceForm)}
        assert surfaces == {"B\\\"x"}, fmt


def test_hostile_ids_give_stable_decodable_iris(exports):
    g = parse(*_ttl(exports))
    ns = rdf.namespace_iris()[S.PAPER]
    seen = {}
    for s, o in g.subject_objects(DCTERMS.identifier):
        if str(s).startswith(ns):
            seen[str(o)] = str(s)
    assert set(seen) == set(HOSTILE_IDS)
    for id_, iri in seen.items():
        local = iri[len(ns):]
        assert "/" not in local and unquote(local) == id_
        assert iri == rdf.node_iri(S.PAPER, id_)  # the same IRI every time
    text = exports["turtle"][0].read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if not line.startswith("@prefix")]
    assert not any("\\/" in line or "\\%" in line.split('"')[0] for line in body)


def _ttl(exports):
    return exports["turtle"][0], "turtle"


def test_standard_vocabularies_and_typed_literals(exports):
    g = parse(*_ttl(exports))
    schema_org = rdflib.Namespace(S.PREFIXES["schema"])
    cito = rdflib.Namespace(S.PREFIXES["cito"])
    xsd = rdflib.XSD
    paper = rdflib.URIRef(rdf.node_iri(S.PAPER, "2401.00001"))
    assert (paper, RDF.type, schema_org.ScholarlyArticle) in g
    assert (paper, RDF.type, rdflib.URIRef(S.PREFIXES["fabio"] + "ResearchPaper")) in g
    issued = {rdflib.URIRef(rdf.node_iri(S.PAPER, pid)): g.value(rdflib.URIRef(
        rdf.node_iri(S.PAPER, pid)), DCTERMS.issued).datatype for pid in HOSTILE_IDS[:4]}
    assert list(issued.values()) == [xsd.date, xsd.gYearMonth, xsd.gYear, xsd.gMonthDay]
    count = g.value(rdflib.URIRef(rdf.node_iri(S.PAPER, HOSTILE_IDS[3])), PKG.authorCount)
    assert count.datatype == xsd.integer and count.toPython() == 3
    cited = rdflib.URIRef(rdf.node_iri(S.PAPER, HOSTILE_IDS[1]))
    assert (cited, cito.cites, paper) in g
    repo = rdflib.URIRef(rdf.node_iri(S.REPOSITORY, "github.com/o/r"))
    assert (repo, RDF.type, schema_org.SoftwareSourceCode) in g
    assert str(g.value(repo, schema_org.codeRepository)) == "https://github.com/o/r"
    dataset = rdflib.URIRef(rdf.node_iri(S.DATASET, f"dataset {HOSTILE_IDS[1]}"))
    assert (dataset, RDF.type, schema_org.Dataset) in g
    lpwc = rdflib.Namespace(S.PREFIXES["lpwc"])
    method = rdflib.URIRef(rdf.node_iri(S.METHOD, f"method {HOSTILE_IDS[1]}"))
    assert (method, lpwc.introducedBy, paper) in g
    assert (cited, lpwc.hasMethod, method) in g and (cited, lpwc.usesDataset, dataset) in g
    assert (cited, lpwc.hasMethod, dataset) not in g  # alignments only towards their label


def test_statements_carry_evidence_and_provenance(exports, hostile):
    g = parse(*_ttl(exports))
    statements = set(g.subjects(RDF.type, PKG.Statement))
    with_evidence = sum(1 for *_, d in hostile.edges(data=True)
                        if any(d.get(p) is not None for p in S.REL_TYPES[d["type"]].prop_names))
    assert len(statements) == with_evidence
    paper = rdflib.URIRef(rdf.node_iri(S.PAPER, "2401.00001"))
    method = rdflib.URIRef(rdf.node_iri(S.METHOD, f"method {HOSTILE_IDS[1]}"))
    [st] = [s for s in statements if g.value(s, RDF.object) == method
            and g.value(s, RDF.predicate) == PKG.introduces]
    assert (st, RDF.type, RDF.Statement) in g
    assert g.value(st, RDF.subject) == paper
    assert g.value(st, PROV.wasDerivedFrom) == paper
    assert (g.value(st, PKG.charStart).toPython(), g.value(st, PKG.charEnd).toPython()) == (3, 9)
    assert str(g.value(st, PKG.extractor)) == "rule:intro"
    assert g.value(st, PKG.confidence).toPython() == 0.875
    # the inferred citation points at the entity it went through, as an IRI
    cites = [s for s in statements if g.value(s, PKG.citationSource) == rdflib.Literal("inferred")]
    assert [g.value(s, PKG.viaEntity) for s in cites] == [method]
    assert g.value(cites[0], PKG.temporalConflict).toPython() is True


def test_shacl_accepts_every_export(exports):
    for fmt, (path, _) in exports.items():
        conforms, report = rdf.validate(path, RDFLIB_FORMAT[fmt])
        assert conforms, report


def _broken(exports) -> rdflib.Graph:
    """The hostile export with four faults the shapes catch."""
    g = parse(*_ttl(exports))
    paper = rdflib.URIRef(rdf.node_iri(S.PAPER, "2401.00001"))
    g.remove((paper, DCTERMS.identifier, None))  # required
    g.add((paper, DCTERMS.title, rdflib.Literal("a second title")))  # at most one
    other = rdflib.URIRef(rdf.node_iri(S.PAPER, HOSTILE_IDS[1]))
    g.set((other, PKG.authorCount, rdflib.Literal("three")))  # wrong datatype
    g.add((other, PKG.introduces, rdflib.URIRef(rdf.node_iri(S.SOURCE, "abc123"))))  # bad target
    return g


def test_shacl_rejects_a_broken_graph(exports):
    g = _broken(exports)
    conforms, report = rdf.validate(g)
    assert not conforms
    for term in ("identifier", "title", "authorCount", "introduces"):
        assert term in report, term


def test_targeted_shapes_find_what_the_shapes_as_written_find(exports):
    """rdf.validate gives each node shape's targets to its property shapes (targeted_shapes:
    pySHACL checks a nested property shape once per focus node, a targeted one once): with and
    without that, pySHACL finds the same results, on a sound graph and on a broken one (a
    statement's fields, a node's type and values removed or doubled, besides _broken's)."""
    import pyshacl
    from rdflib.namespace import SH

    from paperkg.graph.rdf.shapes import targeted_shapes

    def results(data: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, set]:
        conforms, found, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                              advanced=False)
        return conforms, {
            (found.value(r, SH.focusNode), found.value(r, SH.resultPath),
             found.value(r, SH.value), found.value(r, SH.sourceConstraintComponent),
             tuple(sorted((str(p), "_" if isinstance(o, rdflib.BNode) else str(o))
                          for p, o in found.predicate_objects(found.value(r, SH.sourceShape))
                          if p != SH.targetClass)))
            for r in found.subjects(RDF.type, SH.ValidationResult)}

    written = rdflib.Graph().parse(rdf.SHAPES_FILE, format="turtle")
    targeted = targeted_shapes(written)
    assert set(written.objects(None, SH.property)) and not set(targeted.objects(None, SH.property))
    assert len(set(targeted.subjects(SH.targetClass, None))) > 3 * len(S.NODE_TYPES)
    assert results(parse(*_ttl(exports)), written) == results(parse(*_ttl(exports)), targeted) \
        == (True, set())
    g = _broken(exports)
    statement = next(g.subjects(RDF.type, PKG.Statement))
    g.remove((statement, RDF.subject, None))
    g.add((statement, PROV.wasDerivedFrom, rdflib.URIRef(rdf.node_iri(S.PAPER, "name."))))
    method = rdflib.URIRef(rdf.node_iri(S.METHOD, f"method {HOSTILE_IDS[1]}"))
    g.remove((method, RDF.type, PKG.Method))
    g.add((method, DCTERMS.identifier, rdflib.Literal(7)))
    found = results(g, written)
    assert found[0] is False and len(found[1]) >= 6
    assert results(g, targeted) == found


def test_shapes_cover_every_node_type_and_match_the_schema():
    shapes = rdflib.Graph().parse(rdf.SHAPES_FILE, format="turtle")
    sh = rdflib.Namespace(rdf.SH_NS)
    targets = set(shapes.objects(None, sh.targetClass))
    wanted = {rdflib.URIRef(rdf.expand(rdf.primary_class(label))) for label in S.NODE_TYPES}
    assert wanted | {rdflib.URIRef(rdf.expand(rdf.STATEMENT_CLASS))} == targets
    assert len(wanted) == len(S.NODE_TYPES)  # one distinct class per node type
    assert isomorphic(shapes, rdf.shapes_graph()), (
        "graph/shapes.ttl is stale: regenerate with rdf.write_shapes()")


@pytest.mark.rapper
def test_ontology_defines_every_pkg_term_with_label_and_comment(rapper):
    onto = rdflib.Graph().parse(rdf.ONTOLOGY_FILE, format="turtle")
    code, _, err = rapper_count(rapper, rdf.ONTOLOGY_FILE, "turtle")
    assert code == 0, err
    used = {rdf.STATEMENT_CLASS}
    for nt in S.NODE_TYPES.values():
        used |= set(nt.rdf_types) | {p.rdf for p in nt.props if p.rdf}
    for rel in S.REL_TYPES.values():
        used |= {rel.rdf} | {p.rdf for p in rel.props if p.rdf}
    pkg_terms = {t for t in used if t.startswith("pkg:")}
    assert len(pkg_terms) > 30
    for term in sorted(pkg_terms):
        iri = rdflib.URIRef(rdf.expand(term))
        assert onto.value(iri, RDFS.label) is not None, term
        assert onto.value(iri, RDFS.comment) is not None, term
    for rel in S.REL_TYPES.values():
        for spec in rel.rdf_aligned:
            curie = spec.lstrip("^").partition("@")[0]
            assert onto.value(rdflib.URIRef(rdf.expand(curie)), RDFS.label) is not None, curie


def test_custom_base_moves_every_resource(hostile, tmp_path):
    path = tmp_path / "kg.nt"
    export("ntriples", path, graph=hostile, base="http://example.org/kg#")
    text = path.read_text(encoding="utf-8")
    assert "<http://example.org/kg#paper/2401.00001>" in text
    assert S.DEFAULT_BASE + "paper/" not in text
    for bad in ("not an iri", "relative/path/", "http://exa mple.org/"):
        with pytest.raises(UserError):
            export("ntriples", tmp_path / "x.nt", graph=hostile, base=bad)
    assert not (tmp_path / "x.nt").exists()


PARALLEL_CHECK = """
import io, threading
import pyoxigraph as ox
from bench.synth import synthetic_graph
from paperkg.graph import rdf

assert threading.active_count() == 1  # so serialize forks its writers
g = synthetic_graph(n_papers=1_000, seed=3)
for fmt in ("ntriples", "turtle"):
    one, two = io.BytesIO(), io.BytesIO()
    s1 = rdf.serialize(g, one, fmt, workers=1)
    s2 = rdf.serialize(g, two, fmt, workers=2)
    assert s1.triples == s2.triples > 25_000
    if fmt == "turtle":
        assert two.getvalue().count(b"@prefix pkg:") == 1
    # no blank nodes: equal sets of triples are isomorphic graphs
    a, b = ({str(q.triple) for q in ox.parse(buf.getvalue(), format=rdf.FORMATS[fmt])}
            for buf in (one, two))
    assert len(a) == s1.triples and a == b
print("same")
"""


def test_parallel_writers_match_one_writer():
    # In a fresh process: this one runs other threads (servers, Dask), where serialize
    # writes alone rather than fork.
    done = subprocess.run([sys.executable, "-c", PARALLEL_CHECK], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0 and done.stdout == "same\n", done.stderr[-2000:]


def test_threads_make_serialize_write_alone():
    from bench.synth import synthetic_graph

    g = synthetic_graph(n_papers=200, seed=3)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    forks = []
    os.register_at_fork(before=lambda: forks.append(1) if not stop.is_set() else None)
    try:
        out = io.BytesIO()
        rdf.serialize(g, out, "ntriples", workers=2)
        assert forks == [] and out.getvalue().count(b"\n") > 1000
    finally:
        stop.set()
        other.join()


def test_graphml_reads_back(hostile, tmp_path):
    path = tmp_path / "kg.graphml"
    result = export("graphml", path, graph=hostile)
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (result.nodes, result.edges)
    key = S.node_key(S.PAPER, "2401.00001")
    title = back.nodes[key]["title"]
    # XML 1.0 cannot hold NUL, BEL (or other C0 controls but tab/newline/CR): those become U+FFFD
    expected = hostile.nodes[key]["title"].replace("\x00", "\ufffd").replace("\x07", "\ufffd")
    assert title.replace("\r\n", "\n").replace("\r", "\n") == \
        expected.replace("\r\n", "\n").replace("\r", "\n")
    assert json.loads(back.nodes[key]["author_names"]) == hostile.nodes[key]["author_names"]
    assert back.nodes[key]["authors"] == 0 and "doi" not in back.nodes[key]


def test_csv_zip_reads_back(hostile, tmp_path):
    path = tmp_path / "kg.zip"
    export("csv", path, graph=hostile)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        assert names == {f"nodes/{label}.csv" for label in S.NODE_TYPES} | \
            {f"edges/{t}.csv" for t in S.REL_TYPES}
        papers = list(csv.DictReader(io.StringIO(zf.read("nodes/Paper.csv").decode(),
                                                 newline="")))
        cites = list(csv.DictReader(io.StringIO(zf.read("edges/CITES.csv").decode(),
                                                newline="")))
    assert list(papers[0]) == S.NODE_TYPES[S.PAPER].prop_names
    by_id = {original(row["id"]): row for row in papers}  # "-dash" is written "'-dash"
    assert set(by_id) == set(HOSTILE_IDS)
    assert by_id["2401.00001"]["title"] == hostile.nodes["Paper:2401.00001"]["title"]
    assert json.loads(by_id["2401.00001"]["author_names"]) == \
        hostile.nodes["Paper:2401.00001"]["author_names"]
    assert sorted(r["source"] for r in cites) == ["inferred", "openalex"]
    assert {r["temporal_conflict"] for r in cites} == {"true", ""}


def test_a_failed_export_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "kg.ttl"
    target.write_bytes(b"old contents")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as fh:
            fh.write(b"half of a new export")
            raise RuntimeError("disk on fire")
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.ttl"]


def test_unknown_nodes_and_edges_are_counted_not_written(tmp_path):
    g = hostile_graph()
    g.add_node("Alien:x", label="Alien", id="x")
    g.add_edge("Paper:2401.00001", "Alien:x", key="PROBES", type="PROBES")
    g.add_edge("Paper:2401.00001", "Paper:50%", key="PROBES", type="PROBES")
    result = export("ntriples", tmp_path / "kg.nt", graph=g)
    assert (result.skipped_nodes, result.skipped_edges) == (1, 2)
    assert "Alien" not in (tmp_path / "kg.nt").read_text(encoding="utf-8")


def test_turtle_sink_survives_any_write_boundaries(hostile):
    whole = io.BytesIO()
    rdf.serialize(hostile, whole, "turtle", workers=1)
    data = whole.getvalue()
    assert b"\\\\%" in data  # a literal backslash before '%' stays escaped ...
    assert b"paper:50%25" in data  # ... and prefixed names carry plain %HH

    import pyoxigraph as ox

    from paperkg.graph.rdf.serialise import _TurtleSink

    raw = io.BytesIO()
    sink = _TurtleSink(raw)
    unsorted = ox.serialize(rdf.triples(hostile), format=ox.RdfFormat.TURTLE,
                            prefixes=rdf.prefixes())
    for i in range(len(unsorted)):  # one byte per write: every split point is exercised
        sink.write(unsorted[i:i + 1])
    sink.flush()
    assert raw.getvalue() == data


def test_dates_are_typed_only_when_they_are_real_dates(tmp_path):
    assert [rdf.date_datatype(v) for v in ("2024-02-29", "2024-07", "1999", "--02-29")] == \
        ["date", "gYearMonth", "gYear", "gMonthDay"]
    assert [rdf.date_datatype(v) for v in ("2023-02-29", "2024-13", "--13-01", "24-1-2",
                                           "\u0662\u0660\u0662\u0664", "soon")] == [None] * 6
    g = empty_graph()
    add_node(g, S.PAPER, {"id": "x", "title": "t", "published": "2023-02-29"})
    path = tmp_path / "kg.nt"
    export("ntriples", path, graph=g)
    assert '"2023-02-29" .' in path.read_text(encoding="utf-8")  # kept, as a plain string
    conforms, report = rdf.validate(path, "nt")
    assert not conforms and "issued" in report
