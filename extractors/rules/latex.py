"""Family: names left as LaTeX residue ($\\mathcal{B}$-Coder -> B-Coder, \\GitChameleon{})."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Cand, Context

_LATEX_NAME = re.compile(
    r"\$\\math[a-z]+\{(\w+)\}\$(-?[A-Za-z][\w\-]*)|\\([A-Z][A-Za-z]+[A-Z]\w*)\{\}"
)


def latex_names(ctx: Context) -> None:
    """A candidate per LaTeX-wrapped name."""
    if "\\" not in ctx.text:
        return
    for m in _LATEX_NAME.finditer(ctx.text):
        name = (m.group(1) + m.group(2)) if m.group(1) else m.group(3)
        ctx.cands.append(Cand(m.start(), m.end(), m.group(), name, "", 0.75, "latex_name"))


STAGES = [(30, latex_names)]
