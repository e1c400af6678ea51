"""Results component: the numbers an abstract reports, with system, benchmark, metric and kind.

Runs after the entity components (it names systems, benchmarks and metrics by the paper's
entities) and leaves plain dicts in `doc.user_data["pk_results"]`: value (as written), number,
unit, kind (score | delta | ratio), system (entity name, THIS_PAPER or None), benchmark, metric,
condition, start, end, sentence. The rules follow the "Results" section of the annotation
guidelines: sizes, counts, years and hyper-parameters are not results; LaTeX escapes in values
(`39.9\\%`, `6.94$\\times$`) are read as the number they mean; a value with a second condition in
brackets ("39.9% (43.7% with error feedback)") gives two results.

The rules are families, one small module each (as extractors/rules/): trace (which mechanism set
a field, for auditing), cues (the cue words of data/results.json), values (the value pattern,
its number, unit and kind), guards (what is no result), conditions (bracketed values, "X vs Y"),
systems (the paper's own system and a value's subject), benchmarks, metrics and lists (what a
list of values shares). This module reads a text's values with them (`find_results`), and holds
the switches only it reads; a family's switches are in its module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from paperkg.core.text import sentence_starts
from paperkg.extractors.result_names import (  # noqa: F401 - settle_names: kept importable here
    BENCH_TYPES,
    SYSTEM_TYPES,
    THIS_PAPER,
    settle_names,
)
from paperkg.extractors.results import trace
from paperkg.extractors.results.benchmarks import (
    _ON_NAME,
    FAR_EVAL,
    _as_data,
    _benchmark,
    _benchmark_before,
    _data_phrases,
    _evaluated_before,
    _on_benchmark,
    _only_benchmark,
    _own_setting,
    _title_benchmark,
    _variant,
    introduced_benchmark,
    is_cost,
    named_before,
    states_cost,
)
from paperkg.extractors.results.changelist import item_quantities
from paperkg.extractors.results.conditions import (
    _bracketed_after_bench,
    _bracketed_after_name,
    _name_at,
)
from paperkg.extractors.results.cues import cues
from paperkg.extractors.results.datanames import data_typed
from paperkg.extractors.results.farchange import far_changed
from paperkg.extractors.results.freshdata import fresh_data
from paperkg.extractors.results.guards import _OUT_OF, NAME_AT, _is_result, slash_next
from paperkg.extractors.results.hardware import drop_hardware
from paperkg.extractors.results.judge import judge_results
from paperkg.extractors.results.labelled import labelled_data
from paperkg.extractors.results.lists import (
    _one_per_metric,
    _respectively,
    _share_from_to,
    _share_in_lists,
    _share_in_sentence,
)
from paperkg.extractors.results.measures import typed_measures
from paperkg.extractors.results.metricforms import widen_metrics
from paperkg.extractors.results.metrics import _at_cutoff, _metric, _metric_name
from paperkg.extractors.results.phrases import name_phrases as _name_phrases
from paperkg.extractors.results.systems import (  # noqa: F401 - kept importable here
    _ACRONYM,
    _FROM_TO,
    BRACKETED,
    BY_DEFAULT,
    FROM_SPLIT,
    _base_model,
    _clause_start,
    _mentions,
    _system,
    _system_span,
    own_system,
    title_lead,
    title_system,
)
from paperkg.extractors.results.trace import _retag, _tag
from paperkg.extractors.results.values import (  # noqa: F401 - kept importable here
    _NUM,
    _TO,
    _VALUE,
    _kind,
    _transition,
    _unit,
    _value_re,
    _word_values,
    read_number,
    value_matches,
)

if TYPE_CHECKING:  # spaCy is not imported here
    from spacy.tokens import Doc

_LISTED = re.compile(r"\)?(?:\([^()]{0,20}\)|[^.;:()]){0,40}?(?:\band|,)\s+"
                     r"(?:[^.;:\s]+\s+){0,2}\(?")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,160})\)")
_DIGIT = re.compile(r"\d")
# Sentences before the first that speaks of the paper's own work ("we", "our", "this paper",
# "propose") are background: a value there with no subject is not the paper's own.
_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study|article|letter|method|"
                       r"approach|strategy|framework|technique|model|system|pipeline|design|"
                       r"architecture|algorithm)|[Hh]ere|propos\w+|introduc\w+|present\w*)\b")
BACKGROUND = True
FROM_BASE = True
USE_FALLBACK_BENCH = True
PREV_NULL = True
PREV_EVAL = True
TRANSITION = True


_SPAN_VERB = re.compile(r"\b(?:achiev|attain|reach|obtain|scor)\w*\s+(?:[\w\-@]+\s+){0,3}from\s+$",
                        re.I)
SPAN_BARE = True
# "A to B" with no "from", right after a verb of attaining or an article ("achieving 89% to 98%
# success rates", "a 37.94 percent to 40.01 percent reduction"): the system's own span over
# settings, both values its, not a change from a baseline's value
_SPAN_BARE = re.compile(r"\b(?:(?:achiev|attain|reach|obtain|yield|deliver)\w*\s+(?:(?:up\s+to|"
                        r"about|around|approximately|roughly|between)\s+)?|an?\s+)$", re.I)
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
ON_BENCH = True
BENCH_BRACKET = True


DATA_PHRASES = True


TITLE_BENCH = True


ONE_BENCH = True
ONE_BENCH_DELTA = True
# a gain in a quality measure is on the paper's one benchmark as its scores are ("improving
# Rank-1, Rank-5, and Rank-10 performance by 11.24%, 13.48%, and 17.98%"); a saving in a cost
# ("reduces costs by 7%", "38-42% less memory usage") is the system's, on no benchmark
_EFFICIENCY = re.compile(r"(?:costs?|usage|consumption|latency|memory|time|speed|frequency|"
                         r"throughput|FLOPs|footprint|overhead|energy|power)$", re.I)
# a value whose sentence names data of its own no entity holds does not take the paper's one
# benchmark (`_own_setting`)
OWN_SETTING = True
ACRONYM_METRIC = True
MEASURES = True
DATANAMES = True
SIGNED_BRACKET = True
SHARED_UNIT = True
_UNIT_LIST = re.compile(r"(?<![\w.,\-@/^=$\\])(?:[+\-]?\d+(?:\.\d+)?\s*,\s*)+(?:and\s+|or\s+)?$|"
                        r"(?<![\w.,\-@/^=$\\])[+\-]?\d+(?:\.\d+)?\s+(?:and|or)\s+$")
_NUMBER = re.compile(r"[+\-]?\d+(?:\.\d+)?")
_NAMED_NUMBER = re.compile(r"(?:[A-Z][\w\-]*|\d)\s*$")
DATA_IN_TEXT = True
# a capitalised name the value's sentence calls data before the value ("maintaining PSNR of
# around 26.90 dB on the DIV2K_LSDIR_valid dataset", "on the VCTK+DEMAND dataset, X attains
# 3.59"), when no entity holds it and no rule found a benchmark: named as written
_NAMED_DATA = re.compile(r"\b(?:on|with|using)\s+the\s+((?:[A-Z][\w\-+.]*|\d[\w\-+.]*)"
                         r"(?:\s+(?:[A-Z][\w\-+.]*|\d[\w\-+.]*)){0,3})"
                         r"(?:\s+\([A-Za-z0-9\-]{2,10}\))?\s+(?:dataset|benchmark|corpus)\b")


THIS_DATA = True
# "On this benchmark, Claude-3.7-sonnet only achieves 28%": the data the previous sentence named
_THIS_DATA = re.compile(r"\b(?:on|in|across|over|for)\s+(?:this|that|the\s+same)\s+(?:new\s+)?"
                        r"(?:benchmark|dataset|data\s+set|corpus|test\s+set|suite)\b", re.I)


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


def find_results(text: str, ents: list[dict], sents: list[int] | None = None) -> list[dict]:
    """Every result stated in text (title + newline + abstract), given the paper's entities."""
    wordy = "fold" in text or "times" in text or "magnitude" in text  # factors in words
    if not wordy and _DIGIT.search(text) is None:
        return []
    c = cues()
    sents = sents or sentence_starts(text)
    mentions = _mentions(ents, text)
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
    found = value_matches(text)
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
            mentions = drop_hardware(text, _as_data(text, plain))
            if DATANAMES:  # "+2.00% on Penn Action": a method's name written as data
                mentions = data_typed(text, mentions, own)
            if DATA_PHRASES:
                mentions = _data_phrases(text, mentions)
            metrics = [x for x in mentions if x[3] == "METRIC"]  # _metric reads only these
            if MEASURES:  # "improving online AssA by +2.3": a method's name written as a measure
                metrics = sorted([*metrics, *typed_measures(text, mentions, own)])
            if ACRONYM_METRIC:  # "34.66% JGA", "a BPCER of 10.44%": typed otherwise
                metrics += [(x[0], x[1], x[2], "METRIC~", x[4]) for x in mentions
                            if x[3] not in ("METRIC", "MODEL") and x[2] != own and
                            _ACRONYM.fullmatch(x[2])]
        if trace.TRACE is not None:
            trace._LAST.clear()
        kind = _kind(text, m, unit, c, cs)
        cost = is_cost(text, kind, a, b, cs)
        bench = _benchmark(text, mentions, s0, cs, s1, a, b, own, cost)
        if fallback_bench is None and (fresh := fresh_data(text, plain, b)):
            # (not in a paper that introduces a benchmark: "5% on Detect" names its part)
            bench = fresh  # "8.61% on Multitudes": a name no entity holds, written as data
            _tag("benchmark", "a name no entity holds after 'VALUE on'")
        if (label := labelled_data(text, mentions, own, a, b)):
            bench = label  # "VizWiz: +1.8%", "24.8 (ISIC 2018)": the value's own label
            _tag("benchmark", "the data that labels the value")
        if bench is None and THIS_DATA and _THIS_DATA.search(text, s0, a):
            bench = _benchmark_before(mentions, sents, i, a, own)  # "On this benchmark, X"
            if bench:
                _tag("benchmark", "'this benchmark': the previous sentence's last")
        if bench is None and DATA_IN_TEXT:
            named = _NAMED_DATA.search(text, s0, a)
            if named and not any(x[0] < named.end(1) and named.start(1) < x[1] for x in plain):
                bench = named.group(1)  # "on the VCTK+DEMAND dataset", no entity holds it
                _tag("benchmark", "data named in the sentence, no entity")
        if bench is None and cost:
            bench = ""  # a running cost: no benchmark from another sentence either
            _tag("benchmark", "null: a cost, no benchmark in its clause")
        borrowed = False
        if bench is None and USE_FALLBACK_BENCH:
            bench = _benchmark_before(mentions, sents, i, a, own)
            setup = PREV_EVAL and (bench or FAR_EVAL) and _evaluated_before(
                text, mentions, sents, i, own)
            if setup:
                bench = setup
                borrowed = True  # (dropped below where the value states a cost)
                _tag("benchmark", "previous sentence evaluates on it")
            elif bench and PREV_NULL and bench != fallback_bench:
                # the previous sentence names another benchmark: ambiguous (right 7 of 27
                # times on train, null 12 of 27), so null, and no fallback further
                bench = ""
                _tag("benchmark", "null: previous sentence names one")
            elif bench:
                _tag("benchmark", "previous sentence's last")
            elif fallback_bench and named_before(plain, fallback_bench, s1):
                bench = fallback_bench
                _tag("benchmark", "the paper's introduced one")
        barred = bench == ""  # no benchmark stated, and none to be taken from elsewhere
        bench = bench or None
        system = _system(text, mentions, s0, cs, a, b, c, own, BACKGROUND and 0 < i < first_own)
        by_default = system is BY_DEFAULT
        if by_default:
            system = own
        res = {
            "value": value, "number": read_number(value), "unit": unit, "kind": kind,
            "system": _system_span(text, mentions, s0, a, _variant(text[s0:s1], system)),
            "benchmark": bench,
            "metric": _at_cutoff(text, s0, a, _metric_name(_metric(
                text, metrics, s0, s1, a, b, c, near_only=kind == "ratio"), c)),
            "condition": None, "start": a, "end": b,
            "sentence": text[s0:s1].strip(),
        }
        if res["metric"] is None and (far := far_changed(text, metrics, s0, a)):
            res["metric"] = far  # "improves the throughput over A, B and C by up to 29x"
            _tag("metric", "object of a verb of change further back")
        if borrowed and res["benchmark"] and states_cost(res["metric"], unit):
            res["benchmark"] = None  # "The pipeline runs in a mean 157 s": no data's
            _tag("benchmark", "null: a cost, data of the sentence before")
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
        if by_default:
            res["_default"] = True  # read (and dropped) by the judge
        if trace.TRACE is not None:
            res["via"] = dict(trace._LAST)
        if m.group("num2") and (_FROM_TO.search(text, max(0, a - 30), a) and not (
                FROM_RANGE and _RANGE_TO.match(text, b) and not _TO.fullmatch(
                    text, m.end("u1") if m.group("u1") else m.end("num"), m.start("num2")))
                                or TRANSITION and _transition(text, m)):
            # "improves F2 from 0.801 to 0.857": the baseline's value and the system's
            a2 = m.start("num2")
            first = text[a:m.end("u1") if m.group("u1") else m.end("num")]
            # "achieves top-1 accuracy from 78.2% to 81.8%" (a span over settings): both its
            span = _SPAN_VERB.search(text, cs, a) or SPAN_BARE and not _FROM_TO.search(
                text, max(0, a - 30), a) and _SPAN_BARE.search(text, max(cs, a - 30), a)
            base = None if span or not FROM_BASE else _base_model(
                text, mentions, s0, a, (res["system"], own), c)
            if res["system"] is None and base is not None and not span and \
                    text.rfind("(", max(s0, a - 3), a) >= 0:
                res["system"], base = base, None  # "X improves over its base (47.2% to 53.8%)"
                _retag(res, "system", "base model before 'from A to B' (B)")
            out.append({**res, "value": first, "number": read_number(first), "kind": "score",
                        "system": res["system"] if span else base, "end": a + len(first)})
            if trace.TRACE is not None:
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
                if trace.TRACE is not None:
                    out[-1]["via"] = dict(res["via"])
        out.append(res)
        # "scores 0.932/0.916/0.665 on three splits": one result per value
        at = b
        for sm in iter(lambda: slash_next(text, at, unit), None):  # noqa: B023
            v = sm.group(1)
            out.append({**res, "value": v, "number": read_number(v), "start": sm.start(1),
                        "end": sm.end(1)})
            if trace.TRACE is not None:
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
                if trace.TRACE is not None:
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
        if PHRASES and _name_phrases(text, sents, out) and SENT_METRIC:
            _share_in_sentence(text, out)  # "correctness of 99% on A and 49% on B": both
        item_quantities(text, mentions or plain, sents, out)  # "A by 3%, B by 5%": each its own
        widen_metrics(text, sents, out)  # "4.52 F1-all": the form the sentence writes
        if ONE_BENCH:  # a score by a named metric, on the one benchmark the paper names
            only = _only_benchmark(text, mentions, own)
            scored = {(r["sentence"], r["metric"]) for r in out if r["kind"] == "score"}
            for r in out:
                if only and OWN_SETTING and r["benchmark"] is None:
                    k = bisect_right(sents, r["start"]) - 1
                    if _own_setting(text, plain, sents[max(k, 0)],
                                    _sentence_end(sents, r["start"], text)):
                        continue
                if only and r["benchmark"] is None and r["metric"] and not r.get("_barred") and \
                        named_before(mentions, only, _sentence_end(sents, r["start"], text)) and (
                        r["kind"] == "score" or ONE_BENCH_DELTA and r["kind"] == "delta" and
                        not _EFFICIENCY.search(r["metric"]) and  # not a score's metric carried
                        (r["sentence"], r["metric"]) not in scored):  # on: "and improves by 3%"
                    r["benchmark"] = only
                    _retag(r, "benchmark", "the paper's one benchmark")
        for r in out:
            r.pop("_barred", None)
        out = judge_results(text, sents, out, own, title_end, first_own)
        if trace.TRACE is not None:
            for r in out:
                trace.TRACE[(r["sentence"], r["start"], r["end"])] = r.pop("via", {})
    return out


def _sentence_end(sents: list[int], pos: int, text: str) -> int:
    """The end of the sentence holding text position pos (the next one's start)."""
    k = bisect_right(sents, pos)
    return sents[k] if k < len(sents) else len(text)


SENT_METRIC = True
# measure phrases no metric list holds (phrases.py), named after the other metric rules
PHRASES = True
FROM_TO_METRIC = True


SHARED_METRICS = True


class ResultRules:
    """Leave the paper's results in doc.user_data['pk_results'] (plain dicts)."""

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        text = data.get("pk_text") or doc.text
        # the sentence starts the sentence component found in that same text, when kept
        sents = data.get("pk_sents") if "pk_text" in data else None
        data["pk_results"] = find_results(text, data.get("pk_ents", []), sents)
        return doc
