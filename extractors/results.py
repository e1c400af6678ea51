"""Results component: the numbers an abstract reports, with system, benchmark, metric and kind.

Runs after the entity components (it names systems, benchmarks and metrics by the paper's
entities) and leaves plain dicts in `doc.user_data["pk_results"]`: value (as written), number,
unit, kind (score | delta | ratio), system (entity name, THIS_PAPER or None), benchmark, metric,
condition, start, end, sentence. The rules follow the "Results" section of the annotation
guidelines: sizes, counts, years and hyper-parameters are not results; LaTeX escapes in values
(`39.9\\%`, `6.94$\\times$`) are read as the number they mean; a value with a second condition in
brackets ("39.9% (43.7% with error feedback)") gives two results.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from paperkg.core.text import sentence_starts
from paperkg.extractors import results_attr
from paperkg.extractors.result_names import (  # noqa: F401 - settle_names: kept importable here
    BENCH_TYPES,
    SYSTEM_TYPES,
    THIS_PAPER,
    settle_names,
)

if TYPE_CHECKING:  # spaCy is not imported here
    from spacy.tokens import Doc

DATA = Path(__file__).resolve().parent / "data"
# Auditing only (extractors/results_audit.py): when a dict, find_results records which
# mechanism set each result's system, benchmark and metric, keyed by (sentence, start, end).
TRACE: dict | None = None
_LAST: dict[str, str] = {}


def _tag(field: str, how: str) -> None:
    """Note the mechanism that set a field of the value being read (when tracing)."""
    if TRACE is not None:
        _LAST[field] = how


def _retag(r: dict, field: str, how: str) -> None:
    """Note the mechanism that reset a field of a result already read (when tracing)."""
    if TRACE is not None:
        r.setdefault("via", {})[field] = how

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# number words that state a factor ("fivefold", "two-fold", "ten times", "three orders of
# magnitude"): read only before a ratio unit, and kept only where a change is said (_WORD_CUE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}
_WORD_NUM = (r"(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)"
             r"(?=\s?(?:-?fold|times|orders?\s+of\s+magnitude)\b)")
_MAGNITUDE = r"\s?orders?\s+of\s+magnitude\b"
_MAGNITUDE_RE = re.compile(_MAGNITUDE)
_WORD_START = re.compile(r"\s*(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")", re.I)
_PCT = r"\s?\\?%|\s?\$\\%\$|\s?percent(?:age points?)?\b"
_RATIO = (r"\s?\$?\\times\$?|\s?×|[xX](?![\w])|\s?times\b|-fold\b|\s?fold\b|:1\b|"
          + _MAGNITUDE)
# also points of a named metric ("28 CIDEr points", "6 perplexity points") and "a 31-point
# decline" (not "a 7-point Likert scale", "the 8-point algorithm")
_POINTS = (r"(?:\s?(?:pp|pts|points?|percentage points?)\b|"
           r"\s(?:[A-Z][\w\-@]*|perplexity|accuracy)\s+points?\b|"
           r"-points?(?=\s+(?:improvement|gain|increase|decline|drop|decrease|boost|reduction|"
           r"advantage|lead)s?\b))")
# frame rates also in lower case or words ("20 fps", "1,100 frames per second"): 3 annotated values
_OTHER = (r"\s?(?:dB|ms|mg/dL|bits?/char(?:acter)?|BPC|bpd|FPS|fps|frames[\s\-]per[\s\-]second|s|"
          r"[kMG]?Hz|minutes|hours|mm|cm)\b")


def _value_re(num: str, first: str = "") -> re.Pattern:
    """The value pattern with numbers written as num (digits, or number words); first: a
    character class holding every character a match can start with (the signs', "$" and the
    number's first characters: edit it with them), tested first so that a search skips other
    positions quickly instead of trying the look-behinds at each (the same matches)."""
    return re.compile(
        (rf"(?={first})" if first else "") +
        # "F1=0.80", "Recall@5=1.000", "R^2=0.95" are read (the name decides, as for "F1 =
        # 0.80"); not after a one-letter name ("r=0.8", "k=5") nor a spaced or bracketed "="
        r"(?<![\w@.\-/<>^~$\\])(?:(?<!=)|(?<=[\w}]=)(?<![\s(][A-Za-z]=))"
        r"(?P<sign>[+\-−±~]|\$?\\pm\$?|\$\\sim\$)?"
        r"(?P<dollar>\$(?=[+\-]?\d+(?:\.\d+)?(?:-{1,2}\d+(?:\.\d+)?|\s?\\pm\s?\d+(?:\.\d+)?)?"
        r"(?:\\?%|\s?\\times)?\$))?"
        r"(?P<sign2>[+\-])?"
        rf"(?P<num>{num})(?(dollar)\$?)"
        rf"(?:(?P<u1>{_PCT}|{_RATIO})?\s?(?:--|-|–|to|~|\$\\sim\$|\\sim)\s?(?(dollar)\$?)"
        rf"(?P<num2>{_NUM})(?(dollar)\$?))?"
        rf"(?P<unit>{_PCT}|{_RATIO}|{_POINTS}|{_OTHER})?(?(dollar)\$?)"
        r"(?P<pm>\s?(?:\\pm|±|\$\\pm\$|pm|\+/-)\s?(?:\d+(?:\.\d+)?|\.\d+))?"
        rf"(?P<unit2>(?<=\d){_POINTS}|(?<=\d){_PCT})?(?(dollar)(?(pm)\$?))"
    )


_VALUE = _value_re(rf"{_NUM}|(?<![\d,])\.\d+(?![\d.,])", r"[+\-−±~$\\\d.]")  # also ".9411"
_VALUE_WORDS = _value_re(rf"\b{_WORD_NUM}")  # "fivefold", "two orders of magnitude"
_LISTED = re.compile(r"\)?(?:\([^()]{0,20}\)|[^.;:()]){0,40}?(?:\band|,)\s+"
                     r"(?:[^.;:\s]+\s+){0,2}\(?")
_OUT_OF = re.compile(r"/(?:5|10|100)(?:\.0)?\b(?!\.?\d)|\s+out\s+of\s+(?:5|10|100)\b")
_THRESHOLD_AFTER = re.compile(r"\s*(?:[\w@\-]+\s+){0,2}(?:criterion|criteria|thresholds?|"
                              r"cut-?offs?)\b", re.I)
_LARGER_DATA = re.compile(r"\s*(?:larger|bigger)\b[^.;]{0,50}?\b(?:datasets?|data\s+sets?|"
                          r"corpus|corpora|training\s+sets?)\b", re.I)
# "4x larger batch sizes", "the 400x larger DeepSeek R1", "30 times as many parameters": how
# much bigger something is, a size (on train, dev and the annotators' papers no value so
# followed is a result: 0 of 4)
SIZE_FACTOR = True
_SIZE_FACTOR = re.compile(r"\s*(?:larger|bigger|as\s+many|as\s+much)\b"
                          r"(?!\s+(?:gains?|improvements?|speed-?ups?)\b)", re.I)
# "up to 9x smaller, and", "15x smaller than WaveGlow", "25x fewer parameters": a model's size
# (none of the 5 such values of the annotators' papers is a result; train and dev have none);
# "10x smaller error" names what shrank, and stays
SMALLER_SIZE = True
_SMALLER_SIZE = re.compile(r"\s*(?:smaller(?=\s*[,.;)]|\s+(?:than|and|while|in\s+size)\b)|"
                           r"(?:fewer|less)\s+(?:[\w\-]+\s+)?(?:parameters|params)\b)", re.I)
_MEASURES = frozenset({"s", "ms", "minutes", "hours", "mm", "cm", "Hz", "kHz", "MHz", "GHz"})
_SETTING_BEFORE = re.compile(r"\b(?:at|through|within|after|every|totall?ing|spanning)\s+"
                             r"(?:(?:\d+(?:\.\d+)?|and|or|,)\s*)*$", re.I)
_SIZE_AFTER = re.compile(r"\s*(?:and\s+\d+\s+\w+\s+)?(?:of|from|recorded|horizon|baseline|"
                         r"window|intervals?)\b", re.I)
_SLASH_LIST = re.compile(r"/([+\-]?\d+\.\d+)")
_EQ_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z][\w\-@^$\\{}]*)\s*=\s*$")
_SIZE_SUFFIX = re.compile(r"^(?:\s?[KMBTkmbt]\b|-?(?:billion|million|thousand|trillion)\b)")
_CLAUSE = re.compile(r";|,\s+(?:while|whereas|but|and|which)\b|\bwhile\b|\bwhereas\b|:\s")
_NEXT_WORD = re.compile(r"\s*(?:[-–]\s*)?([A-Za-z][\w\-]*)")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,160})\)")
STAT_CMP = True
PEOPLE_AGREE = True
# the agreement of people who label or read ("two reviewers with substantial agreement (Cohen's
# kappa = 0.83)", "five radiologists ... (Fleiss Kappa = 0.524)") is no system's result
_AGREE_NAMES = frozenset({"kappa", "κ", "\\kappa", "alpha", "α", "icc"})
_AGREEMENT = re.compile(r"\b(?:inter-?\s?(?:annotator|rater|coder|method)|annotators?'?|"
                        r"raters?'?" + (r"|reviewers?'?|radiologists?'?|re-?annotations?|Fleiss"
                                        if PEOPLE_AGREE else "") + r")\b", re.I)
_STAT_BEFORE = re.compile(r"(?:^|[\s(;,])([A-Za-z\u0370-\u03ff][\w\-@^{}]*|\{?\\alpha\}?)"
                          r"\s*(?:=|>=?|<=?|≥|≤|≈)\s*$")
_STAT_NAMES = frozenset({"r", "r2", "r^2", "rho", "ρ", "kappa", "κ", "tau", "τ", "alpha", "α",
                         "{\\alpha}", "\\alpha", "icc", "ccc", "auc", "auroc", "f1", "dice",
                         "iou", "mae", "rmse", "mse", "pcc", "srcc", "plcc", "qwk"})
_REL_CMP = re.compile(r"(?:[<=≤≥≈]|(?<![-=])>)\s*$")  # not "18.4% -> 34.2%"
_ENUM = re.compile(r"\(\s*$")
_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*and|,|and|or)\s*[+\-]?\d+(?:\.\d+)?\s?(?:\\?%|points?)?)+"
                        r"\s*")
_BASELINE_NEAR = re.compile(
    r"\bbaseline(?:'s|s')\s+(?:\w+\s+)?$|\bbaselines?\s+(?:only\s+)?(?:achieve|reach|score|"
    r"obtain|get|attain)s?\s+(?:only\s+|up\s+to\s+|about\s+)?(?:an?\s+)?(?:[\w\-@]+\s+)?"
    r"(?:of\s+)?$")
_NOT_SYSTEMS = frozenset({"URL", "GPU", "GPUs", "CPU", "API", "LLM", "LLMs", "VLM", "VLMs",
                          "MLLM", "MLLMs", "LM", "LMs", "SOTA", "SoTA", "AI", "ML", "NLP", "RL"})
_PAREN_CMP = re.compile(r"\b(?:compared\s+(?:to|with)|than|versus|vs\.?|over|baselines?)\b"
                        r"[^()]{0,40}\([^()]*$")
MORE_VERBS = True
_DATA_AFTER = re.compile(r"\s+(?:dataset|benchmark|test\s+set|data|signals|corpus)\b", re.I)
_SUBJECT_AFTER = re.compile(
    r"(?:\s+\([^()]{0,40}\))?(?:[\s\-]+(?:model|method|framework|approach|system|classifier|"
    r"variant|agent|pipeline|network|architecture|policy|detector|retriever|stage|module|"
    r"component)s?)?"
    r"(?:,[^,;]{0,80},|,?\s+(?:which|that)\b[^,;.]{0,80}?\band)?(?:,\s+(?!\w+ing\b)|\s+)"
    r"(?:\w+ly\s+)?"
    r"(?:also\s+|further\s+|still\s+|then\s+|can\s+|could\s+)?"
    r"(?:achiev|reach|obtain|attain|scor|yield|improv|outperform|surpass|boost|reduc|increas|"
    r"lead|lifts\b|gets\b|deliver|performs\b|performed\b|show|demonstrat|exhibit|records\b|"
    r"recorded\b|sets\b|hits\b|enabl|allow|"
    r"sustain|retain|maintain|beat|exceed|cuts\b|lowers\b|rais|multipl|requir|runs\b|is\b|"
    r"are\b|was\b|were\b|has\b|have\b|enhanc|speeds?\s+up|accelerat|rival|solv|resolv|"
    r"establish|produc|provid|offer|mitigat|narrow|clos|attain|wins\b|contribut" + (
        r"|collaps|eliminat|restor|halv|doubl|tripl|shrink|decreas|lower|drops\b|trim|minimi|"
        r"maximi|recover|preserv|slash|brings\b|dominat|outscor|gives\b|returns\b"
        if MORE_VERBS else "") + r")", re.I)
_ACTS = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|outperform|surpass|beat|shows\s+(?:\w+\s+)?gains|"
                   r"improves\s+(?:over|upon)\b)",  # also "CAPS improves over AgentOCR"
                   re.I)  # "DA360 shows substantial gains": a system whatever its entity type
_ENHANCED = re.compile(r"\b(?:integrated|enhanced|augmented|equipped|combined|coupled)\s+"
                       r"(?:with|by)\s+(?:the\s+|our\s+)?$", re.I)  # "X integrated with GraphRAG"
# "with GPT-2 achieving the lowest perplexity (8.21)": the name after "with" is the subject of
# its own -ing result verb, not a system compared with.
WITH_ACTING = True
LOOSE_NOT_OBJECT = True
# a name after "on", "in", "across" (a few words between) is where or in what a value was
# measured, not the system a clause without a verb speaks of ("... on 1.5B alphaNLI")
_LOOSE_OBJECT = re.compile(r"\b(?:on|in|across)\s+(?:the\s+)?(?:[\w\-.]+\s+){0,2}$", re.I)
EXAMPLE_SUBJECT = True
# "even a state-of-the-art model like GPT-4o achieves only 27.32%": the example named after a
# group noun is the subject when its own verb follows
_EXAMPLE_BEFORE = re.compile(r"\b(?:models?|LLMs?|systems?|methods?|agents?)\s+"
                             r"(?:like|such\s+as)\s+$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
_ACTING = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|reach|scor|attain|obtain|record|deliver)ing\b",
                     re.I)
_DONE_BY = re.compile(r"[^.;:()]{0,40}?\b(?:achieved|obtained|attained|reached|reported|"
                      r"scored|set|held)\s+by\s+(?:the\s+|a\s+)?")
# "a reduction of up to 32% in CNOT gate count", "2x for MAE fine-tuning": the name after
# "for/in" modifies the noun after it (what is measured), so it is not the value's system
NAME_MODIFIES = True
# "low RMSE (0.6829), MSE (0.5102), MAE (0.3147)", "(MAE: 1.72 points)": a metric's name the
# entity rules typed as a method (MAE, the masked autoencoder) is the metric there, not a system
METRIC_NOT_SYSTEM = True
_MODIFIES = re.compile(r"(?:\s+\([^()]{0,20}\))?\s+(?!(?:and|or|with|while|which|when|on|at|in|"
                       r"for|to|than|compared|models?|respectively|but|as|across|under|over|"
                       r"after|before|by|using|is|are|was|were|the|a|an|achiev\w*|reach\w*|"
                       r"obtain\w*|outperform\w*|variants?|backbones?)\b)[a-z][\w\-]*")
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\s*$")
# "a 68% improvement compared to 17% with traditional methods", "against 0.000 for greedy": a
# value right after a comparison word is the compared system's
VERSUS_WIDE = True
_VERSUS_WIDE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|against|relative\s+to)\s*$",
                          re.I)
_BASELINE_AFTER = re.compile(r"[^()]{0,12}\([^()]*\bbaseline")
_COINED = re.compile(r"(?<![\w\-$\\])(?:[A-Z][a-z]*[A-Z0-9][\w\-]*|[A-Z]{2,}(?:-[\w]+)*|"
                     r"[A-Z][a-z]+(?:-[A-Z][a-z\d]*){2,})"  # "Drop-Stable-Rampup"
                     r"(?![\w\-])")
SCRIPTS = True
_SCRIPT_BEFORE = re.compile(r"[\^_]\{?\s*$")
_SHARE_OF = re.compile(r"\s*of\s", re.I)
# "in 43% of cases", "solves 98% of the problem instances", "43.4% of the time": how often a
# system succeeds (a result), unlike "10% of the training data" (a share of what it is given).
_FREQ_AFTER = re.compile(r"\s*of\s+(?:the\s+|all\s+)?(?:[\w\-]+\s+){0,3}?(?:cases|time|instances|"
                         r"trials|comparisons|tasks|problems|questions|queries|episodes|"
                         r"attempts|runs|prompts|responses|scenarios|puzzles|games|matchups|"
                         r"test\s+cases)\b", re.I)
_FREQ_BEFORE = re.compile(r"(?:\b(?:in|for)|\b(?:solv|succeed|resolv|pass|answer|detect|"
                          r"discover|identif|classif|prefer|correct|win|wins|won|fix|complet|"
                          r"predict|recogni[sz]|outperform|beat|match|fool|jailbreak|break)\w*)"
                          r"\s+(?:only\s+|just\s+|about\s+|around\s+|up\s+to\s+|over\s+|"
                          r"nearly\s+|almost\s+|roughly\s+|more\s+than\s+|less\s+than\s+|"
                          r"fewer\s+than\s+|at\s+least\s+|~)?$", re.I)
_QUALITY_OF = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w\-]+(?:'s)?\s+){0,3}"
                         r"(?:quality|performance|accuracy|score|gap|difference|capabilit|"
                         r"improvement|gains?|upper\s+bound)", re.I)
_AT_SETTING = re.compile(r"\bat\s+(?:a\s+|an\s+|only\s+|just\s+)?$")
_CI = re.compile(r"\s*(?:CI|confidence\s+intervals?)\b")
# a bound of an interval: "95% confidence intervals of [0.90, 0.92]", "(95% CI: 0.81-0.88)"
_IN_INTERVAL = re.compile(r"\b(?:CI|confidence\s+intervals?)\s*(?:of|:|=)?\s*[\[(]\s*"
                          r"(?:[+\-]?[\d.]+\s*\\?%?\s*[,;]\s*)?$")
# a number word is a result only where a change is said ("fivefold faster", "by two orders of
# magnitude", "a two-fold reduction"; not "our contributions are threefold")
_WORD_CUE_AFTER = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:faster|slower|quicker|cheaper|lower|higher|less|more|fewer|smaller|"
    r"larger|better|worse|stronger|improv\w*|increas\w*|reduc\w*|decreas\w*|speed-?ups?|"
    r"accelerat\w*|gains?|boost\w*|drops?|cuts?)\b", re.I)
def _word_values(text: str) -> list[re.Match]:
    """Factors written in words ("fivefold", "ten times", "two orders of magnitude"), looked
    for only just before the unit words (a scan of the whole text costs more)."""
    out: dict[int, re.Match] = {}
    for unit in ("fold", "times", "magnitude"):
        at = text.find(unit)
        while at >= 0:
            for m in _VALUE_WORDS.finditer(text, max(0, at - 30), at + len(unit) + 1):
                out.setdefault(m.start(), m)
            at = text.find(unit, at + 1)
    return list(out.values())


_ADDED_COST = re.compile(r"\s*(?:additional|added|extra)\s+(?:[\w\-]+\s+)?(?:parameters|params|"
                         r"FLOPs|compute|memory)\b", re.I)
_PM_BEFORE = re.compile(r"(?:\+/-|\+-|±|\\pm)\s*$")  # "+/- .0310", "95.72% +- 0.54%": a spread
_LIST_WORD_BEFORE = re.compile(r"(?:\bto|-)\s*$")  # "three to six orders of magnitude"
_WORD_CUE_BEFORE = re.compile(r"\b(?:by|up\s+to|nearly|almost|about|roughly|over|around|"
                              r"approximately|some|than)\s+$", re.I)
_DIGIT = re.compile(r"\d")
# "compared to 69.58% for the untuned GPT-4": a word saying which state of the model
_FOR_SYSTEM = re.compile(r"\s+(?:for|in)\s+(?:the\s+)?(?:(?:untuned|fine-tuned|original|base|"
                         r"vanilla|standard|pretrained|pre-trained)\s+)?")
_GAP_AFTER = re.compile(r"\s*(?:(?!(?:and|or|with|while|at|on|in|for|of|to|by|from|the|a|an|"
                        r"than|vs|over)\b)[\w\-]+\s+)?|\s*\(|\s*of\s+"  # "95.75% of TPR"
                        r"|\s*in\s+(?:the\s+)?(?:terms\s+of\s+)?"  # "+2.8% in CIDEr"
                        r"|\s*on\s+(?:the\s+)?"  # "7% on Hits@1"
                        r"|\s*the\s+"  # "up to 4.72x the offline decode throughput of"
                        r"|\s*(?:[\w\-]+\s+)?(?:lift|gain|increase|improvement|drop|reduction|"
                        r"decrease|boost|rise|decline)s?\s+(?:in|on|of)\s+(?:the\s+)?")
# ("a 17.29% lift in click-through rate", "35% drops in accuracy")
_GAP_BEFORE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:of|:|=|was|is|at|to|reaches|by|"
                         r"from|of\s+only|of\s+up\s+to|of\s+about|score\s+of|scores?|"
                         r"reaching|achieving|improves?\s+by|by\s+(?:up\s+to|over|nearly|about|"
                         r"around|approximately|more\s+than|almost|roughly|at\s+least))?"
                         r"\s*(?:an?\s+)?")
_ON_BEFORE = re.compile(r"\b(?:on|over|for|across|in|of)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")
# Sentences before the first that speaks of the paper's own work ("we", "our", "this paper",
# "propose") are background: a value there with no subject is not the paper's own.
_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study|article|letter|method|"
                       r"approach|strategy|framework|technique|model|system|pipeline|design|"
                       r"architecture|algorithm)|[Hh]ere|propos\w+|introduc\w+|present\w*)\b")
BACKGROUND = True
FREQ = True
FROM_BASE = True
USE_FALLBACK_BENCH = True
# a value with no benchmark in its clause takes the sentence's only one ("Using the X dataset,
# our approach yields ... 0.69"), not the nearest of several named in other clauses (train
# results-full 0.649 -> 0.662 on half a, 0.667 -> 0.673 on half b)
BENCH_ONE_IN_SENTENCE = True
PREV_NULL = True
PREV_EVAL = True
FAR_EVAL = True
METRIC_LATER = True
BENCH_SENTENCE = True
BENCH_LIST_NONE = True
_AFTER_BLOCK = re.compile(r"[;,]|\d\s*%|\band\b")
# "0.8568 mIoU and 96.87% overall accuracy on X", "55.28% mIoU with 99.37% accuracy on X":
# values joined without a comma share the benchmark named after the last of them.
_SHARED_AFTER = re.compile(r"\s*(?:[\w\-@]+\s+){0,3}?(?:and|with)\s+\d+(?:\.\d+)?\s?%?\s+"
                           r"(?:[\w\-@]+\s+){0,3}?(?:on|over|in|for)\s+(?:the\s+)?")
BENCH_AFTER_SHARED = True
_BENCH_AND = re.compile(r"\s*(?:,|and|&)\s*")
TRANSITION = True
FROM_SPLIT = True
_TO = re.compile(r"\s?to\s?")
_RANGE_BEFORE = re.compile(r"\b(?:by|between|range[sd]?|ranging|of|from|within|up|about|"
                           r"around|approximately|roughly|spans?|spanning|varies|varying)\s+"
                           r"(?:up\s+to\s+|about\s+|around\s+|over\s+)?$", re.I)


def _transition(text: str, m: re.Match) -> bool:
    """Whether "A to B" (each with its unit: "47.2% to 53.8%", or two decimals) is a change
    from a baseline's value to the system's rather than a range ("by 4% to 16%")."""
    a = m.start()
    if not _TO.fullmatch(text, m.end("u1") if m.group("u1") else m.end("num"), m.start("num2")):
        return False
    if not (m.group("u1") and m.group("unit") or "." in m.group("num") and
            "." in m.group("num2") and not m.group("unit")):
        return False
    return not _RANGE_BEFORE.search(text, max(0, a - 30), a)


_SPAN_VERB = re.compile(r"\b(?:achiev|attain|reach|obtain|scor)\w*\s+(?:[\w\-@]+\s+){0,3}from\s+$",
                        re.I)
_FROM_TO = re.compile(r"(?<!range)(?<!ranges)(?<!ranging)\s+from\s+(?:(?:around|about|"
                      r"approximately|roughly|nearly|over|more\s+than|less\s+than|"
                      r"as\s+(?:high|low|much)\s+as|just|only)\s+)?$"
                      if FROM_SPLIT else r"(?<!range)(?<!ranges)(?<!ranging)\s+from\s+$")
FROM_RANGE = True
# "raises FAIR scores from 52-57% to 81-91%": a range is the value the change goes from (one
# value as written), not a change from its first number to its second
_RANGE_TO = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?to\s+(?:over\s+|under\s+|about\s+|"
                       r"around\s+|nearly\s+|~\s*)?\$?[+\-]?\d")
# "from 89% to under 3%": a second value after "to" and a qualifier (the value pattern joins
# only "89% to 3%")
_TO_QUALIFIED = re.compile(r"\s+to\s+(?:under|below|over|above|nearly|about|around|just|only|"
                           r"less\s+than|more\s+than|near|roughly|approximately|~)\s*[\d.$]",
                           re.I)


def _base_model(text: str, mentions, s0: int, a: int, skip: tuple, c: dict) -> str | None:
    """The model named up to 100 characters before a baseline's value "from A to B" ("a model
    trained on Gemma-2-9b-it ... increasing accuracy from 80.61% to 84.15%"), not one of
    skip (the value's system, the paper's own), nor a metric or a "Model-driven" modifier."""
    if CHANGED_OBJECT:  # "boost ... RetinaNet from 36.5% to 42.0%", "For CheXOne-3B, ...
        # increased F1 from 0.8528 to 0.8666": the name whose score changes holds both values
        for x in mentions:
            if x[0] >= a:
                break
            if x[3] in SYSTEM_TYPES and x[2] not in _NOT_SYSTEMS and x[2] not in skip[1:] and \
                    not c["metric"].fullmatch(x[2]) and (
                        _FROM_TO.fullmatch(text, x[1], a) or
                        x[0] >= s0 and _FOR_OPEN.fullmatch(text, s0, x[0]) and
                        _FOR_CLOSE.match(text, x[1])):
                return x[2]
    return next((x[2] for x in reversed(mentions) if max(s0, a - 100) <= x[0] and x[1] <= a
                 and x[3] == "MODEL" and x[2] not in skip and x[2] not in _NOT_SYSTEMS and
                 not c["metric"].fullmatch(x[2]) and not text.startswith("-", x[1])), None)


CHANGED_OBJECT = True
_FOR_OPEN = re.compile(r"\s*(?:For|On|With)\s+(?:the\s+)?")
_FOR_CLOSE = re.compile(r"(?:\s+(?:model|backbone))?\s*,")


def _trie_alternation(words: list[str]) -> str:
    """A case-insensitive alternation of words with common prefixes shared: it matches what
    the plain longest-first alternation matches (at each node the longer words are tried
    first), at a fraction of the cost over a long word list."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return build(trie)


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue-word lists of extractors/data/results.json, compiled."""
    data = json.loads((DATA / "results.json").read_text(encoding="utf-8"))
    alt = lambda words: "|".join(sorted(words, key=len, reverse=True))  # noqa: E731
    metric_forms = list(data["extra_metrics"])
    for line in (DATA / "metrics.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            metric_forms.extend(f.strip() for f in line.split("|") if f.strip())
    metric_alt = _trie_alternation(metric_forms)
    return {
        "size": frozenset(data["size_nouns"]),
        "heads": frozenset(data["method_heads"]),
        "hyper": re.compile(rf"(?<![@\-])\b(?:{alt(re.escape(w) for w in data['hyper_before'])})"
                            r"\s*(?:of|=|:|is|was|to|at)?\s*(?:about|around|only)?\s*$",
                            re.IGNORECASE),
        "delta_before": re.compile(
            rf"\b(?:{alt(data['delta_before'])})\s+(?:\w+\s+){{0,1}}?"
            r"(?:up\s+to|about|around|nearly|approximately|over|more\s+than|an\s+average\s+of|"
            r"average|as\s+much\s+as|roughly|almost|at\s+least|a|an|only|just|~)?\s*$",
            re.IGNORECASE),
        "delta_after": re.compile(
            rf"^\s*(?:\w+\s+){{0,2}}?(?:{alt(re.escape(w) for w in data['delta_after'])})\b",
            re.IGNORECASE),
        "verbs": re.compile(rf"\b(?:{alt(data['result_verbs'])})\w*\W*(?:\w+\W+){{0,3}}$",
                            re.IGNORECASE),
        "own": re.compile(rf"\b(?:{alt(re.escape(w) for w in data['own_system'])})\b",
                          re.IGNORECASE),
        "cmp": re.compile(rf"\b(?:{alt(re.escape(w) for w in data['comparison_before'])})"
                          r"\s+(?:the\s+|a\s+|an\s+|strong\s+|existing\s+|prior\s+|previous\s+|other\s+|"
                          r"all\s+|competing\s+|several\s+|many\s+|these\s+)*$",
                          re.IGNORECASE),
        "group": re.compile(
            r"\b(?:(?:API-based|proprietary|open-source|open|closed|existing|current|prior|"
            r"state-of-the-art|frontier|leading|strong|most|all|many|other|every|the\s+best|"
            r"top|commercial|small|large|specialized|baseline)\s+)+(?:\(\w+\)\s+)?"
            r"(?:LLMs|models?|methods|systems|detectors|approaches|agents|networks|baselines|"
            r"humans|annotators|VLMs|MLLMs|LMs)\b", re.IGNORECASE),
        "metric": re.compile(rf"(?<![\w\-@])(?:{metric_alt}|[A-Za-z][\w\-]*@\d+(?:\.\d+)?|"
                             r"[Pp]ass@[kK\d]+)(?![\w@])", re.IGNORECASE),
    }


def read_number(value: str) -> float | None:
    """The number a value means (LaTeX escapes, thousands commas and signs handled)."""
    text = value.replace("\\%", "%").replace("−", "-").replace("$", "")
    m = re.search(r"[+\-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)", text)
    word = None if m else _WORD_START.match(text)
    if word is not None:
        number = float(_WORDS[word.group(1).casefold()])  # "fivefold", "ten times"
    elif m:
        try:
            number = float(m.group(0).replace(",", ""))
        except ValueError:
            return None
    else:
        return None
    if _MAGNITUDE_RE.search(text):
        number = 10.0 ** number  # "two orders of magnitude": a factor of 100
    return number


def _unit(raw: str | None) -> str:
    """A unit as written, normalised: %, x, points, dB, ..."""
    if not raw:
        return ""
    u = raw.strip().replace("$", "").replace("\\", "")
    if u in ("%", "percent"):
        return "%"
    if u in ("times", "×", "x", "X", "-fold", "fold") or u.endswith("magnitude"):
        return "x"
    if u.startswith("percentage point") or u in ("pp", "pts") or u.endswith(("point", "points")):
        return "points"
    return u


def _kind(text: str, m: re.Match, unit: str, c: dict, clause_start: int) -> str:
    """score | delta | ratio from the unit, the sign and the words around the value."""
    before = text[max(clause_start, m.start() - 60):m.start()]
    after = text[m.end():m.end() + 40]
    if unit == "x" or unit == ":1":
        return "ratio"
    sign = m.group("sign") or m.group("sign2") or ""
    if sign in ("+",) or (sign in ("-", "−") and unit in ("%", "points")):
        return "delta"
    if unit == "points":
        return "delta"
    if re.match(r"\s*of\s+(?:the\s+)?[\w\-]+(?:'s)?\s+(?:\w+\s+)?(?:quality|performance|accuracy)",
                after):
        return "ratio"
    if c["delta_after"].match(after) and not re.match(r"\s*(?:higher|lower|better)\s+than", ""):
        return "delta"
    if c["delta_before"].search(before):
        return "delta"
    if re.search(r"\bby\s+(?:\w+\s+)?$", before):
        return "delta"
    return "score"


def _is_result(text: str, m: re.Match, unit: str, c: dict, listed: bool = False,
               at_name: bool = False) -> bool:
    """Whether a number is a result (not a size, count, year, version or hyper-parameter);
    listed: a bare decimal coordinated with a result just before it ("0.76 for A and 0.69")."""
    a, b = m.start(), m.end()
    num = m.group("num")
    before = text[max(0, a - 40):a]
    after = text[b:b + 40]
    if SCRIPTS and _SCRIPT_BEFORE.search(before):
        return False  # "$e=0.099^{+0.063}_{-0.044}$", "$10^{-4}$": an error bar or exponent
    if (num[:1].isalpha() or "magnitude" in (m.group("unit") or "")) and (
            not (_WORD_CUE_AFTER.match(after) or _WORD_CUE_BEFORE.search(before)) or
            _LIST_WORD_BEFORE.search(before)):
        return False  # "our contributions are threefold", "across three orders of magnitude"
    if _OUT_OF.match(after) and ("." in num or m.group("num2")):
        return True  # "(3.37/5)", "scoring 4.67 out of 5", "8--9/10": a rating
    if _REL_CMP.search(before):
        eq = _EQ_BEFORE.search(before)  # "r = 0.988", "F1 = 0.68" are results; "k = 5" is not
        if PEOPLE_AGREE and eq and eq.group(1).strip("$").casefold() in _AGREE_NAMES and \
                _AGREEMENT.search(text, max(0, a - 80), a):
            return False
        rel = _STAT_BEFORE.search(before) if STAT_CMP and not _AGREEMENT.search(
            text, max(0, a - 80), a) else None  # "R2 > 0.99", "(Kappa = 0.63)"; not annotators'
        # agreement
        if not (eq and (c["metric"].fullmatch(eq.group(1)) or eq.group(1) in ("r", "R^2")) or
                rel and (c["metric"].fullmatch(rel.group(1)) or
                         rel.group(1).casefold() in _STAT_NAMES) and "." in num):
            return False
        if "." in num:
            return True  # "(r = 0.988)", "F1 = 0.68"
    if "pm" in (m.group("sign") or "") or "±" in (m.group("sign") or "") or \
            _PM_BEFORE.search(before) or text.startswith("+-", m.start()):
        return False  # "(±0.01)": a spread, not a result
    if SETTING_NOUN and (unit.endswith("Hz") and _HZ_NOUN.match(after) or
                         unit == ":1" and _RATIO_NOUN.match(after)):
        return False  # "22.05 kHz high-fidelity audio", "a 1:1 ratio for Dholuo": settings
    if CONDITIONS and unit == "%" and _CONDITION_BEFORE.search(before) and (
            _CONDITION_AFTER.match(text, b) or CONDITION_SHARE and (
                share := _SHARE_STATE.match(text, b)) and _CONDITION_AFTER.match(
                text, share.end())):
        return False  # "with up to 90% occlusion", "after 50% sensor loss": a test condition
    if SCALE_SETTING and unit in ("x", "%") and (_SCALE_NOUN.match(after) or unit == "x" and
                                                  _AT_FACTOR.search(before) and
                                                  _ACCELERATION.match(after)):
        return False  # "4x super-resolution", "a 30% downsampling portion": the task's scale
    if unit == "%" and _ADDED_COST.match(after):
        return False  # "with 0.6% additional FLOPs", "(2% added parameters)": an overhead
    if SPLITS and unit == "%" and _SPLIT_AFTER.match(after):
        return False  # "split into 80% for training and 20% for testing": shares of the data
    if unit == "s" and re.fullmatch(r"1[89]\d0|20[0-2]0", num):
        return False  # "the 1990s": a decade
    if unit in ("hours", "minutes") and re.match(r"\s*of\b", after) or unit.endswith("Hz") and \
            re.search(r"\b(?:rate|frequency)\s+of\s+$|\bat\s+$", before):
        return False  # "120,000 hours of data": a size; "a rate of 2 kHz": a setting
    if unit in _MEASURES and (_SETTING_BEFORE.search(before) or _SIZE_AFTER.match(after)):
        return False  # "at 5 and 10 minutes", "within 24 hours", "174 hours from": settings, sizes
    if unit == "points" and ("," in num or float(num.replace(",", "")) > 100):
        return False  # "4,900 points": a count
    if _ENUM.search(before) and re.match(r"\)", after) and not unit and "." not in num:
        return False  # "(1)", "(2)": enumerations
    if _SIZE_SUFFIX.match(after) and unit not in ("%", "x", "points"):
        return False
    if re.match(r"[\-–]?[A-Za-z]", after) and not unit:
        return False  # 7B, 3D, 16-digit ...
    if re.match(r"\s*[/]\s*\d", after) and not (
            "." in num and _SLASH_LIST.match(after)):  # 3/5 fractions and counts
        return False
    nxt = _NEXT_WORD.match(after)
    word = nxt.group(1).casefold() if nxt else ""
    if unit in ("", "points") and word in c["size"]:
        return False
    if unit == "x" and re.match(r"\d", after):
        return False
    if unit == "x" and (_LARGER_DATA.match(after) or SIZE_FACTOR and _SIZE_FACTOR.match(after)
                        or SMALLER_SIZE and _SMALLER_SIZE.match(after)):
        return False  # "a training set 4x larger than the first StarCoder dataset": a size
    if FREQ and unit == "%" and _FREQ_AFTER.match(after) and _FREQ_BEFORE.search(before):
        return True  # "preferred in 43% of cases", "solves 98% of the problem instances"
    if unit == "%" and re.match(r"\s*(?:of\s+(?:the\s+)?(?:total|data|training|dataset|samples|"
                                r"examples|tokens|parameters|labeled|labelled|annotated|all|"
                                r"compute|cases|time|its|their|our|users|images|questions|"
                                r"problems|papers|queries))\b", after, re.IGNORECASE):
        return False
    if unit == "%" and re.search(r"\b(?:only|just|with|using|use|uses|on|of)\s+$", before) and \
            re.match(r"\s*(?:of\s+)?(?:the\s+)?(?:model\s+)?(?:labeled|labelled|training|data|parameters|"
                     r"tokens|annotations|samples|examples|compute)\b", after, re.IGNORECASE):
        return False
    if _THRESHOLD_AFTER.match(after):
        return False  # "under the 0.75 IoU criterion": a setting
    if c["hyper"].search(before) and not (COEF and _METRIC_COEF.search(before)) and \
            not (unit in (":1", "x") and _RATIO_METRIC.search(before)) or \
            unit == "%" and re.search(r"\btop\s+$", before):
        return False  # hyper-parameters; "of the top 5% reactions": a selection
    if EFFECT_SHARE and unit == "%" and _EFFECT_OF.match(after) and \
            not _EFFECT_VERB.search(text, max(0, a - 40), a):
        return False  # "69% of the gap is attributable to": a share of an effect, not a result
    if unit == "%" and _SHARE_OF.match(after) and not _QUALITY_OF.match(after) and \
            not c["metric"].match(after.lstrip(" ")[2:].lstrip(" ")) and \
            not re.search(r"\b(?:in|recover\w*|retain\w*|preserv\w*|clos\w*|achiev\w*|"
                          r"reach\w*|maintain\w*|attain\w*|reali[sz]\w*|solv\w*|within)\s+"
                          r"(?:only\s+|just\s+|over\s+|about\s+|roughly\s+|approximately\s+|"
                          r"up\s+to\s+|nearly\s+|almost\s+)?\$?$", before):
        return False  # "0.001% of these parameters": a share of something, not a result
    if unit == "%" and _AT_SETTING.search(before) and not c["metric"].match(after.lstrip(" ")) \
            and not (NAME_AT and at_name):
        return False  # "at a 40% noise ratio": a setting (not "vs. Claude Opus 4.6 at 80.8%")
    if _CI.match(after) or re.search(r"\bCI\s*:?\s*$", before) or \
            (unit == "x" and re.match(r"\s*(?:[\w\-]+\s+){0,2}?(?:cross-?validation|cross-?fitting|"
                                      r"CV|folds?)\b", after)) or _IN_INTERVAL.search(before):
        return False
    if not unit:
        if "." not in num:
            return False  # bare integers: counts, sizes, years
        if (m.group("sign") or m.group("sign2")) == "+":
            return True  # "+18.30/+11.20 over the base model": a signed gain
        if re.search(r"\b(?:v|version|Python|CUDA|Llama|GPT|Qwen|Gemini|Claude)\s*$", before,
                     re.IGNORECASE):
            return False
        return bool(listed or c["verbs"].search(before) or c["metric"].search(before[-30:])
                    or c["metric"].match(after.lstrip(" ")) or VS_PAIR and (
                        _VS_NEXT.match(after) or _VS_PREV.search(before)))
    return True


VS_PAIR = True
# two decimals set against each other ("(3.90 vs. 2.68 VLM-Judge)", "W=0.128 vs 0.000"): scores
_VS_NEXT = re.compile(r"\s*(?:vs\.?|versus|v\.s\.)\s*[+\-−]?\d*\.\d+")
_VS_PREV = re.compile(r"(?<![\d.])[+\-−]?\d*\.\d+\s*(?:vs\.?|versus|v\.s\.)\s*$")
BRACKETED = True
ON_BENCH = True
_ON_NAME = re.compile(r"\s+(?:on|in)\s+(?:the\s+)?")  # "0.8146 on MuSiQue": a score there
COEF = True
# "a Dice coefficient of 0.84", "a Pearson correlation coefficient of 0.91": a metric, not a
# hyper-parameter coefficient
# "a compression ratio of 19:1" is a result, while "a ratio of 1:3" is a setting
_RATIO_METRIC = re.compile(r"\b(?:compression|speed-?up)\s+ratio\s+(?:of|=|:|is|was)\s*"
                           r"(?:about|around|only|up\s+to)?\s*$", re.I)
_METRIC_COEF = re.compile(r"\b(?:Dice|Jaccard|Gini|Pearson|Spearman|Kendall|correlation|"
                          r"determination|silhouette|kappa|agreement|similarity|overlap)\s+"
                          r"coefficients?\s*(?:of|=|:|is|was)?\s*(?:about|around|only)?\s*$",
                          re.I)
OF_NAME = True
_OF_NAME = re.compile(r"\b(?:value|score|performance|accuracy|result)s?\s+of\s+(?:the\s+)?$",
                      re.I)
_CUE_BEFORE = re.compile(r"\b(?:outperform|surpass|beat|exceed|than|vs\.?|versus|compared|"
                         r"achiev|reach|scor|baseline)", re.I)
_OPEN_BEFORE = re.compile(r"\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*[),;]")


def _bracketed_after_name(text: str, mentions, a: int, b: int) -> bool:
    """Whether a bare number stands in brackets for the system named right before them
    ("outperforming o1 (82.7), o1-preview (74.8)", "a baseline (DynUNet, 0.224)")."""
    if not _CLOSE_AFTER.match(text, b):
        return False
    s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
    if not (_CUE_BEFORE.search(text, s0, a) or cues()["metric"].search(text, s0, a)):
        return False  # "OpenFOAMGPT (1.0, 2.0)": versions, unless the sentence compares
    head = text[max(0, a - 3):a]
    if _OPEN_BEFORE.search(head):
        lo = a - len(head) + head.rfind("(")
        return any(typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and not text[mb:lo].strip()
                   and lo - mb < 3 for _ma, mb, name, typ, _ in mentions)
    return any(typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and ma > 0 and
               text[ma - 1] == "(" and re.fullmatch(r",\s*", text[mb:a]) is not None
               for ma, mb, name, typ, _ in mentions)


SETTING_NOUN = True
_HZ_NOUN = re.compile(r"\s*(?!(?:and|or|on|in|at|for|with|while|than|to|per|compared|faster|"
                      r"slower|higher|lower|more|less|speed|throughput|rate|inference|control)\b)"
                      r"[a-z][a-z\-]+\b")
SCALE_SETTING = True
# a factor or share naming the scale a task is set at ("adjusted for 4x super-resolution",
# "for 6X super-resolution", "a 30% downsampling portion", "lower FID ... at 4.53x
# acceleration"), not a result
_SCALE_NOUN = re.compile(r"\s*(?:super-?resolution|up-?scaling|up-?sampling|"
                         r"down-?scaling|down-?sampling|magnification|zoom)", re.I)
_AT_FACTOR = re.compile(r"\bat\s+(?:a\s+|an\s+)?\$?$")
_ACCELERATION = re.compile(r"\s*acceleration\b", re.I)
_RATIO_NOUN = re.compile(r"\s*(?:[\w\-]+\s+)?(?:ratio|split|mix|mixture|proportion)\b", re.I)
CONDITIONS = True
_CONDITION_BEFORE = re.compile(r"\b(?:with|under|after|despite|at|against|for|when|given|"
                               r"even\s+with)\s+(?:up\s+to\s+|only\s+|a\s+|an\s+|about\s+|"
                               r"around\s+)?$", re.I)
_CONDITION_AFTER = re.compile(r"\s*(?:(?!(?:less|lower|fewer|more|higher|reduction|reduced|"
                              r"decrease|drop|gain|improvement|increase)\b)[\w\-]+\s+){0,2}?"
                              r"(?:occlu\w*|noise|noisy|corrupt\w*|"
                              r"missing|masking|masked|sparsity|pruning|pruned|dropout|outliers?|"
                              r"mislabel\w*|perturb\w*|poison\w*|contaminat\w*|sensor\s+loss|"
                              r"packet\s+loss|data\s+loss|malicious|adversarial|byzantine|"
                              r"attackers?|label\s+flip\w*|flipped)\b", re.I)
CONDITION_SHARE = True
# the share of the data a condition holds for, stated with its verb: "when 59% or more of the
# preference data is missing", "when 50% or 30% of the labels are corrupted"
_SHARE_STATE = re.compile(r"\s*(?:or\s+(?:more|less|fewer|[\d.]+\s?%)\s+)?of\s+(?:the\s+)?"
                          r"(?:[\w\-]+\s+){0,3}?(?:is|are|was|were|being)(?=\s)")
SPLITS = True
_SPLIT_AFTER = re.compile(r"\s*(?:(?:for|as|in)\s+(?:the\s+)?(?:training|testing|test|"
                          r"validation|train)\b|(?:training|test|testing|validation)\s+"
                          r"(?:sets?|splits?|data|samples)\b|/\s*\d+%?\s*(?:/\s*\d+%?\s*)?"
                          r"(?:train|split))", re.I)
EFFECT_SHARE = True
# the share of a gap or gain a cause accounts for ("contributed 89% of scoring improvement",
# "Approximately 69% of the gap is attributable to", "(+0.533, 82% of gain)") is no result;
# one a system closes, recovers or keeps is ("closing 82% of the oracle gap", "recovers 58% of
# the base-to-teacher gap", "retains at least 64.8% of the gains")
_EFFECT_OF = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w\-]+(?:'s)?\s+){0,3}"
                        r"(?:gap|difference|improvements?|gains?)\b", re.I)
_EFFECT_VERB = re.compile(r"\b(?:clos|bridg|recover|retain|preserv|captur|realiz|realis|achiev|"
                          r"reach|narrow|reduc|cut|eliminat|shrink|halv|maintain|keep|keeps|kept|"
                          r"yield|obtain|attain|match|cover)\w*\b[^.;:()]{0,30}$", re.I)
BENCH_BRACKET = True
NAME_AT = True
_AT_BEFORE = re.compile(r"\s+at\s+(?:only\s+|just\s+|about\s+|around\s+)?$")


def _bracketed_after_bench(text: str, mentions, a: int, b: int, c: dict) -> bool:
    """Whether a bare decimal in brackets right after a benchmark's name is a score there, in
    a sentence that scores ("strong scores on Terminal-Bench Hard (46.8) and tau2-Bench (93.9)")."""
    lo = text.rfind("(", 0, a)
    first = text[max(0, a - 2):a].rstrip().endswith("(")
    versus = VS_BRACKET and lo >= 0 and (
        first and _VS_FIRST.match(text, b) or  # "AIME24 (80.3 vs. 79.8)": both
        _VS_SECOND.fullmatch(text, lo, a) and text[b:b + 3].lstrip().startswith(")"))
    if not (_CLOSE_AFTER.match(text, b) and first or versus):
        return False
    if not any(typ in BENCH_TYPES and 0 <= lo - mb <= 1 for _ma, mb, _n, typ, _ in mentions):
        return False
    s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
    return bool(c["verbs"].search(text[s0:lo][-80:]) or re.search(r"\bscor", text[s0:lo]) or
                c["metric"].search(text, s0, lo) or versus and _CUE_BEFORE.search(
                    text, max([0, text.rfind("\n", 0, a)] + [
                        m.end() for m in _STOP.finditer(text, max(0, lo - 300), lo)]), lo))


VS_BRACKET = True
# "(91% vs. 79.2%)" right after a name: the first value is the sentence's subject's, the second
# the compared system's (the name before the bracket only when a comparison word leads to it)
_VS_FIRST = re.compile(r"\s*(?:vs\.?|versus)\s+[+\-]?\d[\d.,]*\s*(?:\\?%)?\s*\)")
_VS_SECOND = re.compile(r"\(\s*[+\-]?\d[\d.,]*\s*(?:\\?%)?\s*(?:vs\.?|versus)\s+$")


_VS_CUE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|over|vs\.?|versus|"
                     r"compared\s+(?:to|with)|relative\s+to|against)\s+"
                     r"(?:(?!(?:in|of|on|for|at|and|or|with|by|to)\b)[^\s,;:()]+\s+){0,3}$", re.I)


_STOP = re.compile(r"(?<!\bvs)\.\s")


def _vs_bracket(text: str, opened: int, pos: int, end: int) -> str | None:
    """"first" or "second" when the value is one of two in "(A vs. B)", else None."""
    if not text[opened + 1:pos].strip() and _VS_FIRST.match(text, end):
        return "first"
    if _VS_SECOND.fullmatch(text, opened, pos) and _CLOSE_AFTER.match(text, end) and \
            text[end:end + 3].lstrip().startswith(")"):
        return "second"
    return None


def _name_at(text: str, mentions, a: int) -> str | None:
    """The system named right before "at" and the value ("vs. Claude Opus 4.6 at 80.8%")."""
    at = _AT_BEFORE.search(text, max(0, a - 20), a)
    if not at:
        return None
    return next((name for _ma, mb, name, typ, _ in mentions if mb == at.start() and
                 typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS), None)


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Start offset of the clause holding pos, inside the sentence starting at s0."""
    start = s0
    for m in _CLAUSE.finditer(text, s0, pos):
        start = m.end()
    return start


def _mentions(ents: list[dict]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, name, type, role) of every entity mention, by offset."""
    out = []
    for e in ents:
        typ = e["type"]
        if typ in SYSTEM_TYPES and _NOT_A_SYSTEM_HEAD.search(e["name"]):
            typ = "ACTIVITY"  # "LLM Evaluation", "Ablation Study": not a system
        for mm in e.get("mentions", []):
            out.append((mm[1], mm[2], e["name"], typ, e.get("role", "used")))
    out.sort()
    return out


_NOT_A_SYSTEM_HEAD = re.compile(r"\s(?:evaluations?|assessments?|analys[ie]s|stud(?:y|ies)|"
                                r"experiments?|benchmarks?)$", re.I)


_DATA_NOUN = r"(?:dataset|data\s+set|benchmark|test\s+set|corpus|cohort|split)"
_DATA_BEFORE = re.compile(rf"\b{_DATA_NOUN}s?\s*(?:\(\s*)?$", re.I)
_DATA_NAMED_AFTER = re.compile(rf"(?:\s+[\w\-]+){{0,3}}?\s+{_DATA_NOUN}\b(?!s)", re.I)


_DATA_WORDS = ("data", "bench", "test", "corpus", "cohort", "split")


def _find_all(text: str, word: str) -> list[int]:
    """Every offset of word in text."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


DATA_PHRASES = True
# a name the text calls data after "on/with/using the" that no entity holds ("evaluated on the
# public Kermany pneumonia test set", "Evaluation on the Waymo open trajectory dataset"): a
# capitalised first word, up to four more words, then the data noun
_DATA_PHRASE = re.compile(
    r"\b(?:on|with|using)\s+the\s+(?:(?:public|publicly\s+available|open|real-world|"
    r"large-scale|widely\s+used|standard)\s+)?"
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


def own_system(ents: list[dict], title_end: int, title: str = "", text: str = "") -> str | None:
    """The name of the paper's own system: its introduced method/model named in the title,
    else the name the title leads with ("MobRFFI: ..."), else an introduced method/model, else
    None for a benchmark or dataset paper, else an introduced name typed as a task or dataset
    that the text calls a method or whose head is a method head and that the title writes,
    else the coined name "we propose NAME, a ..." gives, else a method phrase of the title,
    else THIS_PAPER."""
    best = None
    for e in ents:
        if e.get("role") != "introduced" or e["type"] not in SYSTEM_TYPES or \
                _plural_head(e["name"]):
            continue
        first = min((mm[1] for mm in e.get("mentions", [])), default=10 ** 9)
        in_title = first < title_end
        rank = (0 if in_title else 1, first)
        if best is None or rank < best[0]:
            best = (rank, e["name"])
    if best and best[0][0] == 0:
        if MEANS_TITLE and _TITLE_MEANS.search(title, 0, best[0][1]):
            # "Tethered Reasoning ... via Manifold Steering" with "we propose HELIX, ...": the
            # title names the means, the abstract the system it builds
            other = _introduced_after_we(ents, text, title_end)
            if other:
                return other
        return best[1]
    lead = title_lead(title, ents, text)
    if lead:
        return lead
    if best:
        return best[1]
    if _DATA_TITLE.search(title):
        return None  # a benchmark or dataset paper: its results are the systems it evaluates
    if INTRO_OTHER:
        heads = cues()["heads"]
        for e in ents:
            if e.get("role") == "introduced" and e["type"] in ("TASK", "DATASET") \
                    and (_called_a_method(text, e["name"]) or
                         e["name"].split()[-1].casefold() in heads and e["name"] in title):
                return e["name"]
    if WE_NAMED:
        named = _named_by_we(text, title_end)
        if named:
            return named
    return title_system(title) or THIS_PAPER


WE_NAMED = True
# the verb first, then "we" / "this paper" before it (a scan for the verbs alone is the cheap one)
_WE_NAMES = re.compile(r"(?:present|propose|introduce|develop|design)\w*\s+")
_WE_BEFORE = re.compile(r"(?:\b[Ww]e|\b[Tt]his\s+(?:paper|work))\s+"
                        r"(?:(?:also|further|then|first)\s+)?$")


def _named_by_we(text: str, title_end: int) -> str | None:
    """The coined name the abstract's first "we propose NAME, a ..." gives its own system
    ("We introduce \\textbf{CAPS}, a two-stage ... framework", "we propose DuSAR (...) - a
    demonstration-free framework"), for a paper with no introduced method or model entity;
    not a name of data or what the words after it call a benchmark, tool, task or study."""
    for m in _WE_NAMES.finditer(text, title_end):
        if not _WE_BEFORE.search(text, max(title_end, m.start() - 24), m.start()):
            continue
        name = _INTRO_NAME.match(text, m.end())
        if not name or not _COINED_WORD.search(name.group(1)) or \
                name.group(1) in _NOT_SYSTEMS or _DATA_NAME.search(name.group(1)):
            continue
        stop = text.find(". ", name.end())
        stop = name.end() + 100 if stop < 0 else min(stop, name.end() + 100)
        if not _NOT_A_METHOD.search(text, name.end(), stop):
            return name.group(1)
    return None


# what a name the abstract presents is when it is no method: data, a benchmark, a study, a task
_NOT_A_METHOD = re.compile(
    r"\b(?:benchmarks?|datasets?|data\s?sets?|corpus|corpora|suite|arena|leaderboard|testbed|"
    r"library|platform|archive|resource|collection|task|diagnostic|study|survey|"
    r"evaluation|simulator|environment|toolkit|challenge|tool)\b", re.I)
_DATA_NAME = re.compile(r"bench|data|corpus", re.I)  # a name that says it is data: "PowerBench"


INTRO_OTHER = True
MEANS_TITLE = True
_TITLE_MEANS = re.compile(r"\b(?:via|through|using|with|by)\s+(?:[\w\-]+\s+)?$", re.I)
_WE_PRESENT = re.compile(r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:also\s+|further\s+|then\s+)?"
                         r"(?:present|propose|introduce|develop|design)\w*\b")


def _introduced_after_we(ents: list[dict], text: str, title_end: int) -> str | None:
    """The first introduced method or model named within 120 characters after the abstract's
    first "we propose/present/introduce ..." that names one, in the same sentence."""
    for m in _WE_PRESENT.finditer(text, title_end):
        stop = text.find(". ", m.end())
        stop = min(len(text) if stop < 0 else stop, m.end() + 120)
        found = min(((mm[1], e["name"]) for e in ents if e.get("role") == "introduced" and
                     e["type"] in SYSTEM_TYPES and not _plural_head(e["name"])
                     for mm in e.get("mentions", []) if m.end() <= mm[1] < stop), default=None)
        if found:
            return found[1]
    return None


def _plural_head(name: str) -> bool:
    """Whether a name is a plural class of systems ("Multi-agent systems"), not one system."""
    last = name.split()[-1].casefold() if " " in name else ""
    return last.endswith("s") and last[:-1] in cues()["heads"]


def _called_a_method(text: str, name: str) -> bool:
    """Whether text presents name as a method ("X, a data curation framework for ...")."""
    heads = cues()["heads"]
    for m in re.finditer(rf"{re.escape(name)}\W{{0,3}},\s+an?\s+([^.;:()]{{1,80}})", text):
        words = re.split(r"\s+(?:for|to|that|which|with|of|in|on|aimed|designed)\b", m.group(1))[0]
        if any(w.casefold() in heads for w in words.replace(",", " ").split()):
            return True
    return False


_TITLE_NAME = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?([^:]{1,40}?)\s*:\s")
_NOT_A_SYSTEM_TITLE = re.compile(
    r"\b(?:Benchmark|Benchmarking|Dataset|Data\s?set|Corpus|Survey|Study|Report|Playground|"
    r"Suite|Arena|Leaderboard|Collection|Testbed|Challenge|Review)s?\b", re.I)


_DATA_TITLE = re.compile(
    r"\b(?:Benchmark|Benchmarking|Dataset|Data\s?set|Corpus|Suite|Arena|Leaderboard|"
    r"Testbed)s?\b", re.I)


CALLED_MODEL = True


def title_lead(title: str, ents: list[dict], text: str = "") -> str | None:
    """The name a title leads with before its colon ("MobRFFI: Non-cooperative ..."), when
    the title does not call it a benchmark, dataset or study and the name is one of the
    paper's entities (a method or model; not a benchmark or task; another type only when the
    paper introduces it, and a dataset only when the text calls it a method: "MobRFFI, an
    AI-based ... framework")."""
    m = _TITLE_NAME.match(title)
    if not m:
        return None
    lead = m.group(1).strip()
    words = lead.split()
    if not 1 <= len(words) <= 4 or _NOT_A_SYSTEM_TITLE.search(title) or \
            not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None
    for e in ents:
        if e.get("type") == "TASK" or (e.get("type") not in SYSTEM_TYPES and
                                       e.get("role") != "introduced"):
            continue
        if e.get("type") == "BENCHMARK" and not CALLED_MODEL:
            continue
        if lead.casefold() not in (e["name"].casefold(),
                                   *(a.casefold() for a in e.get("aliases", []))):
            continue
        if e["type"] in BENCH_TYPES and not (_called_a_method(text, lead) or CALLED_MODEL and
                                             _called_a_method(text, e["name"])):
            continue  # "BiND (Bimanual Neural Discriminator-Decoder), a two-stage model"
        return e["name"]
    return None


_TITLE_LEAD = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?((?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*)\s+"
                         r"(?:for|of|in|on|with|via|to|as|and|improves?|enables?)\b")
_TITLE_TAIL = re.compile(r"\b(?:with|via|using|through|by)\s+((?:[A-Z][\w\-]*\s+){0,4}"
                         r"[A-Z][\w\-]*)\s*$")


_TITLE_VERBS = frozenset({"Improved", "Improve", "Towards", "Toward", "Rethinking", "Revisiting",
                          "Efficient", "Better", "Scalable", "Robust", "Fast", "Simple"})


# A title phrase headed by one of these names the problem ("High-Fidelity Compression of ...",
# "Shape Estimation"), not the paper's method.
_TASK_HEADS = frozenset({"compression", "estimation", "modeling", "modelling", "mechanism",
                         "detection", "classification", "recognition", "segmentation",
                         "prediction", "forecasting", "generation", "reconstruction"})


def title_system(title: str) -> str | None:
    """The paper's own method when its title names it as a capitalised phrase ending in a
    method head word ("Staged Training for ...", "... with Adaptive Weight Decay")."""
    heads = cues()["heads"]
    for pattern in (_TITLE_LEAD, _TITLE_TAIL):
        m = pattern.search(title)
        if m:
            words = m.group(1).split()
            while words and (words[0].endswith("ing") and words[0][:1].isupper()
                             and words[0].casefold() not in heads or words[0] in _TITLE_VERBS):
                words = words[1:]  # "Leveraging Computerized Adaptive Testing"
            last = words[-1].casefold() if words else ""
            if len(words) >= 2 and last in heads and not last.endswith("s") and \
                    words[0].casefold() not in ("a", "an", "the", "on", "towards", "toward") \
                    and not _NOT_A_SYSTEM_HEAD.search(" ".join(words)) \
                    and last not in _TASK_HEADS:
                return " ".join(words)
    return None


TITLE_BENCH = True


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
    """The one benchmark or dataset the paper introduces (None when it introduces 0 or 2+)."""
    names = [e["name"] for e in ents if e.get("role") == "introduced" and e["type"] in BENCH_TYPES]
    return names[0] if len(names) == 1 else None


ONE_BENCH = True
ONE_BENCH_DELTA = True
# a gain in a quality measure is on the paper's one benchmark as its scores are ("improving
# Rank-1, Rank-5, and Rank-10 performance by 11.24%, 13.48%, and 17.98%"); a saving in a cost
# ("reduces costs by 7%", "38-42% less memory usage") is the system's, on no benchmark
_EFFICIENCY = re.compile(r"(?:costs?|usage|consumption|latency|memory|time|speed|frequency|"
                         r"throughput|FLOPs|footprint|overhead|energy|power)$", re.I)


_EVAL_ON = re.compile(r"(?<!based\s)(?<!built\s)\b(?:on|across)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$",
                      re.I)
_MODEL_AFTER = re.compile(r"\W{0,3}(?:[\w\-]+\s+)?(?:backbones?|models?|networks?|"
                          r"architectures?|encoders?|simulators?)\b", re.I)
_DATA_NAMED = re.compile(r"\W{0,3}(?:[\w\-]+\s+){0,2}(?:dataset|benchmark|corpus|data\s+set|"
                         r"test\s+set|challenge)\b", re.I)


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


def _system(text: str, mentions, s0: int, cs: int, pos: int, end: int, c: dict,
            own: str | None, background: bool = False) -> str | None:
    """The system a value belongs to: the nearest subject before it (an entity followed by a
    result verb, "we/our ..." for the paper's own, an unnamed group or a baseline for None), in
    its clause, else in its sentence; else the nearest entity of the clause; else the paper's."""
    if NAME_COLON:  # "(BGE-Large: 92.0% Recall, Jina-v3: 90.1% Recall)": each name's
        for _a, b, name, typ, _role in mentions:
            if b < pos and pos - b <= 3 and typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS \
                    and re.fullmatch(r":\s*", text[b:pos]) and not (
                        METRIC_NOT_SYSTEM and c["metric"].fullmatch(name)) and (
                        typ == "MODEL" or not _ACRONYM.fullmatch(name) or
                        c["metric"].match(text, end + 1)):  # not "(QWK: 0.531 to 0.686)"
                _tag("system", "name: value")
                return name
    if NAME_AT and (at := _name_at(text, mentions, pos)):
        _tag("system", "name right before 'at' value")
        return at  # "(vs. Claude Opus 4.6 at 80.8%)"
    opened = text.rfind("(", max(s0, pos - 60), pos)
    versus = VS_BRACKET and opened >= 0 and _vs_bracket(text, opened, pos, end)
    if versus:  # "CLS achieves higher rates on ... Qwen 7B (91% vs. 79.2%)": not Qwen 7B's
        named = next((name for a, b, name, typ, _role in mentions if b <= opened and
                      not text[b:opened].strip() and typ in SYSTEM_TYPES and
                      name not in _NOT_SYSTEMS and _VS_CUE.search(text, max(s0, a - 50), a)),
                     None) if versus == "second" else None
        if versus == "second" and not named and not any(
                opened - 1 <= b <= opened and typ in SYSTEM_TYPES
                for _a, b, _n, typ, _r in mentions):
            # "surpasses the larger DeepSeek R1 on three benchmarks: AIME24 (80.3 vs. 79.8)"
            named = next((name for a, b, name, typ, _role in reversed(mentions) if
                          s0 <= a and b <= opened and typ in SYSTEM_TYPES and
                          name not in _NOT_SYSTEMS and
                          _VS_CUE.search(text, max(s0, a - 50), a)), None)
        if versus == "second":
            _tag("system", "second of '(A vs. B)': the compared name before the bracket")
            return named  # "outperforms the larger Qwen2.5-VL-72B (50.5% vs. 47.3%)"
        opened = -1  # the first: the sentence's subject's, as if no bracket were there
    if opened >= 0 and ")" not in text[opened:pos]:
        # "outperforming SVDQuant (FID 18.9, PSNR 17.6)": the values of the name before "("
        for a, b, name, typ, _role in mentions:
            if (typ in SYSTEM_TYPES or name == own) and name not in _NOT_SYSTEMS and \
                    b <= opened and not text[b:opened].strip() and \
                    not (_ON_BEFORE.search(text, max(s0, a - 20), a) and not (
                        OF_NAME and _OF_NAME.search(text, max(s0, a - 30), a))) and not (
                    METRIC_NOT_SYSTEM and name != own and c["metric"].fullmatch(name)):
                _tag("system", "bracket after name")
                return name  # also "the F1 value of Xunzi-Qwen1.5-14B (0.12)"
            if BRACKETED and typ in SYSTEM_TYPES and name not in _NOT_SYSTEMS and \
                    a == opened + 1 and re.fullmatch(r",\s*", text[b:pos]):
                _tag("system", "bracket after name")
                return name  # "a baseline (DynUNet, 0.224)"
        coined = COINED_BRACKET and _COINED_FIRST.fullmatch(text, opened + 1, pos)
        if coined and _CUE_BEFORE.search(text, s0, opened) and not any(
                a <= coined.start(1) < b for a, b, *_ in mentions):
            _tag("system", "coined name in bracket before value")
            return coined.group(1)  # "whole-proof generation (Godel-Prover, 55.33%)"
    if POSSESSIVE and (poss := _POSSESSIVE.search(text, max(s0, pos - 60), pos)):
        owner = poss.group(1)
        named = next((name for a, b, name, typ, _ in mentions if a == poss.start(1) and
                      b == poss.end(1) and typ in SYSTEM_TYPES), None)
        if named or owner not in _NOT_SYSTEMS and not c["metric"].fullmatch(owner) and \
                not any(a < poss.end(1) and poss.start(1) < b for a, b, *_ in mentions):
            _tag("system", "possessive name before value")
            return named or owner  # "outperforming Mimicgen's 49.5%", "X's accuracy of 93.58%"
    if _BASELINE_NEAR.search(text, max(cs, pos - 45), pos) or _BASELINE_AFTER.match(text, pos):
        _tag("system", "null: baseline near")
        return None
    if _PAREN_CMP.search(text, max(s0, pos - 80), pos):
        _tag("system", "null: bracket after comparison")
        return None  # "compared to graph-based (precision: 0.28, ...)": the other system's
    for a, b, name, typ, _role in mentions:  # "99% for Imagen", "72% in Mistral"
        if pos < a <= pos + 80 and (typ in SYSTEM_TYPES or name == own) and \
                name not in _NOT_SYSTEMS and (a <= pos + 40 and _FOR_SYSTEM.fullmatch(
                    text, end, a) and not (NAME_MODIFIES and _MODIFIES.match(text, b)) or
                    _DONE_BY.fullmatch(text, end, a)):
            _tag("system", "name after value (for/in/achieved by)")
            return name  # also "the best accuracy of 64.8% achieved by Gemini 3 Flash"
    for a, b, name, typ, _role in mentions:  # "customized CNN accuracy of 96.98%"
        if NAME_METRIC_OF and cs <= a and b <= pos and typ in SYSTEM_TYPES and \
                name not in _NOT_SYSTEMS and pos - b <= 60:
            mm = c["metric"].match(text, b + (3 if text.startswith("'s ", b) else 1))
            if mm and text[b:b + 1] in (" ", "'") and (_OF_VALUE.fullmatch(
                    text, mm.end(), pos) or POSSESSIVE_BY and text.startswith("'s ", b) and
                    _BY_VALUE.fullmatch(text, mm.end(), pos)):
                _tag("system", "name before its metric of the value")
                return name  # also "reduces GPT-5's accuracy by 3-19 pp"
    if (_VERSUS_WIDE if VERSUS_WIDE else _VERSUS).search(text, max(s0, pos - 16), pos):
        _tag("system", "null: after vs")
        return None  # "58% vs 55.9%", "71.2% versus 65.0%": the other system's, unnamed here
    loose: tuple[int, str] | None = None
    src = ""
    for lo in (cs, s0):
        best: tuple[int, str | None] | None = None
        subject_end = 0
        for a, b, name, typ, _role in mentions:
            if a < lo or a >= pos or name in _NOT_SYSTEMS or name.casefold() in _STAT_NAMES or (
                    typ not in SYSTEM_TYPES and name != own and not (
                        typ in ("DATASET", "TASK") and _ACTS.match(text, b) and
                        not _ON_BEFORE.search(text, max(lo, a - 20), a))):
                continue
            if (c["cmp"].search(text[max(lo, a - 30):a]) or CMP_WIDE and _CMP_WIDE.search(
                    text, max(lo, a - 40), a)) and not _ENHANCED.search(
                    text, max(lo, a - 30), a) and not (
                    WITH_ACTING and _WITH_BEFORE.search(text, max(lo, a - 12), a) and
                    _ACTING.match(text, b)) and not (
                    EXAMPLE_SUBJECT and _EXAMPLE_BEFORE.search(text, max(lo, a - 40), a) and
                    _SUBJECT_AFTER.match(text, b)) or c["metric"].fullmatch(name) or \
                    c["metric"].match(text, b + 1) or _DATA_AFTER.match(text, b) or \
                    NAME_CMP_LIST and _NAME_CMP_LIST.search(text, max(lo, a - 80), a):
                continue
            if ASIDE_IN_SUBJECT and best is not None and a < subject_end:
                continue  # "Xunzi-Qwen1.5-14B, with ... chain-of-thought prompting, achieves"
            if not (subj := _SUBJECT_AFTER.match(text, b)):
                if lo == cs and (loose is None or a > loose[0]) and not (
                        LOOSE_OUTSIDE and loose is not None and _in_bracket(text, lo, a) and
                        not _in_bracket(text, lo, loose[0])) and not (
                        LOOSE_NOT_OBJECT and _LOOSE_OBJECT.search(text, max(lo, a - 24), a)):
                    loose = (a, name)
                continue
            if best is None or a > best[0]:
                best = (a, name)
                subject_end = subj.end() if _WITH_ASIDE.match(text, b) else 0
                src = "entity subject"
        for m in _COINED.finditer(text, lo, pos):
            # a coined name the entity rules missed, as the subject ("PG achieves ...")
            if best is not None and m.start() <= best[0]:
                continue
            if any(a <= m.start() < b for a, b, *_ in mentions) or m.group(0) in _NOT_SYSTEMS or \
                    c["metric"].fullmatch(m.group(0)) or not _SUBJECT_AFTER.match(text, m.end()) \
                    or m.group(0).casefold() in _STAT_NAMES:
                continue
            if c["cmp"].search(text[max(lo, m.start() - 30):m.start()]):
                continue
            if COINED_NOUN and _NOUN_AFTER.match(text, m.end()):
                continue  # "FAIR scores from 52-57%", "KL reductions of 13.7%", "T2V models"
            best = (m.start(), _expand_acronym(m.group(0), mentions))
            src = "coined name subject"
        if best is None:
            np_ = _np_subject(text, lo, pos, c)
            if np_:
                best = np_
                src = "unnamed method phrase subject"
        for m in c["own"].finditer(text, lo, pos):
            if c["cmp"].search(text, max(lo, m.start() - 30), m.start()):
                continue  # "FooNet outperforms it", "than our baseline": not the subject
            if best is None or m.start() > best[0]:
                # a benchmark paper (own None) still has "our approach" as its own system
                best = (m.start(), own if own is not None or not _OWN_METHOD.match(
                    text, m.start()) else THIS_PAPER)
                src = "we/our -> own system"
                intro = _WE_INTRODUCE.match(text, m.end())
                name = intro and _INTRO_NAME.match(text, intro.end(), pos)
                named = name and next((x for x in mentions if x[0] == name.start(1) and
                                       x[3] in SYSTEM_TYPES), None)
                if named:  # "We present CKM-Lite, a variant that achieves ...": CKM-Lite's
                    best = (named[0], named[2])
                    src = "we present NAME"
                elif name and _COINED_WORD.search(name.group(1)) and \
                        name.group(1) not in _NOT_SYSTEMS:
                    best = (name.start(1), name.group(1))  # "\textbf{Least-Stale}, a policy"
                    src = "we present NAME"
        for m in c["group"].finditer(text, lo, pos):
            acts = GROUP_ACTS and _GROUP_ACTS.match(text, m.end())  # "with top models achieving"
            if not acts and c["cmp"].search(text[max(lo, m.start() - 30):m.start()]) or \
                    GROUP_CMP and _CMP_LOOSE.search(text, max(lo, m.start() - 40), m.start()) or \
                    GROUP_CMP and _CMP_LIST.search(text, max(lo, m.start() - 80), m.start()):
                continue  # "improves PSNR over recent state-of-the-art methods and ...": compared
            if GROUP_OBJECT and not acts and _PREP_BEFORE.search(text, max(lo, m.start() - 12),
                                                                 m.start()):
                continue  # "outperforms defenses across all models, recovering 19.9%": an object
            if best is None or m.end() > best[0]:  # beats a generic name inside the group
                best = (m.end(), None)
                src = "null: unnamed group subject"
        if best is not None:
            _tag("system", src + (" (clause)" if lo == cs else " (sentence)"))
            return best[1]
    if loose:
        _tag("system", "nearest entity of clause (no verb)")
        return loose[1]
    if background and own is not None:
        _tag("system", "null: background sentence")
        return None
    _tag("system", "default: own system" if own is not None else "default: null (data paper)")
    return BY_DEFAULT if own is not None else None


ASIDE_IN_SUBJECT = True
GROUP_OBJECT = True
COINED_NOUN = True
# a coined name followed by a plural noun, not a verb: what is measured ("FAIR scores from",
# "KL reductions of") or a group of systems ("T2V models demonstrate")
_NOUN_AFTER = re.compile(r"\s+(?:(?:scores|reductions|increases|improvements|gains|drops)\s+"
                         r"(?:of|from|on|in|for|by|at|to|over)\b|(?:models|methods|systems|"
                         r"approaches|agents|baselines)\b)")
_PREP_BEFORE = re.compile(r"\b(?:across|among|on|over|of|from|against|to|by|between)\s+"
                          r"(?:the\s+)?$", re.I)
_WITH_ASIDE = re.compile(r"(?:\s+\([^()]{0,40}\))?(?:\s+(?:model|method|framework|system))?\s*,\s+"
                         r"(?:with|using|via|fine-tuned|trained|combined|equipped|augmented|"
                         r"enhanced|integrated)\b")
# a name inside the aside between a subject and its verb is not the subject ("the domain model
# Xunzi-Qwen1.5-14B, with Simplified Chinese input and chain-of-thought prompting, achieves")
LOOSE_OUTSIDE = True
# "the VideoMAE variant (MCG-NJU/videomae-base) achieved the highest accuracies of 95.5%": with
# no subject verb found, a name inside an aside in brackets is not preferred over one before it


def _in_bracket(text: str, lo: int, pos: int) -> bool:
    """Whether pos lies inside a bracket opened after lo and not closed before pos."""
    return text.count("(", lo, pos) > text.count(")", lo, pos)


NAME_COLON = True
ACRONYM_METRIC = True
_ACRONYM = re.compile(r"[A-Z][A-Z\-]{1,5}")  # "JGA", "QWK", "BPCER" (not "GPT-4o", "LoRA")
_ACR_AFTER = re.compile(r"\s+")
_ACR_END = re.compile(r"\s*(?:[),;:.]|$|\s(?:on|in|at|while|and|for|with|across|over)\b)")
_ACR_BEFORE = re.compile(r"\s*(?:of|:|=)\s*(?:only\s+|about\s+|up\s+to\s+)?")
BARE_ACRONYM = True
# an acronym no entity holds written right after the value, as its measure ("+4% OA and +5.1%
# mAP", "61.98% J&F on the MeViS test set", "41% fewer MACs", "4.48% average NMI gains"),
# not a unit or a word of the setting ("16 GB", "10% SFT data")
_BARE_ACRONYM = re.compile(
    r"\s+(?:(?:fewer|more|less|lower|higher|better|average|mean|absolute|relative)\s+)?"
    r"((?!(?:GB|MB|KB|TB|GHz|MHz|kHz|GPUs?|CPUs?|USD|FPS|SOTA|LLMs?|VLMs?|AI|ML|RL)\b)"
    r"[A-Z][A-Za-z&@\-]*[A-Z][A-Za-z0-9&@\-]*)"
    r"(?=\s*(?:[),;:]|\.(?!\w)|$)|\s+(?:on|in|at|while|and|for|with|across|over|than|compared|"
    r"gains?|improvements?|drops?|lift)\b)")
OWN_CHANGE = True
# the quantity a verb of change names right before "by" and the value ("boosts recall by up to
# 17% while reducing sequence extraction time by 36%", "it improves OCR by 47.5%") is the
# value's, not a metric named before that verb; named as written, null for a phrase whose head
# names no measure ("enhances uncertainty estimation performance by 17%"); not "improving over
# TraceRL by 6.32%" (a comparison), nor values paired "respectively" with their verbs
_NO_MEASURE = frozenset({"performance", "results", "capabilities", "capability"})
_OWN_CHANGE = re.compile(
    r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|shorten|slash|halv|"
    r"minimi[sz]|maximi[sz])\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"((?!(?:over|upon|against|on|across)\b)"
    r"(?:(?!(?:by|and|or|of|on|in|for|with|to|from)\b)[\w\-]+\s+){0,3}?"
    r"(?!(?:by|and|or|of|on|in|for|with|to|from)\b)[\w\-]+)\s+"
    r"by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|roughly\s+|"
    r"more\s+than\s+|almost\s+|at\s+least\s+|~\s*)?$", re.I)
CMP_WIDE = True
_CMP_WIDE = re.compile(r"\b(?:than|over|vs\.?|versus|compared\s+(?:to|with)|relative\s+to|"
                       r"against|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+"
                       r"(?:(?:the|a|an)\s+)?(?:[a-z][a-z\-]*\s+){1,2}$")  # "than classical LoRA"
POSSESSIVE = True
# "Mimicgen's 49.5%", "MixMatch's accuracy of 93.58%": a capitalised name, its possessive, at
# most two words (a metric) and "of" right before the value
_POSSESSIVE = re.compile(r"(?<![\w\-])([A-Z][\w\-.]*(?:\s[A-Z0-9][\w\-.]*){0,2})'s\s+"
                         r"(?:[\w\-@]+\s+){0,2}?(?:of\s+)?$")
POSSESSIVE_BY = True
_BY_VALUE = re.compile(r"\s+by\s+(?:up\s+to\s+|about\s+|nearly\s+|over\s+|around\s+)?")
COINED_BRACKET = True
_COINED_FIRST = re.compile(r"\s*((?:[A-Z][a-z]*[A-Z0-9\-][\w\-.]*|[A-Z]{2,}[\w\-.]*)"
                           r"(?:\s[A-Z0-9][\w\-.]*){0,2}),\s*")
SIGNED_BRACKET = True
SHARED_UNIT = True
_UNIT_LIST = re.compile(r"(?<![\w.,\-@/^=$\\])(?:[+\-]?\d+(?:\.\d+)?\s*,\s*)+(?:and\s+|or\s+)?$|"
                        r"(?<![\w.,\-@/^=$\\])[+\-]?\d+(?:\.\d+)?\s+(?:and|or)\s+$")
_NUMBER = re.compile(r"[+\-]?\d+(?:\.\d+)?")
_NAMED_NUMBER = re.compile(r"(?:[A-Z][\w\-]*|\d)\s*$")
GROUP_ACTS = True
_GROUP_ACTS = re.compile(r"\s+(?:\w+ly\s+)?(?:achiev|reach|obtain|attain|scor|get)", re.I)
# "outperforming the base CNNs and state-of-the-art methods by 18% and 3%": a list compared
_CMP_LIST = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|versus|vs\.?|"
                       r"compared\s+(?:to|with)|relative\s+to|against)\s+[^.;:()]{1,60}?"
                       r"(?:,\s*and|,|\band|\bor)\s+(?:the\s+)?$", re.I)
GROUP_CMP = True
NAME_CMP_LIST = True
# a name listed after a comparison verb ("BSZO outperforms MeZO, MeZO-Adam, and HiZOO across
# various tasks, achieving up to 6.67%") is compared, not the subject; only verbs, since a
# fronted "Compared to X, FooNet achieves" or "over 20,000 episodes, FooNet" leads to the subject
_NAME_CMP_LIST = re.compile(r"\b(?:than|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+"
                            r"[^.;:()]{1,60}?(?:,\s*and|,|\band|\bor)\s+(?:the\s+)?$", re.I)
NAME_METRIC_OF = True
_OF_VALUE = re.compile(r"(?:\s+score)?\s*(?:of|:|=|was|is|reaches|reached)\s+(?:only\s+|about\s+|"
                       r"up\s+to\s+|around\s+)?")
_CMP_LOOSE = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|versus|vs\.?|"
                        r"compared\s+(?:to|with)|relative\s+to|against)\s+(?:[\w\-]+\s+){0,2}$",
                        re.I)
