"""What enrichment passes around: a service's answer about one paper, the run report, errors."""

from __future__ import annotations

from dataclasses import dataclass, field

from paperkg.core.errors import UserError


@dataclass
class Found:
    """What a service says about one paper, in service-neutral form."""

    service_id: str
    title: str = ""
    doi: str | None = None
    arxiv_id: str | None = None
    venue: str | None = None
    published: str | None = None
    author_names: list[str] = field(default_factory=list)
    # References: each a dict of whatever ids the service gives (service_id, doi, arxiv_id, title).
    references: list[dict[str, str]] = field(default_factory=list)


@dataclass
class EnrichReport:
    """What an enrichment run did."""

    source: str
    papers: int = 0
    looked_up: int = 0
    from_cache: int = 0
    fetched: int = 0
    matched: int = 0
    not_found: int = 0
    not_cached: int = 0
    updated: int = 0
    citations: int = 0
    references_outside: int = 0
    temporal_conflicts: int = 0
    all_conflicts: int | None = None  # CITES edges of any source flagged after the update
    error: str | None = None

    def summary(self) -> dict:
        """The figures as a plain dict."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


class ServiceError(UserError):
    """The service failed after the retries (or answered something unreadable)."""

    report: EnrichReport | None = None
