"""Family: the names that open the items of a counted or announced list of the paper's own
parts or new things. "SGCMA consists of two key components, namely Structure Alignment and
Semantic Alignment", "It is realized by four components (Structural Utility Transform, Moral
Admissibility Interface, ...)", "Flickerformer comprises three key components: a phase-based
fusion module (PFM), an autocorrelation feed-forward network (AFFN), ...", "we introduce
quantitative metrics including explanation necessity and explanation sufficiency", "We formalise
five components: ...". The list follows a plural head (words/part_list_heads.txt) after a verb
of parts (words/part_list_verbs.txt) whose subject is the paper's own system (a name it
introduces, "our framework", "the proposed model", "It", "This method", "Its architecture"),
or after an intro verb (words/part_list_intro_verbs.txt) whose subject is "we" or this paper.
Only a name that opens its item (after an article, a count and up to three lower-case
modifiers) is taken, not one inside it ("a Segmenter based on SAMURAI"); a name must be kept
already, capitalised and set apart (several words, a coined word or its short form) or a
measure under a head of measures, and be no task, listed or gazetteer name, not in a cited
sentence and not written by 3+ mined corpus papers (data/known_names.tsv)."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import CITED, Cand, Context
from paperkg.extractors.words import alternation, trie_alternation, word_set, words

_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,30}\)")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_SEPARATOR = re.compile(
    r",\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+|\(\s*(?:\d|[ivx]{1,4}|[a-e])\s*\)\s*|"
    r"(?<![\w(])(?:\d|[ivx]{1,4})\)\s*")
_ENUMERATOR = re.compile(r"(?:\(\s*(?:\d|[ivx]{1,4}|[a-e])\s*\)|(?<![\w(])(?:\d|[ivx]{1,4})\))\s*")
# a coined word: a capital after a lower-case letter, a digit, or two capitals in a row
_COINED = re.compile(r"[a-z][A-Z]|\d|[A-Z]{2}")
_PREFIX = re.compile(r"\s*(?:(?:a|an|the|our|its|one)\s+)?((?:[a-z0-9][\w\-]*\s+){0,3})$")
_DEFINED_AFTER = re.compile(r"\s*\([A-Za-z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*s?\)")
# the paper's own system as the subject of a verb of parts (the words before the verb)
_OWN_SUBJECT = re.compile(
    r"^\s*(?:(?:In\s+particular|Specifically|Concretely|Technically|Overall|Structurally|"
    r"Architecturally|To\s+this\s+end|First|Second|Third|Finally),\s*)?"
    r"(?:[Ii]t|[Ii]ts\s+(?:[\w\-]+\s+){0,2}?|(?:[Tt]his|[Oo]ur|[Tt]he\s+proposed)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:framework|method|model|approach|system|architecture|pipeline|design|algorithm|network|"
    r"module|tool|toolkit|benchmark|dataset|suite|agent|platform|engine|method)s?)\s+"
    r"(?:(?:also|further|mainly|primarily|essentially|then)\s+)?$")
# a subject name opening its sentence ("Specifically, the X consists of")
_NAME_OPENS = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[a-z]+)?,\s*)?(?:(?:[Tt]he|[Oo]ur)\s+)?")
# the paper or its system acting somewhere before a counted list in its sentence
_ANY_OURS = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Ii]ts?|[Tt]he\s+proposed|[Tt]his\s+(?:paper|work|"
                       r"framework|method|model|approach|system|architecture|pipeline))\b")
_WE_SUBJECT = re.compile(
    r"(?:\b[Ww]e|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|study|article))\s+"
    r"(?:(?:also|further|additionally|then|first|therefore|thus|hence|newly)\s+)?$")


@cache
def _list_re() -> re.Pattern:
    """A verb of parts or an intro verb, a plural head and the mark that opens its list. The
    three word lists are tries (trie_alternation: the same matches as the longest-first lists,
    each tried in that order), so that at each word start re tests a few first letters, not
    every verb (78 -> 50 us a paper over 6,000 corpus texts)."""
    parts = trie_alternation(words("part_list_verbs"), space=r"\s+")
    intro = trie_alternation(words("part_list_intro_verbs"), space=r"\s+")
    heads = trie_alternation(words("part_list_heads"), space=r"\s+")
    return re.compile(
        rf"\b(?:(?P<parts>{parts})|(?P<intro>{intro}))\s+"
        r"(?:(?:a\s+set\s+of|a\s+suite\s+of|several|multiple|two|three|four|five|six|seven|"
        r"eight|nine|ten|\d{1,2})\s+)?(?:[a-z][\w\-]*\s+){0,3}?"
        rf"(?P<head>{heads})\b(?:\s*\([^()]{{0,40}}\))?"
        r"(?:\s+(?:for|of)\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*(?=\s*(?:-|—|:)))?"
        r"(?P<mk>\s*:|\s*,?\s*namely\b|\s*,\s*i\.e\.,?|\s*,?\s*including\b|\s*\(|\s+-{1,2}\s+|\s*—\s*)")


@cache
def _counted_re() -> re.Pattern:
    """A count, up to three modifiers, a plural head and the mark that opens its list."""
    heads = alternation(words("part_list_counted_heads"), r"\s+")
    return re.compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[a-z][\w\-]*\s+){0,3}?"
        rf"(?P<head>{heads})\b(?:\s*\([^()]{{0,40}}\))?"
        r"(?P<mk>\s*:|\s*,?\s*namely\b|\s*,\s*i\.e\.,?|\s*\()")


@cache
def _intro_re() -> re.Pattern:
    """An intro verb of the paper's (words/part_list_intro_verbs) after we or this paper."""
    alt = alternation(words("part_list_intro_verbs"), r"\s+")
    return re.compile(rf"(?:\b[Ww]e|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|study|article))\s+"
                      rf"(?:\w+\s+){{0,2}}?(?:{alt})\b")


