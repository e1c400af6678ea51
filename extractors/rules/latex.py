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

# a name led by a math variable and a hyphen ("$\\lambda$-GRPO", "$k$-NN", "$f$-Policy
# Gradients", "$d$-DRFWL(2) GNNs"): the variable is part of the name as written; the rest is a
# coined word or a run of two or more capitalised words ("$L$-Lipschitz", "$k$-Median" are
# plain words with a parameter, no names); in the abstract only (a title's "$H$-Consistency
# Bounds: ..." is its topic)
_VARIABLE_LED = re.compile(
    r"(?<![\w$\\])\$([A-Za-z]\w{0,7}|\\([a-z]+))\$-"
    r"([A-Z][\w\-]*(?:\(\d\)|(?:\s+[A-Z][\w\-]*))*)"
)
# the letters of a tolerance: "$\\epsilon$-X" is X relaxed by a small amount, no name
_TOLERANCES = frozenset({"epsilon", "varepsilon", "delta"})

# the second name is the first's short form: "X, or Y", "X (or Y)", "X (Y)"
_OR_SHORT = re.compile(r"(?:,\s*or\s+|\s*\(\s*(?:or\s+)?)$")


def _variable_led(ctx: Context) -> None:
    """A candidate per name led by a math variable ("$\\lambda$-GRPO", "$k$-NN")."""
    prev = None
    for m in _VARIABLE_LED.finditer(ctx.text, ctx.title_end):
        if m.group(2) in _TOLERANCES:
            continue  # "$\\varepsilon$-LDP", "$\\delta$-EMG": a notion up to a tolerance
        words = m.group(3).split()
        if len(words) < 2 and word_kind(words[0].split("(")[0], ctx.generic) != "coined":
            continue
        c = Cand(m.start(), m.end(), m.group(), m.group(), "", 0.7, "latex_name")
        ctx.cands.append(c)
        if prev is not None and _OR_SHORT.match(ctx.text, prev.end, c.start):
            ctx.defined.setdefault(c.surface, prev.name)  # "$f$-Policy Gradients, or $f$-PG"
        prev = c


def latex_names(ctx: Context) -> None:
    """A candidate per LaTeX-wrapped name."""
    if "$-" in ctx.text:
        _variable_led(ctx)
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
