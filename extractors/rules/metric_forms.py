"""A measure's other written forms: the text writes a measure's name with one or two words before
it that say what is measured or of whom ("VQA accuracy", "decoding throughput", "object detection
accuracy", "human acceptance rate" beside "accuracy", "throughput", "acceptance rate"), with a
measure head or a measure word after it ("exact match accuracy", "AUC score", "Wasserstein-1
metric"), with a word glued by a hyphen ("F1-max", "macro F1-score"), or an aggregate word opens
the name before a listed measure ("average accuracy" is also "accuracy"), or any other word opens
a name of several words ("relative accuracy", "test character error rates", "total inference
latency" are also "accuracy", "character error rates", "inference latency": the measure without
the word that says of what or how it is taken); each kept as an alias, as the gold names such a
measure by either form. Names, types and roles do not change."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.listed_forms import metric_lines
from paperkg.extractors.rules.base import word_set, word_union, words
from paperkg.extractors.rules.task_forms import BEFORE_VERB, word_before

# the word right after a mention, one space on (the word before: task_forms.word_before)
_WORD_AFTER = re.compile(r" ([A-Za-z]+)(?=$|[\s,;:.)])")
_PREVIOUS = re.compile(r"([\w.,%×\-]+)\s+$")
# adverbs, verbs in -s (lower case), numbers, single letters, debris ("pipelines--on")
_NOT_KIND = re.compile(r"[a-z]+ly|[a-z]+[^su]s|[\d.,%]+|[A-Za-z]|.*(?:--|-$).*")
# a lower-case word in -ing or -ed names what is measured only after an article, a number, a
# preposition or an adjective ("the decoding throughput", "an 18% targeted impersonation rate",
# "in encoding throughput", "end-to-end decoding throughput"), not as a verb ("while degrading
# accuracy", "we propose adopting X", "has reduced error")
_VERB_FORM = re.compile(r"[a-z]+(?:ing|ed)")
_NOUN_BEFORE = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "this", "these",
                          "those", "whose", "in", "on"})
_NUMBER = re.compile(r"[\d.,]*\d[\d.,]*[%x×]?|%")
# units written between a value and a measure ("20 dB PSNR")
_UNIT = re.compile(r"dB|ms|fps|FPS|pp|points?|[kMGT]B")
# a verb of change before a word in -ing makes it a noun ("improves training throughput",
# "improving staging accuracy")
_CHANGE = re.compile(r"(?:improv|reduc|increas|boost|enhanc|lower|rais|decreas|cut|maximi[sz]|"
                     r"minimi[sz])\w*")
# a word glued to a mention by a hyphen ("F1-max", "BLEURT-sum", "macro F1-score")
_GLUED = re.compile(r"-([A-Za-z]+)(?=$|[\s,;:.)])")
# a possessive opening word ("Cohen's kappa", "Krippendorff\u2019s alpha")
_POSSESSIVE = ("'s", "\u2019s")
# a word after these is a verb ("to improve X", "we report X", "which reduce X", "it reaches X")
_BEFORE_VERB = BEFORE_VERB | {"it"}


@cache
def _not_kinds() -> frozenset[str]:
    """Lower-case words that never open a longer form of a measure (judging words, verbs,
    function words), aggregate words aside."""
    skip = word_union("metric_not_modifiers", "metric_form_not_modifiers", "task_stop",
                      "quantity_words", "task_form_not_modifiers")
    return frozenset(w.lower() for w in skip) - word_set("metric_aggregates")


@cache
def _alias_skip() -> frozenset[str]:
    """_not_kinds without the scope words a measure's longer written form may open with
    ("human acceptance rate", "final accuracy", "downstream accuracy"): kept only as aliases
    of a found measure, never as a measure's own name."""
    return _not_kinds() - {w.lower() for w in word_set("metric_form_scope_words")}


@cache
def _heads() -> frozenset[str]:
    """Last words of a compound measure, singular and plural ('score', 'scores', 'rate')."""
    heads = word_union("metric_heads", "metric_value_heads")
    return frozenset(heads | {h + "s" for h in heads if not h.endswith("s")})


def _add(e: dict, form: str) -> None:
    """Add form to e's aliases unless it is already one of e's forms (any case) or a measure
    metrics.txt lists on another line than e's forms ("Average Precision" is no form of "mean
    Average Precision": listed_forms gives an entity the forms of its one listed line)."""
    have = {e["name"].casefold(), *(a.casefold() for a in e["aliases"])}
    if form.casefold() in have:
        return
    lines = metric_lines()
    line = lines.get(canonical_key(form))
    if line is None or {lines.get(canonical_key(f)) for f in (e["name"], *e["aliases"])} <= {
            None, line}:
        e["aliases"].append(form)


def _word_before(text: str, a: int, skip: frozenset[str], taken: list[tuple[int, int]]
                 ) -> tuple[int, str] | None:
    """(start, word) of the word written right before offset a when it can say what a measure
    measures or how it is aggregated: not a judging or function word, a verb or an adverb, nor
    the end of another measure's mention (`taken`: "exact match" before "accuracy")."""
    found = word_before(text, a)
    if found is None:
        return None
    start, w = found
    if w.lower().startswith("near-"):
        return None  # "near-lossless accuracy": a near- word opens no measure (metric29)
    if w.lower() in skip or _NOT_KIND.fullmatch(w) or _UNIT.fullmatch(w) or \
            any(s <= start < t for s, t in taken):
        return None
    prev = _PREVIOUS.search(text, max(0, start - 20), start)
    before = prev.group(1) if prev is not None else ""
    if before.lower() in _BEFORE_VERB:
        return None  # a verb ("to improve X", "we report X")
    if _VERB_FORM.fullmatch(w) and w not in word_union("metric_ed_modifiers",
                                                       "metric_aggregates") and \
            before.lower() not in _NOUN_BEFORE and not _NUMBER.fullmatch(before) and \
            "-" not in before and not before.endswith(tuple(words("adjective_endings"))) and \
            not _CHANGE.fullmatch(before.lower()):
        return None
    return start, w


