"""Family: task settings and kinds. A known task written after a setting modifier ("Few-Shot
Out-of-Distribution Detection", "unsupervised domain adaptation") is the longer task; so is a
lower-case known task that the abstract writes every time after the same adjective naming a kind
of it ("monocular depth estimation", "temporal link prediction")."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Cand, Context, extend_known
from paperkg.extractors.words import alternation, word_union, words

_SETTING = re.compile(
    r"(?:\b(?:" + alternation(words("task_settings"), r"[\s\-]") +
    r")[\s\-]+)+$",
    re.IGNORECASE,
)
# one lower-case word (hyphens inside) and a space, right before a mention
_WORD_BEFORE = re.compile(r"(?<![\w\-])([a-z][a-z\-]*[a-z]) $")


def setting_tasks(ctx: Context) -> None:
    """Extend a known task to the setting modifiers right before it."""
    extend_known(ctx, "TASK", _SETTING, 60, "gazetteer+setting", refuse="-/")


def _kind_before(ctx: Context, c: Cand) -> str | None:
    """The kind adjective written right before a lower-case abstract mention, if any."""
    if c.start <= ctx.title_end or not c.surface[:1].islower() or \
            ctx.text.startswith(" (", c.end):
        return None  # "expressive text-to-speech (TTS)": the bracket defines the known name
    m = _WORD_BEFORE.search(ctx.text, max(0, c.start - 40), c.start)
    if m is None:
        return None
    w = m.group(1)
    if not w.endswith(tuple(words("task_kind_endings"))) or w in word_union(
            "task_adjectives", "quantity_words", "task_kind_not"):
        return None
    return w


def kind_tasks(ctx: Context) -> None:
    """Extend a lower-case known task to the kind adjective the abstract writes before every
    mention of it ("monocular depth estimation"; not "traditional object detection", nor a
    mention an acronym in brackets follows)."""
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        if c.type == "TASK" and c.rule == "gazetteer":
            groups.setdefault(c.gaz_canon or c.name.lower(), []).append(c)
    changed = False
    for group in groups.values():
        kinds = {_kind_before(ctx, c) for c in group}
        if len(kinds) != 1 or None in kinds:
            continue
        kind = kinds.pop()
        for c in group:
            c.start -= len(kind) + 1
            c.surface = c.name = ctx.text[c.start:c.end]
            c.gaz_canon = None  # a longer name than the known one
            c.rule = "gazetteer+kind"
        changed = True
    if changed:
        ctx.set_gazetteer_spans()


STAGES = [(11, setting_tasks), (11.1, kind_tasks)]
