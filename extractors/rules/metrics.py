"""Family: metrics: name@k (pass@1, Hits@20, mAP@0.5); "pass@1 accuracy" is one metric; a unit
after a number ("1.19 bits/char") is not a metric; compound measures ("detection accuracy");
measures listed after "metrics such as" or between two measures; common words that are also
metrics (recall, precision, cross-entropy, latency, throughput) count only near a number or an
evaluative word (the cost measures latency and throughput, and precision, only near a number,
another measure or an evaluation phrase), and never inside a hyphen compound, a number format or
"Recall that"; a lower-case compound measure ("prediction accuracy") and the bare head inside it
count only with a number, a comparison, a change or an evaluation word in its own sentence."""

from __future__ import annotations

import re
import weakref

from paperkg.extractors.canonical import fold
from paperkg.extractors.rules.base import Cand, Context, type_by_shape, word_set, words

_METRIC_AT = re.compile(
    r"(?<![\w@])([A-Za-z][\w\-]*@(?:\d+(?:\.\d+)?(?::\d*\.\d+)?(?:[A-Za-z]{1,4}(?=[^\w@]|$))?|"
    r"[kK]))(?![\w@])")
_NUMBER_OR_WORD = re.compile(
    r"\d|%|\b(?:higher|lower|better|worse|improv\w*|outperform\w*|achiev\w*|gains?|reduc\w*|"
    r"increas\w*|decreas\w*|drops?|degrad\w*|scores?|measured|metrics?|in\s+terms\s+of|"
    r"state-of-the-art|comparable|faster|slower|report\w*|F1|AUC|BLEU|precision|"
    r"recall|accuracy|high|low|best|worst|evaluat\w*)\b"
)
# the stricter context of a cost measure (cost_metrics): a number, another measure or an
# evaluation phrase; "reduce", "high", "low", "faster" alone say nothing of a measurement
_NUMBER_OR_MEASURE = re.compile(
    r"\d|%|\b(?:scores?|measured|metrics?|in\s+terms\s+of|report\w*|F1|AUC|BLEU|precision|"
    r"recall|accuracy|evaluat\w*)\b"
)
# a measure word modifying another noun: a loss, a bound, or a demand put on the system ("strict
# latency constraints", "the accuracy requirements of ...", "a latency bottleneck")
_NOT_AFTER = re.compile(
    r"[\s\-]+(?:loss|losses|objective|gap|term|minimi[sz]ation|estimation|estimator|function|"
    r"matrix|threshold|bounds?|guarantees?|correction|constraints?|requirements?|bottlenecks?|"
    r"budgets?|inflation)\b"
)
# "the trade-off between accuracy and efficiency", "a balance between speed and accuracy",
# "accuracy and robustness trade-offs": two qualities weighed, no measurement reported
_TRADE_BEFORE = re.compile(
    r"(?:trade-?offs?|balanc(?:e|es|ing))\s+(?:between|of|among)\s+(?:the\s+|both\s+)?"
    r"(?:[\w\-]+\s+){0,3}?(?:(?:and|or|vs\.?|versus)\s+)?$", re.IGNORECASE)
