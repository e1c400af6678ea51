"""Family: typing from head nouns and lists: "the X benchmark", "X dataset", "on A, B and C
datasets", "the datasets SCAN, COGS, and GeoQuery", "X, a new benchmark ...", names listed next
to a known dataset, an untyped name evaluated on, and the evaluation context of a sentence."""

from __future__ import annotations

import re
from functools import cache

from paperkg.extractors.rules.base import (
    LIST_SEP,
    Context,
    head_after,
    head_alternation,
    head_type,
    heads,
    near,
    positions,
    type_by_shape,
    word_set,
)
from paperkg.extractors.rules.paper_data_type import paper_data_type
from paperkg.extractors.words import alternation

_LIST_HEAD_BEFORE = re.compile(
    rf"\b({head_alternation('list')})\s*(?:(?:,\s*)?(?:such\s+as|including|like|e\.g\.,?|"
    r"namely)|,|:|\((?:\s*(?:\\text\w+\{)?(?:e\.g\.|i\.e\.),?\}?,?)?)\s*(?:the\s+)?$"
)  # "three benchmark datasets (\textit{i.e.,} Gibson, MP3D, and HM3D)", "(e.g., A, B)"
# "three benchmarks TOFU, MUSE, and WMDP": a plural head right before a list
_PLURAL_HEAD_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(h.plural) for h in heads() if "list" in h.plural_contexts)
    + r")\s+(?:of\s+)?$"
)  # "two datasets of MUUFL and Houston2018" too
# "X, a new benchmark", "\\textit{X}, a synthetic dataset", "X, the first public dataset",
# "X, a Bengali Deepfake Audio Dataset" (a head in Title Case too), "X, a speech-to-text
# translation (S2TT) dataset" (a bracket among the words), "``X``, an empirical testbed"
_APPOSITIVE = re.compile(
    r"[}$*`'\"]*\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:a|an|the(?=\s+first\b))\s+"
    r"((?:(?:[\w\-]+|\([^()]{1,20}\)),?\s+){0,5}?)"
    rf"((?i:{head_alternation('appositive')}))\b(?!-)"
)  # a head joined by a hyphen ("a model-based planning approach") is a modifier
# "the Factual Opinion Editing with Evidence (FOE) benchmark": the short form's bracket between
# a long form and its head; "(FOE) benchmark": the short form itself, closing its bracket
_SHORT_BRACKET = re.compile(r"\s*\([A-Za-z][\w\-+.&]{0,14}\)|\)")
# "two datasets, FH-PS-AoP (fetal head ultrasound) and FUMPE (CT-based ...)": a list whose items
# each carry a bracketed aside; the aside (no name inside it, no nested bracket) goes between
_ASIDE_SEP = re.compile(r"^\s*\([^()]{1,80}\)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_COUNT_BRACKET = re.compile(r"\s*\(\s*[Nn]\s*=\s*\d[\d,]*\s*\)")
_NEW_WORDS = re.compile(r"\b(?:new|novel|first|our)\b")
_INTRO_A_BEFORE = re.compile(
    r"\b[Ww]e\s+(?:also\s+)?(?:introduce|propose|present|define|design|develop|construct|"
    r"build|devise)\s+"
    r"(?:(?:a|an|two|three|new|novel|simple)\s+)+$")
_ON_BEFORE = re.compile(
    r"\b(?:[Oo]n|[Aa]cross)\s+(?:(?:the|both|all|two|three|four|five|six|several|multiple)\s+)?$")
# "evaluated with SPEC 2017", "are evaluated using SeSaMe (...) and CodeSearchNet"
_EVALUATED_WITH = re.compile(
    r"\b(?:evaluated|tested|validated|benchmarked|assessed)\s+(?:using|with|via)\s+(?:the\s+)?$")
EVAL_CONTEXT = re.compile(
    r"\b(?:on|across|evaluat\w*|experiments?|benchmarks?|results?|tested|outperform\w*|"
    r"achiev\w*|score\w*|accuracy|surpass\w*)\b",
    re.IGNORECASE,
)
# EVAL_CONTEXT's words case-sensitive, for an ASCII text in lower case: the same matches at the
# same offsets (on ASCII, ignoring case is lower-casing, which keeps every offset), and about
# half the regex engine's work (ignoring case, it folds every character it compares)
_EVAL_CONTEXT_LOW = re.compile(EVAL_CONTEXT.pattern)


def evaluation_sentence(ctx: Context, s0: int, s1: int) -> bool:
    """Whether text[s0:s1] speaks of evaluation (EVAL_CONTEXT.search(ctx.text, s0, s1))."""
    if ctx.text.isascii():
        return _EVAL_CONTEXT_LOW.search(ctx.low, s0, s1) is not None
    return EVAL_CONTEXT.search(ctx.text, s0, s1) is not None


@cache
def _list_stems() -> tuple[str, ...]:
    """Prefilter stems for a head noun before a list."""
    return tuple(h.word if h.word != "corpus" else "corpora" for h in heads()
                 if "list" in h.contexts)


def _type_list_before(ctx: Context, i: int, htype: str) -> None:
    """Type the names listed before candidate i (joined by commas and "and")."""
    cands, text = ctx.cands, ctx.text
    j = i - 1
    while j >= 0:
        if not _QUOTED_SEP.match(text[cands[j].end:cands[j + 1].start]):
            break
        p = cands[j]
        if not p.strong_type:
            p.type = htype
            p.strong_type = True
        p.conf = max(p.conf, 0.75)
        j -= 1


def _item_sep(gap: str, asides: bool) -> bool:
    """Whether gap joins two items of a list (with asides, an item perhaps followed by a
    bracketed aside)."""
    return bool(LIST_SEP.match(gap) or asides and _ASIDE_SEP.match(gap))


def _counted_list(text: str, lb: re.Match) -> bool:
    """Whether the list after head match lb is counted ("two datasets, A (...) and B (...)",
    "three benchmarks: ...") or opened by a colon: its items may carry asides."""
    if lb.group(0).rstrip().endswith(":"):
        return True
    counts = word_set("list_count_words")
    before = text[max(0, lb.start(1) - 50):lb.start(1)].split()[-4:]
    return any(w.lower() in counts or w.isdigit() for w in before)


def _data_head_after_bracket(text: str, end: int, short: bool) -> re.Match | None:
    """A data or measure head right after the short form's bracket that follows a long form
    (or, for a defined short form, after its closing bracket): "Long Form (LF) dataset", "(LF)
    benchmark", "a Holistic Evaluation (HE) metric"."""
    b = _SHORT_BRACKET.match(text, end, end + 20)
    if b is None or (b.group(0) == ")" and not short):
        return None
    hm = head_after(text[b.end():b.end() + 40])
    if hm is None or head_type(hm.group(1)) not in ("BENCHMARK", "DATASET", "METRIC"):
        return None
    # a plural head is a kind the bracketed name sorts ("Question Answering (QA) benchmarks")
    return hm if hm.group(1).lower() in _singular_heads() else None


@cache
def _singular_heads() -> frozenset[str]:
    """The singular forms of the head nouns."""
    return frozenset(h.word for h in heads())


def _task_words(name: str) -> bool:
    """Whether a name ends in a task head ("speech-to-text translation", "... Answering") or
    names a thing built ("Matlab EQuilibrium toolbox"): no data set of its own."""
    last = re.split(r"[\s\-]+", name.strip())[-1].lower()
    return last in word_set("task_strong_heads") or last in word_set("task_heads") or \
        last in word_set("system_heads")


# "Kanana-1.5 model", "QwenVL-2.5 model", "FLUX.1-dev model", "YOLOv4 model": a dotted or
# "v" version is a release
_DOTTED_VERSION = re.compile(r"\d\.\d|[A-Za-z]v\d")


def _released_model(name: str, ctx: Context) -> bool:
    """Whether a name before "model(s)" is a released model by its shape (a known family, a
    size, a dotted version), not a technique called a model ("the Black-Litterman model")."""
    return type_by_shape(name, ctx.gaz) == "MODEL" or bool(_DOTTED_VERSION.search(name))


def _appositive_type(ctx: Context, c, head: str) -> str:
    """The type an appositive's head gives a name; a name spelled out in three or more words
    said to be "a ... model" is a method ("Graph Neural Network Query Executor (GNN-QE), a
    neural-symbolic model": the gold of ten sets types such names METHOD 30, MODEL 7), unless
    shaped as a release ("... 2", "... v2") or ending in "Model"."""
    htype = head_type(head)
    if htype != "MODEL" or head.lower() not in ("model", "models"):
        return htype
    words = c.name.split()
    if len(words) < 3 or any(ch.isdigit() for ch in c.name) or \
            words[-1].lower() in ("model", "models") or type_by_shape(c.name, ctx.gaz) == "MODEL":
        return htype
    return "METHOD"


def head_nouns(ctx: Context) -> None:
    """Type candidates by the head noun after them, before their list, or in an appositive."""
    text, cands = ctx.text, ctx.cands
    head_pos = positions(text, _list_stems())
    n = len(cands)
    for i, c in enumerate(cands):
        after = text[c.end:c.end + 40]
        hm = head_after(after)
        if hm is None and (cb := _COUNT_BRACKET.match(after)) is not None:
            hm = head_after(text[c.end + cb.end():c.end + cb.end() + 40])
            if hm is not None and head_type(hm.group(1)) not in ("BENCHMARK", "DATASET"):
                hm = None  # "ABIDE(N=579) dataset": a sample count between name and head
        if hm is None and (c.long_form or c.rule == "acronym_definition"
                           or c.rule in _APART_RULES) and c.type not in ("TASK", "METRIC") \
                and not _task_words(ctx.defined.get(c.name, c.name)):
            hm = _data_head_after_bracket(text, c.end, c.rule == "acronym_definition")
        if c.rule == "named_by_head" and c.type in ("BENCHMARK", "DATASET"):
            _type_list_before(ctx, i, c.type)  # "the Habitat, Adroit and Brax environments"
        if hm:
            htype = head_type(hm.group(1))
            if htype in ("BENCHMARK", "DATASET"):
                if not c.strong_type or c.type in ("DATASET", "BENCHMARK"):
                    c.type = htype
                    c.strong_type = True
                c.conf = max(c.conf, 0.75)
                # "our Singlish benchmark": a plain word becomes a name only with its head
                if c.rule == "capitalised_word" or len(c.name) <= 2:
                    c.name = text[c.start:c.end + hm.end()].strip()
                    c.surface = c.name
                    c.end = c.start + len(c.name)
                c.evaluated = htype == "BENCHMARK" or c.evaluated
                _type_list_before(ctx, i, htype)  # "on GSM8K, MathQA, and SVAMP datasets"
            elif htype == "MODEL" and c.rule != "gazetteer" and not c.strong_type:
                if c.rule in ("coined_name", "latex_name", "capitalised_word"):
                    # "the Black-Litterman model", "BiGRU model": a technique called a model
                    c.type = "MODEL" if hm.group(1).lower() not in ("model", "models") or \
                        _released_model(c.name, ctx) else "METHOD"
                    c.conf = max(c.conf, 0.6)
            elif htype == "METHOD" and not c.strong_type:
                c.type = "METHOD"
                c.conf = max(c.conf, 0.6)
            elif htype == "METRIC" and not c.strong_type and c.rule != "gazetteer":
                c.type = "METRIC"  # "a Mismatch Degree metric"
                c.conf = max(c.conf, 0.6)
                if c.start > ctx.title_end and _INTRO_A_BEFORE.search(
                        text, max(0, c.start - 50), c.start):
                    c.intro = True  # "we also introduce a Mismatch Degree metric"
        # "the datasets, SCAN, COGS, and GeoQuery": a head noun before a list
        if not c.strong_type and near(head_pos, c.start - 40, c.start):
            lb = _LIST_HEAD_BEFORE.search(text, max(0, c.start - 40), c.start)
            asides = lb is not None and _counted_list(text, lb)
            if lb and lb.group(0).rstrip().endswith((",", "(")) and not (
                i + 1 < n and _item_sep(text[c.end:cands[i + 1].start], asides)
            ) and not text.startswith(",", c.end):
                lb = None  # "On the Atari benchmarks, SRSCC improves": not a list
            if lb is None and i + 1 < n and LIST_SEP.match(text[c.end:cands[i + 1].start]):
                lb = _PLURAL_HEAD_BEFORE.search(text, max(0, c.start - 40), c.start)
                asides = False
            if lb:
                htype = head_type(lb.group(1))
                c.type, c.strong_type = htype, True
                c.conf = max(c.conf, 0.7)
                j = i + 1
                while j < n and _item_sep(text[cands[j - 1].end:cands[j].start], asides):
                    if not cands[j].strong_type:
                        cands[j].type, cands[j].strong_type = htype, True
                        cands[j].conf = max(cands[j].conf, 0.7)
                    j += 1
        # appositive: "X, a new benchmark ..."
        ap = _APPOSITIVE.match(text, c.end, c.end + 90) if "," in after[:25] else None
        if ap:
            head = ap.group(2)
            if re.search(r",\s*the\b", ap.group(0)) and \
                    head_type(head, "") not in ("DATASET", "BENCHMARK"):
                ap = None  # "X achieves 100% on Y, the first system to ...": the subject's
        if ap:
            head = ap.group(2)
            if not c.strong_type and head_type(head, ""):  # not "a family of ..."
                c.type = _appositive_type(ctx, c, head)
            if c.start > ctx.title_end and _NEW_WORDS.search(ap.group(1)):
                c.intro = True
                c.conf = max(c.conf, 0.7)
            elif c.rule == "capitalised_word" and c.start not in ctx.sent_starts and \
                    not c.name.endswith("ing") and \
                    head_type(head, "") in _NAME_HEAD_TYPES | {"METHOD"}:
                # "with Inquizzitor, an LLM-based assessment agent that ...": a capitalised
                # word the sentence says is a system or data set is a name, new or not (not a
                # gerund: "(1) Profiling, a module that ..." names a step)
                c.conf = max(c.conf, 0.6)


_DATA_HEAD_RIGHT_BEFORE = re.compile(r"\b(dataset|benchmark|corpus)\s+$")
# "benchmark" as a verb: "We benchmark X against ...", "... submissions to benchmark X"
_BENCHMARK_VERB = re.compile(r"\b(?:[Ww]e|to|also|further|then)\s+benchmark\s+$")
_DATA_HEAD_AFTER_WORDS = re.compile(
    r"^\s+((?:[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*\s+){1,3})(dataset|benchmark|corpus)\b")
# "the TRACE and MedCL continual learning benchmarks", "the `DeepMIMO' and `ViWi' ray-tracing
# datasets": a plural head a few lower-case words after the last name of a list types the list
_DATA_HEADS_AFTER_WORDS = re.compile(
    r"^[)'’`\"]?\s+((?:[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*\s+){1,3})(datasets|benchmarks|corpora)\b")


def data_heads_apart(ctx: Context) -> None:
    """A data head noun right before a name ("the WiFi fingerprinting dataset WiSig") or a few
    lower-case words after it ("the open-domain C-CLUE relation extraction dataset") types it."""
    text = ctx.text
    stop = word_set("task_stop")
    for i, c in enumerate(ctx.cands):
        if c.strong_type or c.type in ("METRIC", "TASK") or c.rule not in _APART_RULES:
            continue
        m = _DATA_HEADS_AFTER_WORDS.match(text[c.end:c.end + 60])
        if m is not None and i > 0 and not any(w in stop for w in m.group(1).split()) and \
                _list_before(ctx, i):
            c.type = head_type(m.group(2))
            c.strong_type = True
            c.conf = max(c.conf, 0.7)
            _type_list_before(ctx, i, c.type)
            continue
        m = _DATA_HEAD_RIGHT_BEFORE.search(text, max(0, c.start - 12), c.start)
        if m is not None and _BENCHMARK_VERB.search(text, max(0, c.start - 40), c.start):
            # "We benchmark M3H against six baselines": the verb; X is a system put to the test,
            # a name (as sure as one the head typed) but no benchmark
            c.conf = max(c.conf, 0.7)
            continue
        if m is None:
            m = _DATA_HEAD_AFTER_WORDS.match(text[c.end:c.end + 60])
            if m is not None and (c.rule == "capitalised_word" or any(
                    w in stop for w in m.group(1).split())):
                m = None  # "X on the benchmark": a clause; "a new Leetcode style evaluation
                # dataset": a plain capitalised word modifies the head, it is no name
        if m is not None:
            c.type = head_type(m.group(m.lastindex))
            c.strong_type = True
            c.conf = max(c.conf, 0.7)


_APART_RULES = frozenset({"coined_name", "capitalised_word", "title_case_phrase"})
_QUOTED_SEP = re.compile(r"^[)'’`\"]?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)[(`'‘\"]?$")


def _list_before(ctx: Context, i: int) -> bool:
    """Whether candidate i closes a list of names (joined by commas or "and", each name
    perhaps quoted): "A and B", "`A' and `B'"."""
    return bool(_QUOTED_SEP.match(ctx.text[ctx.cands[i - 1].end:ctx.cands[i].start]))


def known_neighbours(ctx: Context) -> None:
    """Lists around a known dataset, benchmark or measure: "on CIFAR-100, miniImageNet and
    CUB-200", "Dice score, F1-score, mIoU and pixel accuracy"."""
    text, cands = ctx.text, ctx.cands
    for i in range(len(cands) - 1):
        a_, b_ = cands[i], cands[i + 1]
        if not LIST_SEP.match(text[a_.end:b_.start]):
            continue
        for src, dst in ((a_, b_), (b_, a_)):
            if (src.strong_type and src.type in ("DATASET", "BENCHMARK", "METRIC")
                    and not (src.type == "METRIC" and "-" in dst.name)  # SVT-H-B: a model
                    and not dst.strong_type
                    and not dst.type and dst.rule in ("coined_name", "gazetteer_variant")
                    and type_by_shape(dst.name, ctx.gaz) is None):
                dst.type = src.type


_WORD_BEFORE_ON = re.compile(r"(\w+)\s+on\s+(?:the\s+)?$")


def _rests_on(text: str, pos: int) -> bool:
    """Whether "on" before pos follows a word of words/on_not_data.txt ("relies on X")."""
    m = _WORD_BEFORE_ON.search(text, max(0, pos - 30), pos)
    return m is not None and m.group(1).lower() in word_set("on_not_data")


# a listed word ("experiments on Replica, TUM, and ...") is a name for its list's sake
_ON_RULES = frozenset({"coined_name", "listed_word"})


# "on the Wan-2 and LTX-2 models", "on OLMoE's router": what follows the list says it is no data
_AND_OR = re.compile(r"\b(?:and|or)\b|&")
_MODELS_OR_OWNER_AFTER = re.compile(r"(?:\s+(?:models?|LLMs?|backbones?)\b|'s?\s)")


def _models_listed(ctx: Context, i: int) -> bool:
    """Whether the list that opens with candidate i names a model ("on SD-2, SDXL, and Flux":
    a known model or a model's shape among its members, or "models" after it) or ends in a
    possessive ("on X's design")."""
    cands, text = ctx.cands, ctx.text
    j = i
    while j + 1 < len(cands) and LIST_SEP.match(text[cands[j].end:cands[j + 1].start]):
        j += 1
    # "On LCB, CWM 32B wins ...": a comma alone may end an opening phrase, not join a list
    run = cands[i:j + 1] if j == i or _AND_OR.search(text, cands[j - 1].end, cands[j].start) \
        else cands[i:i + 1]
    if any(d.type == "MODEL" or type_by_shape(d.name, ctx.gaz) == "MODEL" for d in run):
        return True
    return bool(_MODELS_OR_OWNER_AFTER.match(text, run[-1].end))


def evaluated_on(ctx: Context) -> None:
    """"evaluated on X, Y and Z", "evaluated using X": untyped coined names after "on" in an
    evaluation sentence or after "evaluated with/using/via", and the rest of their list."""
    text, cands = ctx.text, ctx.cands
    n = len(cands)
    for i, c in enumerate(cands):
        if c.type or c.strong_type or c.rule not in _ON_RULES or c.start <= ctx.title_end:
            continue
        on = _ON_BEFORE.search(text, max(0, c.start - 12), c.start)
        # "evaluated with SPEC 2017, SPOILER-GUARD reduces": a comma may open the clause's
        # subject, which a list consensus would then type as data too
        if not (on or (_EVALUATED_WITH.search(text, max(0, c.start - 40), c.start)
                       and not text.startswith(",", c.end))):
            continue
        # "Experiments on EMDB, RICH, EgoHumans, and EgoExo4D": a first name shaped as data
        # ("EMDB", "X-Bench") keeps its shape's type and types the rest of its list
        shape = type_by_shape(c.name, ctx.gaz)
        if (shape is None or (on and shape in _NAME_HEAD_TYPES)) and \
                not _rests_on(text, c.start) and not _models_listed(ctx, i):
            s0, s1 = ctx.sentence(c.start)
            if evaluation_sentence(ctx, s0, s1):
                c.type = shape or paper_data_type(ctx)
                if not on:
                    continue
                j = i + 1
                while j < n and LIST_SEP.match(text[cands[j - 1].end:cands[j].start]):
                    d = cands[j]
                    if not d.type and not d.strong_type and d.rule in (
                            "coined_name", "title_case_phrase", "capitalised_word") and \
                            type_by_shape(d.name, ctx.gaz) is None:
                        d.type = c.type
                    j += 1


_SPLIT_AFTER = re.compile(
    r"[\s\-]+(?:validation|test|testing|training|train|dev|development|evaluation|held-out)"
    r"\s+(?:set|split|subset|partition)s?\b"
)


_NAME_HEAD_TYPES = frozenset({"DATASET", "BENCHMARK"})


def head_in_name(ctx: Context) -> None:
    """"Waymo Open Motion Dataset", "Long Range Graph Benchmark": a Title Case name whose last
    word is a dataset or benchmark head is of that type."""
    for c in ctx.cands:
        ws = c.name.split()
        if len(ws) < 2 or not ws[-1][:1].isupper() or c.type in _NAME_HEAD_TYPES or \
                (c.strong_type and c.type) or "gazetteer" in c.rule:
            continue
        t = head_type(ws[-1], "")
        if t in _NAME_HEAD_TYPES:
            c.type = t


_MODEL_BEFORE = re.compile(r"\b(?:model|LLM|VLM|MLLM)\s+$")


def model_before(ctx: Context) -> None:
    """"the open-source model Search-R1": a coined name right after a singular model head."""
    text = ctx.text
    for c in ctx.cands:
        if c.type in ("", "METHOD") and not c.strong_type and c.rule == "coined_name" and \
                _MODEL_BEFORE.search(text, max(0, c.start - 12), c.start):
            c.type = "MODEL"


# "the 12B FLUX.1-dev model", "a 7B Foo": a parameter count right before a name
_SIZE_BEFORE = re.compile(r"\b(?:the|a|an|our)\s+\d+(?:\.\d+)?[BM]\s+$")
# "SSDF-Core, a core diagnostic LLM that ...", "POINTS-Long, a native dual-mode MLLM featuring
# ...": an appositive whose noun phrase ends in a language-model word (not "an LLM-based agent",
# "a multi-agent LLM framework": the LLM there qualifies another head)
_LLM_APPOSITIVE = re.compile(
    r"\s*,\s*(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?:LLM|MLLM|SLM|VLM|LMM)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:that|which|with|for|featuring|trained|developed|designed|built|"
    r"capable|tailored|fine-tuned|pre-?trained)\b))")


def sized_models(ctx: Context) -> None:
    """A coined name with a parameter count right before it ("the 12B FLUX.1-dev model") or in
    apposition to an LLM ("SSDF-Core, a core diagnostic LLM that ...") is a MODEL, not the
    METHOD a coined name defaults to."""
    text = ctx.text
    if "LM" not in text and "B " not in text and "M " not in text:
        return
    for c in ctx.cands:
        if c.type not in ("", "METHOD") or c.strong_type or c.stated or \
                c.rule not in ("coined_name", "latex_name"):
            continue
        if _SIZE_BEFORE.search(text, max(0, c.start - 12), c.start) or \
                _LLM_APPOSITIVE.match(text, c.end, c.end + 80):
            c.type = "MODEL"


def split_names(ctx: Context) -> None:
    """"the ImageNet validation set": the fuller surface form is an alias of the dataset (the
    entity keeps the dataset's own name, so every split of it is one node)."""
    text = ctx.text
    for c in ctx.cands:
        if c.type in ("DATASET", "BENCHMARK"):
            m = _SPLIT_AFTER.match(text, c.end, c.end + 40)
            if m:
                c.extra.append(text[c.start:m.end()])


def evaluation_context(ctx: Context) -> None:
    """Mark names in sentences about evaluation (datasets/benchmarks there are evaluated on)."""
    eval_sent: dict[int, bool] = {}
    for c in ctx.cands:
        s0, s1 = ctx.sentence(c.start)
        ev = eval_sent.get(s0)
        if ev is None:
            ev = eval_sent[s0] = evaluation_sentence(ctx, s0, s1)
        if ev:
            c.evaluated = True


# "we introduce WaferLLM, the first wafer-scale LLM inference system", "This paper introduces
# DeBERTa-RAD, a novel two-stage framework": the paper's own name, said to be a method
_INTRO_VERB_BEFORE = re.compile(
    r"\b(?:propose|introduce|present|develop|design|build)s?\s+(?:here\s+)?$", re.IGNORECASE)
# the same for lower-cased ASCII text, as _EVAL_CONTEXT_LOW
_INTRO_VERB_BEFORE_LOW = re.compile(_INTRO_VERB_BEFORE.pattern)
_OWN_METHOD_APPOSITIVE = re.compile(
    r"[}$*`'\"]*\s*(?:\([^()]{1,60}\)\s*)?,\s*(?:a|an|the)\s+(?:(?:[\w\-]+|\([^()]{1,20}\)),?\s+)"
    r"{0,6}?(?:framework|method|approach|system|scheme|strategy|algorithm|technique|paradigm)\b"
    r"(?!-)")


def own_method_appositive(ctx: Context) -> None:
    """The paper's own name after an intro verb, in apposition to a method head ("we introduce
    WaferLLM, the first wafer-scale LLM inference system"), is a METHOD whatever its shape."""
    text = ctx.text
    # the verb is looked for in the lower case of ASCII text (the same offsets)
    verb, where = (_INTRO_VERB_BEFORE_LOW, ctx.low) if text.isascii() else (_INTRO_VERB_BEFORE,
                                                                            text)
    for c in ctx.cands:
        if c.start <= ctx.title_end or c.type not in ("", "MODEL", "METHOD") or \
                c.rule == "gazetteer" or not verb.search(where, max(0, c.start - 30), c.start):
            continue  # (the rare cue first: every test here is free of side effects)
        if type_by_shape(c.name, ctx.gaz) in _NAME_HEAD_TYPES or \
                head_type(ctx.defined.get(c.name, c.name).split()[-1], "") in _NAME_HEAD_TYPES:
            continue  # "VidCapBench", "... Evaluation and Benchmark": named as data
        if _OWN_METHOD_APPOSITIVE.match(text, c.end, c.end + 120):
            c.stated = "METHOD"


# "SeSaMe (1,679 Java methods)", "(IEO, n=41 patients)", "LUIQD-TD, which contains 6,418
# triplets": a count of what a name holds, in its bracket or a clause right after it
_COUNT = r"(?:n\s*=\s*\d|\d[\d,.]*\s*(?:[kKM]|million|billion)?\s+(?:[\w\-]+\s+)?([a-z]{2,}s)\b)"
_COUNT_AFTER = re.compile(
    rf"\s*(?:\(\s*|,\s*(?:which\s+contains?|containing|comprising)\s+(?:over\s+|more\s+than\s+)?)"
    rf"{_COUNT}")
_COUNT_IN_BRACKET = re.compile(rf"\s*[,;]\s*{_COUNT}")
_OPEN_BEFORE = re.compile(r"\(\s*$")
_COUNTED_RULES = frozenset({"coined_name", "capitalised_word", "listed_word", "title_case_phrase",
                            "acronym_definition"})


def counted_data(ctx: Context) -> None:
    """A name followed by a count of the things it holds ("SeSaMe (1,679 Java methods)", "(IEO,
    n=41 patients)", "X, which contains 6,418 triplets") is a data set."""
    text = ctx.text
    ends = {d.end for d in ctx.cands}
    for c in ctx.cands:
        if c.type in ("DATASET", "BENCHMARK", "TASK", "METRIC") or c.strong_type or \
                c.rule not in _COUNTED_RULES or c.start <= ctx.title_end:
            continue
        m = _COUNT_AFTER.match(text, c.end, c.end + 80)
        # "Public AI Memory (PAIM; 81 papers)": a short form after its long form is left to it
        o = _OPEN_BEFORE.search(text, max(0, c.start - 3), c.start)
        if m is None and o is not None and \
                len(text[max(0, o.start() - 5):o.start()].rstrip()) + max(0, o.start() - 5) \
                not in ends:
            m = _COUNT_IN_BRACKET.match(text, c.end, c.end + 80)
        if m is not None and (m.group(1) or "").lower() not in word_set("count_not_data"):
            c.type = "DATASET"
            c.conf = max(c.conf, 0.7)


# "a natural language inference task (MQNLI)", "existing datasets (e.g., ViMo)": a coined name
# alone in the bracket right after a task or data head names the data the task is posed on
_HEAD_BRACKET_BEFORE = re.compile(
    r"\b(tasks?|datasets?|benchmarks?|corpus|corpora)\s*\(\s*(?:(?:e\.g\.|i\.e\.),?\s*)?$")
_CLOSE_AFTER = re.compile(r"\s*\)")


def bracketed_after_head(ctx: Context) -> None:
    """A coined name alone in a bracket after "task" or a data head is a data set or benchmark
    ("a structural vision task (MNIST-PVR)", "existing datasets (e.g., ViMo)")."""
    text = ctx.text
    for c in ctx.cands:
        if c.rule != "coined_name" or c.strong_type or c.type in ("DATASET", "BENCHMARK") or \
                c.name in ctx.defined or c.start <= ctx.title_end:
            continue
        m = _HEAD_BRACKET_BEFORE.search(text, max(0, c.start - 30), c.start)
        if m is None or not _CLOSE_AFTER.match(text, c.end, c.end + 3):
            continue
        head = m.group(1).lower()
        c.type = "BENCHMARK" if head.startswith("task") else head_type(head)
        c.conf = max(c.conf, 0.7)


@cache
def _contest_after() -> re.Pattern:
    """A contest noun right after a name, a year or a short form's bracket between."""
    alt = alternation(word_set("contest_heads"))
    return re.compile(
        rf"(?:\s*\([A-Za-z][\w\-+.&]{{0,14}}\))?(?:\s+(?:19|20)\d\d)?\s+(?i:{alt})\b(?!-)")


def _contest_end(name: str) -> bool:
    """Whether a name ends in a contest noun ("ICDAR 2025 Competition", "DISRPT Shared Task")."""
    low = name.lower()
    return any(low.endswith(" " + w) or low.endswith("-" + w) for w in word_set("contest_heads"))


def contests(ctx: Context) -> None:
    """A name ending in a contest noun or written right before one ("the ICDAR 2025
    Competition", "the MMU-RAG competition at NeurIPS", "the Restore Any Image Model (RAIM)
    Challenge", "AI Cyber Challenge (AIxCC)") is a BENCHMARK, whatever a rule guessed."""
    text = ctx.text
    low = ctx.low
    if "challenge" not in low and "competition" not in low and "shared task" not in low and \
            "olympiad" not in low:
        return
    for c in ctx.cands:
        if c.type in _NAME_HEAD_TYPES or c.rule == "gazetteer" or c.name.islower():
            continue
        if _contest_end(c.name) or _contest_end(ctx.defined.get(c.name, "")) or (
                _contest_after().match(text, c.end, c.end + 40)
                and not _task_words(ctx.defined.get(c.name, c.name))):
            c.type = "BENCHMARK"  # (only typed: "Audio Deepfake Detection Challenge" is the task's
            c.strong_type = True  # contest, the task itself stays a TASK)


STAGES = [(65, head_nouns), (65.2, own_method_appositive), (65.5, data_heads_apart),
          (66, known_neighbours), (67, evaluated_on), (67.5, head_in_name), (67.6, model_before),
          (67.65, sized_models), (67.66, contests), (67.7, counted_data),
          (67.8, bracketed_after_head), (68, split_names),
          (110, evaluation_context)]
