"""A task's longer forms written around a mention, kept as aliases, as the gold names a task by
its most complete written form: the pair joined by "and" on either side ("forward and inverse
rendering" beside "inverse rendering", "error detection and correction" beside "error
detection"), the title's form with where or on what it is done after "in", "from", "under"
or "without" ("Parallel Recovery in Microservice Systems"), and a name written before a task head
word ("text-to-SQL generation" beside "text-to-SQL"). The name stays the paper's task; the
aliases only let the gold's longer form be matched."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import word_set, word_union, words
from paperkg.extractors.rules.task_forms import _add

# one word, then "and" (or "&"), right before a mention
_AND_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([A-Za-z][\w\-]*) (?:and|&) $")
# "and" (or "&"), then one word, right after a mention; not joined to a next word by a hyphen
_AND_AFTER = re.compile(r" (?:and|&) ([A-Za-z][\w\-]*)(?![\w\-])")
# an action noun ("correction", "resolution", "analysis", "assessment")
_ACTION = re.compile(r"[a-z]+(?:tion|sion|sis|ment)", re.IGNORECASE)
# one space, then one word, right after a mention
_WORD_AFTER = re.compile(r" ([A-Za-z][\w\-]*)(?![\w\-])")


def _mentions(e: dict) -> list[tuple[str, int, int]]:
    """(surface, start, end) of each mention of e written as one of its forms."""
    forms = {e["name"].casefold(), *(a.casefold() for a in e["aliases"])}
    return [(s, a, b) for s, a, b, *_ in e["mentions"] if s.casefold() in forms]


def task_coordinated_forms(out: list[dict], text: str) -> None:
    """Give each TASK of two words or more, as aliases, the forms the text writes with an
    adjective and "and" before a mention ("physical and spatial reasoning": a word shaped as an
    adjective, adjective_endings, or a hyphenated one; not a task head, "retrieval and ...", nor a
    coined one, "Med-VQA and ...") or with "and" and an action noun after it ("error detection
    and correction"); not a function word. A noun before "and" is mostly the last word of the
    item before ("labels and semi-supervised learning"), no shared head."""
    stop = word_union("task_stop", "quantity_words")
    not_before = word_union("task_stop", "quantity_words", "task_pattern_heads",
                            "task_scored_heads")
    adjective = tuple(words("adjective_endings"))
    for e in out:
        if e["type"] != "TASK" or " " not in e["name"]:
            continue
        for surface, a, b in _mentions(e):
            m = _AND_BEFORE.search(text, max(0, a - 40), a)
            w = m.group(1) if m is not None else ""
            if w and w.lower() not in not_before and not any(c.isupper() for c in w[1:]) and (
                    w.lower().endswith(adjective) or "-" in w):
                _add(e, f"{m.group(1)} {text[m.end(1) + 1:a]}{surface}")
            m = _AND_AFTER.match(text, b)
            if m is not None and m.group(1).lower() not in stop and \
                    _ACTION.fullmatch(m.group(1)):
                _add(e, f"{surface}{m.group(0)}")


def task_title_object_forms(out: list[dict], text: str, title_end: int) -> None:
    """Give each TASK named in the title, as an alias, the form the title writes with one of
    task_object_prepositions and one to four words after it (an article may open them), up to a
    function word or a mark, not ending in a method or model head ("Training in Large Models")."""
    preps = word_set("task_object_prepositions")
    stop = word_set("task_stop")
    systems = word_union("method_heads", "system_heads")
    for e in out:
        if e["type"] != "TASK":
            continue
        for surface, _a, b in _mentions(e):
            if b >= title_end:
                continue
            ws = text[b:title_end].split(" ")
            if len(ws) < 3 or ws[0] != "" or ws[1].lower() not in preps:
                continue
            rest = ws[2:]
            lead = [rest.pop(0)] if rest and rest[0].lower() in ("the", "a", "an") else []
            words = []
            for w in rest:
                bare = w.rstrip(":;,.?!)")
                if not bare or bare.lower() in stop or not bare[0].isalnum():
                    break
                words.append(bare)
                if bare != w or len(words) == 4:
                    break
            if not words or words[-1].lower() in systems:
                continue
            _add(e, " ".join([surface, ws[1], *lead, *words]))


def task_head_forms(out: list[dict], text: str) -> None:
    """Give each TASK whose name does not end in a task head word, as an alias, the form the
    text writes with one such word right after a mention ("text-to-SQL generation",
    "CBCT-to-CT translation")."""
    heads = word_union("task_pattern_heads", "task_strong_heads")
    for e in out:
        if e["type"] != "TASK" or e["name"].split()[-1].lower() in heads:
            continue
        for surface, _a, b in _mentions(e):
            m = _WORD_AFTER.match(text, b)
            if m is not None and m.group(1).lower() in heads:
                _add(e, f"{surface}{m.group(0)}")