_TRADE_AFTER = re.compile(
    r"\s+(?:and|vs\.?|versus)\s+(?:[\w\-]+\s+){0,2}?(?:[\w\-]+[\s\-])trade-?offs?\b",
    re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# the evidence a lower-case compound measure wants in its own sentence: a number, a comparison, a
# change or an evaluation word ("high", "low", "best" or another measure's name alone is none:
# "improve robustness and prediction accuracy. Evaluation on ..." ends at the full stop)
_MEASURED = re.compile(
    r"\d|%|\b(?:higher|lower|better|worse|improv\w*|outperform\w*|achiev\w*|gains?|reduc\w*|"
    r"increas\w*|decreas\w*|drops?|degrad\w*|scores?|measured|metrics?|in\s+terms\s+of|"
    r"state-of-the-art|comparable|faster|slower|report\w*|F1|AUC|evaluat\w*)\b"
)
_NOT_BEFORE = re.compile(
    r"\b(?:to|cannot|can|could|not|information|associative|memory|temporal)\s+$"
)


def metric_context(text: str, c: Cand) -> bool:
    """Whether an ambiguous metric word is used as an evaluation measure here."""
    if _NOT_AFTER.match(text, c.end, c.end + 20):
        return False
    if c.name.lower() == "recall" and _NOT_BEFORE.search(text, max(0, c.start - 25), c.start):
        return False
    lo = text.rfind("\n", max(0, c.start - 80), c.start) + 1 or max(0, c.start - 80)
    lo = max(lo, c.start - 80)
    hi = text.find("\n", c.end, c.end + 80)
    hi = c.end + 80 if hi < 0 else hi
    if _TRADE_BEFORE.search(text, max(0, c.start - 60), c.start) or _TRADE_AFTER.match(
            text, c.end, c.end + 60):
        return _DIGIT.search(text, lo, hi) is not None  # "trade-offs between accuracy and ..."
    # "reduces inference latency": a compound with a cost head wants the cost's context too
    cost = c.name.lower().rsplit(None, 1)[-1] in word_set("cost_metrics")
    cue = _NUMBER_OR_MEASURE if cost else _NUMBER_OR_WORD
    return cue.search(text, lo, c.start) is not None or cue.search(text, c.end, hi) is not None


def _measured_in_sentence(ctx: Context, a: int, b: int) -> bool:
    """Whether text[a:b]'s own sentence holds a number, a comparison, a change or an evaluation
    word within 80 characters of it."""
    s0, s1 = ctx.sentence(a)
    text = ctx.text
    return bool(_MEASURED.search(text, max(s0, a - 80), a)
                or _MEASURED.search(text, b, min(s1, b + 80)))


def _near_digit(text: str, c: Cand) -> bool:
    """Whether a digit is written within 40 characters of a candidate, on its line."""
    lo = max(text.rfind("\n", max(0, c.start - 40), c.start) + 1, c.start - 40, 0)
    hi = text.find("\n", c.end, c.end + 40)
    return _DIGIT.search(text, lo, c.end + 40 if hi < 0 else hi) is not None


# "Precision at 5", "Recall at 10", "hits at rank 3": a ranking measure at a cut-off, name@k
# spelled out (a whole number of items, not a value: "precision at 0.92", "recall at 90%")
_METRIC_AT_WORDS = re.compile(
    r"\b((?:[Pp]recision|[Rr]ecall|[Hh]its|n?DCG|NDCG|nDCG|MRR|mAP)\s+at\s+(?:rank\s+)?\d{1,4})"
    r"(?![\w.,%]|\s*(?:\\?%|percent))")
_AT_WORDS_GATE = ("recision at ", "ecall at ", "its at ", "CG at ", "RR at ", "AP at ")


def metrics_at_k(ctx: Context) -> None:
    """METRIC candidates written as name@k, or as "name at k" for a ranking measure."""
    if any(w in ctx.text for w in _AT_WORDS_GATE):
        for m in _METRIC_AT_WORDS.finditer(ctx.text):
            a, b = m.span(1)
            c = Cand(a, b, m.group(1), m.group(1), "METRIC", 0.9, "metric_at_k")
            c.strong_type = True  # the bare measure's hit inside is this name's first word
            ctx.cands = [k for k in ctx.cands if not (a <= k.start and k.end <= b)]
            ctx.cands.append(c)
    if "@" not in ctx.text:
        return
    for m in _METRIC_AT.finditer(ctx.text):
        if ctx.in_url(m.start()):
            continue
        c = Cand(m.start(1), m.end(1), m.group(1), m.group(1), "METRIC", 0.9, "metric_at_k")
        c.strong_type = True
        ctx.cands.append(c)


_MOD_WORD = re.compile(r"[A-Za-z][\w\-]*(?:['’]s)?$")


def _head_spans(low: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word metric head in a text, any case, given the text in
    lower case (str.find per head word: much faster here than one regex alternation)."""
    out = []
    for head in words("metric_heads"):
        n = len(head)
        i = low.find(head)
        while i >= 0:
            j = i + n
            if (i == 0 or not low[i - 1].isalnum() and low[i - 1] not in "_") and (
                    j == len(low) or not (low[j].isalnum() or low[j] in "_-@")):
                out.append((i, j))
            i = low.find(head, j)
    out.sort()
    return out


# what makes an -ing word before a measure head a noun naming the measure, not a verb: a value
# right before it ("a 66.8% driving score", "3.5%/3.7% clustering accuracy"), an averaging word
# ("an average misleading rate", "the overall grasping accuracy"), or an article before it and
# a value after the head ("a training accuracy of 99.2%"); a value before a rate or a ratio sets
# it ("a 30% masking ratio", "a 10% sampling rate"); a cost head keeps its -ing word as the
# known measure's longer form
_ING_VALUE_BEFORE = re.compile(
    r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s*\\?%(?:\s*/\s*\d+(?:\.\d+)?\s*\\?%)*\s+$")
_ING_AVERAGE_BEFORE = re.compile(r"\b(?:average|mean|overall)\s+$", re.IGNORECASE)
_ING_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the|its|their|our)\s+$", re.IGNORECASE)
_ING_VALUE_AFTER = re.compile(r"\s+(?:of|=|:)\s*(?:about\s+|only\s+|up\s+to\s+)?\$?[-+]?\.?\d")


def _ing_named(text: str, k: int, h1: int) -> bool:
    """Whether the -ing word at k names the measure whose head ends at h1 (see above)."""
    head = text[max(0, h1 - 10):h1].lower()
    if head.rsplit(None, 1)[-1] in word_set("cost_metrics"):
        return False  # "a decoding throughput of 120 tokens/s": the cost measure, with the
        # longer form as its alias (metric_forms)
    before = text[max(0, k - 30):k]
    setting = head.endswith(("rate", "rates", "ratio"))
    return bool((_ING_VALUE_BEFORE.search(before) and not setting)
                or _ING_AVERAGE_BEFORE.search(before)
                or (_ING_ARTICLE_BEFORE.search(before) and _ING_VALUE_AFTER.match(text, h1)))


def _modifiers(ctx: Context, h0: int, h1: int) -> int:
    """Start of the modifier words before a metric head at h0 ("attack success rate"), or h0."""
    text = ctx.text
    not_mod = word_set("metric_not_modifiers")
    task_heads = word_set("task_pattern_heads")
    quantity = word_set("quantity_words")
    start = h0
    if h0 > 0 and text[h0 - 1] == "-":  # "root-mean-square-error": one hyphenated word
        k = h0 - 1
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "-"):
            k -= 1
        if k < h0 - 1 and "-" in text[k:h0 - 1] and text[k:h0 - 1].lower() not in not_mod:
            start = k
    for _ in range(3):
        if start < 2 or text[start - 1] != " ":
            break
        k = start - 1
        while k > 0 and not text[k - 1].isspace() and text[k - 1] not in "(,;:\"“[":
            k -= 1
        word = text[k:start - 1]
        if not _MOD_WORD.match(word) or word.lower() in not_mod or word.endswith("ly"):
            break
        if "-" in word and word.lower().split("-", 1)[0] + "-" in not_mod:
            break  # "near-lossless accuracy", "near-zero recall": a prefix of degree
        low = word.lower()
        if low[-1] == "s" and low[-2:] not in ("ss", "us", "is") and not low.endswith(("'s", "’s")):
            break  # "achieves accuracy", "models accuracy": a verb or a plural, not a modifier
        if low.endswith(("'s", "’s")) and not (word[0].isupper() and word[1:-2].isalpha()
                                                and word[1:-2].islower()):
            break  # "MixMatch's accuracy", "the planner's collision rate": whose, not which
        if type_by_shape(word, None) == "MODEL":
            break  # "LLaDA-8B generation latency": the model measured, not part of the measure
        if low in quantity:
            break  # "seven semantic text similarity": a count of tasks, not part of the measure
        if low.endswith("ed") and "-" not in low and low not in word_set("metric_ed_modifiers"):
            break  # "improved accuracy", but "balanced accuracy"
        if low.endswith("ing") and low not in task_heads and not _ing_named(text, k, h1):
            break  # "using accuracy", but "ranking accuracy"
        if word[0].isupper() and (k in ctx.sent_starts or (
                word in ctx.not_names and start != h0)):  # "Wasserstein distance" is a measure
            break
        start = k
    return start


def metric_compounds(ctx: Context) -> None:
    """METRIC candidates for modifier words plus a metric head in an evaluation context
    ("detection accuracy", "attack success rate", "Dice score", "relative L2 error")."""
    text = ctx.text
    need_value = word_set("metric_value_heads")
    for h0, h1 in _head_spans(ctx.low):
        if ctx.in_url(h0):
            continue
        a = _modifiers(ctx, h0, h1)
        if a == h0:
            continue
        phrase = text[a:h1]
        if ctx.is_generic(phrase) or (text[h0].isupper() and _NAME_GOES_ON.match(text, h1)):
            continue  # "Classifier Score Distillation": a Title Case name goes on
        if text[h0].isupper() and _named_as_method(text, phrase):
            continue  # "we propose the Convolutional Similarity method"
        if text[h0:h1].lower() == "precision" and _NUMERIC_PRECISION.search(text, a, h0):
            continue  # "numerical precision", "full precision": number formats, as the bare word
        if phrase.islower() and text[a:h0].strip() in word_set("metric_heads"):
            continue  # "error rates": one measure word on another names no measure
        if text.startswith(("mean ", "median "), a) and ctx.covered(
                text.index(" ", a) + 1, h1) and not ctx.covered(a, h1) and \
                text[h0:h1].lower() not in word_set("cost_metrics"):
            continue  # "a mean F1 score of 0.89": a known measure averaged over runs is that
            # measure (the known name, not "mean F1 score"; "mean absolute error" is known
            # whole; a cost's statistic is its own measure: "median latency")
        c = Cand(a, h1, phrase, phrase, "METRIC", 0.6, "metric_compound")
        if not metric_context(text, c):
            continue
        if not text[a].isupper() and not _measured_in_sentence(ctx, a, h1):
            # "improve robustness and prediction accuracy.": no measurement in the sentence; the
            # bare head inside ("accuracy") is no measure there either (metric_filter)
            ctx.scratch.setdefault("unmeasured", set()).add((h0, h1))
            continue
        if text[a].islower() and text[h0:h1].lower() in need_value and not _near_digit(text, c):
            continue  # "graph distance", "semantic similarity" with no value: a quantity
        c.strong_type = True
        ctx.cands.append(c)


_METHOD_AFTER = re.compile(r"\s+(?:\([^()\s]{1,12}\)\s+)?([a-z]+)\b")


def _named_as_method(text: str, phrase: str) -> bool:
    """Whether a Title Case phrase is written somewhere right before a method's head word
    ("the Convolutional Similarity method"): the name of a method, not of a measure."""
    heads = word_set("method_heads")
    i = text.find(phrase)
    while i >= 0:
        m = _METHOD_AFTER.match(text, i + len(phrase))
        if m and m.group(1) in heads:
            return True
        i = text.find(phrase, i + len(phrase))
    return False


_M_WORD = r"(?!(?:and|or)\s)(?:[A-Za-z][\w\-]*(?:['’]s)?|\$[^$\n]{1,12}\$)"
_M_ITEM = rf"({_M_WORD}(?:\s+{_M_WORD}){{0,3}})"
_M_NEXT = re.compile(rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?{_M_ITEM}")
_M_FIRST = re.compile(rf"\s*(?:the\s+)?{_M_ITEM}")
# an item's short form in brackets, read past to the next item
_M_BRACKET = re.compile(r"\s*\([A-Za-z][\w\-]{0,11}\)")
_M_AFTER_HEAD = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in words("metric_list_heads")) + r")"
    r"\s*(?:,\s*)?(?:such\s+as|including|includes?\b|like|namely|e\.g\.,?|:|\()"
)


def _metric_item(ctx: Context, a: int, raw: str, stop) -> Cand | None:
    """A METRIC candidate for one item of a list of measures: its words up to a function
    word, leading determiners and counts dropped."""
    ws = [(a + w.start(), w.group()) for w in re.finditer(r"\S+", raw)]
    ends = word_set("metric_list_stops")
    k = next((i for i, (_, w) in enumerate(ws)
              if w.lower() in stop or w in _M_VERBS or w.lower() in ends), len(ws))
    ws = ws[:k]
    while ws and ws[0][1].lower() in _M_SKIP:
        ws = ws[1:]
    if not ws:
        return None
    b = ws[-1][0] + len(ws[-1][1])
    a = ws[0][0]
    phrase = ctx.text[a:b]
    if ctx.is_generic(phrase) or ctx.in_url(a) or phrase.lower() in word_set(
            "metric_not_modifiers") or phrase.lower() in _M_COUNTS:
        return None  # "the number of forward passes": a count, cut at "of", is no measure
    c = Cand(a, b, phrase, phrase, "METRIC", 0.6, "metric_list")
    c.strong_type = True
    return c


# a finite verb ends an item: "measures such as Shannon entropy do not ..."
_M_VERBS = frozenset({"do", "does", "did", "is", "are", "was", "were", "can", "could", "may",
                      "might", "will", "would", "should", "must", "has", "have", "had"})
_M_COUNTS = frozenset({"number", "amount", "count", "total"})
_M_SKIP = frozenset({"the", "a", "an", "both", "their", "its", "our", "standard", "common",
                     "several", "various", "multiple", "two", "three", "four", "five"})


def metric_lists(ctx: Context) -> None:
    """Measures listed after a plural metric head: "metrics such as A, B and C", "measures
    including A and B", "metrics: A, B"."""
    text = ctx.text
    if not any(h in text for h in words("metric_list_heads")):
        return
    stop = word_set("task_stop")
    found: list[Cand] = []
    for m in _M_AFTER_HEAD.finditer(text):
        if m.start() < ctx.title_end:
            continue
        im = _M_FIRST.match(text, m.end())
        bracketed = False
        while im is not None:
            first = im.group(1).split()[0]
            if first[0].islower() and first.endswith(("ing", "ed")):
                break  # ", demonstrating better relevance": the list has ended
            lead = next((w for w in im.group(1).split() if w.lower() not in _M_SKIP), first)
            if lead.lower() in stop or lead in _M_VERBS or bracketed and lead.islower() \
                    and lead in word_set("metric_not_modifiers"):
                break  # "(GAR), to evaluate ...", "(FDP), yet some ...": the list has ended
            c = _metric_item(ctx, im.start(1), im.group(1), stop)
            if c is not None:
                found.append(c)
            end = im.end()
            br = _M_BRACKET.match(text, end)  # "A (IRS), B (CBS), and C (CBD)"
            bracketed = br is not None
            im = _M_NEXT.match(text, br.end() if br else end)
    ctx.cands.extend(found)


_BETWEEN_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_BETWEEN_ITEM = re.compile(r"(?:[A-Za-z][\w\-]*(?:['’]s)?)(?:\s+[A-Za-z][\w\-]*){0,2}")


def metrics_between(ctx: Context) -> None:
    """Names listed between two measures are measures: "Dice score, Precision, Sensitivity,
    Specificity, and mean average precision" (the text between must be the list itself)."""
    text = ctx.text
    ms = sorted((c for c in ctx.cands if c.type == "METRIC" and c.strong_type or
                 c.rule == "gazetteer" and c.type == "METRIC"), key=lambda c: c.start)
    stop = word_set("task_stop")
    for a, b in zip(ms, ms[1:], strict=False):
        gap = text[a.end:b.start]
        if not 4 <= len(gap) <= 80 or not gap.startswith((",", " and ", " or ")):
            continue
        pos, items, ok = a.end, [], True
        while pos < b.start:
            sep = _BETWEEN_SEP.match(text, pos, b.start)
            if sep is None:
                ok = False
                break
            pos = sep.end()
            if pos >= b.start:
                break
            it = _BETWEEN_ITEM.match(text, pos, b.start)
            if it is None or any(w.lower() in stop for w in it.group().split()):
                ok = False
                break
            items.append((it.start(), it.end()))
            pos = it.end()
        if not ok or not items:
            continue
        for x, y in items:
            if ctx.covered(x, y) or ctx.is_generic(text[x:y]):
                continue
            same = [c for c in ctx.cands if c.start == x and c.end == y]
            if same:  # "Sensitivity" found as a capitalised word: it is a measure here
                for c in same:
                    if not (c.strong_type and c.type):
                        c.type, c.strong_type = "METRIC", True
                        c.conf = max(c.conf, 0.6)
                continue
            c = Cand(x, y, text[x:y], text[x:y], "METRIC", 0.6, "metric_between")
            c.strong_type = True
            ctx.cands.append(c)


# "by 8.1% in p-MRR", "19.3% in SqRel", "4.96% in $\rm{AUPRC}$": a name read after a value and
# "in" is the measure the value is given in ("on" would name the data); the name ends there
_VALUE_IN = re.compile(
    r"(?:\d\s*\\?%|\d\s+(?:points?|pp)|\d\.\d+)(?:\s|~|\\,)+in\s+(?:\$\\(?:rm|mathrm|text)\{)?"
    r"([A-Za-z][\w\-@]*)(?=\}?(?:\$|_\{?\w+\}?\$?)?\s*(?:[,.;:)]|(?:and|or|on|over|compared|"
    r"while|across|for|with|than|at|under|relative|versus|vs)\b|$))")
_UPPER = re.compile(r"[A-Z]")


def measures_after_values(ctx: Context) -> None:
    """A name with a capital after a value and "in" ("8.1% in p-MRR", "19.3% in SqRel") is a
    measure; a known name of another type, a language ("20% in Mandarin": not_names) and a
    name inside a longer one are left as they are."""
    text = ctx.text
    if "in " not in text:
        return
    for m in _VALUE_IN.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if not _UPPER.search(name) or ctx.in_url(a) or ctx.is_generic(name) or \
                name in ctx.not_names:
            continue
        same = [c for c in ctx.cands if c.start == a and c.end == b]
        if any(c.rule == "gazetteer" and c.type != "METRIC" for c in same):
            continue  # "3% in ImageNet"
        if any(c.start <= a and b <= c.end and (c.start, c.end) != (a, b) for c in ctx.cands):
            continue  # inside a longer name
        for c in same:
            c.type, c.strong_type = "METRIC", True
            c.conf = max(c.conf, 0.6)
        if not same:
            c = Cand(a, b, name, name, "METRIC", 0.6, "metric_value_in")
            c.strong_type = True
            ctx.cands.append(c)


_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
# the measures an averaging "mean" belongs to ("mean IoU", "mean AP"; not "mean ROC AUC")
_MEAN_OF = frozenset({"iou", "ap", "average precision", "reciprocal rank", "dice"})
_AVERAGED = re.compile(r"(?:[Mm]ean|[Mm]acro|[Mm]icro|[Ww]eighted)[\s\-]$")


def averaged_metrics(ctx: Context) -> None:
    """"mean IoU", "macro F1": an averaging word before a known measure is part of its name."""
    text = ctx.text
    for c in ctx.cands:
        if c.rule == "gazetteer" and c.type == "METRIC" and c.start >= 5:
            m = _AVERAGED.search(text, max(0, c.start - 9), c.start)
            if m and m.group().lower().startswith("mean") and c.name.lower() not in _MEAN_OF:
                continue
            if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                c.start = m.start()
                c.surface = c.name = text[c.start:c.end]
                c.gaz_canon = None


_NUMERIC_PRECISION = re.compile(
    r"(?:\d+-?bits?|half|full|single|double|mixed|numerical|floating-point|arbitrary|machine)"
    r"\s+$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+that\b")
_QUALITY_JOIN = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?)\s+)(?:the\s+)?"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)" + _QUALITY_JOIN + "$")
_WORD_AFTER = re.compile(_QUALITY_JOIN + r"([A-Za-z]+)")
_EVALUATED = re.compile(r"in\s+terms\s+of|evaluat|measur|metric|assess|compar|regarding",
                        re.IGNORECASE)


