"""What pipeline.Ahead's worker process runs. Kept apart from graph/pipeline.py: the worker,
forked from the extraction's fork server, imports the module of the functions it is sent, and
graph/pipeline.py's imports (networkx, the stores, the readers: 325 modules, 0.16 CPU s) would
come after the fork, on an add's critical path. This module imports nothing at its top."""

from __future__ import annotations


def ahead_init(fast: bool) -> None:
    """The pipeline a pool worker loads (extractors.pipeline._worker_init)."""
    from paperkg.extractors.pipeline import _worker_init

    _worker_init(("cache", "fast" if fast else "default"))


#: what ahead_run made last (ahead_claims reads its papers' citation entries from it)
_MADE: list[str] = []


def ahead_run(texts: list[str], args: list[tuple[str, str]]) -> list[str]:
    """The JSON of each text's results with its citation results, as a pool worker makes
    them for a build (each text cut as raw_extractions cuts it)."""
    from paperkg.extractors.pipeline import _Cut, _worker_run
    from paperkg.graph.citations.cache import paper_features

    made = _worker_run(_Cut(texts, 1_000_000)[:], as_json=True, extra=paper_features,
                       extra_args=args)
    _MADE[:] = made
    return made


def ahead_claims(rows: list[tuple[str, str]], picks: list[tuple[str, int]]
                 ) -> list[tuple[str, str]]:
    """The citation index's "claims" and "generic" rows (citations.stored.StoredIndex.
    claims_rows) once the papers of `picks` ((paper id, its text's place in ahead_run's
    last texts)) come in with the citation entries ahead_run made for them, made from the
    store's rows of that index (`rows`): in this process, idle after the extraction, while
    the update's own process makes its graph."""
    import json

    from paperkg.graph.citations.stored import StoredIndex

    index = StoredIndex(None, rows=rows)
    new = {}
    for pid, at in picks:
        raw = json.loads(_MADE[at])  # the entry is its fourth item (registry_store.last_item)
        new[pid] = raw[3] if len(raw) > 3 else None
    return index.claims_rows({}, new)


def ahead_canon(names: list[str]) -> dict[str, str]:
    """Each name's canonical key (extractors.canonical.canonical_key), made in this process,
    idle after the extraction, for the update's registry_store._steady."""
    from paperkg.extractors.canonical import canonical_key

    return {name: canonical_key(name) for name in names}
