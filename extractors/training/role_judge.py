"""Fit the judge of the roles the rules leave `used` (rules/role_judge.py) on the tuning sets
(never valid).

    python -m paperkg.extractors.training.role_judge collect OUT.jsonl GOLD... [--seeds DIR]
        [--default]
    python -m paperkg.extractors.training.role_judge fit OUT.jsonl... --cut P
        [--oof] [--hold SET...] [--default-rows DEF.jsonl...] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every entity the judge
rated, with its features and its label: 1 when one of its forms is a form of a gold
introduced entity that no entity the rules introduced matches (making it introduced would be
a right introduction), else 0 (while it collects, the judge changes nothing); with `--default`
it runs the default pipeline instead and each row also holds the entity's role after the learned
stage ("final": introduced, used, or gone when the keep classifier dropped it). `fit` fits the
logistic model of training/task_scorer.py (Adagrad, L2, seed 41, features seen fewer than 10
times dropped), leaving out the rows of the `--hold` sets (their file stems); `--oof` first
prints the right and false introductions the judge would add at several cuts, each set judged
by the model fitted on the other tuning sets; `--hold` sets are then judged by the model fitted
without them; `--default-rows` (rows collected with `--default`) prints, per `--hold` set, what
the judge adds in default mode: only the rows the learned stage left `used` count there (the
role classifier makes many of the judge's names introduced by itself); `--write` writes the
weights and the cut to extractors/data/role_judge.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.extractors.evaluate import _forms
from paperkg.extractors.rules import role_judge
from paperkg.extractors.training.task_scorer import (
    _prob,
    collect_fit_parser,
    fit,
    gold_runs,
    write_weights,
)

CUTS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None,
            default: bool = False) -> None:
    """Write one JSON line per judged entity of each paper (set, paper, name, features,
    label; with default, its final role after the learned stage)."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, role_judge, fast=not default):
            n = 0
            for g, p, ex, seen in papers:
                gold = [_forms(e["name"], e.get("aliases", [])) for e in g["entities"]
                        if e.get("role") == "introduced"]
                intro = [_forms(e.name, e.aliases) for e in ex.entities
                         if e.role == "introduced"]
                open_ = [gf for gf in gold if not any(gf & pf for pf in intro)]
                final = {e.name: e.role for e in ex.entities}
                for name, aliases, feats in seen:
                    forms = _forms(name, aliases)
                    row = {"set": gp, "paper": p.title_key, "phrase": name, "feats": feats,
                           "y": int(any(forms & gf for gf in open_))}
                    if default:
                        row["final"] = final.get(name, "gone")
                    f.write(json.dumps(row) + "\n")
                    n += 1
            print(gp, n, flush=True)


def _added(rows: list[dict], probs: list[float]) -> str:
    """The right and false introductions added at each cut."""
    return "  ".join(
        f"{cut}: +{sum(r['y'] for r, p in zip(rows, probs, strict=True) if p >= cut)}"
        f"/+{sum(1 - r['y'] for r, p in zip(rows, probs, strict=True) if p >= cut)}"
        for cut in CUTS)


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    ap, f = collect_fit_parser(__doc__, default_mode=True)
    f.add_argument("--oof", action="store_true")
    f.add_argument("--hold", nargs="*", default=[])
    f.add_argument("--default-rows", type=Path, nargs="*", default=[])
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect(a.out, a.gold, a.seeds, a.default)
        return
    rows = [json.loads(line) for path in a.data
            for line in path.read_text(encoding="utf-8").splitlines()]
    hold = set(a.hold)
    tune = [r for r in rows if Path(r["set"]).stem not in hold]
    held = [r for r in rows if Path(r["set"]).stem in hold]
    print(f"{len(tune)} tuning rows ({sum(r['y'] for r in tune)} positive), {len(held)} held out")
    if a.oof:  # five folds of the tuning sets, each judged by the model fitted on the others
        sets = sorted({r["set"] for r in tune})
        mine, probs = [], []
        for k in range(5):
            fold = set(sets[k::5])
            bias, w = fit([r for r in tune if r["set"] not in fold])
            part = [r for r in tune if r["set"] in fold]
            mine += part
            probs += [_prob(bias, w, r["feats"]) for r in part]
        print("  tuning, out of fold: " + _added(mine, probs))
    bias, w = fit(tune)
    if held:
        print("  held out: " + _added(held, [_prob(bias, w, r["feats"]) for r in held]))
    rated = [r for path in a.default_rows
             for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
             if r["final"] != "introduced" and not {"known=3", "listed"} & set(r["feats"])]
    for stem in sorted({Path(r["set"]).stem for r in rated} & hold):
        part = [r for r in rated if Path(r["set"]).stem == stem]
        probs = [_prob(bias, w, r["feats"]) for r in part]
        print(f"  default mode, {stem}: " + _added(part, probs))
    if a.write:
        write_weights(role_judge._DATA, bias, w, a.cut)


if __name__ == "__main__":
    main()
