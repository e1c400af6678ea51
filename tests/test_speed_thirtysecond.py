"""Thirty-second pass (speed): the citation patterns that looked behind at every offset match the
character before instead, and two case-insensitive searches are gated on ASCII text; each is
checked against the form it replaced on invented and random texts."""

from __future__ import annotations

import random
import re
from re import _compiler, _parser

from paperkg.graph.citations import cache as K
from paperkg.graph.citations import claims as C
from paperkg.graph.citations import names as N

# The forms this pass replaced, as they were.
_OLD_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9.+-])(?=[A-Za-z](?:[a-z.\-]*+[A-Z0-9]|[A-Za-z0-9.\-]*+\s\d))"
    r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?:\s\d{1,2}(?:\.\d)?)?"
    r"(?![A-Za-z0-9+$#*^])")
_OLD_NAME_START = re.compile(
    r"(?<![A-Za-z0-9])((?:[A-Z][A-Za-z0-9]*+|[a-z]++(?:[0-9A-Z][A-Za-z0-9]*+|(?=[-.+]))))"
    r"(?![A-Za-z0-9])(?:(?=([-.+][A-Za-z0-9]+| [0-9][A-Za-z0-9]*)))?")

_TEXTS = [
    "", "A", "GPT-4", "We propose MultiPL-E, a new benchmark.", "Orca 2 and WILDS 2.0 beat LLaMA.",
    "ab.-C is not X-Net", "_Abc de\u00e9FG x1y", "HumanEval+ and GaLore$+$ and A^B", "Qwen2.5-7B",
    "(BERT)", "state-of-the-art LoRA-based tuning", "Best-of-N and A-Crab",
    "\u212aelvin \u017furvey",
    "This OVERVIEW covers", "our  Tutorial", "we\nreview", "This paper proposes a method called",
    "this overview", "we\u00a0survey the field", "This \u0130ntro", "Our primer on PRIMERs",
]
_PIECES = [*"aZq_-09 \t\n(),.;:+$#*^", "GPT", "-4", " 2", " 2.5", "v2", "Orca", "ab.-C", "z.",
           "\u00e9", "\u212a", "\u017f", "\u0130", "\u00a0", "x1", "Ab-Cd", "We ", "we ", "our",
           "Our", "this paper", "This work", "survey", "Review", "ovErview", "PRIMER", "tutorial",
           "call", "named", "dubbed", "introduce", "propose"]


def _random_texts(n: int, seed: int, longest: int) -> list[str]:
    """n texts of 0 to longest random pieces each, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, longest)))
            for _ in range(n)]


def _old_candidates(text: str) -> list[tuple[int, str]]:
    """names.candidates as it was."""
    out = []
    for m in _OLD_CANDIDATE.finditer(text):
        word = m.group(0)
        if not N._INNER.search(word, 1):
            continue
        name = word.rstrip(".-")
        if "-" in name:
            name = N._TAIL.sub("", name)
        if N.is_coined(name):
            out.append((m.start(), name))
    return out


def _old_starts_pairs(title: str, sentences: list[str]) -> tuple[set[str], set[str]]:
    """cache._starts_pairs as it was."""
    found = _OLD_NAME_START.findall("\n".join([title, *sentences]))
    return {r for r, _ in found}, {r + nxt for r, nxt in found
                                   if nxt and K._pair(r, nxt[0], nxt[1:])}


def _old_defined_in_clause(before: str) -> bool:
    """claims._defined_in_clause as it was."""
    last = None
    for m in C._ANY_CUE.finditer(before):
        last = m
    if last is None:
        return False
    between = before[last.end():]
    if len(between.split()) > 10 or C._BARRIER.search(between):
        return False
    expansion = C._expansion_before(before + "(")
    words = [w for w in expansion.split() if w.lower() not in C._SMALL]
    tail = words[-max(1, min(len(words), 3)):]
    return bool(tail) and all(w[:1].isupper() for w in tail)


def _opens_with_a_set(pattern: re.Pattern) -> bool:
    """Whether a pattern's first item is a character set (re searches it by skipping)."""
    return _parser.parse(pattern.pattern).data[0][0] is _parser.IN


def test_name_patterns_open_with_a_character_set():
    assert _opens_with_a_set(N._CANDIDATE)
    assert _opens_with_a_set(K._NAME_START)


def test_candidates_as_before():
    texts = _TEXTS + _random_texts(4000, 32, 20)
    assert sum(len(_old_candidates(t)) for t in texts) > 1000
    for text in texts:
        assert list(N.candidates(text)) == _old_candidates(text), text


def test_name_starts_and_pairs_as_before():
    texts = _TEXTS + _random_texts(4000, 320, 20)
    for i in range(0, len(texts) - 3, 3):
        title, sentences = texts[i], texts[i + 1:i + 3]
        assert K._starts_pairs(title, sentences) == _old_starts_pairs(title, sentences)
    starts, pairs = K._starts_pairs("Orca 2: A-Crab", ["we use Best-of-N"])
    assert starts == {"Orca", "A", "Crab", "Best", "of", "N"}
    assert {"Orca 2", "A-Crab", "of-N"} <= pairs


def test_review_gate_as_the_pattern():
    assert C._is_review("This OVERVIEW covers the field.")
    assert not C._is_review("We propose MultiPL-E.")
    assert C._is_review("we \u017furvey")  # not ASCII: searched, and the long s is an s
    for text in _TEXTS + _random_texts(4000, 3200, 14):
        assert C._is_review(text) == bool(C._REVIEW.search(text)), text


