"""Fit the scorer of technique-head phrases (rules/method_scored.py) on the tuning sets (never
valid): task_scorer.run's `collect` and `fit` for the METHOD phrases (labelled 1 when a form of a
gold METHOD the paper's output does not already match), the weights written to
extractors/data/method_scorer.json.

    python -m paperkg.extractors.training.method_scorer collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.method_scorer fit OUT.jsonl... --cut P [--oof]
        [--hold SET...] [--write]
"""

from __future__ import annotations

from paperkg.extractors.rules import method_scored
from paperkg.extractors.training.task_scorer import run


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    run(argv, __doc__, method_scored, "METHOD", "method_scorer.json")


if __name__ == "__main__":
    main()
