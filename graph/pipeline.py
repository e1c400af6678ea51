"""The main job: listings in, knowledge graph out (read, extract, assemble, cite, store)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from paperkg.core.errors import UserError
from paperkg.core.records import Paper, SourceFile
from paperkg.graph import schema as S
from paperkg.graph.build import build_graph
from paperkg.graph.ladybug_store import holds_writer_lock
from paperkg.readers import ReadResult, merge_papers, read_listings


@dataclass
class BuildReport:
    """What a build read, merged, skipped and wrote."""

    db: str
    mode: str  # fresh | upsert
    read: dict
    skipped: list[tuple[str, str]]
    new_papers: int
    total_papers: int
    nodes: dict[str, int]
    relationships: dict[str, int]
    citations: dict = field(default_factory=dict)
    neo4j: dict | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the report."""
        return {
            "db": self.db, "mode": self.mode, "read": self.read,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "new_papers": self.new_papers, "total_papers": self.total_papers,
            "nodes": self.nodes, "relationships": self.relationships,
            "citations": self.citations, "neo4j": self.neo4j, "seconds": self.seconds,
        }


def extract_all(papers: Sequence[Paper], workers: int = 1,
                progress: Callable[[int], None] | None = None) -> list:
    """Run the extraction pipeline over papers (canonical entities across all of them)."""
    from paperkg.extractors.pipeline import extract

    return extract(list(papers), workers=workers, progress=progress)


def assemble(papers: Sequence[Paper], sources: Sequence[SourceFile], workers: int = 1,
             progress: Callable[[int], None] | None = None) -> tuple[nx.MultiDiGraph, dict]:
    """Extract, build the graph and add inferred citations; returns (graph, citation summary)."""
    from paperkg.graph.citations import add_citations

    extractions = extract_all(papers, workers=workers, progress=progress)
    g = build_graph(papers, sources, extractions)
    report = add_citations(g)
    return g, report.summary()


def build_graph_from_paths(paths: Sequence[str | os.PathLike], workers: int = 1) -> nx.MultiDiGraph:
    """The knowledge graph of the listings under paths, in memory (nothing is stored)."""
    result = read_listings(paths)
    g, _ = assemble(result.papers, result.sources, workers=workers)
    return g


def _merge_with_store(result: ReadResult, db: str | os.PathLike | None
                      ) -> tuple[list[Paper], list[SourceFile], int, list[str]]:
    """Papers of the store plus the new read, merged; also new-paper count and retired ids."""
    from paperkg.graph.ladybug_store import read_papers

    old_papers, old_sources = read_papers(db)
    merged, _ = merge_papers([*old_papers, *result.papers])
    old_ids = {p.id for p in old_papers}
    new_ids = {p.id for p in merged}
    old_keys = {p.title_key for p in old_papers} | {p.arxiv_id for p in old_papers if p.arxiv_id}
    new_count = sum(1 for p in merged if p.id not in old_ids and p.title_key not in old_keys
                    and (not p.arxiv_id or p.arxiv_id not in old_keys))
    by_id = {s.id: s for s in old_sources}
    for s in result.sources:
        by_id[s.id] = s
    return merged, list(by_id.values()), new_count, sorted(old_ids - new_ids)


@holds_writer_lock
def build(paths: Sequence[str | os.PathLike], db: str | os.PathLike | None = None,
          workers: int = 1, rebuild: bool = False, neo4j: Any = None,
          progress: Callable[[str, int | None], Any] | None = None) -> BuildReport:
    """Read listings, extract, and write the graph to the embedded store (and Neo4j if given).

    An existing store is kept and updated: its papers are merged with the new ones, what they
    derive is re-extracted, and the result is upserted into a copy that replaces the store.
    """
    from paperkg.graph.ladybug_store import db_path, stats, write_graph

    t0 = time.perf_counter()
    path = db_path(db)
    result = read_listings(paths)
    t_read = time.perf_counter()
    papers, sources, retire = result.papers, result.sources, []
    new_count = len(papers)
    if path.exists() and not rebuild:
        papers, sources, new_count, retire = _merge_with_store(result, path)
    if progress is not None:
        with progress("extracting", len(papers)) as advance:
            g, cites = assemble(papers, sources, workers=workers, progress=advance)
    else:
        g, cites = assemble(papers, sources, workers=workers)
    t_extract = time.perf_counter()
    mode = write_graph(g, path, mode="fresh" if rebuild else "auto", retire=retire)
    t_store = time.perf_counter()
    neo = None
    if neo4j is not None:
        from paperkg.graph.neo4j_store import load_neo4j

        try:
            loaded = load_neo4j(g, neo4j, progress=progress)
        except UserError as exc:
            raise UserError(f"{exc} (the embedded store {path} was written; retry the Neo4j "
                            "part with `paperkg load neo4j`)") from None
        neo = {"summary": loaded.summary(), **asdict(loaded)}
    stored = stats(path)
    return BuildReport(
        db=str(path), mode=mode, read=result.summary(), skipped=result.skipped,
        new_papers=new_count, total_papers=stored["nodes"][S.PAPER],
        nodes=stored["nodes"], relationships=stored["relationships"],
        citations=cites, neo4j=neo,
        seconds={"read": round(t_read - t0, 3), "extract": round(t_extract - t_read, 3),
                 "store": round(t_store - t_extract, 3)},
    )
