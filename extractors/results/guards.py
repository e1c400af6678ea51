"""Guards against non-results: sizes, counts, years, hyper-parameters, thresholds, statistics."""

from __future__ import annotations

import re

from paperkg.extractors.results.dimensions import product_term
from paperkg.extractors.results.givens import not_achieved
from paperkg.extractors.results.settings import setting_list
from paperkg.extractors.results.values import PHYS, PHYS_UNITS

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
_MEASURES = frozenset({"s", "ms", "minutes", "hours", "mm", "cm", "Hz", "kHz", "MHz", "GHz",
                       "seconds", "milliseconds", "m", "meters", "metres"})
# a length in metres is a result only as a decimal ("an RMSE of 0.062 m"), not a resolution,
# scale, range or distance a setting names ("(0.3 m) imagery", "0.5m resolution", "at
# intermediate scale (100 m x 500 m)", "0.149 meters per pixel", "110m parameters")
METRE_SETTING = True
_METRES = frozenset({"m", "meters", "metres"})
_METRE_SETTING_AFTER = re.compile(r"\s*(?:\)\s*)?(?:[\w\-]+\s+)?(?:resolution|per\s+pixel|"
                                  r"scale|grid|spacing|range|distance|altitude|height|"
                                  r"depth|x\s|×|\\times)", re.I)
_METRE_SETTING_BEFORE = re.compile(r"\b(?:resolutions?|scales?|grids?|spacings?|ranges?|ranging|"
                                   r"distances?|altitudes?|sampling)\b[^.;]{0,25}$", re.I)
# a bare "m" before a lower-case word is most often a million ("1.68m tweets in total"): kept
# only before punctuation, a capitalised word (a metric: "0.013 m RMSE"), a function word or
# a word of measure ("0.015 m average reconstruction error")
_SHORT_M_AFTER = re.compile(r"(?:\s*(?:[,.;:)\]]|$)|\s+(?:[A-Z]|(?:on|in|and|or|for|at|with|vs|"
                            r"versus|than|whereas|while|compared|respectively|across|over|"
                            r"under|from|to|when|of|average|mean|median|max|maximum|minimum|"
                            r"absolute|relative|errors?)\b))")
# the bounds of an interval stated after it: "a 95 percent confidence interval of 40.1 to 60.3
# percent", "confidence intervals: 0.52-0.61" (no bracket: _IN_INTERVAL reads those)
CI_RANGE = True
_CI_OF = re.compile(r"\b(?:confidence|credible)\s+intervals?\s*(?:of|:|=|was|were|is|are|from|"
                    r"between|spanning|ranging\s+from)?\s*$", re.I)
_SETTING_BEFORE = re.compile(r"\b(?:at|through|within|after|every|totall?ing|spanning)\s+"
                             r"(?:(?:\d+(?:\.\d+)?|and|or|,)\s*)*$", re.I)
# a time of seconds or milliseconds "within" which something is done is its latency, a result
# ("mitigated within 10 s", "generate point clouds within 0.2 seconds"), unlike "within 24
# hours"; but a time that is long, earlier or later, a clip, or a resolution is a setting
TIME_WITHIN = True
_TIME_UNITS = frozenset({"s", "ms", "seconds", "milliseconds"})
_TIME_SETTING_AFTER = re.compile(r"\s*(?:long|earlier|later|ahead|into|before|ago|old|"
                                 r"of\s+(?:video|audio|speech|footage|recordings?|data)|"
                                 r"(?:video\s+|audio\s+|speech\s+)?(?:clips?|segments?|"
                                 r"windows?|chunks?))\b", re.I)
_TIME_SETTING_BEFORE = re.compile(r"(?:\b(?:resolution|duration|length|window|horizon|"
                                  r"intervals?|steps?)\s+(?:of\s+)?|\be\.g\.,?\s+|"
                                  r"\bi\.e\.,?\s+)(?:about\s+|around\s+|up\s+to\s+)?$|"
                                  r"\d\s*(?:minutes?|mins?|hours?|h)\s+$", re.I)
# (the last: the seconds of "23 minutes 36 seconds", a part of a time, not a value)
_SIZE_AFTER = re.compile(r"\s*(?:and\s+\d+\s+\w+\s+)?(?:of|from|recorded|horizon|baseline|"
                         r"window|intervals?)\b", re.I)
