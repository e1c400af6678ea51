"""Family guard: a "X task" / "X problem" phrase written as the form a work gives its task ("we
formulate A as a B problem", "transforms A into a B task") or as a verb's object ("we consider B
problems", "the resulting B problem") names no task of the paper (words of
data/words/task_formulation_before.txt)."""

from __future__ import annotations

from paperkg.extractors.words import word_set


def after_formulation(text: str, start: int) -> bool:
    """Whether the one or two words right before text[start:] are a formulation cue."""
    ws = text[max(0, start - 40):start].lower().split()
    if not ws or text[start - 1:start] not in (" ", "\n"):
        return False
    cues = word_set("task_formulation_before")
    return ws[-1] in cues or (len(ws) >= 2 and f"{ws[-2]} {ws[-1]}" in cues)
