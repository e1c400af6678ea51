"""SPARQL SERVICE never reaches the network unless asked: tested against a real local endpoint."""

from __future__ import annotations

import http.server
import json
import threading

import networkx as nx
import pytest
from click.testing import CliRunner

from paperkg.core.errors import UserError
from paperkg.graph.rdf.sparql import check_service, sparql


@pytest.fixture()
def endpoint():
    """A SPARQL endpoint on 127.0.0.1 that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the stdlib's name
            hits.append(self.path)
            self.rfile.read(int(self.headers.get("content-length", 0)))
            body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                {"x": {"type": "literal", "value": "remote"}}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True,  # shutdown() waits one poll
                     kwargs={"poll_interval": 0.02}).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()


def test_service_is_refused_and_nothing_is_sent(endpoint):
    url, hits = endpoint
    query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}"
    with pytest.raises(UserError, match="--allow-service"):
        sparql(query, graph=nx.MultiDiGraph())
    assert hits == []


def test_service_runs_when_allowed(endpoint):
    url, hits = endpoint
    query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}"
    assert sparql(query, graph=nx.MultiDiGraph(), allow_service=True) == (["x"], [["remote"]])
    assert hits == ["/sparql"]


def test_the_word_service_in_strings_iris_and_comments_is_not_a_clause():
    check_service('SELECT * WHERE { ?s <http://e.org/SERVICE> "SERVICE" } # SERVICE')
    check_service('SELECT * WHERE { ?s ?p """a\nSERVICE b""" }')
    with pytest.raises(UserError):
        check_service("select * { service silent <http://e.org/> { ?s ?p ?o } }")


def test_cli_refuses_service_in_one_line(endpoint, examples_built):
    from paperkg.cli import cli

    url, hits = endpoint
    db = examples_built  # read only
    res = CliRunner().invoke(cli, ["sparql", "--db", str(db),
                                   f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}"])
    assert res.exit_code == 1
    assert "--allow-service" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert hits == []
