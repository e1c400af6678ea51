"""Plain data records shared by readers, extractors and the graph (one home for each record)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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


@dataclass
class Mention:
    """One occurrence of an entity: its text, offsets into Paper.text, and its sentence."""

    text: str
    start: int
    end: int
    sentence: str


@dataclass
class Entity:
    """A named entity of one paper, with all its mentions (deduplicated inside the paper)."""

    name: str
    type: str  # METHOD, MODEL, DATASET, BENCHMARK, METRIC, TASK
    role: str  # introduced | used
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0
    extractor: str = ""  # rule or component that found it
    key: str = ""  # canonical key shared across papers (set by canonicalisation)
    evaluated: bool = False  # a dataset the paper evaluates on (EVALUATED_ON rather than USES)


@dataclass
class Reference:
    """A URL named by a paper (repository or other link) with its evidence."""

    url: str
    start: int
    end: int
    sentence: str


@dataclass
class PaperExtraction:
    """Everything extracted from one paper."""

    paper_id: str
    entities: list[Entity] = field(default_factory=list)
    repos: list[Reference] = field(default_factory=list)
    links: list[Reference] = field(default_factory=list)

    def to_json(self, title: str) -> dict:
        """The `paperkg extract` JSON object for this paper."""
        return {
            "id": self.paper_id,
            "title": title,
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "role": e.role,
                    "aliases": list(e.aliases),
                    "mentions": [asdict(m) for m in e.mentions],
                    "confidence": round(e.confidence, 3),
                }
                for e in self.entities
            ],
            "repos": [r.url for r in self.repos],
            "links": [r.url for r in self.links],
        }
