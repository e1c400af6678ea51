"""Merging: candidates grouped into entities (aliases, acronyms, variants), each with one type
and one role; at most max_tasks TASK entities per paper."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from paperkg.extractors.canonical import canonical_key, is_acronym, strip_latex
from paperkg.extractors.rules.abbreviated_names import abbreviated_into, pieces
from paperkg.extractors.rules.acronyms import by_initials
from paperkg.extractors.rules.base import (
    Context,
    evidence,
    head_forms,
    head_type,
    type_by_shape,
    word_set,
    word_union,
    words,
)
from paperkg.extractors.rules.family_parts import family_part_type
from paperkg.extractors.rules.known_modifiers import known_modifier
from paperkg.extractors.rules.latex import raised_name
from paperkg.extractors.rules.metric_forms import metric_forms
from paperkg.extractors.rules.names import GLUED_ARG
from paperkg.extractors.rules.role_judge import judge_roles
from paperkg.extractors.rules.task_forms import (
    task_forms,
    task_joined_forms,
    task_means_forms,
    task_modifier_forms,
    task_object_forms,
)
from paperkg.extractors.rules.task_judge import judge_tasks
from paperkg.extractors.rules.task_span_forms import (
    task_coordinated_forms,
    task_head_forms,
    task_title_object_forms,
)
from paperkg.extractors.rules.title_known import known_in_title
from paperkg.extractors.words import declared_type

_COINED_ONE = re.compile(r"[A-Z][\w\-]*[A-Z0-9][\w\-]*$")  # VolRecon, Self-Refine, BBQ
_NAMED_BEFORE = re.compile(r"\b(?:called|named|dubbed|termed|coined)\s*[\"'\u201c]?\s*$")
_BAD_NAME = re.compile(r"[|{}^_=\\<>\[\]()]|['’]\d")
# a snake-case identifier is a name, not a subscript ("Guji_MATH", "MoGU_V2"):
# two or more letters or digits on each side of every underscore, outside maths
_SNAKE = re.compile(r"(?<![\\$\w])[A-Za-z][A-Za-z0-9]+(?:_[A-Za-z0-9]{2,})+(?![\w$])")


@cache
def _paradigm_keys() -> frozenset[str]:
    """Canonical keys of task_paradigms.txt (settings the gold holds as tasks, said methods)."""
    return frozenset(canonical_key(w) for w in words("task_paradigms"))


def _bad_name(name: str) -> bool:
    """Markup debris or a possessive number ("x's 2") in a name; a short argument glued to a
    coined name is part of it ("FWL(2)", "ICC(2,k)", "DRO-BAS(PE)"), and so is a snake-case
    word ("Guji_MATH")."""
    if "(" in name:  # (a glued argument begins with one)
        name = GLUED_ARG.sub("", name)
    if "_" in name:
        name = _SNAKE.sub("x", name)
    return _BAD_NAME.search(name) is not None


def _strong_task_head(long_form: str, forms: list[str], gaz) -> bool:
    """Whether a long form ends in a word that names a task even in Title Case (recognition,
    tracking, ...) and is no known name ("Retrieval-Augmented Generation" is a method)."""
    ws = long_form.lower().split()
    if len(ws) < 2 or ws[-1].split("-")[-1] not in word_set("task_strong_heads"):
        return False
    if any("augment" in w or w == "likelihood" for w in ws):
        return False  # "Retrieval-Augmented Generation", "Maximum Likelihood Estimation"
    return gaz is None or not any(canonical_key(f) in gaz.canonical for f in [long_form, *forms])


_NAMED = frozenset({"METHOD", "MODEL", "DATASET", "BENCHMARK"})


def finish_type(name: str, surface_forms: list[str], typed: dict, gaz,
                long_form: str | None, intro: bool = False) -> str:
    """Choose the type of a merged entity from its evidence."""
    if long_form and not (typed.keys() - {"METHOD"}) and \
            long_form.split()[-1].lower() in word_union("metric_heads", "metric_name_heads"):
        return "METRIC"  # "Mean Absolute Error (MAE)", even when "MAE" was typed a method
    if long_form and not intro and not (typed.keys() - _NAMED) and \
            _strong_task_head(long_form, surface_forms, gaz):
        return "TASK"  # "Automatic Speech Recognition (ASR)", even when "ASR" looked a model,
        # or "ASR datasets" made it look a dataset (twenty-sixth pass)
    for t in ("METRIC", "BENCHMARK", "DATASET", "MODEL", "TASK", "METHOD"):
        if typed.get(t):
            return t
    for form in [name, *surface_forms]:
        t = type_by_shape(form, gaz)
        if t:
            return t
    if long_form:
        low = long_form.lower()
        last = low.split()[-1]
        titled = all(w[0].isupper() for w in long_form.split() if len(w) > 3)
        if any(low.endswith(h) for h in words("task_heads")) and not any(
            low.endswith(h) for h in ("fine-tuning", "tuning", "training")
        ) and not titled:  # "Contrastive Hebbian Learning (CHL)" is named like a method
            return "TASK"
        if last in head_forms("long_form"):
            return head_type(last)
    if not long_form:  # a spelled-out name says what it is; its acronym alone may not
        for form in [name, *surface_forms]:
            t = declared_type(form) if " " not in form else None
            if t:
                return t  # no cue here, but the corpus says what it is ("the X dataset" elsewhere)
    return "METHOD"



_WORD_CHAR = re.compile(r"\w")


def _family_variant(forms: list[str], gaz, intro: bool, long_form: str | None) -> bool:
    """Whether a name no cue typed is a model family's variant by its form (rules/family_parts),
    unless it is spelled out with a head word that says what it is ("... Framework (X-CLIP)")."""
    if long_form and long_form.split()[-1].lower() in head_forms("long_form"):
        return False
    families = tuple(gaz.families) if gaz is not None else ()
    return any(family_part_type(f, families, own=intro) for f in forms)


def _spans(low: str, form: str, bounded: bool, hyphen: bool = False) -> list[tuple[int, int]]:
    """Where form stands in low (both as the caller cased them); bounded: not inside a longer
    word, and with hyphen not right after a hyphen either."""
    out: list[tuple[int, int]] = []
    n, i = len(form), low.find(form)
    while i >= 0:  # re.finditer's left-to-right, non-overlapping matches, without a compile
        j = i + n
        if bounded and ((i and (_WORD_CHAR.match(low, i - 1) or hyphen and low[i - 1] == "-"))
                        or _WORD_CHAR.match(low, j)):
            i = low.find(form, i + 1)
            continue
        out.append((i, j))
        i = low.find(form, j)
    return out


def _inside_another(sforms: set[str], blob: str, whole: Counter) -> bool:
    """Whether a form of sforms stands inside a longer form of blob (the forms of all the
    names, whole counts how often each, joined by NULs): found there more often than whole."""
    return any(blob.count(sf) > whole[sf] for sf in sforms)


def _drop_nested_names(out: list[dict], text: str) -> list[dict]:
    """A name the text writes only inside another, longer name of the paper ("Transformer" in
    every "Touch-Line Transformer", "RMK" in "RMK RetinaNet") is a piece of it, no name."""
    if len(out) < 2 or not any(e["type"] in _NAMED for e in out):
        return out
    forms = [(e, {f.lower() for f in [e["name"], *e["aliases"]] if len(f) >= 2}) for e in out]
    low = text.lower()
    gone: set[int] = set()
    flat = [f for _, fs in forms for f in fs]
    blob = "\x00".join(flat)
    whole = Counter(flat) if blob.count("\x00") == len(flat) - 1 else None  # no NUL in a form
    for short, sforms in forms:
        if short["type"] not in _NAMED:
            continue  # a task or a measure inside a longer one is _nest_tasks' (or kept)
        if whole is not None and not _inside_another(sforms, blob, whole):
            continue  # no other form holds one of its forms: longer would be empty
        longer = {lf for e, lfs in forms if e is not short for lf in lfs
                  if any(len(lf) > len(sf) and sf in lf for sf in sforms)}
        if not longer:
            continue
        occ = [sp for sf in sforms for sp in _spans(low, sf, True)]
        outer = [sp for lf in longer for sp in _spans(low, lf, False)]
        if occ and all(any(a <= x and y <= b and b - a > y - x for a, b in outer)
                       for x, y in occ):
            gone.add(id(short))
    return [e for e in out if id(e) not in gone] if gone else out


_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")
_KNOWN_PLURAL = re.compile(r"^[A-Z]{3,6}s$")  # a two-letter one ("IPs") is read many ways
_LETTER_TO_LETTER = re.compile(r"^[A-Z]2[A-Z]$")
_TWO_LETTERS = re.compile(r"^[A-Z]{2}$")
# a value right after a name: "achieving WA 80.7% and UA 81.3%", "EM of 45.2", "SR: 0.61"
_VALUE_AFTER = re.compile(r"\s*(?:[:=]|of)?\s*[-+]?\d")
_CAPS_ONLY = re.compile(r"^[A-Z]{2,6}s?$")
# What may stand before a title's own opening name: bracketed tags ("[Oral]", "(ICLR 2025)").
_TITLE_TAGS = re.compile(r"^(?:\s*(?:\[[^\]]*\]|\([^)]*\)|【[^】]*】)\s*[:\-–|]?)*\s*$")


def _absorb(into: dict, other: dict, forms: list[str]) -> None:
    """Fold entity `other` into `into`: its surface forms become aliases, its mentions, its
    confidence and whether it was evaluated join `into`'s."""
    into["aliases"].extend(f for f in forms if f != into["name"] and f not in into["aliases"])
    into["mentions"] = sorted(into["mentions"] + other["mentions"], key=lambda m: m[1])
    into["confidence"] = max(into["confidence"], other["confidence"])
    into["evaluated"] = into["evaluated"] or other["evaluated"]


