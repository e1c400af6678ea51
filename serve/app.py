"""The explorer and SPARQL endpoint as one ASGI app (Starlette), and `serve` that runs it.

Routes: / (overview), /search, /node, /graph, /cypher, /sparql, and the JSON API under /api.
Every answer carries a Content-Security-Policy that allows this origin's scripts and styles
only, so nothing loads from the network and no injected markup could run.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from paperkg.core.errors import UserError
from paperkg.graph import schema
from paperkg.serve import console, pages
from paperkg.serve import sparql as sp
from paperkg.serve.explorer import (
    DEFAULT_NEIGHBOURS,
    ENTITY_LABELS,
    Explorer,
    NotFound,
    entity_data,
    neighbours,
    open_explorer,
    other_data,
    overview_data,
    paper_data,
)
from paperkg.viz.select import display_name, node_label

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_BODY = 100_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SPARQL_EXAMPLE = """SELECT ?paper ?title WHERE {
  ?paper a schema:ScholarlyArticle ; dcterms:title ?title .
} LIMIT 10"""


def vis_bundle() -> Path:
    """The vis-network bundle shipped inside pyvis (served from here: nothing from a CDN).

    The file is found without importing pyvis, which imports IPython (slow, and it reads
    sys.stdin's encoding at import: a server with no standard input failed there)."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    places = spec.submodule_search_locations if spec else None
    found = sorted(p for place in places or () for p in (Path(place) / "templates" / "lib").glob(
        "vis-*/vis-network.min.js"))
    if not found:
        raise UserError("pyvis ships no vis-network.min.js: reinstall pyvis==0.3.2")
    return found[-1]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.headers
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _int(value: str | None, default: int, low: int, high: int) -> int:
    """A bounded integer query parameter (default when missing or not a number)."""
    try:
        return max(low, min(high, int(value))) if value not in (None, "") else default
    except ValueError:
        return default


async def _form(request: Request) -> dict[str, list[str]]:
    """The fields of a urlencoded POST body (bounded in size)."""
    body = await request.body()
    if len(body) > MAX_BODY:
        raise sp.ProtocolError(413, f"the request body is larger than {MAX_BODY} bytes")
    return parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)


