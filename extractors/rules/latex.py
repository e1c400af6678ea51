"""Family: names left as LaTeX residue ($\\mathcal{B}$-Coder -> B-Coder, \\GitChameleon{})."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Cand, Context, word_kind

_LATEX_NAME = re.compile(
    r"\$\\math[a-z]+\{(\w+)\}\$(-?[A-Za-z][\w\-]*)|\\([A-Z][A-Za-z]+[A-Z]\w*)\{\}"
)
# a coined name set in a font inside math ("$\texttt{InferenceTimePessimism}$",
# "$\mathsf{SSWL}$"): the name is written so, the font command and all
_MATH_FONT_NAME = re.compile(
    r"\$\\(?:text(?:tt|it|bf|sf|sc|rm)|math(?:sf|tt|rm|bf|it))\{([A-Za-z][\w\-]{2,})\}\$"
)


def latex_names(ctx: Context) -> None:
    """A candidate per LaTeX-wrapped name."""
    if "\\" not in ctx.text:
        return
    for m in _LATEX_NAME.finditer(ctx.text):
        name = (m.group(1) + m.group(2)) if m.group(1) else m.group(3)
        ctx.cands.append(Cand(m.start(), m.end(), m.group(), name, "", 0.75, "latex_name"))
    if "$\\" not in ctx.text:
        return
    for m in _MATH_FONT_NAME.finditer(ctx.text):
        if word_kind(m.group(1), ctx.generic) == "coined":
            ctx.cands.append(Cand(m.start(), m.end(), m.group(), m.group(1), "", 0.75,
                                  "latex_name"))


STAGES = [(30, latex_names)]
