"""Fit the scorer of task-head phrases (rules/task_scored.py) on the tuning sets (never valid).

    python -m paperkg.extractors.training.task_scorer collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.task_scorer fit OUT.jsonl... --cut P [--oof]
        [--hold SET...] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every candidate phrase the
family looked at, with its features and its label: 1 when the phrase is a form of a gold task
that the paper's output does not already match, else 0 (while it collects, the family adds
nothing, so that the output is the rules' own). `fit` fits a logistic model (Adagrad, L2,
fixed seed, features seen fewer than 10 times dropped) on every row but those of the `--hold`
sets (their file stems) and with `--write` writes its weights and the given cut to
extractors/data/task_scorer.json; `--oof` first prints, per gold file, the rows above the cut
when the model is fitted on the other files. The cut is chosen by `paperkg eval` on pools Z-W
with the model fitted without them (docs/extraction.md, task41): the pipeline's aliases match
the gold more often than the exact form this label counts. `run` is this command line for each
phrase scorer (metric_scorer and method_scorer call it with their family).
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from paperkg.extractors.evaluate import _forms, _gold_input, _norm, read_gold
from paperkg.extractors.rules import task_scored
from paperkg.extractors.rules.logistic import probability
from paperkg.extractors.training.data import default_corpus

SEED = 41
EPOCHS = 6
L2 = 1e-2
RATE = 0.3
MIN_COUNT = 10  # a feature seen fewer times in the rows gets no weight


def gold_papers(gold_path: str, seeds: str | None = None) -> tuple[list[dict], list]:
    """A gold file's records and the papers to extract: each record's own text, or with seeds
    the seed listing's (dev's records hold none)."""
    golds, papers, _ = _gold_input(read_gold(gold_path), [], default_corpus(), seeds)
    return golds, papers


def gold_runs(gold_paths: list[str], seeds: str | None, scored: ModuleType,
              fast: bool = True) -> Iterator[tuple[str, Iterator[tuple[dict, Any, Any, list]]]]:
    """Each gold file with an iterator over its papers' (gold record, paper, extraction, what
    the stage of the module `scored` collected): the `--fast` pipeline run one paper at a time
    with scored.COLLECT set, the judges' and scorers' training input (the default pipeline,
    learned stage on, when fast is False)."""
    from paperkg.extractors.pipeline import extract, load_pipeline

    nlp = load_pipeline(fast=fast)

    def run(golds: list[dict], papers: list) -> Iterator[tuple[dict, Any, Any, list]]:
        for g, p in zip(golds, papers, strict=True):
            scored.COLLECT = []
            try:
                ex = extract([p], nlp=nlp)[0]
                seen = scored.COLLECT
            finally:
                scored.COLLECT = None
            yield g, p, ex, seen

    for gp in gold_paths:
        yield gp, run(*gold_papers(gp, seeds))


def gold_form_set(g: dict, etype: str) -> set[str]:
    """Every normalised form (names and aliases) of a gold record's entities of etype, or
    with etype among their alt_types."""
    return set().union(*(_forms(e["name"], e.get("aliases", [])) for e in g["entities"]
                         if e["type"] == etype or etype in e.get("alt_types", [])))


def collect_phrases(out: Path, gold_paths: list[str], seeds: str | None, scored: ModuleType,
                    etype: str) -> None:
    """Write one JSON line per candidate phrase the stage of the module `scored` rated (set,
    paper, phrase, features, label: it names a gold etype entity the output missed) and one
    per set with the output's own etype counts (tp, fp, fn)."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, scored):
            tp = fp = fn = 0
            for g, p, ex, seen in papers:
                gold = [e for e in g["entities"]
                        if e["type"] == etype or etype in e.get("alt_types", [])]
                gforms = [_forms(e["name"], e.get("aliases", [])) for e in gold]
                preds = [_forms(e.name, e.aliases) for e in ex.entities if e.type == etype]
                matched = [any(pf & gf for pf in preds) for gf in gforms]
                own = [(m, e["type"] == etype) for m, e in zip(matched, gold, strict=True)]
                tp += sum(m and t for m, t in own)
                fn += sum(t and not m for m, t in own)
                fp += sum(not any(pf & gf for gf in gforms) for pf in preds)
                taken = set().union(*preds) if preds else set()
                for *_, phrase, feats, _p in seen:  # (..., phrase, features, probability)
                    key = _norm(phrase)
                    if key in taken:
                        continue
                    label = any(key in gf and not m for gf, m in zip(gforms, matched, strict=True))
                    f.write(json.dumps({"set": gp, "paper": p.title_key, "phrase": phrase,
                                        "feats": feats, "y": int(label)}) + "\n")
            f.write(json.dumps({"set": gp, "counts": [tp, fp, fn]}) + "\n")
            print(gp, tp, fp, fn, flush=True)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write the task scorer's training lines (collect_phrases of task_scored's TASK phrases)."""
    collect_phrases(out, gold_paths, seeds, task_scored, "TASK")


def fit(rows: list[dict]) -> tuple[float, dict[str, float]]:
    """(bias, weights) of a logistic model over the rows' features."""
    rng = random.Random(SEED)
    seen = Counter(x for r in rows for x in r["feats"])
    rows = [{"feats": [x for x in r["feats"] if seen[x] >= MIN_COUNT], "y": r["y"]} for r in rows]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    bias, gb = 0.0, 1e-8
    order = list(range(len(rows)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            r = rows[i]
            z = bias + sum(w.get(x, 0.0) for x in r["feats"])
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = p - r["y"]
            gb += d * d
            bias -= RATE * d / math.sqrt(gb)
            for x in r["feats"]:
                gx = d + L2 * w.get(x, 0.0)
                g2[x] = g2.get(x, 1e-8) + gx * gx
                w[x] = w.get(x, 0.0) - RATE * gx / math.sqrt(g2[x])
    return bias, {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-4}


def write_weights(path: Path, bias: float, w: dict[str, float], cut: float, **extra) -> None:
    """Write a fitted model's weights file (the bias to 4 places, the cut, the weights and any
    extra keys, sorted) and say so."""
    model = {"bias": round(bias, 4), "cut": cut, "weights": w, **extra}
    path.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", path, len(w), "weights")


def _prob(bias: float, w: dict[str, float], feats: list[str]) -> float:
    """The model's probability for one row."""
    return probability({"bias": bias, "weights": w}, feats)


def best_per_phrase(rows: list[dict], probs: list[float]) -> list[tuple[float, int]]:
    """(probability, label) of the best-scored row per paper and phrase (the family keeps a
    phrase once)."""
    best: dict[tuple, tuple[float, int]] = {}
    for r, p in zip(rows, probs, strict=True):
        k = (r["set"], r["paper"], _norm(r["phrase"]))
        if p > best.get(k, (-1.0, 0))[0]:
            best[k] = (p, r["y"])
    return sorted(best.values(), reverse=True)


def collect_fit_parser(doc: str, default_mode: bool = False
                       ) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The command line the learned judges' training scripts share: `collect OUT GOLD...` and
    `fit DATA... --cut P [--write]` (with default_mode, `collect --default` too); returns the
    parser and its `fit` part (for more options)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("out", type=Path)
    c.add_argument("gold", nargs="+")
    c.add_argument("--seeds", default=None,
                   help="seed listings, for gold records without their own text (dev's)")
    if default_mode:
        c.add_argument("--default", action="store_true",
                       help="run the default pipeline (the learned stage on), not --fast")
    f = sub.add_parser("fit")
    f.add_argument("data", type=Path, nargs="+")
    f.add_argument("--cut", type=float, required=True)
    f.add_argument("--write", action="store_true")
    return ap, f


def run(argv: list[str] | None, doc: str, scored: ModuleType, etype: str, data: str) -> None:
    """The command line of a phrase scorer (task_scorer, metric_scorer, method_scorer): collect
    the etype phrases of the module `scored` (collect_phrases), or fit on the rows of the
    collected files, leaving out the `--hold` sets (file stems), `--oof` first printing each
    set's exact-form hits above the cut when fitted on the other sets, and with `--write` write
    the weights and the cut to extractors/data/<data>."""
    ap, f = collect_fit_parser(doc)
    f.add_argument("--oof", action="store_true")
    f.add_argument("--hold", nargs="*", default=[])
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect_phrases(a.out, a.gold, a.seeds, scored, etype)
        return
    rows, sets = [], set()
    for path in a.data:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            sets.add(r["set"])
            if "counts" not in r:
                rows.append(r)
    print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} positive")
    if a.oof:  # each set scored by the model fitted on the others, exact labels above the cut
        for s in sorted(sets):
            bias, w = fit([r for r in rows if r["set"] != s])
            mine = [r for r in rows if r["set"] == s]
            sc = best_per_phrase(mine, [_prob(bias, w, r["feats"]) for r in mine])
            ab = [y for p, y in sc if p >= a.cut]
            print(f"  {Path(s).stem}: {sum(ab)} right / {len(ab) - sum(ab)} false (exact form)")
    held = [r for r in rows if Path(r["set"]).stem not in set(a.hold)]
    bias, w = fit(held)
    print(f"fitted on {len(held)} rows")
    if a.write:
        write_weights(Path(scored.__file__).resolve().parent.parent / "data" / data, bias, w,
                      a.cut)


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    run(argv, __doc__, task_scored, "TASK", "task_scorer.json")


if __name__ == "__main__":
    main()
