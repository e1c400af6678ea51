"""The mapping: each node and relationship of the graph as N-Triples text (driven by the schema).

Every node becomes a resource under ``<base><namespace>/<percent-encoded id>``; every
relationship one direct triple (plus its aligned predicates); a relationship with evidence also
gets a statement resource (``pkg:Statement``, an ``rdf:Statement``) that holds the evidence and
points back to its paper with ``prov:wasDerivedFrom``. pyoxigraph parses each chunk, so
malformed output cannot escape.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from paperkg.graph import schema
from paperkg.graph.rdf.terms import (
    DATE_PREDICATES,
    NODE_KEY_PREDICATES,
    RDF_NS,
    STATEMENT_CLASS,
    STATEMENT_NAMESPACE,
    XSD_NS,
    date_datatype,
    expand,
    local_name,
    namespace_iris,
    statement_local,
)

_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")



def _string(value: Any) -> str:
    """An N-Triples string literal body (quotes included)."""
    text = value if isinstance(value, str) else str(value)
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def _int(value: Any) -> str | None:
    try:
        return f'"{int(value)}"^^<{XSD_NS}integer>'
    except (TypeError, ValueError, OverflowError):
        return None


def _float(value: Any) -> str | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(x):
        lex = "NaN"
    elif math.isinf(x):
        lex = "INF" if x > 0 else "-INF"
    else:
        lex = repr(x)
    return f'"{lex}"^^<{XSD_NS}double>'


def _bool(value: Any) -> str:
    if isinstance(value, str):
        flag = value.strip().lower() in ("true", "1", "yes")
    else:
        flag = bool(value)
    return f'"{"true" if flag else "false"}"^^<{XSD_NS}boolean>'


def _date(value: Any) -> str:
    text = str(value)
    kind = date_datatype(text)
    if kind is None:
        return _string(text)
    return f'"{text}"^^<{XSD_NS}{kind}>'


_WRITERS = {schema.STRING: _string, schema.STRING_LIST: _string, schema.INT: _int,
            schema.FLOAT: _float, schema.BOOL: _bool}


@dataclass(frozen=True)
class _Field:
    """How one property becomes triples: its name, predicate token and literal writer."""

    name: str
    predicate: str  # "<iri>"
    write: Any
    many: bool
    node_key: bool = False


def _fields(props: Iterable[schema.Prop]) -> list[_Field]:
    out = []
    for p in props:
        if p.rdf is None:
            continue
        write = _date if p.rdf in DATE_PREDICATES else _WRITERS[p.type]
        out.append(_Field(p.name, f"<{expand(p.rdf)}>", write, p.type == schema.STRING_LIST,
                          p.rdf in NODE_KEY_PREDICATES))
    return out


def _aligned(rel: schema.RelType) -> list[tuple[str, str | None, bool]]:
    """(predicate token, target label or None, inverse) for each aligned predicate."""
    out = []
    for spec in rel.rdf_aligned:
        inverse = spec.startswith("^")
        curie, _, label = spec.lstrip("^").partition("@")
        out.append((f"<{expand(curie)}>", label or None, inverse))
    return out


@dataclass
class MappingStats:
    """What the mapping wrote and what it had to leave out."""

    triples: int = 0
    nodes: int = 0
    edges: int = 0
    statements: int = 0
    skipped_nodes: int = 0
    skipped_edges: int = 0


def _node_label(key: str, data: dict) -> str:
    label = data.get("label")
    return label if isinstance(label, str) and label else schema.split_key(str(key))[0]


def ntriples_chunks(G: nx.MultiDiGraph, base: str | None = None, chunk_size: int = 20_000,
                    stats: MappingStats | None = None,
                    part: tuple[int, int] = (0, 1)) -> Iterator[str]:
    """The graph as N-Triples text, in chunks of about chunk_size triples (no blank nodes).

    part=(i, n) keeps only the i-th of n slices: the nodes at positions i, i+n, ... and the
    edges leaving them, so n workers together write every triple exactly once.
    """
    stats = stats if stats is not None else MappingStats()
    mine, parts = part
    spaces = namespace_iris(base)
    rdf_type = f"<{RDF_NS}type>"
    node_fields = {label: _fields(nt.props) for label, nt in schema.NODE_TYPES.items()}
    node_types = {label: [f"<{expand(c)}>" for c in nt.rdf_types]
                  for label, nt in schema.NODE_TYPES.items()}
    iri: dict[Any, str] = {}
    lines: list[str] = []
    add = lines.append

    def flush(final: bool = False) -> Iterator[str]:
        if lines and (final or len(lines) >= chunk_size):
            text = "".join(lines)
            lines.clear()
            stats.triples += text.count("\n")  # literal newlines are escaped: one per triple
            yield text

    owner: dict[Any, bool] = {}
    labels: dict[Any, str] = {}
    for pos, (key, data) in enumerate(G.nodes(data=True)):
        label = _node_label(key, data)
        labels[key] = label
        owned = owner[key] = pos % parts == mine
        if label not in schema.NODE_TYPES:
            stats.skipped_nodes += owned
            continue
        id_ = data.get(schema.NODE_TYPES[label].key)
        if id_ is None:
            id_ = schema.split_key(str(key))[1]
        s = f"<{spaces[label]}{local_name(id_)}>"
        iri[key] = s
        if not owned:
            continue
        stats.nodes += 1
        for t in node_types[label]:
            add(f"{s} {rdf_type} {t} .\n")
        for f in node_fields[label]:
            value = data.get(f.name)
            if value is None:
                continue
            values = dict.fromkeys(value) if f.many and isinstance(value, (list, tuple)) \
                else (value,)
            for item in values:
                if item is None:
                    continue
                obj = f.write(item)
                if obj is not None:
                    add(f"{s} {f.predicate} {obj} .\n")
        yield from flush()

    rels = {t: (f"<{expand(r.rdf)}>", _fields(r.props), _aligned(r))
            for t, r in schema.REL_TYPES.items()}
    stmt_types = (f"<{expand(STATEMENT_CLASS)}>", f"<{RDF_NS}Statement>")
    rdf_s, rdf_p, rdf_o = (f"<{RDF_NS}{n}>" for n in ("subject", "predicate", "object"))
    derived = f"<{expand('prov:wasDerivedFrom')}>"
    stmt_ns = spaces[STATEMENT_NAMESPACE]
    direct_seen: set[tuple[str, str, str]] = set()  # (s, p, o) of direct/aligned triples
    for u, v, key, data in _sorted_edges(G, owner):
        rel_type = data.get("type") or str(key).partition("|")[0]
        spec = rels.get(rel_type)
        s, o = iri.get(u), iri.get(v)
        if spec is None or s is None or o is None:
            stats.skipped_edges += 1
            continue
        pred, fields, aligned = spec
        stats.edges += 1
        if (s, pred, o) not in direct_seen:
            direct_seen.add((s, pred, o))
            add(f"{s} {pred} {o} .\n")
            for apred, only, inverse in aligned:
                if only is not None and labels.get(v) != only:
                    continue
                triple = (o, apred, s) if inverse else (s, apred, o)
                if triple not in direct_seen:  # two types may share an aligned predicate
                    direct_seen.add(triple)
                    add(f"{triple[0]} {triple[1]} {triple[2]} .\n")
        body = []
        for f in fields:
            value = data.get(f.name)
            if value is None:
                continue
            if f.node_key:
                target = iri.get(value)
                obj = target if target is not None else f.write(value)
            else:
                obj = f.write(value)
            if obj is not None:
                body.append((f.predicate, obj))
        if body:
            st = f"<{stmt_ns}{statement_local(str(u), str(key), str(v))}>"
            stats.statements += 1
            add(f"{st} {rdf_type} {stmt_types[0]} .\n")
            add(f"{st} {rdf_type} {stmt_types[1]} .\n")
            add(f"{st} {rdf_s} {s} .\n{st} {rdf_p} {pred} .\n{st} {rdf_o} {o} .\n")
            add(f"{st} {derived} {s} .\n")
            for p, obj in body:
                add(f"{st} {p} {obj} .\n")
        yield from flush()
    yield from flush(final=True)


def _sorted_edges(G: nx.MultiDiGraph, owner: dict[Any, bool]) -> Iterator[tuple]:
    """Edges leaving owned nodes, in node order, then by target and key (stable output)."""
    for u, nbrs in G.adj.items():
        if not owner[u]:
            continue
        for v in sorted(nbrs, key=str):
            keyed = nbrs[v]
            for k in sorted(keyed, key=str):
                yield u, v, k, keyed[k]


def _encode(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from untrusted input
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def triples(G: nx.MultiDiGraph, base: str | None = None, stats: MappingStats | None = None,
            part: tuple[int, int] = (0, 1)) -> Iterator[ox.Quad]:
    """The graph as pyoxigraph quads in the default graph (each chunk parsed by pyoxigraph).

    The parse is lenient (no IRI re-validation, about a third cheaper): every IRI here is the
    validated base plus a percent-encoded local name ([A-Za-z0-9_.%-] only) or a schema
    constant, so none can be invalid; the N-Triples syntax itself is still checked.
    """
    return itertools.chain.from_iterable(
        ox.parse(_encode(text), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        for text in ntriples_chunks(G, base, stats=stats, part=part))


def to_store(G: nx.MultiDiGraph, base: str | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding the graph's triples."""
    store = ox.Store()
    for text in ntriples_chunks(G, base, chunk_size=200_000):
        store.load(_encode(text), format=ox.RdfFormat.N_TRIPLES)
    return store
