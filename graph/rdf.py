"""The paperkg graph as RDF: a mapping driven by graph/schema.py, SHACL shapes, and SPARQL.

Every node becomes a resource under ``<base><namespace>/<percent-encoded id>`` (one namespace per
node type, so Turtle local names never need ``\\/``). Every relationship becomes one direct triple
(plus its aligned predicates); when it carries evidence, a statement resource (``pkg:Statement``,
an ``rdf:Statement``) holds that evidence and points back to its paper with
``prov:wasDerivedFrom``.

Internally the mapping writes N-Triples text in chunks; pyoxigraph parses each chunk (so malformed
output cannot escape) and serialises the stream to Turtle, N-Triples or JSON-LD.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import math
import multiprocessing as mp
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

from paperkg.core.errors import UserError
from paperkg.graph import schema

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SH_NS = "http://www.w3.org/ns/shacl#"
OWL_NS = "http://www.w3.org/2002/07/owl#"

#: Namespace (under the base) of the statement resources that carry evidence.
STATEMENT_NAMESPACE = "statement"
#: Class of the statement resources (declared in ontology.ttl).
STATEMENT_CLASS = "pkg:Statement"
#: Predicates whose property value is a node key ("Label:id") and so maps to that node's IRI.
NODE_KEY_PREDICATES = frozenset({"pkg:viaEntity"})
#: Predicates whose ISO 8601 value gets the matching XSD date type (date, gYearMonth, gYear,
#: gMonthDay); a value in none of those forms stays a plain string (and SHACL reports it).
DATE_PREDICATES = frozenset({"dcterms:issued", "pkg:listingDate"})

ONTOLOGY_FILE = Path(__file__).with_name("ontology.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_DATE_FORMS = (
    (re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"), "date"),
    (re.compile(r"([0-9]{4})-([0-9]{2})"), "gYearMonth"),
    (re.compile(r"([0-9]{4})"), "gYear"),
    (re.compile(r"--([0-9]{2})-([0-9]{2})"), "gMonthDay"),
)
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def expand(curie: str) -> str:
    """The full IRI of a CURIE whose prefix is in schema.PREFIXES (or rdf:)."""
    prefix, sep, local = curie.partition(":")
    if prefix == "rdf":
        return RDF_NS + local
    if prefix == "sh":
        return SH_NS + local
    if not sep or prefix not in schema.PREFIXES:
        raise ValueError(f"unknown prefix in {curie!r}")
    return schema.PREFIXES[prefix] + local


def normalise_base(base: str | None) -> str:
    """The base IRI, checked to be absolute and ending in '/' or '#'."""
    given = (base or schema.DEFAULT_BASE).strip()
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", given):
        raise UserError(f"--base must be an absolute IRI (like https://example.org/kg/), "
                        f"got {given!r}")
    base = given if given.endswith(("/", "#")) else given + "/"
    try:
        ox.NamedNode(base + "x")
    except ValueError as exc:
        raise UserError(f"--base is not a valid IRI: {base!r} ({exc})") from None
    return base


def namespace_iris(base: str | None = None) -> dict[str, str]:
    """Namespace IRI of each node label (and of statements, under STATEMENT_NAMESPACE)."""
    base = normalise_base(base)
    out = {label: f"{base}{nt.namespace}/" for label, nt in schema.NODE_TYPES.items()}
    out[STATEMENT_NAMESPACE] = f"{base}{STATEMENT_NAMESPACE}/"
    return out


def prefixes(base: str | None = None) -> dict[str, str]:
    """Every prefix used in Turtle output and offered to SPARQL queries."""
    out = {"rdf": RDF_NS, **schema.PREFIXES}
    spaces = namespace_iris(base)
    for label, nt in schema.NODE_TYPES.items():
        out.setdefault(nt.namespace, spaces[label])
    out.setdefault("stmt", spaces[STATEMENT_NAMESPACE])
    return out


def local_name(id_: str) -> str:
    """The percent-encoded local name of a node id (stable, ASCII, no Turtle escapes needed).

    Everything but letters, digits and '_.-' is percent-encoded, and so are '~', a leading
    '-' or '.', and a trailing '.', which a Turtle prefixed name could only hold escaped.
    """
    name = quote(str(id_), safe="", errors="replace").replace("~", "%7E")
    if name[:1] in ("-", "."):
        name = f"%{ord(name[0]):02X}{name[1:]}"
    if name.endswith("."):
        name = name[:-1] + "%2E"
    return name


def node_iri(label: str, id_: str, base: str | None = None) -> str:
    """The IRI of the node with this label and id."""
    return namespace_iris(base)[label] + local_name(id_)


def statement_local(u: str, key: str, v: str) -> str:
    """Stable local name of the statement behind edge (u, v, key)."""
    digest = hashlib.blake2b(f"{u}\x1f{key}\x1f{v}".encode("utf-8", "replace"), digest_size=10)
    return digest.hexdigest()


def date_datatype(value: str) -> str | None:
    """XSD type name of an ISO 8601 date, year-month, year or --MM-DD; None if it is none.

    The value must also be a real calendar date (no month 13, no 30 February).
    """
    for pattern, name in _DATE_FORMS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        parts = [int(x) for x in m.groups()]
        if name == "gMonthDay":
            parts = [2000, *parts]  # a leap year: --02-29 is a valid month-day
        parts += [1] * (3 - len(parts))
        try:
            datetime.date(*parts)
        except ValueError:
            return None
        return name
    return None


# ---------------------------------------------------------------------------------------------
# N-Triples text for one graph


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


# pyoxigraph writes '%' in prefixed names as '\\%' (valid, but '%HH' is valid and plainer).
# Inside string literals every backslash is doubled (and NUL is written \\u0000), so after
# pairing backslashes off, a lone backslash before '%' can only be such an escape.
def _unescape_percent(data: bytes) -> bytes:
    return data.replace(b"\\\\", b"\0").replace(b"\\%", b"%").replace(b"\0", b"\\\\")


class _TurtleSink:
    """A byte sink for pyoxigraph's Turtle: sorts (or drops) the @prefix header, unescapes '%'."""

    def __init__(self, raw: IO[bytes], keep: bool = True) -> None:
        self.raw, self.keep, self.head, self.done = raw, keep, b"", False
        self.carry = b""

    def write(self, data: bytes) -> int:
        """Pass data on (the header once it is complete)."""
        size = len(data)
        data = self.carry + bytes(data)
        cut = len(data.rstrip(b"\\"))  # a run of backslashes may continue in the next write
        data, self.carry = data[:cut], data[cut:]
        if b"\\%" in data:
            data = _unescape_percent(data)
        if self.done:
            self.raw.write(data)
            return size
        self._header(data)
        return size

    def _header(self, data: bytes) -> None:
        self.head += data
        lines = self.head.split(b"\n")
        n = 0
        while n < len(lines) - 1 and lines[n].startswith(b"@prefix "):
            n += 1
        if n == len(lines) - 1:  # still inside the header
            return
        self.done = True
        if self.keep and n:
            self.raw.write(b"\n".join(sorted(lines[:n])) + b"\n")
        self.raw.write(b"\n".join(lines[n:]))
        self.head = b""

    def flush(self) -> None:
        """Write what is held back and flush."""
        if self.carry:  # only backslashes were held back: nothing can follow them now
            tail, self.carry = self.carry, b""
            if self.done:
                self.raw.write(tail)
            else:
                self._header(tail)
        if not self.done and self.head:
            lines = self.head.split(b"\n")
            if self.keep:
                self.raw.write(b"\n".join(sorted(x for x in lines if x)) + b"\n")
            self.head, self.done = b"", True
        self.raw.flush()


