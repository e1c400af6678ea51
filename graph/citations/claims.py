"""Who introduces a name: claims a paper's own text earns, and the corpus statistics that say
whether a name is specific and whether the claimant can have been first.

A paper claims a coined name (see names.is_coined) in two ways:
- title: its title leads with the name ("MultiPL-E: A Scalable ...") and its abstract
  confirms it: the abstract names it in a sentence with an introduction cue ("we present X",
  "X, a ...", "X is a ...") or after one ("We introduce a benchmark ... . X ...");
- clause: an abstract sentence introduces the name, the phrase running right up to it
  ("we propose X", "a novel method called X", "two new benchmarks, X and Y", "X, a novel ...",
  "... we call Reinforcement Learning with Verifiable Rewards (RLVR)").
A claim also keeps the expansion the paper gives the name ("Trust Region Policy Optimization
(TRPO)"), used to tell a citing paper's different expansion apart.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from paperkg.core.text import sentences

from .names import candidates, fold, is_coined

DATA = Path(__file__).parent / "data"

#: Names named by at least this many of the 100,000 corpus papers are families and terms of
#: the field (LLM, RAG, LoRA, CLIP, ViT, GRPO...), never linked to one paper.
GENERIC_PAPERS = 400
#: A name whose plural is written by this many corpus papers names a class of things.
PLURAL_PAPERS = 3
#: Names of at most this many letters are too short to be specific (AI, RL, QA).
MIN_LETTERS = 3

_CUE_VERB = (r"(?:introduc|propos|present|develop|releas|buil[dt]|construct|creat|design|curat|"
             r"contribut|offer|describ|launch|call|nam|dub|term|coin|open-?sourc)\w*")
#: Somewhere before the name in its sentence, this paper says it introduces something.
_LOOSE_BEFORE = re.compile(
    rf"\b(?:we|this (?:paper|work|study|report)|our (?:paper|work)|here)\b[^.;]{{0,120}}?\b"
    rf"{_CUE_VERB}"
    r"|\b(?:called|named|dubbed|termed|coined|introducing|proposing|presenting)\b",
    re.IGNORECASE)
_FUNCTION = (r"(?:on|in|with|from|than|over|to|of|such|as|like|including|by|for|against|using|"
             r"via|at|into|is|are|was|were|that|which|and|or|upon|across|beyond|both|existing|"
             r"prior|previous|popular|standard|widely)")
_HEADS = (r"(?:algorithm|method|approach|model|framework|benchmark|dataset|data set|system|"
          r"technique|architecture|pipeline|agent|suite|metric|tool|toolkit|library|procedure|"
          r"strategy|objective|family|corpus|optimizer|scheme|paradigm|recipe|network|"
          r"environment|task|platform|language|loss|module|protocol|series|evaluation)s?")
_PLAIN = rf"(?!{_FUNCTION}\b)[\w-]+"
#: The introducing phrase runs right up to the name through plain words only ("we propose
#: X", "we introduce a novel benchmark, X", "a new method called X", "two new benchmarks, X
#: and Y").
_STRICT_BEFORE = re.compile(
    r"(?:\b(?:we|our|this (?:paper|work|study))\b[^.;]{0,100}?\b(?:called|named|dubbed|termed|"
    r"coined)\s+[\"'`]*"
    rf"|\bwe\s+(?:{_PLAIN}\s+){{0,2}}?(?:introduc|propos|present|releas|develop|buil[dt]|"
    rf"construct|creat|design|curat|call|nam|dub|term|coin|open-?sourc)\w*\s+"
    rf"(?:(?:{_PLAIN}\s+){{0,5}}?{_HEADS}\s*[,:]\s+)?"
    rf"|\b(?:new|novel)\s+(?:{_PLAIN}\s+){{0,3}}?{_HEADS}\s*[,:]\s+(?:[\w-]+,?\s+(?:and\s+)?)?"
    r"|\bintroducing\s+)$",
    re.IGNORECASE)
#: A name used as a modifier ("a new ReLU training procedure", "GCNs operating on"): not what
#: is new.
_MODIFIER_AFTER = re.compile(
    r"^(?:-[a-z]|\s+(?!(?:and|or|that|which|is|are|was|were|to|for|with|on|in|as|by|from|of|at|"
    r"via|using|can|could|will|would|achieves?|outperforms?|improves?|consists?|contains?|"
    r"enables?|provides?|significantly|substantially|also|leverages?|uses|combines?|"
    r"integrates?|introduces?|learns?|employs?|builds?|exploits?)\b)[a-z])")
#: An acronym defined in parentheses right after an introduced expansion: "we call
#: Reinforcement Learning with Verifiable Rewards (" ... "RLVR". Possessive throughout: a
#: word run is followed by a space or "(", a space run by a word, "(" or the end, never by
#: what it would give back, and fewer words leave a word where "(" must come; so giving back
#: could never make a match, and trying it at each start was two thirds of the search's time.
_ACRONYM_OPEN = re.compile(r"([A-Za-z][\w-]*+(?:\s++[\w-]++){0,9}+)\s*+\(\s*+$")
_NEW_AFTER = re.compile(r"^\s*(?:\([^)]{1,60}\))?\s*(?:,|:|is|was|--|-)\s+(?:a|an|the)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:new|novel|first)\b", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r"^\s*(?:\([^)]{1,60}\))?\s*(?:,|:|is|was|--|-)\s+(?:a|an|the)\b",
                               re.IGNORECASE)
#: Leads that are ordinary words, not system names ("Beyond X: ...", "Survey: ...").
_GENERIC_LEAD = frozenset(
    """beyond towards toward survey position review tutorial report overview perspective
    rethinking revisiting introduction abstract preface editorial correction erratum""".split())
_STOP = frozenset(
    """the and for with from that this these those into onto over under which while where when
    what their there them they then than our its are was were been being has have had can could
    may might will would should not but also such more most less very each using used use uses
    based via new novel paper work approach method methods model models results show propose
    proposed present introduce demonstrate across both between within without other some many
    large however thus only first two three one all any how well achieve data""".split())
_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
#: A survey, review or tutorial presents names; it does not introduce them.
_REVIEW = re.compile(r"\b(?:this|our)\s+(?:tutorial|survey|review|overview|primer)\b|"
                     r"\bwe\s+(?:review|survey)\b", re.IGNORECASE)
#: What every _REVIEW match holds, in lower case.
_REVIEW_WORDS = ("review", "survey", "tutorial", "overview", "primer")


@dataclass(frozen=True)
class Claim:
    """Paper `paper` introduces `name` (how: title or clause; strong: cue-confirmed)."""

    paper: str
    name: str
    how: str
    strong: bool
    expansion: str = ""


@dataclass(frozen=True)
class NameStats:
    """A name in the shipped 100,000-paper corpus: papers naming it, papers claiming it, first
    month, and the month by which three papers had named it ('' when fewer)."""

    papers: int
    claims: int
    first: str
    third: str
    claimants: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def corpus_names() -> dict[str, NameStats]:
    """The shipped corpus statistics of coined names (data/names.tsv.gz)."""
    out: dict[str, NameStats] = {}
    path = DATA / "names.tsv.gz"
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 6:
                continue
            name, papers, claims, first, third, who = cells
            out[name] = NameStats(int(papers), int(claims), first, third,
                                  tuple(x for x in who.split(",") if x))
    return out


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words found in at least 20 corpus papers (data/words.txt.gz)."""
    path = DATA / "words.txt.gz"
    if not path.exists():
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def corpus_idf() -> dict[str, float]:
    """Idf weights of content words (words_of) from the shipped corpus statistics
    (data/word_df.tsv.gz: log(corpus papers / papers holding the word), for words of at least
    two corpus papers): the same weights whatever the collection, so a pair's similarity
    depends on the two papers alone."""
    path = DATA / "word_df.tsv.gz"
    out: dict[str, float] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        n = int(fh.readline().rstrip("\n").split("\t")[1])
        for line in fh:
            w, c = line.rstrip("\n").split("\t")
            out[w] = math.log(n / int(c))
    return out


