"""Family: a judge of the roles the rules leave `used`. The intro rules take a name for the
paper's own only in the clause shapes they read ("we propose X", "our X", "X: ..."); many of
the paper's own names are written otherwise ("X, which ...", "the Thinking Reward and the
Judging Reward", "X achieves ..."), and the annotators mark them introduced. No single clause
cue separates them from the names the paper uses (docs/extraction.md, forty-sixth pass); a
logistic model over the role classifier's features (learned.role_features: the rules that found
the name, its shape, the title, the words right before and after each mention, the sentence's
cue words) and a few of where and how the name is written (in the title and the abstract,
", which / that" or a verb of what it does after it, "our" before it, a "we propose" sentence,
the abstract's first name, how many mined corpus papers write it, a gazetteer list, a piece or
a list it shares with a name the rules introduced) rates
each merged METHOD, MODEL, DATASET or BENCHMARK entity the rules left `used`, and one rated at
or above the cut becomes introduced; a name a typed gazetteer list holds or 3+ mined corpus
papers write is not rated (the learned stage's vetoes). Weights and the cut in
data/role_judge.json, written by training/role_judge.py (fixed seed, fitted on the tuning
sets)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.logistic import probability

_DATA = Path(__file__).resolve().parent.parent / "data" / "role_judge.json"
# the types whose `used` entities are judged (names; tasks and measures are left alone)
JUDGED_TYPES = frozenset({"METHOD", "MODEL", "DATASET", "BENCHMARK"})
# role features left out: the clause's bag of words and the second and third words around a
# mention (too sparse for the rows the judge is fitted on)
_DROPPED = ("c:", "a2:", "a3:", "b2:", "b3:")
# training/role_judge.py sets this to a list to receive each judged entity
COLLECT: list | None = None

_COINED = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|^[A-Z]{2,}")
_BRACKET = r"\s*(?:\([^)]{1,40}\)\s*)?"
_WHICH = re.compile(_BRACKET + r",\s*(?:which|that)\b")
_DOES = re.compile(
    _BRACKET + r",?\s*(?:(?:also|further|significantly|consistently|substantially|notably|"
    r"clearly|still|even|not only|only)\s+)?(?:achieves?|outperforms?|surpass(?:es)?|yields?|"
    r"attains?|delivers?|improves?|reduces?|enables?|sets?|establishes|exhibits?|"
    r"demonstrates?|shows?|obtains?|reaches|maintains?|offers?|provides?|leverages?|uses?|"
    r"combines?|integrates?|employs?|consists?|comprises?|introduces?|incorporates?|learns?|"
    r"generates?|captures?|performs?|allows?|is|was|can|not)\b")
_OUR = re.compile(r"\b[Oo]ur\s+(?:[\w\-]+\s+){0,3}$")
_WE_INTRO = re.compile(r"\b(?:we|We)\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|"
                       r"design|build|construct|devise|create)")
_WE = re.compile(r"\b(?:we|our|We|Our)\b")
_THIS = re.compile(r"\b(?:this|This) (?:paper|work|study|article)")
_OTHERS = re.compile(r"\b(?:existing|previous|prior|recent|state-of-the-art|baselines?|et al|"
                     r"such as|including|like|compared|than|conventional|traditional|standard|"
                     r"popular|widely)\b", re.IGNORECASE)
_SHORT_AFTER = re.compile(r"\s*\([A-Z][\w\-]*\)")
_CALLED = re.compile(r"\b(?:called|named|dubbed|termed)\s+$")
_A_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w\-]+\s+){0,3}$")
_THE_BEFORE = re.compile(r"\bthe\s+$")
_PREP_BEFORE = re.compile(r"\b(?:using|with|via|through|by|on|from|of)\s+$")
_NEW_SENTENCE = re.compile(r"\. [A-Z]")
_WORD3 = re.compile(r"[A-Za-z]{3,}")
# the pieces of a name: split at spaces, hyphens, a lower-to-upper change and a letter-to-digit
# change ("TF-Attention" -> tf, attention; "MeditronFO" -> meditron; "STDNet" -> stdnet)
_PIECE_SPLIT = re.compile(r"[\s\-_/]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")
# what stands between two names of one list ("A, B and C", "A (AA) and B", "A / B")
_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*(?:,|and|or|,\s*and|&|/)\s*"
                       r"(?:the\s+|a\s+|an\s+)?")


@cache
def judge() -> dict:
    """The shipped weights: {"bias": b, "weights": {feature: w}, "cut": p}."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _written(text: str, title_end: int, ent: dict, first_name: int) -> set[str]:
    """Where and how the entity is written: title and abstract, the words around its abstract
    mentions, its shape."""
    name = ent["name"]
    ms = sorted((m[1], m[2]) for m in ent["mentions"])
    in_title = [m for m in ms if m[0] < title_end]
    in_abs = [m for m in ms if m[0] >= title_end]
    f = {f"m={min(len(ms), 3)}"}
    if _COINED.search(name):
        f.add("coined")
    ws = name.split()
    if len(ws) == 1:
        f.add("oneword")
    elif all(w[:1].isupper() for w in ws if w.isalpha() and len(w) > 3):
        f.add("tc_multi")
    if in_title:
        f.add("title" if in_abs else "title_only")
        if in_abs:
            f.add("title+abs")
        if any(not text[:a].strip() for a, _ in in_title):
            f.add("title_lead")
    title = text[:title_end].casefold()
    long_words = _WORD3.findall(name)
    if long_words and all(w.casefold() in title for w in long_words):
        f.add("words_in_title")
    for a, b in in_abs:
        if _WHICH.match(text, b):
            f.add("which")
        if _DOES.match(text, b):
            f.add("does")
        if _OUR.search(text, max(0, a - 60), a):
            f.add("our")
    if in_abs:
        a, b = in_abs[0]
        lo = max(text.rfind(". ", title_end, a), title_end)
        hi = text.find(". ", a)
        sentence = text[lo:len(text) if hi < 0 else hi]
        for feat, pat in (("we_intro", _WE_INTRO), ("s_we", _WE), ("s_this", _THIS),
                          ("s_others", _OTHERS)):
            if pat.search(sentence):
                f.add(feat)
        if a == first_name:
            f.add("first_name")
        if _SHORT_AFTER.match(text, b):
            f.add("short_after")
        for feat, pat, back in (("called", _CALLED, 30), ("a_before", _A_BEFORE, 40),
                                ("the_before", _THE_BEFORE, 10),
                                ("prep_before", _PREP_BEFORE, 12)):
            if pat.search(text, max(0, a - back), a):
                f.add(feat)
        k = sum(1 for _ in _NEW_SENTENCE.finditer(text, title_end, a))
        f.add(f"sent={min(k, 3)}")
    return {f"x:{x}" for x in f}


