"""Held-out comparison of the learned component's settings (choose on train + dev, never valid).

    python -m paperkg.extractors.training.compare MODEL GOLD... [--seeds DIR] [--corpus DIR]
        [--hold-out 20]

MODEL is a folder from `paperkg train --hold-out PCT` (trained without the held-out records);
every row is `evaluate()` on those same held-out records in one process, over the same rules.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from paperkg.extractors.training.data import default_corpus, held_out, read_records, with_texts

#: Rows printed by the comparison (F1).
ROWS = ("named-untyped", "named-typed", "INTRODUCES", "METRIC", "TASK", "METHOD")

#: Settings of the `paperkg_learned` merge compared against its defaults (first row).
VARIANTS: dict[str, dict] = {
    "default: spans (keep >= 0.7) + keep 0.3 + roles union 0.35": {},
    "no model spans (keep + roles)": {"add_spans": False},
    "no model spans, roles only": {"add_spans": False, "keep": False},
    "no model spans, keep only": {"add_spans": False, "roles": "rules"},
    "model spans kept at >= 0.8": {"ner_threshold": 0.8},
    "model spans kept at >= 0.9": {"ner_threshold": 0.9},
    "model spans of TASK only": {"add_types": ["TASK"]},
    "keep threshold 0.2": {"keep_threshold": 0.2},
    "keep threshold 0.4": {"keep_threshold": 0.4},
    "role threshold 0.5": {"role_threshold": 0.5},
}


def held_out_file(gold: list[str | Path], out: str | Path, seeds: str | Path | None = None,
                  percent: int = 20, corpus: str | Path | None = None) -> int:
    """Write the held-out records (with their texts, from seeds or corpus where they have
    none) as a gold file; return how many."""
    records = [r for r in with_texts(read_records(gold), seeds, corpus) if held_out(r, percent)]
    Path(out).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return len(records)


def _configure(merge, settings: dict, keep, defaults: dict) -> None:
    """Set the merge component to defaults updated by settings."""
    from paperkg.extractors.learned import keep_model

    s = {**defaults, **settings}
    merge.add_spans = s["add_spans"]
    merge.ner_threshold = s["ner_threshold"]
    merge.add_types = set(s["add_types"])
    merge.roles = s["roles"]
    keep.threshold = s["keep_threshold"]
    merge.keep_model = keep if s["keep"] else keep_model()  # an untrained one keeps everything
    merge.role_model.threshold = s["role_threshold"]


def compare(model: str | Path, gold_file: str | Path,
            variants: dict[str, dict] | None = None,
            progress: Callable[[str], None] | None = None) -> dict[str, dict[str, float]]:
    """F1 by row of the rules alone and of each merge setting, on the records of gold_file."""
    from paperkg.extractors.evaluate import evaluate
    from paperkg.extractors.learned import add_learned
    from paperkg.extractors.pipeline import build_pipeline

    def f1s(nlp) -> dict[str, float]:
        rows = evaluate(gold_file, [gold_file], nlp=nlp)["rows"]
        return {r["row"]: r["f1"] for r in rows if r["row"] in ROWS}

    out = {"rules only": f1s(build_pipeline())}
    if progress:
        progress("rules only")
    nlp = build_pipeline()
    add_learned(nlp, model)
    merge = nlp.get_pipe("paperkg_learned")
    keep = merge.keep_model
    defaults = {"add_spans": merge.add_spans, "ner_threshold": merge.ner_threshold,
                "add_types": sorted(merge.add_types), "roles": merge.roles,
                "keep_threshold": keep.threshold, "keep": True,
                "role_threshold": merge.role_model.threshold}
    for name, settings in (variants if variants is not None else VARIANTS).items():
        _configure(merge, settings, keep, defaults)
        out[name] = f1s(nlp)
        if progress:
            progress(name)
    _configure(merge, {}, keep, defaults)
    return out


def table(scores: dict[str, dict[str, float]]) -> str:
    """A Markdown table of the comparison."""
    lines = ["| setting (held-out, F1) | " + " | ".join(ROWS) + " |",
             "|---" * (len(ROWS) + 1) + "|"]
    for name, row in scores.items():
        lines.append(f"| {name} | " + " | ".join(f"{row.get(k, 0.0):.3f}" for k in ROWS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the held-out comparison table for a model trained with --hold-out."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--corpus", default=None,
                    help="texts of records without an abstract, by title [../shared/corpus]")
    ap.add_argument("--hold-out", type=int, default=20)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="paperkg-compare-") as tmp:
        path = Path(tmp) / "held-out.jsonl"
        n = held_out_file(args.gold, path, args.seeds, args.hold_out,
                          args.corpus or default_corpus())
        print(f"{n} held-out records")
        print(table(compare(args.model, path)))


if __name__ == "__main__":
    main()
