"""The SPARQL 1.1 Protocol over the graph's RDF (an in-memory Oxigraph store), read-only.

SELECT and ASK answer as SPARQL results JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle,
N-Triples, RDF/XML or JSON-LD; the Accept header chooses (or `format=`). Updates and SERVICE are
refused. Each query has a deadline and a row cap; a query still running at its deadline answers 503.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from paperkg.graph.rdf.sparql import bare_keywords, uses_service

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ROW_CAP = 10_000
MAX_QUERY_CHARS = 20_000
MAX_RUNNING = 2  # queries evaluated at once; more wait for a slot, then answer 503

RESULTS_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld",
}
RESULTS_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_MEDIA = {"turtle": "text/turtle", "ntriples": "application/n-triples",
               "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
_SHORT = {"json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None),
          "jsonld": (None, "jsonld"),
          "tsv": ("tsv", None), "turtle": (None, "turtle"), "ttl": (None, "turtle"),
          "nt": (None, "ntriples"), "ntriples": (None, "ntriples"), "rdfxml": (None, "rdfxml")}

_UPDATE_WORDS = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b",
                           re.IGNORECASE)


class ProtocolError(Exception):
    """A request the endpoint answers with an error status and one line of text."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Reply:
    """The body and media type of an answer."""

    body: bytes
    media_type: str
    rows: int = 0
    capped: bool = False


def check_query(query: str) -> None:
    """Refuse empty and over-long queries, updates and federated (SERVICE) queries."""
    if not query or not query.strip():
        raise ProtocolError(400, "no query: give query= (GET or form POST) or a "
                                 "application/sparql-query body")
    if len(query) > MAX_QUERY_CHARS:
        raise ProtocolError(400, f"the query is longer than {MAX_QUERY_CHARS} characters")
    if uses_service(query):
        raise ProtocolError(400, "SERVICE (federated query) is refused: this endpoint only "
                                 "answers from its own graph")


def refuse_update() -> ProtocolError:
    """The answer to any update request."""
    return ProtocolError(403, "updates are refused: this endpoint is read-only")


