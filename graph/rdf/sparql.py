"""SPARQL over the graph as RDF (an in-memory Oxigraph store), answered as columns and rows."""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
import pyoxigraph as ox

from paperkg.core.errors import UserError
from paperkg.graph.rdf.mapping import to_store
from paperkg.graph.rdf.terms import XSD_NS, prefixes

# Strings, IRIs and comments of a SPARQL query: words inside them are not keywords.
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def bare_keywords(query: str) -> str:
    """The query with its strings, IRIs and comments blanked out (what is left is syntax)."""
    return _OPAQUE.sub(" ", query)


def uses_service(query: str) -> bool:
    """Whether the query federates (SERVICE sends part of it to another endpoint)."""
    return bool(_SERVICE.search(bare_keywords(query)))


def check_service(query: str, allow_service: bool = False) -> None:
    """Refuse a federated query (SERVICE reaches another endpoint) unless allowed."""
    if not allow_service and uses_service(query):
        raise UserError("refused: SERVICE would send the query to another endpoint over the "
                        "network; pass --allow-service to permit federated queries")


def _value(term: Any, compact: dict[str, str] | None = None) -> Any:
    """A plain Python value for one SPARQL result term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if compact:
            for prefix, ns in compact.items():
                if iri.startswith(ns) and len(iri) > len(ns):
                    return f"{prefix}:{iri[len(ns):]}"
        return iri
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in (XSD_NS + "integer", XSD_NS + "int", XSD_NS + "long"):
                return int(term.value)
            if dt in (XSD_NS + "double", XSD_NS + "decimal", XSD_NS + "float"):
                return float(term.value)
            if dt == XSD_NS + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    return str(term)


def run_sparql(store: ox.Store, query: str, base: str | None = None,
               compact: bool = False, allow_service: bool = False
               ) -> tuple[list[str], list[list[Any]]]:
    """Run a read-only SPARQL query on a store; (columns, rows) like the Cypher verbs."""
    check_service(query, allow_service)
    pfx = prefixes(base)
    try:
        result = store.query(query, prefixes=pfx)
    except SyntaxError as exc:
        msg = " ".join(str(exc).split())
        if len(msg) > 160:
            msg = msg[:157] + "..."
        raise UserError(f"SPARQL syntax error: {msg}") from None
    except (ValueError, OSError) as exc:
        raise UserError(f"SPARQL query failed: {' '.join(str(exc).split())}") from None
    shown = _compact_order(pfx) if compact else None
    if isinstance(result, (bool, ox.QueryBoolean)):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [[_value(sol[c], shown) for c in columns] for sol in result]
        return columns, rows
    rows = [[_value(t.subject, shown), _value(t.predicate, shown), _value(t.object, shown)]
            for t in result]
    return ["subject", "predicate", "object"], rows


def _compact_order(pfx: dict[str, str]) -> dict[str, str]:
    """Prefixes longest namespace first, so the most specific one wins."""
    return dict(sorted(pfx.items(), key=lambda kv: -len(kv[1])))


def sparql(query: str, db: str | None = None, base: str | None = None,
           graph: nx.MultiDiGraph | None = None,
           compact: bool = False, allow_service: bool = False
           ) -> tuple[list[str], list[list[Any]]]:
    """Run SPARQL over the graph (from the embedded store, or the graph given) as RDF.

    SERVICE (federation over the network) is refused unless allow_service is set.
    """
    check_service(query, allow_service)
    from paperkg.graph.ladybug_store import load_graph

    G = graph if graph is not None else load_graph(db)
    return run_sparql(to_store(G, base), query, base, compact, allow_service)
