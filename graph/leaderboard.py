"""Leaderboards from Result nodes: who scored what on a benchmark, best first where known.

The rows come from the library queries `leaderboard` and `paper_results` (the same on the
embedded store and on Neo4j); this module resolves names given by any alias, orders rows by the
metric's direction (graph/metric_directions.txt) and says when a direction is unknown.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from paperkg.core.errors import UserError
from paperkg.graph import schema as S

DIRECTIONS_FILE = Path(__file__).resolve().parent / "metric_directions.txt"
#: The columns of a leaderboard row, in order.
COLUMNS = ("rank", "system", "value", "condition", "metric", "kind", "direction", "paper",
           "title", "evidence")
_KIND_ORDER = {"score": 0, "delta": 1, "ratio": 2}


@cache
def _directions() -> dict[str, str]:
    """Rule -> 'up' or 'down', from the data file."""
    out = {}
    for line in DIRECTIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        direction, _, rule = line.strip().partition(" ")
        out[rule.strip().casefold()] = direction
    return out


def metric_direction(name: str | None) -> str | None:
    """'up' (higher is better), 'down' (lower is better) or None (unknown) for a metric name."""
    if not name:
        return None
    text = " ".join(name.casefold().replace("_", " ").split())
    best: tuple[int, str] | None = None
    for rule, direction in _directions().items():
        if rule.endswith("@"):
            hit = text.startswith(rule)
        else:
            i = text.find(rule)
            hit = False
            while i >= 0 and not hit:
                before = text[i - 1] if i else " "
                after = text[i + len(rule)] if i + len(rule) < len(text) else " "
                hit = not before.isalnum() and not after.isalnum()
                i = text.find(rule, i + 1)
        if hit and (best is None or len(rule) > best[0]):
            best = (len(rule), direction)
    return best[1] if best else None


def _run(text: str, params: dict[str, Any], db=None, neo4j=None
         ) -> tuple[list[str], list[list[Any]]]:
    """Run a read query on the store or on Neo4j (values always as parameters)."""
    from paperkg.cypher import library

    if neo4j:
        from paperkg.graph.neo4j_store import Neo4jSettings, run_cypher

        settings = neo4j if isinstance(neo4j, Neo4jSettings) else Neo4jSettings()
        text, params = library.to_dialect(text, library.NEO4J, params)
        return run_cypher(text, params, settings)
    return library.run_embedded(text, params, db=db)


def resolve(labels: tuple[str, ...], name: str, db=None, neo4j=None) -> list[tuple[str, str]]:
    """(id, name) of the nodes with one of labels that name (or any alias) denotes."""
    from paperkg.extractors.canonical import canonical_key

    want = name.strip()
    if not want:
        raise UserError("name a benchmark or dataset")
    label_expr = "|".join(labels)
    _, rows = _run(f"MATCH (n:{label_expr}) RETURN n.id AS id, n.name AS name, "
                   "n.aliases AS aliases ORDER BY id", {}, db=db, neo4j=neo4j)
    key = canonical_key(want)
    fold = want.casefold()
    exact, loose = [], []
    for id_, node_name, aliases in rows:
        forms = [node_name or "", *(aliases or [])]
        if id_ == want or any(f.casefold() == fold for f in forms):
            exact.append((id_, node_name))
        elif id_ == key or any(canonical_key(f) == key for f in forms if f):
            loose.append((id_, node_name))
    found = list(dict.fromkeys(exact or loose))
    if not found:
        names = sorted({r[1] for r in rows if r[1]})
        close = difflib.get_close_matches(want, names, n=3, cutoff=0.6)
        what = " or ".join(lb.lower() for lb in labels)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UserError(f"no {what} called {want!r} in the graph{hint}")
    return found


@dataclass
class Leaderboard:
    """The rows of one leaderboard, with what they are about and how they are ordered."""

    benchmark: str
    metric: str | None
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _order(rows: list[dict], notes: list[str]) -> list[dict]:
    """Rows grouped by metric (first seen first); scores before deltas before ratios; within
    a group best first when the metric's direction is known (plain values before values under
    a condition), else paper order."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault(((r["metric"] or "").casefold(), r["kind"] or ""), []).append(r)
    out = []
    ordered = sorted(groups.items(), key=lambda kv: (_KIND_ORDER.get(kv[0][1], 3),
                                                     rows.index(kv[1][0])))
    for (_metric, kind), group in ordered:
        direction = metric_direction(group[0]["metric"]) if kind == "score" else None
        if kind in ("delta", "ratio"):
            direction = "up"  # larger improvements and factors first
        if direction is None:
            shown = group[0]["metric"] or "(no metric)"
            note = f"{shown}: direction unknown, rows in paper order"
            if note not in notes:
                notes.append(note)
            for r in group:
                r["direction"] = "unknown"
            out.extend(group)
            continue
        numbered = [r for r in group if r["number"] is not None]
        rest = [r for r in group if r["number"] is None]
        # plain results first, then the same systems under a stated condition ("with error
        # feedback"): a leaderboard compares like with like
        numbered.sort(key=lambda r: (bool(r["condition"]),
                                     -r["number"] if direction == "up" else r["number"]))
        for i, r in enumerate(numbered, 1):
            r["rank"] = i
            r["direction"] = "higher is better" if direction == "up" else "lower is better"
        for r in rest:
            r["direction"] = "unknown"
        out.extend(numbered + rest)
    return out


