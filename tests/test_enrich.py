"""Enrichment against a real local HTTP server that serves recorded-shape service responses.

The responses below follow the OpenAlex Works API and the Semantic Scholar Graph API shapes
(field names, nesting, id formats); their values are written for these tests. No test reaches
the internet: the server listens on 127.0.0.1 and the CLI is pointed at it by environment.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from paperkg.graph.enrich import Cache, Client, ServiceError, enrich, titles_match
from tests.conftest import run_cli

MULTIPLE = "MultiPL-E: A Scalable and Extensible Approach to Benchmarking Neural Code Generation"
SYNTH = "Program Synthesis with Large Language Models"
TRANSFER = ("Knowledge Transfer from High-Resource to Low-Resource Programming Languages for "
            "Code LLMs")
TRPO = "Trust Region Policy Optimization"
UNKNOWN = "A Paper No Service Has Heard Of"

LISTING = [
    {"title": MULTIPLE, "arxiv_id": "2208.08227", "published": "--08-17",
     "abstract": "We propose MultiPL-E, a system for translating unit test-driven code generation "
                 "benchmarks to new languages. We use MultiPL-E to extend the HumanEval "
                 "benchmark and MBPP benchmark to 18 languages."},
    {"title": SYNTH, "url": "https://arxiv.org/abs/2108.07732v1", "published": "2021-08-16",
     "abstract": "We evaluate models on two new benchmarks, MBPP and MathQA-Python."},
    {"title": TRANSFER, "url": "https://huggingface.co/papers/2308.09895",
     "published": "2023-08-19",
     "abstract": "Our approach, called MultiPL-T, is evaluated on the MultiPL-E benchmarks."},
    {"title": TRPO, "published": "2015-02-19",
     "abstract": "We develop a practical algorithm, called Trust Region Policy Optimization "
                 "(TRPO)."},
    {"title": UNKNOWN, "abstract": "Nothing here is indexed anywhere."},
]

W = "https://openalex.org/"


def _authorship(name: str, position: str = "middle") -> dict:
    return {"author_position": position,
            "author": {"id": f"{W}A{abs(hash(name)) % 10**10}", "display_name": name,
                       "orcid": None},
            "institutions": [], "countries": [], "is_corresponding": False,
            "raw_author_name": name, "raw_affiliation_strings": []}


def _work(wid: str, title: str, doi: str, date: str, venue: str, authors: list[str],
          refs: list[str]) -> dict:
    return {
        "id": f"{W}{wid}", "doi": f"https://doi.org/{doi}", "title": title,
        "display_name": title, "publication_year": int(date[:4]), "publication_date": date,
        "ids": {"openalex": f"{W}{wid}", "doi": f"https://doi.org/{doi}"},
        "language": "en", "type": "article",
        "primary_location": {"is_oa": True, "landing_page_url": f"https://doi.org/{doi}",
                             "pdf_url": None,
                             "source": {"id": f"{W}S4306400194", "display_name": venue,
                                        "issn_l": None, "type": "repository"},
                             "license": None, "version": "submittedVersion"},
        "authorships": [_authorship(a, "first" if i == 0 else "middle")
                        for i, a in enumerate(authors)],
        "cited_by_count": 10, "referenced_works_count": len(refs),
        "referenced_works": [f"{W}{r}" for r in refs],
    }


OA_MULTIPLE = _work("W4292779060", MULTIPLE, "10.48550/arxiv.2208.08227", "2022-08-17",
                    "IEEE Transactions on Software Engineering",
                    ["Federico Cassano", "John Gouwar", "Arjun Guha"],
                    ["W3193402170", "W3104004581"])  # Program Synthesis; one outside the store
OA_SYNTH = _work("W3193402170", SYNTH, "10.48550/arxiv.2108.07732", "2021-08-16",
                 "arXiv (Cornell University)", ["Jacob Austin", "Augustus Odena"], [])
OA_TRANSFER = _work("W4386076417", TRANSFER, "10.48550/arxiv.2308.09895", "2023-08-19",
                    "Proceedings of the ACM on Programming Languages",
                    ["Federico Cassano", "Arjun Guha"], ["W4292779060", "W3193402170"])
OA_TRPO = _work("W1771410628", "Trust region policy optimization", "10.5555/3045118.3045319",
                "2015-07-06", "International Conference on Machine Learning",
                ["John Schulman", "Sergey Levine"], [])


def _oa_routes() -> dict[str, tuple[int, object]]:
    """Path (without query) -> (status, body) for the OpenAlex server."""
    return {
        "/works/doi:10.48550/arXiv.2208.08227": (200, OA_MULTIPLE),
        "/works/doi:10.48550/arXiv.2108.07732": (200, OA_SYNTH),
        "/works/doi:10.48550/arXiv.2308.09895": (200, OA_TRANSFER),
        "/works?search=" + TRPO: (200, {
            "meta": {"count": 2, "db_response_time_ms": 31, "page": 1, "per_page": 5},
            "results": [OA_TRPO, _work("W2", "Trust Region Methods", "10.1/x", "2000-01-01",
                                       "SIAM", ["A. Conn"], [])],
            "group_by": []}),
        "/works?search=" + UNKNOWN: (200, {"meta": {"count": 0, "page": 1, "per_page": 5},
                                           "results": [], "group_by": []}),
    }


def _s2_paper(pid: str, title: str, arxiv: str | None, date: str, venue: str,
              authors: list[str], refs: list[dict]) -> dict:
    ext = {"CorpusId": abs(hash(pid)) % 10**9}
    if arxiv:
        ext["ArXiv"] = arxiv
        ext["DBLP"] = f"journals/corr/abs-{arxiv.replace('.', '-')}"
    return {"paperId": pid, "externalIds": ext, "title": title, "venue": venue,
            "year": int(date[:4]), "publicationDate": date,
            "authors": [{"authorId": str(abs(hash(a)) % 10**9), "name": a} for a in authors],
            "references": refs}


S2_MULTIPLE = _s2_paper(
    "b6a3b8d1c2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8", MULTIPLE, "2208.08227", "2022-08-17",
    "IEEE Transactions on Software Engineering", ["Federico Cassano", "Arjun Guha"],
    [{"paperId": "a38e0f993e4805ba8a9beae4c275c91ffcec01df",
      "externalIds": {"ArXiv": "2108.07732", "CorpusId": 237142385}, "title": SYNTH},
     {"paperId": "acbdbf49f9bc3f151b93d9ca9a06009f4f6eb269",
      "externalIds": {"ArXiv": "2107.03374"}, "title": "Evaluating Large Language Models "
                                                       "Trained on Code"},
     {"paperId": None, "externalIds": None, "title": "A reference S2 could not resolve"}])
S2_TRANSFER = _s2_paper(
    "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0", TRANSFER, "2308.09895", "2023-08-19",
    "Proc. ACM Program. Lang.", ["Federico Cassano"],
    [{"paperId": "b6a3b8d1c2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8",
      "externalIds": {"ArXiv": "2208.08227"}, "title": MULTIPLE}])
S2_SYNTH = _s2_paper("a38e0f993e4805ba8a9beae4c275c91ffcec01df", SYNTH, "2108.07732",
                     "2021-08-16", "arXiv.org", ["Jacob Austin"], [])
S2_TRPO = _s2_paper("66cdc28dc084af6507e979767755e99fe0b46b39", TRPO, "1502.05477",
                    "2015-02-19", "International Conference on Machine Learning",
                    ["John Schulman"], [])


def _s2_routes() -> dict[str, tuple[int, object]]:
    """Path (without query, but with the search query) -> (status, body) for the S2 server."""
    return {
        "/graph/v1/paper/arXiv:2208.08227": (200, S2_MULTIPLE),
        "/graph/v1/paper/arXiv:2108.07732": (200, S2_SYNTH),
        "/graph/v1/paper/arXiv:2308.09895": (200, S2_TRANSFER),
        "/graph/v1/paper/search?query=" + TRPO: (200, {"total": 1, "offset": 0,
                                                        "data": [S2_TRPO]}),
        "/graph/v1/paper/search?query=" + UNKNOWN: (200, {"total": 0, "offset": 0,
                                                           "data": []}),
    }


class FakeService:
    """A real HTTP server on 127.0.0.1 answering from a route table, with injectable faults."""

    def __init__(self, routes: dict[str, tuple[int, object]]):
        self.routes = routes
        self.requests: list[str] = []  # routes asked for
        self.full: list[str] = []  # full request paths with their query strings
        self.fail: dict[str, list[int]] = {}  # route -> statuses to answer first (then the body)
        self.always_fail: set[str] = set()
        self.raw: dict[str, bytes] = {}  # route -> raw body (for non-JSON answers)
        self.retry_after = "0"  # the Retry-After header of the failures in `fail`
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                parsed = urllib.parse.urlsplit(self.path)
                q = urllib.parse.parse_qs(parsed.query)
                route = parsed.path
                for name in ("search", "query"):
                    if name in q:
                        route += f"?{name}=" + q[name][0]
                service.requests.append(route)
                service.full.append(urllib.parse.unquote_plus(self.path))
                if route in service.always_fail:
                    return self._send(500, {"error": "Internal Server Error"})
                pending = service.fail.get(route)
                if pending:
                    status = pending.pop(0)
                    return self._send(status, {"error": "try again"},
                                      {"Retry-After": service.retry_after})
                if route in service.raw:
                    return self._send(200, None, raw=service.raw[route])
                status, body = service.routes.get(route, (404, {"error": "Not Found"}))
                return self._send(status, body)

            def _send(self, status, body, headers=None, raw=None):
                data = raw if raw is not None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # shutdown() waits for the loop to look at its flag, every poll_interval (0.5 s default)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.02})

    def __enter__(self) -> FakeService:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    """A real store built from a JSON listing written for these tests (no extraction needed)."""
    from paperkg.graph.build import build_graph
    from paperkg.graph.ladybug_store import write_graph
    from paperkg.readers import read_listings

    listing = tmp_path / "papers.json"
    listing.write_text(json.dumps(LISTING), encoding="utf-8")
    result = read_listings([listing])
    db = tmp_path / "kg.lbug"
    write_graph(build_graph(result.papers, result.sources, []), db)
    return db


def _q(db: Path, cypher: str, **params) -> list[list]:
    from paperkg.graph.ladybug_store import query

    return query(cypher, params, db=db)[1]


def _env(service: FakeService, name: str = "PAPERKG_OPENALEX_URL") -> dict:
    return {name: service.url, "PAPERKG_ENRICH_INTERVAL": "0"}


def _paper_ids(db: Path) -> dict[str, str]:
    return {t: i for i, t in _q(db, "MATCH (p:Paper) RETURN p.id, p.title")}


# ---------------------------------------------------------------------------------------------


def test_openalex_adds_metadata_and_real_references(store: Path, tmp_path: Path):
    ids = _paper_ids(store)
    assert ids[MULTIPLE] == "2208.08227" and ids[TRANSFER] == "2308.09895"
    with FakeService(_oa_routes()) as svc:
        r = run_cli("enrich", "--source", "openalex", "--db", str(store), "--cache",
                    str(tmp_path / "cache"), "--json", env=_env(svc))
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["matched"] == 4 and report["not_found"] == 1 and report["papers"] == 5
    assert report["citations"] == 3 and report["references_outside"] == 1
    # arXiv ids are looked up by their DataCite DOI, titles by search; nothing else was asked.
    assert sorted(set(svc.requests)) == sorted(_oa_routes())
    venue, names, doi, count = _q(store, "MATCH (p:Paper {id: $id}) RETURN p.venue, "
                                         "p.author_names, p.doi, p.authors", id="2208.08227")[0]
    assert venue == "IEEE Transactions on Software Engineering"
    assert names == ["Federico Cassano", "John Gouwar", "Arjun Guha"]
    assert doi == "10.48550/arxiv.2208.08227" and count == 3
    # The title search picked the matching title, not the first other result.
    trpo = _q(store, "MATCH (p:Paper {id: $id}) RETURN p.venue, p.doi", id=ids[TRPO])[0]
    assert trpo == ["International Conference on Machine Learning", "10.5555/3045118.3045319"]
    # A --MM-DD date gains its year from the service; a full listing date is kept.
    assert _q(store, "MATCH (p:Paper {id: '2208.08227'}) RETURN p.published") == [["2022-08-17"]]
    assert _q(store, "MATCH (p:Paper {id: $id}) RETURN p.published", id=ids[TRPO]) == [
        ["2015-02-19"]]
    cites = _q(store, "MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, b.id, c.source, "
                      "c.temporal_conflict, c.evidence ORDER BY a.id, b.id")
    assert [row[:4] for row in cites] == [
        ["2208.08227", "2108.07732", "openalex", False],
        ["2308.09895", "2108.07732", "openalex", False],
        ["2308.09895", "2208.08227", "openalex", False],
    ]
    assert "W3193402170" in cites[0][4] and "W4292779060" in cites[0][4]


def test_rerun_and_offline_are_served_by_the_cache(store: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    with FakeService(_oa_routes()) as svc:
        first = run_cli("enrich", "--db", str(store), "--cache", str(cache), "--json",
                        env=_env(svc))
        asked = len(svc.requests)
        again = run_cli("enrich", "--db", str(store), "--cache", str(cache), "--json",
                        env=_env(svc))
        assert len(svc.requests) == asked  # every answer (404s too) came from the cache
    assert first.returncode == 0 and again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["fetched"] == 0
    # Server gone: --offline still serves the cache; enriching twice adds no duplicate edges.
    off = run_cli("enrich", "--offline", "--db", str(store), "--cache", str(cache), "--json",
                  env={"PAPERKG_OPENALEX_URL": "http://127.0.0.1:9"})
    assert off.returncode == 0, off.stderr
    rep = json.loads(off.stdout)
    assert rep["fetched"] == 0 and rep["matched"] == 4 and rep["not_cached"] == 0
    assert _q(store, "MATCH ()-[c:CITES {source: 'openalex'}]->() RETURN count(c)") == [[3]]
    # An empty cache offline: nothing matched, nothing asked, the store unchanged.
    empty = run_cli("enrich", "--offline", "--db", str(store), "--cache",
                    str(tmp_path / "empty"), env={"PAPERKG_OPENALEX_URL": "http://127.0.0.1:9"})
    assert empty.returncode == 0, empty.stderr
    assert "0 of 5 papers matched" in empty.stdout and "5 not in the cache" in empty.stdout
    assert _q(store, "MATCH (p:Paper {id: '2208.08227'}) RETURN p.venue") == [
        ["IEEE Transactions on Software Engineering"]]


def test_service_failure_keeps_what_was_enriched(store: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    with FakeService(_oa_routes()) as svc:
        # Papers are enriched in id order: 2108.07732, 2208.08227, then 2308.09895 fails.
        svc.always_fail.add("/works/doi:10.48550/arXiv.2308.09895")
        r = run_cli("enrich", "--db", str(store), "--cache", str(cache), "--retries", "2",
                    env=_env(svc))
        assert r.returncode != 0
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in r.stderr
        assert lines[0].startswith("paperkg: error: openalex unavailable after 3 attempts "
                                   "(HTTP 500")
        assert "kept 2 enriched paper(s) (2 of 5 looked up)" in lines[0]
        assert svc.requests.count("/works/doi:10.48550/arXiv.2308.09895") == 3
        # What came before the failure is in the store ...
        assert _q(store, "MATCH (p:Paper) WHERE p.venue IS NOT NULL RETURN p.id ORDER BY p.id"
                  ) == [["2108.07732"], ["2208.08227"]]
        assert _q(store, "MATCH (a)-[c:CITES]->(b) RETURN a.id, b.id") == [
            ["2208.08227", "2108.07732"]]
        # ... and the service recovers: the rerun asks only for what it has not got yet.
        svc.always_fail.clear()
        before = len(svc.requests)
        r2 = run_cli("enrich", "--db", str(store), "--cache", str(cache), "--json",
                     env=_env(svc))
        assert r2.returncode == 0, r2.stderr
        assert "/works/doi:10.48550/arXiv.2208.08227" not in svc.requests[before:]
        assert json.loads(r2.stdout)["matched"] == 4
    assert _q(store, "MATCH ()-[c:CITES]->() RETURN count(c)") == [[3]]


def test_rate_limit_answers_are_retried_with_backoff(tmp_path: Path):
    waits: list[float] = []
    with FakeService(_oa_routes()) as svc:
        svc.fail["/works/doi:10.48550/arXiv.2208.08227"] = [429, 503]
        client = Client("openalex", base_url=svc.url, cache=Cache(tmp_path, "openalex"),
                        interval=0.0, retries=3, backoff=0.01, sleep=waits.append)
        status, body = client.get("/works/doi:10.48550/arXiv.2208.08227")
    assert status == 200 and body["id"].endswith("W4292779060")
    assert svc.requests == ["/works/doi:10.48550/arXiv.2208.08227"] * 3
    assert waits == [0.01, 0.02]  # exponential backoff (Retry-After: 0 asks for no more)


def test_retry_after_longer_than_the_backoff_is_honoured(tmp_path: Path):
    waits: list[float] = []
    with FakeService(_oa_routes()) as svc:
        svc.fail["/works/doi:10.48550/arXiv.2208.08227"] = [429, 503]
        svc.retry_after = "3"
        client = Client("openalex", base_url=svc.url, cache=None, interval=0.0, retries=2,
                        backoff=0.01, sleep=waits.append)
        status, _ = client.get("/works/doi:10.48550/arXiv.2208.08227")
    assert status == 200 and waits == [3.0, 3.0]


def test_cache_folder_comes_from_paperkg_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PAPERKG_CACHE", str(tmp_path / "here"))
    cache = Cache(None, "openalex")
    cache.put("/works/x", 200, {"id": "x"})
    assert cache.dir == tmp_path / "here" / "openalex"
    assert [p.suffix for p in cache.dir.iterdir()] == [".json"]


def test_semanticscholar_references_by_external_ids(store: Path, tmp_path: Path):
    ids = _paper_ids(store)
    with FakeService(_s2_routes()) as svc:
        r = run_cli("enrich", "--source", "semanticscholar", "--db", str(store), "--cache",
                    str(tmp_path / "cache"), "--json", env=_env(svc, "PAPERKG_S2_URL"))
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["matched"] == 4 and rep["citations"] == 2 and rep["references_outside"] == 2
    assert svc.full and all("fields=" in q and "references.externalIds" in q for q in svc.full)
    cites = _q(store, "MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, b.id, c.source "
                      "ORDER BY a.id")
    assert cites == [["2208.08227", "2108.07732", "semanticscholar"],
                     ["2308.09895", "2208.08227", "semanticscholar"]]
    # The title-only paper gained its arXiv id from the service's externalIds.
    assert _q(store, "MATCH (p:Paper {id: $id}) RETURN p.arxiv_id, p.author_names",
              id=ids[TRPO]) == [["1502.05477", ["John Schulman"]]]


def test_service_errors_are_one_line(store: Path, tmp_path: Path):
    with FakeService(_oa_routes()) as svc:
        svc.raw["/works/doi:10.48550/arXiv.2108.07732"] = b"<html>maintenance</html>"
        r = run_cli("enrich", "--db", str(store), "--cache", str(tmp_path / "c"), env=_env(svc))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("paperkg: error: openalex returned something that is not JSON "
                               f"for {svc.url}/works/doi:10.48550/arXiv.2108.07732?select=")
    assert lines[0].endswith("kept 0 enriched paper(s) (0 of 5 looked up) - run again to "
                             "continue from the cache")
    # Nothing listens on port 9: a network failure is retried, then reported in one line.
    r = run_cli("enrich", "--db", str(store), "--cache", str(tmp_path / "d"), "--retries", "1",
                env={"PAPERKG_OPENALEX_URL": "http://127.0.0.1:9",
                     "PAPERKG_ENRICH_INTERVAL": "0"})
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1
    assert "openalex unavailable after 2 attempts (NewConnectionError" in r.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    r = run_cli("enrich", "--db", str(store), "--offline", "--cache", str(blocker / "sub"))
    assert r.returncode == 1 and r.stderr.strip().splitlines() == [
        f"paperkg: error: cannot use cache folder {blocker / 'sub' / 'openalex'}: Not a directory"]
    missing = run_cli("enrich", "--db", str(tmp_path / "nope.lbug"), "--offline")
    assert missing.returncode != 0
    assert missing.stderr.strip().splitlines() == [
        f"paperkg: error: no store at {tmp_path / 'nope.lbug'}: run `paperkg build PATH...` "
        "first (or pass --db)"]


def test_title_matching_tolerates_case_and_punctuation_only():
    assert titles_match("Trust region policy optimization", TRPO)
    assert titles_match("MultiPL-E: a scalable and extensible approach to benchmarking neural "
                        "code generation.", MULTIPLE)
    assert not titles_match("Trust Region Methods", TRPO)
    assert not titles_match("", TRPO)


def test_api_raises_service_error_with_partial_report(store: Path, tmp_path: Path):
    with FakeService(_oa_routes()) as svc:
        svc.always_fail.add("/works?search=" + TRPO)
        with pytest.raises(ServiceError) as info:
            enrich("openalex", db=store, cache=tmp_path / "c", base_url=svc.url, interval=0,
                   retries=0)
    rep = info.value.report
    # Id order: the three arXiv papers, the unknown one (not found), then TRPO fails.
    assert rep is not None and rep.matched == 3 and rep.looked_up == 4 and rep.citations == 3
    assert rep.not_found == 1 and "unavailable after 1 attempts" in str(info.value)


def test_an_inferred_citation_never_runs_backwards_and_enrich_adds_the_real_one(tmp_path: Path):
    """The listing dates have no year, but the arXiv ids date both papers (2021-08, 2022-08):
    the earlier paper's link to the later one is no citation, so none is inferred (issue 12);
    the service's reference runs forwards and is not flagged."""
    from paperkg.graph.build import build_graph
    from paperkg.graph.citations import add_citations
    from paperkg.graph.ladybug_store import write_graph
    from paperkg.readers import read_listings

    listing = tmp_path / "backwards.json"
    listing.write_text(json.dumps([
        {"title": SYNTH, "arxiv_id": "2108.07732", "published": "--08-16",
         "abstract": "We later extend https://arxiv.org/abs/2208.08227 to new problems."},
        {"title": MULTIPLE, "arxiv_id": "2208.08227", "published": "--08-17",
         "abstract": "We propose MultiPL-E."},
    ]), encoding="utf-8")
    result = read_listings([listing])
    g = build_graph(result.papers, result.sources, [])
    assert add_citations(g).summary()["cites_inferred"] == 0
    db = tmp_path / "kg.lbug"
    write_graph(g, db)
    assert _q(db, "MATCH ()-[c:CITES]->() RETURN c.source, c.temporal_conflict") == []
    with FakeService(_oa_routes()) as svc:
        r = run_cli("enrich", "--db", str(db), "--cache", str(tmp_path / "c"), "--json",
                    env=_env(svc))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["all_conflicts"] == 0
    # OpenAlex: MultiPL-E references Program Synthesis (forwards in time, no conflict)
    assert _q(db, "MATCH (a:Paper)-[c:CITES]->(b:Paper) RETURN a.id, b.id, c.source, "
                  "c.temporal_conflict ORDER BY c.source") == [
        ["2208.08227", "2108.07732", "openalex", False]]


