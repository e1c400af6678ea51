"""Benchmark attachment: the data set a value is measured on (in its sentence, before it, the
paper's only or introduced benchmark)."""

from __future__ import annotations

import re
from bisect import bisect_right

from paperkg.extractors.result_names import (
    BENCH_TYPES,
    THIS_PAPER,
)
from paperkg.extractors.results import systems
from paperkg.extractors.results.cues import _find_all
from paperkg.extractors.results.systems import (
    _ACTS,
    _CLAUSE,
    _ON_BEFORE,
    _TITLE_NAME,
)
from paperkg.extractors.results.trace import _tag
from paperkg.extractors.results.values import PHYS

# a value with no benchmark in its clause takes the sentence's only one ("Using the X dataset,
# our approach yields ... 0.69"), not the nearest of several named in other clauses (train
# results-full 0.649 -> 0.662 on half a, 0.667 -> 0.673 on half b)
BENCH_ONE_IN_SENTENCE = True
FAR_EVAL = True
BENCH_SENTENCE = True
BENCH_LIST_NONE = True
# (SLASH_SHARED: not a value joined to this one by a slash, "60.60%/80.12% mAP50:95/mAP50 on
# HCCB": both are on the name after them)
SLASH_SHARED = True


def after_block() -> re.Pattern:
    """What stops a value taking the name after it: a comma, "and", another value."""
    return re.compile(r"[;,]|" + (r"(?<![\d./])(?<!/\s)\d+(?:\.\d+)?\s*\\?%"
                                  if SLASH_SHARED else r"\d\s*%") + r"|\band\b")


_AFTER_BLOCK = after_block()
# "0.8568 mIoU and 96.87% overall accuracy on X", "55.28% mIoU with 99.37% accuracy on X":
# values joined without a comma share the benchmark named after the last of them.
_SHARED_AFTER = re.compile(r"\s*(?:[\w\-@]+\s+){0,3}?(?:and|with)\s+\d+(?:\.\d+)?\s?%?\s+"
                           r"(?:[\w\-@]+\s+){0,3}?(?:on|over|in|for)\s+(?:the\s+)?")
BENCH_AFTER_SHARED = True
_BENCH_AND = re.compile(r"\s*(?:,|and|&)\s*")
_ON_NAME = re.compile(r"\s+(?:on|in)\s+(?:the\s+)?")  # "0.8146 on MuSiQue": a score there


_DATA_NOUN = r"(?:dataset|data\s+set|benchmark|test\s+set|corpus|cohort|split)"
_DATA_BEFORE = re.compile(rf"\b{_DATA_NOUN}s?\s*(?:\(\s*)?$", re.I)
_DATA_NAMED_AFTER = re.compile(rf"(?:\s+[\w\-]+){{0,3}}?\s+{_DATA_NOUN}\b(?!s)", re.I)


_DATA_WORDS = ("data", "bench", "test", "corpus", "cohort", "split")
# a name the text calls data after "on/with/using the" that no entity holds ("evaluated on the
# public Kermany pneumonia test set", "Evaluation on the Waymo open trajectory dataset"): a
# capitalised first word, up to four more words, then the data noun. The word boundary before
# "on/with/using" is tested after their first letter ("o(?<!\w.)n": no word character before
# the "o"), so that each alternative opens with a letter and the search skips to an "o", "w"
# or "u" instead of trying every offset of the text (half the search's time)
_DATA_PHRASE = re.compile(
    r"(?:o(?<!\w.)n|w(?<!\w.)ith|u(?<!\w.)sing)\s+the\s+"
    r"(?:(?:public|publicly\s+available|open|real-world|large-scale|widely\s+used|standard)\s+)?"
    r"((?:[A-Z][\w\-+./]*|\d[\w\-+./]*)(?:\s+(?!(?:and|or|of|for|with|on|in|to|the)\b)"
    r"[\w\-+./]+){0,4}?)(\s+\([A-Za-z0-9\-]{2,10}\))?\s+"
    r"(dataset|data\s+set|test\s+set|benchmark|corpus)\b(?!s)")


