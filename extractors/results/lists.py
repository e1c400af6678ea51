"""Values in lists: a name, metric or benchmark shared by the values of a list, "respectively"
lists and the values of one metric each."""

from __future__ import annotations

import re

from paperkg.core.text import sentence_of, sentence_starts
from paperkg.extractors.result_names import (
    BENCH_TYPES,
    SYSTEM_TYPES,
)
from paperkg.extractors.results.benchmarks import _LIST_SEP, ACTS_NOT_BENCH
from paperkg.extractors.results.metrics import _metric_name
from paperkg.extractors.results.systems import _ACTS, _SUBJECT_AFTER
from paperkg.extractors.results.trace import _retag

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


BARE_SCORES = True
# scores written without a unit share the metric too ("an average NDCG@10 of 0.296 across
# ..., with an overall best score of 0.395"; "AUROC rises from 0.981 to 0.989 ...; ECL attains
# 1.000 ... (mean 0.905"): 3 train and 5 annotated values change, each to the gold's metric
LIST_METRIC = True
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


OWN_METRIC_PAIRS = True
# values joined by "and"/commas each with a short word of its own between ("+4% OA and +5.1%
# mAP", "27.2%p, 11.2%p") are one list for the benchmarks listed after them; not a gap that
# opens with a preposition ("7.3% on ACDC and 15.6% on AMOS": each names its own)
_METRIC_GAP = re.compile(r"\s*(?!(?:on|in|for|at|over|across|to|from|by|of|than)\b)"
                         r"[^\s,;()\d][^,;()\d]{0,20}?\s*(?:,\s*and|,|and)\s*")
_RESP_GAP = re.compile(r"\s*(?:\([^()\d]{0,40}\)\s*)?(?:,\s*and|,|and)\s*")
_RESPECTIVELY = re.compile(r"[\s,]*(?:\([^()]{0,40}\)\s*)?(?:(?:[^.;%()]|\.(?=\d)){0,50}?,\s*)?"
                           r"respectively\b")  # "in CIDEr@0.5IoU, respectively": a decimal point
# (and a measure's name with no comma before "respectively": "76.48% and 87.39% macro-F1
# respectively")
_RESP_NAMED = re.compile(r"\s+[\w\-@.]+\s+respectively\b")


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
        elif RESP_LATER and len(group) > 1 and (later := _list_later(text, mentions, out, group)):
            for r, name in zip(group, later, strict=True):
                r["benchmark"] = name
                _retag(r, "benchmark", "respectively (benchmarks later)")
        elif len(group) > 1 and (resp := _RESPECTIVELY.match(text, group[-1]["end"]) or (
                RESP_NAMED and _RESP_NAMED.match(text, group[-1]["end"]))):
            s0 = _sentence_start(text, group[0]) if RESP_OWN_SENTENCE else \
                group[0]["start"] - len(group[0]["sentence"]) - 1
            names = _bench_names(text, mentions, max(0, s0), group[0]["start"])
            if RESP_OWN_SENTENCE and not names and sum(
                    typ == "METRIC" and group[-1]["end"] <= a < resp.end()
                    for a, _b, _n, typ, _ in mentions) < 2:
                # none in its own sentence, and no metrics listed for the values: the list of the
                # sentence before, of as many names ("... on two benchmarks, A and B. X
                # achieves 4.8% and 10.5% higher accuracy, respectively")
                before = sentence_of(text, sentence_starts(text), s0 - 1)[0]
                prev = _bench_names(text, mentions, before, s0)
                names = prev if len(prev) == len(group) else []
            if len(names) >= len(group):
                for r, name in zip(group, names[-len(group):], strict=True):
                    r["benchmark"] = name
                    _retag(r, "benchmark", "respectively")
            own_start = _sentence_start(text, group[0])
            if SUBJECTS_RESPECTIVELY:
                _subjects_respectively(text, mentions, group, own_start)
            run = _last_list(text, mentions, ("METRIC",), own_start, group[0]["start"])
            if len(run) == len(group):  # "improves accuracy and recall by 3% and 5% resp."
                for r, name in zip(group, run, strict=True):
                    r["metric"] = name
                    _retag(r, "metric", "respectively")
        elif BENCH_PAIRED and len(group) > 1 and (run := _bench_list_before(text, mentions,
                                                                            group)):
            # "Experiments on ITC99 and EPFL show that X ... achieving 15.5% and 31.1%
            # improvements": as many benchmarks listed before as values pair in order
            for r, name in zip(group, run, strict=True):
                r["benchmark"] = name
                _retag(r, "benchmark", "paired with a list of benchmarks before")
            if SUBJECTS_PAIRED:
                own_start = _sentence_start(text, group[0])
                _subjects_respectively(text, mentions, group, own_start)
        elif SUBJECTS_PAIRED and len(group) > 1:
            # "AttnLFA and AttnMVP ... achieving improvements of 0.29% and 0.80%": as many
            # subjects as values pair in order without "respectively" too
            own_start = _sentence_start(text, group[0])
            _subjects_respectively(text, mentions, group, own_start)
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


SUBJECTS_RESPECTIVELY = True
BENCH_PAIRED = True
SUBJECTS_PAIRED = True
_AND = re.compile(r"\s*,?\s*and\s+(?:the\s+)?")
_OBJECT_BEFORE = re.compile(r"\b(?:from|on|in|of|with|by|to|for|over|across|between|than|"
                            r"against|versus|vs\.?)\s+(?:the\s+)?$", re.I)