def _named_quality(text: str, c: Cand) -> bool:
    """"improves both the efficiency and accuracy", "accuracy and robustness": the metric word
    joined to a quality of the method (metric_qualities), with no number near and no evaluation
    phrase before, names what the method has, not a measure it reports."""
    qualities = word_set("metric_qualities")
    m = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
    if m is None or m.group(1).lower() not in qualities:
        m = _WORD_AFTER.match(text, c.end)
        if m is None or m.group(1).lower() not in qualities:
            return False
    return not _near_digit(text, c) and _EVALUATED.search(
        text, max(0, c.start - 80), c.start) is None


def _not_a_measure(text: str, c: Cand) -> bool:
    """A metric word inside a hyphenated compound ("low-accuracy", "mixed-precision",
    "latency-accuracy trade-offs"), used as a verb ("Recall that ...") or named as a quality
    beside others ("the efficiency and accuracy of X")."""
    if c.start > 0 and text[c.start - 1] == "-" or text.startswith("-", c.end):
        return True
    low = c.name.lower()
    if low == "precision" and _NUMERIC_PRECISION.search(text, max(0, c.start - 20), c.start):
        return True  # "4-bit precision", "half precision": number formats
    if _named_quality(text, c):
        return True
    return low == "recall" and _VERB_AFTER.match(text, c.end) is not None


