"""Family: a known measure's acronym written in another case or in the plural ("MIoU" for mIoU,
"nDCG" for NDCG, "F1-Score" for F1-score, "AUCs of 0.85", "RMSEs of 37.66 ns"), or with one
lower-case letter before it that names the variant measured ("gFID", "rFID", "tSNR"). The
gazetteer matches a cased name exactly, so these were left to the coined-word rule (typed
METHOD) or lost. One letter's case may differ; an all-capital word of three letters or fewer
is another name ("MAP": maximum a posteriori, not mAP); a capital before a final "s" reads as
a plural ("FPs": false positives, not FPS); a plural is the measure only beside a value ("AUCs
of 0.85", "10x lower MSEs"; "at low SNRs" names a setting)."""

from __future__ import annotations

import re
import weakref

from paperkg.extractors.rules.base import Cand, Context, word_set

# a word of three to sixteen characters with a capital in it, after a character that is no
# word character, hyphen, "@", "$", "\\" or "^": that character is matched (not looked behind
# for), so that re skips along the text to the next such one instead of trying a whole match at
# every offset; the text is searched with a space in front (a word at its start), offsets - 1
_WORD = re.compile(
    r"[^\w\-@$\\^](?=[a-z0-9\-]{0,15}[A-Z])([A-Za-z][A-Za-z0-9\-]{1,14}[A-Za-z0-9])"
    r"(?![\w\-@^])")
_VALUE_AFTER = re.compile(r"\s*(?:[=:(<>≤≥≈]|of|by|is|was|reaches)?\s*(?:up\s+to\s+)?[-+]?\.?\d")
_DIGIT = re.compile(r"\d")
_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _capitals(word: str) -> int:
    """How many capital letters a word has."""
    return sum(ch.isupper() for ch in word)


def _acronym_like(word: str) -> bool:
    """Two capitals, or a capital and a digit: an acronym's shape, not a word's."""
    n = _capitals(word)
    return n >= 2 or (n == 1 and any(ch.isdigit() for ch in word))


def _cased_forms(gaz) -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """(folded form -> (form, canonical name)) of the gazetteer's cased one-word measures with
    an acronym's shape, and every one-word form of any type as written (once per gazetteer)."""
    got = _FORMS.get(gaz)
    if got is None:
        folded: dict[str, tuple[str, str]] = {}
        written: set[str] = set()
        for type_, groups in gaz.lexicon["typed"].items():
            for group in groups:
                for form in group:
                    if " " in form:
                        continue
                    written.add(form)
                    if type_ == "METRIC" and form != form.lower() and _acronym_like(form):
                        folded.setdefault(form.casefold(), (form, group[0]))
        got = _FORMS[gaz] = (folded, frozenset(written))
    return got


def _one_case_apart(a: str, b: str) -> bool:
    """Whether two words of the same letters differ in the case of exactly one letter."""
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _measure_form(word: str, folded: dict, written: frozenset) -> tuple[str, str] | None:
    """The (known form, canonical name) a word writes in another case or in the plural."""
    if word in written:
        return None
    if word.endswith("s") and len(word) > 3 and (word[-2].isupper() or word[-2].isdigit()):
        stem = word[:-1]  # "AUCs", "RMSEs": a plural, never a case variant ("FPs")
        hit = folded.get(stem.casefold())
        return hit if hit is not None and hit[0] == stem else None
    if word[0].islower() and word[1].isupper():
        hit = folded.get(word[1:].casefold())  # "gFID", "tSNR": a variant of a known measure
        if hit is not None and hit[0] == word[1:] and _capitals(word) >= 2:
            return word, word  # a measure of its own, not the known one ("gFID" and "rFID")
    hit = folded.get(word.casefold())
    if hit is None or not _acronym_like(word) or not _one_case_apart(word, hit[0]):
        return None
    if word.isupper() and len(word) <= 3:
        return None  # "MAP", "ELO": a name of its own
    return hit


def measure_case_variants(ctx: Context) -> None:
    """METRIC candidates for known measure acronyms written in another case or the plural."""
    if ctx.gaz is None:
        return
    folded, written = _cased_forms(ctx.gaz)
    text = ctx.text
    shared = word_set("shared_metric_acronyms")
    for m in _WORD.finditer(" " + text):
        word = m.group(1)
        hit = _measure_form(word, folded, written)
        if hit is None:
            continue
        a, b = m.start(1) - 1, m.end(1) - 1
        if ctx.in_url(a) or any(c.start <= a and b <= c.end and (c.end - c.start) > b - a
                                for c in ctx.cands):
            continue  # inside a longer name ("nDCG at 10")
        if any(c.start == a and c.end == b and c.strong_type for c in ctx.cands):
            continue
        if word != hit[0] and word[:-1] == hit[0] and not (
                _VALUE_AFTER.match(text, b) or _DIGIT.search(text, max(0, a - 12), a)):
            continue  # "at low SNRs", "High WERs can mask ...": a setting, not a measure given
        if hit[0] in shared and not _VALUE_AFTER.match(text, b):
            continue  # "MAE": masked autoencoders, unless a value follows
        ctx.cands = [c for c in ctx.cands if not (c.start == a and c.end == b)]
        c = Cand(a, b, word, word, "METRIC", 0.9, "gazetteer")
        c.gaz_canon = hit[1]
        c.strong_type = True
        ctx.cands.append(c)


STAGES = [(58.3, measure_case_variants)]
