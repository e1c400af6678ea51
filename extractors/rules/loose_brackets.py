"""Family: a Title Case name and a coined short name in brackets right after it, whose letters
do not spell it ("Parameter-Free Attention (SimAM)", "Explanatory Interactive Learning (XIL)",
"Human Motion Data Base (JHMDB)", "Surrogate Gradient Descent (Surrogate GD)", "R-EDL
(Relaxed-EDL)"): the two are one entity, as the text says. The bracket rule (order 88) pairs
only short forms that begin with the long form's letter and spell it in order; this one (88.1)
takes the rest when neither side is a known name, a measure or a task, and the short side is
one coined word (or a capitalised word and a coined one) with no version or size of its own.
"""

from __future__ import annotations

import re

from paperkg.extractors.canonical import strip_latex
from paperkg.extractors.rules.base import Cand, Context

_OPEN = re.compile(r" ?\(\s*$")
_CLOSE = re.compile(r"\s*[),;]")
_SMALL = frozenset({"of", "for", "and", "the", "in", "on", "with", "to", "a", "an", "via", "by"})
_PARTS = re.compile(r"[\s\-]+")
_VERSION = re.compile(r"^v?\d+(?:\.\d+)*$", re.IGNORECASE)
_SKIP_TYPES = frozenset({"TASK", "METRIC"})
# a spelled-out word in a hyphenated long form ("Relaxed-EDL"), which "ViT-H" lacks
_WORDY = re.compile(r"(?:^|-)[A-Z][a-z]{3,}")


def _title_case(name: str) -> bool:
    """Two to eight words or hyphen-joined parts, each significant one capitalised."""
    parts = [p for p in _PARTS.split(name) if p]
    return 2 <= len(parts) <= 8 and name[:1].isupper() and all(
        p[:1].isupper() or p[:1].isdigit() or p.lower() in _SMALL for p in parts)


def _coined_short(name: str, ctx: Context) -> bool:
    """One coined word with two or more capitals ("SimAM", "KPP-Net"), or a capitalised word
    and such a word ("Surrogate GD"); not a version, nor an acronym of a generic phrase."""
    ws = name.split()
    if not 1 <= len(ws) <= 2 or len(name) > 16 or any(_VERSION.match(w) for w in ws):
        return False
    last = ws[-1]
    if sum(ch.isupper() for ch in last) < 2 or (len(ws) == 2 and not ws[0][:1].isupper()):
        return False
    return last not in ctx.generic_acr and name.lower() not in ctx.generic


def _usable(c: Cand) -> bool:
    """A candidate that may take part: no known name or its variant ("ViT-H"), no
    organisation, no measure or task."""
    return not (c.gaz_canon or c.rule.startswith("gazetteer") or c.org or
                c.type in _SKIP_TYPES or c.long_form or c.alias)


def loose_bracket_pairs(ctx: Context) -> None:
    """Record "Title Case Name (Short)" and "Short (Title Case Name)" as a defined acronym."""
    text = ctx.text
    cands = sorted(ctx.cands, key=lambda c: c.start)
    for a, b in zip(cands, cands[1:], strict=False):
        if b.start - a.end > 3 or not _OPEN.match(text[a.end:b.start]) or \
                not _CLOSE.match(text, b.end) or not (_usable(a) and _usable(b)):
            continue
        an, bn = strip_latex(a.name).strip(), strip_latex(b.name).strip()
        if " " in bn and _coined_short(an, ctx) and _title_case(bn):
            long_, short = bn, an
        elif _title_case(an) and _coined_short(bn, ctx) and " " in an:
            long_, short = an, bn
        elif _coined_short(an, ctx) and _title_case(bn) and "-" in bn and " " not in an and \
                _WORDY.search(bn):
            long_, short = bn, an  # "R-EDL (Relaxed-EDL)", "C2R (Coarse-to-Real)"
        else:
            continue
        if short in ctx.defined or long_ in ctx.defined or short == long_:
            continue
        ctx.defined[short] = long_


STAGES = [(88.1, loose_bracket_pairs)]
