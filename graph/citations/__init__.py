"""Inferred citations (issue 12): paper A CITES paper B when A's sentence names a coined name
B's own text introduced, B was first to use it, and nobody else claims it.

Modules: names (coined names, one-pass matching), claims (who introduces what, corpus
specificity statistics), dating (when a paper can have appeared), infer (candidates,
confidence, the edges). `corpus_stats` regenerates the shipped statistics offline.
"""

from __future__ import annotations

from paperkg.core.dates import appeared_after, later_than, paper_date, parse_date
from paperkg.core.text import sentence_at, sentences

from .claims import Claim, paper_claims, title_lead
from .dating import cannot_cite, paper_interval
from .infer import (
    CITES_INFERRED_KEY,
    DEFAULT_MIN_CONFIDENCE,
    KINDS,
    SOURCE_INFERRED,
    TEMPORAL_OK,
    TEMPORAL_UNKNOWN,
    CitationReport,
    Judged,
    Previous,
    add_citations,
    credible_introducers,
    inferred_citations,
    judge,
)

__all__ = [
    "CITES_INFERRED_KEY",
    "Claim",
    "CitationReport",
    "DEFAULT_MIN_CONFIDENCE",
    "KINDS",
    "Judged",
    "Previous",
    "SOURCE_INFERRED",
    "TEMPORAL_OK",
    "TEMPORAL_UNKNOWN",
    "add_citations",
    "appeared_after",
    "cannot_cite",
    "credible_introducers",
    "inferred_citations",
    "judge",
    "later_than",
    "paper_claims",
    "paper_date",
    "paper_interval",
    "parse_date",
    "sentence_at",
    "sentences",
    "title_lead",
]
