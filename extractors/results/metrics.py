"""Metric attachment: the measure a value states (an entity, a LaTeX name, a measure phrase,
the quantity a change is of)."""

from __future__ import annotations

import re

from paperkg.extractors.results.guards import _STAT_BEFORE, _STAT_NAMES, STAT_CMP
from paperkg.extractors.results.ownchange import own_change_after
from paperkg.extractors.results.trace import _tag
from paperkg.extractors.words import word_set

_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*and|,|and|or)\s*[+\-]?\d+(?:\.\d+)?\s?(?:\\?%|points?)?)+"
                        r"\s*")
_GAP_AFTER = re.compile(r"\s*(?:(?!(?:and|or|with|while|at|on|in|for|of|to|by|from|the|a|an|"
                        r"than|vs|over)\b)[\w\-]+\s+)?|\s*\(|\s*of\s+"  # "95.75% of TPR"
                        r"|\s*in\s+(?:the\s+)?(?:terms\s+of\s+)?"  # "+2.8% in CIDEr"
                        r"|\s*on\s+(?:the\s+)?"  # "7% on Hits@1"
                        r"|\s*the\s+"  # "up to 4.72x the offline decode throughput of"
                        r"|\s*(?:[\w\-]+\s+)?(?:lift|gain|increase|improvement|drop|reduction|"
                        r"decrease|boost|rise|decline)s?\s+(?:in|on|of)\s+(?:the\s+)?"
                        r"|\s*\([^()]{1,30}\)\s+"  # "52.5 (+6.8 relative) mIoU": past an aside
                        r"|\s+(?:relative|absolute)\)\s+")  # "(+25.73 relative) cIoU"
# ("a 17.29% lift in click-through rate", "35% drops in accuracy")
_GAP_BEFORE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:of|:|=|was|is|at|to|reaches|by|"
                         r"from|of\s+only|of\s+up\s+to|of\s+about|score\s+of|scores?|"
                         r"reaching|achieving|improves?\s+by|by\s+(?:up\s+to|over|nearly|about|"
                         r"around|approximately|more\s+than|almost|roughly|at\s+least))?"
                         r"\s*(?:an?\s+)?")
METRIC_LATER = True
MODIFIED_PAIR = True
# two values, each with a word of its own after it, joined by "and" before the one metric they
# share ("94.41% visual and 79.37% audio accuracy", "82.64% coarse-grained and 68.48%
# fine-grained accuracy"): the first value's metric is read past the second's word
_FREE = r"(?!(?:and|or|with|while|at|on|in|for|of|to|by|from|the|a|an|than|vs|over)\b)"
_MODIFIED_PAIR = re.compile(rf"\s+{_FREE}([a-z][\w\-]*)\s+and\s+[+\-]?\d+(?:\.\d+)?\s?"
                            rf"(?:\\?%|points?)?\s+{_FREE}([a-z][\w\-]*)(?=\s)")
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
# and a phrase of lower-case words is not named either (the annotators leave it null: "while
# reducing tool calls by 18%", "reduces cloud requests by 70%", "reducing processed tokens by up
# to 32.69%"; over the 28 tuning sets 8 values null against 1 named); a name is ("it improves
# OCR by 47.5%"), and so is a rate ("reducing inference tokens per query by ~24.45%")
OWN_CHANGE_NULL = True
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


COUNTED = True
# a plain number right before what it counts ("with a mean of 3.4 repair iterations to
# convergence", "2.9 retrieval rounds"): no measure named before it is the value's
# (words/result_count_nouns.txt)
_COUNTED = re.compile(r"\s+(?:[a-z][\w\-]*\s+)?([a-z][a-z\-]*s)\b")
_PLAIN = re.compile(r"[-+~]?\d+(?:\.\d+)?")