def test_defined_in_clause_as_before():
    assert C._ANY_CUE.pattern == C._ANY_CUE.pattern.lower()  # lower-case literals only
    assert C._defined_in_clause("We call Reinforcement Learning with Verifiable Rewards ")
    assert C._defined_in_clause("This work, dubbed Trust Region Policy Optimization ")
    assert not C._defined_in_clause("They call Reinforcement Learning with Verifiable Rewards ")
    assert not C._defined_in_clause("we use a deep neural network ")
    rnd = random.Random(5)
    words = ["We", "we", "our", "This work", "this paper", "propose", "call", "named", "dubbed",
             "Deep", "Net", "Trust", "\u017fuper", "\u212aernel", "the", "of", "using", ";",
             "which", "a", "Region", "x", "\u00e9t\u00e9", "\n"]
    texts = _TEXTS + _random_texts(3000, 32000, 14) + [
        " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 16))) + " "
        for _ in range(6000)]
    assert sum(map(_old_defined_in_clause, texts)) > 30
    for text in texts:
        assert C._defined_in_clause(text) == _old_defined_in_clause(text), text


def test_group_cue_as_before():
    from paperkg.extractors.results.cues import _BARE_GROUP, cues

    group = cues()["group"].pattern
    # the form it replaced: the copula's lookbehinds and the nine clause openings tried first
    old = re.compile(
        group.replace(r"\bt(?<!\bis\st)(?<!\bas\st)(?<!\bwas\st)he\s+",
                      r"(?<!\bis\s)(?<!\bas\s)(?<!\bwas\s)\bthe\s+")
        .replace(r"\b(?=" + _BARE_GROUP + r"\b)", ""), re.IGNORECASE)
    assert old.pattern != group and old.pattern.count(_BARE_GROUP) == 1
    new = cues()["group"]
    pieces = ["the ", "The ", "THE ", "best ", "top ", "method", "approach", " is ", "is ",
              " as ", "was ", "Experts", "agents", "models", "LLMs", "MLLMs", ". ", ".\n",
              "However, ", "Nonetheless, ", "contrast, ", " trained", " using", "(", ")",
              "open-source ", "existing ", "strong ", "baselines", "\u212a", "\u017f", "x", "_",
              "1", ",", " "]
    rnd = random.Random(32)
    texts = ["Experts struggle. However, agents deliver 88% while the best method is X.",
             "This is the best approach; as the top method, models trained on X win."] + [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(4000)]
    found = 0
    for text in texts:
        for lo in range(0, len(text) + 1, 3):
            for hi in (len(text), max(lo, len(text) - 4)):
                spans = [m.span() for m in old.finditer(text, lo, hi)]
                found += len(spans)
                assert [m.span() for m in new.finditer(text, lo, hi)] == spans, (text, lo, hi)
    assert found > 1000


def _opening_piece_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    """n texts of 0 to 14 of the pieces, the same for the same seed."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def test_intro_cue_as_before():
    from paperkg.extractors.rules import roles

    old = re.compile(  # the form it replaced: a word boundary opening each of five branches
        r"(?:\b(?:we|We|paper|work|study|report)\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|"
        r"release|develop|design|build|construct|curate|create|devise|contribute|open-source|"
        r"establish|call|name|term|dub)(?:s|d|ed)?\b|\b(?:called|named|dubbed|termed|coined|"
        r"coin|denoted)\b|\b(?:introduc|propos|present)(?:e|es|ed|ing)\b|(?:\b(?:by|with)|,)\s+"
        r"(?:develop|design|build|construct|curat|creat)ing\b(?!\s+(?:on|upon)\b)|"
        r"\b(?:the|our)\s+proposed)([^.;!?]*)$")
    pieces = ["we ", "We ", "paper ", "work ", "study ", "propose", "proposes", "introduced",
              "called ", "named", "coin", "denoted", "by ", "with ", ", ", ",", "developing",
              "building on", "creating", "upon", "the ", "our ", "proposed", " x", "X", ".", ";",
              "!", "_", "\u00e9", "\n", "  ", "ing", "s", "d", "ed"]
    texts = ["In this paper we further propose a tiny model", "a model, building a new corpus",
             "by building on X", "the proposed loss. We", "widely called"] + \
        _opening_piece_texts(pieces, 20000, 33)
    assert roles._INTRO.pattern.startswith(r"(?:\b(?:(?:we|We|")  # one boundary test first
    found = 0
    for text in texts:
        m, want = roles._INTRO.search(text), old.search(text)
        found += want is not None
        assert (m and (m.span(), m.span(1))) == (want and (want.span(), want.span(1))), text
    assert found > 2000


def test_clause_break_as_before():
    from paperkg.extractors.results import systems

    old = re.compile(r";|,\s+(?:while|whereas|but|and|which)\b|\bwhile\b|\bwhereas\b|:\s")
    # every branch opens with a character: re searches it by skipping to the next of them
    assert _compiler._get_charset_prefix(_parser.parse(systems._CLAUSE.pattern), 0)
    pieces = ["while", "While", "whereas", "whilst", "awhile", "_while", "\u00e9while", ", ", ",",
              ";", ":", ": ", "but", "and", "which", " ", "\n", "x", "w", "1", "hile"]
    for text in ["A, while B; C: D whereas E awhile"] + _opening_piece_texts(pieces, 4000, 34):
        for lo in range(len(text) + 1):
            assert [m.span() for m in systems._CLAUSE.finditer(text, lo)] == \
                [m.span() for m in old.finditer(text, lo)], (text, lo)