def _nest_tasks(out: list[dict]) -> list[dict]:
    """A task whose name ends another task's name is that task, written shorter ("Video Object
    Detection" ... "object detection models"): one entity, the short form an alias."""
    tasks = [e for e in out if e["type"] == "TASK"]
    if len(tasks) < 2:
        return out
    longest = sorted(tasks, key=lambda e: -len(e["name"]))
    gone: set[int] = set()
    for short in tasks:
        low = " " + short["name"].lower()
        into = next((e for e in longest if e is not short and id(e) not in gone
                     and len(e["name"]) > len(low) and e["name"].lower().endswith(low)), None)
        if into is None:
            continue
        gone.add(id(short))
        _absorb(into, short, [short["name"], *short["aliases"]])
    return [e for e in out if id(e) not in gone]


_WORD = re.compile(r"[a-z0-9]+")


def _content_words(name: str, skip) -> set[str]:
    """The words of a task name that say what it is about, plurals read as singulars."""
    out = set()
    for w in _WORD.findall(name.lower()):
        if w in skip:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _fold_restated_tasks(out: list[dict], title_end: int) -> list[dict]:
    """A task written once, in the abstract only, that shares two words or more with a task
    named in the title ("unsupervised road segmentation" beside the title's "Unsupervised
    Monocular Road Segmentation", "JPEG artifacts removal" beside "JPEG Compression Artifacts
    Removal") restates that task: one entity, the restatement an alias."""
    tasks = [e for e in out if e["type"] == "TASK"]
    titled = [e for e in tasks if any(m[1] < title_end for m in e["mentions"])]
    if not titled or len(tasks) < 2:
        return out
    skip = word_union("task_stop", "task_restated_ignore")
    title_words = [(e, _content_words(e["name"], skip)) for e in titled]
    gone: set[int] = set()
    for e in tasks:
        if len(e["mentions"]) != 1 or e["mentions"][0][1] < title_end:
            continue
        mine = _content_words(e["name"], skip)
        shared, into = max(((len(mine & ws), t) for t, ws in title_words if t is not e),
                           key=lambda st: st[0], default=(0, None))
        if shared >= 2:
            gone.add(id(e))
            _absorb(into, e, [e["name"], *e["aliases"]])
    return [e for e in out if id(e) not in gone]


