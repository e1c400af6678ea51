"""Plain data records that flow between reader, extractors and the graph."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceRef:
    """Where a paper was seen: a listing file and the line of its title."""

    path: str
    line: int
    source_id: str = ""
    listing_date: str | None = None


@dataclass
class Paper:
    """One paper, merged over every listing it appears in."""

    id: str
    title: str
    abstract: str = ""
    authors: int | None = None
    published: str | None = None  # ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD (no year)
    listing_date: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    title_key: str = ""
    sources: list[SourceRef] = field(default_factory=list)
    venue: str | None = None
    author_names: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text extraction runs on: title, newline, abstract (offsets refer to it)."""
        return f"{self.title}\n{self.abstract}" if self.abstract else self.title


@dataclass
class SourceFile:
    """A listing file that was read."""

    id: str
    path: str
    name: str
    layout: str
    listing_date: str | None = None
    paper_count: int = 0
