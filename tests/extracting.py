"""Helpers shared by the extraction tests: run one paper, find an entity by a surface form."""

from __future__ import annotations

from paperkg.core.records import Paper
from paperkg.extractors.pipeline import extract


def run(nlp, abstract: str, title: str = "A study of things") -> dict:
    """Entities of one paper, by name."""
    (ex,) = extract([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    return {e.name: e for e in ex.entities}


def find(ents: dict, form: str, ignore_case: bool = False):
    """The entity that has form as its name or an alias (optionally ignoring case)."""
    for e in ents.values():
        forms = (e.name, *e.aliases)
        if form in forms or (ignore_case and form.lower() in {f.lower() for f in forms}):
            return e