_OWN_METHOD = re.compile(r"(?:our|this|the\s+proposed)\s+(?:[\w\-]+\s+)?(?:method|approach|"
                         r"model|framework|system|pipeline|architecture|technique|algorithm)\b",
                         re.I)
_NP_WORD = re.compile(r"\s*([A-Za-z][\w\-]*)")
_NOT_NP_START = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "such", "each",
    "both", "all", "most", "many", "some", "every", "any", "no", "one", "other", "our", "we",
    "they", "results", "experiments",
    "evaluation", "in", "on", "for", "with", "by", "as", "at", "and", "but", "while", "when",
    "compared", "finally", "moreover", "furthermore", "overall", "notably", "specifically",
    "additionally", "however", "also", "further", "here", "there", "then", "thus"})


_INTRO_NAME = re.compile(r"(?:\\(?:textbf|textit|textsc|emph|texttt)\{)?"
                         r"([A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})\}?\s*(?:,|\(|:)")
_COINED_WORD = re.compile(r"^\S+?[A-Z\d\-]")
_WE_INTRODUCE = re.compile(r"\s+(?:also\s+|further\s+|then\s+)?(?:present|propose|introduce|"
                           r"develop|design|build|train|release)\w*\s+(?:a\s+|an\s+|the\s+)?")