def _data_phrases(text: str, mentions: list) -> list:
    """DATASET mentions for _DATA_PHRASE names no entity overlaps: named without the data noun
    when every word is capitalised ("the VCTK+DEMAND dataset", "the Multi-Session Chat (MSC)
    dataset"), else as written with it ("the Waymo open trajectory dataset")."""
    out = []
    for m in _DATA_PHRASE.finditer(text):
        a, b = m.start(1), m.end(3)
        if any(x[0] < b and a < x[1] for x in mentions):
            continue
        words = m.group(1).split()
        proper = all(w[:1].isupper() or w[:1].isdigit() for w in words)
        name = m.group(1) if proper or m.group(2) else text[a:b]
        out.append((a, a + len(name), name, "DATASET", "used"))
    return sorted([*mentions, *out]) if out else mentions


def _as_data(text: str, mentions: list) -> list:
    """Mentions the text itself calls data ("the dataset WiSig", "test cohort (IEO, ...",
    "the C-CLUE relation extraction dataset") retyped DATASET, whatever the entity rules said."""
    low = text.lower()
    words = sorted(i for w in _DATA_WORDS for i in _find_all(low, w))
    if not words:
        return mentions

    def near(lo: int, hi: int) -> bool:
        k = bisect_right(words, lo - 1)
        return k < len(words) and words[k] < hi

    out = []
    for a, b, name, typ, role in mentions:
        if typ not in BENCH_TYPES and typ != "METRIC" and not (  # a task is not data: "the
                NO_TASK_DATA and typ == "TASK") and (  # Argoverse trajectory prediction dataset"
                (near(a - 30, a) and _DATA_BEFORE.search(text, max(0, a - 30), a)) or
                (near(b, b + 60) and _DATA_NAMED_AFTER.match(text, b))):
            typ = "DATASET"
        out.append((a, b, name, typ, role))
    return out


def _title_benchmark(ents: list[dict], title: str) -> str | None:
    """The benchmark or dataset a data paper's title leads with ("SWE-Bench ProMax: ..."), else
    the one its title names."""
    names = {e["name"] for e in ents if e["type"] in BENCH_TYPES and
             any(mm[1] < len(title) for mm in e.get("mentions", []))}
    lead = _TITLE_NAME.match(title)
    if lead and lead.group(1).strip() in names:
        return lead.group(1).strip()
    return names.pop() if len(names) == 1 else None


def introduced_benchmark(ents: list[dict]) -> str | None:
    """The one benchmark or dataset the paper introduces (None when it introduces 0 or 2+, or
    when only the role judge made that one introduced: "40 new Space2Event and Event2Space
    queries")."""
    mine = [e for e in ents if e.get("role") == "introduced" and e["type"] in BENCH_TYPES]
    judged = systems.JUDGED_OWN and len(mine) == 1 and mine[0].get("judged")
    return mine[0]["name"] if len(mine) == 1 and not judged else None


_EVAL_ON = re.compile(r"(?<!based\s)(?<!built\s)\b(?:on|across)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$",
                      re.I)
_MODEL_AFTER = re.compile(r"\W{0,3}(?:[\w\-]+\s+)?(?:backbones?|models?|networks?|"
                          r"architectures?|encoders?|simulators?)\b", re.I)
_DATA_NAMED = re.compile(r"\W{0,3}(?:[\w\-]+\s+){0,2}(?:dataset|benchmark|corpus|data\s+set|"
                         r"test\s+set|challenge)\b", re.I)


# the value's sentence names its own setting, data no entity holds ("On Middlebury 2014, ...",
# "on the Burgers' equation dataset", "on commonsense benchmarks", "in real-world data"; not a
# split, "on validation data", nor a name an entity holds, "built on Llama-3")
_OWN_SETTING = re.compile(
    r"\b(?:[Oo]n|in|across)\s+(?:(?:the|our|a|an)\s+)?(?!(?:the|our|a|an|validation|test|"
    r"testing|dev|development|held-out|evaluation|training)\b)(?:(?P<name>[A-Z][\w\-+.']*)|"
    r"(?:[\w\-']+\s+){0,3}(?:datasets?|data|benchmarks?|corpus|corpora|test\s+sets?)"
    r"(?![\w\-])(?!\s+[a-z]))")


