"""A metric's other listed forms: a METRIC entity whose name or alias is a form of one line of
metrics.txt gets that line's other forms as aliases ("F1 scores" is also "F1"), and one named
"X score(s)" gets X where X is a measure's short name ("VFID score" is also "VFID"); the step
after canonicalisation (so the learned model and the registry see the entities as the rules
found them). Its name stays what the text wrote."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.words import TYPE_FILES, read_list

DATA = Path(__file__).resolve().parent / "data"
# "R2 scores", "VFID score", "micro F1 scores": a short name and the word "score(s)"
_SCORE_OF = re.compile(r"(\S+(?: \S+)?)[ -][Ss]cores?")
# a measure's short name: one word with a digit or two capitals ("R2", "VFID", "R$^2$", "mF1")
_SHORT = re.compile(r"\S*(?:\d|[A-Z]\S*[A-Z])\S*")


@cache
def metric_lines() -> dict[str, tuple[str, ...]]:
    """Canonical key of each listed metric form -> its line's forms (keys two lines share are
    left out: they say no one line)."""
    by_key: dict[str, tuple[str, ...]] = {}
    shared: set[str] = set()
    for forms in read_list(DATA / TYPE_FILES["METRIC"]):
        for form in forms:
            key = canonical_key(form)
            if key in by_key and by_key[key] != tuple(forms):
                shared.add(key)
            by_key.setdefault(key, tuple(forms))
    for key in shared:
        del by_key[key]
    return by_key


@cache
def other_names() -> frozenset[str]:
    """Canonical keys of the forms the other types' gazetteers list ("CLIP", "MMLU")."""
    return frozenset(canonical_key(f) for t, name in TYPE_FILES.items() if t != "METRIC"
                     for forms in read_list(DATA / name) for f in forms)


def _scored(name: str) -> str | None:
    """X of a name "X score(s)" when X is a listed metric or a measure's short name."""
    m = _SCORE_OF.fullmatch(name)
    if m is None:
        return None
    short = m.group(1)
    key = canonical_key(short)
    if key in metric_lines() or (_SHORT.fullmatch(short) and key not in other_names()):
        return short
    return None


def add_listed_forms(ex) -> None:
    """Give each METRIC entity of one line of metrics.txt that line's other forms as aliases,
    and one named "X score(s)" its X (and X's line)."""
    lines = metric_lines()
    for e in ex.entities:
        if e.type != "METRIC":
            continue
        short = _scored(e.name)
        forms = (e.name, *e.aliases, *([short] if short else []))
        found = {lines.get(canonical_key(f)) for f in forms} - {None}
        have = {f.casefold() for f in (e.name, *e.aliases)}
        # the line's spelling first ("F1" of "f1-score"), then the text's short name
        for form in (*(found.pop() if len(found) == 1 else ()), *([short] if short else [])):
            if form.casefold() not in have:
                have.add(form.casefold())
                e.aliases.append(form)