NP_STOPS = True
# Words no method phrase holds: a preposition opening the clause ("Under author-assigned graded
# relevance the ranker attains") or a reporting verb ("Ablations show multi-agent decomposition
# contributes +21 points"); the phrase is then not the subject.
_NP_STOPS = frozenset({"under", "over", "across", "within", "after", "before", "during", "from",
                       "show", "shows", "showed", "shown", "demonstrate", "demonstrates",
                       "reveal", "reveals", "indicate", "indicates", "confirm", "confirms",
                       "suggest", "suggests", "find", "finds", "found", "the", "a", "an",
                       "this", "these", "those", "our", "we", "in", "on", "for", "with", "by",
                       "at", "as", "while", "when"})


def _np_subject(text: str, lo: int, pos: int, c: dict) -> tuple[int, str] | None:
    """An unnamed-entity subject opening the clause: 2-6 words ending in a method head and
    followed by a result verb ("Union based semantic table retrieval attains 54.8% ...")."""
    first = _NP_WORD.match(text, lo, pos)
    if not first or first.group(1).casefold() in _NOT_NP_START:
        return None
    words, at = [], lo
    while len(words) < 6:
        m = _NP_WORD.match(text, at, pos)
        if not m:
            return None
        words.append(m)
        at = m.end()
        if len(words) >= 2 and _SUBJECT_AFTER.match(text, at):
            names = [w.group(1) for w in words]
            if names[-1].casefold() in c["heads"] and not names[-1].endswith("s") and \
                    names[0].casefold() not in _NOT_NP_START and \
                    not (names[0].endswith("ing") and names[0].casefold() not in c["heads"]) and \
                    not any(c["own"].fullmatch(w) or c["verbs"].match(w) for w in names[:-1]) \
                    and not (NP_STOPS and any(w.casefold() in _NP_STOPS for w in names[:-1])):
                return words[0].start(1), " ".join(names)
            return None
    return None


