"""Family: task settings. A known task written after a setting modifier ("Few-Shot
Out-of-Distribution Detection", "unsupervised domain adaptation") is the longer task."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context
from paperkg.extractors.words import words

_SETTING = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s\-]") for w in
                           sorted(words("task_settings"), key=len, reverse=True)) +
    r")[\s\-]+)+$",
    re.IGNORECASE,
)


def setting_tasks(ctx: Context) -> None:
    """Extend a known task to the setting modifiers right before it."""
    text = ctx.text
    changed = False
    for c in ctx.cands:
        if c.type != "TASK" or c.rule != "gazetteer":
            continue
        m = _SETTING.search(text, max(0, c.start - 60), c.start)
        if m is None or (m.start() > 0 and text[m.start() - 1] in "-/"):
            continue
        c.start = m.start()
        c.surface = c.name = text[c.start:c.end]
        c.gaz_canon = None  # a longer task than the known one
        c.rule = "gazetteer+setting"
        changed = True
    if changed:
        ctx.set_gazetteer_spans()


STAGES = [(11, setting_tasks)]