_VALUE_AFTER = re.compile(
    r"\s*(?:[=:(<>≤≥≈]|of|by|is|was|reaches|drops\s+to)?\s*(?:up\s+to\s+)?[-+]?\.?\d")
_ERROR_MEASURE = re.compile(
    r"\b(?:R?MSE|MAPE|SMAPE|NRMSE|RMSLE|MSLE|R\^?2|R\$\^\{?2\}?\$)(?![\w-])")
# a change stated of the acronym: a value or a comparison right before it ("21.1% reduction in
# MAE", "a 9% lower MAE", "0.08 MAE on ZINC", "reduces the MAE"), or a change noun and a value
# right after it ("an average MAE reduction of 3.8%", "MAE improvements of 12%")
_CHANGE_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:\d*\.\d+\s*(?:\\?%)?|\d+\s*(?:\\?%|x|×))\s+(?:(?:average|mean|relative|overall)\s+)?"
    r"|\b(?:lower|higher|reduc(?:es|ed|ing|tion)|decreas(?:es|ed|ing|e)|improv(?:es|ed|ing|ement))"
    r"\s+(?:in\s+|of\s+)?(?:the\s+|an?\s+)?(?:(?:average|mean|overall|test)\s+)?)$")
_CHANGE_AFTER = re.compile(
    r"\s+(?:reductions?|improvements?|decreases?|drops?|gains?)\s+(?:of|by)\s+(?:up\s+to\s+)?"
    r"(?:about\s+|approx\.?\s+)?[-+]?\$?\d")
