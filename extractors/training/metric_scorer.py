"""Fit the scorer of measure-head phrases (rules/metric_scored.py) on the tuning sets (never
valid).

    python -m paperkg.extractors.training.metric_scorer collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.metric_scorer fit OUT.jsonl... --cut P [--oof]
        [--hold SET...] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every phrase the family
looked at, with its features and its label: 1 when the phrase is a form of a gold measure that
the paper's output does not already match, else 0 (while it collects, the family adds nothing,
so that the output is the rules' own). `fit` fits a logistic model with the task scorer's fit
(Adagrad, L2, seed 41, features seen fewer than 10 times dropped), leaving out the rows of the
`--hold` sets (their file stems, to choose the cut on them by `paperkg eval`), and with
`--write` writes its weights and the cut to extractors/data/metric_scorer.json; `--oof` first
prints, per gold file, the rows above the cut when the model is fitted on the other files.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from paperkg.extractors.rules import metric_scored
from paperkg.extractors.training.task_scorer import (
    _prob,
    best_per_phrase,
    collect_fit_parser,
    collect_phrases,
    fit,
)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write the metric scorer's training lines (task_scorer.collect_phrases of metric_scored's
    METRIC phrases)."""
    collect_phrases(out, gold_paths, seeds, metric_scored, "METRIC")


def run(argv: list[str] | None, doc: str, scored: ModuleType, etype: str, data: str) -> None:
    """The command line of a phrase scorer (metric_scorer, method_scorer): collect the etype
    phrases of the module `scored`, or fit and write data/<data>."""
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
        path = Path(scored.__file__).resolve().parent.parent / "data" / data
        path.write_text(json.dumps({"bias": round(bias, 4), "cut": a.cut, "weights": w},
                                   indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", path, len(w), "weights")


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    run(argv, __doc__, metric_scored, "METRIC", "metric_scorer.json")


if __name__ == "__main__":
    main()