def _write_part(G: nx.MultiDiGraph, out: IO[bytes], fmt: str, base: str | None,
                part: tuple[int, int]) -> MappingStats:
    stats = MappingStats()
    if fmt == "turtle":
        sink = _TurtleSink(out, keep=part[0] == 0)
        ox.serialize(triples(G, base, stats, part), sink, format=FORMATS[fmt],
                     prefixes=prefixes(base))
        sink.flush()
    else:
        ox.serialize(triples(G, base, stats, part), out, format=FORMATS[fmt])
        out.flush()
    return stats


def _child_part(args: tuple) -> MappingStats:
    G, path, fmt, base, part = _FORKED[0], *args
    with open(path, "wb") as fh:
        return _write_part(G, fh, fmt, base, part)


_FORKED: list[Any] = [None]


def serialize(G: nx.MultiDiGraph, output: IO[bytes], fmt: str = "turtle",
              base: str | None = None, workers: int | None = None) -> MappingStats:
    """Write the graph as Turtle, N-Triples or JSON-LD to a binary stream.

    Turtle and N-Triples of large graphs are written by several processes (forked, so the
    graph is shared), each serialising a slice with pyoxigraph; the slices are then joined.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown RDF format {fmt!r} (choose from {', '.join(FORMATS)})")
    normalise_base(base)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if G.number_of_nodes() >= 20_000 else 1
    if fmt == "jsonld" or workers <= 1 or "fork" not in mp.get_all_start_methods():
        return _write_part(G, output, fmt, base, (0, 1))
    total = MappingStats()
    with tempfile.TemporaryDirectory(prefix="paperkg-rdf-") as tmp:
        paths = [os.path.join(tmp, f"part{i}") for i in range(1, workers)]
        _FORKED[0] = G
        try:
            with mp.get_context("fork").Pool(workers - 1) as pool:
                pending = pool.map_async(
                    _child_part, [(p, fmt, base, (i, workers)) for i, p in enumerate(paths, 1)])
                results = [_write_part(G, output, fmt, base, (0, workers))]
                results += pending.get()
        finally:
            _FORKED[0] = None
        for path in paths:
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, output, 1 << 20)
        output.flush()
    for st in results:
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(st, name))
    return total


def to_store(G: nx.MultiDiGraph, base: str | None = None) -> ox.Store:
    """An in-memory Oxigraph store holding the graph's triples."""
    store = ox.Store()
    for text in ntriples_chunks(G, base, chunk_size=200_000):
        store.load(_encode(text), format=ox.RdfFormat.N_TRIPLES)
    return store


