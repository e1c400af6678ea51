"""Fit the judge of merged TASK entities (rules/task_judge.py) on the tuning sets (never valid).

    python -m paperkg.extractors.training.task_judge collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.task_judge fit OUT.jsonl... --cut P --families F,F
        [--hold Z,Y,X,W] [--write]

`collect` runs the `--fast` pipeline over each gold file (the judge keeping every task) and
writes one line per paper: each output TASK entity's forms and features (None for a task the
judge did not see) and the gold's TASK entities (forms, and whether their own type is TASK).
`fit` fits a logistic model (task_scorer's: Adagrad, L2, fixed seed) on the judged families'
entities, labelled 1 when their forms meet a gold task's, and prints TASK TP/FP/FN per set with
the gate applied as `paperkg eval` counts them (one-to-one matching, the aliases of the output);
with `--hold` the model is fitted without those pools and they are scored held out; `--write`
writes the weights, cut and families to extractors/data/task_judge.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.extractors.evaluate import _forms
from paperkg.extractors.rules import task_judge
from paperkg.extractors.training.task_scorer import (
    _prob,
    collect_fit_parser,
    fit,
    gold_runs,
    write_weights,
)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write one JSON line per paper: its predicted tasks with features, its gold tasks."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, task_judge):
            for g, p, ex, collected in papers:
                seen = dict(collected)
                preds = [{"forms": sorted(_forms(e.name, e.aliases)), "name": e.name,
                          "feats": seen.get(e.name)} for e in ex.entities if e.type == "TASK"]
                gtasks = [{"forms": sorted(_forms(e["name"], e.get("aliases", []))),
                           "own": e["type"] == "TASK"} for e in g["entities"]
                          if e["type"] == "TASK" or "TASK" in e.get("alt_types", [])]
                f.write(json.dumps({"set": Path(gp).stem, "paper": p.title_key,
                                    "preds": preds, "gold": gtasks}) + "\n")
            print(gp, flush=True)


def counts(paper: dict, kept: list[bool]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, gold) of TASK for one paper with only the kept predictions (evaluate._match)."""
    gforms = [set(x["forms"]) for x in paper["gold"]]
    matched = [False] * len(gforms)
    tp = fp = 0
    for pr, k in zip(paper["preds"], kept, strict=True):
        if not k:
            continue
        forms = set(pr["forms"])
        hit = next((i for i, gf in enumerate(gforms) if forms & gf and not matched[i]), None)
        if hit is None:
            fp += 1
        else:
            matched[hit] = True
            tp += 1
    fn = sum(x["own"] and not m for x, m in zip(paper["gold"], matched, strict=True))
    return tp, fp, fn, sum(x["own"] for x in paper["gold"])


def rows_of(papers: list[dict], families: set[str]) -> list[dict]:
    """One training row per judged prediction: features and label (meets a gold task)."""
    out = []
    for p in papers:
        gforms = [set(x["forms"]) for x in p["gold"]]
        for pr in p["preds"]:
            if pr["feats"] and task_judge_family(pr["feats"]) in families:
                y = any(set(pr["forms"]) & gf for gf in gforms)
                out.append({"set": p["set"], "paper": p["paper"], "phrase": pr["name"],
                            "feats": pr["feats"], "y": int(y)})
    return out


def task_judge_family(feats: list[str]) -> str:
    """The family feature of a row."""
    return next(x[4:] for x in feats if x.startswith("fam="))


def gated(papers: list[dict], model: tuple[float, dict] | None, cut: float,
          families: set[str]) -> dict[str, list[int]]:
    """TASK [tp, fp, fn, gold] per set with the judge applied (model None: no gate)."""
    per: dict[str, list[int]] = {}
    for p in papers:
        kept = []
        for pr in p["preds"]:
            judged = model is not None and pr["feats"] and \
                task_judge_family(pr["feats"]) in families
            kept.append(not judged or _prob(*model, pr["feats"]) >= cut)
        c = per.setdefault(p["set"], [0, 0, 0, 0])
        for i, x in enumerate(counts(p, kept)):
            c[i] += x
    return per


def _f1(c: list[int]) -> float:
    """F1 of [tp, fp, fn, gold] as `paperkg eval` counts it (a match of a gold task's
    alternative type is right, but no gold task of the recall)."""
    p, r = c[0] / max(1, c[0] + c[1]), (c[3] - c[2]) / max(1, c[3])
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    ap, f = collect_fit_parser(__doc__)
    f.add_argument("--families", required=True)
    f.add_argument("--hold", default="")
    f.add_argument("--drop", default="", help="feature prefixes left out, comma-separated")
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect(a.out, a.gold, a.seeds)
        return
    papers = [json.loads(x) for path in a.data
              for x in path.read_text(encoding="utf-8").splitlines()]
    drop = tuple(x for x in a.drop.split(",") if x)
    if drop:
        for p in papers:
            for pr in p["preds"]:
                if pr["feats"]:
                    pr["feats"] = [x for x in pr["feats"] if x.startswith("fam=") or
                                   not x.startswith(drop)]
    fams = set(a.families.split(","))
    hold = {f"corpus-{s}" for s in a.hold.split(",") if s}
    rows = [r for r in rows_of(papers, fams) if r["set"] not in hold]
    print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} positive")
    model = fit(rows)
    base, new = gated(papers, None, a.cut, fams), gated(papers, model, a.cut, fams)
    for name, sets in (("held out", sorted(hold)), ("fitted on", sorted(set(base) - hold))):
        b0, b1 = [0, 0, 0, 0], [0, 0, 0, 0]
        for s in sets:
            for i in range(4):
                b0[i] += base[s][i]
                b1[i] += new[s][i]
            print(f"  {s}: {_f1(base[s]):.4f} {base[s]} -> {_f1(new[s]):.4f} {new[s]}")
        if sets:
            print(f"{name} pooled: {_f1(b0):.4f} {b0} -> {_f1(b1):.4f} {b1}")
    if a.write:
        path = Path(task_judge.__file__).resolve().parent.parent / "data" / "task_judge.json"
        bias, w = model
        write_weights(path, bias, w, a.cut, families=sorted(fams))


if __name__ == "__main__":
    main()
