"""A task's other written forms, kept as aliases, as the gold names such a task by either form:
the longer forms the text writes with one or two more leading words that name a kind of it
("Online Continual Learning" beside "continual learning"), and a name without its opening word of
means ("Diffusion-Based Articulated Object Generation": "Articulated Object Generation") or of
kind ("Explainable ASD Classification": "ASD Classification"), and the form joined by "and" to a
second strong task word ("Multimodal Understanding and Generation")."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import cache

from paperkg.core.text import ALNUM, fold
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.rules.base import word_set, word_union

# the word right before a mention, then one space (found by word_before); and the word before
# that one
WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"'\u201c]))([A-Za-z0-9][\w\-]*) $")
_OPENS = frozenset("(\"'\u201c")
_PREVIOUS = re.compile(r"([A-Za-z]+)\s+$")
# verbs in -ing and -s, adverbs, numbers, single letters, debris ("pipelines--on", "X-")
_NOT_KIND = re.compile(r"[a-z]+(?:ing|ly|[^s]s)|\d+|[A-Za-z]|.*(?:--|-$).*", re.I)
# a word after these is a verb ("to avoid X", "we consider X", "which make X")
BEFORE_VERB = frozenset({"to", "we", "can", "could", "may", "might", "will", "would", "should",
                          "must", "cannot", "not", "also", "that", "which", "who", "they"})


def word_before(text: str, a: int) -> tuple[int, str] | None:
    """(start, word) of WORD_BEFORE.search(text, max(0, a - 40), a), found from a backwards
    (re tried the pattern at each of the 40 offsets). The match ends with its space at a or,
    `$` standing before a last newline, right before text[a - 1] == "\\n"; its word is the whole
    run of word characters and hyphens before that space (a start inside the run has a word
    character before it, which the lookbehind refuses), opening with an ASCII letter or digit
    at the text's start or after whitespace, a bracket or a quote."""
    lo = max(0, a - 40)
    sp = a - 1
    if sp < lo:
        return None
    if text[sp] != " ":
        if text[sp] != "\n" or sp - 1 < lo or text[sp - 1] != " ":
            return None
        sp -= 1
    s = sp
    while s > lo and (text[s - 1].isalnum() or text[s - 1] in "_-"):
        s -= 1  # str.isalnum and "_" are re's \w
    if s == sp or text[s] not in ALNUM:
        return None
    if s > 0 and not (text[s - 1].isspace() or text[s - 1] in _OPENS):
        return None
    return s, text[s:sp]


@cache
def _not_kinds() -> frozenset[str]:
    """Lower-case words that never open a longer form of a task."""
    return frozenset(w.lower() for w in word_union(
        "task_stop", "task_adjectives", "quantity_words", "title_verbs", "task_form_not_modifiers"))


def _add(e: dict, form: str) -> None:
    """Add form to e's aliases unless it is already one of e's forms (any case)."""
    have = {e["name"].casefold(), *(a.casefold() for a in e["aliases"])}
    if form.casefold() not in have:
        e["aliases"].append(form)


def _kind_word(text: str, a: int, in_title: bool, skip, titled, kinds) -> str | None:
    """The word written right before offset a when it can name a kind of task: not a function
    word, a praise word or a verb, unless a title keeps it in a task's name or it names what the
    task must achieve (kinds: "Efficient", "Real-Time", "Realistic")."""
    found = word_before(text, a)
    if found is None:
        return None
    start, w = found
    low = w.lower()
    if (low in skip and not (in_title and low in titled) and low not in kinds) \
            or _NOT_KIND.fullmatch(w):
        return None
    prev = _PREVIOUS.search(text, max(0, start - 20), start)
    if prev is not None and prev.group(1).lower() in BEFORE_VERB:
        return None
    return w


def task_forms(out: list[dict], text: str, title_end: int) -> None:
    """Give each TASK, as aliases, the forms the text writes with one or two more leading words
    before a mention of its name that can name a kind of it."""
    skip = _not_kinds()
    titled = word_set("task_title_adjectives")
    kinds = word_set("task_kind_adjectives")
    for e in out:
        if e["type"] != "TASK":
            continue
        name = e["name"].casefold()
        for surface, a, _b, *_ in e["mentions"]:
            if surface.casefold() != name:
                continue  # a shorter form's modifier may name a sibling kind of task
            w = _kind_word(text, a, a < title_end, skip, titled, kinds)
            if w is None:
                continue
            _add(e, f"{w} {surface}")
            if w.lower() in kinds:
                continue  # a word before "efficient" or "robust" is a verb or a noun ("lack")
            # a second such word before it: "Low-Latency Single-Channel Speech Enhancement"
            w2 = _kind_word(text, a - len(w) - 1, a < title_end, skip, titled, kinds)
            if w2 is not None:
                _add(e, f"{w2} {w} {surface}")


@cache
def _means_lead() -> re.Pattern:
    """A hyphenated word that says how a task is done ("Diffusion-Based"), or "end-to-end"."""
    ends = "|".join(sorted(word_set("task_means_endings")))
    return re.compile(rf"(?:[A-Za-z0-9]+-)+(?:{ends})|end-to-end", re.IGNORECASE)


def task_means_forms(out: list[dict], generic: Collection[str]) -> None:
    """Give each TASK whose name opens with a word of means ("Training-Free Synthetic Data
    Generation") the rest of its name as an alias, when it has two words or more and is no
    generic field (folded in generic: "Model-Based Reinforcement Learning" keeps its name alone)."""
    for e in out:
        if e["type"] != "TASK":
            continue
        head, _, rest = e["name"].partition(" ")
        if _means_lead().fullmatch(head) and len(rest.split()) >= 2 and fold(rest) not in generic:
            _add(e, rest)