_AVERAGE = re.compile(r"(?:average|mean|avg\.?|relative|absolute)\s+", re.I)


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
    """A metric's name without LaTeX dollars and without "average"/"mean"/"relative"/"absolute"
    before a metric of its own ("average PSNR" -> "PSNR", "relative accuracy gains" and
    "absolute F1 score gains" are accuracy's and F1 score's,
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


# what every "name at N" of _at_cutoff holds: a cheap test before its pattern, built per name
# (a compile for each name new to re's cache, most of the function's time)
_AT_NUMBER = re.compile(r"at\s+\d")


def _at_cutoff(text: str, s0: int, pos: int, name: str | None) -> str | None:
    """name with the cutoff "at N" written after it before pos in its sentence, for a ranking
    metric (name unchanged otherwise)."""
    if not RANK_AT or not name or not _RANK_HEAD.search(name):
        return name
    window = text[s0:pos]
    if _AT_NUMBER.search(window) is None:
        return name
    hit = None
    for m in re.finditer(re.escape(name) + r"\s+at\s+\d{1,3}(?=\s*[,;:)]|\.(?!\d)|\s+(?:scores?|"
                                                 r"from|of|on|in|and|is|was|were|to|by|for|with|"
                                                 r"over)\b)",
                         window):
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


TIME_CHANGED = True
# a time named as the quantity a change is stated on, with one or two words before "time"
# ("reduces query execution time by up to 35.8%", "a 60% reduction in development time"), and
# a few more heads the annotators name so ("reduces the coverage gap by over 35%", "reduces
# inference energy by 40.4%", "improves sensing coverage by 29.7%"): named as written; not for
# ratios (the gold leaves "shortens computation time by 1.81x" without a metric, as it does
# most ratios with none next to them)
_FREE_WORD = r"(?:(?!(?:by|and|or|the|of|in|on|for|with|to|from)\b)[\w\-]+\s+)"
_TIME_BY = re.compile(
    r"\b(?:reduc|improv|increas|decreas|cut|lower|boost|rais|enhanc|shorten|slash|halv|"
    r"minimi[sz])\w*\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w\-]+\s+)??"
    r"(" + _FREE_WORD + r"{1,2}time|" + _FREE_WORD + r"?(?:gap|energy|coverage|completeness|"
    r"correctness|consistency|fitness|sensitivity))\s+"
    r"by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|around\s+|roughly\s+|"
    r"more\s+than\s+|almost\s+|as\s+much\s+as\s+|~\s*|\$\\sim\$\s*)?\$?$", re.I)
_TIME_IN = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:reduction|decrease|drop|cut|savings?|speed-?up)s?\s+in\s+"
    r"(?:the\s+)?((?:(?!(?:and|or|of|in|on|for|with|to|by|than|the)\b)[\w\-]+\s+){1,2}time)"
    r"(?![\w\-])(?!\s+(?:of|per|to)\b)", re.I)


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
# improvement in decoding throughput", "up to 2.61x speedup in generation latency"): named as
# written, up to two words before the head;
# not "a 60% improvement in safety" nor "a 5x reduction in the number of ..." (no measure head)
_CHANGE_IN = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:lift|gain|speed-?up|acceleration|increase|improvement|enhancement|"
    r"drop|reduction|decrease|boost|rise|decline)s?\s+in\s+(?:the\s+)?"
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


OWN_QUANTITY = True
# a value followed by a word that says it is a count or cost of its own ("43% fewer tokens",
# "a 78.2% speedup", data/words/own_quantity_words.txt) takes no metric named before it (over
# the 28 tuning sets the nearest metric before was wrong for all 9 such values, 7 gold null)
_WORD_AFTER = re.compile(r"\s*(?:(?:relative|average|overall|total)\s+)?([\w\-]+)")


def _own_quantity(text: str, end: int) -> bool:
    """Whether the word after the value ending at end says it is a quantity of its own."""
    m = _WORD_AFTER.match(text, end)
    return bool(m) and m.group(1).casefold() in word_set("own_quantity_words")


IOU_RANGE = True
# the upper end of an IoU threshold range a listed metric name stops before ("35.6%
# mAP@50-95", "60.60% mAP50:95", "mAP@0.5:0.95"): part of the name
_IOU_RANGE = re.compile(r"[\-:]\d+(?:\.\d+)?(?![\w.@%])")


def _with_range(text: str, a: int, b: int, name: str) -> tuple[int, int, str]:
    """A listed metric match, widened over a threshold range's upper end written after it."""
    if IOU_RANGE and name[-1:].isdigit() and name.casefold().startswith(("map", "ap")) and (
            m := _IOU_RANGE.match(text, b)):
        return a, m.end(), text[a:m.end()]
    return a, b, name


def _metric(text: str, mentions, lo: int, hi: int, pos: int, end: int, c: dict,
            near_only: bool = False) -> str | None:
    """The metric of a value: a METRIC entity or a metric word next to it ("39.9% pass@1",
    "pass@1 of 39.9%", "F1: 0.8"), else (unless near_only: a ratio such as "2.4x less
    compute" is not measured by the accuracy named before it) the nearest one before it in its
    clause, else just after it."""
    tail = _LIST_TAIL.match(text, end)
    pair = MODIFIED_PAIR and tail is None and _MODIFIED_PAIR.match(text, end)
    if pair and not any(c["metric"].fullmatch(w) for w in pair.groups()):
        tail = pair
    lo, hi = max(lo, pos - 100), min(hi, (tail.end() if tail else end) + 60)
    acr = [(a, b, name) for a, b, name, typ, _ in mentions
           if typ == "METRIC~" and lo <= a and b <= hi and (
               a >= end and _ACR_AFTER.fullmatch(text, end, a) and _ACR_END.match(text, b) or
               b <= pos and _ACR_BEFORE.fullmatch(text, b, pos))]
    cands = [(a, b, name) for a, b, name, typ, _ in mentions
             if typ == "METRIC" and lo <= a and b <= hi]
    cands += [_with_range(text, m.start(), m.end(), m.group(0))
              for m in c["metric"].finditer(text, lo, hi)]
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
    timed = TIME_CHANGED and not near_only and (
        _TIME_IN.match(text, after_from) or _TIME_BY.search(text, max(lo, pos - 80), pos))
    if timed and not any(x[0] < timed.end(1) and timed.start(1) < x[1] for x in cands):
        _tag("metric", "time changed by the value")
        return timed.group(1)
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
        if OWN_CHANGE_NULL and phrase.islower() and " per " not in phrase:
            return None  # "reducing processed tokens by 32.69%"; not "it improves OCR by 47.5%"
        return None if phrase.rsplit(None, 1)[-1].casefold() in _NO_MEASURE else phrase
    counted = COUNTED and earlier and _PLAIN.fullmatch(text, pos, end) and \
        _COUNTED.match(text, end)
    if counted and counted.group(1) in word_set("result_count_nouns"):
        _tag("metric", "null: a count of the things after it")
        return None
    if OWN_QUANTITY and earlier and _own_quantity(text, end):
        _tag("metric", "null: a quantity of its own after the value")
        return None  # "with 19% higher accuracy, 43% fewer tokens": not accuracy's
    if earlier and own_change_after(text, end):
        _tag("metric", "null: a change of its own after the value")
        return None  # "a gain in F1 score and a 53.5% reduction in errors": not F1's
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
