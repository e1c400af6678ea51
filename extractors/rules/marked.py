"""Family: a name the paper marks as its own: emphasised or quoted right after an intro or
naming verb ("we propose a \\emph{lookahead drifting model}", "we introduce "Policy as
Prompt,"", "which we call ``moment kernels''", "termed ``spectral mismatch''"). The mark says
the phrase is a name even when it is written in lower case."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, family_phrase, positions, word_set
from paperkg.extractors.rules.naming import naming_by_paper

# the marks: LaTeX emphasis, TeX quotes, straight and curly double quotes
_MARKS = ("\\emph{", "\\textit{", "\\textbf{", "\\textsc{", "``", "\"", "“")
_MARKED = re.compile(
    r"\b(propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?|develop(?:s|ed)?|"
    r"call(?:s|ed)?|term(?:s|ed)?|nam(?:e|es|ed)|dub(?:s|bed)?|coin(?:s|ed)?|"
    r"conceptuali[sz](?:e|es))\s+(?:and\s+(?:formali[sz]e|define|study|evaluate)s?\s+)?"
    r"(?:(?:a|an|the|our|this|new|novel|simple|general)\s+){0,2}"
    r"(?:(?:concept|notion|idea)\s+of\s+)?"
    r"(?:\\(?:emph|textit|textbf|textsc)\{([^{}$\\\n]{3,60})\}|``([^`'\"\n]{3,60})(?:''|\")|"
    r"\"([^\"\n]{3,60})\"|“([^”\n]{3,60})”)"
)
_NEXT = re.compile(
    r",?\s*(?:and|or|,)\s+(?:\\(?:emph|textit|textbf|textsc)\{([^{}$\\\n]{3,60})\}|"
    r"``([^`'\"\n]{3,60})(?:''|\")|\"([^\"\n]{3,60})\"|“([^”\n]{3,60})”)"
)
_INTRO_VERB = ("propos", "introduc", "present", "develop", "conceptuali")
_CUT = re.compile(r"\s*\([^()]*\)\s*$|[\s,.;:!?]+$")  # "Name (ACR)", "Name,"


def _coined(word: str) -> bool:
    """Whether one word is a name by its shape (inner capitals, digits, capitalised parts)."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word) or (
        "-" in word and word[:1].isupper())


def marked_names(ctx: Context) -> None:
    """An emphasised or quoted phrase right after an intro verb (this paper's) or a naming
    verb (this paper's when the clause says so, as for "called X")."""
    text = ctx.text
    if not any(m in text for m in _MARKS):
        return
    stop = word_set("task_stop")
    seen: set[int] = set()
    for pos in positions(text, _MARKS):
        for m in _MARKED.finditer(text, max(0, pos - 70), pos + 80):
            if m.end() <= pos or m.start() >= pos or m.start(m.lastindex) in seen:
                continue
            verb = m.group(1).lower()
            s0, _ = ctx.sentence(m.start())
            intro = verb.startswith(_INTRO_VERB) and not verb.endswith("ed") or \
                naming_by_paper(text, s0, m.end(1))
            item: re.Match | None = m
            first = 2
            while item is not None:  # "called \textit{A} and \textit{B}": both are named
                g = next(i for i in range(first, first + 4) if item.group(i))
                _add(ctx, item.group(g), item.start(g), intro, stop, seen)
                item = _NEXT.match(text, item.end())
                first = 1
            break


def _add(ctx: Context, raw: str, a: int, intro: bool, stop, seen: set[int]) -> None:
    """One marked name as a candidate, unless it is a plain word or a generic term."""
    seen.add(a)
    name = _CUT.sub("", raw).strip()
    ws = name.split()
    if not ws or len(ws) > 6 or ws[0].lower() in stop or (len(ws) == 1 and not _coined(name)):
        return  # 'called "unlearnable"', 'an "ultrafast" ...': a word, not a name
    if fold(name) in ctx.generic or family_phrase(name) or ctx.in_url(a):
        return
    c = Cand(a, a + len(name), name, name, "", 0.7, "marked_name")
    c.intro = intro
    ctx.cands.append(c)


STAGES = [(54, marked_names)]