def looks_like_update(query: str) -> bool:
    """Whether a query= text is an update (it would fail to parse as a query anyway)."""
    return bool(_UPDATE_WORDS.search(bare_keywords(query))) and not re.search(
        r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", bare_keywords(query), re.IGNORECASE)


def _accepted(accept: str | None) -> list[tuple[float, int, str]]:
    """Media types of an Accept header with their q, best first (ties keep header order)."""
    out = []
    for i, part in enumerate((accept or "").split(",")):
        items = [p.strip() for p in part.split(";")]
        media = items[0].lower()
        if not media:
            continue
        q = 1.0
        for param in items[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((-q, i, media))
    return sorted(out)


def choose_format(accept: str | None, graph: bool, forced: str | None = None) -> str:
    """The answer format for an Accept header: a results format, or a graph format."""
    if forced:
        pair = _SHORT.get(forced.lower())
        chosen = pair and (pair[1] if graph else pair[0])
        if not chosen:
            kinds = "turtle, nt, rdfxml, jsonld" if graph else "json, xml, csv, tsv"
            raise ProtocolError(400, f"format={forced!r} does not fit this query (use {kinds})")
        return chosen
    table = GRAPH_TYPES if graph else RESULTS_TYPES
    for _, _, media in _accepted(accept):
        if media in table:
            return table[media]
    for _, _, media in _accepted(accept):
        if media in ("*/*", "application/*", "text/*") or not accept:
            return "turtle" if graph else "json"
    if not accept or not _accepted(accept):
        return "turtle" if graph else "json"
    raise ProtocolError(406, "none of the accepted media types can be produced (results: "
                             + ", ".join(RESULTS_MEDIA.values()) + "; graphs: "
                             + ", ".join(GRAPH_MEDIA.values()) + ")")


# ------------------------------------------------------------------------------ serialisers


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                    f"{escape(term.value)}</literal>")
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _csv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def _tsv_term(term: Any) -> str:
    return "" if term is None else str(term)  # pyoxigraph prints terms in N-Triples syntax


def solutions_body(variables: list[str], rows: list[list[Any]], fmt: str) -> bytes:
    """SELECT results in a SPARQL results format."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True)
                     if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>"]
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(variables, row, strict=True) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buf.getvalue().encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def boolean_body(value: bool, fmt: str) -> bytes:
    """ASK results in a SPARQL results format."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()


# ------------------------------------------------------------------------------ running


class Endpoint:
    """Runs protocol requests on one Oxigraph store with a deadline, a row cap and a slot limit."""

    def __init__(self, store: ox.Store, prefixes: dict[str, str] | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S, row_cap: int = DEFAULT_ROW_CAP):
        self.store = store
        self.prefixes = dict(prefixes or {})
        self.timeout_s = timeout_s
        self.row_cap = row_cap
        self._pool = ThreadPoolExecutor(max_workers=MAX_RUNNING, thread_name_prefix="sparql")
        self._slots = threading.BoundedSemaphore(MAX_RUNNING)

    def _evaluate(self, query: str, accept: str | None, forced: str | None,
                  deadline: float) -> Reply:
        try:
            result = self.store.query(query, prefixes=self.prefixes)
        except SyntaxError as exc:
            raise ProtocolError(400, "SPARQL syntax error: "
                                + " ".join(str(exc).split())[:300]) from None
        except (ValueError, OSError) as exc:
            raise ProtocolError(400, "SPARQL query failed: "
                                + " ".join(str(exc).split())[:300]) from None
        # pyoxigraph results must be dropped on the thread that made them: no traceback that
        # holds one may leave this thread
        failure = None
        try:
            reply = self._answer(result, accept, forced, deadline)
        except ProtocolError as exc:
            failure = (exc.status, str(exc))
        del result
        if failure:
            raise ProtocolError(*failure)
        return reply

    def _answer(self, result: Any, accept: str | None, forced: str | None,
                deadline: float) -> Reply:
        """Serialise a query's result in the chosen format (capped, within the deadline)."""
        if isinstance(result, ox.QueryBoolean):
            fmt = choose_format(accept, graph=False, forced=forced)
            return Reply(boolean_body(bool(result), fmt), RESULTS_MEDIA[fmt], 1)
        graph = isinstance(result, ox.QueryTriples)
        fmt = choose_format(accept, graph=graph, forced=forced)
        items: list[Any] = []
        capped = False
        for item in result:
            if len(items) >= self.row_cap:
                capped = True
                break
            if time.monotonic() > deadline:
                raise ProtocolError(503, f"the query took longer than {self.timeout_s:g} s "
                                         "and was stopped")
            items.append(item if graph else [item[v] for v in result.variables])
        if graph:
            body = ox.serialize(items, format=GRAPH_FORMATS[fmt], prefixes=self.prefixes) \
                if fmt == "turtle" else ox.serialize(items, format=GRAPH_FORMATS[fmt])
            return Reply(body or b"", GRAPH_MEDIA[fmt], len(items), capped)
        variables = [v.value for v in result.variables]
        return Reply(solutions_body(variables, items, fmt), RESULTS_MEDIA[fmt], len(items),
                     capped)

    def run(self, query: str, accept: str | None = None, forced: str | None = None) -> Reply:
        """Answer one query (ProtocolError for refused, malformed, too slow or busy)."""
        check_query(query)
        if not self._slots.acquire(timeout=self.timeout_s):
            raise ProtocolError(503, "the endpoint is busy: try again")
        deadline = time.monotonic() + self.timeout_s
        future = self._pool.submit(self._evaluate, query, accept, forced, deadline)
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return future.result(timeout=self.timeout_s + 0.5)
        except FutureTimeout:
            # evaluation cannot be interrupted: its slot stays taken until it ends
            raise ProtocolError(503, f"the query took longer than {self.timeout_s:g} s "
                                     "and was stopped") from None
