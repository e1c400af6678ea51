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
class Result:
    """A number the paper reports for a system (on a benchmark, by a metric), with its evidence."""

    value: str  # exactly as written ("39.9\\%", "2.3x")
    kind: str  # score | delta | ratio
    system: str | None = None  # entity name, THIS_PAPER, or None when the text does not say
    benchmark: str | None = None  # entity name of the dataset or benchmark
    metric: str | None = None  # entity name of the metric
    condition: str | None = None  # e.g. "with error feedback" (a second value of one result)
    number: float | None = None  # the value read as a number (LaTeX escapes removed)
    unit: str = ""  # "%", "x", "dB", "points", ... ("" when none)
    start: int = 0  # offsets of the value in Paper.text
    end: int = 0
    sentence: str = ""

    def to_json(self) -> dict:
        """The `paperkg extract` JSON object of this result."""
        out = {"system": self.system, "benchmark": self.benchmark, "metric": self.metric,
               "value": self.value, "kind": self.kind}
        if self.condition:
            out["condition"] = self.condition
        out["evidence"] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        return out


@dataclass
class PaperExtraction:
    """Everything extracted from one paper."""

    paper_id: str
    entities: list[Entity] = field(default_factory=list)
    repos: list[Reference] = field(default_factory=list)
    links: list[Reference] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)

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
            "results": [r.to_json() for r in self.results],
        }