@cache
def _not_before_re() -> re.Pattern:
    """Words before a counted list that make it others' things (words/part_list_not_before)."""
    alt = alternation(words("part_list_not_before"), r"\s+")
    return re.compile(rf"\b(?i:{alt})\b")


def _lists(text: str, lo: int) -> list[re.Match]:
    """The lists after a verb of parts or an intro verb, and those announced by a count alone
    (one match for each list: a counted one inside a verb's list is the verb's)."""
    got = list(_list_re().finditer(text, lo))
    ends = {m.end() for m in got}
    got += [m for m in _counted_re().finditer(text, lo) if m.end() not in ends]
    return got


def _region_end(text: str, a: int, s1: int, mark: str) -> int:
    """Where a list that opens at a ends: its closing bracket or dash, else its sentence's end."""
    mark = mark.strip()
    if mark == "(":
        depth = 1
        for i in range(a, s1):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    return i
        return s1
    if mark in ("-", "--", "—"):
        m = re.compile(r"\s+-{1,2}\s+|\s*—").search(text, a, s1)
        return m.start() if m else s1
    return s1


def _opens_item(text: str, lo: int, c: Cand) -> bool:
    """Whether c opens an item of the list that starts at lo (not inside a bracket or a clause)."""
    between = text[lo:c.start]
    if between.count("(") - between.count(")") > 0 and not re.search(
            r"\(\s*(?:\d|[ivx]{1,4}|[a-e])\s*\)\s*(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+){0,3}$",
            between):
        return False
    item = lo
    enumerated = [m for m in _ENUMERATOR.finditer(text, lo, c.start)]
    for m in enumerated or _SEPARATOR.finditer(text, lo, c.start):
        item = m.end()  # items numbered "(1) ... (2) ..." open only at their numbers: "(3) a
        # framework leveraging X and the Y algorithm" does not open an item at "the Y"
    p = _PREFIX.fullmatch(text, item, c.start)
    if p is None or any(w in word_set("part_list_not_modifiers") for w in p.group(1).split()):
        return False
    end = c.end
    b = _BRACKET_AFTER.match(text, end)
    if b:
        end = b.end()
    rest = text[end:end + 3]
    if not rest.strip() or rest.lstrip()[:1] in ",;.:)—-":
        return True
    w = _NEXT_WORD.match(text, end)
    return w is not None and w.group(1) in word_set("part_list_item_go_on")


