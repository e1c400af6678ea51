"""Family: a name that carries a value is a measure. "a BPCER of 10.44%", "reconstruction
R2 = 0.729", "attains a StrictScore of 0.899", "(34.66% JGA)", "+13.6 DCScore": a coined or
capitalised name that nothing else typed, written right before "of/=/:" and a decimal or a
percentage, or right after one, is a METRIC."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context

# a value: a decimal (".70" too) or a percentage (a bare integer is a count: "X of 3 layers")
_VALUE = r"[~≈$]?\s*[+\-−]?(?:\d*\.\d+\s*(?:\\?%)?|\d+\s*\\?%)"
_VALUE_AFTER = re.compile(
    rf"\s*(?:of|=|:|≈|\$\\approx\$|\$\\sim\$)\s*(?:about\s+|only\s+|up\s+to\s+)?{_VALUE}")
_VALUE_BEFORE = re.compile(rf"(?<![\w.\-]){_VALUE}\s+$")
# rules whose names may be measures; a known name, a long form or a typed head keeps its type
_OPEN_RULES = frozenset({"coined_name", "capitalised_word", "title_case_phrase",
                         "listed_word"})


def valued_names(ctx: Context) -> None:
    """Type a name written with a value as a METRIC."""
    text = ctx.text
    for c in ctx.cands:
        if c.strong_type or c.type not in ("", "METHOD") or c.rule not in _OPEN_RULES or \
                c.start <= ctx.title_end:
            continue
        if _VALUE_AFTER.match(text, c.end, c.end + 30) or \
                _VALUE_BEFORE.search(text, max(ctx.title_end, c.start - 14), c.start):
            c.type = "METRIC"


STAGES = [(68.7, valued_names)]
