"""The paper's own named system over the nearest name of a clause with no subject verb.

Where a value's clause has no subject and the rules fall back on its nearest name, a name the
entity rules mark as used (a tool, a baseline, a component: "integrating the HMT plug-in
reduces prefill latency by 23.23x", "yields 100% RDKit validity, 99.75% novelty", "the overall
gap drops from 17.12% (NAR4TSP reproduction) to 3.60%") is seldom the system that achieved it
in a paper that names its own system (FlexLLM, MolPaQ, GeoRouteNet): the value is the paper's
own. Not where the name acts itself, a verb right after it ("AdamW degrades to 1885.24",
"MSFP16 incurs 3x lower cost", "TiSR's rediscovery rate is 69.4%").
"""

from __future__ import annotations

import re

from paperkg.extractors.result_names import THIS_PAPER

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
