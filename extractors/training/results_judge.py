"""Fit the judge of result values (results/judge.py) on the tuning sets (never valid).

    python -m paperkg.extractors.training.results_judge collect OUT.jsonl GOLD... [--seeds DIR]
    python -m paperkg.extractors.training.results_judge fit OUT.jsonl... --cut P
        [--hold Z,Y,X,W] [--write]

`collect` runs the `--fast` pipeline over each gold file (the judge keeping every value) and
writes one line per paper: each output value's features, whether `paperkg eval` counts it
right in results-value (number and system) and in results-full (also benchmark and metric) and
whether its number is a gold value's at all (any system), and the paper's number of gold
values. `fit` fits a logistic model (task_scorer's: Adagrad, L2, fixed seed) labelled by the
last (a number no gold value has: a size, a count, a setting, another paper's figure), and
prints results-value and results-full per set with
the judge applied (a dropped value leaves the others' matches as they were); with `--hold` the
model is fitted without those pools and they are scored held out; `--write` writes the weights
and cut to extractors/data/results_judge.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.extractors.evaluate import _result_forms
from paperkg.extractors.results import judge
from paperkg.extractors.training.task_scorer import (
    _prob,
    collect_fit_parser,
    fit,
    gold_runs,
    write_weights,
)


def labels(gold: dict, ex) -> list[tuple[int, int, int]]:
    """(right in results-value, right in results-full, its number a gold value's) of each of
    the output's values, as `paperkg eval` matches them (in order, each gold value once)."""
    from paperkg.extractors.results import read_number

    def key(r, ents: list, fields: tuple) -> tuple:
        get = r.get if isinstance(r, dict) else lambda k, r=r: getattr(r, k)
        return (read_number(str(get("value"))), *(_result_forms(get(x), ents) for x in fields))

    rows = []
    for fields in (("system",), ("system", "benchmark", "metric"), ()):
        g = [key(r, gold["entities"], fields) for r in gold.get("results", [])]
        used = [False] * len(g)
        row = []
        for r in ex.results:
            pk = key(r, ex.entities, fields)
            hit = next((i for i, gk in enumerate(g) if not used[i] and gk[0] == pk[0] and
                        all(x & y for x, y in zip(gk[1:], pk[1:], strict=True))), None)
            if hit is not None:
                used[hit] = True
            row.append(int(hit is not None))
        rows.append(row)
    return list(zip(*rows, strict=True)) if ex.results else []


def paper_row(set_name: str, gold: dict, ex, seen: dict) -> dict:
    """One paper's line: its values' features and labels, and its gold values' count."""
    preds = [{"feats": seen.get((r.start, r.end)), "v": v, "f": f, "n": n}
             for r, (v, f, n) in zip(ex.results, labels(gold, ex), strict=True)]
    return {"set": set_name, "preds": preds, "gold": len(gold.get("results", []))}


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write one JSON line per paper of each gold file."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, judge):
            for g, _p, ex, collected in papers:
                seen = {(a, b): x for a, b, x in collected}
                f.write(json.dumps(paper_row(Path(gp).stem, g, ex, seen)) + "\n")
            print(gp, flush=True)


def gated(papers: list[dict], model: tuple[float, dict] | None,
          cut: float) -> dict[str, list[int]]:
    """[value tp, full tp, predicted, gold] per set with the judge applied (None: no judge)."""
    per: dict[str, list[int]] = {}
    for p in papers:
        c = per.setdefault(p["set"], [0, 0, 0, 0])
        c[3] += p["gold"]
        for pr in p["preds"]:
            if model is not None and pr["feats"] and _prob(*model, pr["feats"]) < cut:
                continue
            c[0] += pr["v"]
            c[1] += pr["f"]
            c[2] += 1
    return per


def f1(tp: int, pred: int, gold: int) -> float:
    """F1 as `paperkg eval` gives it."""
    return 2 * tp / max(1, pred + gold)


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    ap, f = collect_fit_parser(__doc__)
    f.add_argument("--hold", default="")
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect(a.out, a.gold, a.seeds)
        return
    papers = [json.loads(x) for path in a.data
              for x in path.read_text(encoding="utf-8").splitlines()]
    hold = {f"corpus-{s}" for s in a.hold.split(",") if s}
    rows = [{"feats": pr["feats"], "y": pr["n"]} for p in papers if p["set"] not in hold
            for pr in p["preds"] if pr["feats"]]
    print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} positive")
    model = fit(rows)
    base, new = gated(papers, None, a.cut), gated(papers, model, a.cut)
    for name, sets in (("held out", sorted(hold)), ("fitted on", sorted(set(base) - hold))):
        b0, b1 = [0, 0, 0, 0], [0, 0, 0, 0]
        for s in sets:
            for i in range(4):
                b0[i] += base[s][i]
                b1[i] += new[s][i]
            print(f"  {s}: value {f1(base[s][0], *base[s][2:]):.4f} -> "
                  f"{f1(new[s][0], *new[s][2:]):.4f}, full {f1(base[s][1], *base[s][2:]):.4f}"
                  f" -> {f1(new[s][1], *new[s][2:]):.4f} {base[s]} -> {new[s]}")
        if sets:
            print(f"{name} pooled: value {f1(b0[0], *b0[2:]):.4f} -> {f1(b1[0], *b1[2:]):.4f}, "
                  f"full {f1(b0[1], *b0[2:]):.4f} -> {f1(b1[1], *b1[2:]):.4f} {b0} -> {b1}")
    if a.write:
        bias, w = model
        write_weights(judge._DATA, bias, w, a.cut)


if __name__ == "__main__":
    main()