def _expand_acronym(token: str, mentions) -> str:
    """The METHOD/MODEL entity whose initials spell token ("PG" -> "precision gating")."""
    letters = re.sub(r"[^A-Za-z]", "", token).casefold()
    for _a, _b, name, typ, _ in mentions:
        words = re.findall(r"[A-Za-z]+", name)
        if typ in SYSTEM_TYPES and len(words) == len(letters) > 1 and \
                "".join(w[0] for w in words).casefold() == letters:
            return name
    return token


def _nearest(mentions, types, lo: int, hi: int, pos: int, end: int) -> str | None:
    """The name of the mention of one of types in [lo, hi) nearest to the value."""
    best = None
    for a, b, name, typ, _ in mentions:
        if typ not in types or a < lo or b > hi:
            continue
        d = pos - b if b <= pos else a - end
        if d < 0:
            continue
        if best is None or d < best[0]:
            best = (d, name)
    return best[1] if best else None


_AVERAGE = re.compile(r"(?:average|mean|avg\.?|relative)\s+", re.I)


LATEX_METRIC = True
# "F$_1$ scores", "R$^2$", "AP$_{50}$", "DET$_p$": a metric written with a LaTeX sub- or
# superscript after its letters, when those letters (or they with the script: F1, R2, AP50)
# are a metric; named as written
_LATEX_METRIC = re.compile(r"(?<![\w\-@$\\])([A-Za-z][A-Za-z\-]*\d*)\$[_^]\{?([^${}\s]{1,8})\}?\$")