@cache
def _modifier_word() -> re.Pattern:
    """A word that says what kind a task is or how it is done: an adjective by its ending
    ("Explainable", "Generative", "Simulated"), a hyphenated word ("Few-shot") or a listed one."""
    ends = "|".join(sorted(word_set("task_modifier_endings")))
    listed = "|".join(sorted(map(re.escape, word_set("task_modifiers"))))
    return re.compile(rf"[A-Za-z]+(?:{ends})|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+|{listed}",
                      re.IGNORECASE)


def _form_key(form: str) -> str:
    """A form folded for comparison: case and hyphens aside."""
    return " ".join(fold(form).replace("-", " ").split())


def _judging_task(name: str) -> bool:
    """Whether a task's name ends in a word of judging whether or where its object has a property
    ("Detection", "Localization", a plural -s aside), before which an adjective says what is
    judged ("Synthetic Image")."""
    last = name.rsplit(" ", 1)[-1].lower()
    heads = word_set("task_judging_heads")
    return last in heads or (last.endswith("s") and last[:-1] in heads)


def task_modifier_forms(out: list[dict], generic: Collection[str],
                        listed: Mapping[str, tuple[str, str]]) -> None:
    """Give each TASK of three words or more whose name opens with a word of kind or means
    ("Stable Value Alignment", "Few-shot Backdoor Attacks") the rest of its name as an alias, and
    the rest after a second such word, while two words or more are left: the gold names such a
    task by the rest about as often as by the whole. Not for a name the gazetteer lists (listed:
    key -> (type, name); a fixed term, "Visual Question Answering"), a word that opens a fixed
    term or is a noun ("Natural", "Retrieval", a title adjective), a rest that is a generic field
    or a listed name of another type ("Self-paced Contrastive Learning": the learned step would
    take the name for a known method's), or one another TASK of the paper has; nor after a word
    that says what a task of judging judges ("Synthetic Image Detection", "Malicious URL
    Detection": "Image Detection" is another task)."""
    skip = word_union("task_not_modifiers", "task_title_adjectives")
    tasks = [e for e in out if e["type"] == "TASK"]
    for e in tasks:
        if canonical_key(e["name"]) in listed:
            continue
        judged = _judging_task(e["name"])
        rest = e["name"]
        # a second such word after the first: "Markerless Image-Guided Port Placement"
        for _ in range(2):
            head, _, rest = rest.partition(" ")
            if len(rest.split()) < 2 or head.lower() in skip \
                    or not _modifier_word().fullmatch(head) \
                    or (judged and head.lower() in word_set("task_object_adjectives")):
                break
            key = _form_key(rest)
            other_type = listed.get(canonical_key(rest), ("TASK",))[0] != "TASK"
            if fold(rest) in generic or other_type or any(
                    o is not e and key in {_form_key(f) for f in (o["name"], *o["aliases"])}
                    for o in tasks):
                continue
            _add(e, rest)


# " and " (or " & ") then one word, not joined to a next word by a hyphen
_JOINED = re.compile(r" (?:and|&) ([A-Za-z][\w\-]*)(?![\w\-])")


def task_joined_forms(out: list[dict], text: str) -> None:
    """Give each TASK of two words or more, as an alias, the form the text writes with "and" and
    a second strong task word right after a mention of its name ("Face Detection and
    Recognition" beside "Face Detection"): the gold names such a pair by the whole phrase about
    one time in three, and by its parts otherwise, which the name already is."""
    heads = word_set("task_strong_heads")
    for e in out:
        if e["type"] != "TASK" or " " not in e["name"]:
            continue
        name = e["name"].casefold()
        for surface, _a, b, *_ in e["mentions"]:
            if surface.casefold() != name:
                continue
            m = _JOINED.match(text, b)
            if m is not None and m.group(1).lower() in heads:
                _add(e, f"{surface}{m.group(0)}")


# in a title: " of " or " over " then the words up to a stop word, punctuation or the end
_OBJECT = re.compile(r" (of|over) ([^:;,.?!()\[\]\n]+)")


def task_object_forms(out: list[dict], text: str, title_end: int) -> None:
    """Give each TASK named in the title, as an alias, the form the title writes with what it is
    done on ("3D Reconstruction of Plants", "Question Answering over Tables"): one to four words
    after "of" or "over", up to a stop word, holding no name of another type and not ending in a
    word for a method or model ("Adaptation of Large Pretrained Models": what is adapted)."""
    stop = word_set("task_stop")
    systems = word_union("method_heads", "system_heads")
    others = None  # the spans of every other type's mentions, made when a title form needs them
    for e in out:
        if e["type"] != "TASK":
            continue
        name = e["name"].casefold()
        for surface, _a, b, *_ in e["mentions"]:
            if b >= title_end or surface.casefold() != name:
                continue
            m = _OBJECT.match(text, b, title_end)
            if m is None:
                continue
            words = []
            for w in m.group(2).split():
                if w.lower() in stop:
                    break
                words.append(w)
            if not 1 <= len(words) <= 4 or words[-1].lower() in systems:
                continue
            end = m.start(2) + len(" ".join(words))
            if others is None:
                others = [(a, b) for o in out if o["type"] != "TASK"
                          for _s, a, b, *_ in o["mentions"]]
            if any(oa < end and ob > m.start(2) for oa, ob in others):
                continue
            _add(e, f"{surface} {m.group(1)} {' '.join(words)}")