def create_app(explorer: Explorer, *, allowed_hosts: list[str] | None = None,
               cypher_timeout_s: float = console.DEFAULT_TIMEOUT_S,
               sparql_timeout_s: float = sp.DEFAULT_TIMEOUT_S,
               row_cap: int = console.DEFAULT_ROW_CAP) -> Starlette:
    """The ASGI app over one explorer (graph, search index, RDF store)."""
    from paperkg.graph.rdf import prefixes

    ex = explorer
    pfx = prefixes()
    endpoint = sp.Endpoint(ex.rdf, pfx, timeout_s=sparql_timeout_s,
                           row_cap=max(row_cap, sp.DEFAULT_ROW_CAP)) if ex.rdf is not None \
        else None
    bundle = vis_bundle()
    overview_json = overview_data(ex)

    def html(text: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(text, status_code=status)

    def failing(func: Callable) -> Callable:
        """Turn a user error into one clear line (a page or JSON), never a traceback."""
        async def wrapped(request: Request) -> Response:
            api = request.url.path.startswith("/api/")
            try:
                return await func(request)
            except NotFound as exc:
                status, msg = 404, str(exc)
            except sp.ProtocolError as exc:
                status, msg = exc.status, str(exc)
            except UserError as exc:
                status, msg = 400, str(exc)
            if api or request.url.path == "/sparql":
                if api:
                    return JSONResponse({"error": msg}, status_code=status)
                return Response(msg + "\n", status_code=status, media_type="text/plain")
            return html(pages.error_page(status, msg), status)
        return wrapped

    async def home(request: Request) -> Response:
        return html(pages.home_page(ex.counts, overview_json))

    async def search(request: Request) -> Response:
        q = request.query_params.get("q", "")
        t = time.perf_counter()
        hits = ex.index.search(q, limit=50)
        seconds = time.perf_counter() - t
        return html(pages.search_page(q, hits, seconds, hit_details(ex, hits)))

    async def node(request: Request) -> Response:
        key = request.query_params.get("key", "")
        label = node_label(ex.graph, key) if key in ex.graph else ""
        if label == schema.PAPER:
            return html(pages.paper_page(paper_data(ex, key)))
        if label in ENTITY_LABELS:
            return html(pages.entity_page(entity_data(ex, key)))
        return html(pages.other_page(other_data(ex, key)))

    async def graph(request: Request) -> Response:
        key = request.query_params.get("key", "")
        ex.node(key)
        limit = _int(request.query_params.get("limit"), DEFAULT_NEIGHBOURS, 1, 500)
        return html(pages.graph_page(key, display_name(ex.graph, key),
                                     node_label(ex.graph, key), limit))

    async def cypher(request: Request) -> Response:
        queries = console.library()
        params = dict(request.query_params)
        text, answer, error = "", None, None
        values = {k[2:]: v for k, v in params.items() if k.startswith("p.")}
        # by default the first query that needs no parameter
        ready = [q["name"] for q in queries if not any(p["required"] for p in q["params"])]
        name = params.get("name") or (ready or [q["name"] for q in queries] or [None])[0]
        try:
            if request.method == "POST":
                form = await _form(request)
                text = (form.get("query") or [""])[0]
                answer = await _in_thread(console.run_cypher, ex.db, text, None,
                                          cypher_timeout_s, row_cap)
            elif params.get("run"):
                answer = await _in_thread(console.run_named, ex.db, name, values,
                                          cypher_timeout_s, row_cap)
        except UserError as exc:
            error = str(exc)
        status = 400 if error else 200
        return html(pages.console_page(queries, name, values, text, answer, error), status)

    async def sparql(request: Request) -> Response:
        if endpoint is None:
            raise sp.ProtocolError(503, "the SPARQL endpoint is off (started with --no-sparql)")
        accept = request.headers.get("accept")
        forced = request.query_params.get("format")
        if request.method == "GET":
            if "update" in request.query_params:
                raise sp.refuse_update()
            query = request.query_params.get("query")
            if query is None:
                if "text/html" in (accept or ""):
                    return html(pages.sparql_page(pfx, SPARQL_EXAMPLE))
                raise sp.ProtocolError(400, "no query: give query=")
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise sp.refuse_update()
            if ctype == "application/sparql-query":
                body = await request.body()
                if len(body) > MAX_BODY:
                    raise sp.ProtocolError(413, "the query is too large")
                query = body.decode("utf-8", errors="replace")
            elif ctype == "application/x-www-form-urlencoded":
                form = await _form(request)
                if "update" in form:
                    raise sp.refuse_update()
                query = (form.get("query") or [""])[0]
                forced = forced or (form.get("format") or [None])[0]
            else:
                raise sp.ProtocolError(415, "POST a query as application/sparql-query or as "
                                            "an application/x-www-form-urlencoded query=")
        if sp.looks_like_update(query):
            raise sp.refuse_update()
        reply = await _in_thread(endpoint.run, query, accept, forced)
        headers = {"X-Result-Rows": str(reply.rows)}
        if reply.capped:
            headers["X-Result-Capped"] = f"first {reply.rows} rows"
        return Response(reply.body, media_type=reply.media_type, headers=headers)

    async def api_search(request: Request) -> Response:
        q = request.query_params.get("q", "")
        limit = _int(request.query_params.get("limit"), 20, 1, 100)
        kinds = [k for k in request.query_params.get("type", "").split(",") if k] or None
        t = time.perf_counter()
        hits = ex.index.search(q, limit=limit, kinds=kinds)
        return JSONResponse({"query": q, "ms": round((time.perf_counter() - t) * 1000, 3),
                             "hits": [h.__dict__ for h in hits]})

    async def api_node(request: Request) -> Response:
        key = request.query_params.get("key", "")
        label = node_label(ex.graph, key) if key in ex.graph else ""
        if label == schema.PAPER:
            return JSONResponse(paper_data(ex, key))
        if label in ENTITY_LABELS:
            return JSONResponse(entity_data(ex, key))
        return JSONResponse(other_data(ex, key))

    async def api_neighbours(request: Request) -> Response:
        key = request.query_params.get("key", "")
        limit = _int(request.query_params.get("limit"), DEFAULT_NEIGHBOURS, 1, 500)
        return JSONResponse(neighbours(ex, key, limit))

    async def api_overview(request: Request) -> Response:
        return JSONResponse(overview_json)

    async def api_queries(request: Request) -> Response:
        return JSONResponse(console.library())

    async def api_cypher(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_BODY:
            raise sp.ProtocolError(413, "the request is too large")
        try:
            import json

            data = json.loads(body or b"{}")
        except ValueError:
            raise UserError("the body must be JSON: {\"name\": ..., \"params\": {...}} or "
                            "{\"query\": ...}") from None
        if not isinstance(data, dict):
            raise UserError("the body must be a JSON object")
        params = data.get("params") or {}
        if not isinstance(params, dict):
            raise UserError("params must be an object")
        if data.get("name"):
            answer = await _in_thread(console.run_named, ex.db, str(data["name"]), params,
                                      cypher_timeout_s, row_cap)
        else:
            answer = await _in_thread(console.run_cypher, ex.db, str(data.get("query") or ""),
                                      params, cypher_timeout_s, row_cap)
        return JSONResponse({"columns": answer.columns, "rows": answer.rows,
                             "total": answer.total, "capped": answer.capped,
                             "seconds": answer.seconds})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "vis-network.min.js":
            return FileResponse(bundle, media_type="text/javascript",
                                headers={"Cache-Control": "max-age=3600"})
        files = {"explorer.js": "text/javascript", "explorer.css": "text/css"}
        if name not in files:
            raise NotFound(f"no static file {name!r}")
        return FileResponse(STATIC / name, media_type=files[name],
                            headers={"Cache-Control": "no-cache"})

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "nodes": ex.graph.number_of_nodes(),
                             "counts": ex.counts,
                             "startup_s": {k: round(v, 3) for k, v in ex.timings.items()}})

    routes = [
        Route("/", failing(home)),
        Route("/search", failing(search)),
        Route("/node", failing(node)),
        Route("/graph", failing(graph)),
        Route("/cypher", failing(cypher), methods=["GET", "POST"]),
        Route("/sparql", failing(sparql), methods=["GET", "POST"]),
        Route("/api/search", failing(api_search)),
        Route("/api/node", failing(api_node)),
        Route("/api/neighbours", failing(api_neighbours)),
        Route("/api/overview", failing(api_overview)),
        Route("/api/queries", failing(api_queries)),
        Route("/api/cypher", failing(api_cypher), methods=["POST"]),
        Route("/api/health", failing(health)),
        Route("/static/{name}", failing(static)),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))

    async def not_found(request: Request, exc: Exception) -> Response:
        return html(pages.error_page(404, f"nothing at {request.url.path}"), 404)

    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={404: not_found})


