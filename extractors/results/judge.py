"""Family (a gate after the rules): a learned judge of the values the rules read. A value is kept
unless a logistic model over its unit, kind and size, the words either side of it, the verb
before it, the slots the rules filled (and whether its system came by default), its sentence
(which one, how many values it holds, "we", a test statistic, a counted population) rates the
chance that the gold holds its number under the cut: sizes, counts, settings and background
figures (weights and cut in data/results_judge.json, written by training/results_judge.py)."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path

from paperkg.extractors.result_names import THIS_PAPER
from paperkg.extractors.rules.logistic import bucket, neighbour, probability
from paperkg.extractors.words import words

_DATA = Path(__file__).resolve().parent.parent / "data" / "results_judge.json"
JUDGE = True
# training/results_judge.py sets this to a list to receive every value's (start, end, features)
COLLECT: list | None = None

# the verb of a value's clause: the stem of the last verb of stating or changing before it (read
# on the lower-cased text; data/words/results_judge_verbs.txt)
_VERB = re.compile(r"\b(" + "|".join(map(re.escape, words("results_judge_verbs"))) + r")\w*")
_OWN = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study))\b")
_WORD = re.compile(r"[A-Za-z][\w\-]*")
# a test's statistic in the sentence ("p < 0.001", "p=.007")
_STAT = re.compile(r"\bp\s*[<=>≤]")
# people or items a share of is counted ("of students", "of patients"; read on the lower-cased
# text; data/words/results_judge_population.txt)
_POPULATION = re.compile(r"\b(?:" + "|".join(map(re.escape, words("results_judge_population")))
                         + r")\b")


@cache
def judge() -> dict | None:
    """The shipped model ({"bias", "weights", "cut"}), None when none is shipped (read once)."""
    return json.loads(_DATA.read_text(encoding="utf-8")) if _DATA.exists() else None


def _magnitude(n: float | None) -> str:
    """The size of a number as a bucket."""
    if n is None:
        return "none"
    n = abs(n)
    for top, name in ((1, "<1"), (10, "<10"), (100, "<100"), (1000, "<1k")):
        if n < top:
            return name
    return "1k+"


def sentence(text: str, low: str, sents: list[int], starts: list[int], a: int,
             first_own: int) -> tuple:
    """What the judge reads of the sentence holding offset a (once a sentence): its bounds,
    index, number of values, flags ("we", a statistic, a population, a background sentence) and
    its verbs (end offset, stem)."""
    i = bisect_right(sents, a) - 1
    s0 = sents[max(i, 0)]
    s1 = sents[i + 1] if i + 1 < len(sents) else len(text)
    same = bisect_left(starts, s1) - bisect_left(starts, s0)
    flags = [f"si={bucket(max(i, 0), 8)}", f"last={s1 >= len(text)}", f"nv={bucket(same, 5)}",
             f"we={_OWN.search(text, s0, s1) is not None}", f"bg={0 < i < first_own}",
             f"pv={_STAT.search(text, s0, s1) is not None}",
             f"pop={_POPULATION.search(low, s0, s1) is not None}"]
    verbs = [(m.end(), m.group(1)) for m in _VERB.finditer(low, s0, s1)]
    return s0, s1, flags, verbs


def features(text: str, sent: tuple, r: dict, own: str | None, title_end: int,
             by_default: bool) -> list[str]:
    """The judge's features of one value the rules read, given its sentence (`sentence`)."""
    a, b = r["start"], r["end"]
    s0, s1, flags, verbs = sent
    system = r["system"]
    sk = "null" if system is None else "own" if system in (own, THIS_PAPER) else "name"
    ok = "none" if own is None else "tp" if own == THIS_PAPER else "name"
    met, ben = r["metric"] is not None, r["benchmark"] is not None
    unit = r["unit"] or "-"
    words = _WORD.findall(text, max(s0, a - 60), a)
    verb = next((v for end, v in reversed(verbs) if end <= a), "none")
    opened = text.count("(", s0, a) > text.count(")", s0, a)
    num = r["value"]
    after = _WORD.findall(text, b, min(s1, b + 40))
    mag = _magnitude(r["number"])
    f = [f"u={unit}", f"k={r['kind']}", f"s={sk}", f"own={ok}", f"d={by_default}",
         f"m={met}", f"b={ben}", f"c={r['condition'] is not None}",
         f"sm={sk}|{met}", f"um={unit}|{met}", f"sb={sk}|{ben}", f"dm={by_default}|{met}",
         f"pb={neighbour(text, a, False)}", f"na={neighbour(text, b, True)}",
         f"w2={words[-2].lower() if len(words) > 1 else '^'}",
         f"mag={mag}", f"dec={'.' in num}", f"t={a < title_end}", f"br={opened}",
         f"v={verb}", *flags,
         f"a1={after[0].lower() if after else '$'}",
         f"a2={after[1].lower() if len(after) > 1 else '$'}",
         f"umag={unit}|{mag}|{'.' in num}"]
    if met:
        f.append(f"mh={r['metric'].split()[-1].lower()}")
    return f


def judge_results(text: str, sents: list[int], out: list[dict], own: str | None,
                  title_end: int, first_own: int = 0) -> list[dict]:
    """The values the judge keeps (all of them when no model is shipped or the judge is off);
    reads and drops each value's "_default" mark (its system set by default)."""
    jd = judge() if JUDGE or COLLECT is not None else None
    if jd is None and COLLECT is None:
        for r in out:
            r.pop("_default", None)
        return out
    low = text.lower()
    starts = sorted(r["start"] for r in out)
    seen: dict[int, tuple] = {}
    keep = []
    for r in out:
        by_default = bool(r.pop("_default", False))
        k = bisect_right(sents, r["start"])
        if k not in seen:
            seen[k] = sentence(text, low, sents, starts, r["start"], first_own)
        feats = features(text, seen[k], r, own, title_end, by_default)
        if COLLECT is not None:  # collecting for training: every value stays
            COLLECT.append((r["start"], r["end"], feats))
            keep.append(r)
        elif probability(jd, feats) >= jd["cut"]:
            keep.append(r)
    return keep
