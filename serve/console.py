"""The explorer's read-only Cypher console: the named library queries and read-only Cypher.

Every query runs on a read-only connection to the embedded store, with a timeout; free Cypher
must also pass the read-only allow-list (cypher/readonly.py). Rows beyond the cap are dropped
and the answer says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from paperkg.core.errors import UserError

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ROW_CAP = 1000
MAX_QUERY_CHARS = 10_000


@dataclass
class Answer:
    """Columns and rows of a console query, and whether rows were cut."""

    columns: list[str]
    rows: list[list[Any]]
    total: int
    capped: bool
    seconds: float


def library() -> list[dict[str, Any]]:
    """The named queries: name, description and parameters (type, default, required)."""
    from paperkg.cypher.library import list_queries

    return [{"name": q.name, "description": q.description,
             "params": [{"name": p.name, "type": p.type, "required": p.required,
                         "default": p.default,
                         "range": [p.low, p.high] if p.low is not None else None}
                        for p in q.params]}
            for q in list_queries()]


def _run(db: str | os.PathLike | None, text: str, params: dict[str, Any],
         timeout_s: float) -> tuple[list[str], list[list[Any]]]:
    """Run embedded-dialect Cypher on a read-only connection with a timeout."""
    from paperkg.cypher.library import run_embedded_on
    from paperkg.graph import ladybug_store

    with ladybug_store.connect(db, read_only=True) as conn:
        conn.set_query_timeout(int(timeout_s * 1000))
        try:
            return run_embedded_on(conn, text, params)
        except UserError as exc:
            if "interrupt" in str(exc).lower() or "timeout" in str(exc).lower():
                raise UserError(f"the query took longer than {timeout_s:g} s and was "
                                "stopped") from None
            raise


def _run_arrays(db: str | os.PathLike, query: Any, given: dict[str, Any]
                ) -> tuple[list[str], list[list[Any]]]:
    """A query with `// embedded:` answered from the store's compact arrays
    (cypher/adjacency.py) on a read-only connection, with only its returned rows read by key."""
    from paperkg.cypher import adjacency
    from paperkg.cypher.library import bind, finish
    from paperkg.graph import ladybug_store

    path = ladybug_store.db_path(db)
    key = adjacency.store_key(path)  # before opening: the arrays are kept only if unchanged
    with ladybug_store.connect(db, read_only=True) as conn:
        adj = adjacency.load(conn, path, key)
        return finish(query, given, getattr(adjacency, query.embedded)(
            adj, conn, bind(query, given)))


def _answer(columns: list[str], rows: list[list[Any]], cap: int, seconds: float) -> Answer:
    return Answer(columns, rows[:cap], len(rows), len(rows) > cap, round(seconds, 4))


def run_named(db: str | os.PathLike | None, name: str, params: dict[str, Any] | None = None,
              timeout_s: float = DEFAULT_TIMEOUT_S, cap: int = DEFAULT_ROW_CAP) -> Answer:
    """Run a library query by name with its parameters (given as text or values)."""
    import time

    from paperkg.cypher.library import EMBEDDED, derive, finish, get_query, prepare

    query = get_query(name)  # UserError for an unknown name
    given = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    prepare(name, given, EMBEDDED)  # bad parameters are refused before the store is opened
    t = time.perf_counter()
    if query.embedded and db is not None:  # answered from the store's arrays, as `ask` does
        return _answer(*_run_arrays(db, query, given), cap, time.perf_counter() - t)
    derived = derive(query, given, EMBEDDED, lambda text, values: _run(db, text, values,
                                                                       timeout_s))
    text, values = prepare(name, given, EMBEDDED, derived)
    result = finish(query, given, _run(db, text, values, timeout_s))
    return _answer(*result, cap, time.perf_counter() - t)


def run_cypher(db: str | os.PathLike | None, text: str, params: dict[str, Any] | None = None,
               timeout_s: float = DEFAULT_TIMEOUT_S, cap: int = DEFAULT_ROW_CAP) -> Answer:
    """Run read-only Cypher (refused unless it passes the read-only allow-list)."""
    import time

    from paperkg.cypher.readonly import refusal

    if len(text) > MAX_QUERY_CHARS:
        raise UserError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    why = refusal(text)
    if why:
        raise UserError(f"refused: {why} (the console only reads)")
    t = time.perf_counter()
    columns, rows = _run(db, text, dict(params or {}), timeout_s)
    return _answer(columns, rows, cap, time.perf_counter() - t)
