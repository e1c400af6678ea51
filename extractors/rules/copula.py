"""Family: typing from a copula. A name that the text defines with "is a ... <head>" takes the
head's type: "Multiobject tracking (MOT) is an important task" (TASK), "Quantum Phase
Estimation (QPE) is a foundational algorithm" (METHOD), "X is a widely used metric" (METRIC).
The heads are the `copula` context of heads.txt."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, head_alternation, head_type

# the words between the article and the head: lower-case modifiers, never a clause ("is a
# setting in which a model ..."); "a type of nonlinear eigenvalue problem" is fine
_MODIFIER = (r"(?:(?!(?:in|which|that|for|to|with|by|on|from|where|when|whose|used|using|and|"
             r"or)\b)[a-z][\w\-]*,?\s+)")
_COPULA_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s+(?:is|are|remains|has\s+become)\s+"
    rf"(?:(?:a|an|the|one\s+of\s+the)\s+)?({_MODIFIER}{{0,4}}?)"
    rf"({head_alternation('copula')})\b"
)
# "we propose X (MLC) as a complementary metric", "define the Y Error as a metric for ...": a
# name set out as a measure (the measure heads of the copula context only)
_AS_MEASURE = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s+as\s+(?:a|an|the|our)\s+"
    rf"{_MODIFIER}{{0,4}}?(?:metric|measure)\b(?!-)"
)
# "we propose X as ...", "we define the X as ...": the paper's own measure
_SET_OUT_BEFORE = re.compile(
    r"\b[Ww]e\s+(?:also\s+|further\s+|then\s+)?(?:introduce|propose|define|present|design|"
    r"develop|construct|devise)\s+(?:the\s+|a\s+new\s+|a\s+novel\s+)?$")
# the name opens its sentence (after an article at most): it is the subject of the copula
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:The|the|A|An)\s+)?$")


def copula_types(ctx: Context) -> None:
    """Type a name written as the subject of "is a/an ... <head>"."""
    text = ctx.text
    for c in ctx.cands:
        if c.rule == "gazetteer" and c.strong_type:
            continue
        nxt = text[c.end:c.end + 4]
        if "is" not in nxt and "are" not in nxt and "(" not in nxt and "," not in nxt and \
                "rem" not in nxt and "has" not in nxt:
            continue
        m = _COPULA_AFTER.match(text, c.end, c.end + 120)
        if m is None:
            continue
        head = m.group(2)
        if head.endswith("s") and not re.search(r"\bare\b", m.group(0)):
            continue  # "X is a set of methods": the plural head is no type of X
        s0, _ = ctx.sentence(c.start)
        if not _SUBJECT_LEAD.match(text, s0, c.start):
            continue  # "Designing efficient ViTs is a challenging task": ViTs is no subject
        c.type = c.stated = head_type(head)
        c.strong_type = True
        c.conf = max(c.conf, 0.6)


def measures_set_out(ctx: Context) -> None:
    """Type a name the text sets out "as a ... metric/measure" METRIC (ours when "we propose"
    it so)."""
    text = ctx.text
    if " as " not in text:
        return
    for c in ctx.cands:
        if c.rule == "gazetteer" and c.strong_type or c.type == "METRIC" or \
                " as " not in text[c.end:c.end + 24]:
            continue
        if _AS_MEASURE.match(text, c.end, c.end + 90) is None:
            continue
        c.type = c.stated = "METRIC"
        c.strong_type = True
        c.conf = max(c.conf, 0.6)
        if c.start > ctx.title_end and _SET_OUT_BEFORE.search(
                text, max(0, c.start - 40), c.start):
            c.intro = True


STAGES = [(68.5, copula_types), (68.6, measures_set_out)]