def _latex_metrics(text: str, lo: int, hi: int, c: dict) -> list[tuple[int, int, str]]:
    """The metrics written with a LaTeX script in text[lo:hi] (start, end, name as written;
    "R$^2$ score" with its "score" where "R2 score" is a metric)."""
    if "$" not in text[lo:hi]:
        return []
    out = []
    for m in _LATEX_METRIC.finditer(text, lo, hi):
        letters = m.group(1) + m.group(2)
        if c["metric"].fullmatch(letters) or c["metric"].fullmatch(m.group(1) + "^" +
                                                                    m.group(2)) or \
                c["metric"].fullmatch(m.group(1)):
            end = m.end()
            if _SCORE_AFTER.match(text, end) and c["metric"].fullmatch(letters + " score"):
                end += 6
            out.append((m.start(), end, text[m.start():end]))
    return out


_SCORE_AFTER = re.compile(r" score\b")


def _metric_name(name: str | None, c: dict) -> str | None:
    """A metric's name without LaTeX dollars and without "average"/"mean"/"relative" before a
    metric of its own ("average PSNR" -> "PSNR", "relative accuracy gains" are accuracy's,
    "$R^2$" -> "R^2"; "mean IoU" stays; a script after the letters stays as written:
    "F$_1$")."""
    if not name:
        return name
    if LATEX_METRIC and _LATEX_METRIC.match(name):
        return name
    name = name.replace("$", "").strip() or name
    m = _AVERAGE.match(name)
    if m and c["metric"].fullmatch(name[m.end():]) and not c["metric"].fullmatch(name):
        return name[m.end():]
    return name


RANK_AT = True
# a ranking metric written with its cutoff in words ("a Precision at 10 score of 0.8032",
# "improved nDCG at 10 from 0.9666 to 0.9739") is named with it, as written
_RANK_HEAD = re.compile(r"(?:precision|recall|n?dcg|hits?|hit\s+rate|m?ap|mrr|success|"
                        r"accuracy)$", re.I)


def _at_cutoff(text: str, s0: int, pos: int, name: str | None) -> str | None:
    """name with the cutoff "at N" written after it before pos in its sentence, for a ranking
    metric (name unchanged otherwise)."""
    if not RANK_AT or not name or not _RANK_HEAD.search(name):
        return name
    hit = None
    for m in re.finditer(re.escape(name) + r"\s+at\s+\d{1,3}(?=\s*[,;:)]|\.(?!\d)|\s+(?:scores?|"
                                                 r"from|of|on|in|and|is|was|were|to|by|for|with|"
                                                 r"over)\b)",
                         text[s0:pos]):
        hit = m
    return hit.group(0) if hit else name


