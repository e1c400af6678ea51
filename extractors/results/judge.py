"""Family (a gate after the rules): a learned judge of the values the rules read. A value is kept
unless a logistic model over its unit, kind and size, the words either side of it, the verb
before it, the slots the rules filled (and whether its system came by default), its sentence
(which one, how many values it holds, "we", a test statistic, a counted population) rates the
chance that the gold holds its number under the cut: sizes, counts, settings and background
figures (weights and cut in data/results_judge.json, written by training/results_judge.py)."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.rules.logistic import bucket, neighbour, probability

_DATA = Path(__file__).resolve().parent.parent / "data" / "results_judge.json"
JUDGE = True
# training/results_judge.py sets this to a list to receive every value's (start, end, features)
COLLECT: list | None = None

# the verb of a value's clause: the stem of the last verb of stating or changing before it
_VERB = re.compile(r"\b(achiev|obtain|reach|attain|scor|yield|record|deliver|outperform|surpass|"
                   r"exceed|beat|perform|improv|boost|reduc|increas|decreas|gain|cut|lower|"
                   r"rais|enhanc|accelerat|speed|drop|fell|fall|declin|rose|rise|match|retain|"
                   r"maintain|preserv|recover|solv|pass|sav|compress|ha(?:ve|s|d)|is|are|was|"
                   r"were|use|using|train|set|requir|contain|compris|consist|includ|cover|"
                   r"show|demonstrat|report|observ|find|found|lead|result|outperform|attain)\w*",
                   re.I)
_OWN = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study))\b")
_WORD = re.compile(r"[A-Za-z][\w\-]*")
# a test's statistic in the sentence ("p < 0.001", "p=.007")
_STAT = re.compile(r"\bp\s*[<=>≤]|\$p\s*[<=>]")
# people or items a share of is counted ("of students", "of patients", "of images")
_POPULATION = re.compile(r"\b(?:participants|patients|students|respondents|users|people|"
                         r"subjects|images|samples|cases|documents|papers|articles|posts)\b", re.I)


def judge() -> dict | None:
    """The shipped model ({"bias", "weights", "cut"}), None when none is shipped."""
    return _load() if _DATA.exists() else None


@cache
def _load() -> dict:
    """The model file, read once."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _magnitude(n: float | None) -> str:
    """The size of a number as a bucket."""
    if n is None:
        return "none"
    n = abs(n)
    for top, name in ((1, "<1"), (10, "<10"), (100, "<100"), (1000, "<1k")):
        if n < top:
            return name
    return "1k+"


def features(text: str, sents: list[int], r: dict, out: list[dict], own: str | None,
             title_end: int, by_default: bool, first_own: int = 0) -> list[str]:
    """The judge's features of one value the rules read (r, one of out)."""
    a, b = r["start"], r["end"]
    i = bisect_right(sents, a) - 1
    s0 = sents[max(i, 0)]
    s1 = sents[i + 1] if i + 1 < len(sents) else len(text)
    system = r["system"]
    sk = "null" if system is None else "own" if system in (own, THIS_PAPER) else "name"
    ok = "none" if own is None else "tp" if own == THIS_PAPER else "name"
    met, ben = r["metric"] is not None, r["benchmark"] is not None
    unit = r["unit"] or "-"
    before = text[max(s0, a - 60):a]
    words = _WORD.findall(before)
    verbs = list(_VERB.finditer(text, s0, a))
    same = sum(s0 <= x["start"] < s1 for x in out)
    opened = text.count("(", s0, a) > text.count(")", s0, a)
    num = r["value"]
    f = [f"u={unit}", f"k={r['kind']}", f"s={sk}", f"own={ok}", f"d={by_default}",
         f"m={met}", f"b={ben}", f"c={r['condition'] is not None}",
         f"sm={sk}|{met}", f"um={unit}|{met}", f"sb={sk}|{ben}", f"dm={by_default}|{met}",
         f"pb={neighbour(text, a, False)}", f"na={neighbour(text, b, True)}",
         f"w2={words[-2].lower() if len(words) > 1 else '^'}",
         f"mag={_magnitude(r['number'])}", f"dec={'.' in num}",
         f"t={a < title_end}", f"si={bucket(max(i, 0), 8)}", f"last={s1 >= len(text)}",
         f"nv={bucket(same, 5)}", f"br={opened}",
         f"v={verbs[-1].group(1).lower() if verbs else 'none'}",
         f"we={_OWN.search(text, s0, s1) is not None}", f"bg={0 < i < first_own}",
         f"pv={_STAT.search(text, s0, s1) is not None}",
         f"pop={_POPULATION.search(text, s0, s1) is not None}"]
    after = _WORD.findall(text, b, min(s1, b + 40))
    f += [f"a1={after[0].lower() if after else '$'}",
          f"a2={after[1].lower() if len(after) > 1 else '$'}",
          f"umag={unit}|{_magnitude(r['number'])}|{'.' in num}"]
    if met:
        f.append(f"mh={r['metric'].split()[-1].lower()}")
    return f


def judge_results(text: str, sents: list[int], out: list[dict], own: str | None,
                  title_end: int, first_own: int = 0) -> list[dict]:
    """The values the judge keeps (all of them when no model is shipped or the judge is off);
    reads and drops each value's "_default" mark (its system set by default)."""
    jd = judge() if JUDGE or COLLECT is not None else None
    keep = []
    for r in out:
        by_default = bool(r.pop("_default", False))
        if jd is None and COLLECT is None:
            keep.append(r)
            continue
        feats = features(text, sents, r, out, own, title_end, by_default, first_own)
        if COLLECT is not None:  # collecting for training: every value stays
            COLLECT.append((r["start"], r["end"], feats))
            keep.append(r)
        elif probability(jd, feats) >= jd["cut"]:
            keep.append(r)
    return keep