def _set_apart(c: Cand, text: str, measures: bool, counted: bool) -> bool:
    """A name the list may take: capitalised and set apart, with its short form, or a measure.
    In a list announced by its count alone, a plain Title Case phrase is not enough ("six
    decomposed testing stages: Information Collection, ...": the stages of a task)."""
    if c.alias or _DEFINED_AFTER.match(text, c.end):
        return True
    if c.surface[:1].isupper():
        coined = any(_COINED.search(w) for w in c.surface.split())
        return coined or not counted and len(c.surface.split()) >= 2
    return measures and c.type == "METRIC" and len(c.surface.split()) >= 2


def part_lists(ctx: Context) -> None:
    """Mark the names opening the items of a list of the paper's own parts as introduced."""
    text = ctx.text
    heads = word_set("part_list_heads") | word_set("part_list_counted_heads")
    counted = word_set("part_list_counted_heads")
    pending = [c for c in ctx.cands if not c.intro and c.conf >= 0.5 and
               c.start > ctx.title_end and not c.org and c.type != "TASK" and
               "gazetteer" not in c.rule and c.gaz_canon is None]
    if not pending:
        return
    ours_keys: set[str] | None = None
    for m in _lists(text, ctx.title_end):
        if m.group("head") not in heads:
            continue
        s0, s1 = ctx.sentence(m.start())
        before = text[s0:m.start()]
        if m.re is _counted_re():
            if m.group("head") not in counted or (
                    _not_before_re().search(before) and not _intro_re().search(before)):
                continue  # "we compare three frameworks: ...", unless the paper's own come in
                # it ("we introduce and evaluate two novel frameworks: ...")
            if not _ANY_OURS.search(before):
                continue
            if ours_keys is None:
                ours_keys = ctx.title_intro_keys | {canonical_key(o.name) for o in ctx.cands
                                                    if o.intro}
            if not ours_keys and not _intro_re().search(before):
                continue  # a paper that introduces nothing: "We structure this analysis
                # through five core components: ..." lists topics
        elif m.group("intro"):
            if not _WE_SUBJECT.search(before):
                continue
        else:
            if ours_keys is None:  # the names the paper introduces, wherever they are written
                ours_keys = ctx.title_intro_keys | {canonical_key(o.name) for o in ctx.cands
                                                    if o.intro}
            if not ours_keys:
                continue  # a paper that introduces nothing: "It" is somebody else's system
            if not _OWN_SUBJECT.match(before) and not any(
                    o.start >= s0 and 0 <= m.start() - o.end <= 40 and
                    _NAME_OPENS.fullmatch(text, s0, o.start) and
                    canonical_key(o.name) in ours_keys for o in ctx.cands):
                continue
        if CITED.search(text, s0, s1):
            continue
        lo = m.end()
        hi = _region_end(text, lo, s1, m.group("mk"))
        measures = m.group("head") in word_set("part_list_measure_heads")
        is_counted = m.re is _counted_re()
        for c in pending:
            if c.intro or not (lo <= c.start < hi) or not _set_apart(c, text, measures, is_counted):
                continue
            if ctx.is_generic(c.name) or ctx.gaz is not None and (
                    canonical_key(c.name) in ctx.gaz.canonical or
                    c.alias and canonical_key(c.alias) in ctx.gaz.canonical):
                continue
            if not _opens_item(text, lo, c):
                continue
            from paperkg.extractors.learned import corpus_counts  # lazily: learned imports rules

            if corpus_counts().get(canonical_key(c.name), 0) >= 3:
                continue
            c.intro = True
            c.conf = max(c.conf, 0.7)


STAGES = [(90.2, part_lists)]