def _pieces(name: str) -> set[str]:
    """The lower-cased pieces of three or more characters of a name."""
    return {p.casefold() for p in _PIECE_SPLIT.split(name) if len(p) >= 3}


def _siblings(text: str, ent: dict, intro: list[dict]) -> set[str]:
    """How the entity stands to the names the rules introduced: it shares a piece with one
    ("TF-Attention" beside the paper's "TC-Attention", "EXAONE Deep 32B" beside "EXAONE
    Deep"), or one of its mentions and one of theirs are items of one list."""
    f: set[str] = set()
    if not intro:
        return f
    mine = _pieces(ent["name"])
    spans = [(m[1], m[2]) for m in ent["mentions"]]
    for other in intro:
        if other["name"] != ent["name"] and mine & _pieces(other["name"]):
            f.add("sib_piece")
            if _COINED.search(ent["name"]):
                f.add("sib_piece_coined")
        for a, b in spans:
            for m in other["mentions"]:
                lo, hi = ((a, b), (m[1], m[2])) if a < m[1] else ((m[1], m[2]), (a, b))
                if 0 <= hi[0] - lo[1] <= 60 and _LIST_GAP.fullmatch(text, lo[1], hi[0]):
                    f.add("sib_list")
    return {f"x:{x}" for x in f}


def features(text: str, sents: list[int], title_end: int, ent: dict, first_name: int,
             intro: list[dict] | None = None) -> list[str]:
    """The judge's features of one entity the rules left `used` (intro: the entities the
    rules introduced)."""
    from paperkg.extractors.learned import corpus_counts, listed_known, role_features

    feats = {f for f in role_features(text, sents, ent["name"], ent["type"],
                                      [(m[1], m[2]) for m in ent["mentions"]],
                                      ent["extractor"].split("+"), False, sparse=False)
             if not f.startswith(_DROPPED)}
    feats |= _written(text, title_end, ent, first_name)
    feats |= _siblings(text, ent, intro or [])
    feats.add(f"known={min(corpus_counts().get(canonical_key(ent['name']), 0), 3)}")
    if listed_known(ent):
        feats.add("listed")
    return sorted(feats)


def score(feats: list[str]) -> float:
    """The judge's probability that an entity with these features is one the paper
    introduces."""
    return probability(judge(), feats)


def judge_roles(ctx: Context, out: list[dict]) -> list[dict]:
    """Make introduced the merged name entities left `used` that the judge rates at or above
    its cut."""
    mine = [e for e in out if e["role"] == "used" and e["type"] in JUDGED_TYPES]
    if not mine:
        return out
    text, title_end = ctx.text, ctx.title_end
    first_name = min((m[1] for e in out if e["type"] in JUDGED_TYPES for m in e["mentions"]
                      if m[1] > title_end), default=-1)
    cut = judge()["cut"]
    intro = [e for e in out if e["role"] == "introduced"]
    for e in mine:
        if COLLECT is None and (_known(e) or _title_topic(text, title_end, e)):
            continue
        feats = features(text, ctx.sents, title_end, e, first_name, intro)
        if COLLECT is not None:  # collecting for training: the output stays the rules' own
            COLLECT.append((e["name"], e["aliases"], feats))
        elif score(feats) >= cut:
            e["role"] = "introduced"
            e["judged"] = True  # the results' own-system choice reads it (fifty-first pass)
    return out


def _title_topic(text: str, title_end: int, ent: dict) -> bool:
    """Whether the entity is the title's "Name: ..." opening that the abstract writes only in
    lower case ("Plonk Sentiment: ...", "... the influence of plonk sentiment ..."): the
    paper's topic, which the title rules leave `used` (twenty-eighth pass); over train, dev,
    A-W, AK and AL such names were 2 introductions in 11 (fifty-first pass)."""
    name = ent["name"]
    lead = text[:title_end].lstrip()
    if not lead.startswith(name) or not lead[len(name):].lstrip().startswith(":"):
        return False
    abstract = text[title_end:]
    return name not in abstract and name.casefold() in abstract.casefold()


def _known(ent: dict) -> bool:
    """Whether the name is somebody else's by the learned stage's vetoes: a typed gazetteer
    list holds it, or 3+ mined corpus papers write it (the judge is fitted on these too, and
    rated 5 of their 15,115 rows over the 30 sets at the cut, 1 rightly; skipping them halves
    its work)."""
    from paperkg.extractors.learned import corpus_counts, listed_known

    return corpus_counts().get(canonical_key(ent["name"]), 0) >= 3 or listed_known(ent)