@lru_cache(maxsize=1)
def corpus_baseline() -> tuple[float, ...]:
    """Quantiles (ascending) of the similarity of random shipped-corpus paper pairs under
    corpus_idf (data/baseline.txt): what a pair's similarity is ranked against."""
    path = DATA / "baseline.txt"
    if not path.exists():
        return ()
    with open(path, encoding="utf-8") as fh:
        return tuple(float(x) for x in fh if x.strip() and not x.startswith("#"))


_TITLE_LEAD = re.compile(r"\s*([^:]{2,40}?)\s*:\s+\S")


def title_lead(title: str) -> str | None:
    """The name a title leads with ("MultiPL-E: A Scalable ..." -> "MultiPL-E")."""
    m = _TITLE_LEAD.match(title or "")
    if not m:
        return None
    lead = m.group(1).strip()
    if "$" in lead or "\\" in lead:
        return None
    words = lead.split()
    if len(words) > 3 or lead.lower() in _GENERIC_LEAD or words[0].lower() in _GENERIC_LEAD:
        return None
    return lead


def generic_reason(name: str) -> str | None:
    """Why a name is not specific enough to stand for one paper, or None when it is."""
    letters = sum(c.isalpha() for c in name)
    if letters < MIN_LETTERS:
        return "short"
    if not is_coined(name):
        return "word"
    if re.search(r"[A-Z]s$", name):
        return "plural"  # "INRs", "GCNs": a class of things, not one thing
    names = corpus_names()
    stats = names.get(name)
    if stats is not None and stats.papers >= GENERIC_PAPERS:
        return "generic"
    plural = names.get(name + "s")
    if plural is not None and plural.papers >= PLURAL_PAPERS:
        return "class"  # "INR" is also written "INRs" by several corpus papers
    return None