def hit_details(ex: Explorer, hits: list[Any]) -> dict[str, str]:
    """A line under each search result: a paper's date and first sentence, an entity's other
    names."""
    out = {}
    for h in hits:
        attrs = ex.graph.nodes[h.key]
        if h.kind == schema.PAPER:
            date = attrs.get("published") or attrs.get("listing_date") or ""
            text = pages.first_line(str(attrs.get("abstract") or ""))
            out[h.key] = " \u00b7 ".join(x for x in (str(date), text) if x)
        else:
            aliases = [str(a) for a in attrs.get("aliases") or () if str(a) != h.name]
            if aliases:
                out[h.key] = "also: " + ", ".join(aliases[:4]) + \
                    (f" (+{len(aliases) - 4})" if len(aliases) > 4 else "")
    return out


async def _in_thread(func: Callable, *args: Any) -> Any:
    """Run blocking work (store queries, SPARQL) off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(func, *args)


def is_loopback(host: str) -> bool:
    """Whether a host name or address only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def loopback_hosts(port: int) -> list[str]:
    """Host headers accepted when bound to loopback (a guard against DNS rebinding)."""
    names = ["127.0.0.1", "localhost", "[::1]", "["]  # Starlette cuts "[::1]:8000" at ":"
    return names + [f"{n}:{port}" for n in names[:3]]


def serve(db: str | os.PathLike | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          *, sparql: bool = True, progress: Callable[[str], None] | None = None,
          log_level: str = "warning") -> None:
    """Load the store, build the search index and RDF store, and serve until interrupted."""
    import socket

    import uvicorn

    if not 0 <= port <= 65535:
        raise UserError(f"--port must be between 0 and 65535, got {port}")
    say = progress or (lambda _msg: None)
    # bind first, so a busy port is one clear line before the graph is loaded
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted connections inherit this: without it a kept-alive answer waits ~40 ms for an ACK
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:  # address in use, permission denied, unknown host
        sock.close()
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    port = sock.getsockname()[1]
    try:
        ex = open_explorer(db, rdf=sparql)
    except BaseException:
        sock.close()
        raise
    say(f"loaded {ex.graph.number_of_nodes():,} nodes from {ex.db} "
        f"({', '.join(f'{k} {v:.1f} s' for k, v in ex.timings.items())})")
    hosts = loopback_hosts(port) if is_loopback(host) else None
    app = create_app(ex, allowed_hosts=hosts)
    if not is_loopback(host):
        say(f"warning: listening on {host}: anyone who can reach this machine can read the graph")
    sock.listen(2048)  # connections wait in the backlog from the moment the line is printed
    say(f"serving on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
        "(Ctrl-C stops)")
    config = uvicorn.Config(app, log_level=log_level, access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