# the acronym naming a model or its training, whatever is said before it ("improves MAE
# pretraining", "0.5 MAE-based features")
_MODEL_AFTER = re.compile(
    r"[\s\-]+(?:pre-?train\w*|fine-?tun\w*|style|based|models?|variants?|backbones?|encoders?|"
    r"decoders?|features?|frameworks?|architectures?|distillation|objectives?)\b")


def _other_entry(ctx: Context, acronym: str) -> tuple[str, str] | None:
    """The (type, canonical name) of the gazetteer entry that lists acronym as another name
    than a measure ("MAE": the masked autoencoder), or None."""
    if ctx.gaz is None:
        return None
    for type_, groups in ctx.gaz.lexicon["typed"].items():
        if type_ != "METRIC":
            for group in groups:
                if acronym in group:
                    return type_, group[0]
    return None


def shared_acronyms(ctx: Context) -> None:
    """An acronym that names a measure and a model ("MAE") is the measure beside a value,
    another error measure or a change stated of it ("test MAE of 12.23", "MAE, MSE, RMSE",
    "a 9% lower MAE", "MAE reduction of 3.8%"), else the other name."""
    text = ctx.text
    shared = word_set("shared_metric_acronyms")
    keep = []
    seen: set[tuple[int, int]] = set()
    for c in ctx.cands:
        if c.rule == "gazetteer" and c.surface in shared:
            measure = not _NOT_AFTER.match(text, c.end, c.end + 20) and bool(
                _VALUE_AFTER.match(text, c.end)
                or _ERROR_MEASURE.search(text, max(0, c.start - 25), c.start)
                or _ERROR_MEASURE.search(text, c.end, min(len(text), c.end + 25))
                or (_CHANGE_BEFORE.search(text, max(0, c.start - 40), c.start)
                    and not _MODEL_AFTER.match(text, c.end, c.end + 20))
                or _CHANGE_AFTER.match(text, c.end, c.end + 40))
            if measure:
                if (c.start, c.end) in seen:
                    continue
                seen.add((c.start, c.end))
                c.type = "METRIC"
            elif c.type == "METRIC":
                other = _other_entry(ctx, c.surface)
                if other is None:
                    continue
                c.type, c.gaz_canon = other  # the hit the matcher gave first was the measure
        keep.append(c)
    ctx.cands = keep