def _fold_acronym_tasks(out: list[dict]) -> list[dict]:
    """A task opening with an acronym whose letters spell the words another task has before the
    same ending ("HR estimation" beside "Heart Rate Estimation", "OOD detection" beside
    "Out-of-distribution Detection") is that task with its modifier shortened: one entity."""
    tasks = [e for e in out if e["type"] == "TASK"]
    if len(tasks) < 2:
        return out
    gone: set[int] = set()
    for short in tasks:
        ws = short["name"].split()
        if len(ws) < 2 or not is_acronym(ws[0]) or not ws[0][:1].isupper():
            continue
        tail = " " + " ".join(ws[1:]).lower()
        for e in tasks:
            name = e["name"]
            if e is short or id(e) in gone or not name.lower().endswith(tail):
                continue
            head = name[:len(name) - len(tail)].split()
            if head and by_initials(ws[0], head) == " ".join(head):
                gone.add(id(short))
                _absorb(e, short, [short["name"], *short["aliases"]])
                break
    return [e for e in out if id(e) not in gone]


# a release written after its family's name: "Gemini 1.5 Pro", "Llama-3.1-8B", "RTLLM v1.1",
# "FinBloom 7B", "EfficientNet-B0", "Gemini Flash 2.5": after a separator, at most three words,
# a version or a size among them and the rest plain words (not "REL-SF4PASS", "GPT-4o-mini")
_TAIL_SPLIT = re.compile(r"[\s\-/]+")
_VERSION = re.compile(r"v?\d[\d.]*[A-Za-z]{0,2}|[A-Za-z]\d{1,3}")
_TIER = re.compile(r"[A-Z]?[a-z]+")


def _release_tail(tail: str) -> bool:
    """Whether tail, what a longer name adds to a shorter one, is a release's version or size."""
    if not tail or tail[0] not in " -/":
        return False
    parts = [p for p in _TAIL_SPLIT.split(tail) if p]
    return 0 < len(parts) <= 3 and any(_VERSION.fullmatch(p) for p in parts) and all(
        _VERSION.fullmatch(p) or _TIER.fullmatch(p) for p in parts)


def _bounded(text: str, form: str, start: int) -> list[int]:
    """Where form (case as written) starts in text[start:], not inside a longer word or after a
    hyphen (offsets from start)."""
    return [a for a, _ in _spans(text[start:], form, True, hyphen=True)]


def _fold_releases(out: list[dict], text: str, title_end: int) -> list[dict]:
    """A family name written alone only after the one release of it the abstract names
    ("Google Gemini 1.5 Pro ... Gemini flagged ...", the title's "FinBloom" and the
    abstract's "we train FinBloom 7B") is that release, written shorter: one entity. Not when
    the short form comes first ("OLMo ... OLMo-1B", "we introduce SynFlow ... SynFlow-4k"),
    stands alone in the title too (the paper's subject: "EXAONE Deep: ..." and its "EXAONE
    Deep 32B"), the paper names two releases of it, or the two differ in role ("VideoWorld 2
    extends VideoWorld")."""
    named = [e for e in out if e["type"] in _NAMED]
    if len(named) < 2:
        return out
    gone: set[int] = set()
    for short in named:
        s = short["name"]
        longs = [e for e in named if e is not short and e["name"].startswith(s)
                 and _release_tail(e["name"][len(s):])]
        if len(longs) != 1 or longs[0]["role"] != short["role"] or id(longs[0]) in gone:
            continue
        into = longs[0]
        at_long = _bounded(text, into["name"], title_end)
        if not at_long:
            continue
        alone = [a for a in _bounded(text, s, title_end)
                 if not text.startswith(into["name"], title_end + a)]
        in_title = [a for a in _bounded(text[:title_end], s, 0)
                    if not text.startswith(into["name"], a)]
        if alone and (min(alone) < at_long[0] or in_title) or not alone and not in_title:
            continue
        gone.add(id(short))
        _absorb(into, short, [s, *short["aliases"]])
    return [e for e in out if id(e) not in gone] if gone else out


