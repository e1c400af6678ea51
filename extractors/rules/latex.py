"""Family: names left as LaTeX residue ($\\mathcal{B}$-Coder -> B-Coder, \\GitChameleon{})."""

from __future__ import annotations

import re

from paperkg.extractors.canonical import canonical_key
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

# a coined name written with a small superscript inside or after it ("O$^2$DENet", "M$^3$-VQA",
# "NeRFool$^+$", "SalM$2$"): the name is its written form, the dollars and all; a digit, "+"
# or "*" raised, nothing longer (no formula)
_RAISED = r"\$(?:\^(?:\{[0-9+*]\}|[0-9+*])|[0-9])\$"
_RAISED_ONE = re.compile(_RAISED)
_RAISED_NAME = re.compile(rf"(?<![\w$\\^{{}}\-])[A-Za-z][A-Za-z0-9\-]*(?:{_RAISED}[A-Za-z0-9\-]*)+")
_RAISED_FULL = re.compile(rf"[A-Za-z][A-Za-z0-9\-]*(?:{_RAISED}[A-Za-z0-9\-]*)+")


def raised_name(surface: str) -> bool:
    """Whether surface is a coined name written with a raised digit or sign ("O$^2$DENet"):
    two capitals or more outside the maths (not "R$^2$", "cm$^2$")."""
    if _RAISED_FULL.fullmatch(surface) is None or surface.endswith("-"):
        return False
    return sum(ch.isupper() for ch in _RAISED_ONE.sub("", surface)) >= 2


_RAISED_DIGIT = re.compile(r"([A-Za-z])\$\^?\{?([2-4])\}?\$")


def raised_spelled(surface: str) -> str:
    """The letters a raised name stands for ("S$^2$RD" -> "SSRD", "MF$^2$" -> "MFF"; a raised
    sign goes: "X$^+$" -> "X"), to match it with its long form."""
    surface = _RAISED_DIGIT.sub(lambda m: m.group(1) * int(m.group(2)), surface)
    return _RAISED_ONE.sub("", surface)


def _raised_names(ctx: Context) -> None:
    """A candidate per coined name written with a raised digit or sign ("M$^2$Hub")."""
    for m in _RAISED_NAME.finditer(ctx.text):
        surface = m.group().rstrip("-")
        if raised_name(surface):
            ctx.cands.append(Cand(m.start(), m.start() + len(surface), surface, surface, "",
                                  0.75, "latex_name"))


# a word with maths in it ("R$^2$", "$R^2$", "$\\tau^2$-bench", "$F_1$"): a listed name when
# its form without the LaTeX is one; the maths raises or lowers (a word in a font or a macro,
# "$\\text{opt}$", "$\\BNN$", is some other thing the paper defines; "$k$-means" is mostly
# the problem, which the gold leaves out: 4 false names, 1 found on the tuning sets); a capital
# or a macro opens it ("$f_1$" is a function, "$l_2$-regularization" a penalty)
_MATH_WORD = re.compile(
    r"(?<![\w$\\])(?:[A-Z]\$|\$[A-Z\\])[^$\s]{0,10}[\^_][^$\s]{1,6}\$(?:-?[A-Za-z][\w\-]*)?")


def _listed_in_maths(ctx: Context) -> None:
    """A gazetteer candidate per listed name written with maths, in its written form."""
    for m in _MATH_WORD.finditer(ctx.text):
        surface = m.group().rstrip("-")
        hit = ctx.gaz.canonical.get(canonical_key(surface))
        if hit is None:
            continue
        c = Cand(m.start(), m.start() + len(surface), surface, hit[1], hit[0], 0.9, "gazetteer")
        c.gaz_canon, c.strong_type = hit[1], True
        ctx.cands.append(c)


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
    if "$" in ctx.text:
        if "$-" in ctx.text:
            _variable_led(ctx)
        if "$^" in ctx.text or "$2$" in ctx.text or "$3$" in ctx.text:
            _raised_names(ctx)
        if ctx.gaz is not None:
            _listed_in_maths(ctx)
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
