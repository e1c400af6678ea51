"""Overlapping candidates: the longer one at a position wins, except that gazetteer hits and
acronym long forms carry their own evidence."""

from __future__ import annotations

from paperkg.extractors.rules.base import Cand, Context

# a lone capitalised word (0.35, kept only if something lifts it later) gives way to the very
# same words marked as the paper's own name ("we propose \\textbf{Zeta-Net}"): the marked
# candidate, sorted second, was dropped as nested in it
_WEAK_RULES = frozenset({"capitalised_word"})
_MARKED_RULES = frozenset({"marked_name"})
# a Title Case phrase found by its shape alone gives way to the very same words read as a
# compound measure ("10.6% increase in Execution Accuracy") or a listed one ("three metrics:
# Inner-track Rhythmic Stability (IRS), ..."): sorted first, it had won the span untyped, and
# was then dropped as a fragment ("Execution Accuracy for Qwen2.5") or a heading
_SHAPE_RULES = frozenset({"title_case_phrase", "capitalised_word"})
_TYPED_RULES = frozenset({"metric_compound", "metric_list"})


def resolve_overlaps(ctx: Context) -> None:
    """Sort candidates by position and drop those nested inside a longer accepted one."""
    cands = sorted(ctx.cands, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cand] = []
    for c in cands:
        if kept:
            p = kept[-1]
            if c.start < p.end:
                if c.start == p.start and c.end == p.end and (
                        c.rule in _MARKED_RULES and p.rule in _WEAK_RULES
                        or c.rule in _TYPED_RULES and p.rule in _SHAPE_RULES and not p.type):
                    kept[-1] = c
                    continue
                if c.start == p.start and c.end == p.end and c.rule == "metric_list" and \
                        p.rule == "acronym_definition" and not p.type:
                    p.type, p.strong_type = c.type, True  # a listed measure's long form
                    continue
                if c.end <= p.end and not (c.long_form or c.rule == "acronym_definition"):
                    if p.rule == "gazetteer" or c.rule != "gazetteer":
                        continue
                    if p.rule in _TYPED_RULES and c.type == p.type and c.start == p.start \
                            and p.name.count(" ") >= c.name.count(" ") + 2:
                        # "Dice Similarity Coefficient" around "Dice": the measure named whole,
                        # one entity with the known one's other mentions ("Dice score"); one
                        # word on ("exact match accuracy") is the known one's alias: metric_forms
                        p.gaz_canon = p.gaz_canon or c.gaz_canon
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