# ---------------------------------------------------------------------------------------------
# SPARQL


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
               compact: bool = False) -> tuple[list[str], list[list[Any]]]:
    """Run a read-only SPARQL query on a store; (columns, rows) like the Cypher verbs."""
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
           compact: bool = False) -> tuple[list[str], list[list[Any]]]:
    """Run SPARQL over the graph (from the embedded store, or the graph given) as RDF."""
    from paperkg.graph.export import read_graph

    G = graph if graph is not None else read_graph(db)
    return run_sparql(to_store(G, base), query, base, compact)


# ---------------------------------------------------------------------------------------------
# SHACL shapes (generated from the schema; graph/shapes.ttl is this, written out)


def primary_class(label: str) -> str:
    """The class CURIE that identifies a node type: its first pkg: class, else its first."""
    types = schema.NODE_TYPES[label].rdf_types
    return next((t for t in types if t.startswith("pkg:")), types[0])


def shapes_graph():
    """SHACL shapes for every node type and for statement resources, as an rdflib Graph."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import RDF, SH, XSD

    g = Graph()
    for prefix, ns in {**schema.PREFIXES, "sh": SH_NS, "rdf": RDF_NS}.items():
        g.bind(prefix, ns)
    PKG = Namespace(schema.PKG_ONTOLOGY)
    u = lambda curie: URIRef(expand(curie))  # noqa: E731
    datatypes = {t: URIRef(expand(x)) for t, x in schema.XSD_OF.items()}
    datatypes[schema.STRING_LIST] = XSD.string
    date_types = [XSD.date, XSD.gYearMonth, XSD.gYear, XSD.gMonthDay]
    counter = itertools.count()

    def bnode() -> BNode:  # numbered, so the written file is the same on every run
        return BNode(f"n{next(counter):04d}")

    def rdf_list(items: list) -> BNode:
        head = bnode()
        Collection(g, head, items)
        return head

    def prop_shape(shape: URIRef, path: URIRef, **facts) -> BNode:
        ps = bnode()
        g.add((shape, SH.property, ps))
        g.add((ps, SH.path, path))
        for name, value in facts.items():
            g.add((ps, SH[name], value))
        return ps

    def literal_shape(shape: URIRef, p: schema.Prop, required: bool = False) -> None:
        facts: dict[str, Any] = {}
        if p.type != schema.STRING_LIST:
            facts["maxCount"] = Literal(1)
        if required:
            facts["minCount"] = Literal(1)
        if p.rdf in NODE_KEY_PREDICATES:
            facts["nodeKind"] = SH.IRI
        elif p.rdf in DATE_PREDICATES:
            facts["or"] = rdf_list([_fact_node(g, bnode(), "datatype", d) for d in date_types])
        else:
            facts["datatype"] = datatypes[p.type]
        ps = prop_shape(shape, u(p.rdf), **facts)
        if p.doc:
            g.add((ps, SH.description, Literal(p.doc)))

    for label, nt in schema.NODE_TYPES.items():
        shape = PKG[f"{label}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, u(primary_class(label))))
        g.add((shape, SH.name, Literal(label)))
        g.add((shape, SH.description, Literal(nt.doc)))
        for cls in nt.rdf_types:
            prop_shape(shape, RDF.type, hasValue=u(cls))
        for p in nt.props:
            if p.rdf is not None:
                literal_shape(shape, p, required=p.name == nt.key)
    for rel in schema.REL_TYPES.values():
        for source in rel.sources:
            targets = sorted({b for a, b in rel.pairs if a == source})
            shape = PKG[f"{source}Shape"]
            classes = [u(primary_class(t)) for t in targets]
            if len(classes) == 1:
                ps = prop_shape(shape, u(rel.rdf), nodeKind=SH.IRI, **{"class": classes[0]})
            else:
                either = rdf_list([_fact_node(g, bnode(), "class", c) for c in classes])
                ps = prop_shape(shape, u(rel.rdf), nodeKind=SH.IRI, **{"or": either})
            g.add((ps, SH.description, Literal(rel.doc)))

    shape = PKG["StatementShape"]
    g.add((shape, RDF.type, SH.NodeShape))
    g.add((shape, SH.targetClass, u(STATEMENT_CLASS)))
    g.add((shape, SH.name, Literal("Statement")))
    g.add((shape, SH.description, Literal("Evidence for one extracted relationship.")))
    one = {"minCount": Literal(1), "maxCount": Literal(1), "nodeKind": SH.IRI}
    prop_shape(shape, RDF.subject, **one)
    prop_shape(shape, RDF.object, **one)
    prop_shape(shape, RDF.predicate, **one,
               **{"in": rdf_list(sorted({u(r.rdf) for r in schema.REL_TYPES.values()}))})
    prop_shape(shape, u("prov:wasDerivedFrom"), **one,
               **{"class": u(primary_class(schema.PAPER))})
    seen: dict[str, schema.Prop] = {}
    for rel in schema.REL_TYPES.values():
        for p in rel.props:
            if p.rdf is None:
                continue
            if p.rdf in seen:
                if seen[p.rdf].type != p.type:
                    raise ValueError(f"{p.rdf} has two types in the schema")
                continue
            seen[p.rdf] = p
            literal_shape(shape, p)
    return g


SHAPES_HEADER = """\
# SHACL shapes for paperkg's RDF export: one node shape per node type, one for statements.
# Generated from graph/schema.py by paperkg.graph.rdf.shapes_turtle(); regenerate with
#   python -c "from paperkg.graph.rdf import write_shapes; write_shapes()"
# (tests/test_rdf_shapes.py fails when this file and the schema disagree).

"""


def shapes_turtle() -> str:
    """The shapes as Turtle text, with the header graph/shapes.ttl carries."""
    return SHAPES_HEADER + shapes_graph().serialize(format="turtle")


def write_shapes(path: str | Path = SHAPES_FILE) -> None:
    """Regenerate graph/shapes.ttl from the schema."""
    Path(path).write_text(shapes_turtle(), encoding="utf-8")


def _fact_node(g, node, fact: str, value) -> Any:
    """node, after adding (node sh:fact value) to g (one branch of an sh:or)."""
    from rdflib.namespace import SH

    g.add((node, SH[fact], value))
    return node


def validate(data: Any, fmt: str | None = None) -> tuple[bool, str]:
    """Validate RDF (an rdflib Graph, or a path with its format) against graph/shapes.ttl."""
    import pyshacl
    from rdflib import Graph

    if not isinstance(data, Graph):
        g = Graph()
        g.parse(str(data), format=fmt)
        data = g
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                               advanced=False)
    return bool(conforms), str(text)
