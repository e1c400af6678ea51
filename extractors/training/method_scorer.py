"""Fit the scorer of technique-head phrases (rules/method_scored.py) on the tuning sets (never
valid).

    python -m paperkg.extractors.training.method_scorer collect OUT.jsonl GOLD...
    python -m paperkg.extractors.training.method_scorer fit OUT.jsonl... --cut P [--oof]
        [--hold SET...] [--write]

`collect` runs the `--fast` pipeline over each gold file and writes every phrase the family
looked at, with its features and its label: 1 when the phrase is a form of a gold METHOD that
the paper's output does not already match, else 0 (while it collects, the family adds nothing).
`fit` is the metric scorer's (metric_scorer.run): the task scorer's logistic fit, leaving out the
`--hold` sets, `--oof` per set out of fold, `--write` to extractors/data/method_scorer.json.
"""

from __future__ import annotations

from paperkg.extractors.rules import method_scored
from paperkg.extractors.training.metric_scorer import run


def main(argv: list[str] | None = None) -> None:
    """Command line: collect or fit."""
    run(argv, __doc__, method_scored, "METHOD", "method_scorer.json")


if __name__ == "__main__":
    main()