def test_a_later_build_keeps_what_enrichment_added(store: Path, tmp_path: Path):
    with FakeService(_oa_routes()) as svc:
        r = run_cli("enrich", "--db", str(store), "--cache", str(tmp_path / "c"), env=_env(svc))
    assert r.returncode == 0, r.stderr
    listing = tmp_path / "papers.json"  # the listing the store was built from
    b = run_cli("build", str(listing), "--db", str(store), "--json")
    assert b.returncode == 0, b.stderr
    assert _q(store, "MATCH (p:Paper {id: '2208.08227'}) RETURN p.venue, p.published, "
                     "size(p.author_names)") == [
        ["IEEE Transactions on Software Engineering", "2022-08-17", 3]]
    assert _q(store, "MATCH ()-[c:CITES {source: 'openalex'}]->() RETURN count(c)") == [[3]]


def test_an_answer_in_another_shape_is_a_service_error(tmp_path: Path):
    from paperkg.graph.enrich import lookup

    routes = _oa_routes()
    routes["/works?search=Trust Region Policy Optimization"] = (200, {"results": ["oops"]})
    with FakeService(routes) as svc:
        client = Client("openalex", base_url=svc.url, cache=Cache(tmp_path, "openalex"),
                        interval=0.0)
        with pytest.raises(ServiceError, match=r"^openalex answered /works in an unexpected "
                                               r"shape \(AttributeError"):
            lookup(client, {"id": "x", "title": TRPO})
        # Punctuation and LaTeX never reach the search: they become spaces.
        found, answered = lookup(client, {"id": "y", "title": UNKNOWN + "?"})
    assert found is None and answered
    assert svc.requests[-1] == "/works?search=" + UNKNOWN
