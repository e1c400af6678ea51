"""Export the graph as Turtle, N-Triples, JSON-LD, GraphML or CSV, written atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from paperkg.core.csvcells import safe_row
from paperkg.core.errors import UserError
from paperkg.core.tempfiles import remove_stale, staged_name
from paperkg.graph import schema
from paperkg.graph.ladybug_store import load_graph

FORMATS = ("turtle", "ntriples", "jsonld", "graphml", "csv", "neo4j-import")
RDF_FORMATS = ("turtle", "ntriples", "jsonld")

# Characters XML 1.0 cannot hold at all (GraphML); replaced by U+FFFD there.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class ExportResult:
    """What an export wrote."""

    format: str
    path: str  # "-" for stdout
    nodes: int
    edges: int
    triples: int | None  # RDF formats only
    seconds: float
    skipped_nodes: int = 0
    skipped_edges: int = 0


@contextmanager
def atomic_output(out: str | os.PathLike) -> Iterator[IO[bytes]]:
    """A binary stream that becomes `out` only if the block finishes ('-' is stdout)."""
    if str(out) == "-":
        stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    target = Path(out)
    if target.is_dir():
        raise UserError(f"{target} is a directory; give a file path to -o")
    parent = target.parent
    if not parent.is_dir():
        raise UserError(f"directory {parent} does not exist")
    remove_stale(target)  # staged files of exports that were killed
    tmp = staged_name(target)
    try:
        with open(tmp, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def export(fmt: str, out: str | os.PathLike, db: str | os.PathLike | None = None,
           base: str | None = None, graph: nx.MultiDiGraph | None = None) -> ExportResult:
    """Export the graph (from the store at db, or the graph given) to out ('-': stdout)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in RDF_FORMATS:
        from paperkg.graph.rdf.serialise import serialize
        from paperkg.graph.rdf.terms import normalise_base

        normalise_base(base)  # reject a bad --base before reading anything
    if fmt == "csv" and str(out) != "-" and not str(out).lower().endswith(".zip"):
        raise UserError(f"--format csv writes a zip of one CSV file per node and relationship "
                        f"type: name the output *.zip, not {Path(out).name!r}")
    if fmt == "neo4j-import" and str(out) == "-":
        raise UserError("--format neo4j-import writes a folder of CSV files: give -o FOLDER")
    if fmt == "neo4j-import":
        from paperkg.graph.neo4j_import import write_import_files, write_store_import_files

        start = time.perf_counter()  # a store is read column by column, without a graph
        files = write_store_import_files(db, out) if graph is None else \
            write_import_files(graph, out)
        return ExportResult(fmt, str(out), files.node_count, files.relationship_count, None,
                            time.perf_counter() - start)
    G = graph if graph is not None else load_graph(db)
    start = time.perf_counter()
    triples = None
    skipped = (0, 0)
    with atomic_output(out) as fh:
        if fmt in RDF_FORMATS:
            stats = serialize(G, fh, fmt, base)
            triples, skipped = stats.triples, (stats.skipped_nodes, stats.skipped_edges)
        elif fmt == "graphml":
            write_graphml(G, fh)
        else:
            write_csv_zip(G, fh)
    return ExportResult(fmt, str(out), G.number_of_nodes(), G.number_of_edges(), triples,
                        time.perf_counter() - start, *skipped)


# ---------------------------------------------------------------------------------------------
# GraphML


def _xml_text(value: str) -> str:
    return _XML_INVALID.sub("\ufffd", value)


def _graphml_value(value: Any) -> Any:
    """A value GraphML can hold: lists as JSON text, strings without XML-invalid characters."""
    if isinstance(value, (list, tuple)):
        value = json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, str):
        return _xml_text(value)
    return value


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of G whose attributes GraphML can hold (None left out, lists as JSON text)."""
    H = nx.MultiDiGraph()
    for n, data in G.nodes(data=True):
        H.add_node(_xml_text(str(n)), **{k: _graphml_value(v) for k, v in data.items()
                                         if v is not None})
    for u, v, k, data in G.edges(keys=True, data=True):
        H.add_edge(_xml_text(str(u)), _xml_text(str(v)), key=_xml_text(str(k)),
                   **{a: _graphml_value(b) for a, b in data.items() if b is not None})
    return H


def write_graphml(G: nx.MultiDiGraph, fh: IO[bytes]) -> None:
    """Write G as GraphML (node ids are the 'Label:id' keys, edge ids the relationship keys)."""
    nx.write_graphml_xml(graphml_graph(G), fh, encoding="utf-8", prettyprint=False,
                         named_key_ids=True)


# ---------------------------------------------------------------------------------------------
# CSV (a zip of one file per node label and per relationship type)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


def _csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe_row([_csv_value(v) for v in row]))
    return buf.getvalue().encode("utf-8", "replace")


def write_csv_zip(G: nx.MultiDiGraph, fh: IO[bytes]) -> None:
    """Write nodes/<Label>.csv and edges/<TYPE>.csv (schema columns; lists as JSON) as a zip."""
    nodes: dict[str, list[list[Any]]] = {label: [] for label in schema.NODE_TYPES}
    for key, data in G.nodes(data=True):
        label = data.get("label") or schema.split_key(str(key))[0]
        if label in nodes:
            nt = schema.NODE_TYPES[label]
            nodes[label].append([data.get(p) for p in nt.prop_names])
    edges: dict[str, list[list[Any]]] = {t: [] for t in schema.REL_TYPES}
    for u, v, k, data in G.edges(keys=True, data=True):
        rel_type = data.get("type") or str(k).partition("|")[0]
        if rel_type in edges:
            (ul, uid), (vl, vid) = schema.split_key(str(u)), schema.split_key(str(v))
            rt = schema.REL_TYPES[rel_type]
            edges[rel_type].append([ul, uid, vl, vid, *(data.get(p) for p in rt.prop_names)])
    stream = fh if fh.seekable() else _Unseekable(fh)
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for label, rows in nodes.items():
            rows.sort(key=lambda r: str(r[0]))
            zf.writestr(f"nodes/{label}.csv",
                        _csv_bytes(schema.NODE_TYPES[label].prop_names, rows))
        for rel_type, rows in edges.items():
            rows.sort(key=lambda r: [str(x) for x in r[:4]])
            header = ["from_label", "from_id", "to_label", "to_id",
                      *schema.REL_TYPES[rel_type].prop_names]
            zf.writestr(f"edges/{rel_type}.csv", _csv_bytes(header, rows))


class _Unseekable(io.RawIOBase):
    """A write-only stream zipfile treats as unseekable (stdout pipes)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def writable(self) -> bool:
        """Always writable."""
        return True

    def seekable(self) -> bool:
        """Never seekable."""
        return False

    def write(self, data) -> int:
        """Pass bytes on."""
        self.raw.write(data)
        return len(data)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.raw.flush()
