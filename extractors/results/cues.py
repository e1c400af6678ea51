"""The cue words of extractors/data/results.json and metrics.txt, compiled, and text helpers."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from paperkg.extractors.words import trie_alternation

DATA = Path(__file__).resolve().parent.parent / "data"
#: The plural groups the "group" cue finds opening a sentence or clause ("Experts in the field").
_BARE_GROUP = r"(?:experts|agents|humans|annotators|participants|models|LLMs|VLMs|MLLMs)"


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue-word lists of extractors/data/results.json, compiled."""
    data = json.loads((DATA / "results.json").read_text(encoding="utf-8"))
    alt = lambda words: "|".join(sorted(words, key=len, reverse=True))  # noqa: E731
    metric_forms = list(data["extra_metrics"])
    for line in (DATA / "metrics.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            metric_forms.extend(f.strip() for f in line.split("|") if f.strip())
    metric_alt = trie_alternation(metric_forms, lower=True)
    return {
        "size": frozenset(data["size_nouns"]),
        "heads": frozenset(data["method_heads"]),
        "hyper": re.compile(rf"(?<![@\-])\b(?:{alt(re.escape(w) for w in data['hyper_before'])})"
                            r"\s*(?:of|=|:|is|was|to|at)?\s*(?:about|around|only)?\s*$",
                            re.IGNORECASE),
        "delta_before": re.compile(
            rf"\b(?:{alt(data['delta_before'])})\s+(?:\w+\s+){{0,1}}?"
            r"(?:up\s+to|about|around|nearly|approximately|over|more\s+than|an\s+average\s+of|"
            r"average|as\s+much\s+as|roughly|almost|at\s+least|a|an|only|just|~)?\s*$",
            re.IGNORECASE),
        "delta_after": re.compile(
            rf"^\s*(?:\w+\s+){{0,2}}?(?:{alt(re.escape(w) for w in data['delta_after'])})\b",
            re.IGNORECASE),
        "verbs": re.compile(rf"\b(?:{alt(data['result_verbs'])})\w*\W*(?:\w+\W+){{0,3}}$",
                            re.IGNORECASE),
        "own": re.compile(rf"\b(?:{alt(re.escape(w) for w in data['own_system'])})\b",
                          re.IGNORECASE),
        "cmp": re.compile(rf"\b(?:{alt(re.escape(w) for w in data['comparison_before'])})"
                          r"\s+(?:the\s+|a\s+|an\s+|strong\s+|existing\s+|prior\s+|previous\s+|other\s+|"
                          r"all\s+|competing\s+|several\s+|many\s+|these\s+)*$",
                          re.IGNORECASE),
        "group": re.compile(
            r"\b(?:(?:API-based|proprietary|open-source|open|closed|existing|current|prior|"
            r"state-of-the-art|frontier|leading|strong|most|all|many|other|every|the\s+best|"
            r"top|commercial|small|large|specialized|baseline)\s+)+(?:\(\w+\)\s+)?"
            r"(?:LLMs|models?|methods|systems|detectors|approaches|agents|networks|baselines|"
            r"humans|annotators|VLMs|MLLMs|LMs)\b|"
            # one unnamed best of several ("The best competing method achieves only 55%", "the
            # best approach reaches"), not after a copula ("X is the best method")
            # (its "t" first, the copula's lookbehinds then taking it in: they are tried only
            # where "t" opens a word, not at every offset)
            r"\bt(?<!\bis\st)(?<!\bas\st)(?<!\bwas\st)he\s+(?:best|strongest|top)\s+"
            r"(?:[\w\-]+\s+)?(?:method|approach)\b|"
            # a bare plural group opening its sentence or clause ("Experts in the field
            # struggled ...", "Nonetheless, agents deliver results 88.3% faster"), not one a
            # setting qualifies ("Models trained on X achieve", "Agents equipped with maps")
            # (the word boundary and the group word looked ahead at first: the nine lookbehinds
            # are tried only where such a word opens, not at every offset)
            r"\b(?=" + _BARE_GROUP + r"\b)"
            r"(?:(?<=^)|(?<=\.\s)|(?<=Nonetheless,\s)|(?<=However,\s)|(?<=Overall,\s)|"
            r"(?<=Moreover,\s)|(?<=Instead,\s)|(?<=Still,\s)|(?<=contrast,\s))"
            + _BARE_GROUP + r"\b(?!\s+(?:trained|using|equipped|with|"
            r"fine-tuned|built|based|that|which|such|like|from|of|\())", re.IGNORECASE),
        "metric": re.compile(rf"(?<![\w\-@])(?:{metric_alt}|[A-Za-z][\w\-]*@\d+(?:\.\d+)?|"
                             r"[Pp]ass@[kK\d]+)(?![\w@])", re.IGNORECASE),
    }


#: What every match of cues()["group"] holds in lower case: each of its three alternatives ends
#: in one of these nouns (LLMs, VLMs, MLLMs and LMs in "lms"). Keep in step with the pattern.
GROUP_PIECES = ("lms", "model", "method", "system", "detector", "approach", "agent", "network",
                "baseline", "human", "annotator", "expert", "participant")


def may_hold_group(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] can hold a match of the "group" cue: False only for an ASCII window
    (where the pattern's case-blind letters are str.lower's) with no piece of GROUP_PIECES."""
    window = text[lo:hi]
    if not window.isascii():
        return True
    low = window.lower()
    return any(p in low for p in GROUP_PIECES)


def _find_all(text: str, word: str) -> list[int]:
    """Every offset of word in text."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
