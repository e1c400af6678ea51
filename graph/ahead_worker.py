"""What pipeline.Ahead's worker process runs. Kept apart from graph/pipeline.py: the worker,
forked from the extraction's fork server, imports the module of the functions it is sent, and
graph/pipeline.py's imports (networkx, the stores, the readers: 325 modules, 0.16 CPU s) would
come after the fork, on an add's critical path. This module imports nothing at its top."""

from __future__ import annotations


def ahead_init(fast: bool) -> None:
    """The pipeline a pool worker loads (extractors.pipeline._worker_init)."""
    from paperkg.extractors.pipeline import _worker_init

    _worker_init(("cache", "fast" if fast else "default"))


def ahead_run(texts: list[str], args: list[tuple[str, str]]) -> list[str]:
    """The JSON of each text's results with its citation results, as a pool worker makes
    them for a build (each text cut as raw_extractions cuts it)."""
    from paperkg.extractors.pipeline import _Cut, _worker_run
    from paperkg.graph.citations.cache import paper_features

    return _worker_run(_Cut(texts, 1_000_000)[:], as_json=True, extra=paper_features,
                       extra_args=args)