METRIC_PHRASE = True
PHRASE2 = True
# "118.4% mean human performance", "4.89/5.0 average response quality", "8--9/10 design
# alignment scores": a phrase of two to four words with a measure head, named as written
_METRIC_PHRASE2 = re.compile(
    r"\s+((?:(?!(?:on|in|of|for|with|and|or|at|by|to|than|over|while|when|across|under|from|"
    r"compared|faster|fewer|less|more|the|an?|its|their|our|higher|lower|better|greater|"
    r"improved|relative|absolute|overall|only|up|is|are|was|were|strong|competitive|superior|"
    r"good|high|low|excellent|comparable|robust|consistent|significant|substantial|remarkable|"
    r"impressive|promising|best|top|[a-z]+ing)\b)[A-Za-z][\w\-&@/]*\s+)"
    r"{1,3}?(?:rate|scores?|quality|yield|alignment|performance|(?:success|compliance|"
    r"compatibility|completion|relevance|preference|effectiveness)(?!\s+(?:rates?|scores?)\b)))\b"
    r"(?!\s+(?:of|reduction|improvements?|gains?|increases?|drops?|decreases?|boosts?|"
    r"degradation|loss|cost)\b)(?![\w\-])")
_METRIC_PHRASE = re.compile(
    r"\s+(?:(?:final|overall|average|mean|absolute|relative|higher|lower|better|improved|"
    r"greater|the|an?)\s+)*"
    r"((?:(?!(?:on|in|of|for|with|and|or|at|by|to|than|over|while|when|across|under|from|"
    r"compared|faster|fewer|less|more|reduction|improvement|gain|increase|drop|"
    r"decrease)\b)[A-Za-z][\w\-&@/]*\s+){0,2}"
    r"(?:accuracy|consistency|correctness|validity|precision|recall|success\s+rate|"
    r"agreement|coverage|fidelity|pass\s+rate|win\s+rate|hit\s+rate|error\s+rate|"
    r"F1(?:\s+score)?|AUC))\b(?!\s+of\b)")  # "43% coverage of the top 5%": a share
BRACKET_METRIC = True


def _initials(long: str, short: str) -> bool:
    """Whether short abbreviates long by its initials ("frames per second" and "FPS")."""
    letters = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long)).casefold()
    return re.sub(r"[^A-Za-z]", "", short).casefold() in (letters, letters.rstrip("s"))


# A metric named after the value (not next to it) past one of these is another conjunct's
# ("decreases by 38% and the frames per second ...", "77% success with 0.015 m average
# reconstruction error"): on train 3 of 9 such were right, 4 null; on 2,000 unseen corpus
# abstracts the bound changed 35 values, nearly all to null rightly.
_CONJUNCT_END = re.compile(r"\b(?:and|with|while|whereas)\b|[,;]")
LATER_BOUND = True
NO_TASK_DATA = True


_GENERIC_METRICS = frozenset({"accuracy", "score", "scores", "rate"})


UNIT_METRIC = True
# a metric written as the value's unit ("exceeds 30 FPS") names it when no other metric is near;
# the annotators name FPS so in all 8 of their values written in it (train and dev have none)
CHANGED_QUANTITY = True
# the measured quantity a change is stated on, when its head says it is one ("reduces the
# total expected loss by ~94%", "cutting peak memory by 35%", "improves average reward by
# 35.4%"): named as written, the head and one word before it ("expected loss")
_CHANGED = re.compile(
    r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|shorten|slash|halv|"
    r"minimi[sz])\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w\-]+\s+)??"
    r"((?:(?!(?:by|and|or)\b)[\w\-]+\s+)?(?:costs?|consumption|latency|runtime|throughput|usage|reward|"
    r"loss|robustness|complexity|probability|density|alarms|footprint|overhead|memory))\s+"
    r"by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|roughly\s+|"
    r"more\s+than\s+|almost\s+|as\s+much\s+as\s+|~\s*|\$\\sim\$\s*)?$", re.I)


CHANGED_FROM = True
# the measured quantity a change goes "from" the value on, when its head says it is one
# ("improving compositional generation quality from 42.08% to 47.83%", "reducing error
# percentage from 25.43% to 14.71%"): named as written, up to three words before the head
_CHANGED_FROM = re.compile(
    r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|shorten|slash|halv|"
    r"minimi[sz]|maximi[sz])\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"((?:(?!(?:by|and|or|from|to|of|in|on|for|with)\b)[\w\-]+\s+){0,3}?"
    r"(?:costs?|consumption|latency|runtime|throughput|usage|reward|loss|robustness|complexity|"
    r"probability|density|alarms|footprint|overhead|memory|quality|coverage|percentage|errors?|"
    r"success|similarity|utili[sz]ation))\s+"
    r"from\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~\s*|\$\\sim\$\s*)?$", re.I)
BRACKET_PHRASE = True
# a measure phrase listed with its value in brackets ("outperforming batch processing on hit
# rate (+2.8%, p=0.006), hypothesis yield (+3.6, p<0.001), and best-match alignment (+0.43)"):
# named as written
_BRACKET_PHRASE = re.compile(
    r"(?:\bon|,|\band|\bin)\s+((?:(?!(?:the|a|an|and|or|of|in|on|for|with|to|by|superior|"
    r"better|higher|lower|improved|strong|high|low|best|good|poor|excellent)(?![\w\-]))"
    r"[a-z][\w\-]*\s+){0,2}(?:rate|scores?|quality|yield|alignment|accuracy|coverage|"
    r"fidelity|consistency|correctness|precision|recall))\s*\(\s*$")
CHANGE_IN = True
# a word before a measure's head that is no function word ("output" in "output diversity")
_MODIFIER = (r"(?:(?!(?:and|or|with|while|on|in|of|for|at|by|to|than|over|compared|the|an?)\b)"
             r"[A-Za-z][\w\-&@/]*\s+)")
# the quantity a change right after the value is stated in, when its head says it is a measure
# ("a 39% improvement in output diversity", "a 50-60% reduction in token count", "a 2.3x
# improvement in decoding throughput"): named as written, up to two words before the head;
# not "a 60% improvement in safety" nor "a 5x reduction in the number of ..." (no measure head)
_CHANGE_IN = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:lift|gain|increase|improvement|enhancement|drop|reduction|decrease|"
    r"boost|rise|decline)s?\s+in\s+(?:the\s+)?"
    r"(" + _MODIFIER + r"{0,2}(?:accuracy|quality|diversity|similarity|throughput|"
    r"specificity|count|rates?|scores?|steps|usage|consumption|reward|latency|warnings))"
    r"(?![\w\-])(?!\s+(?:of|per)\b)", re.I)
_SCORE_WORD = re.compile(r"\s+scores?")
# the same after a comparative ("34% lower Chamfer distance", "59% lower median delay spread
# error", "9.6x higher throughput"), also a property noun in -ity or "preference" ("~18% higher
# exhaustivity", "~17% better stability", "15.3% higher clinician preference"), not one a
# change noun follows ("53% greater toxicity reduction")
COMPARED_MEASURE = True
_COMPARED_MEASURE = re.compile(
    r"\s+(?:higher|lower|better|greater)\s+"
    r"(" + _MODIFIER + r"{0,3}(?:accuracy|quality|similarity|throughput|rates?|scores?|"
    r"errors?|distance|latency|perplexity|utili[sz]ation|usage|AUC|precision|recall|"
    r"preference|[a-z]{3,}ity))"
    r"(?![\w\-])(?!\s+(?:of|per|reductions?|improvements?|gains?|increases?|decreases?)\b)",
    re.I)


MEASURE_OF = True
# a measure phrase right before the value ("a final validation loss of 0.110", "Schema
# compliance is 86.7%", "mean position/orientation errors of 6.6mm"), when no metric is near
# before it: named as written, up to three words before a measure head
_MEASURE_NOT = (r"and|or|with|while|on|in|of|for|at|by|to|than|over|compared|the|an?|low|high|"
                r"lower|higher|better|worse|small|smaller|large|larger|good|poor|strong|minimal|"
                r"maximal|[a-z]+ly|(?:achiev|reach|obtain|attain|show|yield|report|keep|maintain|"
                r"record|deliver|produc|exhibit|demonstrat|get|has|have|had)\w*")
# its first word no verb form ("attaining average absolute errors of"), later ones may end in
# -ing ("mean tracking errors")
_MEASURE_FIRST = rf"(?:(?!(?:{_MEASURE_NOT}|[a-z]+(?:ing|ed|s))\b)[A-Za-z][\w\-&@/]*\s+)"
_MEASURE_REST = rf"(?:(?!(?:{_MEASURE_NOT})\b)[A-Za-z][\w\-&@/]*\s+)"
_MEASURE_OF = re.compile(
    r"(?<![\w\-])(?:(?:final|overall|average|best|total)\s+)?"
    r"((?:" + _MEASURE_FIRST + _MEASURE_REST + r"{0,2})?(?:loss|errors?|efficiency|compliance|"
    r"distance|similarity|coverage|fidelity|consistency|agreement|utili[sz]ation))\s+"
    r"(?:of|is|was|were|=|:|reaches|reached|reaching)\s+(?:only\s+|about\s+|around\s+|"
    r"approximately\s+|nearly\s+|just\s+|~\s*)?$", re.I)


_MEASURE_LINKS = frozenset({"of", "is", "was", "were", "reaches", "reached", "reaching"})


def _measure_before(text: str, lo: int, pos: int) -> re.Match | None:
    """_MEASURE_OF before pos, searched only after a word that links a measure to its value."""
    if not MEASURE_OF or not any(w.casefold() in _MEASURE_LINKS or w.endswith((":", "="))
                                 for w in text[max(lo, pos - 30):pos].split()[-2:]):
        return None
    return _MEASURE_OF.search(text, max(lo, pos - 70), pos)


