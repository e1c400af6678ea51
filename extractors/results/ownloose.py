"""The paper's own named system over the nearest name of a clause with no subject verb, and
no system for a value stated for an unnamed one.

Where a value's clause has no subject and the rules fall back on its nearest name, a method the
entity rules mark as used (a tool, a baseline, a component: "integrating the HMT plug-in
reduces prefill latency by 23.23x", "yields 100% RDKit validity, 99.75% novelty", "the overall
gap drops from 17.12% (NAR4TSP reproduction) to 3.60%") is less often the system that achieved
it than the paper's own named system (FlexLLM, MolPaQ, GeoRouteNet; 16 against 34 values over
the tuning sets): the value is the paper's own. Not where the name acts itself, a verb right
after it ("AdamW degrades to 1885.24", "MSFP16 incurs 3x lower cost", "TiSR's rediscovery rate
is 69.4%").
"""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.words import alternation, words

# the own name over a used name a verbless clause offers
OWN_OVER_LOOSE = True
# the name acts: after the rest of a longer name ("LSTM--RL"), a font's close, a bracket ("(GA)")
# and an aside "with NAME (ACRONYM)", a verb's -s or -ed form, a modal, "is/was", "at", ",
# whose", ", VERBing", a participle ("A Governance Gate built on these signals achieves") or a
# possessive
_ACTS = re.compile(r"[\w\-+]*(?:\}|\$)*(?:\s*\([^()]{0,20}\))?"
                   r"(?:\s+(?:with|using)\s+(?:[A-Z][\w\-]*\s*)+(?:\([^()]{0,20}\))?)?"
                   r"(?:'s\b|,\s+(?:whose|[a-z]+ing)\b|\s+(?:can|could|may|will|is|was|are|were|"
                   r"has|had|at|built|made|run|given|shown|[a-z]+[^s\W]s|[a-z]+ed)\b)")


def own_over_loose(text: str, end: int, typ: str, role: str | None, own: str | None) -> bool:
    """Whether the value of a verbless clause is the paper's own named system rather than the
    used method name ending at end (a used model is as often the value's as not)."""
    return OWN_OVER_LOOSE and typ == "METHOD" and role == "used" and own is not None and \
        own != THIS_PAPER and not _ACTS.match(text, end)


# "from 71.8% for compute-matched non-causal RL and 75.4% for an information-matched baseline
# to 78.9%": a value stated "for" an unnamed system is that system's (null), not the subject's
FOR_UNNAMED = True


@cache
def _for_unnamed() -> re.Pattern:
    """ " for (the|a|an) [up to four lower-case words] HEAD" right after a value, the head
    singular ("gains of 48 points for small models": a setting) and no name or bracket after it
    ("for the state-of-the-art model C2P-CLIP")."""
    heads = alternation(words("unnamed_value_heads"))
    return re.compile(rf"\s+for\s+(?:(?:the|an?)\s+)?(?:[a-z][\w\-]*\s+){{0,4}}(?:{heads})"
                      r"\b(?!\s*(?:\(|[A-Z\d]))")


def for_unnamed(text: str, end: int, mentions) -> bool:
    """Whether the value ending at end is stated for an unnamed system (no entity in the
    phrase or right after it, no "our" or "proposed" in it)."""
    if not FOR_UNNAMED or not text.startswith(" for ", end):
        return False
    m = _for_unnamed().match(text, end)
    return bool(m) and not re.search(r"\b(?:our|proposed)\b", m.group(0)) and \
        not any(end < a <= m.end() + 1 for a, *_ in mentions)
