"""Helpers of the learned phrase scorers' tests (task_scored, metric_scored, method_scored): an
invented paper's context and the phrases a family looks at in it."""

from __future__ import annotations

import re
from types import ModuleType

from paperkg.extractors.rules.base import Context

TITLE = "Pear Crates in Cold Storage"
OPENING = "Pears bruise in cold rooms. We add sensors to crates. The sensors are cheap. "


def context(abstract: str, title: str = TITLE) -> Context:
    """A context over title and abstract, a sentence at each full stop."""
    text = f"{title}\n{abstract}"
    starts = [0, len(title) + 1] + [m.end() for m in re.finditer(r"\. ", text)]
    return Context(text, sorted(set(starts)), [], [], None)


def forms(family: ModuleType, abstract: str, title: str = TITLE) -> dict[str, bool]:
    """The phrases the family looks at, each with whether it is the longest of its head."""
    return {" ".join(ws): longest
            for _, _, ws, longest in family._phrases(context(abstract, title))}
