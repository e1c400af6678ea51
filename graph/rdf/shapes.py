"""SHACL shapes generated from the schema (graph/shapes.ttl is their Turtle), and validation."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from paperkg.graph import schema
from paperkg.graph.rdf.terms import (
    DATE_PREDICATES,
    NODE_KEY_PREDICATES,
    RDF_NS,
    SH_NS,
    SHAPES_FILE,
    STATEMENT_CLASS,
    expand,
)


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
# Generated from graph/schema.py by paperkg.graph.rdf.shapes.shapes_turtle(); regenerate with
#   python -c "from paperkg.graph.rdf.shapes import write_shapes; write_shapes()"
# (tests/test_rdf.py fails when this file and the schema disagree).

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


_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
_PLAIN_NODE_SHAPE = frozenset({RDF_NS + "type", SH_NS + "name", SH_NS + "description",
                               SH_NS + "property", *(SH_NS + t for t in _TARGETS)})


def targeted_shapes(shapes: Any) -> Any:
    """A copy of an rdflib shapes graph in which each node shape that only names its targets and
    property shapes (and is not referred to by another shape) gives its targets to its property
    shapes instead: the same checks and the same results (a result's focus node, path, value and
    source shape are the property shape's either way), but pySHACL checks a targeted property
    shape once for all its focus nodes, and a nested one once per focus node (3-4 times the
    CPU on the seeds' export: docs/testing.md, session 44)."""
    from rdflib import Graph, URIRef

    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    for triple in shapes:
        out.add(triple)
    prop, shape_type = URIRef(SH_NS + "property"), URIRef(SH_NS + "NodeShape")
    for shape in set(shapes.subjects(URIRef(RDF_NS + "type"), shape_type)):
        if ({str(p) for p in shapes.predicates(shape)} - _PLAIN_NODE_SHAPE
                or next(shapes.subjects(None, shape), None) is not None):
            continue
        targets = [(URIRef(SH_NS + t), o) for t in _TARGETS
                   for o in shapes.objects(shape, URIRef(SH_NS + t))]
        if not targets:
            continue
        for prop_shape in shapes.objects(shape, prop):
            out.remove((shape, prop, prop_shape))
            for p, o in targets:
                out.add((prop_shape, p, o))
    return out


def validate(data: Any, fmt: str | None = None) -> tuple[bool, str]:
    """Validate RDF (an rdflib Graph, or a path with its format) against graph/shapes.ttl."""
    import pyshacl
    from rdflib import Graph

    if not isinstance(data, Graph):
        g = Graph()
        g.parse(str(data), format=fmt)
        data = g
    shapes = targeted_shapes(Graph().parse(SHAPES_FILE, format="turtle"))
    conforms, _report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                               advanced=False)
    return bool(conforms), str(text)
