"""Family: a coined word written inside a formula with other symbols is a variable, no name
("$\\sqrt{H^{5}SAT}$", "$\\tilde{\\mathcal{O}}((dT)^{3/4})$", "$\\sqrt{\\mathrm{JSD}}$",
"$L\\_FUNC\\_A$"): a candidate that only its coined shape found, every mention of which lies
inside a `$...$` span holding more than the name and its font command, is dropped.
"$FreeTickets$" (the whole span) stays a name."""

from __future__ import annotations

import re
from bisect import bisect_left

from paperkg.extractors.rules.base import Context, drop_whole_names

# an unescaped dollar sign
_DOLLAR = re.compile(r"(?<!\\)\$")
# a font command around the name and the braces and spaces left when the name is taken out
_WRAPPER = re.compile(r"\\(?:text\w*|math\w*|operatorname|bm|boldsymbol)|[{}\s]")


def _dollars(ctx: Context) -> list[int]:
    """Offsets of the text's unescaped dollar signs (made once per text)."""
    got = ctx.scratch.get("dollars")
    if got is None:
        got = ctx.scratch["dollars"] = [m.start() for m in _DOLLAR.finditer(ctx.text)]
    return got


def _in_formula(ctx: Context, a: int, b: int) -> bool:
    """Whether text[a:b] lies inside a `$...$` span that holds more than it and its font."""
    ds = _dollars(ctx)
    i = bisect_left(ds, a)
    if i % 2 == 0 or i >= len(ds) or ds[i] < b:
        return False
    rest = ctx.text[ds[i - 1] + 1 : a] + ctx.text[b : ds[i]]
    return bool(_WRAPPER.sub("", rest))


def formula_symbols(ctx: Context) -> None:
    """Drop coined candidates that are symbols inside a formula."""
    if "$" not in ctx.text:
        return
    drop_whole_names(ctx, "coined_name", lambda c: _in_formula(ctx, c.start, c.end))


STAGES = [(98.7, formula_symbols)]
