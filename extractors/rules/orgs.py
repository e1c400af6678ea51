"""Family: organisations, projects, licences and cited people are no entities: "the BigCode
project", "an OpenRAIL license", "in partnership with Software Heritage", a listed organisation
or a licence shape (CC-BY-4.0, Apache-2.0), "Kempka et al. (2016)"."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Context

_LICENCE = re.compile(
    r"^(?:CC[- ]?BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d(?:\.\d)?)?|CC0|Apache(?:[- ]v?2(?:\.0)?)?|"
    r"L?A?GPL(?:-?v?\d(?:\.\d)?)?|BSD(?:-\d-Clause)?|MIT|OpenRAIL(?:-[A-Z]+)?|RAIL(?:-[A-Z]+)?)$"
)
_ORG_AFTER = re.compile(
    r"[^\S\n]+(?:team|project|community|consortium|initiative|foundation|organi[sz]ation|labs?|"
    r"laboratory|institute|university|inc\b|corp\b|corporation|company|licen[cs]es?|"
    r"licen[cs]ed)\b",
    re.IGNORECASE,
)
# a word of its own: "led by" is not the end of "controlled by" or "enabled by"
_ORG_BEFORE = re.compile(
    r"\b(?:(?:developed|released|created|maintained|funded|supported|hosted|sponsored|organi[sz]ed|"
    r"led)\s+by|(?:partnership|collaboration|cooperation)\s+with|licen[cs]ed\s+under|"
    r"researchers\s+(?:at|from)|team\s+(?:at|from))\s+(?:the\s+)?$"
)


# an intro verb right before a name: the paper's own, not a listed organisation ("we propose
# UBER"; not "Our Hugging Face model is available")
_INTRO_BEFORE = re.compile(r"\b(?:propos|present|introduc|develop|design|devis)\w*\s+"
                           r"(?:(?:a|an|the|new|novel)\s+)?$")


# "Kempka et al. (2016)", "Smith (2020)", "Vaswani et al.": a person cited, not a name
_PERSON_AFTER = re.compile(
    r"\s+(?:et\s+al\b|and\s+[A-Z][a-z]+\s+\(\d{4}\))|\s*\(\d{4}[a-z]?\)|,\s*\d{4}\)"
)


def organisations(ctx: Context) -> None:
    """Flag candidates that name an organisation, project or licence (dropped at merge)."""
    text, orgs = ctx.text, ctx.orgs
    # a name the paper introduces right after an intro verb is its own system, even if a listed
    # organisation has its spelling or a licence's ("we propose UBER, an unsupervised approach",
    # "We present RAIL, a risk-aware framework"), or a later sentence links "the UBER project
    # page"; a versioned licence stays one ("Apache-2.0")
    ours = {fold(c.name) for c in ctx.cands if c.intro and _INTRO_BEFORE.search(
        text, max(0, c.start - 40), c.start)}
    for c in ctx.cands:
        if c.rule == "gazetteer" or c.rule == "metric_at_k":
            continue
        near = text[max(0, c.start - 12):c.start]
        nxt = text[c.end + 1:c.end + 2]
        folded = fold(c.name)
        if (folded in orgs and folded not in ours) or (
                c.name[0] in "CAGLBMOR" and _LICENCE.match(c.name) and (
                    folded not in ours or any(ch.isdigit() for ch in c.name))) or (
                    nxt and nxt in "tpcifoluTPCIFOLU" and folded not in ours and
                    _ORG_AFTER.match(text, c.end, c.end + 30)
                ) or (
                    ("by " in near or "with " in near or "at " in near or "from " in near)
                    and _ORG_BEFORE.search(text, max(0, c.start - 45), c.start)):
            c.org = True
        elif c.rule in ("capitalised_word", "title_case_phrase", "coined_name") and \
                " " not in c.name and _PERSON_AFTER.match(text, c.end, c.end + 30):
            c.org = True  # a person cited (dropped like an organisation)


STAGES = [(97, organisations)]
