"""Records produced by the extraction pipeline (one PaperExtraction per paper)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
