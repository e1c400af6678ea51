"""Overlapping candidates: the longer one at a position wins, except that gazetteer hits and
acronym long forms carry their own evidence."""

from __future__ import annotations

from paperkg.extractors.rules.base import Cand, Context

# a lone capitalised word (0.35, kept only if something lifts it later) gives way to the very
# same words marked as the paper's own name ("we propose \\textbf{Zeta-Net}"): the marked
# candidate, sorted second, was dropped as nested in it
_WEAK_RULES = frozenset({"capitalised_word"})
_MARKED_RULES = frozenset({"marked_name"})


def resolve_overlaps(ctx: Context) -> None:
    """Sort candidates by position and drop those nested inside a longer accepted one."""
    cands = sorted(ctx.cands, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cand] = []
    for c in cands:
        if kept:
            p = kept[-1]
            if c.start < p.end:
                if c.start == p.start and c.end == p.end and c.rule in _MARKED_RULES and \
                        p.rule in _WEAK_RULES:
                    kept[-1] = c
                    continue
                if c.end <= p.end and not (c.long_form or c.rule == "acronym_definition"):
                    if p.rule == "gazetteer" or c.rule != "gazetteer":
                        continue
                    if p.start < c.start and not p.long_form:
                        continue  # "Diverse Beam Search": a longer name around a known one
                if c.rule == "gazetteer" and p.rule != "gazetteer" and not p.long_form:
                    kept[-1] = c
                    continue
                if p.long_form and c.start >= p.start and c.end <= p.end:
                    continue
        kept.append(c)
    ctx.cands = kept


STAGES = [(60, resolve_overlaps)]
