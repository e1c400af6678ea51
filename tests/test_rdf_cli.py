"""`paperkg export` and `paperkg sparql` end to end on a store built from the real seeds."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pyoxigraph as ox
import pytest

from paperkg.graph import rdf
from tests.rdf_tools import rapper_count


@pytest.fixture(scope="module")
def seed_db(seeds_built):
    return seeds_built[0]


@pytest.fixture(scope="module")
def seed_exports(seed_db, tmp_path_factory):
    from tests.conftest import run_cli

    out = tmp_path_factory.mktemp("rdfexports")
    files = {}
    for fmt, name in (("turtle", "kg.ttl"), ("ntriples", "kg.nt"), ("jsonld", "kg.jsonld"),
                      ("graphml", "kg.graphml"), ("csv", "kg.zip")):
        r = run_cli("export", "--format", fmt, "-o", str(out / name), "--db", str(seed_db))
        assert r.returncode == 0, r.stderr
        assert r.stdout == ""  # the summary goes to stderr
        files[fmt] = (out / name, r.stderr)
    return files


def cypher_count(cli, db, query: str) -> int:
    r = cli("query", query, "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    return next(iter(json.loads(r.stdout)[0].values()))


def sparql_json(cli, db, query: str) -> list[dict]:
    r = cli("sparql", query, "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.rapper
def test_seed_exports_pass_rapper_and_shacl(seed_exports, rapper):
    for fmt, syntax in (("turtle", "turtle"), ("ntriples", "ntriples")):
        path, summary = seed_exports[fmt]
        code, count, err = rapper_count(rapper, path, syntax)
        assert code == 0, err
        assert f"{count:,} triples" in summary, (summary, count)
        assert count > 20_000
    conforms, report = rdf.validate(seed_exports["turtle"][0], "turtle")
    assert conforms, report[:2000]
    jsonld, nt = (
        {str(q.triple) for q in ox.parse(path=str(seed_exports[fmt][0]), format=rdf.FORMATS[fmt])}
        for fmt in ("jsonld", "ntriples"))
    assert len(jsonld) == len(nt) > 20_000
    assert jsonld == nt  # no blank nodes: equal triple sets are isomorphic graphs


def test_seed_graphml_and_csv_hold_every_node(cli, seed_db, seed_exports):
    import networkx as nx

    papers = cypher_count(cli, seed_db, "MATCH (p:Paper) RETURN count(p)")
    from paperkg.graph import schema

    nodes = sum(cypher_count(cli, seed_db, f"MATCH (n:{label}) RETURN count(n)")
                for label in schema.NODE_TYPES)  # the graph's nodes, not build bookkeeping
    g = nx.read_graphml(seed_exports["graphml"][0], force_multigraph=True)
    assert g.number_of_nodes() == nodes
    with zipfile.ZipFile(seed_exports["csv"][0]) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("nodes/Paper.csv").decode(),
                                               newline="")))
    assert len(rows) == papers == 471


def test_sparql_agrees_with_cypher(cli, seed_db):
    papers = cypher_count(cli, seed_db, "MATCH (p:Paper) RETURN count(p)")
    rows = sparql_json(cli, seed_db,
                       "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }")
    assert rows == [{"n": papers}]
    introduces = cypher_count(cli, seed_db, "MATCH (:Paper)-[r:INTRODUCES]->() RETURN count(r)")
    rows = sparql_json(cli, seed_db, "SELECT (COUNT(*) AS ?n) WHERE { ?p pkg:introduces ?e }")
    assert rows == [{"n": introduces}] and introduces > 0
    cites = cypher_count(cli, seed_db, "MATCH (:Paper)-[r:CITES]->(:Paper) RETURN count(r)")
    rows = sparql_json(cli, seed_db, """
        SELECT (COUNT(*) AS ?n) WHERE {
          ?s a pkg:Statement ; rdf:predicate cito:cites ; pkg:citationSource ?src }""")
    assert rows == [{"n": cites}] and cites > 0


def test_sparql_result_shapes_and_formats(cli, seed_db):
    q = ("SELECT ?title ?issued WHERE { ?p dcterms:title ?title ; dcterms:issued ?issued } "
         "ORDER BY ?title LIMIT 3")
    rows = sparql_json(cli, seed_db, q)
    assert len(rows) == 3 and set(rows[0]) == {"title", "issued"}
    r = cli("sparql", q, "--db", str(seed_db), "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines()[0] == "title,issued"
    r = cli("sparql", q, "--db", str(seed_db))
    assert r.returncode == 0 and "(3 rows)" in r.stdout
    assert sparql_json(cli, seed_db, "ASK { ?p cito:cites ?q }") == [{"ask": True}]
    rows = sparql_json(cli, seed_db,
                       "CONSTRUCT { ?m rdfs:label ?n } WHERE { ?m a pkg:Method ; rdfs:label ?n }"
                       " LIMIT 2")
    assert len(rows) == 2 and set(rows[0]) == {"subject", "predicate", "object"}
    assert rows[0]["subject"].startswith(rdf.namespace_iris()["Method"])


def test_sparql_query_from_file(cli, seed_db, tmp_path):
    qf = tmp_path / "q.rq"
    qf.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a pkg:Listing }", encoding="utf-8")
    assert sparql_json(cli, seed_db, f"@{qf}") == [{"n": 5}]


def test_export_to_stdout_streams_the_same_bytes(cli, seed_db, seed_exports):
    r = cli("export", "--format", "turtle", "-o", "-", "--db", str(seed_db))
    assert r.returncode == 0, r.stderr
    assert r.stdout.encode() == seed_exports["turtle"][0].read_bytes()


@pytest.mark.parametrize("args, message", [
    (["sparql", "SELECT ?x WHERE {"], "SPARQL syntax error"),
    (["sparql", "DELETE WHERE { ?s ?p ?o }"], "SPARQL syntax error"),
    (["sparql", "@/no/such/query.rq"], "cannot read query file"),
    (["export", "--format", "turtle", "-o", "/no/such/dir/kg.ttl"], "does not exist"),
    (["export", "--format", "turtle", "-o", "x.ttl", "--base", "no base"], "absolute IRI"),
])
def test_bad_input_is_one_line_and_non_zero(cli, seed_db, tmp_path, args, message):
    r = cli(*args, "--db", str(seed_db), cwd=tmp_path)
    assert r.returncode != 0
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_missing_store_and_bad_format(cli, tmp_path):
    r = cli("export", "--format", "turtle", "-o", str(tmp_path / "x.ttl"),
            "--db", str(tmp_path / "none.lbug"))
    assert r.returncode != 0 and "no store at" in r.stderr and "Traceback" not in r.stderr
    r = cli("sparql", "ASK {}", "--db", str(tmp_path / "none.lbug"))
    assert r.returncode != 0 and "no store at" in r.stderr
    r = cli("export", "--format", "rdfxml", "-o", str(tmp_path / "x"), "--db", "x")
    assert r.returncode == 2 and "rdfxml" in r.stderr
    assert list(tmp_path.iterdir()) == []