# "F1=0.80", "precision=1.00": a name written against "=" and a value is one token to the
# tokenizer, so the gazetteer never sees it
_GLUED_VALUE = re.compile(r"(?<![\w\-\\$@^])([A-Za-z][\w\-@]*[A-Za-z\d])=\s*[-+]?\.?\d")
_METRIC_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _metric_forms(gaz) -> dict[str, str]:
    """The gazetteer's measure names of one word, as written (lower case for a lower-case
    name, which matches any case), to their canonical names (once per gazetteer)."""
    forms = _METRIC_FORMS.get(gaz)
    if forms is None:
        forms = {}
        for group in gaz.lexicon["typed"].get("METRIC", ()):
            for form in group:
                if " " not in form:
                    forms.setdefault(form, group[0])
        _METRIC_FORMS[gaz] = forms
    return forms


def glued_values(ctx: Context) -> None:
    """A known measure written right against "=" and a value ("F1=0.80", "precision=1.00")."""
    if ctx.gaz is None or "=" not in ctx.text:
        return
    forms = _metric_forms(ctx.gaz)
    for m in _GLUED_VALUE.finditer(ctx.text):
        a, b = m.span(1)
        name = m.group(1)
        canon = forms.get(name) or forms.get(name.lower()) if not name.islower() else \
            forms.get(name)
        if canon is None or ctx.in_url(a) or any(
                c.start == a and c.end == b and c.strong_type for c in ctx.cands):
            continue
        # the coined-word rule's untyped reading of the same word gives way to the measure
        ctx.cands = [c for c in ctx.cands if not (c.start == a and c.end == b)]
        c = Cand(a, b, name, name, "METRIC", 0.9, "gazetteer")
        c.gaz_canon = canon
        c.strong_type = True
        ctx.cands.append(c)


