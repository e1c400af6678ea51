"""What every rule family shares: the candidate record, the per-paper context, word lists."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from paperkg.core.text import fold, sentence_of
from paperkg.extractors.canonical import canonical_key
from paperkg.extractors.words import (  # noqa: F401 - re-exported for the families
    Head,
    head_alternation,
    head_forms,
    head_type,
    heads,
    word_set,
    word_union,
    words,
)

if TYPE_CHECKING:  # the gazetteer component (only its lists are read here)
    from paperkg.extractors.components import Gazetteer

class Cand:
    """One candidate mention before merging."""

    __slots__ = ("start", "end", "surface", "name", "type", "conf", "rule", "intro", "alias",
                 "evaluated", "strong_type", "long_form", "gaz_canon", "extra", "org", "stated")

    def __init__(self, start, end, surface, name, type_, conf, rule):
        self.start, self.end, self.surface, self.name = start, end, surface, name
        self.type, self.conf, self.rule = type_, conf, rule
        self.intro = False
        self.alias: str | None = None  # an acronym this long form defines
        self.evaluated = False
        self.strong_type = False
        self.long_form = False
        self.gaz_canon: str | None = None
        self.extra: list[str] = []
        self.org = False  # an organisation, project or licence (dropped with its group)
        self.stated = ""  # a type the text states ("X is an important task"): wins at merging

    def __repr__(self) -> str:
        return f"Cand({self.name!r}, {self.type or '?'}, {self.rule}, {self.start}-{self.end})"


@dataclass
class Context:
    """Everything the rule families read and write for one paper's text."""

    text: str
    sents: list[int]
    gaz_hits: list
    urls: list
    gaz: Gazetteer | None
    title_end: int = 0
    cands: list[Cand] = field(default_factory=list)
    defined: dict[str, str] = field(default_factory=dict)  # acronym -> long form
    generic_acr: set[str] = field(default_factory=set)  # acronyms of generic long forms
    title_intro_keys: set[str] = field(default_factory=set)
    gaz_spans: list[tuple[int, int]] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        end = self.text.find("\n")
        self.title_end = len(self.text) if end < 0 else end
        self.sent_starts = set(self.sents)
        self.blocked = sorted((a, b) for a, b, _ in self.urls)
        self.blocked_starts = [a for a, _ in self.blocked]
        self._gaz_starts: list[int] = []

    @property
    def generic(self) -> set | frozenset:
        """Folded generic terms (never entities)."""
        return self.gaz.generic if self.gaz is not None else frozenset()

    @property
    def not_names(self) -> set | frozenset:
        """Capitalised words that are not names."""
        return self.gaz.not_names if self.gaz is not None else frozenset()

    @property
    def orgs(self) -> set | frozenset:
        """Folded organisation names."""
        return self.gaz.orgs if self.gaz is not None else frozenset()

    def in_url(self, pos: int) -> bool:
        """Whether offset pos lies inside a URL."""
        i = bisect_right(self.blocked_starts, pos) - 1
        return i >= 0 and self.blocked[i][0] <= pos < self.blocked[i][1]

    def set_gazetteer_spans(self) -> None:
        """Remember the spans of the gazetteer candidates found so far (for covered())."""
        self.gaz_spans = sorted((c.start, c.end) for c in self.cands)
        self._gaz_starts = [x for x, _ in self.gaz_spans]

    def covered(self, a: int, b: int) -> bool:
        """Whether text[a:b] lies inside a gazetteer hit."""
        i = bisect_right(self._gaz_starts, a) - 1
        return i >= 0 and self.gaz_spans[i][0] <= a and b <= self.gaz_spans[i][1]

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding offset pos."""
        return sentence_of(self.text, self.sents, pos)

    def is_generic(self, phrase: str) -> bool:
        """Whether a phrase is a generic term (folded)."""
        return fold(phrase) in self.generic

    @cached_property
    def low(self) -> str:
        """The text in lower case, made once for the families that read it."""
        return self.text.lower()


def extend_known(ctx: Context, etype: str, modifier: re.Pattern, window: int, rule: str,
                 refuse: str = "", keep_known: bool = False) -> None:
    """Extend each known (gazetteer) name of a type to a modifier ending right before it; with
    keep_known, the known name as written stays an alias of the longer one where the text
    never writes it alone ("a hierarchical Transformer" and no bare "Transformer")."""
    text = ctx.text
    extended: list[tuple[Cand, str]] = []
    for c in ctx.cands:
        if c.type != etype or c.rule != "gazetteer":
            continue
        m = modifier.search(text, max(0, c.start - window), c.start)
        if m is None or (m.start() > 0 and text[m.start() - 1] in refuse):
            continue
        extended.append((c, c.surface))
        c.start = m.start()
        c.surface = c.name = text[c.start:c.end]
        c.gaz_canon = None  # a longer name than the known one
        c.rule = rule
    if not extended:
        return
    ctx.set_gazetteer_spans()
    if keep_known:
        alone = {fold(c.name) for c in ctx.cands if c.rule == "gazetteer"}
        for c, known in extended:
            if fold(known) not in alone and known not in c.extra:
                c.extra.append(known)


def evidence(text: str, starts: list[int], a: int, b: int, limit: int = 400) -> str:
    """The sentence around text[a:b], clipped to about limit characters around the mention."""
    s0, s1 = sentence_of(text, starts, a)
    if s1 - s0 > limit:
        s0 = max(s0, a - limit // 2)
        s1 = min(s1, max(b, a) + limit // 2)
    return text[s0:s1].strip()


def drop_whole_names(ctx: Context, rule: str, every: Callable[[Cand], bool], *,
                     names: set[str] | None = None, spare_intro: bool = True) -> None:
    """Drop every candidate of a name (of names, if given) when all its candidates come from
    `rule` alone (no gazetteer, long form, alias or stated type; none introduced, with
    spare_intro) and `every` holds for each: the shape rule's name is, everywhere, no name."""
    groups: dict[str, list[Cand]] = {}
    for c in ctx.cands:
        if names is None or c.name in names:
            groups.setdefault(c.name, []).append(c)
    gone: set[int] = set()
    for group in groups.values():
        if any(c.rule != rule or c.gaz_canon or c.long_form or c.alias or c.stated
               or (spare_intro and c.intro) for c in group):
            continue
        if all(every(c) for c in group):
            gone.update(id(c) for c in group)
    if gone:
        ctx.cands[:] = [c for c in ctx.cands if id(c) not in gone]


