"""The paperkg graph as RDF, driven by graph/schema.py.

- `terms`: namespaces, node and statement IRIs, prefixes, date datatypes;
- `mapping`: nodes and relationships as N-Triples chunks / pyoxigraph quads / an Oxigraph store;
- `serialise`: Turtle, N-Triples and JSON-LD writers;
- `sparql`: read-only SPARQL over the graph;
- `shapes`: SHACL shapes generated from the schema, and validation.

The names most callers need are re-exported here.
"""

from __future__ import annotations

from paperkg.graph.rdf.mapping import MappingStats, ntriples_chunks, to_store, triples
from paperkg.graph.rdf.serialise import FORMATS, serialize
from paperkg.graph.rdf.shapes import primary_class, shapes_graph, validate, write_shapes
from paperkg.graph.rdf.terms import (
    ONTOLOGY_FILE,
    SH_NS,
    SHAPES_FILE,
    STATEMENT_CLASS,
    date_datatype,
    expand,
    namespace_iris,
    node_iri,
    normalise_base,
    prefixes,
)

__all__ = [
    "FORMATS", "ONTOLOGY_FILE", "SHAPES_FILE", "SH_NS", "STATEMENT_CLASS", "MappingStats",
    "date_datatype", "expand", "namespace_iris", "node_iri", "normalise_base", "ntriples_chunks",
    "prefixes", "primary_class", "serialize", "shapes_graph", "to_store", "triples", "validate",
    "write_shapes",
]