_BRACKET_AFTER = re.compile(r"\s*\([^()\n]{1,12}\)")


def _past_bracket(text: str, end: int) -> int:
    """The offset after a short bracket written at end ("energy efficiency (EE)"), or end."""
    m = _BRACKET_AFTER.match(text, end)
    return m.end() if m else end


def metric_filter(ctx: Context) -> None:
    """Drop known metric words that are not used as metrics here."""
    text, cands = ctx.text, ctx.cands
    ambiguous = word_set("ambiguous_metrics")
    unmeasured = ctx.scratch.get("unmeasured", ())
    defined = {v.lower() for v in ctx.defined.values()} if ctx.defined else set()
    drop = set()
    for i, c in enumerate(cands):
        if c.rule != "gazetteer" or c.type != "METRIC":
            continue
        if i > 0 and cands[i - 1].rule == "metric_at_k" and \
                text[cands[i - 1].end:c.start] in (" ", "-"):
            drop.add(i)
        elif "/" in c.surface and re.search(r"\d\s*$", text[max(0, c.start - 8):c.start]):
            drop.add(i)
        elif fold(c.gaz_canon or c.name) in ambiguous and (
                not metric_context(text, c) or _not_a_measure(text, c)) and not (
                c.name.lower() in defined
                and not _NOT_AFTER.match(text, _past_bracket(text, c.end))):
            drop.add(i)  # kept where the text gives it a short form: "energy efficiency (EE)"
        elif (c.start, c.end) in unmeasured:
            drop.add(i)  # the head of a compound measure its sentence gives no evidence for
    if drop:
        cands = ctx.cands = [c for i, c in enumerate(cands) if i not in drop]
    # "pixel accuracy ... outperforms baselines in accuracy": the bare head refers back to the
    # compound measure the paper named (one entity, the bare word an alias)
    compounds: dict[str, str] = {}
    for c in cands:
        if c.rule == "metric_compound":
            compounds.setdefault(c.name.split()[-1].lower(), c.name)
    if compounds:
        for c in cands:
            if c.rule == "gazetteer" and c.type == "METRIC" and c.name.lower() in compounds:
                c.name = compounds[c.name.lower()]
                c.gaz_canon = None
    # "F2 score of 0.801 ... boosting F2 from 0.742": a coined measure written without its
    # "score" is the same measure (one entity, the short form an alias)
    scored = {c.name[:-6].lower(): c.name for c in cands
              if c.rule == "metric_compound" and c.name.lower().endswith(" score")
              and len(c.name) <= 12 and c.name.count(" ") == 1}  # not "DeepSeek V4 Pro score"
    if scored:
        for c in cands:
            if c.rule == "coined_name" and c.type in ("", "METRIC") and c.name.lower() in scored:
                c.name = scored[c.name.lower()]