@cache
def _bare_heads() -> frozenset[str]:
    """Head words that name no measure on their own unless listed ("score", "rate", "error",
    "distance", "quality", "time", "parity"), singular and plural."""
    heads = word_union("metric_heads", "metric_value_heads", "measure_phrase_heads",
                       "metric_changed_heads", "metric_scored_heads", "metric_name_heads")
    return frozenset(heads | {h + "s" for h in heads if not h.endswith("s")})


def _title_word(word: str) -> bool:
    """A capitalised word, its hyphened parts too ("Differential", "Recall-Oriented",
    "Multi-scale"), not an acronym ("QA", "LLM", "mAP")."""
    parts = [p for p in word.split("-") if p.isalpha()]
    return word[0].isupper() and bool(parts) and all(p[1:].islower() or not p[1:]
                                                       for p in parts)


def head_form(name: str, stop: frozenset[str]) -> str | None:
    """The name without its opening word, when the name has two words or more, is no listed
    measure ("mean squared error", "Krippendorff's alpha": fixed names), opens with no Title
    Case word ("Differential Entropy", "Information Gain": a name of its own) nor a possessive,
    and the rest opens with a word that can open a measure (not a function word: "number of
    function evaluations", "recall at 10", "frames per second"; nor a mark or a number); a
    rest of one word only when it names a measure on its own (a listed one, "accuracy", or no
    bare head word: not "score" of "F1 score", "rate" of "error rate")."""
    first, _, rest = name.partition(" ")
    word = rest.split(" ", 1)[0]
    if not first or not word or not word[0].isalpha() or word.lower() in stop:
        return None
    if _title_word(first) or first.endswith(_POSSESSIVE) or \
            canonical_key(name) in metric_lines():
        return None
    if rest == word and word.lower() in _bare_heads() and \
            canonical_key(word) not in metric_lines():
        return None
    return rest


def _forms_after(text: str, surface: str, b: int, heads: frozenset[str]) -> list[str]:
    """Longer forms of a mention text[..b] == surface with what is written after it: a measure
    head or a word naming it a measure ("exact match accuracy", "Wasserstein-1 metric"), a word
    glued by a hyphen that a measure's name ends with ("F1-max", "macro F1-score"), and a
    measure head after that ("F1-max score")."""
    out = []
    after = heads | word_set("metric_form_after_words")
    m = _WORD_AFTER.match(text, b)
    if m is not None and m.group(1).lower() in after and \
            m.group(1).lower() not in surface.casefold().split():
        out.append(f"{surface} {m.group(1)}")
    g = _GLUED.match(text, b)
    if g is not None and g.group(1).lower() in word_set("metric_form_glued_words"):
        glued = f"{surface}-{g.group(1)}"
        out.append(glued)
        m = _WORD_AFTER.match(text, g.end())
        if m is not None and m.group(1).lower() in heads:
            out.append(f"{glued} {m.group(1)}")
    return out


def metric_forms(out: list[dict], text: str) -> None:
    """Give each METRIC, as aliases, the forms the text writes with one or two words before, a
    measure head or word after or a glued word after a mention of its name, its name without
    an aggregate word opening it, and its name without any other opening word."""
    metrics = [e for e in out if e["type"] == "METRIC"]
    if not metrics:
        return  # most papers
    skip, heads, aggregates = _not_kinds(), _heads(), word_set("metric_aggregates")
    alias_skip = _alias_skip()
    lines = metric_lines()
    spans = [(e, m[1], m[2]) for e in metrics for m in e["mentions"]]
    for e in metrics:
        first, _, rest = e["name"].partition(" ")
        key = canonical_key(e["name"])
        if rest and first.lower() in aggregates and canonical_key(rest) in lines and \
                all(" " in f for f in lines.get(key, ())):
            # a listed measure, unless the name is listed with a short form of its own ("mean
            # absolute error", "MAE"; "mean Average Precision", "mAP"): a fixed measure. The
            # name's own line first: listed_forms adds no line's forms to two lines' names.
            for form in lines.get(key, ()):
                _add(e, form)
            e["aliases"].append(rest)
        shorter = head_form(e["name"], skip)
        if shorter is not None:
            _add(e, shorter)
        name = e["name"].casefold()
        for surface, a, b, *_ in e["mentions"]:
            if surface.casefold() != name:
                continue  # a shorter form's neighbours may belong to another measure
            taken = [(s, t) for o, s, t in spans if o is not e]
            found = _word_before(text, a, alias_skip, taken)
            if found is not None:
                _add(e, f"{found[1]} {surface}")
                second = _word_before(text, found[0], alias_skip, taken)
                if second is not None:  # "object detection accuracy", "human acceptance rate"
                    _add(e, f"{second[1]} {found[1]} {surface}")
            for form in _forms_after(text, surface, b, heads):
                _add(e, form)