RATIO_CHANGED = True
# a ratio stated as how much a verb of change moves a named metric, the metric its object
# ("reduces end-to-end inference latency for vision tasks by up to 5x", "cuts FID by 2.1x"):
# that metric's, though it is not next to the value
_CHANGE_VERB = re.compile(r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|"
                          r"shorten|slash|halv|minimi[sz]|accelerat|speed\w*\s+up)\w*\s+"
                          r"(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
# (the words between hold no number, "and", "or" or "by": "reducing FLOPs by 59% and the visual
# token count by over 3x" is not FLOPs')
_BY_RATIO = re.compile(r"(?:(?!\b(?:and|or|by|while|whereas)\b)[^.;,()\d]){0,40}?\bby\s+"
                       r"(?:up\s+to\s+|more\s+than\s+|over\s+|"
                       r"nearly\s+|about\s+|approximately\s+|around\s+|roughly\s+|almost\s+|"
                       r"as\s+much\s+as\s+|at\s+least\s+|~\s*|\$\\sim\$\s*)?\$?$", re.I)


def _changed_metric(text: str, cands: list, lo: int, pos: int) -> str | None:
    """The metric a verb of change names as its object, the value after "by" (a ratio's)."""
    for a, b, name in sorted(cands, key=lambda x: (-x[1], x[0])):
        if b > pos or a < pos - 100 or a < lo:
            continue
        if _CHANGE_VERB.search(text, max(lo, a - 60), a) and _BY_RATIO.fullmatch(text, b, pos):
            return name
    return None


def _metric(text: str, mentions, lo: int, hi: int, pos: int, end: int, c: dict,
            near_only: bool = False) -> str | None:
    """The metric of a value: a METRIC entity or a metric word next to it ("39.9% pass@1",
    "pass@1 of 39.9%", "F1: 0.8"), else (unless near_only: a ratio such as "2.4x less
    compute" is not measured by the accuracy named before it) the nearest one before it in its
    clause, else just after it."""
    tail = _LIST_TAIL.match(text, end)
    lo, hi = max(lo, pos - 100), min(hi, (tail.end() if tail else end) + 60)
    acr = [(a, b, name) for a, b, name, typ, _ in mentions
           if typ == "METRIC~" and lo <= a and b <= hi and (
               a >= end and _ACR_AFTER.fullmatch(text, end, a) and _ACR_END.match(text, b) or
               b <= pos and _ACR_BEFORE.fullmatch(text, b, pos))]
    cands = [(a, b, name) for a, b, name, typ, _ in mentions
             if typ == "METRIC" and lo <= a and b <= hi]
    cands += [(m.start(), m.end(), m.group(0)) for m in c["metric"].finditer(text, lo, hi)]
    if LATEX_METRIC and (latex := _latex_metrics(text, lo, hi, c)):
        cands = [x for x in cands if not any(y[0] <= x[0] < y[1] for y in latex)] + latex
    if acr and not any(x[0] < y[1] and y[0] < x[1] for x in acr for y in cands):
        _tag("metric", "acronym typed otherwise next to value")
        return acr[0][2]
    bare = BARE_ACRONYM and _BARE_ACRONYM.match(text, end)
    if bare and not any(x[0] < bare.end(1) and bare.start(1) < x[1] for x in cands):
        _tag("metric", "acronym right after value")
        return bare.group(1)
    own_unit = text[pos:end].lstrip("+-−~$0123456789.,\\ ").casefold()
    if own_unit:  # "1.19 bits/char and 1.08 bits/char": the unit, not the metric
        cands = [x for x in cands if pos <= x[0] < end or x[2].casefold() != own_unit]
    after_from = tail.end() if tail else end
    change_in = _CHANGE_IN.match(text, after_from) if CHANGE_IN else None
    compared = _COMPARED_MEASURE.match(text, after_from) if COMPARED_MEASURE else None
    if change_in is None and compared and not any(
            x[0] < compared.end(1) and compared.start(1) < x[1] for x in cands):
        change_in = compared  # one holding a known metric keeps the known name ("higher ... AUC")
    if change_in and not any(x[0] < change_in.start(1) < x[1] or
                             x[0] < change_in.end(1) and change_in.end(1) < x[1] for x in cands):
        _tag("metric", "quantity changed after value")
        scored = [x for x in cands if change_in.start(1) <= x[0] and
                  _SCORE_WORD.fullmatch(text, x[1], change_in.end(1))]
        return scored[0][2] if scored else change_in.group(1)  # "FID scores" is FID's
    phrase = _METRIC_PHRASE.match(text, after_from) if METRIC_PHRASE else None
    if phrase and not any(x[0] < phrase.end(1) and phrase.start(1) < x[1] for x in cands):
        _tag("metric", "phrase after value")
        return phrase.group(1)  # "75.26% C&P consistency": a metric no list knows
    stat = STAT_CMP and _STAT_BEFORE.search(text, max(lo, pos - 30), pos)
    if stat and stat.group(1).casefold() in _STAT_NAMES and not cands:
        _tag("metric", "statistic before comparator")
        return stat.group(1)  # "R2 > 0.99", "(Kappa = 0.63)": a statistic no list knows
    phrase = _METRIC_PHRASE2.match(text, after_from) if PHRASE2 else None
    if phrase and not any(x[0] < phrase.end(1) and phrase.start(1) < x[1] for x in cands):
        _tag("metric", "phrase after value")
        return phrase.group(1)
    named = BRACKET_PHRASE and _BRACKET_PHRASE.search(text, max(lo, pos - 60), pos)
    if named and not any(x[0] < named.end(1) and named.start(1) < x[1] for x in cands):
        _tag("metric", "measure phrase before the value's bracket")
        return named.group(1)  # "on hit rate (+2.8%), hypothesis yield (+3.6, p<0.001)"
    changed = _CHANGED.search(text, max(lo, pos - 80), pos) if CHANGED_QUANTITY else None
    if changed and not any(x[0] < changed.end(1) and changed.start(1) < x[1] or x[0] >= end and
                           _GAP_AFTER.fullmatch(text, after_from, x[0]) for x in cands):
        _tag("metric", "quantity changed by the value")
        return changed.group(1)
    moved = CHANGED_FROM and _CHANGED_FROM.search(text, max(lo, pos - 90), pos)
    if moved and not any(moved.start(1) <= x[1] and x[0] < pos or x[0] >= end and
                         _GAP_AFTER.fullmatch(text, after_from, x[0]) for x in cands):
        _tag("metric", "quantity changed from the value")
        return moved.group(1)  # "improving compositional generation quality from 42.08% to"
    if not cands:
        measure = _measure_before(text, lo, pos)
        if measure:
            _tag("metric", "measure phrase before the value")
            return measure.group(1)
        _tag("metric", "none near")
        return None
    after = [x for x in cands if x[0] >= end and _GAP_AFTER.fullmatch(text, after_from, x[0])]
    if not after and after_from != end:
        after = [x for x in cands if x[0] >= end and _GAP_AFTER.fullmatch(text, end, x[0])]
    if after:
        _tag("metric", "right after value")
        return min(after, key=lambda x: (x[0], -x[1]))[2]
    before = [x for x in cands if x[1] <= pos and _GAP_BEFORE.fullmatch(text, x[1], pos)]
    if before:
        best = max(before, key=lambda x: (x[1], x[1] - x[0]))
        inner = [x for x in cands if BRACKET_METRIC and text[best[1]:x[0]].strip() == "(" and
                 text.startswith(")", x[1]) and not _initials(best[2], x[2])]
        if inner:  # "detection accuracy (mAP@0.5) by 1.3%": the specific one in brackets
            _tag("metric", "right before value")
            return inner[0][2]
        if best[2].casefold() in _GENERIC_METRICS:  # "a pass@1 accuracy of 59%": pass@1
            lead = [x for x in cands if x[1] < best[0] and not text[x[1]:best[0]].strip()]
            if lead:
                _tag("metric", "right before value")
                return lead[0][2]
        _tag("metric", "right before value")
        return best[2]
    if near_only:
        changed = _changed_metric(text, cands, lo, pos) if RATIO_CHANGED else None
        if changed:
            _tag("metric", "metric a ratio changes by")
            return changed
        _tag("metric", "null: ratio without metric next to it")
        return None
    earlier = [x for x in cands if x[1] <= pos and x[1] >= pos - 80]
    own_change = OWN_CHANGE and earlier and _OWN_CHANGE.search(text, max(lo, pos - 80), pos)
    if own_change and all(x[1] <= own_change.start() for x in earlier) and \
            "respectively" not in text[end:end + 120]:
        _tag("metric", "own change phrase, not the metric before it")
        phrase = own_change.group(1)  # "performance" names no measure: null
        return None if phrase.rsplit(None, 1)[-1].casefold() in _NO_MEASURE else phrase
    if earlier:
        _tag("metric", "nearest before (80 chars)")
        return max(earlier, key=lambda x: (x[1], x[1] - x[0]))[2]
    measure = _measure_before(text, lo, pos)
    if measure and not any(x[0] < measure.end(1) and measure.start(1) < x[1] for x in cands):
        _tag("metric", "measure phrase before the value")
        return measure.group(1)
    later = [x for x in cands if end <= x[0] <= end + 40 or LATER_BOUND and (
        after_from <= x[0] <= after_from + 40)] if METRIC_LATER else []
    if LATER_BOUND:  # "1.6, 1.8, and 4.7 points in average Chamfer Distance": past the list
        later = [x for x in later if x[0] >= after_from and
                 not _CONJUNCT_END.search(text, after_from, x[0])]
    inside = [x for x in cands if UNIT_METRIC and pos < x[0] < end] if not later else []
    if inside:  # "exceeds 30 FPS": the value's own unit is a metric, and no other is near
        _tag("metric", "the value's unit")
        return inside[0][2]
    _tag("metric", "nearest after (40 chars)" if later else "none near")
    return min(later, key=lambda x: (x[0], -x[1]))[2] if later else None


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


def _benchmark(text: str, mentions, s0: int, cs: int, s1: int, pos: int, end: int,
               own: str | None = THIS_PAPER) -> str | None:
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


PLURAL_LIST = True
# "on the Nordland, Oxford, and NuScenes datasets", "on Maze2D and Kitchen tasks": a name in a
# list of data the sentence evaluates on (the other names no entity) is no single value's
_PLURAL_NOUN = (r"(?:datasets|benchmarks|data\s+sets|tasks|environments|suites|corpora|splits|"
                r"subsets)")
_PLURAL_LISTED = re.compile(r"\s+(?:[\w\-]+\s+)?" + _PLURAL_NOUN + r"\b", re.I)
_LIST_AFTER = re.compile(r"(?:\s*(?:,\s*and|,|and|&)\s+(?:the\s+)?[A-Z0-9][\w\-+.]*"
                         r"(?:\s+[A-Z0-9][\w\-+.]*)?)+\s+(?:[\w\-]+\s+)?" + _PLURAL_NOUN + r"\b")
_LIST_BEFORE = re.compile(r"[\w\-+.)]\s*(?:,\s*and|,|and|&)\s+$")
DATA_IN_TEXT = True
# a capitalised name the value's sentence calls data before the value ("maintaining PSNR of
# around 26.90 dB on the DIV2K_LSDIR_valid dataset", "on the VCTK+DEMAND dataset, X attains
# 3.59"), when no entity holds it and no rule found a benchmark: named as written
_NAMED_DATA = re.compile(r"\b(?:on|with|using)\s+the\s+((?:[A-Z][\w\-+.]*|\d[\w\-+.]*)"
                         r"(?:\s+(?:[A-Z][\w\-+.]*|\d[\w\-+.]*)){0,3})"
                         r"(?:\s+\([A-Za-z0-9\-]{2,10}\))?\s+(?:dataset|benchmark|corpus)\b")
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


JOINED = True
# "HOG+SVM achieved ...", "CNN--LSTM--RL improved ...": the entity rules split such names;
# the system is the joined name as written
# (each part a name: "backflip--A2CF" is a dash)
_JOIN_BEFORE = re.compile(r"(?<![\w.+\-])((?:[A-Z][\w.\-]*?(?:\+|--))+)$")
_JOIN_AFTER = re.compile(r"(?:(?:\+|--)[A-Z0-9][\w.]*(?:-[A-Za-z0-9][\w.]*)*)+")
LEAD_MODIFIER = True
# "Even GPT-4o attains only 58.34%", "Fine-tuned ResNet50 achieved": a word the entity span
# took in that is no part of the name
_LEAD_MODIFIER = re.compile(r"(?:Even|Only|Also|Notably|Fine-?[Tt]uned|Finetuned|"
                            r"Pre-?trained)\s+(?=[A-Z0-9])")


NO_CUE = True
# a number credited to the paper's own system only by default (no subject in its clause or
# sentence) that has no metric, is no change ("by", a sign, "gain") nor a rating, is followed
# by no comparative nor "on" a named benchmark, and whose sentence has no verb that states a
# result or a change, is no stated result: "the envelope U-value ranges from 1.05 to 1.57",
# "with ~11-14x magnitude imbalance", "a sparse subset of specialized attention heads (less
# than 5%)"
_CUE_VERB = re.compile(r"\b(?:achiev|obtain|reach|attain|scor|yield|record|deliver|outperform|"
                       r"surpass|exceed|beat|perform|improv|boost|reduc|increas|decreas|gain|"
                       r"cut|lower|rais|enhanc|accelerat|speed|drop|fell|fall|declin|rose|rise|"
                       r"match|retain|maintain|preserv|recover|solv|resolv|pass|sav|compress|"
                       r"halv|shrink|shrunk|doubl|tripl|lift(?:s|ed|ing)?\b|"
                       r"reali[sz](?:es|ed|ing)\b)\w*", re.I)
_COMPARED_AFTER = re.compile(r"\s*(?:[\w\-]+\s+)?(?:fewer|less|lower|higher|better|faster|"
                             r"smaller|cheaper|more\s+(?:efficient|accurate))\b", re.I)


def _on_benchmark(text: str, mentions, end: int) -> bool:
    """Whether a benchmark or dataset is named right after the value ("0.8146 on MuSiQue")."""
    on = _ON_NAME.match(text, end)
    return bool(on) and any(x[0] == on.end() and x[3] in BENCH_TYPES for x in mentions)


#: what _system answers when no subject gives the value's system and the paper's own is taken
#: by default (the caller reads it as the paper's own system)
BY_DEFAULT = object()


REFERENCE_POINT = True
# a value stated for humans, chance, the majority class or the previous best ("surpassing human
# performance (80%)", "far below human-level performance of 100%", "above random (24.9%) and
# majority (28.6%) baselines", "over the previous benchmark of 81%") is no system's
_REFERENCE_BEFORE = re.compile(
    r"\b(?:human(?:-level|\s+experts?|\s+annotators?)?|humans|random(?:\s+(?:chance|guessing|"
    r"guess|baseline|selection))?|chance(?:\s+level)?|majority(?:\s+class)?(?:\s+baseline)?|"
    r"previous\s+(?:best|benchmark|record|state[\- ]of[\- ]the[\- ]art)|"
    r"prior\s+(?:best|state[\- ]of[\- ]the[\- ]art))"
    r"(?:\s+(?:performance|accuracy|score|baseline|level|rate))?\s*"
    r"(?:\(\s*|of\s+|at\s+|:\s*|=\s*)(?:only\s+|about\s+|around\s+|~)?$", re.I)


def _system_span(text: str, mentions, s0: int, pos: int, name: str | None) -> str | None:
    """The system name as the sentence writes it: widened to a name joined by "+" or "--"
    around the mention nearest before the value, without a leading "Even"/"Fine-tuned"."""
    if not name or name == THIS_PAPER:
        return name
    if LEAD_MODIFIER and (lead := _LEAD_MODIFIER.match(name)):
        name = name[lead.end():]
    if JOINED:
        near = max(((a, b) for a, b, n, *_ in mentions if n == name and s0 <= a < pos),
                   default=None)
        if near is None and (at := text.rfind(name, s0, pos)) >= 0 and \
                not text[at + len(name):at + len(name) + 1].isalnum():
            near = (at, at + len(name))  # a coined name no entity holds ("SVM achieves")
        if near:
            a, b = near
            lo = _JOIN_BEFORE.search(text, max(s0, a - 40), a)
            hi = _JOIN_AFTER.match(text, b)
            if lo or hi:
                return text[lo.start(1) if lo else a:hi.end() if hi else b]
    return name


def find_results(text: str, ents: list[dict], sents: list[int] | None = None) -> list[dict]:
    """Every result stated in text (title + newline + abstract), given the paper's entities."""
    wordy = "fold" in text or "times" in text or "magnitude" in text  # factors in words
    if not wordy and _DIGIT.search(text) is None:
        return []
    c = cues()
    sents = sents or sentence_starts(text)
    mentions = _mentions(ents)
    title_end = text.find("\n") if "\n" in text else len(text)
    own = own_system(ents, title_end, text[:title_end], text)
    fallback_bench = introduced_benchmark(ents)
    if fallback_bench is None and own is None and TITLE_BENCH:
        fallback_bench = _title_benchmark(ents, text[:title_end])
    if fallback_bench == own:
        fallback_bench = None
    spans = [(a, b) for a, b, *_ in mentions]
    plain = mentions
    own_at = _OWN_WORK.search(text, title_end)
    own_at = min(([own_at.start()] if own_at else []) + [
        a for a, _b, name, *_ in mentions if name == own and a > title_end] + (
        [text.find(own, title_end)] if own and own in text[title_end:] else []), default=None)
    first_own = bisect_right(sents, own_at) - 1 if own_at is not None else 0  # none: no background
    mentions = None  # retyped by _as_data on the first value (most texts have none)
    out: list[dict] = []
    taken: set[int] = set()
    found = _VALUE.finditer(text)
    if wordy and (words := _word_values(text)):
        found = sorted([*found, *words], key=lambda x: x.start())
    for m in found:
        a, b = m.start(), m.end()
        if a in taken:
            continue
        k = bisect_right(spans, (a, 10 ** 9)) - 1
        if k >= 0 and spans[k][0] <= a < spans[k][1]:
            continue  # inside an entity name (GPT-4, Qwen2.5)
        unit_raw = m.group("unit") or m.group("u1") or m.group("unit2")
        unit = _unit(unit_raw)
        prev = out[-1] if out else None
        listed = prev is not None and not prev["unit"] and "." in prev["value"] and \
            _LISTED.fullmatch(text, prev["end"], a) is not None
        if BRACKETED and not listed and not unit and "." in m.group("num"):
            listed = _bracketed_after_name(text, plain, a, b)
        if ON_BENCH and not listed and not unit and "." in m.group("num"):
            on = _ON_NAME.match(text, m.end())
            listed = bool(on) and any(x[0] == on.end() and x[3] in BENCH_TYPES for x in plain)
        if BENCH_BRACKET and not listed and not unit and "." in m.group("num"):
            listed = _bracketed_after_bench(text, plain, a, b, c)
        at_name = NAME_AT and _name_at(text, plain, a) is not None
        if not _is_result(text, m, unit, c, listed, at_name):
            continue
        i = bisect_right(sents, a) - 1
        s0 = sents[max(i, 0)]
        s1 = sents[i + 1] if i + 1 < len(sents) else len(text)
        cs = _clause_start(text, s0, a)
        value = text[a:b].rstrip()
        b = a + len(value)
        scale = _OUT_OF.match(text, b)
        if scale and scale.group(0).startswith("/"):
            value, b = value + scale.group(0), scale.end()  # "3.37/5" as written
        if mentions is None:
            mentions = _as_data(text, plain)
            if DATA_PHRASES:
                mentions = _data_phrases(text, mentions)
            metrics = [x for x in mentions if x[3] == "METRIC"]  # _metric reads only these
            if ACRONYM_METRIC:  # "34.66% JGA", "a BPCER of 10.44%": typed otherwise
                metrics += [(x[0], x[1], x[2], "METRIC~", x[4]) for x in mentions
                            if x[3] not in ("METRIC", "MODEL") and x[2] != own and
                            _ACRONYM.fullmatch(x[2])]
        if TRACE is not None:
            _LAST.clear()
        bench = _benchmark(text, mentions, s0, cs, s1, a, b, own)
        if bench is None and DATA_IN_TEXT:
            named = _NAMED_DATA.search(text, s0, a)
            if named and not any(x[0] < named.end(1) and named.start(1) < x[1] for x in plain):
                bench = named.group(1)  # "on the VCTK+DEMAND dataset", no entity holds it
                _tag("benchmark", "data named in the sentence, no entity")
        if bench is None and USE_FALLBACK_BENCH:
            bench = _benchmark_before(mentions, sents, i, a, own)
            setup = PREV_EVAL and (bench or FAR_EVAL) and _evaluated_before(
                text, mentions, sents, i, own)
            if setup:
                bench = setup
                _tag("benchmark", "previous sentence evaluates on it")
            elif bench and PREV_NULL and bench != fallback_bench:
                # the previous sentence names another benchmark: ambiguous (right 7 of 27
                # times on train, null 12 of 27), so null, and no fallback further
                bench = ""
                _tag("benchmark", "null: previous sentence names one")
            elif bench:
                _tag("benchmark", "previous sentence's last")
            elif fallback_bench:
                bench = fallback_bench
                _tag("benchmark", "the paper's introduced one")
        barred = bench == ""  # no benchmark stated, and none to be taken from elsewhere
        bench = bench or None
        kind = _kind(text, m, unit, c, cs)
        system = _system(text, mentions, s0, cs, a, b, c, own, BACKGROUND and 0 < i < first_own)
        by_default = system is BY_DEFAULT
        if by_default:
            system = own
        res = {
            "value": value, "number": read_number(value), "unit": unit, "kind": kind,
            "system": _system_span(text, mentions, s0, a, _variant(text[s0:s1], _attributed(
                text, mentions, s0, s1, cs, a, b, own, kind, system))),
            "benchmark": bench,
            "metric": _at_cutoff(text, s0, a, _metric_name(_metric(
                text, metrics, s0, s1, a, b, c, near_only=kind == "ratio"), c)),
            "condition": None, "start": a, "end": b,
            "sentence": text[s0:s1].strip(),
        }
        if NO_CUE and by_default and res["system"] == own and res["metric"] is None and \
                kind != "delta" and not scale and not _CUE_VERB.search(text, s0, s1) and \
                not _COMPARED_AFTER.match(text, b) and not _on_benchmark(text, plain, b):
            continue  # "the envelope U-value ranges from 1.05 to 1.57": no one's result stated
        if REFERENCE_POINT and res["system"] is not None and \
                _REFERENCE_BEFORE.search(text, max(s0, a - 60), a):
            res["system"] = None  # "surpassing human performance (80%)": no system's
            _retag(res, "system", "null: human, chance or previous best")
        if SIGNED_BRACKET and prev is not None and value[:1] in "+-−" and \
                re.fullmatch(r"\s*\(\s*", text[prev["end"]:a]):
            res["system"] = prev["system"]  # "an NDCG@20 of 0.6134 (+0.1126)": its gain
            _retag(res, "system", "signed value in brackets after a value")
        if barred:
            res["_barred"] = True
        if TRACE is not None:
            res["via"] = dict(_LAST)
        if m.group("num2") and (_FROM_TO.search(text, max(0, a - 30), a) and not (
                FROM_RANGE and _RANGE_TO.match(text, b) and not _TO.fullmatch(
                    text, m.end("u1") if m.group("u1") else m.end("num"), m.start("num2")))
                                or TRANSITION and _transition(text, m)):
            # "improves F2 from 0.801 to 0.857": the baseline's value and the system's
            a2 = m.start("num2")
            first = text[a:m.end("u1") if m.group("u1") else m.end("num")]
            # "achieves top-1 accuracy from 78.2% to 81.8%" (a span over settings): both its
            span = _SPAN_VERB.search(text, cs, a)
            base = None if span or not FROM_BASE else _base_model(
                text, mentions, s0, a, (res["system"], own), c)
            if res["system"] is None and base is not None and not span and \
                    text.rfind("(", max(s0, a - 3), a) >= 0:
                res["system"], base = base, None  # "X improves over its base (47.2% to 53.8%)"
                _retag(res, "system", "base model before 'from A to B' (B)")
            out.append({**res, "value": first, "number": read_number(first), "kind": "score",
                        "system": res["system"] if span else base, "end": a + len(first)})
            if TRACE is not None:
                out[-1]["via"] = {**res["via"], "system": res["via"].get("system", "") if span
                                  else "base model before 'from A to B' (A)"}
            res.update(value=text[a2:b], number=read_number(text[a2:b]), start=a2,
                       kind="score")
        elif FROM_SPLIT and _FROM_TO.search(text, max(0, a - 30), a) and (
                _TO_QUALIFIED.match(text, b) or FROM_RANGE and m.group("num2") and
                _RANGE_TO.match(text, b)) and not _SPAN_VERB.search(text, cs, a):
            # "reduces attack success rate from 89% to under 3%": the first is the baseline's
            res["system"] = _base_model(text, mentions, s0, a, (res["system"], own), c) \
                if FROM_BASE else None
            _retag(res, "system", "base model before 'from A to B' (A)")
        if SHARED_UNIT and unit in ("points", "%") and not m.group("num2"):
            # "by 2, 7, and 15 percentage points": the numbers listed before share the unit
            head = _UNIT_LIST.search(text, max(s0, a - 60), a)
            if head and _NAMED_NUMBER.search(text, max(s0, head.start() - 30), head.start()):
                head = None  # "on the S3DIS Area 5 and 78.4% mIOU": part of a name
            found = {r["start"] for r in out}
            for nm in _NUMBER.finditer(text, head.start(), head.end()) if head else ():
                if nm.start() in taken or nm.start() in found or \
                        float(nm.group(0).lstrip("+-")) > 100:
                    continue
                out.append({**res, "value": nm.group(0), "number": read_number(nm.group(0)),
                            "start": nm.start(), "end": nm.end(), "condition": None})
                if TRACE is not None:
                    out[-1]["via"] = dict(res["via"])
        out.append(res)
        # "scores 0.932/0.916/0.665 on three splits": one result per value
        at = b
        for sm in iter(lambda: _SLASH_LIST.match(text, at), None):  # noqa: B023
            v = sm.group(1)
            out.append({**res, "value": v, "number": read_number(v), "start": sm.start(1),
                        "end": sm.end(1)})
            if TRACE is not None:
                out[-1]["via"] = dict(res["via"])
            taken.update(range(sm.start(1), sm.end(1)))
            at = sm.end()
        # "39.9% (43.7% when provided with error feedback)": a second result with its condition
        p = _PAREN_AFTER.match(text, b)
        if p:
            inner = p.group(1)
            m2 = _VALUE.match(inner)
            if m2 and m2.group("unit") and _unit(m2.group("unit")) == unit:
                signed = (m2.group("sign") or "") in ("+", "-", "−")
                cond = "" if signed else inner[m2.end():].strip(" ,;")
                v2 = inner[:m2.end()].rstrip()
                a2 = p.start(1)
                taken.add(a2)
                out.append({**res, "value": v2, "number": read_number(v2), "condition":
                            cond or None, "start": a2, "end": a2 + len(v2),
                            "kind": "delta" if signed else res["kind"]})
                if TRACE is not None:
                    out[-1]["via"] = dict(res["via"])
    if out:
        _respectively(text, mentions or plain, out)
        _share_in_lists(text, out)
        if SENT_METRIC:
            _share_in_sentence(text, out)
        if FROM_TO_METRIC:
            _share_from_to(text, out)
        if SHARED_METRICS:
            _one_per_metric(text, mentions or plain, out, c)
        if ONE_BENCH:  # a score by a named metric, on the one benchmark the paper names
            only = _only_benchmark(text, mentions, own)
            scored = {(r["sentence"], r["metric"]) for r in out if r["kind"] == "score"}
            for r in out:
                if only and r["benchmark"] is None and r["metric"] and not r.get("_barred") and (
                        r["kind"] == "score" or ONE_BENCH_DELTA and r["kind"] == "delta" and
                        not _EFFICIENCY.search(r["metric"]) and  # not a score's metric carried
                        (r["sentence"], r["metric"]) not in scored):  # on: "and improves by 3%"
                    r["benchmark"] = only
                    _retag(r, "benchmark", "the paper's one benchmark")
        for r in out:
            r.pop("_barred", None)
        if TRACE is not None:
            for r in out:
                TRACE[(r["sentence"], r["start"], r["end"])] = r.pop("via", {})
    return out


_LIST_GAP = re.compile(r"(?:(?:\s+(?:relative|absolute|average))?(?:\s+(?:improvements?|gains?|"
                       r"increases?|reductions?|drops?|decreases?))?"  # "18.7% relative gain in"
                       r"\s+(?:on|in|for|at|across)\s+(?:[^,;:.()%\d]|@\d){1,40}?)?"
                       r"(?:\s*\([^()\d]{1,60}\))?"  # "7.71% (towards coarse domains) and"
                       r"\s*(?:,\s*and|,|and|&)\s+(?:by\s+|of\s+|to\s+)?(?:only\s+|up\s+to\s+)?")


def _share_in_lists(text: str, out: list[dict]) -> None:
    """Values of one unit listed one after another ("by 9.0% on A and 4.1% on B", "3.3%, 1.1%
    and 2.8% improvements") share what the text states once for the list: the kind (a list
    with a delta is deltas) and the metric (named before or after the list)."""
    pairs = list(zip(out, out[1:], strict=False))
    for prev, cur in pairs + pairs[::-1]:  # forward, then back: a list shares both ways
        if prev["sentence"] != cur["sentence"] or cur["start"] < prev["end"] or \
                not _LIST_GAP.fullmatch(text, prev["end"], cur["start"]):
            continue
        if cur["unit"] != prev["unit"]:
            continue
        if LIST_METRIC and bool(cur["metric"]) != bool(prev["metric"]):
            _retag(cur if prev["metric"] else prev, "metric", "shared in a list")
            cur["metric"] = prev["metric"] = cur["metric"] or prev["metric"]
        if LIST_KIND and cur["kind"] != prev["kind"] and "ratio" not in (cur["kind"], prev["kind"]):
            cur["kind"] = prev["kind"] = "delta"


DELTA_OVER_SCORE = True
_MARGIN_BEFORE = re.compile(
    r"\b(?:(?:outperform|surpass|exceed|beat)\w*|improv\w*\s+(?:over|upon))\b[^.;:]{0,80}?"
    r"\bby\s+(?:up\s+to\s+|a\s+margin\s+of\s+|about\s+|over\s+|nearly\s+|around\s+|"
    r"approximately\s+|at\s+least\s+)?$|"
    r"\b(?:improvement|gain)s?\s+of\s+(?:up\s+to\s+)?$", re.I)
_MARGIN_AFTER = re.compile(r"\s*(?:(?:percentage\s+)?points?\s+)?(?:absolute\s+|relative\s+)?"
                           r"(?:improvement|gain)s?\s+(?:over|compared|relative)|"
                           r"\s*(?:(?:percentage\s+)?points?\s+)?(?:above|ahead\s+of)\b", re.I)


def _share_in_sentence(text: str, out: list[dict]) -> None:
    """A value with no metric takes the metric of the value before it in its sentence when
    both are of one unit and kind and name a system ("X reaches 84.2% top-1 accuracy, while Y
    reaches 85.2% and Z reaches 85.7%": all three top-1 accuracy); a margin over others
    ("surpassing ... by 9.8%") takes the one metric of the sentence's scores before it."""
    for prev, cur in zip(out, out[1:], strict=False):
        if cur["metric"] is None and prev["metric"] and prev["sentence"] == cur["sentence"] and \
                prev["unit"] == cur["unit"] and prev["kind"] == cur["kind"] == "score" and \
                (cur["unit"] or BARE_SCORES) and cur["condition"] is None:
            cur["metric"] = prev["metric"]
            _retag(cur, "metric", "previous score's in sentence")
    if not DELTA_OVER_SCORE:
        return
    for k, cur in enumerate(out):
        if cur["metric"] is not None or cur["kind"] != "delta" or not (
                _MARGIN_BEFORE.search(text, max(0, cur["start"] - 120), cur["start"]) or
                _MARGIN_AFTER.match(text, cur["end"])):
            continue
        scores = [r for r in out[:k] if r["sentence"] == cur["sentence"] and r["kind"] == "score"
                  and r["metric"]]
        if not scores or len({r["metric"] for r in scores}) != 1:
            continue
        # "achieves a top-1 accuracy of 60.2%, surpassing previous methods by 9.8%": a
        # margin over others after the sentence's scores is measured by their metric, and so
        # is the rest of its list ("by 2, 7, and 15 percentage points")
        last = None
        for nxt in out[k:]:
            if last is not None and (nxt["metric"] is not None or nxt["unit"] != cur["unit"] or
                                     not _LIST_GAP.fullmatch(text, last["end"], nxt["start"])):
                break
            nxt["metric"] = scores[-1]["metric"]
            _retag(nxt, "metric", "margin over the sentence's scores")
            last = nxt


SENT_METRIC = True
BARE_SCORES = True
# scores written without a unit share the metric too ("an average NDCG@10 of 0.296 across
# ..., with an overall best score of 0.395"; "AUROC rises from 0.981 to 0.989 ...; ECL attains
# 1.000 ... (mean 0.905"): 3 train and 5 annotated values change, each to the gold's metric
LIST_METRIC = True
FROM_TO_METRIC = True
# "calibrated F1 improved from 0.7692 in the zero-shot setting to 0.8619 ... and to 0.8727",
# "the true positive rate fell from 0.898, when ..., to 0.518": the value a change goes to, and
# each further "and to", is measured by the metric of the value it goes from
_TO_BEFORE = re.compile(r"(?<!\bup\s)\bto\s+(?:about\s+|around\s+|only\s+|just\s+|nearly\s+|"
                        r"almost\s+)?$")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|only\s+|just\s+|nearly\s+)?$")


