"""Fit the paper-level judge of bare measure words (rules/metric_judge.py) on the tuning sets
(never valid).

    python -m paperkg.extractors.training.metric_judge collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.metric_judge fit OUT.jsonl --cut P [--oof] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every bare word the judge
looked at (words/metric_judge_words.txt), with its features and its label: 1 when the word or
its plural is a form of a gold measure of the paper, else 0 (while it collects, the judge drops
nothing). `fit` fits the logistic model of training/task_scorer.py (Adagrad, L2, fixed seed) on
every row and with `--write` writes its weights and the given cut to
extractors/data/metric_judge.json; `--oof` first prints, per gold file and for several cuts,
how many right and false words the model fitted on the other files would drop.
"""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.extractors.rules import metric_judge
from paperkg.extractors.training.task_scorer import (
    _prob,
    collect_fit_parser,
    fit,
    gold_form_set,
    gold_runs,
    write_weights,
)

CUTS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write one JSON line per judged word of each paper (set, word, features, label)."""
    with out.open("w", encoding="utf-8") as f:
        for gp, papers in gold_runs(gold_paths, seeds, metric_judge):
            n = 0
            for g, p, _ex, seen in papers:
                gforms = gold_form_set(g, "METRIC")
                for word, feats, _p in seen:
                    y = any(x in gforms for x in metric_judge._forms(word))
                    f.write(json.dumps({"set": gp, "paper": p.title_key, "word": word,
                                        "feats": feats, "y": int(y)}) + "\n")
                    n += 1
            print(gp, n, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    ap, f = collect_fit_parser(__doc__)
    f.add_argument("--oof", action="store_true")
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        collect(a.out, a.gold, a.seeds)
        return
    rows = [json.loads(line) for path in a.data
            for line in path.read_text(encoding="utf-8").splitlines()]
    print(f"{len(rows)} rows, {sum(r['y'] for r in rows)} positive")
    if a.oof:  # each set judged by the model fitted on the others: right / false words dropped
        total = {cut: [0, 0] for cut in CUTS}
        for s in sorted({r["set"] for r in rows}):
            bias, w = fit([r for r in rows if r["set"] != s])
            mine = [(_prob(bias, w, r["feats"]), r["y"]) for r in rows if r["set"] == s]
            line = []
            for cut in CUTS:
                right = sum(y for p, y in mine if p < cut)
                false = sum(1 - y for p, y in mine if p < cut)
                total[cut][0] += right
                total[cut][1] += false
                line.append(f"{cut}: -{right}/-{false}")
            print(f"  {Path(s).stem}: " + "  ".join(line))
        print("  all: " + "  ".join(f"{cut}: -{r}/-{x}" for cut, (r, x) in total.items()))
    bias, w = fit(rows)
    print("bias", round(bias, 4), json.dumps(w))
    if a.write:
        write_weights(metric_judge._DATA, bias, w, a.cut)


if __name__ == "__main__":
    main()
