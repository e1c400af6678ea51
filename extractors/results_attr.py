"""Learned attribution of a result to its system: a small conditional-logit model over candidates.

The rules of extractors/results/ pick one system per value (the nearest subject, the paper's
own, a group for None, ...). This step lists every candidate the sentence offers (the systems
it names, the paper's own system, None), describes each by a few features (where it sits
relative to the value, what follows and precedes it, its entity type and role, whether the
rules chose it) and keeps the candidate with the highest linear score. The weights are data
(`extractors/data/results_attr.json`, fitted on the training gold by `fit`, deterministic:
full-batch gradient descent from zero); without that file the rules' choice stands.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "results_attr.json"
THIS_PAPER = "THIS_PAPER"
_SYSTEMS = ("METHOD", "MODEL")
_VERB_AFTER = re.compile(r"\W{0,3}(?:\w+\s+){0,2}?(?:achiev|reach|obtain|attain|scor|yield|improv|"
                         r"outperform|surpass|boost|reduc|increas|deliver|show|demonstrat|"
                         r"exhibit|record|lead|beat|exceed|gets|hits|sets)", re.I)
_CMP_BEFORE = re.compile(r"\b(?:than|over|versus|vs\.?|against|compared\s+(?:to|with)|"
                         r"relative\s+to|baselines?(?:\s+such\s+as)?|like|including|e\.g\.,?)"
                         r"\s+(?:the\s+|a\s+|an\s+|strong\s+|existing\s+|prior\s+)*$", re.I)
_ON_BEFORE = re.compile(r"\b(?:on|over|across|in|from|using|with|of)\s+(?:the\s+)?$", re.I)
_FOR_AFTER = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:for|in|with|by|of)\s+(?:the\s+)?$", re.I)
_WE = re.compile(r"\b(?:we|our|ours|the\s+proposed|this\s+(?:method|approach|model|framework|"
                 r"work|paper))\b", re.I)
_GROUP = re.compile(r"\b(?:baselines?|existing|prior|previous|proprietary|open-source|"
                    r"state-of-the-art|competing|other)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|whereas|but)\b|\bwhile\b|\bwhereas\b")


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    """The shipped weights (None when the data file is absent: the rules' choice stands)."""
    if not DATA.is_file():
        return None
    return json.loads(DATA.read_text(encoding="utf-8"))["weights"]


def candidates(text: str, mentions, s0: int, s1: int, cs: int, pos: int, end: int,
               own: str | None, rule: str | None, kind: str) -> list[tuple[str | None, dict]]:
    """(name, features) of every system the value could belong to: the systems its sentence
    names, the paper's own system, None, and the rules' choice if it is none of these."""
    ce = _CLAUSE_END.search(text, end, s1)
    ce = ce.start() if ce else s1
    sys_mentions = [(a, b, name, typ, role) for a, b, name, typ, role in mentions
                    if s0 <= a < s1 and (typ in _SYSTEMS or name == own)]
    nearest_before = max((a for a, b, *_ in sys_mentions if b <= pos), default=None)
    first_in_clause = min((a for a, b, *_ in sys_mentions if cs <= a and b <= pos), default=None)
    per_name: dict[str, dict] = {}
    for a, b, name, typ, role in sys_mentions:
        if name in per_name and per_name[name]["_d"] <= _dist(a, b, pos, end):
            continue
        f = {"k_ent": 1.0, "_d": _dist(a, b, pos, end)}
        if b <= pos:
            f["before_clause" if a >= cs else "before_sentence"] = 1.0
            f["nearest_before"] = float(a == nearest_before)
            f["first_in_clause"] = float(a == first_in_clause)
        else:
            f["after_in_clause" if a < ce else "after_clause"] = 1.0
            f["for_after"] = float(bool(_FOR_AFTER.fullmatch(text, end, a)))
        f["log_dist"] = math.log1p(f["_d"]) / 5
        f["verb_after"] = float(bool(_VERB_AFTER.match(text, b)))
        f["cmp_before"] = float(bool(_CMP_BEFORE.search(text, max(s0, a - 30), a)))
        f["on_before"] = float(bool(_ON_BEFORE.search(text, max(s0, a - 12), a)))
        f["paren_after_name"] = float(text.startswith("(", b) or text.startswith(" (", b))
        f["t_" + typ.lower()] = 1.0
        f["introduced"] = float(role == "introduced")
        f["is_own"] = float(name == own)
        per_name[name] = f
    out: list[tuple[str | None, dict]] = []
    for name, f in per_name.items():
        f.pop("_d")
        out.append((name, f))
    we = bool(_WE.search(text, cs, pos))
    we_sentence = bool(_WE.search(text, s0, s1))
    group = bool(_GROUP.search(text, max(cs, pos - 60), pos))
    no_before = nearest_before is None
    if own is not None and own not in per_name:
        out.append((own, {"k_own": 1.0, "we_clause": float(we), "we_sentence": float(we_sentence),
                          "no_before": float(no_before), "own_named": float(own != THIS_PAPER)}))
    out.append((None, {"k_null": 1.0, "group_near": float(group), "no_before": float(no_before),
                       "own_none": float(own is None)}))
    if not any(n == rule for n, _ in out):
        out.append((rule, {"k_text": 1.0}))
    for name, f in out:
        f["rule"] = float(name == rule)
        f["bias"] = 1.0
        cls = next(k for k in ("k_ent", "k_own", "k_null", "k_text") if k in f)
        f[f"{cls}_{kind}"] = 1.0
    return out


def _dist(a: int, b: int, pos: int, end: int) -> int:
    """Characters between a mention and the value."""
    return pos - b if b <= pos else a - end


def choose(cands: list[tuple[str | None, dict]], w: dict[str, float]) -> str | None:
    """The candidate with the highest score (the first of equals: the rules' order)."""
    best, best_s = None, -math.inf
    for name, f in cands:
        s = sum(w.get(k, 0.0) * v for k, v in f.items())
        if s > best_s:
            best, best_s = name, s
    return best


def fit(groups: Iterable[tuple[list[dict], int]], l2: float = 0.01, steps: int = 400,
        rate: float = 0.5) -> dict[str, float]:
    """Weights of a conditional logit: each group is (candidate features, index of the right
    one); full-batch gradient descent from zero, so the same data gives the same weights."""
    groups = list(groups)
    keys = sorted({k for fs, _ in groups for f in fs for k in f})
    w = dict.fromkeys(keys, 0.0)
    n = max(len(groups), 1)
    for _ in range(steps):
        grad = dict.fromkeys(keys, 0.0)
        for fs, gold in groups:
            scores = [sum(w[k] * v for k, v in f.items()) for f in fs]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            for i, f in enumerate(fs):
                p = exps[i] / z - (1.0 if i == gold else 0.0)
                for k, v in f.items():
                    grad[k] += p * v
        for k in keys:
            w[k] -= rate * (grad[k] / n + l2 * w[k])
    return {k: round(v, 4) for k, v in w.items() if abs(v) >= 1e-4}


def training_groups(gold_path: str | Path, split: str | None = None) -> list[tuple[list, int]]:
    """(candidate features, index of the gold system) of every value the rules find in the
    gold papers (of one half when split is 'a' or 'b') whose number the gold has and whose
    gold system is among the candidates."""
    from paperkg.core.ids import title_key
    from paperkg.extractors import evaluate as ev
    from paperkg.extractors import results as rules
    from paperkg.extractors.pipeline import load_pipeline
    from paperkg.readers import read_listings

    gold = {title_key(g["title"]): g for g in ev.read_gold(gold_path)}
    papers = [p for p in read_listings([str(gold_path)]).papers if title_key(p.title) in gold
              and (split is None or ev.split_of(title_key(p.title)) == split)]
    nlp = load_pipeline()
    groups = []
    saved = rules.USE_ATTR
    rules.USE_ATTR = False
    try:
        with nlp.select_pipes(disable=["paperkg_results"]):
            docs = list(nlp.pipe([p.text for p in papers]))
        for p, doc in zip(papers, docs, strict=True):
            g, ents = gold[title_key(p.title)], doc.user_data.get("pk_ents", [])
            rules.COLLECT = []
            rules.find_results(p.text, ents)
            found, rules.COLLECT = rules.COLLECT, None
            forms_of = {e["name"]: ev._forms(e["name"], e.get("aliases", [])) for e in ents}
            for pos, end, cands in found:
                number = rules.read_number(p.text[pos:end])
                same = [r for r in g["results"] if rules.read_number(str(r["value"])) == number]
                want = set().union(*(ev._result_forms(r.get("system"), g["entities"])
                                     for r in same))
                right = [i for i, (name, _) in enumerate(cands) if want & (
                    {"<none>"} if name is None else forms_of.get(name, {ev._norm(name)}))]
                if right:
                    groups.append(([f for _, f in cands], right[0]))
    finally:
        rules.USE_ATTR, rules.COLLECT = saved, None
    return groups


def main(argv: list[str] | None = None) -> None:
    """Fit the weights on gold files and write them (python -m paperkg.extractors.results_attr)."""
    import argparse

    ap = argparse.ArgumentParser(description="Fit the learned result attribution step.")
    ap.add_argument("gold", nargs="+", help="gold JSON Lines files (train, dev; never valid)")
    ap.add_argument("--split", choices=("a", "b"), help="only this half of each file")
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--out", default=str(DATA), help="where to write the weights")
    args = ap.parse_args(argv)
    groups = [x for path in args.gold for x in training_groups(path, args.split)]
    w = fit(groups, l2=args.l2)
    right = sum(choose(list(enumerate(fs)), w) == i for fs, i in groups)
    rule = sum(next(j for j, f in enumerate(fs) if f["rule"]) == i for fs, i in groups)
    print(f"values: {len(groups)}; right system: learned {right}, rules {rule}")
    Path(args.out).write_text(json.dumps({"fitted_on": [str(p) for p in args.gold],
                                          "split": args.split, "weights": w}, indent=1) + "\n",
                              encoding="utf-8")


if __name__ == "__main__":
    main()
