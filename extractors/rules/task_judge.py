"""Family (a gate after merging): a TASK entity found by the gazetteer, by "for <task>" or as a
phrase written twice is kept only when a learned judge says the gold would name it: a logistic
model over the entry's head and words, the rules that found it, where and how often the paper
writes it (title, sentence, a list, the paper's own sentence with "we" / "our"), the word before
and after it and how many tasks the paper has (weights in data/task_judge.json, written by
training/task_judge.py; the cut and the judged families in the same file)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from paperkg.extractors.rules.base import Context
from paperkg.extractors.rules.logistic import bucket, neighbour, probability

_DATA = Path(__file__).resolve().parent.parent / "data" / "task_judge.json"
# the paper's own sentence: a "we" / "our" / "this paper" sentence
_OWN = re.compile(r"\b(?:we|our|us|this (?:paper|work|study|article|thesis))\b")
# a list's opening cue right before a mention ("such as X", "e.g., X", "including X")
_LIST_CUE = re.compile(r"(?:such as|e\.g\.,?|including|like|i\.e\.,?|namely|:)\s*$")
# training/task_judge.py sets this to a list to receive every judged entity with its features
COLLECT: list | None = None


@cache
def judge() -> dict:
    """The shipped model: {"bias": b, "weights": {feature: w}, "cut": p, "families": [...]}."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def family(entity: dict) -> str:
    """The first rule that found the entity (rules run in stage order: the gazetteer first)."""
    return entity["extractor"].split("+")[0]


def features(ctx: Context, entity: dict, n_tasks: int) -> list[str]:
    """The judge's features of one TASK entity of the merged output."""
    text, low, te = ctx.text, ctx.low, ctx.title_end
    name = entity["name"]
    words = name.lower().split()
    rules = entity["extractor"].split("+")
    forms = {name.lower(), *(a.lower() for a in entity["aliases"])}
    title = low[:te].replace("-", " ")
    abstract = [(a, b) for _, a, b, _ in entity["mentions"] if a >= te]
    f = [f"fam={rules[0]}", f"nr={bucket(len(rules), 3)}", f"e={' '.join(words)}",
         f"h={words[-1] if words else ''}", f"n={bucket(len(words), 4)}",
         f"cap={any(c.isupper() for c in name)}", f"acr={entity.get('acronym') is not None}",
         f"t_in={any(a < te for _, a, _, _ in entity['mentions'])}",
         f"t_form={any(x.replace('-', ' ') in title for x in forms)}",
         f"m={bucket(len({a for a, _ in abstract}), 4)}",
         f"ntask={bucket(n_tasks, 4)}", f"role={entity['role']}"]
    f += [f"r={r}" for r in rules[1:]]
    if not abstract:
        return f + ["abs=none"]
    a, b = abstract[0]
    starts = [s for s in ctx.sents if te < s <= a]
    later = [s for s in ctx.sents if s > a]
    f += [f"sent={bucket(len(starts), 4)}", f"last={not later}",
          f"pb={neighbour(text, a, False)}", f"na={neighbour(text, b, True)}"]
    listed = own = False
    for a, b in abstract:
        s0, s1 = ctx.sentence(a)
        own = own or _OWN.search(low, s0, s1) is not None
        listed = listed or _LIST_CUE.search(low, max(0, a - 20), a) is not None or \
            low.startswith((",", " and ", " or "), b) or low[max(0, a - 2):a] == ", "
    f += [f"own={own}", f"list={listed}"]
    return f


def score(feats: list[str]) -> float:
    """The judge's probability that the gold names a task with these features."""
    return probability(judge(), feats)


def judge_tasks(ctx: Context, out: list[dict]) -> list[dict]:
    """The merged entities without the judged TASK entities the judge rates under its cut."""
    jd = judge()
    fams, cut = set(jd["families"]), jd["cut"]
    n_tasks = sum(e["type"] == "TASK" for e in out)
    keep = []
    for e in out:
        if e["type"] != "TASK" or (COLLECT is None and family(e) not in fams):
            keep.append(e)
            continue
        feats = features(ctx, e, n_tasks)
        if COLLECT is not None:  # collecting for training: every task stays
            COLLECT.append((e["name"], feats))
            keep.append(e)
        elif score(feats) >= cut:
            keep.append(e)
    return keep
