"""Family: a name and its short form in brackets whose letters the acronym rules cannot line up
("Unbalanced Optimal Transport Consistency (UOT-CTM)", "Adversarial Retriever-Ranker (AR2)",
"VisIT-Bench (Visual InsTruction Benchmark)"): the two are one entity."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import strip_latex

_BETWEEN = re.compile(r"\s*\(\s*(?:\\text\w*\{|\$)?$")
_CLOSE = re.compile(r"\s*(?:\}|\$)?\s*\)")
_PARTS = re.compile(r"[\s\-]+")
_LETTER_TO_LETTER = re.compile(r"^[A-Z]2[A-Z]$")


def _short(name: str) -> bool:
    """A short form: one or two tokens, the first with two or more capitals."""
    ws = name.split()
    return 1 <= len(ws) <= 2 and len(name) <= 14 and sum(ch.isupper() for ch in ws[0]) >= 2


def _long(name: str) -> bool:
    """A long form: two to eight words or hyphen-joined parts ("Reflect-then-Plan"), the
    first capitalised."""
    return 2 <= len(_PARTS.split(name)) <= 8 and name[:1].isupper()


def _letters_in_order(short: str, long_: str) -> bool:
    """Whether the letters of short appear in order in long_ (case ignored)."""
    rest = iter(long_.lower())
    return all(ch in rest for ch in short.lower() if ch.isalpha())


def bracket_pairs(ctx) -> None:
    """Record "Long Form (SHORT)" and "SHORT (Long Form)" pairs as defined acronyms."""
    text, cands = ctx.text, sorted(ctx.cands, key=lambda c: c.start)
    for a, b in zip(cands, cands[1:], strict=False):
        if b.start - a.end > 12 or not _BETWEEN.match(text[a.end:b.start]) or \
                not _CLOSE.match(text, b.end):
            continue
        if a.gaz_canon or b.gaz_canon or "TASK" in (a.type, b.type) or "METRIC" in (a.type, b.type):
            continue
        an, bn = strip_latex(a.name).strip(), strip_latex(b.name).strip()
        if _long(an) and _short(bn):
            long_, short = an, bn
        elif _short(an) and _long(bn):
            long_, short = bn, an
        else:
            continue
        if short in ctx.defined or short[0].lower() != long_[0].lower():
            continue
        if any(ch.islower() for ch in short) and not _letters_in_order(short, long_):
            continue  # a mixed-case short form spells its long form ("Sparse ... (SpaMoRo)": no)
        if " " not in long_ and _LETTER_TO_LETTER.match(short) and \
                short not in text[:ctx.title_end]:
            continue  # "Text-to-Image (T2I)", "Agent-to-Agent (A2A)": a mode, unless the title's
        ctx.defined[short] = long_


STAGES = [(88, bracket_pairs)]