_SLASH_LIST = re.compile(r"/([+\-]?\d+\.\d+)")
SLASH_VALUES = True
# values joined by a slash ("76%/69% accuracy", "45.6% / 47.7%", "0.76 / 0.69"): the second is a
# decimal, or a percent after a percent, with at most one space either side of the slash, and
# keeps its unit as written ("99.3%/74.2% AP": 74.2%); an integer after a slash stays a fraction
_SLASH_NEXT = re.compile(r" ?/ ?(([+\-]?\d+(?:\.\d+)?)(\\?%)?)")


def slash_next(text: str, at: int, unit: str) -> re.Match | None:
    """The value joined by a slash to a value of unit that ends at offset at, if any (group 1:
    the value as written, with its own unit)."""
    if not SLASH_VALUES:
        return _SLASH_LIST.match(text, at)
    m = _SLASH_NEXT.match(text, at)
    return m if m and ("." in m.group(2) or m.group(3) and unit == "%") else None


_EQ_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z][\w\-@^$\\{}]*)\s*=\s*$")
_SIZE_SUFFIX = re.compile(r"^(?:\s?[KMBTkmbt]\b|-?(?:billion|million|thousand|trillion)\b)")
_NEXT_WORD = re.compile(r"\s*(?:[-–]\s*)?([A-Za-z][\w\-]*)")
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
# a correlation written in math ("$r = 0.590$", "Spearman $\\rho = 0.90$"): the plain-text forms
# are read by _STAT_BEFORE, which a "$" before the name stops; only correlations (r, rho,
# tau), not kappa or alpha (most often people's agreement) nor R^2 (pool A: two values, both
# credited to another system); not one given with its p-value ("($\\rho = +0.374$, $p =
# 0.00012$)"), a test of a hypothesis about the data rather than a system's score
TEX_STAT = True
_TEX_STAT_BEFORE = re.compile(r"\$\s*(?:r|\\rho|\\tau)\s*=\s*$")
_P_AFTER = re.compile(r"\$?\s*[,;]\s*\$?\s*p\s*[=<>]")
_REL_CMP = re.compile(r"(?:[<=≤≥≈]|(?<![-=])>)\s*$")  # not "18.4% -> 34.2%"
_ENUM = re.compile(r"\(\s*$")
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
# a confidence level: "95% CI", "95% CIs", "Wilson 95% confidence intervals", "95% bootstrap
# confidence intervals"; not a measure of intervals ("100% bootstrap CI coverage")
_CI = re.compile(r"\s*(?:(?:bootstrap(?:ped)?|Wilson|exact|Bayesian|credible|two-sided)\s+)?"
                 r"(?:CIs?|confidence\s+intervals?)\b(?!\s+(?:coverage|widths?|lengths?))", re.I)
CI_BOUND = True
# the level of a one-sided interval: "(95% upper bound 0.64%)", "(95% Wilson upper bound 3.1%)",
# "(one-sided 95% lower bounds 99.875% and ...)"; a bound followed by its number
_CI_BOUND = re.compile(r"\s*(?:(?:bootstrap(?:ped)?|Wilson|exact|Bayesian|one-sided)\s+)?"
                       r"(?:upper|lower)\s+(?:confidence\s+)?bounds?\s*[:=(\[]?\s*\$?\d", re.I)
# a bound of an interval: "95% confidence intervals of [0.90, 0.92]", "(95% CI: 0.81-0.88)", and
# one in square brackets right after the value it bounds ("81% [78.2%, 84.0%]")
_IN_INTERVAL = re.compile(r"(?:\b(?:CI|confidence\s+intervals?)\s*(?:of|:|=)?\s*[\[(]|"
                          r"\d\s*\\?%?\s*\[)\s*(?:[+\-]?[\d.]+\s*\\?%?\s*[,;]\s*)?$")
# a number word is a result only where a change is said ("fivefold faster", "by two orders of
# magnitude", "a two-fold reduction"; not "our contributions are threefold")
_WORD_CUE_AFTER = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:faster|slower|quicker|cheaper|lower|higher|less|more|fewer|smaller|"
    r"larger|better|worse|stronger|improv\w*|increas\w*|reduc\w*|decreas\w*|speed-?ups?|"
    r"accelerat\w*|gains?|boost\w*|drops?|cuts?)\b", re.I)


_ADDED_COST = re.compile(r"\s*(?:additional|added|extra)\s+(?:[\w\-]+\s+)?(?:parameters|params|"
                         r"FLOPs|compute|memory)\b", re.I)
