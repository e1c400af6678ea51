"""Family: task settings. A known task written after a setting modifier ("Few-Shot
Out-of-Distribution Detection", "unsupervised domain adaptation") is the longer task."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, extend_known
from paperkg.extractors.words import words

_SETTING = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s\-]") for w in
                           sorted(words("task_settings"), key=len, reverse=True)) +
    r")[\s\-]+)+$",
    re.IGNORECASE,
)


def setting_tasks(ctx: Context) -> None:
    """Extend a known task to the setting modifiers right before it."""
    extend_known(ctx, "TASK", _SETTING, 60, "gazetteer+setting", refuse="-/")


STAGES = [(11, setting_tasks)]