def near(positions: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of offsets has one in [lo, hi)."""
    k = bisect_right(positions, hi - 1) - 1
    return k >= 0 and positions[k] >= lo


# first characters common in abstracts: a prefix opening with one is found by str.find; re's
# literal search scans for the first character before comparing, which is faster only where
# that character is rare ("we ", "We ", "A ", "\\emph{")
_COMMON_FIRST = frozenset(" etaoinsrhldcumfpgy")
_SEARCHES: dict[tuple[str, ...], tuple] = {}


def _stem_searches(stems: tuple[str, ...]) -> tuple:
    """How positions() searches stems: (prefix, re search or None, stems or None) per group of
    stems that share their first three characters, prefix being the group's longest common
    prefix (stems None: the group is one stem, the prefix itself)."""
    plan = _SEARCHES.get(stems)
    if plan is None:
        if len(_SEARCHES) > 1000:  # the callers' stems are constants; a bound all the same
            _SEARCHES.clear()
        groups: dict[str, list[str]] = {}
        for stem in stems:
            groups.setdefault(stem[:3], []).append(stem)
        plan = []
        for group in groups.values():
            prefix = group[0]
            for stem in group[1:]:
                n = 0
                while n < min(len(prefix), len(stem)) and prefix[n] == stem[n]:
                    n += 1
                prefix = prefix[:n]
            rx = re.compile(re.escape(prefix)).search \
                if len(prefix) > 1 and prefix[0] not in _COMMON_FIRST else None
            plan.append((prefix, rx, None if group == [prefix] else tuple(group)))
        plan = _SEARCHES[stems] = tuple(plan)
    return plan


def positions(text: str, stems) -> list[int]:
    """Sorted offsets of every occurrence of each stem in text (an offset twice where two
    stems occur there). Stems that share a prefix are found by finding the prefix once and
    testing each stem where it occurs."""
    out = []
    for prefix, rx, group in _stem_searches(stems if type(stems) is tuple else tuple(stems)):
        if rx is None:
            i = text.find(prefix)
            if group is None:
                while i >= 0:
                    out.append(i)
                    i = text.find(prefix, i + 1)
                continue
            while i >= 0:
                for stem in group:
                    if text.startswith(stem, i):
                        out.append(i)
                i = text.find(prefix, i + 1)
            continue
        m = rx(text)
        while m is not None:
            i = m.start()
            if group is None:
                out.append(i)
            else:
                for stem in group:
                    if text.startswith(stem, i):
                        out.append(i)
            m = rx(text, i + 1)
    out.sort()
    return out


# "A, B and C": what may stand between two names of one list.
LIST_SEP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
# a citation in a sentence ("et al.", "[12]", "(2020)"): what it names is somebody else's
CITED = re.compile(r"et al\b|\[\d|\(\s*(?:19|20)\d\d\s*\)|\b(?:19|20)\d\d\)")

_NUMBERISH = re.compile(
    r"^(?:\d+(?:[.,]\d+)*(?:[kKmMbBtTxX%]|st|nd|rd|th|D|d|s)?|[IVX]+|\d+[A-Za-z]?-\w+)$"
)


def _part_coined(part: str) -> bool:
    """Whether one hyphen-free part of a word is coined (inner capitals, letters with digits)."""
    core = part.replace("'", "").replace(".", "").rstrip("+")
    if len(core) < 2:
        return False
    if any(c.isupper() for c in core[1:]):
        return True
    return any(c.isdigit() for c in core) and any(c.isalpha() for c in core)


# an acronym led by a digit (3DGS, 3DSSG), not a quantity with a unit (6GB, 4GHz, 3GPP)
_DIGIT_ACRONYM = re.compile(r"^\d[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")
_UNIT = re.compile(r"^\d(?:[KMGTP]i?B|[KMGT]Hz|GPP|FPS|MP)")
# a dimension joined to a word ("3D-LLM", "2D-PRQ", "1D-CNN", "3D-Front"): the word after it
# decides the kind ("3D-aware" stays lower; "2D-to-3D", "3D-2D" stay numbers; so does a
# two-letter acronym, a kind of thing: "3D-IC", "3D-CT", "3D-US")
_DIMENSION_JOINED = re.compile(r"^[1-4]D-(?!to-)(?![A-Z]{2}(?:s|$))[A-Za-z]")

_KIND_CACHE: dict[tuple[str, int], str] = {}


def word_kind(word: str, generic: set | frozenset = frozenset()) -> str:
    """'coined', 'plain' (Capitalised), 'number' or 'lower' for one word of a run (cached)."""
    key = (word, id(generic))
    kind = _KIND_CACHE.get(key)
    if kind is None:
        if len(_KIND_CACHE) > 500_000:
            _KIND_CACHE.clear()
        kind = _KIND_CACHE[key] = _word_kind_uncached(word, generic)
    return kind


# a system cast in a role ("LLM-as-a-Judge", "Agent-as-a-Judge", "LLM-as-Reviewer",
# "code-as-WM"): one name, though its first part alone is generic
_AS_ROLE = re.compile(
    r"^(?:[A-Za-z]*[A-Z][A-Za-z]*-as-(?:an?-)?[A-Za-z]\w+(?:-[A-Za-z]\w*)*"
    r"|[a-z]+-as-(?:an?-)?[A-Z]{2,}\w*)$")
_PLUS_PART = re.compile(r"^[A-Za-z][\w\-.]*$")


def _plus_joined(word: str, generic) -> bool:
    """Whether a word is two or more systems joined by "+" ("HOG+SVM", "FMCIB+XGBoost",
    "GD+momentum", "Extract+Think"): parts of two characters or more, the first coined or all
    capitalised, not all generic ("VLM+LLM"), no year ("Korotin+2020"), no single letter
    ("Clifford+T", "RGB+D")."""
    parts = word.split("+")
    if len(parts) > 4 or not all(len(p) >= 2 and _PLUS_PART.match(p) for p in parts):
        return False
    if not (_part_coined(parts[0].split("-")[0]) or _part_coined(parts[0].split("-")[-1])
            or all(p[0].isupper() for p in parts)):
        return False
    return not all(p.lower() in generic or p.rstrip("s").lower() in generic for p in parts)


def _word_kind_uncached(word: str, generic) -> str:
    """word_kind without the cache."""
    if _DIGIT_ACRONYM.match(word) and not _UNIT.search(word):
        return "coined"  # 3DGS, 2DGS, 3DSSG: an acronym led by a digit
    if _DIMENSION_JOINED.match(word):
        kind = _word_kind_uncached(word[3:], generic)
        if kind in ("coined", "plain"):
            return kind  # "3D-LLM" is coined, "3D-Front" a capitalised word
    if not word or word[0].isdigit() or _NUMBERISH.match(word):
        return "number"
    if "+" in word.rstrip("+"):
        return "coined" if _plus_joined(word, generic) else "lower"
    if "-as-" in word and _AS_ROLE.match(word):
        return "coined"  # LLM-as-a-Judge, Agent-as-a-Judge, MLLM-as-Judge, code-as-WM
    parts = [p for p in word.split("-") if p]
    if not parts:
        return "lower"
    coined = [p for p in parts if _part_coined(p)]
    if coined:
        if len(parts) > 1 and all(p.lower() in generic or p.rstrip("s").lower() in generic
                                  for p in coined) and len(coined) < len(parts) and \
                not _BENCH_SHAPE.search(word):
            return "plain"  # LLM-Generated (but RM-Bench, LLM-Eval are names)
        return "coined"
    if len(parts) > 1 and any(len(p) == 1 and p.isupper() for p in parts[1:]):
        return "coined"  # KTO-S style suffix
    if len(parts) > 1 and parts[0][0].isupper() and any(p[0].isdigit() for p in parts[1:]):
        return "coined"  # a name with a version: Gemini-2.0-Flash, Llama-3
    if len(parts) == 3 and parts[1] == "then" and parts[0][0].isupper() and parts[0][1:].islower():
        return "coined"  # a coined order of two steps: Predict-then-Explain, Reflect-then-Plan
    if word[0].isupper():
        return "plain"
    return "lower"


def family_phrase(phrase: str) -> bool:
    """Whether every word of a phrase is a family word (so it names no single thing)."""
    ws = phrase.lower().replace("-", " ").split()  # the words' hyphen-joined parts
    return len(ws) >= 2 and word_set("family_words").issuperset(ws)


_BENCH_SHAPE = re.compile(
    r"(?:Bench|bench|BENCH|Eval|EVAL|Arena|Leaderboard|Challenge|Gym)(?:[-+\s]|$)|-E(?:[-+]|$)"
)
_DATA_SHAPE = re.compile(r"(?:QA|Set|Corpus|Data|DB|-\d+[KkMm]|\d+[KkMm])$")
# a hyphen-joined count of millions ends a data set's name ("LAION-400M", "PubTables-1M",
# "WebVid-10M"; the gold types 22 names ending so DATASET, 3 BENCHMARK, 1 MODEL), unless a known
# model family opens it ("Pythia-70M", "SmolLM2-135M", "Qwen2.5-1M"), a size in billions is in it
# or a version number comes right before it ("PromptGuard-2-86M": a release and its size); a
# count of three digits or more not ending in 00 is a model's size ("AC-ODM-410M", "OPT-125M")
_COUNT_END = re.compile(r"(?<![\d.])-(?:\d{1,2}(?:\.\d+)?|\d+00)M$")
_VERSION_COUNT = re.compile(r"[\-\s]v?\d+(?:\.\d+)?-\d+(?:\.\d+)?M$")
_BILLIONS = re.compile(r"\d(?:\.\d+)?[Bb]\b")
# (a name ending in "LLM" is no model by shape: "DEXTER-LLM", "WaferLLM", "GraphLLM" are systems
# built on one; the gold types 14 such names METHOD and 4 MODEL)
_MODEL_SUFFIX = re.compile(
    r"(?:-|\s)(?:Instruct|Chat|Base|it|Coder|Turbo|mini|Sonnet|Opus|Haiku|Pro|Flash|Ultra|"
    r"Large|Small|XL|Medium)\b|\d+(?:\.\d+)?[BM]\b|^GPT|-LM$|LM\d|Coder\d?$|GPT\d?$"
    # a lower-case tier or size joined to the name: "GTE-multilingual-base", "e5-large-v2",
    # "WavLM-large", "qwen3.6-27b", "MedGemma-4b-it", "Llama2 13b"
    r"|-(?:base|large|small|medium|tiny|xl)(?:-|$)|[-\s]\d+(?:\.\d+)?b(?:-|$)"
)
# a coined word that ends in a model family's name ("SciBERT", "XLM-RoBERTa", "MedGemma")
_FAMILY_SUFFIX = re.compile(r"^[\w\-]*[A-Za-z\-](?:BERT|RoBERTa|Gemma|LLaMA|Llama|T5)$")
# a family's size letter: "ViT-L", "ViT-B/16", "ViT-Ti" ("ROUGE-L" is no family's)
_SIZE_LETTER = re.compile(r"^(\w+)-(?:Ti|S|B|L|H|g)(?:/\d+)?$")
_NAME_VERSION = re.compile(r"[A-Z][\w\-]*[a-z][\w\-]* \d{1,2}(?:\.\d)?$")


_X_TO_Y = re.compile(
    r"^(?:[A-Z][A-Za-z]*-to-[A-Za-z0-9]+(?:\s+[A-Z][a-z]+)?|[A-Z]{1,3}2[A-Z]{1,3})$"
)


_LAST_PART = re.compile(r"[\s\-]")
_RANK_K = re.compile(r"^(?:Rank-\d{1,3}|F(?:[2-9]|10|0\.5))$")
_PROBLEM_WORDS = frozenset({"Problem", "Problems", "problem", "problems"})
_SCORE_SUFFIX = re.compile(r"^[A-Z][A-Za-z0-9]*[a-zA-Z0-9]Score$")
# an IoU cut-off after a measure's acronym ("mAP50", "AP50-95")
_CUT_OFF = re.compile(r"\d{2}(?:-\d{2})?$")
_MEASURE_PREFIXES = ("PA-", "m", "c")  # mean, class-wise, Procrustes-aligned: "mF1", "cIoU"


_SHAPE_CACHE_MAX = 200_000
_NO_GAZ_SHAPES: dict[str, str | None] = {}


def type_by_shape(name: str, gaz: Gazetteer | None) -> str | None:
    """Type suggested by the form of a name alone, if any (cached per gazetteer: the same
    names come back in every stage that types a candidate)."""
    cache = _NO_GAZ_SHAPES if gaz is None else gaz.shape_cache
    try:
        return cache[name]
    except KeyError:
        pass
    if len(cache) > _SHAPE_CACHE_MAX:
        cache.clear()
    found = cache[name] = _type_by_shape(name, gaz)
    return found


def _type_by_shape(name: str, gaz: Gazetteer | None) -> str | None:
    """type_by_shape without the cache."""
    if _X_TO_Y.match(name):
        return "TASK"  # "Text-to-SQL", "Speech-to-Text Translation", "T2V": a mapping to learn
    if _BENCH_SHAPE.search(name):
        return "BENCHMARK"
    if gaz is not None and _COUNT_END.search(name) and not _BILLIONS.search(name) and \
            not _VERSION_COUNT.search(name) and gaz.family_re.match(name) is None:
        return "DATASET"  # "LAION-400M", "MovieLens-1M": a count of items, not "Pythia-70M"
    if _MODEL_SUFFIX.search(name):
        return "MODEL"
    if gaz is not None and (gaz.family_re.match(name) or name in gaz.family_set):
        return "MODEL"  # "DeepSeek-V3", and a family named alone ("DeepSeek", "LLaMA")
    t = _SIZE_LETTER.match(name)
    if t is not None and gaz is not None and t.group(1) in gaz.family_set:
        return "MODEL"  # "ViT-L", "ViT-B/16": a family's size letter
    if _FAMILY_SUFFIX.search(name):
        return "MODEL"  # "BanglaBERT", "mBERT", "MedGemma", "CodeT5": a model of a family
    if _DATA_SHAPE.search(name):
        return "DATASET"
    if _NAME_VERSION.match(name):
        return "MODEL"
    if (" " in name or "-" in name) and name[0].isupper() and _LAST_PART.split(name)[-1].lower() \
            in word_union("metric_heads", "metric_name_heads"):
        return "METRIC"  # "Chamfer Distance", "Word Error Rate", "Ladder-Score", "EASI-Index"
    if _SCORE_SUFFIX.search(name):
        return "METRIC"  # "PoseScore", "GPTScore": a score named in one word
    if gaz is not None and _measure_variant(name, gaz):
        return "METRIC"  # "mF1", "cIoU", "PA-MPJPE", "mAP50-95": a known measure, marked
    if _RANK_K.match(name):
        return "METRIC"  # "Rank-1", "Rank-10", "F2", "F10": a measure at a cut-off or weight
    if " " in name and name[0].isupper() and name.rsplit(None, 1)[-1] in _PROBLEM_WORDS:
        return "TASK"  # "Vehicle Routing Problems", "Math Word Problem": a problem to solve
    return None


def _measure_variant(name: str, gaz: Gazetteer) -> bool:
    """Whether name is a known measure's acronym with a mean/class prefix or a cut-off suffix
    ("mF1", "cIoU", "PA-MPJPE", "mAP50-95")."""
    cut = _CUT_OFF.search(name)
    stem = name[:cut.start()] if cut else name
    cores = [stem] if cut else []
    cores += [stem[len(p):] for p in _MEASURE_PREFIXES
              if stem.startswith(p) and len(stem) > len(p) + 1 and stem[len(p)].isupper()]
    return any(gaz.canonical.get(canonical_key(c), ("",))[0] == "METRIC" for c in cores)


# "X benchmark", "X models": a head noun right after a name.
HEAD_AFTER = re.compile(rf"^[\s\-]*({head_alternation('after')})\b", re.IGNORECASE)
# HEAD_AFTER for lower-cased ASCII text: its literals are lower case, so there it matches where
# HEAD_AFTER matches the text as written, at the same offsets, without folding every character
# it compares (ignoring case, the regex engine lower-cases each one)
_HEAD_AFTER_LOW = re.compile(HEAD_AFTER.pattern)


def head_after(window: str) -> re.Match | None:
    """HEAD_AFTER.match(window); an ASCII window is matched in lower case (the same spans: read
    the head word through head_type or lower-cased)."""
    if window.isascii():
        return _HEAD_AFTER_LOW.match(window.lower())
    return HEAD_AFTER.match(window)