def title_hash(title: str) -> str:
    """A short hash of a title (letters and digits, lower case): how the shipped statistics
    name a claimant without storing its title."""
    key = re.sub(r"[^a-z0-9]", "", fold(title or "").lower())
    return hashlib.blake2b(key.encode(), digest_size=4).hexdigest()


def contested(name: str, title: str) -> bool:
    """Whether a corpus paper other than the one titled `title` introduces something by this
    name (several claimants: who a citing paper means cannot be told)."""
    stats = corpus_names().get(name)
    if stats is None or stats.claims == 0:
        return False
    if stats.claims > len(stats.claimants):
        return True  # more than three claimants: their hashes are not kept
    return any(h != title_hash(title) for h in stats.claimants)


def spells_word(name: str) -> bool:
    """Whether an all-capital name spells an ordinary word (STEM, GRACE, REACT)."""
    return name.isupper() and name.isalpha() and name.lower() in common_words()


def words_of(text: str) -> set[str]:
    """Content words of a text (lower case, stop words dropped)."""
    return set(_WORD.findall(text.lower())) - _STOP


def _expansion_before(before: str) -> str:
    """The words before an opening parenthesis (an acronym's expansion), up to ten."""
    before = before[-160:]
    # A match spans at most 11 whitespace-separated chunks (ten words and the parenthesis):
    # searching from the 11th-last one finds the same match without trying every earlier
    # start (each tried up to ten words ahead; 2% of a build's extraction workers).
    parts = before.rsplit(None, 11)
    m = _ACRONYM_OPEN.search(before, len(parts[0]) if len(parts) == 12 else 0)
    return m.group(1) if m else ""


_ANY_CUE = re.compile(
    r"\b(?:we\s+(?:\w+\s+){0,2}?(?:introduc|propos|present|releas|develop|call|nam|dub|term|"
    r"coin|design|buil[dt]|construct|creat|curat)\w*|(?:we|our|this (?:paper|work|study))\b"
    r"[^.;]{0,100}?\b(?:called|named|dubbed|termed|coined))\b", re.IGNORECASE)
_BARRIER = re.compile(r"[;:]|\b(?:which|that|to|than|while|whereas|where|when|because|using|"
                      r"via|based|such as|including|like|by|on|popular|existing|standard|"
                      r"original|vanilla|conventional|classic|classical|widely|well-known|"
                      r"famous|prior|previous|traditional|common|commonly)\b", re.IGNORECASE)
#: The paper's own voice names something it studies, not something it introduces: "This paper
#: investigates a training regime ... called Policy-Spaced Response Oracles (PSRO)", "This
#: paper re-examines a framework dubbed NOTEARS" (no introduction verb in between).
_STUDIED = re.compile(
    r"\b(?:we|this (?:paper|work|study|article)|here)\s+(?:\w+\s+){0,2}?(?:investigat|"
    r"re-?examin|revisit|stud(?:y|ies)|analy[sz]|examin|explor|evaluat|review|extend|generaliz)"
    r"\w*\b(?:(?!propos|introduc|present|develop|design|buil[dt]|creat|construct|releas)"
    r"[^.;]){0,120}?\b(?:called|named|dubbed|termed)\b", re.IGNORECASE)
_NUMBER_NEXT = re.compile(r"\s\d")
_SMALL = frozenset("a an the of for and or with in on to via by from at as is".split())
#: Followed by a parenthesised coined name: this name is inside another's expansion.
_EXPANDED_AFTER = re.compile(r"^\s*\(\s*[A-Za-z][\w-]*[A-Z][\w-]*\s*\)")


def _defined_in_clause(before: str) -> bool:
    """Whether an acronym's parenthesis closes an introduction clause: the last introduction
    cue before it is at most ten words back, with no clause break between ("we call
    Reinforcement Learning with Verifiable Rewards (RLVR)")."""
    last = None
    if before.isascii():  # ignoring case is lower-casing, which keeps every offset
        low = before.lower()
        if "we" in low or "our" in low or "this" in low:  # what every match holds
            for m in _ANY_CUE_LOW.finditer(low):
                last = m
    else:
        for m in _ANY_CUE.finditer(before):
            last = m
    if last is None:
        return False
    between = before[last.end():]
    if len(between.split()) > 10 or _BARRIER.search(between):
        return False
    expansion = _expansion_before(before + "(")
    words = [w for w in expansion.split() if w.lower() not in _SMALL]
    # A coined name's expansion is in capitals ("Trust Region Policy Optimization"); "a deep
    # neural network (DNN)" defines a term of the field.
    tail = words[-max(1, min(len(words), 3)):]
    return bool(tail) and all(w[:1].isupper() for w in tail)


