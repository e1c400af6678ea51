"""`paperkg serve` over HTTP on a real uvicorn server (tests/serving.py): search, pages, JSON API,
escaping of hostile text, the read-only console, safety headers, and the SPARQL endpoint driven
by a real client (rdflib's SPARQLStore)."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

import httpx
import networkx as nx
import pytest

from paperkg.graph import schema as S
from paperkg.serve import sparql as sp
from paperkg.serve.search import SearchIndex, build_index, edit_distance
from tests.vizgraphs import ALERT_IMG, MARKER_IMG

HOSTILE_PAPER = "Paper:2401.00001"
HOSTILE_METHOD = "Method:lora-x"


@pytest.fixture(scope="module")
def http(explorer_server):
    with httpx.Client(base_url=explorer_server.base, timeout=30) as client:
        yield client


def _papers(graph: nx.MultiDiGraph) -> list[str]:
    return sorted(k for k, d in graph.nodes(data=True) if d.get("label") == S.PAPER)


# ------------------------------------------------------------------------------ search


def test_edit_distance_is_bounded():
    assert edit_distance("transformer", "transfomer", 2) == 1
    assert edit_distance("kitten", "sitting", 3) == 3
    assert edit_distance("abc", "xyz", 1) == 2  # stops once over the bound
    assert edit_distance("modle", "model", 2) == 1  # a swap is one edit


def test_search_ranks_names_then_tolerates_typos():
    index = SearchIndex()
    index.add("Method:transformer", S.METHOD, "Transformer", ["Transformers"], papers=30)
    index.add("Method:decision-transformer", S.METHOD, "Decision Transformer", papers=3)
    index.add("Paper:1", S.PAPER, "A Transformer for Tables")
    index.add("Dataset:imagenet", S.DATASET, "ImageNet", ["ILSVRC"], papers=12)
    index.finish()
    assert [h.key for h in index.search("transformer")][:2] == \
        ["Method:transformer", "Method:decision-transformer"]
    assert index.search("transfomer")[0].key == "Method:transformer"  # one letter missing
    assert index.search("imagnet")[0].key == "Dataset:imagenet"
    hit = index.search("ilsvrc")[0]
    assert hit.key == "Dataset:imagenet" and hit.matched == "ILSVRC"
    assert index.search("imag")[0].key == "Dataset:imagenet"  # a prefix as you type
    assert index.search("imagne")[0].key == "Dataset:imagenet"  # ... with a typo in it
    assert index.search("tables transformer")[0].key == "Paper:1"
    assert index.search("zzzzqqq") == [] and index.search("  ") == []
    assert [h.key for h in index.search("transformer", kinds=[S.PAPER])] == ["Paper:1"]


def test_search_finds_every_seed_title_first(served_graph):
    index = build_index(served_graph)
    papers = _papers(served_graph)[:60]
    misses = []
    for key in papers:
        title = served_graph.nodes[key]["title"]
        hits = index.search(title, limit=3)
        if not hits or hits[0].key != key:
            misses.append(title)
    assert not misses, misses[:3]


def test_search_finds_a_paper_by_its_arxiv_id(http):
    hits = http.get("/api/search", params={"q": "2401.00001"}).json()["hits"]
    assert hits[0]["key"] == HOSTILE_PAPER and hits[0]["matched"] == "2401.00001"


def test_search_page_and_api(http, served_graph):
    key = _papers(served_graph)[5]
    title = served_graph.nodes[key]["title"]
    r = http.get("/api/search", params={"q": title, "limit": 5})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json()["hits"][0]["key"] == key
    # a typo in the longest word still finds it
    word = max(re.findall(r"[A-Za-z]{7,}", title) or [title], key=len)
    typo = title.replace(word, word[:3] + word[4:], 1)
    assert r.json()["hits"][0]["key"] == http.get(
        "/api/search", params={"q": typo}).json()["hits"][0]["key"]
    page = http.get("/search", params={"q": title})
    assert page.status_code == 200
    assert f'href="/node?key={quote(key, safe="")}"' in page.text


# ------------------------------------------------------------------------------ pages


def test_paper_page_shows_metadata_entities_code_and_citations(http, served_graph):
    g = served_graph
    # a paper that cites another and is cited, names entities and (if any) has code
    cited = [b for a, b, d in g.edges(data=True) if d.get("type") == S.CITES]
    key = max(set(cited), key=lambda k: (g.in_degree(k), k))
    r = http.get("/node", params={"key": key})
    assert r.status_code == 200
    text = r.text
    assert "<h2>Entities" in text and "<h2>Cites</h2>" in text and "<h2>Cited by</h2>" in text
    citing = next(a for a, b, d in g.edges(data=True) if b == key and d.get("type") == S.CITES)
    assert f'href="/node?key={quote(citing, safe="")}"' in text
    data = http.get("/api/node", params={"key": key}).json()
    assert data["cited_by"] and data["cited_by"][0]["source"] == "inferred"
    assert {e["key"] for e in data["entities"]} == {
        b for b in g.successors(key) if g.nodes[b]["label"] in S.ENTITY_LABELS}
    roles = [r["role"] for e in data["entities"] for r in e["roles"]]
    assert roles and all(roles)


def test_entity_page_lists_introducer_and_papers_newest_first(http, served_graph):
    g = served_graph
    intro = [(a, b) for a, b, d in g.edges(data=True) if d.get("type") == S.INTRODUCES]
    key = max({b for _, b in intro}, key=lambda k: (g.in_degree(k), k))
    data = http.get("/api/node", params={"key": key}).json()
    assert data["type"] == g.nodes[key]["label"]
    assert {p["key"] for p in data["introducers"]} == {a for a, b in intro if b == key}
    dates = [p["date"] for p in data["papers"]]
    assert dates == sorted(dates, reverse=True)
    assert data["paper_count"] == len([p for p in g.predecessors(key)
                                       if g.nodes[p]["label"] == S.PAPER])
    page = http.get("/node", params={"key": key}).text
    assert "<h2>Introduced by</h2>" in page and "<h2>Named together with</h2>" in page


def test_hostile_text_is_escaped_everywhere(http):
    pages = [http.get("/node", params={"key": HOSTILE_PAPER}),
             http.get("/node", params={"key": "Paper:2402.00002"}),
             http.get("/node", params={"key": HOSTILE_METHOD}),
             http.get("/search", params={"q": "LoRA-X " + ALERT_IMG}),
             http.get("/graph", params={"key": HOSTILE_METHOD})]
    for r in pages:
        assert r.status_code == 200, r.url
        assert "<img" not in r.text and "<script>" not in r.text.replace(
            "<script src=", "")
        assert 'href="javascript' not in r.text.lower()
        assert "&lt;img src=x onerror=" in r.text or r.url.path == "/graph"
    # the javascript: URL of paper 2 is shown as text, never as a link
    assert 'href="javascript' not in pages[1].text.lower()
    # JSON answers carry the text as data, with a JSON content type and nosniff
    api = http.get("/api/node", params={"key": HOSTILE_METHOD})
    assert api.headers["content-type"].startswith("application/json")
    assert api.headers["x-content-type-options"] == "nosniff"
    assert api.json()["name"] == f"LoRA-X {MARKER_IMG}"
    near = http.get("/api/neighbours", params={"key": HOSTILE_METHOD}).json()
    assert {n["id"] for n in near["nodes"]} >= {HOSTILE_METHOD, HOSTILE_PAPER}


def test_unknown_nodes_and_bad_parameters_are_one_line(http):
    r = http.get("/node", params={"key": "Paper:nope"})
    assert r.status_code == 404 and "no node &#x27;Paper:nope&#x27;" in r.text
    r = http.get("/api/neighbours", params={"key": "nope", "limit": "many"})
    assert r.status_code == 404 and r.json() == {"error": "no node 'nope' in the graph"}
    assert http.get("/no/such/page").status_code == 404
    assert http.get("/static/../app.py").status_code == 404


def test_neighbours_are_capped_and_positioned_when_large(explorer_server, http):
    g = explorer_server.explorer.graph
    hub = max(g, key=g.degree)
    small = http.get("/api/neighbours", params={"key": hub, "limit": 5}).json()
    assert len(small["nodes"]) == 6 and small["left_out"] == small["total"] - 5
    assert "x" not in small["nodes"][0]  # the browser lays out small views
    big = http.get("/api/neighbours", params={"key": hub, "limit": 500}).json()
    if len(big["nodes"]) > 150:
        assert all("x" in n and "y" in n for n in big["nodes"])


def test_overview_is_entities_only_with_communities(http):
    data = http.get("/api/overview").json()
    assert data["nodes"] and {n["type"] for n in data["nodes"]} <= set(S.ENTITY_LABELS)
    assert len(data["communities"]) >= 3
    # up to 150 nodes the browser lays them out, beyond that the server
    assert all(("x" in n) == (len(data["nodes"]) > 150) for n in data["nodes"])
    assert {e["type"] for e in data["edges"]} == {S.CO_USED}


# ------------------------------------------------------------------------------ safety


def test_every_answer_has_the_security_headers(http):
    for path in ("/", "/search?q=x", "/api/overview", "/sparql?query=ASK%7B%7D",
                 "/static/explorer.js", "/nothing"):
        r = http.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_elsewhere_and_have_no_inline_script(http):
    for path in ("/", "/graph?key=" + quote(HOSTILE_METHOD), "/cypher", "/sparql"):
        text = http.get(path, headers={"Accept": "text/html"}).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
    assert http.get("/static/vis-network.min.js").status_code == 200


def test_a_foreign_host_header_is_refused(http):
    assert http.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert http.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_serve_binds_loopback_by_default_and_says_so_on_a_busy_port(cli, explorer_server):
    from paperkg.serve.app import DEFAULT_HOST, is_loopback

    assert DEFAULT_HOST == "127.0.0.1" and is_loopback(DEFAULT_HOST)
    assert not is_loopback("0.0.0.0")
    port = explorer_server.base.rsplit(":", 1)[1]
    r = cli("serve", "--db", str(explorer_server.db), "--port", port)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"paperkg: error: cannot listen on 127.0.0.1:{port}: Address already in use"]
    r = cli("serve", "--db", str(explorer_server.db.parent / "none.lbug"), "--port", "0")
    assert r.returncode == 1 and r.stderr.startswith("paperkg: error: no store at")
    assert "Traceback" not in r.stderr


# ------------------------------------------------------------------------------ console


def test_console_runs_library_queries_and_read_only_cypher(http, served_graph):
    r = http.get("/cypher", params={"name": "top_datasets", "run": "1", "p.limit": "5"})
    assert r.status_code == 200 and 'id="console-result"' in r.text
    assert "5 rows" in r.text
    r = http.post("/api/cypher", json={"name": "top_datasets", "params": {"limit": 3}})
    assert r.status_code == 200 and len(r.json()["rows"]) == 3
    r = http.post("/cypher", data={"query": "MATCH (p:Paper) RETURN count(p) AS n"})
    assert r.status_code == 200
    n = len(_papers(served_graph))
    assert f"<td>{n}</td>" in r.text


def test_console_array_queries_answer_as_their_cypher(explorer_server):
    # co_used_entities, shortest_path, ... answer from the store's arrays, as `ask` does; the
    # rows are those of the query's Cypher run by the engine
    from paperkg.cypher import adjacency as A
    from paperkg.cypher import library as L
    from paperkg.graph.ladybug_store import db_path
    from paperkg.serve import console

    g = explorer_server.explorer.graph
    users: dict = {}
    for u, v, d in g.edges(data=True):
        if d["type"] == "USES":
            users.setdefault(v, set()).add(u)
    entity = min(users, key=lambda v: (-len(users[v]), v))  # the most used entity
    paper, other = sorted(users[entity])[:2]
    cases = [("co_used_entities", {"entity": g.nodes[entity]["id"]}),
             ("shortest_path", {"source": g.nodes[paper]["id"], "target": g.nodes[other]["id"]}),
             ("neighbourhood", {"entity": g.nodes[entity]["id"]}),
             ("shared_entities", {"paper": g.nodes[paper]["id"]})]
    for name, params in cases:
        q = L.get_query(name)
        assert q.embedded == name

        def run(text, values):
            return console._run(explorer_server.db, text, values, 30)

        engine = L.finish(q, params, run(*L.prepare(name, params, L.EMBEDDED,
                                                    L.derive(q, params, L.EMBEDDED, run))))
        A._LOADED.clear()
        answer = console.run_named(explorer_server.db, name, params)
        assert (answer.columns, answer.rows) == engine and engine[1], name
        assert list(A._LOADED) == [str(db_path(explorer_server.db))]  # the arrays answered


@pytest.mark.parametrize("query", [
    "CREATE (p:Paper {id: 'x'})",
    "MATCH (p:Paper) SET p.title = 'x' RETURN p",
    "MATCH (p:Paper) DETACH DELETE p",
    "COPY Paper FROM 'x.csv'",
    "MATCH (p) RETURN p; DROP TABLE Paper",
    "CALL { MATCH (p) RETURN p } RETURN 1",
])
def test_console_refuses_writes(http, query, explorer_server):
    r = http.post("/api/cypher", json={"query": query})
    assert r.status_code == 400 and r.json()["error"].startswith("refused:")
    page = http.post("/cypher", data={"query": query})
    assert page.status_code == 400 and 'id="console-error"' in page.text
    count = http.post("/api/cypher", json={"query": "MATCH (p:Paper) RETURN count(p)"})
    assert count.json()["rows"][0][0] == len(_papers(explorer_server.explorer.graph))


def test_console_caps_rows_and_stops_slow_queries(explorer_server):
    from paperkg.core.errors import UserError
    from paperkg.serve import console

    answer = console.run_cypher(explorer_server.db, "MATCH (n) RETURN n.id", cap=7)
    assert len(answer.rows) == 7 and answer.capped and answer.total > 7
    with pytest.raises(UserError, match="took longer than 0.5 s and was stopped"):
        console.run_cypher(explorer_server.db, "MATCH (a)-[*1..8]-(b) RETURN count(*)",
                           timeout_s=0.5)


# ------------------------------------------------------------------------------ SPARQL


def test_sparql_answers_a_real_client(explorer_server, served_graph):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    n_papers = len(_papers(served_graph))
    for fmt in ("json", "xml", "csv"):
        store = SPARQLStore(explorer_server.base + "/sparql", returnFormat=fmt)
        rows = list(store.query(
            "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }"))
        assert int(rows[0][0]) == n_papers, fmt
    store = SPARQLStore(explorer_server.base + "/sparql", method="POST")
    assert store.query("ASK { ?p a schema:ScholarlyArticle }").askAnswer is True
    got = store.query("PREFIX dcterms: <http://purl.org/dc/terms/> "
                      "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p dcterms:title ?t } LIMIT 5")
    graph = got.graph if hasattr(got, "graph") and got.graph is not None else Graph()
    assert len(graph) == 5
    assert all(isinstance(s, URIRef) for s in graph.subjects())


def test_sparql_protocol_details(http, served_graph):
    q = "SELECT ?t WHERE { ?p dcterms:title ?t } ORDER BY ?t LIMIT 3"
    r = http.get("/sparql", params={"query": q}, headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["t"] and len(rows) == 4
    r = http.get("/sparql", params={"query": q},
                 headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    assert r.text.count("<result>") == 3
    r = http.post("/sparql", content=q, headers={"Content-Type": "application/sparql-query",
                                                 "Accept": "text/tab-separated-values"})
    assert r.status_code == 200 and r.text.splitlines()[0] == "?t"
    r = http.post("/sparql", data={"query": q})
    assert json.loads(r.text)["head"]["vars"] == ["t"]
    r = http.get("/sparql", params={"query": "DESCRIBE <" + S.DEFAULT_BASE + "nothing>"})
    assert r.headers["content-type"].startswith("text/turtle")
    r = http.get("/sparql", params={"query": "CONSTRUCT { ?p ?q ?o } WHERE { ?p ?q ?o } LIMIT 2"},
                 headers={"Accept": "application/n-triples"})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert len(r.text.strip().splitlines()) == 2
    r = http.get("/sparql", params={"query": "CONSTRUCT { ?p ?q ?o } WHERE { ?p ?q ?o } LIMIT 2",
                                    "format": "json"})
    assert r.headers["content-type"].startswith("application/ld+json")
    assert isinstance(r.json(), list) and r.json()
    r = http.get("/sparql", params={"query": "CONSTRUCT { ?p ?q ?o } WHERE { ?p ?q ?o } LIMIT 2",
                                    "format": "csv"})
    assert r.status_code == 400 and "does not fit this query" in r.text


@pytest.mark.parametrize("method, kwargs, status", [
    ("post", {"data": {"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}}, 403),
    ("post", {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
     403),
    ("get", {"params": {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}}, 403),
    ("get", {"params": {"update": "CLEAR ALL"}}, 403),
    ("get", {"params": {"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> "
                                 "{ ?s ?p ?o } }"}}, 400),
    ("get", {"params": {"query": "SELECT WHERE {"}}, 400),
    ("get", {"params": {"query": ""}}, 400),
    ("get", {"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
             "headers": {"Accept": "image/png"}}, 406),
    ("post", {"content": "x", "headers": {"Content-Type": "text/plain"}}, 415),
])
def test_sparql_refusals_are_one_line(http, method, kwargs, status, served_graph):
    r = getattr(http, method)("/sparql", **kwargs)
    assert r.status_code == status, r.text
    assert len(r.text.strip().splitlines()) == 1 and "Traceback" not in r.text
    # the graph is unchanged
    n = http.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    assert int(n.json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_sparql_string_mentioning_service_is_not_refused(http):
    r = http.get("/sparql", params={"query": 'SELECT ?t WHERE { ?p dcterms:title ?t '
                                             'FILTER(CONTAINS(?t, "SERVICE")) }'})
    assert r.status_code == 200


def test_sparql_row_cap_and_timeout(explorer_server):
    store = explorer_server.explorer.rdf
    capped = sp.Endpoint(store, row_cap=4).run("SELECT * WHERE { ?s ?p ?o }")
    assert capped.rows == 4 and capped.capped
    slow = sp.Endpoint(store, timeout_s=0.3, row_cap=10**9)
    with pytest.raises(sp.ProtocolError, match="longer than 0.3 s") as info:
        slow.run("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
    assert info.value.status == 503


def test_entity_page_shows_its_results_as_a_leaderboard(http, served_graph):
    g = served_graph
    result = getattr(S, "RESULT", None)
    if result is None:
        pytest.skip("the schema has no Result nodes")
    on = {}
    for a, b in g.edges():
        if g.nodes[a].get("label") == result and g.nodes[b].get("label") == S.BENCHMARK:
            on.setdefault(b, set()).add(a)
    if not on:
        pytest.skip("no results on a benchmark in the seeds")
    bench = max(on, key=lambda k: (len(on[k]), k))
    data = http.get("/api/node", params={"key": bench}).json()
    assert {r["key"] for r in data["results"]} == on[bench]
    assert all(r["paper"] for r in data["results"])
    page = http.get("/node", params={"key": bench}).text
    assert f'<h2>Results <span class="num">{len(on[bench])}</span></h2>' in page
    assert "<th>benchmark</th>" not in page  # the page's own benchmark is not repeated


def test_an_empty_graph_serves_pages_not_errors():
    from paperkg.serve.app import create_app
    from paperkg.serve.explorer import open_explorer
    from tests.serving import start, stop

    server, thread, base = start(create_app(open_explorer(graph=nx.MultiDiGraph())))
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            assert client.get("/").status_code == 200
            assert client.get("/api/overview").json()["nodes"] == []
            assert client.get("/api/search", params={"q": "x"}).json()["hits"] == []
            r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
            assert r.json()["boolean"] is False
    finally:
        stop(server, thread)