def _fold_modified_long_forms(out: list[dict]) -> list[dict]:
    """A name that is an acronym's long form with words before it, and has no acronym of its
    own ("CASIA-SURF Cross-Ethnicity Face Anti-Spoofing" beside "Cross-Ethnicity Face
    Anti-Spoofing (CeFA)", "HOI Vector Quantization" beside "Vector Quantization (VQ)"), is the
    thing the acronym names: one entity under the longer name. Not when the longer one has its
    own acronym ("Meta Chain-of-Thought (Meta-CoT)" beside "Chain-of-Thought (CoT)")."""
    defined = [e for e in out if e["type"] in _NAMED and e["acronym"] and e["long_form"]]
    if not defined:
        return out
    gone: set[int] = set()
    for short in defined:
        tail = " " + short["name"].lower()
        into = next((e for e in out if e is not short and e["type"] in _NAMED
                     and not e["acronym"] and id(e) not in gone
                     and e["name"].lower().endswith(tail)), None)
        if into is None:
            continue
        gone.add(id(short))
        _absorb(into, short, [short["name"], *short["aliases"]])
        into["acronym"] = short["acronym"]
        if short["role"] == "introduced":
            into["role"] = "introduced"
    return [e for e in out if id(e) not in gone]


def _fold_abbreviated(out: list[dict]) -> list[dict]:
    """A coined short name and the phrase it abbreviates word by word ("GLFS", "Gaussian Light
    Field Splatting"), both named and not bracketed together: one entity under the short name,
    the phrase an alias (family abbreviated_names)."""
    named = [e for e in out if e["type"] in _NAMED]
    shorts = [e for e in named if " " not in e["name"] and any(
        pieces(f) for f in (e["name"], *e["aliases"]))]
    if not shorts:
        return out
    gone: set[int] = set()
    for short in shorts:
        if id(short) in gone:
            continue
        phrase = abbreviated_into(short, [e for e in named if id(e) not in gone])
        if phrase is None:
            continue
        # under the short name: by default the learned keep step reads the name, and kept the
        # short name more often than the phrase when both stood (DDPG, Deep Deterministic ...)
        gone.add(id(phrase))
        _absorb(short, phrase, [phrase["name"], *phrase["aliases"]])
        if phrase["role"] == "introduced":
            short["role"] = "introduced"
    return [e for e in out if id(e) not in gone] if gone else out


def _fold_plurals(out: list[dict]) -> list[dict]:
    """A name and the same name in the plural ("deep Gaussian process", "deep Gaussian
    processes") are one thing: one entity under the first written."""
    if len(out) < 2:
        return out
    by_low = {}
    for e in out:
        by_low.setdefault(e["name"].lower(), e)
    gone: set[int] = set()
    for e in out:
        low = e["name"].lower()
        if not low.endswith("s") or " " not in low and len(low) < 4:
            continue
        into = by_low.get(low[:-1]) or (by_low.get(low[:-2]) if low.endswith("es") else None)
        if into is None or into is e or id(into) in gone or \
                (into["type"] in _NAMED) != (e["type"] in _NAMED):
            continue
        gone.add(id(e))
        _absorb(into, e, [e["name"], *e["aliases"]])
        if e["role"] == "introduced":
            into["role"] = "introduced"
    return [e for e in out if id(e) not in gone] if gone else out


_OPENING_MODIFIER = re.compile(r"\s*(?:(?:Recent|Modern|Current|Existing|Traditional|Conventional|"
                               r"Classical|Standard)\s+)?$")
_DEFINED_THEN = re.compile(r"\s*\([^()]{1,20}\)\s+([a-z]+)\b")
_BACKGROUND_VERBS = frozenset({
    "is", "are", "has", "have", "was", "were", "offer", "offers", "provide", "provides",
    "remain", "remains", "represent", "represents", "enable", "enables", "show", "shows",
    "suffer", "suffers", "struggle", "struggles", "aim", "aims", "alleviate", "alleviates",
    "achieve", "achieves", "excel", "excels", "refer", "refers", "can", "often", "typically",
    "rely", "relies", "seek", "seeks", "constitute", "constitutes", "play", "plays", "serve",
    "serves", "hold", "holds", "emerge", "emerges", "emerged", "became"})
_OWN_WORDS = re.compile(r"\b(?:we|We|our|Our|novel|new|propose[sd]?|this\s+(?:paper|work))\b")


def _background_definition(ctx: Context, g: dict) -> bool:
    """Whether the group's first mention in the abstract opens a sentence as a long form with
    its short form, said to be something (a verb after it) in the abstract's first sentence or
    with a verb that describes a known thing ("is", "are", "aims", "offers")."""
    text = ctx.text
    firsts = [(a, b) for surface, a, b in g["mentions"] if a > ctx.title_end]
    if not firsts:
        return False
    a, b = min(firsts)
    if text[a:b] != g["long_form"] and strip_latex(text[a:b]).strip() != g["long_form"]:
        return False
    s0, s1 = ctx.sentence(a)
    m = _DEFINED_THEN.match(text, b)
    if m is None or not _OPENING_MODIFIER.fullmatch(text, s0, a) or \
            _OWN_WORDS.search(text, s0, s1):
        return False
    first_sentence = not text[ctx.title_end:s0].strip()
    return first_sentence or m.group(1) in _BACKGROUND_VERBS


