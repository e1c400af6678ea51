"""Twenty-sixth pass (speed): the worker's citation features and the value search made cheaper,
each against the form it replaced (kept here as the reference where it is gone)."""

from __future__ import annotations

import random
import re

import pytest

from paperkg.extractors.results import values as V
from paperkg.graph.citations import cache as K
from paperkg.graph.citations import claims as C
from paperkg.graph.citations import names as N

_TEXTS = [
    "We propose MultiPL-E, a new benchmark. GPT-4 and Qwen2.5 score 80.1% on it (+3.2 pp).",
    "LoRA-based tuning of Orca 2 and WILDS 2.0; x-Net, A-Crab, Best-of-N and Chronos-2.",
    "Meta-LoRA, v1.LoRA, HumanEval+, GaLore$+$ and e.g. 1,000 samples at 0.95 +/- .02.",
    "The F1=0.80 and Recall@5=1.000, r=0.8, a 3x speed-up, fivefold, $\\sim$5 -- 7% gains.",
    "ALL CAPS TEXT 12 and lower words only\nA title: second line −3.5 ± 0.2 ٣",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = [*"aAbBzZ0193 .,;:+-$#*^\n()/=%~@<>\\", "GPT-4", " 2.0", "LoRA", "we propose ",
                "called ", "a novel method, ", "±", "−", "\\pm", "times", "fold"]
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 50))) for _ in range(n)]


_ALL = _TEXTS + _random_texts(400, 26)


def test_values_are_the_value_pattern_matches():
    for text in _ALL:
        assert [(m.span(), m.groupdict()) for m in V.value_matches(text)] == \
            [(m.span(), m.groupdict()) for m in V._VALUE.finditer(text)]
    assert [m.group() for m in V.value_matches(_TEXTS[0])] == ["80.1%", "+3.2 pp"]


def _old_pair(a: str, sep: str, b: str) -> bool:
    if K._COINED_RUN.fullmatch(a) or K._COINED_RUN.fullmatch(b) or not a[0].isalpha():
        return False
    if sep in "-.+" and ((len(a) == 1 and a.isupper()) or (len(b) == 1 and b.isupper())):
        return True
    return b[0].isdigit() and K._WORD.fullmatch(a) is not None


def test_pair_as_before():
    runs = ["A", "a", "Orca", "orca", "GPT4", "2", "2b", "N", "of", "Best", "X1", "b2", "LoRA"]
    for a in runs:
        for b in runs:
            for sep in "-.+ ":
                assert K._pair(a, sep, b) == _old_pair(a, sep, b), (a, sep, b)
    assert K._pair("A", "-", "Crab") and K._pair("Orca", " ", "2")
    assert not K._pair("state", "-", "of")


@pytest.mark.parametrize("pattern", C._ANY_CASE)
def test_cased_patterns_match_lowered_ascii_text(pattern):
    cased = C._cased(pattern)
    assert not cased.flags & re.IGNORECASE
    for text in _ALL:
        if not text.isascii():
            continue
        low = text.lower()
        for pos in range(len(text) + 1):
            a, b = pattern.search(text, pos), cased.search(low, pos)
            assert (b and b.span()) == (a and a.span())


def _old_claims(paper: str, title: str, abstract: str) -> list:
    """paper_claims before this pass: every sentence searched for a cue, case ignored."""
    out = {}
    lead = C.title_lead(N.fold(title)[:200])
    cue_seen, lead_state = False, None
    for _, sent in [(s, N.fold(t)) for s, t in C.sentences(abstract)]:
        for start, name in N.candidates(sent):
            before = sent[max(0, start - 160):start]
            after = sent[start + len(name):start + len(name) + 80]
            if C._NUMBER_NEXT.match(after):
                continue
            strict = not C._MODIFIER_AFTER.match(after) and bool(
                C._STRICT_BEFORE.search(before) or C._NEW_AFTER.match(after))
            expansion = ""
            if C._EXPANDED_AFTER.match(after):
                strict = False
            elif before.rstrip().endswith("(") and after.lstrip().startswith(")"):
                expansion = C._expansion_before(before.rstrip())
                strict = strict or C._defined_in_clause(before.rstrip()[:-1])
            if strict and C._STUDIED.search(before):
                strict = False
            if lead and name == lead:
                lead_state = bool(lead_state) or bool(
                    cue_seen or C._LOOSE_BEFORE.search(before)
                    or C._APPOSITIVE_AFTER.match(after) or strict)
            if strict and name not in out:
                out[name] = C.Claim(paper, name, "clause", True, expansion)
        cue_seen = cue_seen or bool(C._LOOSE_BEFORE.search(sent))
    if lead and N.is_coined(lead) and lead_state is not None and not C._REVIEW.search(abstract):
        prev = out.get(lead)
        out[lead] = C.Claim(paper, lead, "title", bool(lead_state), prev.expansion if prev else "")
    return [out[k] for k in sorted(out)]


@pytest.mark.parametrize("title, abstract", [
    ("MultiPL-E: A Scalable Benchmark", "Code models are popular. We Introduce a benchmark for "
     "them. MultiPL-E covers 18 languages."),
    ("MultiPL-E: A Scalable Benchmark", "Code models are popular. MultiPL-E covers 18 "
     "languages. We Present results."),
    ("MultiPL-E: A Scalable Benchmark", "Code models are popular. It has data. MultiPL-E, "
     "a benchmark, covers 18 languages."),
    ("RLVR: Rewards", "This Paper studies training. We call Reinforcement Learning with "
     "Verifiable Rewards (RLVR) a method. A Novel Method, GRPO-X, is used with RLVR."),
    ("PSRO: Oracles", "This paper investigates a regime called Policy-Spaced Response Oracles "
     "(PSRO). PSRO is old."),
])
def test_paper_claims_as_before(title, abstract):
    assert C.paper_claims("p", title, abstract) == _old_claims("p", title, abstract)
    assert C.paper_claims("p", title, abstract)  # each text claims something
