"""Conditions and brackets: a value in brackets after a name or a benchmark, "X vs Y" pairs
and a name at a setting."""

from __future__ import annotations

import re

from paperkg.extractors.result_names import (
    BENCH_TYPES,
    SYSTEM_TYPES,
)
from paperkg.extractors.results.cues import cues

_NOT_SYSTEMS = frozenset({"URL", "GPU", "GPUs", "CPU", "API", "LLM", "LLMs", "VLM", "VLMs",
                          "MLLM", "MLLMs", "LM", "LMs", "SOTA", "SoTA", "AI", "ML", "NLP", "RL"})
_CUE_BEFORE = re.compile(r"\b(?:outperform|surpass|beat|exceed|than|vs\.?|versus|compared|"
                         r"achiev|reach|scor|baseline)", re.I)
_OPEN_BEFORE = re.compile(r"\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*[),;]")


def _bracketed_after_name(text: str, mentions, a: int, b: int) -> bool:
    """Whether a bare number stands in brackets for the system named right before them
    ("outperforming o1 (82.7), o1-preview (74.8)", "a baseline (DynUNet, 0.224)")."""
    if not _CLOSE_AFTER.match(text, b):
        return False
    s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
    if not (_CUE_BEFORE.search(text, s0, a) or cues()["metric"].search(text, s0, a)):
        return False  # "OpenFOAMGPT (1.0, 2.0)": versions, unless the sentence compares
    head = text[max(0, a - 3):a]
    if _OPEN_BEFORE.search(head):
        lo = a - len(head) + head.rfind("(")
        return any(typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and not text[mb:lo].strip()
                   and lo - mb < 3 for _ma, mb, name, typ, _ in mentions)
    return any(typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and ma > 0 and
               text[ma - 1] == "(" and re.fullmatch(r",\s*", text[mb:a]) is not None
               for ma, mb, name, typ, _ in mentions)


_AT_BEFORE = re.compile(r"\s+at\s+(?:only\s+|just\s+|about\s+|around\s+)?$")


def _bracketed_after_bench(text: str, mentions, a: int, b: int, c: dict) -> bool:
    """Whether a bare decimal in brackets right after a benchmark's name is a score there, in
    a sentence that scores ("strong scores on Terminal-Bench Hard (46.8) and tau2-Bench (93.9)")."""
    lo = text.rfind("(", 0, a)
    first = text[max(0, a - 2):a].rstrip().endswith("(")
    versus = VS_BRACKET and lo >= 0 and (
        first and _VS_FIRST.match(text, b) or  # "AIME24 (80.3 vs. 79.8)": both
        _VS_SECOND.fullmatch(text, lo, a) and text[b:b + 3].lstrip().startswith(")"))
    if not (_CLOSE_AFTER.match(text, b) and first or versus):
        return False
    if not any(typ in BENCH_TYPES and 0 <= lo - mb <= 1 for _ma, mb, _n, typ, _ in mentions):
        return False
    s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
    return bool(c["verbs"].search(text[s0:lo][-80:]) or re.search(r"\bscor", text[s0:lo]) or
                c["metric"].search(text, s0, lo) or versus and _CUE_BEFORE.search(
                    text, max([0, text.rfind("\n", 0, a)] + [
                        m.end() for m in _STOP.finditer(text, max(0, lo - 300), lo)]), lo))


VS_BRACKET = True
# "(91% vs. 79.2%)" right after a name: the first value is the sentence's subject's, the second
# the compared system's (the name before the bracket only when a comparison word leads to it)
_VS_FIRST = re.compile(r"\s*(?:vs\.?|versus)\s+[+\-]?\d[\d.,]*\s*(?:\\?%)?\s*\)")
_VS_SECOND = re.compile(r"\(\s*[+\-]?\d[\d.,]*\s*(?:\\?%)?\s*(?:vs\.?|versus)\s+$")


_STOP = re.compile(r"(?<!\bvs)\.\s")


def _vs_bracket(text: str, opened: int, pos: int, end: int) -> str | None:
    """"first" or "second" when the value is one of two in "(A vs. B)", else None."""
    if not text[opened + 1:pos].strip() and _VS_FIRST.match(text, end):
        return "first"
    if _VS_SECOND.fullmatch(text, opened, pos) and _CLOSE_AFTER.match(text, end) and \
            text[end:end + 3].lstrip().startswith(")"):
        return "second"
    return None


def _name_at(text: str, mentions, a: int) -> str | None:
    """The system named right before "at" and the value ("vs. Claude Opus 4.6 at 80.8%")."""
    at = _AT_BEFORE.search(text, max(0, a - 20), a)
    if not at:
        return None
    return next((name for _ma, mb, name, typ, _ in mentions if mb == at.start() and
                 typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS), None)
