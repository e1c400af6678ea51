"""Fit the scorer of measure-head phrases (rules/metric_scored.py) on the tuning sets (never
valid): task_scorer.run's `collect` and `fit` for the METRIC phrases, the weights written to
extractors/data/metric_scorer.json.

    python -m paperkg.extractors.training.metric_scorer collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.metric_scorer fit OUT.jsonl... --cut P [--oof]
        [--hold SET...] [--write]
"""

from __future__ import annotations

from pathlib import Path

from paperkg.extractors.rules import metric_scored
from paperkg.extractors.training.task_scorer import collect_phrases, run


def collect(out: Path, gold_paths: list[str], seeds: str | None = None) -> None:
    """Write the metric scorer's training lines (task_scorer.collect_phrases of metric_scored's
    METRIC phrases)."""
    collect_phrases(out, gold_paths, seeds, metric_scored, "METRIC")


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    run(argv, __doc__, metric_scored, "METRIC", "metric_scorer.json")


if __name__ == "__main__":
    main()