def _cased(pattern: re.Pattern) -> re.Pattern:
    """An IGNORECASE pattern of lower-case literals made case-sensitive, for lower-cased ASCII
    text: there ignoring case is lower-casing, which keeps every offset, so it matches where
    the pattern matches the text (and folds no character it compares)."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


#: paper_claims' case-insensitive patterns, as given and as _cased: (loose before, strict
#: before, new after, appositive after, studied).
_ANY_CASE = (_LOOSE_BEFORE, _STRICT_BEFORE, _NEW_AFTER, _APPOSITIVE_AFTER, _STUDIED)
_LOWER_CASE = tuple(map(_cased, _ANY_CASE))
_ANY_CUE_LOW = _cased(_ANY_CUE)


def _is_review(abstract: str) -> bool:
    """Whether an abstract says it reviews (_REVIEW); an ASCII one holding none of the
    words every match holds is not searched."""
    if abstract.isascii():
        low = abstract.lower()
        if not any(w in low for w in _REVIEW_WORDS):
            return False
    return _REVIEW.search(abstract) is not None


def paper_claims(paper: str, title: str, abstract: str,
                 folded: list[tuple[int, str]] | None = None) -> list[Claim]:
    """The names a paper's own text introduces (see the module docstring); `folded`: its
    abstract's sentences (core.text.sentences), each folded, when already made."""
    out: dict[str, Claim] = {}
    abstract = abstract or ""
    lead = title_lead(fold(title or "")[:200])
    sents = [(s, fold(t)) for s, t in sentences(abstract)] if folded is None else folded
    # Each sentence's case-insensitive patterns read it lower-cased when it is ASCII (folded
    # text always is), with the patterns _cased.
    lows = [(t.lower(), _LOWER_CASE) if t.isascii() else (t, _ANY_CASE) for _, t in sents]
    # Whether an earlier sentence said "we introduce/propose ...": only a title lead named in
    # the abstract asks, so the sentences before it are searched then, once each.
    cue_seen = False
    searched = 0  # the sentences searched for that cue (none of them holds it)
    lead_state = None  # None: not named; False: named without a cue; True: confirmed
    for i, (_, sent) in enumerate(sents):
        low, (loose_before, strict_before, new_after, appositive_after, studied) = lows[i]
        for start, name in candidates(sent):
            end = start + len(name)
            after = sent[end:end + 80]
            if _NUMBER_NEXT.match(after):
                continue  # part of a longer numbered name: "we propose VTON 360, a novel ..."
            before = sent[max(0, start - 160):start]
            before_low = low[max(0, start - 160):start]
            after_low = low[end:end + 80]
            modifier = bool(_MODIFIER_AFTER.match(after))
            strict = not modifier and bool(strict_before.search(before_low)
                                           or new_after.match(after_low))
            expansion = ""
            if _EXPANDED_AFTER.match(after):
                strict = False  # part of an expansion: "neural ODE (TisODE)" introduces TisODE
            elif before.rstrip().endswith("(") and after.lstrip().startswith(")"):
                expansion = _expansion_before(before.rstrip())
                strict = strict or _defined_in_clause(before.rstrip()[:-1])
            if strict and studied.search(before_low):
                strict = False  # "This paper investigates ... called PSRO": studied, not new
            if lead and name == lead:
                while not cue_seen and searched < i:
                    earlier, patterns = lows[searched]
                    cue_seen = patterns[0].search(earlier) is not None
                    searched += 1
                confirmed = bool(cue_seen or loose_before.search(before_low)
                                 or appositive_after.match(after_low) or strict)
                lead_state = bool(lead_state) or confirmed
            if strict and name not in out:
                out[name] = Claim(paper, name, "clause", True, expansion)
    if lead and is_coined(lead) and lead_state is not None and not _is_review(abstract):
        prev = out.get(lead)
        out[lead] = Claim(paper, lead, "title", bool(lead_state),
                          prev.expansion if prev else "")
    return [out[k] for k in sorted(out)]


__all__ = ["Claim", "GENERIC_PAPERS", "NameStats", "common_words", "contested", "corpus_baseline",
           "corpus_idf", "corpus_names",
           "generic_reason", "paper_claims", "spells_word", "title_hash", "title_lead",
           "words_of"]