_EARLIER_OPENING = re.compile(r"\s*(?:Recent(?:ly)?|Existing|Prior|Previous|Traditional|"
                             r"Conventional)\b")
_WE_OUR = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study))\b")


# the opening words of the abstract before a spelled-out name ("The prevalence of ", "Protecting ")
_OPENING_WORDS = re.compile(r"[^.\n]{0,25}")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


def _opening_field(ctx: Context, g: dict) -> bool:
    """Whether the group is a Title Case long form with its short form (or a Title Case phrase
    only its shape found), known to no list, whose first mention in the abstract stands among
    its opening words and that ends in no head noun of a name, nor stands before one ("Electronic
    Health Records (EHRs) often lack ...", "The prevalence of Autism Spectrum Disorder (ASD)
    ...", "Reliable Uncertainty Quantification (UQ) ...", not "Graph Neural Networks", "The
    Diligent Learner framework", "Vision-Language-Action (VLA) models")."""
    name = g["long_form"] if g["long_form"] and g["acr"] else (
        g["forms"][0] if g["rules"] == ["title_case_phrase"] else "")
    if not name or g["gaz"] or not all(w[0].isupper() for w in name.split() if len(w) > 3):
        return False
    firsts = [(a, b) for _, a, b in g["mentions"] if a > ctx.title_end]
    if not firsts or not _OPENING_WORDS.fullmatch(ctx.text, ctx.title_end + 1, min(firsts)[0]) \
            or _WE_OUR.search(ctx.text, ctx.title_end + 1, min(firsts)[0]):
        return False  # "We analyse Multiplicative Weights Updates (MWU) ...": the paper's object
    heads = word_union("method_heads", "family_words", "system_heads")
    last = re.split(r"[\s\-]+", name)[-1].lower()
    after = _DEFINED_THEN.match(ctx.text, min(firsts)[1]) or _WORD_AFTER.match(
        ctx.text, min(firsts)[1])
    return last not in heads and last not in head_forms("long_form") and not (
        after and after.group(1) in heads)  # "Vision-Language-Action (VLA) models"


def _background_opening(ctx: Context, g: dict) -> bool:
    """Whether the group's first mention in the abstract is in a sentence about earlier work
    ("Recently, X has been proposed", "Existing X methods ...") with no we/our in it."""
    firsts = [a for _, a, _ in g["mentions"] if a > ctx.title_end]
    if not firsts:
        return False
    s0, s1 = ctx.sentence(min(firsts))
    return _EARLIER_OPENING.match(ctx.text, s0, s1) is not None and \
        _WE_OUR.search(ctx.text, s0, s1) is None


# "DynClean: Training Dynamics-based Label Cleaning for ...": the subtitle's phrase before
# "for" is the title's name written out, not a second thing the paper builds
_SUBTITLE_LONG = re.compile(r"\s*([^:;,()]+?)\s+for\s")


def _spelled_out(short: str, phrase: str) -> bool:
    """Whether short opens with the phrase's first letter and holds the first letters of all
    its two or more words in order ("ROTATE" and "Regret-driven Open-ended Training")."""
    parts = [p for p in re.split(r"[\s\-]+", phrase) if p]
    low = short.lower()
    if len(parts) < 2 or not low[:1].isalpha() or low[0] != parts[0][0].lower():
        return False
    at = 0
    for p in parts:
        at = low.find(p[0].lower(), at)
        if at < 0:
            return False
        at += 1
    return True


def _fold_title_long_form(ctx: Context, groups: dict[str, dict], order: list[str]) -> None:
    """Fold a subtitle's opening phrase ("Name: Long Form for ...") into the title's name
    when both are introduced and the phrase has no short form of its own."""
    text, title_end = ctx.text, ctx.title_end
    colon = text.find(":", 0, title_end)
    if not 0 < colon < 80:
        return
    m = _SUBTITLE_LONG.match(text, colon + 1, title_end)
    if m is None:
        return
    head = strip_latex(text[:colon]).strip()
    hkey = next((k for k, g in groups.items() if g["intro"] and head in g["forms"]), None)
    lkey = next((k for k, g in groups.items() if g["intro"] and k != hkey
                 and m.group(1) in g["forms"]), None)
    if lkey is None and hkey is not None:
        # "ROTATE: Regret-driven Open-ended Training for ...": the phrase came out used, but
        # the name holds the first letters of its words in order: the name written out
        lkey = next((k for k, g in groups.items() if k != hkey and m.group(1) in g["forms"]
                     and _spelled_out(head, m.group(1))), None)
    if hkey is None or lkey is None:
        return
    src, dst = groups[lkey], groups[hkey]
    if src["acr"] and not src["acr"].startswith(head) or src["gaz"]:
        return  # "X: Entropy-Guided Latent Reasoning (EGLR) for ...": a part with its own name
    parts = re.split(r"[\s\-]+", m.group(1).lower())
    first = next((ch for ch in head.lower() if ch.isalpha()), "")
    if not first or first not in parts[0] and first not in {w[:1] for w in parts}:
        return  # "MMGeoLM: Hard Negative Contrastive Learning for ...": not its name spelled out
    groups.pop(lkey)
    order.remove(lkey)
    dst["forms"].extend(f for f in src["forms"] if f not in dst["forms"])
    dst["mentions"].extend(src["mentions"])
    dst["conf"] = max(dst["conf"], src["conf"])
    dst["rules"].extend(r for r in src["rules"] if r not in dst["rules"])


