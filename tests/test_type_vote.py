"""The cross-paper type vote (extractors/registry.py): a majority of the fallback type METHOD
moves no entity, and no vote moves the paper's own introduced name."""

from collections import Counter

from paperkg.core.records import Entity, PaperExtraction
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.registry import canonicalise, resolved_type


def _paper(pid: str, name: str, typ: str, role: str = "used") -> PaperExtraction:
    """A paper with one entity of that name, type and role."""
    e = Entity(name, typ, role, [], [], 0.8, "coined_name", canonical_key(name), False)
    return PaperExtraction(paper_id=pid, entities=[e], repos=[], links=[], results=[])


def _types(papers: list[PaperExtraction]) -> list[str]:
    """Each paper's one entity type after the step across papers."""
    canonicalise(papers)
    return [p.entities[0].type for p in papers]


def test_a_fallback_method_takes_the_majority_type():
    papers = [_paper("a", "Quorbix", "DATASET"), _paper("b", "Quorbix", "DATASET"),
              _paper("c", "Quorbix", "METHOD")]
    assert _types(papers) == ["DATASET", "DATASET", "DATASET"]


def test_a_type_the_paper_gave_stays_against_the_majority():
    papers = [_paper("a", "Quorbix", "METHOD"), _paper("b", "Quorbix", "METHOD"),
              _paper("c", "Quorbix", "METRIC"), _paper("d", "Quorbix", "DATASET")]
    assert _types(papers) == ["METHOD", "METHOD", "METRIC", "DATASET"]


def test_the_papers_own_name_keeps_its_type():
    papers = [_paper("a", "Quorbix", "DATASET"), _paper("b", "Quorbix", "DATASET"),
              _paper("c", "Quorbix", "METHOD", "introduced")]
    assert _types(papers) == ["DATASET", "DATASET", "METHOD"]


def test_a_majority_of_another_cue_still_passes():
    papers = [_paper("a", "Quorbix-7", "MODEL"), _paper("b", "Quorbix-7", "MODEL"),
              _paper("c", "Quorbix-7", "METRIC")]
    assert _types(papers) == ["MODEL", "MODEL", "MODEL"]


def test_resolved_type_never_gives_the_fallback():
    assert resolved_type(Counter({"TASK": 5, "METHOD": 1, "METRIC": 1}), "METHOD") == "TASK"
    assert resolved_type(Counter({"METHOD": 7, "METRIC": 1}), "METRIC") == "METRIC"
    assert resolved_type(Counter({"MODEL": 2, "METRIC": 1}), "METRIC") == "MODEL"
    assert resolved_type(Counter({"TASK": 2, "MODEL": 2, "METHOD": 1}), "METHOD") == "MODEL"
    assert resolved_type(Counter({"TASK": 1, "METHOD": 1}), "METHOD") == "METHOD"