_PM_BEFORE = re.compile(r"(?:\+/-|\+-|±|\\pm)\s*$")  # "+/- .0310", "95.72% +- 0.54%": a spread
_LIST_WORD_BEFORE = re.compile(r"(?:\bto|-)\s*$")  # "three to six orders of magnitude"
_WORD_CUE_BEFORE = re.compile(r"\b(?:by|up\s+to|nearly|almost|about|roughly|over|around|"
                              r"approximately|some|than)\s+$", re.I)
FREQ = True
# "N% of the time" says how often something happens, whatever verb comes before ("select an
# identical algorithm to Python 80% of the time", "fail more than 90% of the time"): over the
# pools and train 11 of the 12 such values are annotated (the other the first of a range)
FREQ_TIME = True
_OF_THE_TIME = re.compile(r"\s*of\s+the\s+time\b", re.I)


def _is_result(text: str, m: re.Match, unit: str, c: dict, listed: bool = False,
               at_name: bool = False) -> bool:
    """Whether a number is a result (not a size, count, year, version or hyper-parameter);
    listed: a bare decimal coordinated with a result just before it ("0.76 for A and 0.69")."""
    a, b = m.start(), m.end()
    num = m.group("num")
    before = text[max(0, a - 40):a]
    after = text[b:b + 40]
    if setting_list(text, a):
        return False  # "with varying missing rates (20%, 50%, and 70%)": settings varied
    if not_achieved(text, a, b):
        return False  # "an inter-annotator agreement of 0.81", "with only 0.1% parameters"
    if product_term(text, a, b):
        return False  # "a $3 \\times 5 \\times 2$ grid", "$p \\le 2.6 \\times 10^{-6}$"
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
        if TEX_STAT and "." in num and _TEX_STAT_BEFORE.search(before) and \
                not _P_AFTER.match(text, b):
            return True  # "reaches Spearman $\rho = 0.90$", "Pearson correlation of $r = 0.819$"
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
    if METRE_SETTING and unit in _METRES and (
            "." not in num or _METRE_SETTING_AFTER.match(after) or
            unit == "m" and not _SHORT_M_AFTER.match(after) or
            _METRE_SETTING_BEFORE.search(before) or _NEXT_WORD.match(after) and
            _NEXT_WORD.match(after).group(1).casefold() in c["size"]):
        return False  # "0.5m resolution", "a 20 m walking trial": settings and sizes
    if CI_RANGE and _CI_OF.search(before):
        return False  # "a 95 percent confidence interval of 40.1 to 60.3 percent": its bounds
    if (unit in _MEASURES or PHYS_UNITS and PHYS.fullmatch(unit)) and (
            (setting := _SETTING_BEFORE.search(before)) and not (
            TIME_WITHIN and unit in _TIME_UNITS and setting.group(0)[:6].casefold() == "within")
            or _SIZE_AFTER.match(after)):
        return False  # "at 5 and 10 minutes", "within 24 hours", "174 hours from": settings, sizes
    if TIME_WITHIN and unit in _TIME_UNITS and (_TIME_SETTING_AFTER.match(after) or
                                                _TIME_SETTING_BEFORE.search(before)):
        return False  # "20 seconds long", "up to 120 seconds earlier", "a resolution of 20 ms"
    if unit == "points" and ("," in num or float(num.replace(",", "")) > 100):
        return False  # "4,900 points": a count
    if _ENUM.search(before) and re.match(r"\)", after) and not unit and "." not in num:
        return False  # "(1)", "(2)": enumerations
    if _SIZE_SUFFIX.match(after) and unit not in ("%", "x", "points"):
        return False
    if re.match(r"[\-–]?[A-Za-z]", after) and not unit:
        return False  # 7B, 3D, 16-digit ...
    if re.match(r"\s*[/]\s*\d", after) and not (
            ("." in num or SLASH_VALUES and unit == "%") and slash_next(after, 0, unit)):
        # 3/5 fractions and counts
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
    if FREQ and unit == "%" and (_FREQ_AFTER.match(after) and _FREQ_BEFORE.search(before) or
                                 FREQ_TIME and _OF_THE_TIME.match(after)):
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
    if _CI.match(after) or CI_BOUND and _CI_BOUND.match(after) or \
            re.search(r"\bCI\s*:?\s*$", before) or (unit == "x" and re.match(
                r"\s*(?:[\w\-]+\s+){0,2}?(?:cross[\-\s]?validation|cross-?fitting|CV|folds?)\b",
                after)) or _IN_INTERVAL.search(before):  # also "5-fold cross validation"
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
NAME_AT = True