def _own_setting(text: str, mentions, s0: int, s1: int) -> bool:
    """Whether text[s0:s1] names data of its own no entity holds, after on/in/across."""
    for m in _OWN_SETTING.finditer(text, s0, s1):
        if not m.group("name") or not any(a <= m.start("name") < b for a, b, *_ in mentions):
            return True
    return False


def _only_benchmark(text: str, mentions, own: str | None) -> str | None:
    """The one benchmark or dataset a paper names anywhere, when the text evaluates on it
    ("on X", "the X dataset") somewhere (None when it names 0 or 2+)."""
    names = {name for _a, _b, name, typ, _ in mentions if typ in BENCH_TYPES and name != own}
    if len(names) != 1:
        return None
    name = names.pop()
    if any(x[2] == name and (_EVAL_ON.search(text, max(0, x[0] - 30), x[0]) and
                             not _MODEL_AFTER.match(text, x[1]) or
                             _DATA_NAMED.match(text, x[1])) for x in mentions):
        return name
    if DATA_NAME and _DATA_HEAD.search(name) and not _ARTICLE.match(name):
        return name  # "The Depression Professional Dataset has been collected from Kaggle"
    return None


COST_NOT_BORROWED = True
# a value that states a running cost ("the total computation cost decreases by 38%", "runs in a
# mean 157 s", "a speed of 49 FPS") takes no benchmark from the sentence before that evaluates on
# one: the gold gives it none (29 tuning sets: 9 such values, none with the gold's benchmark)
_COST_MEASURE = re.compile(r"(?:costs?|usage|consumption|latency|memory|time|runtime|speed|"
                           r"frequency|throughput|FLOPs|footprint|overhead|energy|power|FPS|"
                           r"fps|frames per second|real-time factor|parameters|area)$", re.I)
_COST_UNITS = frozenset({"s", "ms", "seconds", "milliseconds", "minutes", "hours", "FPS", "fps"})


def states_cost(metric: str | None, unit: str) -> bool:
    """Whether a value with this metric and unit states a running cost (False, switch off)."""
    return COST_NOT_BORROWED and bool(
        metric and _COST_MEASURE.search(metric.strip()) or unit in _COST_UNITS or
        PHYS.fullmatch(unit))


ONE_BENCH_BEFORE = True
# the paper's one benchmark, and the benchmark it introduces, are a value's only when the text
# has named them by the end of the value's sentence: a value stated before the data's name is
# written ("achieves an accuracy of 45.71% ... on the test dataset", the data named in a later
# sentence as a source or a use case) is measured on no named data (29 tuning sets: the one
# benchmark named first after the value's sentence, right 3 of 20; the introduced one 0 of 7)


def named_before(mentions, name: str, pos: int) -> bool:
    """Whether a mention of name starts before text position pos (True with the switch off)."""
    return not ONE_BENCH_BEFORE or any(x[2] == name and x[0] < pos for x in mentions)


DATA_NAME = True
# the paper's one benchmark or dataset whose own name calls it data
_ARTICLE = re.compile(r"(?:a|an|the|this|our|new|large|public)\s", re.I)  # not "A dataset"
_DATA_HEAD = re.compile(r"(?:\s|-)(?:Dataset|Data\s?set|Benchmark|Corpus|Challenge|Bench)$", re.I)


def _benchmark_before(mentions, sents: list[int], i: int, pos: int, own: str | None = THIS_PAPER
                      ) -> str | None:
    """The last benchmark or dataset named in the sentence before the value's sentence."""
    if i < 1:
        return None
    lo, hi = sents[i - 1], sents[i]
    names = [name for a, _b, name, typ, _ in mentions
             if lo <= a < hi and typ in BENCH_TYPES and name != own]
    return names[-1] if names else None


