"""Tracing of the results rules (auditing only): which mechanism set each field of a value."""

from __future__ import annotations

# Auditing only (extractors/results_audit.py): when a dict, find_results records which
# mechanism set each result's system, benchmark and metric, keyed by (sentence, start, end).
TRACE: dict | None = None
_LAST: dict[str, str] = {}


def _tag(field: str, how: str) -> None:
    """Note the mechanism that set a field of the value being read (when tracing)."""
    if TRACE is not None:
        _LAST[field] = how


def _retag(r: dict, field: str, how: str) -> None:
    """Note the mechanism that reset a field of a result already read (when tracing)."""
    if TRACE is not None:
        r.setdefault("via", {})[field] = how
