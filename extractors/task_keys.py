"""A TASK's graph key: a task named by a longer form ("Security-Aware Code Generation") whose
paper also writes a shorter form of it on its own ("code generation") joins that shorter form's
node, so that papers on one task meet there; its name stays as written. Run after the
cross-paper type votes (extractors/registry.py), which count each entity under its own key."""

from __future__ import annotations

from paperkg.core.records import Mention, PaperExtraction
from paperkg.extractors.canonical import canonical_key

#: On again since the thirty-fifth session: at 100,000 papers the joined keys had put the
#: library's co_used_entities and neighbourhood over their time (an id two entity labels hold
#: was found by scanning both tables, and neighbourhood's variable-length pattern grew with
#: hubs); the library now finds such ids by key (docs/scale.md, join35).
JOIN = True


def _inside_another(m: Mention, mentions: list[Mention]) -> bool:
    """Whether mention m lies inside a longer mention of the same entity."""
    return any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in mentions)


def join_task_keys(ex: PaperExtraction) -> None:
    """Key each TASK the paper uses by the longest shorter form, of two words or more, that ends
    its name and that the text writes on its own, unless another entity of the paper has that
    key (a task the paper introduces keeps its own node: it introduces no general task)."""
    keys = {e.key for e in ex.entities}
    for e in ex.entities:
        if e.type != "TASK" or e.role == "introduced" or not e.aliases:
            continue
        words = e.name.casefold().split()
        alone = {m.text.casefold() for m in e.mentions if not _inside_another(m, e.mentions)}
        shorter = [f for f in e.aliases if 2 <= len(fw := f.casefold().split()) < len(words)
                   and words[-len(fw):] == fw and f.casefold() in alone]
        if not shorter:
            continue
        key = canonical_key(max(shorter, key=lambda f: (len(f.split()), f)))
        if key and key not in keys:
            keys.discard(e.key)
            e.key = key
            keys.add(key)