# the plural of a measure name's head ("mean squared errors", "attack success rates")
_PLURAL_HEADS = ("errors", "rates", "ratios", "distances", "divergences", "coefficients",
                 "scores")
_WORD = re.compile(r"[\w\-]+")
_PLURAL_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _plural_forms(gaz) -> dict[str, str]:
    """The gazetteer's measures of several words with their head in the plural, in lower case
    with hyphens as spaces ("mean squared errors"), to their canonical names (once per
    gazetteer)."""
    forms = _PLURAL_FORMS.get(gaz)
    if forms is None:
        forms = {}
        for group in gaz.lexicon["typed"].get("METRIC", ()):
            for form in group:
                low = " ".join(form.lower().replace("-", " ").split())
                if " " in low and low.rsplit(" ", 1)[-1] + "s" in _PLURAL_HEADS:
                    forms.setdefault(low + "s", group[0])
        _PLURAL_FORMS[gaz] = forms
    return forms


def plural_measures(ctx: Context) -> None:
    """"mean squared errors", "attack success rates": a known measure of several words written
    with its head in the plural is that measure (the gazetteer matches the singular only)."""
    if ctx.gaz is None:
        return
    low = ctx.low
    n = len(low)
    found = []
    for head in _PLURAL_HEADS:  # str.find per head: much faster than one regex alternation
        i = low.find(head)
        while i >= 0:
            j = i + len(head)
            if (i == 0 or not low[i - 1].isalnum()) and (j == n or not low[j].isalnum()):
                c = _plural_measure(ctx, low, i, j)
                if c is not None:
                    found.append(c)
            i = low.find(head, j)
    ctx.cands.extend(sorted(found, key=lambda c: c.start))


def _plural_measure(ctx: Context, low: str, h0: int, h1: int) -> Cand | None:
    """The known measure ending in the plural head low[h0:h1], from its longest name among
    the one to three words before it, or None."""
    forms = _plural_forms(ctx.gaz)
    base = max(0, h0 - 40)
    for w in list(_WORD.finditer(low, base, h0))[-3:]:  # the longest name first
        a = w.start()
        if a == base and a > 0 and low[a - 1].isalnum():
            continue
        canon = forms.get(" ".join(low[a:h1].replace("-", " ").split()))
        if canon is None:
            continue
        if ctx.in_url(a):
            return None
        surface = ctx.text[a:h1]
        c = Cand(a, h1, surface, surface, "METRIC", 0.9, "gazetteer")
        c.gaz_canon = canon
        c.strong_type = True
        return c
    return None


STAGES = [(58, metrics_at_k), (58.4, glued_values), (58.5, plural_measures), (59, metric_compounds),
          (59.5, metric_lists), (59.6, metrics_between),
          (59.7, measures_after_values), (101, averaged_metrics),
          (100, metric_filter), (100.5, shared_acronyms)]