def _subjects_respectively(text: str, mentions, group: list[dict], lo: int) -> None:
    """"Logistic Regression and Linear SVM exhibited ... accuracies of 84.41% and 84.73%,
    respectively": a list of names that is the subject of its verb gives the i-th value the
    i-th name, when the rules gave every value of the list one system."""
    if len({r["system"] for r in group}) != 1:
        return
    runs: list[list] = []
    for a, b, name, typ, _ in mentions:
        if typ not in SYSTEM_TYPES or a < lo or a >= group[0]["start"]:
            continue
        if runs and a < runs[-1][-1][1]:
            continue  # a name inside the one before it
        if runs and _LIST_SEP.fullmatch(text, runs[-1][-1][1], a):
            runs[-1].append((a, b, name))
        else:
            runs.append([(a, b, name)])
    for run in reversed(runs):  # the last list that is its verb's subject
        names = list(dict.fromkeys(name for _a, _b, name in run))
        verb = _SUBJECT_AFTER.match(text, run[-1][1])
        if len(names) == len(run) == len(group) and verb and "," not in verb.group(0) and \
                _AND.fullmatch(text, run[-2][1], run[-1][0]) and \
                not _OBJECT_BEFORE.search(text, max(lo, run[0][0] - 30), run[0][0]):
            for r, name in zip(group, names, strict=True):
                r["system"] = name
                _retag(r, "system", "respectively (subjects)")
            return


METRICS_AFTER = True
METRICS_PAIRED = True  # as many metrics as values pair in order without "respectively" too
# ("in", "in terms of", "improvements in": "9.56% and 7.16% improvements in HR@10 and NDCG@10")
_IN_LIST = re.compile(r"\s*(?:(?:relative\s+|absolute\s+)?(?:improvements?|gains?|increases?|"
                      r"reductions?|decreases?|drops?)\s+)?(?:in|on|for|of)\s+"
                      r"(?:terms\s+of\s+)?(?:the\s+)?")


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


PAIR_AFTER = True
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


def _sentence_start(text: str, r: dict) -> int:
    """Where the sentence of result r starts in text."""
    return max(0, text.rfind(r["sentence"][:40], 0, r["start"] + 40))


# (an opening "On A and B, X improves ..." too)
_ON_BEFORE = re.compile(r"\b(?:[Oo]n|[Aa]cross|[Oo]ver|[Ff]or|[Ii]n)\s+(?:the\s+)?"
                        r"(?:[\w\-]+\s+){0,3}$")


def _bench_list_before(text: str, mentions, group: list[dict]) -> list[str]:
    """The benchmarks of the list after "on" earlier in the sentence of a list of values of
    one metric and no benchmark, not closed by "respectively", when there are as many as
    values, else []."""
    if len({r["metric"] for r in group}) != 1 or any(r["benchmark"] for r in group) or \
            _RESP_AFTER.match(text, group[-1]["end"]):
        return []
    lo = _sentence_start(text, group[0])
    spans = [(a, b, name) for a, b, name, typ, _ in mentions
             if typ in BENCH_TYPES and lo <= a < group[0]["start"]]
    runs: list[list] = []
    closed = False  # "On A and B, X improves ...": a list that ends in "and B" takes no more
    for x in spans:
        sep = _LIST_SEP.fullmatch(text, runs[-1][-1][1], x[0]) if runs else None
        if sep and not (CLOSED_LIST and closed):
            runs[-1].append(x)
        else:
            runs.append([x])
        closed = bool(sep) and _CLOSING.search(sep.group(0)) is not None
    for run in runs:
        names = [name for _a, _b, name in run]
        if len(run) == len(group) == len(set(names)) and \
                _ON_BEFORE.search(text, max(lo, run[0][0] - 40), run[0][0]) and \
                not {r["system"] for r in group} & set(names):
            return names
    return []


CLOSED_LIST = True
_CLOSING = re.compile(r"\b(?:and|or)\b|&")


def _bench_names(text: str, mentions, lo: int, hi: int) -> list[str]:
    """The names of the benchmarks mentioned in [lo, hi), once each, in order."""
    return list(dict.fromkeys(name for a, b, name, typ, _ in mentions
                              if typ in BENCH_TYPES and lo <= a < hi and not (
                                  ACTS_NOT_BENCH and _ACTS.match(text, b))))


RESP_NAMED = True
RESP_OWN_SENTENCE = True  # "respectively" pairs with benchmarks of its own sentence only
RESP_LATER = True
# "3.3%, 8.5%, and 7.5% over the ... model in terms of F-score for the A, B, and C datasets,
# respectively": the benchmarks listed later in the clause, closed by "respectively"
_RESP_LATER = re.compile(r"(?:[^.;]|\.(?=\d)){0,160}?\brespectively\b")
_RESP_TAIL = re.compile(r"\s*(?:(?:data\s*sets?|datasets?|benchmarks?|corpora|tasks?|splits?)\s*)?"
                        r",?\s*respectively\b")


def _list_later(text: str, mentions, out: list[dict], group: list[dict]) -> list[str]:
    """The benchmarks of the list that closes a clause with "respectively" after a list of
    values, further on than right after them, when there are as many as values, else []."""
    m = _RESP_LATER.match(text, group[-1]["end"])
    if not m or any(group[-1]["end"] <= r["start"] < m.end() for r in out):
        return []
    hi = m.end() - len("respectively")
    run: list = []
    for a, b, name, typ, _ in mentions:
        if typ not in BENCH_TYPES or a < group[-1]["end"] or b > hi:
            continue
        if run and not _LIST_SEP.fullmatch(text, run[-1][1], a):
            run = []
        run.append((a, b, name))
    if not run or not _RESP_TAIL.fullmatch(text, run[-1][1], m.end()):
        return []
    names = [name for _a, _b, name in run]
    return names if len(names) == len(group) and len(set(names)) == len(names) else []


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