def _named_in_passing(ctx: Context, forms: list[str]) -> bool:
    """Whether a group's forms hold a task of words/task_title_only.txt that the title does not
    write (case, hyphens and a plural -s aside: "Spurious Correlation in ...", "Data Scaling
    Law", "Multilingual Instruction-Following")."""
    listed = {f.lower() for f in forms} & word_set("task_title_only")
    if not listed:
        return False
    title = ctx.text[:ctx.title_end].lower().replace("-", " ")
    return not any(t.replace("-", " ").removesuffix("s") in title for t in listed)


def merge(ctx: Context, min_conf: float, max_tasks: int) -> list[dict]:
    """Group candidates into entities and decide their name, type, role and confidence."""
    text, sents, cands, gaz = ctx.text, ctx.sents, ctx.cands, ctx.gaz
    gaz_canon_key: dict[str, str] = {}
    for c in cands:
        if c.gaz_canon:
            gaz_canon_key[canonical_key(c.surface)] = canonical_key(c.gaz_canon)
    acr_to_long = {}
    for acr, lf in ctx.defined.items():
        k = canonical_key(lf)
        if k in gaz_canon_key:
            k = gaz_canon_key[k]
        elif gaz is not None and k in gaz.canonical:  # the long form's group key below
            k = canonical_key(gaz.canonical[k][1])
        acr_to_long[acr] = k
    for acr in list(acr_to_long):
        acr_to_long.setdefault(acr.rstrip("s"), acr_to_long[acr])
    groups: dict[str, dict] = {}
    order: list[str] = []
    org_keys = {canonical_key(c.name) for c in cands if c.org}
    org_keys |= {canonical_key(c.alias) for c in cands if c.org and c.alias}
    for c in cands:
        name = strip_latex(c.name).strip()
        if not c.gaz_canon and (c.org or (org_keys and canonical_key(name) in org_keys)):
            continue
        if len(name) < 2 and not c.long_form:
            continue
        if _bad_name(name) and not c.gaz_canon:  # a listed form ("tau^2-Bench") is no debris
            if not raised_name(c.surface) and c.rule != "metric_subscripts":
                continue
            name = c.surface  # "O$^2$DENet", "mAP$_{.3}$": the name as written, maths and all
        key = canonical_key(name)
        if not key:
            continue
        if c.gaz_canon:
            key = canonical_key(c.gaz_canon)
        elif c.surface in acr_to_long and not c.long_form:
            key = acr_to_long[c.surface]
        elif key in gaz_canon_key:
            key = gaz_canon_key[key]
        elif gaz is not None and key in gaz.canonical:
            key = canonical_key(gaz.canonical[key][1])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"forms": [], "mentions": [], "types": {}, "conf": 0.0,
                               "rules": [], "intro": False, "evaluated": False,
                               "long_form": None, "gaz": None, "acr": None, "stated": {}}
            order.append(key)
        if name not in g["forms"]:
            g["forms"].append(name)
        if c.surface != name and c.surface not in g["forms"]:
            g["forms"].append(c.surface)
        for f in c.extra:
            if f not in g["forms"]:
                g["forms"].append(f)
        g["mentions"].append((c.surface, c.start, c.end))
        if c.type:
            weight = 2 if c.strong_type else 1
            g["types"][c.type] = g["types"].get(c.type, 0) + weight
        if c.stated:
            g["stated"][c.stated] = g["stated"].get(c.stated, 0) + 1
        g["conf"] = max(g["conf"], c.conf)
        if c.rule not in g["rules"]:
            g["rules"].append(c.rule)
        # "DLPO: ..." with DLPO defined in the abstract: the title's name sits in its long
        # form's group, under the long form's key
        g["intro"] = g["intro"] or c.intro or key in ctx.title_intro_keys or (
            ctx.title_intro_keys and canonical_key(name) in ctx.title_intro_keys)
        g["evaluated"] = g["evaluated"] or c.evaluated
        if c.long_form:
            g["long_form"] = name
            if c.alias:
                g["acr"] = c.alias
        if c.gaz_canon:
            g["gaz"] = c.gaz_canon
    # an undefined acronym spelled by the capitals of another name here: FA2 <- FlashAttention-2
    caps: dict[str, str] = {}
    for key, g in groups.items():
        name = g["forms"][0]
        if not is_acronym(name) and " " not in name:
            spelled = "".join(ch for ch in name if ch.isupper() or ch.isdigit())
            if len(spelled) >= 2:
                caps.setdefault(spelled, key)
    for key, g in list(groups.items()):
        name = g["forms"][0]
        if g["long_form"] or g["gaz"] or not is_acronym(name) or name not in caps:
            continue
        if caps[name] != key:
            acr_to_long.setdefault(name, caps[name])
    # an acronym whose own candidate landed in another group: fold it into the long form
    for acr, lkey in acr_to_long.items():
        akey = canonical_key(acr)
        if akey not in groups:  # a known acronym sits in its known name's group
            akey = gaz_canon_key.get(akey, akey)
        if akey != lkey and akey in groups and lkey in groups:
            src, dst = groups.pop(akey), groups[lkey]
            order.remove(akey)
            for f in src["forms"]:
                if f not in dst["forms"]:
                    dst["forms"].append(f)
            dst["mentions"].extend(src["mentions"])
            for t, w in src["types"].items():
                dst["types"][t] = dst["types"].get(t, 0) + w
            for t, w in src["stated"].items():
                dst["stated"][t] = dst["stated"].get(t, 0) + w
            dst["conf"] = max(dst["conf"], src["conf"])
            dst["intro"] = dst["intro"] or src["intro"]
            dst["evaluated"] = dst["evaluated"] or src["evaluated"]
            dst["rules"].extend(r for r in src["rules"] if r not in dst["rules"])
            for k in ("long_form", "acr", "gaz"):
                dst[k] = dst[k] or src[k]
    _fold_title_long_form(ctx, groups, order)
    # a well-known name written out in words (gazetteer, no variant of it) is not new here, whatever
    # cue stood before it ("a convolutional Gated Recurrent Unit (GRU)", "we introduce
    # quantization-aware training (QAT)"); a coined one may be the paper's own (VolRecon, BBQ)
    for g in groups.values():
        if g["intro"] and "gazetteer" in g["rules"] and \
                not any("variant" in r for r in g["rules"]) and \
                not _COINED_ONE.match((g["long_form"] or g["forms"][0]).split()[0]) and \
                not any(_NAMED_BEFORE.search(text, max(0, a - 30), a)
                        for _, a, _ in g["mentions"]) and \
                not any(canonical_key(f) in ctx.title_intro_keys for f in g["forms"]):
            g["intro"] = False  # but "called Proximal Policy Optimization (PPO)": named here;
            # and the name the title sets out as its own ("miniF2F: a cross-system benchmark
            # ...", "SEA: Low-Resource Safety Alignment ...", the whole title "Humanity's Last
            # Exam") is the paper's, known or not
    # a name the abstract opens a sentence with, spelled out with its short form and said to be
    # something ("Local Differential Privacy (LDP) is the gold standard ...", "Concept
    # bottleneck models (CBM) are a popular way ...") is background, whatever a later mention
    # seemed to make of it ("apply the LDP mechanism")
    # ("Recently, X has been proposed to ...", "Existing X methods ...") too
    for g in groups.values():
        if g["intro"] and (_background_opening(ctx, g) or (
                g["long_form"] and _background_definition(ctx, g))):
            g["intro"] = False
    # variants of this paper's own name are its too: SVT -> SVT-H-S, MeditronFO -> X-MeditronFO
    ours = [f for g in groups.values() if g["intro"]
            for f in g["forms"] if " " not in f and len(f) >= 3]  # a long form's acronym too
    if ours:
        for g in groups.values():
            name = g["forms"][0]
            if not g["intro"] and " " not in name and any(
                    name.startswith(o + "-") or name.endswith("-" + o) for o in ours):
                g["intro"] = True
    out = []
    for key in order:
        g = groups.get(key)
        if g is None:
            continue
        forms = g["forms"]
        # the long form when there is one, else what the text wrote (not the gazetteer spelling)
        name = g["long_form"] or forms[0]
        if g["rules"] == ["coined_name"] and not g["intro"] and len(forms) == 1 and \
                _PLURAL_ACRONYM.match(name) and not (_KNOWN_PLURAL.match(name) and gaz is not None
                                                     and canonical_key(name) in gaz.canonical):
            continue  # "CNNs", "KGs", "AUVs": a kind of thing in the plural, named by no one;
            # but "SVMs", "SSMs" stay: the plural of a known name of three capitals or more
        if g["rules"] == ["coined_name"] and not g["intro"] and _LETTER_TO_LETTER.match(name) \
                and g["mentions"][0][1] > ctx.title_end:
            continue  # "T2V", "V2X", "E2E" in the abstract alone: a mode or a setting, no task
        if g["rules"] == ["task_repeated"] and len({m[1] for m in g["mentions"]}) < 2 and \
                g["mentions"][0][1] < ctx.title_end:
            continue  # a title phrase "written twice" whose other writing is in a longer name
        typed = {}
        if g["types"]:
            best = max(g["types"].items(), key=lambda kv: kv[1])[0]
            typed[best] = True
        redefined = ctx.scratch.get("redefined")
        shaped = [f for f in forms if f not in redefined] if redefined else forms
        type_ = finish_type(name, shaped, typed, gaz, g["long_form"], g["intro"])
        if type_ == "TASK" and g["intro"] and "gazetteer" not in g["rules"] and \
                name.split()[-1].lower() not in word_set("task_strong_heads"):
            type_ = "METHOD"
        if g["stated"]:  # what the text says the name is ("X (QPE) is a foundational algorithm")
            type_ = max(g["stated"].items(), key=lambda kv: kv[1])[0]
        elif type_ == "METHOD" and not g["intro"] and _opening_field(ctx, g):
            continue  # "Autism Spectrum Disorder (ASD) has surged ...": the field, no name
        if g["rules"] == ["coined_name"] and not g["intro"] and type_ not in ("METRIC", "TASK") \
                and _TWO_LETTERS.match(name) and len(g["mentions"]) < 3 and \
                not any(_VALUE_AFTER.match(text, m[2]) for m in g["mentions"]):
            continue  # "TD", "SR", "PC" written once or twice, no definition, not listed, no
            # intro verb: a shorthand, a name only one time in seven over the tuning pools; a
            # measure or a task ("EM", "PQ", "MT") stays, and so does one a value follows
            # ("achieving WA 80.7% and UA 81.3%": a measure the results rules read)
        if type_ == "TASK" and "gazetteer" not in g["rules"] and \
                name.split()[0].lower() in word_set("task_not_first"):
            continue  # "Although deep learning", "poor generalization", "manual annotation"
        if type_ == "TASK" and "gazetteer" in g["rules"] and _named_in_passing(ctx, forms):
            continue  # "strong instruction following", "in line with scaling laws": a listed
            # capability or finding named only in passing, the paper's task when the title says it
        if type_ == "METHOD" and g["rules"] == ["coined_name"] and not g["intro"] and \
                " " not in name and not _CAPS_ONLY.match(name) and \
                all(0 < m[1] < ctx.title_end and text[m[1] - 1] != "(" and
                    not _TITLE_TAGS.match(text[:m[1]]) for m in g["mentions"]):
            continue  # a coined word inside the title that the abstract never writes again
            # ("Time SeRies PArameter ...", "MOE-Accelerated", "Optical-SAR", "TeamHerald@..."):
            # how the title spells or qualifies something, no name the paper uses; not the
            # title's opening word (its own name, also after a tag: "[Oral] X: ...") nor a
            # bracketed one, and not a bare acronym
            # ("GAIL", "MSI": names the abstract takes for granted as often as not)
        if type_ == "METHOD" and not typed and not g["stated"] and \
                _family_variant(forms, gaz, g["intro"], g["long_form"]):
            type_ = "MODEL"  # "FSC-CLIP", "GroupNL-ResNet-18", "ViT-G/14": no cue typed it,
            # and its name says a model family's variant (after the filters of methods above)
        conf = g["conf"]
        n_m = len(g["mentions"])
        if n_m > 1 and g["rules"] != ["capitalised_word"]:
            conf = min(1.0, conf + 0.1 * min(n_m - 1, 3))
        if g["intro"]:
            conf = max(conf, 0.75)
        if g["long_form"] and g["acr"]:
            conf = max(conf, 0.8)
        if conf < min_conf:
            continue
        aliases = [f for f in forms if f != name]
        mentions = []
        seen = set()
        for surface, a, b in sorted(g["mentions"], key=lambda m: m[1]):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            mentions.append((surface, a, b, evidence(text, sents, a, b)))
        out.append({
            "name": name, "type": type_,
            # a name written only as "X-style" is the model of the paper's work, never its own;
            # a title phrase other papers write is a technique the paper uses (title_known);
            # so is a known name that modifies the paper's system's head (known_modifiers)
            "role": "introduced" if g["intro"] and g["rules"] != ["styled_name"] and
                    not known_in_title(ctx, forms) and not known_modifier(ctx, forms)
                    else "used",
            "aliases": aliases, "mentions": mentions, "confidence": round(conf, 3),
            "extractor": "+".join(g["rules"]), "evaluated": bool(g["evaluated"]),
            "key": key, "acronym": g["acr"], "long_form": bool(g["long_form"]),
        })
    out = _fold_restated_tasks(_fold_acronym_tasks(_nest_tasks(_fold_plurals(out))),
                               ctx.title_end)
    out = _fold_modified_long_forms(_fold_releases(out, text, ctx.title_end))
    out = _fold_abbreviated(_drop_nested_names(out, text))
    for e in out:  # after the folds: a setting stays its own task beside a longer one
        if e["type"] == "METHOD" and e["role"] == "used" and \
                any(canonical_key(f) in _paradigm_keys() for f in (e["name"], *e["aliases"])):
            e["type"] = "TASK"  # "Federated learning (FL) is a distributed ... method"
    task_ix = [i for i, e in enumerate(out) if e["type"] == "TASK"]
    if len(task_ix) > max_tasks:
        # keep the tasks the paper is about: named in the title first, then the surest (found
        # by more rules or a stronger one), then most mentioned
        rank = sorted(task_ix, key=lambda i: (
            -any(m[1] < ctx.title_end for m in out[i]["mentions"]), -out[i]["confidence"],
            -len(out[i]["mentions"]), i))
        drop = set(rank[max_tasks:])
        out = [e for i, e in enumerate(out) if i not in drop]
    task_forms(out, text, ctx.title_end)
    task_joined_forms(out, text)
    task_object_forms(out, text, ctx.title_end)
    task_coordinated_forms(out, text)
    task_title_object_forms(out, text, ctx.title_end)
    task_head_forms(out, text)
    task_means_forms(out, ctx.generic)
    task_modifier_forms(out, ctx.generic, ctx.gaz.canonical if ctx.gaz is not None else {})
    metric_forms(out, text)
    return judge_roles(ctx, judge_tasks(ctx, out))
