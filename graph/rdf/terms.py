"""RDF terms: namespaces, node and statement IRIs, prefixes and date datatypes of the mapping."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from paperkg.core.errors import UserError
from paperkg.graph import schema

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SH_NS = "http://www.w3.org/ns/shacl#"

#: Namespace (under the base) of the statement resources that carry evidence.
STATEMENT_NAMESPACE = "statement"
#: Class of the statement resources (declared in ontology.ttl).
STATEMENT_CLASS = "pkg:Statement"
#: Predicates whose property value is a node key ("Label:id") and so maps to that node's IRI.
NODE_KEY_PREDICATES = frozenset({"pkg:viaEntity"})
#: Predicates whose ISO 8601 value gets the matching XSD date type (date, gYearMonth, gYear,
#: gMonthDay); a value in none of those forms stays a plain string (and SHACL reports it).
DATE_PREDICATES = frozenset({"dcterms:issued", "pkg:listingDate"})

#: The vocabulary (graph/ontology.ttl) and the SHACL shapes generated from the schema.
ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology.ttl"
SHAPES_FILE = Path(__file__).resolve().parent.parent / "shapes.ttl"

_DATE_FORMS = (
    (re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"), "date"),
    (re.compile(r"([0-9]{4})-([0-9]{2})"), "gYearMonth"),
    (re.compile(r"([0-9]{4})"), "gYear"),
    (re.compile(r"--([0-9]{2})-([0-9]{2})"), "gMonthDay"),
)

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
