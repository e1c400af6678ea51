"""Family: a known measure written with a subscript or a cut-off ("mAP$_{.3}$", "AP$_{50}$",
"$\\text{mAP}_{50}$", "$\\text{AUC}_\\text{occ}$", "AUROC_2", "mAP@50-95", "Hits@$k$", "Hit
Rate@100", "hit rate @10", "Branch Recall@5"). The gazetteer reads the bare acronym inside a
subscripted one ("mAP" of "mAP$_{.3}$") and the cut-off rule (metrics_at_k) reads only one word
before "@" and a whole number ("Rate@100" of "Hit Rate@100"); annotators write the measure as
the text does, so the written form is the name: a known one-word measure (the gazetteer's, in
its case) with a LaTeX or underscore subscript; a name@k with a range ("@50-95") or a LaTeX k
("@$k$"); a measure of several words right before "@k" takes the cut-off."""

from __future__ import annotations

import re
import weakref

from paperkg.extractors.rules.base import Cand, Context, words

_SUB = r"(?:\{[^{}$\n]{1,12}\}|\\text\{[^{}$\n]{1,12}\})"
_NAME = r"[A-Za-z][A-Za-z0-9]{0,7}"
# "$\text{mAP}_{50}$", "mAP$_{.3}$", "$AP_{50}$", "AUROC_2", "AP_S"
_SUBSCRIPTED = re.compile(
    rf"(?<![\w\\$])(?:\$\\(?:text|mathrm|textrm)\{{({_NAME})\}}_(?:{_SUB}|\w)\$|"
    rf"({_NAME})\$_(?:{_SUB}|\w{{1,4}})\$|"
    rf"\$({_NAME})_{_SUB}\$|"
    rf"({_NAME})_(?:\{{[^{{}}$\n]{{1,12}}\}}|[A-Za-z0-9]{{1,6}}))(?![\w{{\\])")
# "mAP@50-95", "mAP@0.5:0.95" is metrics_at_k's; "Hits@$k$"
_AT_RANGE = re.compile(r"(?<![\w@])([A-Za-z][\w\-]*@(?:\d+-\d+|\$[kKnN]\$))(?![\w@])")
# a measure of several words right before "@10" or " @10"
_CUT_OFF_AFTER = re.compile(r" ?@(?:\d{1,4}|[kK])(?![\w@.])")
_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _known_words(gaz) -> frozenset[str]:
    """The gazetteer's one-word measure forms with a capital or a digit, as written (once per
    gazetteer)."""
    got = _FORMS.get(gaz)
    if got is None:
        got = frozenset(form for group in gaz.lexicon["typed"].get("METRIC", ()) for form in group
                        if " " not in form and form != form.lower())
        _FORMS[gaz] = got
    return got


def _add(ctx: Context, a: int, b: int) -> None:
    """A METRIC candidate of text[a:b] in place of the candidates inside it."""
    written = ctx.text[a:b]
    c = Cand(a, b, written, written, "METRIC", 0.9, "metric_subscripts")
    c.strong_type = True
    ctx.cands = [x for x in ctx.cands if not (a <= x.start and x.end <= b)]
    ctx.cands.append(c)


def subscripted_measures(ctx: Context) -> None:
    """A known measure with a subscript, or a name@k with a range or a LaTeX k."""
    text = ctx.text
    if ctx.gaz is not None and "_" in text:
        known = _known_words(ctx.gaz)
        for m in _SUBSCRIPTED.finditer(text):
            name = next(g for g in m.groups() if g)
            if name in known and not ctx.in_url(m.start()):
                _add(ctx, *m.span())
    if "@" in text:
        for m in _AT_RANGE.finditer(text):
            if not ctx.in_url(m.start()):
                _add(ctx, *m.span(1))


def cut_off_measures(ctx: Context) -> None:
    """A measure of several words right before "@k" takes the cut-off ("Hit Rate@100"); the
    one-word name@k read inside it goes."""
    text = ctx.text
    if "@" not in text:
        return
    for c in list(ctx.cands):
        if c.type not in ("METRIC", "") or " " not in c.surface or \
                text[c.end:c.end + 2].strip()[:1] != "@":
            continue
        # a listed measure or a name ending in a measure head takes the cut-off ("Hit Rate",
        # "Branch Recall"), not a name ending in an acronym ("Dense TCA@5", "Sketchy mAP@200":
        # a system's or a data set's value of TCA@5, mAP@200)
        if not (c.gaz_canon or c.rule == "gazetteer"
                or c.surface.rsplit(None, 1)[-1].lower() in words("metric_heads")):
            continue
        m = _CUT_OFF_AFTER.match(text, c.end)
        if m is None:
            continue
        a, b = c.start, m.end()
        ctx.cands = [x for x in ctx.cands if x is c or not (
            x.rule == "metric_at_k" and x.start < b and a < x.end)]
        c.end = b
        c.name = c.surface = text[a:b]
        c.gaz_canon = None
        c.type, c.strong_type = "METRIC", True  # a cut-off makes it a measure


STAGES = [(58.2, subscripted_measures), (99.95, cut_off_measures)]
