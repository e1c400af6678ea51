"""Helpers shared by the extraction tests: run one paper, find an entity by a surface form, find
results on a text with entities given as the entity component leaves them, write a one-paper
gold file, read the tuning gold's texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract
from paperkg.extractors.results import find_results


def run(nlp, abstract: str, title: str = "A study of things") -> dict:
    """Entities of one paper, by name."""
    (ex,) = extract([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    return {e.name: e for e in ex.entities}


def task_names(ents: dict) -> set[str]:
    """The folded names of the tasks."""
    return {e.name.casefold() for e in ents.values() if e.type == "TASK"}


def task_named(ents: dict, name: str):
    """The entity named name, which must be a TASK."""
    e = ents.get(name)
    assert e is not None and e.type == "TASK", sorted(ents)
    return e


def measures(ents: dict) -> dict:
    """The entities typed METRIC, by name."""
    return {n: e for n, e in ents.items() if e.type == "METRIC"}


def named_by_name(ents: dict) -> dict:
    """The named (non-task, non-measure) entities by folded name."""
    return {e.name.casefold(): e for e in ents.values()
            if e.type in ("METHOD", "MODEL", "DATASET", "BENCHMARK")}


def find(ents: dict, form: str, ignore_case: bool = False):
    """The entity that has form as its name or an alias (optionally ignoring case)."""
    for e in ents.values():
        forms = (e.name, *e.aliases)
        if form in forms or (ignore_case and form.lower() in {f.lower() for f in forms}):
            return e


def find_any_case(ents: dict, form: str):
    """The entity named form, ignoring case."""
    return find(ents, form, ignore_case=True)


def entity_dict(text: str, name: str, typ: str, role: str = "used") -> dict:
    """An entity dict with every mention of its name in text."""
    at, mentions = 0, []
    while (i := text.find(name, at)) >= 0:
        mentions.append((name, i, i + len(name), ""))
        at = i + len(name)
    return {"name": name, "type": typ, "role": role, "aliases": [], "mentions": mentions}


def results_by_value(text: str, *ents: tuple) -> dict:
    """find_results on text with entities (name, type[, role]), by value."""
    return {r["value"]: r for r in find_results(text, [entity_dict(text, *e) for e in ents])}


def results_switched(module, name: str, on: bool, text: str, *ents: tuple) -> dict:
    """results_by_value with the switch name of a results module set to on for the call."""
    old = getattr(module, name)
    setattr(module, name, on)
    try:
        return results_by_value(text, *ents)
    finally:
        setattr(module, name, old)


def gold_file(folder: Path, title: str, abstract: str, ents: list[tuple],
              results: list[dict]) -> Path:
    """A one-paper gold file in folder: entities (name, type[, role]) and the given results."""
    gold = {"title": title, "abstract": abstract,
            "entities": [{"name": n, "type": t, "role": r[0] if r else "used"}
                         for n, t, *r in ents],
            "results": results}
    path = folder / "g.gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return path


class CountingPieces:
    """A compiled pattern that notes every string it splits with findall (the gazetteer's
    `components._PIECES` in the speed tests)."""

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.split = pattern, []

    def findall(self, s: str) -> list[str]:
        self.split.append(s)
        return self.pattern.findall(s)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


#: The tuning gold the speed tests compare old and new patterns on (absent on a clean clone).
TRAIN_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold" / "train.gold.jsonl"


def train_gold_texts() -> list[str]:
    """The tuning gold's texts (title, newline, abstract); the test skips without ../shared."""
    if not TRAIN_GOLD.exists():
        pytest.skip("no shared gold here")
    return [f"{r.get('title') or ''}\n{r.get('abstract') or ''}"
            for r in map(json.loads, TRAIN_GOLD.read_text(encoding="utf-8").splitlines())]
