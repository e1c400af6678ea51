"""`paperkg build --neo4j`: the embedded store and a real Neo4j 5 server get the same graph."""

from __future__ import annotations

import json

import pytest

from paperkg.graph.neo4j_store import run_cypher

pytestmark = pytest.mark.neo4j


def test_build_writes_store_and_neo4j(cli, examples, tmp_path, neo4j_server, neo4j_settings):
    db = tmp_path / "kg.lbug"
    args = ("build", str(examples), "--db", str(db), "--neo4j", "--uri", neo4j_server.uri,
            "--user", neo4j_server.user, "--password", neo4j_server.password,
            "--database", "neo4j", "--min-citation-confidence", "0.7")
    r = cli(*args)
    assert r.returncode == 0, r.stderr
    assert "neo4j: loaded" in r.stdout
    _, rows = run_cypher("MATCH (p:Paper) RETURN count(p) AS n", {}, neo4j_settings)
    assert rows == [[5]]
    _, rows = run_cypher("MATCH (:Paper)-[c:CITES]->(:Paper) RETURN count(c) AS n", {},
                         neo4j_settings)
    embedded = json.loads(cli("query", "MATCH (:Paper)-[c:CITES]->(:Paper) RETURN count(c) AS n",
                              "--db", str(db), "--format", "json").stdout)
    assert rows == [[embedded[0]["n"]]] and rows[0][0] >= 2
    again = cli(*args, "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)["neo4j"]
    assert report["nodes_created"] == 0 and report["relationships_created"] == 0


def test_build_with_unreachable_neo4j_is_one_line(cli, examples, tmp_path):
    r = cli("build", str(examples), "--db", str(tmp_path / "kg.lbug"), "--neo4j",
            "--uri", "bolt://127.0.0.1:9", "--user", "neo4j", "--password", "x")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "neo4j" in r.stderr.lower()
    assert "the embedded store" in r.stderr and (tmp_path / "kg.lbug").exists()