def _share_from_to(text: str, out: list[dict]) -> None:
    """A value written after "to" with no metric takes the metric of the value of its
    sentence it changes from (written after "from", or after an earlier "to" of the same
    change), of the same unit, with no clause break between."""
    for k, cur in enumerate(out):
        if cur["metric"] is not None or not _TO_BEFORE.search(
                text, max(0, cur["start"] - 20), cur["start"]):
            continue
        for prev in reversed(out[:k]):
            if prev["sentence"] != cur["sentence"] or cur["start"] - prev["end"] > 120 or \
                    ";" in text[prev["end"]:cur["start"]]:
                break
            before = text[max(0, prev["start"] - 20):prev["start"]]
            if _FROM_BEFORE.search(before) or _TO_BEFORE.search(before):
                if prev["metric"] and prev["unit"] == cur["unit"]:
                    cur["metric"] = prev["metric"]
                    _retag(cur, "metric", "the value it changes from")
                break
LIST_KIND = True


USE_ATTR = True
COLLECT: list | None = None  # fitting only: (start, end, candidates) of every value


def _attributed(text: str, mentions, s0: int, s1: int, cs: int, pos: int, end: int,
                own: str | None, kind: str, rule: str | None) -> str | None:
    """The system the learned attribution step prefers among the sentence's candidates (the
    rules' choice is one of its features; without shipped weights the rules' choice)."""
    w = results_attr.weights() if USE_ATTR else None
    if w is None and COLLECT is None:
        return rule
    cands = results_attr.candidates(text, mentions, s0, s1, cs, pos, end, own, rule, kind)
    if COLLECT is not None:
        COLLECT.append((pos, end, cands))
    return results_attr.choose(cands, w) if w else rule


OWN_METRIC_PAIRS = True
# values joined by "and"/commas each with a short word of its own between ("+4% OA and +5.1%
# mAP", "27.2%p, 11.2%p") are one list for the benchmarks listed after them; not a gap that
# opens with a preposition ("7.3% on ACDC and 15.6% on AMOS": each names its own)
_METRIC_GAP = re.compile(r"\s*(?!(?:on|in|for|at|over|across|to|from|by|of|than)\b)"
                         r"[^\s,;()\d][^,;()\d]{0,20}?\s*(?:,\s*and|,|and)\s*")
_RESP_GAP = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_RESPECTIVELY = re.compile(r"[\s,]*(?:\([^()]{0,40}\)\s*)?(?:[^.;%()]{0,50}?,\s*)?respectively\b")


def _respectively(text: str, mentions, out: list[dict]) -> None:
    """"on A and B ... 51.1 and 44.3 respectively": the i-th value gets the i-th benchmark."""
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _RESP_GAP.fullmatch(text, out[j]["end"], out[j + 1]["start"]):
            j += 1
        group = out[i:j + 1]
        if OWN_METRIC_PAIRS and len(group) == 1:
            # "+4% OA and +5.1% mAP on EuroSAT-L and BigEarthNet-L": each value with its metric
            while j + 1 < len(out) and _METRIC_GAP.fullmatch(
                    text, out[j]["end"], out[j + 1]["start"]):
                j += 1
            group = out[i:j + 1]
        after = _list_after(text, mentions, group) if PAIR_AFTER and len(group) > 1 else []
        if after:  # "84.2% and 97.1% on ImageNet and CIFAR-10 (, respectively)": in order
            for r, name in zip(group, after, strict=True):
                r["benchmark"] = name
                _retag(r, "benchmark", "list of values on a list of benchmarks")
        elif len(group) > 1 and _RESPECTIVELY.match(text, group[-1]["end"]):
            s0 = group[0]["start"] - len(group[0]["sentence"]) - 1
            names = [name for a, b, name, typ, _ in mentions
                     if typ in BENCH_TYPES and max(0, s0) <= a < group[0]["start"] and not (
                         ACTS_NOT_BENCH and _ACTS.match(text, b))]
            names = list(dict.fromkeys(names))
            if len(names) >= len(group):
                for r, name in zip(group, names[-len(group):], strict=True):
                    r["benchmark"] = name
                    _retag(r, "benchmark", "respectively")
            own_start = text.rfind(group[0]["sentence"][:40], 0, group[0]["start"] + 1)
            run = _last_list(text, mentions, ("METRIC",), max(0, own_start), group[0]["start"])
            if len(run) == len(group):  # "improves accuracy and recall by 3% and 5% resp."
                for r, name in zip(group, run, strict=True):
                    r["metric"] = name
                    _retag(r, "metric", "respectively")
        if METRICS_AFTER and len(group) > 1:
            # "improvements of 5.47%, 3.27%, and 1.01% in the Hits@1, Hits@3, and Hits@10
            # metrics, respectively": the metrics listed after the values, in order (also
            # without "respectively": "14.1% and 12.5% in Recall@20 and NDCG@20")
            head = _IN_LIST.match(text, group[-1]["end"])
            run, end = _list_from(text, mentions, ("METRIC",), head.end()) if head else ([], 0)
            if len(run) == len(group) and (METRICS_PAIRED or _RESPECTIVELY.match(text, end)):
                for r, name in zip(group, run, strict=True):
                    r["metric"] = name
                    _retag(r, "metric", "respectively (metrics after)")
        i = j + 1


METRICS_AFTER = True
METRICS_PAIRED = True  # as many metrics as values pair in order without "respectively" too
_IN_LIST = re.compile(r"\s*(?:in|on|for|of)\s+(?:terms\s+of\s+)?(?:the\s+)?")


def _list_from(text: str, mentions, types, at: int) -> tuple[list[str], int]:
    """The names of the list of mentions of types that starts at offset at ("A, B and C"),
    and where it ends."""
    run: list = []
    for a, b, name, typ, _ in mentions:
        if typ not in types or a < at:
            continue
        if run and a == run[-1][0]:  # "Hits@1" inside "Hits@10": the longer name
            run[-1] = max(run[-1], (a, b, name), key=lambda x: x[1])
        elif a == at if not run else _LIST_SEP.fullmatch(text, run[-1][1], a):
            run.append((a, b, name))
        elif run:
            break
    return [name for _a, _b, name in run], (run[-1][1] if run else at)


_LIST_SEP = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s+(?:the\s+)?")
PAIR_AFTER = True
LISTED_SEP = True
ACTS_NOT_BENCH = True
_ON_LIST = re.compile(r"\s*(?:[\w\-@]+\s+){0,3}?(?:on|over|across|for|in)\s+(?:the\s+)?"
                      r"(?:(?:two|three|four|five|both|\d)\s+(?:[\w\-]+\s+)?(?:benchmarks|"
                      r"datasets|tasks)\s*[,:(]?\s*)?")  # "on two benchmarks A and B"


def _list_after(text: str, mentions, group: list[dict]) -> list[str]:
    """The benchmarks of a list named right after a list of values ("84.2% and 97.1% top-1
    accuracy on ImageNet and CIFAR-10"), when there are as many as values, else []."""
    m = _ON_LIST.match(text, group[-1]["end"])
    if not m:
        return []
    run: list = []
    for a, b, name, typ, _ in mentions:
        if typ not in BENCH_TYPES or a < m.end():
            continue
        if not run and a != m.end() or run and not _LIST_SEP.fullmatch(text, run[-1][1], a):
            break
        run.append((a, b, name))
    names = [name for _a, _b, name in run]
    return names if len(names) == len(group) and len(set(names)) == len(names) else []


SHARED_METRICS = True
# one value stated for a list of metrics ("precision, recall, and F1-score all exceeding 98%",
# "a precision, sensitivity, and specificity of 95.67 percent"): one result per metric
_SHARED_GAP = re.compile(r"\s*(?:metrics?\s+|scores?\s+)?(?:were\s+|are\s+|all\s+|each\s+)*"
                         r"(?:of|exceeding|exceed|above|over|reaching|reached|at|=|:|were|are)"
                         r"\s+(?:about\s+|around\s+|over\s+|above\s+|approximately\s+|"
                         r"nearly\s+)?$", re.I)
_SHARED_WORDS = frozenset({"of", "exceeding", "exceed", "above", "over", "reaching", "reached",
                           "at", "were", "are"})
_RESP_AFTER = re.compile(r"(?:[^.;]|\.(?=\d)){0,80}?\brespectively\b")


def _one_per_metric(text: str, mentions, out: list[dict], c: dict) -> None:
    """A value after a list of 2+ metrics is each metric's: the result is copied per metric
    (unless values are paired with the list "respectively")."""
    for r in list(out):
        pos = r["start"]
        words = text[max(0, pos - 30):pos].split()[-2:]
        if not any(w.casefold() in _SHARED_WORDS or w.endswith((":", "=")) for w in words):
            continue  # most values: no word that closes a metric list right before them
        lo = max(0, pos - 160)
        cands = [(a, b, name) for a, b, name, typ, _ in mentions
                 if typ == "METRIC" and lo <= a and b <= pos]
        cands += [(m.start(), m.end(), m.group(0)) for m in c["metric"].finditer(text, lo, pos)
                  if not any(x[0] <= m.start() and m.end() <= x[1] for x in cands)]
        cands.sort(key=lambda x: (x[1], x[0]))
        last = [x for x in cands if _SHARED_GAP.fullmatch(text, x[1], pos)]
        if not last or _RESP_AFTER.match(text, r["end"]):
            continue
        run = [max(last, key=lambda x: x[1] - x[0])]
        for x in reversed(cands):
            if x[1] <= run[-1][0] and _LIST_SEP.fullmatch(text, x[1], run[-1][0]):
                run.append(x)
        names = [_metric_name(x[2], c) for x in reversed(run)]
        if len(names) < 2 or len({n.casefold() for n in names}) < len(names):
            continue
        at = out.index(r)
        out[at:at + 1] = [{**r, "metric": n} for n in names]
        _retag(r, "metric", "one value for a list of metrics")


LIST_ALIAS = True
_ALIAS_OPEN = re.compile(r"\s*\(\s*")
_ALIAS_CLOSE = re.compile(r"\s*\)")


def _last_list(text: str, mentions, types, lo: int, hi: int) -> list[str]:
    """The names of the last list of 2+ mentions of types in [lo, hi) ("A, B and C")."""
    spans = [(a, b, name) for a, b, name, typ, _ in mentions if typ in types and lo <= a < hi]
    best: list = []
    run: list = []
    for x in spans:
        close = _ALIAS_CLOSE.match(text, x[1]) if LIST_ALIAS and run else None
        if close and _ALIAS_OPEN.fullmatch(text, run[-1][1], x[0]):
            # "Matthews correlation coefficient (MCC) and ...": the bracketed short name is
            # the same item; the list goes on after the bracket
            run[-1] = (run[-1][0], close.end(), run[-1][2])
            continue
        if run and _LIST_SEP.fullmatch(text, run[-1][1], x[0]):
            run.append(x)
        else:
            run = [x]
        if len(run) >= 2:
            best = list(run)
    return [name for _a, _b, name in best]


class ResultRules:
    """Leave the paper's results in doc.user_data['pk_results'] (plain dicts)."""

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        text = data.get("pk_text") or doc.text
        # the sentence starts the sentence component found in that same text, when kept
        sents = data.get("pk_sents") if "pk_text" in data else None
        data["pk_results"] = find_results(text, data.get("pk_ents", []), sents)
        return doc

