"""A metric's other listed forms: a METRIC entity whose name or alias is a form of one line of
metrics.txt gets that line's other forms as aliases ("F1 scores" is also "F1"), the step after
canonicalisation (so the learned model and the registry see the entities as the rules found
them). Its name stays what the text wrote."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.words import read_list

METRICS = Path(__file__).resolve().parent / "data" / "metrics.txt"


@cache
def metric_lines() -> dict[str, tuple[str, ...]]:
    """Canonical key of each listed metric form -> its line's forms (keys two lines share are
    left out: they say no one line)."""
    by_key: dict[str, tuple[str, ...]] = {}
    shared: set[str] = set()
    for forms in read_list(METRICS):
        for form in forms:
            key = canonical_key(form)
            if key in by_key and by_key[key] != tuple(forms):
                shared.add(key)
            by_key.setdefault(key, tuple(forms))
    for key in shared:
        del by_key[key]
    return by_key


def add_listed_forms(ex) -> None:
    """Give each METRIC entity of one line of metrics.txt that line's other forms as aliases."""
    lines = metric_lines()
    for e in ex.entities:
        if e.type != "METRIC":
            continue
        found = {lines.get(canonical_key(f)) for f in (e.name, *e.aliases)} - {None}
        if len(found) != 1:
            continue
        have = {f.casefold() for f in (e.name, *e.aliases)}
        for form in found.pop():
            if form.casefold() not in have:
                have.add(form.casefold())
                e.aliases.append(form)