def leaderboard(benchmark: str, metric: str | None = None, db=None, neo4j=None,
                limit: int = 1000) -> Leaderboard:
    """Results on a benchmark or dataset named by any alias (optionally one metric), best first
    where the metric's direction is known."""
    from paperkg.cypher import library

    targets = resolve((S.BENCHMARK, S.DATASET), benchmark, db=db, neo4j=neo4j)
    metric_ids = [""]
    metric_name = None
    if metric:
        found = resolve((S.METRIC,), metric, db=db, neo4j=neo4j)
        metric_ids = [m[0] for m in found]
        metric_name = found[0][1]
    rows: list[dict] = []
    seen = set()
    for bench_id, _ in targets:
        for mid in metric_ids:
            cols, got = library.ask("leaderboard", {"benchmark": bench_id, "metric": mid,
                                                    "limit": limit}, db=db, neo4j=neo4j)
            for row in got:
                d = dict(zip(cols, row, strict=True))
                if d["result"] in seen:
                    continue
                seen.add(d["result"])
                d["rank"] = None
                rows.append(d)
    board = Leaderboard(benchmark=targets[0][1], metric=metric_name)
    board.rows = [{c: r.get(c) for c in COLUMNS} for r in _order(rows, board.notes)]
    if not board.rows:
        on = f" by {metric_name}" if metric_name else ""
        board.notes.append(f"no results on {targets[0][1]}{on} in the graph")
    return board


def paper_results(paper: str, db=None, neo4j=None) -> tuple[list[str], list[list[Any]]]:
    """The results a paper reports (by its id or title), in text order."""
    from paperkg.cypher import library

    _, found = _run(library._FIND_PAPER, {"v": paper.strip()}, db=db, neo4j=neo4j)
    if not found:
        raise UserError(f"no paper with id or title {paper!r} in the graph")
    return library.ask("paper_results", {"paper": paper}, db=db, neo4j=neo4j)


def clip(sentence: str | None, value: str | None, width: int = 70) -> str:
    """The part of an evidence sentence around a value (for narrow tables)."""
    if not sentence:
        return ""
    i = sentence.find(value) if value else -1
    if i < 0 or len(sentence) <= 2 * width:
        return sentence
    a, b = max(0, i - width), min(len(sentence), i + len(value) + width)
    return ("..." if a else "") + sentence[a:b] + ("..." if b < len(sentence) else "")