_SETUP_ON = re.compile(r"\b(?:on|over)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
_EXPERIMENT = re.compile(r"\b(?:experiments?|evaluat\w*|conducted|tested|validated)\b", re.I)


def _evaluated_before(text: str, mentions, sents: list[int], i: int, own: str | None
                      ) -> str | None:
    """The one benchmark or dataset the sentence before the value's evaluates on ("experiments
    are conducted on the DOTAv1 dataset. The results show ... by 1.3%"): named once there
    after "on", with a data word after it or an experiment word before it."""
    found: list = []
    while i >= 1 and not found:  # back over sentences that name no benchmark
        lo, hi = sents[i - 1], sents[i]
        found = [(a, b, name) for a, b, name, typ, _ in mentions
                 if lo <= a < hi and typ in BENCH_TYPES and name != own]
        i -= 1
        if not FAR_EVAL:
            break
    if len({name for _a, _b, name in found}) != 1:
        return None
    a, b, name = found[0]
    if _SETUP_ON.search(text, max(lo, a - 30), a) and (
            _DATA_NAMED.match(text, b) or _EXPERIMENT.search(text, lo, a)):
        return name
    return None


NO_TASK_DATA = True


_MANY_DATASETS = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|all|both|many|"
    r"various|diverse|\d+)\s+(?:[\w\-]+\s+){0,3}|across\s+(?:[\w\-]+\s+){0,4}|"
    r"\bon\s+(?:the\s+)?[\w\-]+\s+(?:and|or)\s+[\w\-]+\s+)"  # "on indoor and outdoor benchmarks"
    r"(?:datasets|benchmarks|data\s+sets)\b", re.I)


_PLURAL_DATA = re.compile(r"datasets|benchmarks|data\s+sets", re.I)


NAMED_CLOSE = True
# a benchmark named right before the value, in its clause ("across benchmarks, including CIRCO
# mAP@50 of 38.5"), is the value's even where the clause speaks of several unnamed datasets;
# not a name of the plural group itself ("on multiple 3DHPSE benchmarks by 7.7%")
_CLOSE_BREAK = re.compile(r"[,;:]|\b(?:and|or|while|whereas|than|over|vs)\b")
_PLURAL_AFTER = re.compile(r"\s+(?:[\w\-]+\s+)?(?:datasets|benchmarks|data\s+sets)\b", re.I)


