"""paperkg: turn paper listings into a citation and metadata knowledge graph.

The Python API offers the CLI's verbs as plain functions, imported on first use so that
`import paperkg` stays cheap (spaCy, the drivers and rdflib load only when needed).
"""

from __future__ import annotations

import importlib

from paperkg.core import spacy_lean as _spacy_lean

__version__ = "0.1.0"

_spacy_lean.install()  # spaCy, when a command imports it, without its CLI package

# verb -> "module:function"
_API = {
    "read": "paperkg.readers:read_listings",
    "build": "paperkg.graph.pipeline:build",
    "build_graph": "paperkg.graph.pipeline:build_graph_from_paths",
    "query": "paperkg.graph.ladybug_store:query",
    "stats": "paperkg.graph.ladybug_store:stats",
    "load_graph": "paperkg.graph.ladybug_store:load_graph",
    "extract": "paperkg.extractors.pipeline:extract_paths",
    "evaluate": "paperkg.extractors.evaluate:evaluate",
    "load_neo4j": "paperkg.graph.neo4j_store:load_neo4j",
    "ask": "paperkg.cypher.library:ask",
    "export": "paperkg.graph.export:export",
    "sparql": "paperkg.graph.rdf.sparql:sparql",
    "draw": "paperkg.viz.page:viz",  # `paperkg viz` on the command line
    "enrich": "paperkg.graph.enrich.run:enrich",
    "rank": "paperkg.graph.analytics:rank",
    "leaderboard": "paperkg.graph.leaderboard:leaderboard",
    "paper_results": "paperkg.graph.leaderboard:paper_results",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    """Resolve an API verb lazily."""
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'paperkg' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)
