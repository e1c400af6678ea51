"""Family: a measure named before "of" and a value. "an error margin of 2.32 cm", "a mean
sensitivity of 67.5%", "an average usefulness rating of 4.6 out of 5", "sensitivity of 97.8%,
specificity of 96.3%": the lower-case words before "of" and a decimal or a percentage name the
measure the value is given in, when their last word is a word for a measure
(words/metric_of_value_heads.txt and the measure head lists). The words are read back from
"of" to the first article, verb, function word or punctuation; words of degree or praise before
them ("a high coverage", "an impressive solve rate": words/metric_of_value_leads.txt) are left
out, and so is an averaging word before two or more words ("a median reconstruction error" is
"reconstruction error"; "an average return" stays whole). A change, a count or a share of
things (words/metric_report_not_words.txt) names no measure, nor does one vague word alone ("a
score of 62.9", "at a rate of 939 kHz")."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, word_set, word_union
from paperkg.extractors.rules.metric_reported import add_metric

# "of " and a value after a hedge (a number not glued to a letter: "of 3D scenes", "of 7B
# models" are no values): one compiled search over the text that opens with a literal, which
# the regex engine finds by a fast scan (a space before "of" is checked on each match)
_OF_VALUE = re.compile(
    r"of (?:(?:about|around|approximately|only|over|nearly|just|up to|roughly) )?"
    r"\$?[-+]?(?:\d+\.\d+|\.\d+|\d+)(?![A-Za-z_]|,\d)")
# a whole number and a plural word after it: a count of things unless the word is a unit
_COUNT_AFTER = re.compile(r"\s+([a-z]+s)\b")
_WORD = r"(?:[a-z][a-z0-9\-/]*[a-z0-9]|[a-z])"
_WORDS_BEFORE = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,5}}$")
# words that end the phrase when read back: articles, pronouns, function words, verbs of
# reporting (their forms in -s, -ed and -ing are caught by shape)
_STOPS = frozenset((
    "a", "an", "the", "its", "their", "our", "his", "her", "this", "that", "these", "those",
    "with", "and", "or", "of", "in", "on", "to", "for", "by", "at", "from", "as", "into", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "achieve", "attain", "reach",
    "obtain", "yield", "deliver", "show", "report", "give", "maintain", "exhibit", "while",
    "which", "where", "we", "it", "they", "than", "but", "both", "each", "per", "via",
    "whereas", "then", "also", "not", "no", "all", "only", "still", "thus", "so", "such"))


def _measure_words(phrase: str) -> list[str]:
    """The words naming a measure at the end of the lower-case phrase before "of", or []."""
    ws = phrase.split()
    out: list[str] = []
    for w in reversed(ws):
        if w in _STOPS or (w.endswith(("ed", "ing", "es")) and "-" not in w and out) or (
                w.endswith("s") and not w.endswith(("ss", "us", "is")) and out):
            break  # "achieving", "reaches", "achieved"; a plural before the head is no modifier
        out.append(w)
        if len(out) == 5:
            return []
    out.reverse()
    leads, aggregates = word_set("metric_of_value_leads"), word_set("metric_aggregates")
    while out:
        if out[0] in leads:
            out.pop(0)
        elif len(out) >= 2 and out[0] in aggregates and (len(out) >= 3 or not _vague(out[1])):
            out.pop(0)  # "a mean sensitivity" is `sensitivity`; "an average return" stays whole
        else:
            break
    return out


def _vague(word: str) -> bool:
    """Whether a measure word names no measure alone ("score", "rate", "time", "return")."""
    return word in word_set("metric_report_vague_heads") or word in word_set(
        "metric_of_value_vague")


def _names_measure(ws: list[str]) -> bool:
    """Whether the words before "of" and a value name a measure."""
    if not ws or len(ws) > 4:
        return False
    not_words = word_union("metric_report_not_words", "metric_of_value_not_words")
    if any(w in not_words for w in ws):
        return False
    first, head = ws[0], ws[-1]
    if first.endswith(("ed", "ing")) and "-" not in first and len(ws) > 1:
        return False  # "a learning rate of 0.001", "a masking ratio of 90%": settings
    if head in ("rate", "ratio") and first in word_set("metric_of_value_settings"):
        return False  # "a high mask ratio of 80%", "a dropout rate of 0.1"
    heads = word_union("metric_of_value_heads", "metric_heads", "metric_value_heads",
                       "measure_phrase_heads")
    if head not in heads:
        return False
    if len(ws) == 2 and _vague(head) and head.endswith("s") and ws[0] in word_set(
            "metric_aggregates"):
        return False  # "mean scores of 3.44": the scores of several measures, none named
    return len(ws) > 1 or not _vague(head)


def _shrink(ctx: Context, a: int, b: int) -> bool:
    """Whether a compound measure ending at b and opening with words of degree or averaging
    before a ("a median reconstruction error of 0.26 mm") now starts at a (the measure)."""
    skip = word_union("metric_of_value_leads", "metric_aggregates")
    done = False
    for c in ctx.cands:
        if c.rule == "metric_compound" and c.end == b and c.start < a and \
                all(w.lower() in skip for w in ctx.text[c.start:a].split()):
            c.start, c.surface, c.name = a, ctx.text[a:b], ctx.text[a:b]
            done = True
    return done


def _add(ctx: Context, a: int, b: int) -> None:
    """Type text[a:b] METRIC unless a longer measure opened by words of degree shrinks to it."""
    if not _shrink(ctx, a, b):
        add_metric(ctx, a, b, "metric_of_value")


def measures_of_values(ctx: Context) -> None:
    """A METRIC candidate for the lower-case words before "of" and a value that name its
    measure ("a mean localization error of 1.41 mm", "specificity of 96.3%")."""
    text = ctx.text
    for m in _OF_VALUE.finditer(text, ctx.title_end):
        end = m.start() - 1
        if end < 1 or not text[end].isspace():
            continue  # "proof 3", a word ending in "of"
        if text[m.end() - 1].isdigit() and "." not in m.group() and (
                n := _COUNT_AFTER.match(text, m.end())) and \
                n.group(1) not in word_set("metric_of_value_units"):
            continue  # "a coverage of 14 languages": a count of things
        got = _WORDS_BEFORE.search(text, max(ctx.title_end, end - 90), end)
        if got is None:
            continue
        ws = _measure_words(got.group())
        if not _names_measure(ws):
            continue
        a = end - len(" ".join(ws))
        if text[a:end] != " ".join(ws) or ctx.in_url(a) or (
                a > 0 and not text[a - 1].isspace() and text[a - 1] not in "(\"“"):
            continue  # read as written only, from a word's start ("F1-macro accuracy")
        _add(ctx, a, end)


STAGES = [(59.85, measures_of_values)]