def _many_datasets(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] speaks of several unnamed datasets ("across three datasets")."""
    return bool(_PLURAL_DATA.search(text, lo, hi) and _MANY_DATASETS.search(text, lo, hi))


COST_IN_CLAUSE = True
# a running cost stated as a factor or a cut ("2.3x faster convergence", "377x fewer FLOPs",
# "reducing parameters ... by 89%", "achieving 2x inference acceleration") is the system's own,
# not measured on data: it takes a benchmark only from its own clause, none named elsewhere in
# its sentence or in the sentence before
_COST_AFTER = re.compile(
    r"\s*(?:\$|\})?\s*(?:(?!(?:and|or|with|while|in|on|of|at|for|accuracy)\b)[\w\-]+\s+)?"
    r"(?:speed-?ups?|faster|slower|accelerations?|fewer|less\s+(?:time|memory|compute|space)|"
    r"smaller|FLOPS?|FLOPs|parameters|params|latency|memory|throughput)\b", re.I)
_COST_BEFORE = re.compile(r"\b(?:reduc\w*|cut\w*|lower\w*|shorten\w*)\s+(?:the\s+)?"
                          r"(?:[\w\-]+\s+){0,2}?(?:parameters|FLOPs|FLOPS|latency|memory|"
                          r"runtime|compute)\b[^.;,]{0,40}\bby\s+(?:up\s+to\s+|over\s+|about\s+|"
                          r"nearly\s+|approximately\s+|more\s+than\s+)?\$?$", re.I)
# the sentence opens on the data its values are measured on ("On ImageNet-1K, X runs 14x
# faster", "Experiments in Overcooked-AI show that ...")
_OPENS_ON = re.compile(r"\s*(?:(?:[\w\-]+,?\s+){0,4}?(?:on|in|across)\s+(?:the\s+)?)$", re.I)


def is_cost(text: str, kind: str, pos: int, end: int, cs: int) -> bool:
    """Whether the ratio or change at text[pos:end] states a running cost of its system."""
    if not COST_IN_CLAUSE or kind not in ("ratio", "delta"):
        return False
    return bool(_COST_AFTER.match(text, end) or _COST_BEFORE.search(text, max(cs, pos - 90), pos))


def _benchmark(text: str, mentions, s0: int, cs: int, s1: int, pos: int, end: int,
               own: str | None = THIS_PAPER, cost: bool = False) -> str | None:
    """The benchmark of a value: one named just after it ("on X", "over X"), else the nearest
    before it in its clause, else the one named in its sentence (none when it names several);
    "" (no fallback to other sentences) when its clause speaks of several unnamed datasets or
    benchmarks."""
    cands = [(a, b, name) for a, b, name, typ, _ in mentions
             if typ in BENCH_TYPES and name != own and s0 <= a and b <= s1 and not (
                 ACTS_NOT_BENCH and _ACTS.match(text, b) and  # "FooNet achieves": a system
                 not _ON_BEFORE.search(text, max(s0, a - 20), a))]  # not "on X achieves"
    if TRAIN_DATA and cands:  # training data, and the rest of its list ("training on A and B")
        kept, last = [], None
        for x in cands:
            if _TRAINED_ON.search(text, max(s0, x[0] - 40), x[0]) or (
                    PRETRAINED_AFTER and _PRETRAINED_AFTER.match(text, x[1])) or (
                    last is not None and _LIST_SEP.fullmatch(text, last, x[0])):
                last = x[1]
            else:
                kept.append(x)
                last = None
        if TRAIN_NULL and not kept:
            _tag("benchmark", "null: only training data named")
            return ""  # the sentence names its data as training data: no fallback either
        cands = kept
    unnamed = UNNAMED_DATA and _UNNAMED_DATA.match(text, end)
    if unnamed and not any(end <= x[0] < unnamed.end() + 3 for x in cands):
        _tag("benchmark", "null: unnamed test data after value")
        return ""  # "0.338 on the test dataset": stated, unnamed; no fallback
    if not cands:
        ce = _CLAUSE.search(text, end, s1)
        if _many_datasets(text, cs, ce.start() if ce else s1):
            _tag("benchmark", "null: several unnamed datasets")
            return ""
        return None
    opened = text.rfind("(", max(s0, pos - 60), pos)
    if opened >= 0 and ")" not in text[opened:pos]:
        # "on BIRD (70.65% execution accuracy)": the name right before the bracket
        named = [x for x in cands if x[1] <= opened and not text[x[1]:opened].strip()]
        if named:
            _tag("benchmark", "name before the value's bracket")
            return named[0][2]
    after = [x for x in cands if x[0] >= end and x[0] - end <= 80
             and _ON_BEFORE.search(text, max(end, x[0] - 20), x[0])
             and not _AFTER_BLOCK.search(text, end, x[0])]
    if after:
        first = min(after)
        if BENCH_LIST_NONE and _listed(text, cands, first):
            _tag("benchmark", "null: list of benchmarks")
            return ""  # "across IFEval and InFoBench": no single benchmark, nor a fallback
        _tag("benchmark", "on X after value")
        return first[2]
    shared = [x for x in cands if BENCH_AFTER_SHARED and x[0] >= end and x[0] - end <= 80
              and _SHARED_AFTER.fullmatch(text, end, x[0])]
    if shared and not _listed(text, cands, shared[0]):
        _tag("benchmark", "on X after joined values")
        return shared[0][2]
    ce = _CLAUSE.search(text, end, s1)
    if _many_datasets(text, cs, ce.start() if ce else s1):
        close = [x for x in cands if NAMED_CLOSE and x[1] <= pos and pos - x[1] <= 30 and
                 not _CLOSE_BREAK.search(text, x[1], pos) and not _PLURAL_AFTER.match(text, x[1])]
        if close:  # "across benchmarks, including CIRCO mAP@50 of 38.5": named for this value
            _tag("benchmark", "named right before value among several")
            return max(close)[2]
        _tag("benchmark", "null: several unnamed datasets")
        return ""  # "across three datasets": several, none of them named for this value
    before = [x for x in cands if cs <= x[0] and x[1] <= pos]
    if before:
        best = max(before)
        how = "nearest before in clause"
    elif not BENCH_SENTENCE:
        return None
    else:
        if BENCH_ONE_IN_SENTENCE and len({x[2] for x in cands}) > 1:
            _tag("benchmark", "null: several named elsewhere in sentence")
            return None  # "... on BraTS2023 and ACDC, while reducing cost by 77.9%": which?
        best = min(cands, key=lambda x: pos - x[1] if x[1] <= pos else x[0] - end)
        if CLAIMED_AFTER and best[0] >= end and _claimed(text, end, best[0]):
            _tag("benchmark", "null: the name after is another value's")
            return None  # "reducing time by 63.3%, ..., achieving a +2.7% improvement on X"
        if cost and not _OPENS_ON.fullmatch(text, s0, best[0]) and not (
                best[0] >= end and not _CLAUSE.search(text, end, best[0])):
            _tag("benchmark", "null: a cost, no benchmark in its clause")
            return ""
        how = "nearest in sentence"
    if best[1] <= pos and _in_list(text, cands, best):
        _tag("benchmark", "null: list of benchmarks")
        return ""  # "on PVRBench, UrbanVideo, and VisBench, where ... drop by 35%": all of them
    if PLURAL_LIST and best[1] <= pos and (
            _PLURAL_LISTED.match(text, best[1]) and
            _LIST_BEFORE.search(text, max(s0, best[0] - 40), best[0]) or
            _LIST_AFTER.match(text, best[1])):
        _tag("benchmark", "null: last of a list of data")
        return ""  # "on the Nordland, Oxford, and NuScenes datasets": the list's, no one's
    _tag("benchmark", how)
    return best[2]


CLAIMED_AFTER = True
# a value stated right before "on/in (the) NAME" with at most two words between ("47.83% on
# GenEval", "a +2.7% improvement on GenEval", "1.286% on the CheXpert X-ray dataset"): the
# name is that value's, not one of an earlier value with no benchmark of its own
_CLAIMING = re.compile(r"\d(?:\s*(?:\\?%|\$?\\times\$?|×|x\b|times\b|points?\b|pp\b))"
                       r"\s+(?:[\w\-@]+\s+){0,2}?(?:on|in)\s+(?:the\s+)?$")


# what joins a value to its own pair or list ("47.0% vs 45.9% in X", "from 67-79% to over 94%
# on X", "28.4\\% and 33.5\\% mIoU on ScanNet"): the pair's name is the value's too
_PAIRED = re.compile(r"\s*(?:(?:vs\.?|versus|to|->|\$?\\rightarrow\$?|and|,\s*and|,|/)\s*)"
                     r"(?:over\s+|about\s+|nearly\s+|around\s+|only\s+|up\s+to\s+)?[+\-~$]*\d")


def _claimed(text: str, end: int, at: int) -> bool:
    """Whether another value between end and the name at offset at claims it (not the value's
    own pair)."""
    return bool(_CLAIMING.search(text, end, at)) and not _PAIRED.match(text, end)


PLURAL_LIST = True
# "on the Nordland, Oxford, and NuScenes datasets", "on Maze2D and Kitchen tasks": a name in a
# list of data the sentence evaluates on (the other names no entity) is no single value's
_PLURAL_NOUN = (r"(?:datasets|benchmarks|data\s+sets|tasks|environments|suites|corpora|splits|"
                r"subsets)")
_PLURAL_LISTED = re.compile(r"\s+(?:[\w\-]+\s+)?" + _PLURAL_NOUN + r"\b", re.I)
_LIST_AFTER = re.compile(r"(?:\s*(?:,\s*and|,|and|&)\s+(?:the\s+)?[A-Z0-9][\w\-+.]*"
                         r"(?:\s+[A-Z0-9][\w\-+.]*)?)+\s+(?:[\w\-]+\s+)?" + _PLURAL_NOUN + r"\b")
_LIST_BEFORE = re.compile(r"[\w\-+.)]\s*(?:,\s*and|,|and|&)\s+$")
TRAIN_DATA = True
TRAIN_NULL = True
UNNAMED_DATA = True
_UNNAMED_DATA = re.compile(
    r"(?:\s+[\w\-@%]+){0,4}?\s+(?:on|over|in|across)\s+(?:the|a|an|our|its|their)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:test|testing|validation|held-out|hold-out|evaluation|internal|"
    r"external|private|in-house)\s+(?:sets?|datasets?|data|splits?|cohorts?)\b"
    r"(?!\s+(?:of|from)\b)(?!\s*\()")
# "fine-tuning LLaVA-ov-7B with MM-RLHF", "trained on ImageNet": training data, not a benchmark
# (not "fine-tuning accuracy on ImageNet", "our RL training can improve the model on X")
_TRAINED_ON = re.compile(r"\b(?i:(?:pre-?)?train(?:ed|ing)|fine-?tun(?:ed|ing))\s+"
                         r"(?:(?i:only|solely|jointly|directly)\s+|[A-Z][\w\-.]*\s+)?"
                         r"(?i:on|with|using|from)\s+(?i:the\s+)?$")

PRETRAINED_AFTER = True
# "the ImageNet-pretrained model", "COCO pre-trained weights": the name is what a model was
# trained on, not where the value was measured
_PRETRAINED_AFTER = re.compile(r"(?:-|\s)(?i:pre-?trained|trained|initiali[sz]ed)\b")


def _listed(text: str, cands: list, x: tuple) -> bool:
    """Whether benchmark mention x opens a list ("IFEval and InFoBench")."""
    if LISTED_SEP:  # not "92.1% on SST-2, 85.3% on MNLI": names joined only by a separator
        return any(y[0] > x[1] and _LIST_SEP.fullmatch(text, x[1], y[0]) for y in cands)
    return bool(_BENCH_AND.match(text, x[1])) and any(
        y[0] > x[1] and y[0] - x[1] < 12 for y in cands)


def _in_list(text: str, cands: list, x: tuple) -> bool:
    """Whether benchmark mention x closes a list of two or more ("A, B and C")."""
    return any(y[1] <= x[0] and _LIST_SEP.fullmatch(text, y[1], x[0]) for y in cands)


_VARIANT = re.compile(r"\s(?:mini|nano|micro|Pro|Flash|Lite|Turbo|Sonnet|Opus|Haiku|Instruct|"
                      r"Chat)\b")


def _variant(sentence: str, name: str | None) -> str | None:
    """The model variant the sentence names when every mention of name carries one
    ("GPT-5 mini leads overall at 0.309": GPT-5 mini, not GPT-5)."""
    if not name or name == THIS_PAPER:
        return name
    found = set()
    for i in _find_all(sentence, name):
        m = _VARIANT.match(sentence, i + len(name))
        found.add(m.group(0) if m else None)
    if len(found) == 1 and None not in found:
        return name + found.pop()
    return name


def _on_benchmark(text: str, mentions, end: int) -> bool:
    """Whether a benchmark or dataset is named right after the value ("0.8146 on MuSiQue")."""
    on = _ON_NAME.match(text, end)
    return bool(on) and any(x[0] == on.end() and x[3] in BENCH_TYPES for x in mentions)


_LIST_SEP = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s+(?:the\s+)?")
LISTED_SEP = True
ACTS_NOT_BENCH = True
