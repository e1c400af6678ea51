"""Files for Neo4j's offline bulk loader, `neo4j-admin database import full`, from the graph.

One CSV file per node label (`nodes/<Label>.csv`) and one per relationship type and end labels
(`relationships/<TYPE>-<From>-<To>.csv`), each with the loader's header row: the key column
`id:ID(<Label>)` (one ID space per label, so equal ids of two labels never meet), typed
property columns (`name:long`, `name:double`, `name:boolean`, `name:string[]`), and
`:START_ID(<Label>)` / `:END_ID(<Label>)` for relationships. Headers and types come from the
schema module. Beside them: `import.sh` (the neo4j-admin command line naming every file) and
`schema.cypher` (the uniqueness constraints to create once the database is started).
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.graph import schema as S

#: The loader's name of each schema property type.
IMPORT_TYPE = {S.STRING: "string", S.INT: "long", S.FLOAT: "double", S.BOOL: "boolean",
               S.STRING_LIST: "string[]"}
#: Separator of list elements inside one field (the loader's --array-delimiter); an element
#: holding it has it replaced by U+FF1B (a full-width semicolon).
ARRAY_DELIMITER = ";"


@dataclass
class ImportFiles:
    """What was written: the folder, and files with their row counts."""

    folder: str
    nodes: dict[str, int]
    relationships: dict[str, int]

    @property
    def node_count(self) -> int:
        """Node rows in all files."""
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        """Relationship rows in all files."""
        return sum(self.relationships.values())


def node_header(label: str) -> list[str]:
    """The header row of a node file."""
    nt = S.NODE_TYPES[label]
    return [f"{p.name}:ID({label})" if p.name == nt.key else _typed(p) for p in nt.props]


def rel_header(rel: str, src: str, dst: str) -> list[str]:
    """The header row of a relationship file."""
    return [f":START_ID({src})", f":END_ID({dst})",
            *(_typed(p) for p in S.REL_TYPES[rel].props)]


def _typed(p: S.Prop) -> str:
    return p.name if p.type == S.STRING else f"{p.name}:{IMPORT_TYPE[p.type]}"


def _field(value: Any, t: str) -> str:
    """One CSV field in the loader's syntax ('' is no value)."""
    if value is None:
        return ""
    if t == S.STRING_LIST:
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\uff1b") for v in value)
    if t == S.BOOL:
        return "true" if value else "false"
    if t == S.INT:
        return str(int(value))
    if t == S.FLOAT:
        return repr(float(value))
    return str(value)


def write_import_files(G: nx.MultiDiGraph, folder: str | os.PathLike,
                       database: str = "neo4j") -> ImportFiles:
    """Write the import files of G into a new folder (staged beside it, then renamed)."""
    target = Path(folder)
    if target.exists():
        raise UserError(f"{target} already exists: neo4j-import writes a new folder")
    if not target.parent.is_dir():
        raise UserError(f"directory {target.parent} does not exist")
    stage = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        (stage / "nodes").mkdir(parents=True)
        (stage / "relationships").mkdir()
        result = ImportFiles(str(target), {}, {})
        for label in S.NODE_TYPES:
            rows = _node_rows(G, label)
            if rows:
                result.nodes[f"nodes/{label}.csv"] = _write(
                    stage / "nodes" / f"{label}.csv", node_header(label), rows)
        for (rel, src, dst), rows in sorted(_rel_rows(G).items()):
            name = f"relationships/{rel}-{src}-{dst}.csv"
            result.relationships[name] = _write(stage / name, rel_header(rel, src, dst), rows)
        (stage / "import.sh").write_text(_command(result, database), encoding="utf-8")
        (stage / "schema.cypher").write_text(_constraints(), encoding="utf-8")
        os.replace(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return result


def _node_rows(G: nx.MultiDiGraph, label: str) -> list[list[str]]:
    props = S.NODE_TYPES[label].props
    rows = [[_field(d.get(p.name), p.type) for p in props]
            for _, d in G.nodes(data=True) if d.get("label") == label]
    rows.sort()
    return rows


def _rel_rows(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[list[str]]]:
    out: dict[tuple[str, str, str], list[list[str]]] = {}
    for u, v, d in G.edges(data=True):
        rel = d.get("type")
        if rel not in S.REL_TYPES:
            continue
        (ul, uid), (vl, vid) = S.split_key(u), S.split_key(v)
        props = S.REL_TYPES[rel].props
        out.setdefault((rel, ul, vl), []).append(
            [uid, vid, *(_field(d.get(p.name), p.type) for p in props)])
    for rows in out.values():
        rows.sort()
    return out


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def _command(files: ImportFiles, database: str) -> str:
    """The shell script running the loader on the files beside it."""
    lines = ["#!/bin/sh", "# Bulk-load this graph into a new, empty Neo4j database (offline).",
             "# Then start Neo4j, CREATE DATABASE if needed, and run schema.cypher.",
             'cd "$(dirname "$0")"',
             f'"${{NEO4J_HOME:-.}}/bin/neo4j-admin" database import full "{database}" \\',
             "  --overwrite-destination=false --id-type=string "
             f"--array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\"]
    for name in files.nodes:
        label = Path(name).stem
        lines.append(f"  --nodes={label}={name} \\")
    for name in files.relationships:
        rel = Path(name).stem.split("-", 1)[0]
        lines.append(f"  --relationships={rel}={name} \\")
    lines[-1] = lines[-1].removesuffix(" \\")
    return "\n".join(lines) + "\n"


def _constraints() -> str:
    from paperkg.graph.neo4j_store import schema_script

    return schema_script()
