"""Fit the judge of the shape rules' lower-case measure phrases (rules/metric_compound_judge.py)
on the tuning sets (never valid).

    python -m paperkg.extractors.training.metric_compound_judge collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.metric_compound_judge fit OUT.jsonl... --cut P
        [--oof] [--hold SET...] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every candidate the judge
rated, with its features and its label: 1 when the phrase is a form of a gold measure of the
paper, else 0 (while it collects, the judge drops nothing). `fit` fits the logistic model of
training/task_scorer.py (Adagrad, L2, seed 41, features seen fewer than 10 times dropped),
leaving out the rows of the `--hold` sets (their file stems), and with `--write` writes its
weights and the cut to extractors/data/metric_compound_judge.json; `--oof` first prints, per
gold file and for several cuts, the right and false phrases (best mention per paper) that the
model fitted on the other files would drop.
"""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.extractors.evaluate import _norm
from paperkg.extractors.rules import metric_compound_judge
from paperkg.extractors.training.task_scorer import (
    _prob,
    best_per_phrase,
    collect_fit_parser,
    fit,
    gold_form_set,
    gold_runs,
    write_weights,
)

CUTS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write one JSON line per judged candidate of each paper (set, paper, phrase, features,
    label)."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, metric_compound_judge):
            n = 0
            for g, p, _ex, seen in papers:
                gforms = gold_form_set(g, "METRIC")
                for phrase, feats, _p in seen:
                    f.write(json.dumps({"set": gp, "paper": p.title_key, "phrase": phrase,
                                        "feats": feats, "y": int(_norm(phrase) in gforms)})
                            + "\n")
                    n += 1
            print(gp, n, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    ap, f = collect_fit_parser(__doc__)
    f.add_argument("--oof", action="store_true")
    f.add_argument("--hold", nargs="*", default=[])
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect(a.out, a.gold, a.seeds)
        return
    rows = [json.loads(line) for path in a.data
            for line in path.read_text(encoding="utf-8").splitlines()]
    print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} positive")
    if a.oof:  # each set judged by the model fitted on the others: right / false dropped
        total = {cut: [0, 0] for cut in CUTS}
        for s in sorted({r["set"] for r in rows}):
            bias, w = fit([r for r in rows if r["set"] != s])
            mine = [r for r in rows if r["set"] == s]
            sc = best_per_phrase(mine, [_prob(bias, w, r["feats"]) for r in mine])
            line = []
            for cut in CUTS:
                right = sum(y for p, y in sc if p < cut)
                false = sum(1 - y for p, y in sc if p < cut)
                total[cut][0] += right
                total[cut][1] += false
                line.append(f"{cut}: -{right}/-{false}")
            print(f"  {Path(s).stem}: " + "  ".join(line))
        print("  all: " + "  ".join(f"{cut}: -{r}/-{x}" for cut, (r, x) in total.items()))
    held = [r for r in rows if Path(r["set"]).stem not in set(a.hold)]
    bias, w = fit(held)
    print(f"fitted on {len(held)} rows")
    if a.write:
        write_weights(metric_compound_judge._DATA, bias, w, a.cut)


if __name__ == "__main__":
    main()
