"""Cross-fitted comparison of the learned classifiers on train + dev (never valid).

    python -m paperkg.extractors.training.crossfit GOLD... [--seeds DIR] [--folds 5]

The records are split into fixed folds (CRC32 of the title); for each fold the classifiers are
fitted on the other folds' rule output and the pipeline is scored on the fold, so every record
is scored once out of fold. Counts are summed over the folds (pooled F1), for the rules alone
and for each setting of the `paperkg_learned` merge.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from paperkg.extractors.evaluate import Score
from paperkg.extractors.training.data import read_records, with_texts

#: Rows printed (F1).
ROWS = ("named-untyped", "named-typed", "INTRODUCES", "METHOD", "TASK", "DATASET", "METRIC")

#: Merge settings compared (the first is the shipped default).
VARIANTS: dict[str, dict] = {
    "keep 0.3 + roles 0.35 + candidates 0.5": {},
    "no candidates": {"cands": False},
    "candidates only": {"keep": False, "roles": "rules"},
    "candidates 0.4": {"cand_threshold": 0.4},
    "candidates 0.6": {"cand_threshold": 0.6},
    "candidates 0.7": {"cand_threshold": 0.7},
    "candidates 0.5, at most 5": {"max_candidates": 5},
    "keep 0.4": {"keep_threshold": 0.4},
}


def fold_of(record: dict, folds: int = 5) -> int:
    """A stable fold (by title) of a record."""
    key = " ".join((record.get("title") or "").casefold().split())
    return zlib.crc32(b"fold:" + key.encode("utf-8")) % folds


def _fit(records: list[dict], outputs: list, rows: list[dict], train: list[int],
         fit: dict | None = None) -> dict:
    """The role, keep and candidate classifiers fitted on the records in train."""
    from types import SimpleNamespace

    from paperkg.extractors.learned import candidate_model, keep_model, role_model, type_models
    from paperkg.extractors.training.train import candidate_heads, candidate_rows, fit_candidates

    models: dict = {"roles": role_model(), "keep": keep_model()}
    for name in ("roles", "keep"):
        x = [f for i in train for f in rows[i][name][0]]
        y = [v for i in train for v in rows[i][name][1]]
        models[name].fit(x, y, **(fit or {}))
    heads = candidate_heads([records[i] for i in train])
    cand = SimpleNamespace(cand_model=candidate_model(), type_models=type_models())
    fit_candidates([candidate_rows(records[i], *outputs[i], heads) for i in train], cand)
    models.update(heads=heads, cands=cand.cand_model, types=cand.type_models)
    return models


def _configure(merge, models: dict, s: dict) -> None:
    """Point the merge at the fold's classifiers with the setting s."""
    from paperkg.extractors.learned import keep_model, role_model

    keep = models["keep"] if s.get("keep", True) else keep_model()
    keep.threshold = s.get("keep_threshold", 0.3)
    roles = models["roles"]
    roles.threshold = s.get("role_threshold", 0.35)
    merge.keep_model = keep
    merge.role_model = roles if s.get("roles", "union") != "rules" else role_model()
    merge.roles = s.get("roles", "union")
    merge.keep_types = set(s.get("keep_types", ["METHOD", "MODEL", "DATASET", "BENCHMARK",
                                                 "TASK"]))
    merge.heads = models["heads"] if s.get("cands", True) else frozenset()
    merge.cand_model = models["cands"]
    merge.cand_model.threshold = s.get("cand_threshold", 0.5)
    merge.type_models = models["types"]
    merge.max_candidates = s.get("max_candidates", 3)


def _add(total: dict[str, Score], rows: list[dict]) -> None:
    """Sum one evaluation's counts into total."""
    for r in rows:
        s = total.setdefault(r["row"], Score(r["row"]))
        for k in ("tp", "fp", "fn", "gold", "predicted"):
            setattr(s, k, getattr(s, k) + r[k])


def crossfit(records: list[dict], variants: dict[str, dict] | None = None, folds: int = 5,
             fit: dict | None = None,
             progress: Callable[[str], None] | None = None) -> dict[str, dict[str, Score]]:
    """Pooled out-of-fold scores of the rules alone and of each merge setting."""
    from paperkg.extractors import learned  # noqa: F401 - registers paperkg_learned
    from paperkg.extractors.evaluate import evaluate
    from paperkg.extractors.pipeline import build_pipeline
    from paperkg.extractors.training.train import record_rows, rule_outputs

    variants = VARIANTS if variants is None else variants
    rules = build_pipeline()
    outputs = rule_outputs(rules, records)
    rows = [record_rows(r, *o) for r, o in zip(records, outputs, strict=True)]
    nlp = build_pipeline()
    merge = nlp.add_pipe("paperkg_learned", after="paperkg_entities",
                         config={"add_spans": False})
    fold = [fold_of(r, folds) for r in records]
    total: dict[str, dict[str, Score]] = {"rules only": {}, **{v: {} for v in variants}}
    with tempfile.TemporaryDirectory(prefix="paperkg-crossfit-") as tmp:
        for k in range(folds):
            test = [r for r, f in zip(records, fold, strict=True) if f == k]
            path = Path(tmp) / f"fold{k}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in test), encoding="utf-8")
            models = _fit(records, outputs, rows, [i for i, f in enumerate(fold) if f != k],
                          fit)
            _add(total["rules only"], evaluate(path, [path], nlp=rules)["rows"])
            for name, s in variants.items():
                _configure(merge, models, s)
                _add(total[name], evaluate(path, [path], nlp=nlp)["rows"])
            if progress:
                progress(f"fold {k}: {len(test)} records")
    return total


def table(scores: dict[str, dict[str, Score]], rows: tuple[str, ...] = ROWS) -> str:
    """A Markdown table of pooled F1 by setting."""
    lines = ["| setting (out of fold, F1) | " + " | ".join(rows) + " |",
             "|---" * (len(rows) + 1) + "|"]
    for name, by_row in scores.items():
        lines.append(f"| {name} | " + " | ".join(
            f"{by_row[k].f1:.3f}" if k in by_row else "-" for k in rows) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the cross-fitted comparison table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    records = with_texts(read_records(args.gold), args.seeds)
    print(f"{len(records)} records, {args.folds} folds")
    print(table(crossfit(records, folds=args.folds, progress=print)))


if __name__ == "__main__":
    main()
